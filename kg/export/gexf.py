"""GEXF 1.3 for Gephi: a dynamic directed graph whose edges start at the date of their earliest fact.

The store writes the node and edge elements itself (see :func:`kg.export.graphview.write_elements`): memory
stays flat however large the graph, and no Python object is made per element. Edges carry no id (optional in
GEXF; Gephi and networkx number them).
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from kg.export.graphview import EDGE_ATTRIBUTES, EDGE_QUERIES, NODE_ATTRIBUTES, NODE_QUERIES, write_elements
from kg.export.xmlutil import sparql_choose, sparql_markup, sparql_xml
from kg.store.base import GraphStore

GEXF_NS = "http://gexf.net/1.3"


def _attribute_decls(cls: str, attributes: tuple[tuple[str, str], ...]) -> str:
    decls = "".join(f'<attribute id="{n}" title="{n}" type="{t}"/>' for n, t in attributes)
    return f'<attributes class="{cls}">{decls}</attributes>\n'


# Each element is a row of parts (see write_elements); optional attributes and attvalues open in the part
# before their value and close in the part after it. ?type and ?kind are class names and constants of the
# graph view, ?mentions and ?weight integers and ?start a timeline date: none needs escaping.
_RELATION_ATTVALUE = "><attvalues><attvalue for='relation' value='"
_NODE = (
    sparql_markup("<node id='"),
    sparql_xml("id"),
    sparql_markup("' label='"),
    f'IF(?label = "", {sparql_xml("id")}, {sparql_xml("label")})',
    sparql_choose("type", "'><attvalues>", "'><attvalues><attvalue for='type' value='"),
    "?type",
    sparql_choose("type", "<attvalue for='kind' value='", "'/><attvalue for='kind' value='"),
    "?kind",
    sparql_markup("'/><attvalue for='mentions' value='"),
    "?mentions",
    sparql_markup("'/></attvalues></node>"),
)
_EDGE = (
    sparql_markup("<edge source='"),
    sparql_xml("source"),
    sparql_markup("' target='"),
    sparql_xml("target"),
    sparql_markup("' label='"),
    sparql_xml("relation"),
    sparql_markup("' weight='"),
    "?weight",
    sparql_choose("start", "'", "' start='"),
    "?start",
    sparql_choose("start", _RELATION_ATTVALUE, "'" + _RELATION_ATTVALUE),
    sparql_xml("relation"),
    sparql_choose("role", "'/></attvalues></edge>", "'/><attvalue for='role' value='"),
    sparql_xml("role"),
    sparql_choose("role", "", "'/></attvalues></edge>"),
)


def write_gexf(store: GraphStore, out: BinaryIO) -> None:
    """Write the graph view of the store as GEXF 1.3 (mode="dynamic", timeformat="date")."""
    today = dt.date.today().isoformat()
    out.write(
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<gexf xmlns="{GEXF_NS}" version="1.3">\n'
            f'<meta lastmodifieddate="{today}"><creator>ainews-kg</creator>'
            "<description>Actors, events and relations from news about the AI industry</description></meta>\n"
            '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
            + _attribute_decls("node", NODE_ATTRIBUTES)
            + _attribute_decls("edge", EDGE_ATTRIBUTES)
            + "<nodes>\n"
        ).encode()
    )
    write_elements(store, NODE_QUERIES, _NODE, out)
    out.write(b"</nodes>\n<edges>\n")
    write_elements(store, EDGE_QUERIES, _EDGE, out)
    out.write(b"</edges>\n</graph>\n</gexf>\n")
