"""GEXF 1.3 for Gephi: a dynamic directed graph with a timeline, and the figures Gephi users compute first.

Nodes span their dates (:mod:`kg.export.figures`); a criticism edge has one spell per date of its criticisms,
other edges span the dates of their facts. Edges have ids and a ``kind`` (their relation), so that Gephi keeps
parallel edges of different relations apart. The store writes the edge elements itself and Python the nodes
(see :mod:`kg.export.elements`): memory holds the topology, never a fact or an element string.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from kg.export.elements import EDGE_OPENING, NodeRow, elements, escaped
from kg.export.figures import Figures
from kg.export.graphview import EDGE_ATTRIBUTES, NODE_ATTRIBUTES
from kg.export.xmlutil import sparql_markup, sparql_optional
from kg.store.base import GraphStore

GEXF_NS = "http://gexf.net/1.3"
_NODES_PER_WRITE = 1000


def _attribute_decls(cls: str, attributes: tuple[tuple[str, str], ...]) -> str:
    decls = "".join(f'<attribute id="{n}" title="{n}" type="{t}"/>' for n, t in attributes)
    return f'<attributes class="{cls}">{decls}</attributes>\n'


# The edge element, as parts the store writes (kg.export.elements). Ids read "source relation target". An edge
# whose facts each have a date (?dates, criticisms) gets a spell per date; others span ?first to ?last.
_SPAN = """IF(?dates = "" && ?first != "", CONCAT("' start='", ?first, "' end='", ?last), "")"""
_SPELLS = (
    'IF(?dates = "", "", CONCAT("<spells>", '
    """REPLACE(REPLACE(?dates, "; ", ""), "([0-9]{4}-[0-9]{2}-[0-9]{2})", "<spell start='$1' end='$1'/>"), """
    '"</spells>"))'
)
_EDGE = (
    *EDGE_OPENING,
    sparql_markup("' label='"),
    escaped("relation"),
    sparql_markup("' kind='"),
    escaped("relation"),
    sparql_markup("' weight='"),
    "?weight",
    _SPAN,
    sparql_markup("'><attvalues><attvalue for='relation' value='"),
    escaped("relation"),
    sparql_markup("'/>"),
    *sparql_optional("role", "<attvalue for='role' value='", "'/>"),
    *sparql_optional("quote", "<attvalue for='quote' value='", "'/>"),
    *sparql_optional("document", "<attvalue for='document' value='", "'/>"),
    sparql_markup("</attvalues>"),
    _SPELLS,
    sparql_markup("</edge>"),
)


def _node(row: NodeRow, figures: Figures) -> bytes:
    """A node element, spanning its dates where it has any."""
    span = b" start='%s' end='%s'" % (figures.first, figures.last) if figures.first else b""
    values = (
        (b"type", row.type), (b"kind", row.kind), (b"mentions", row.mentions), (b"degree", b"%d" % figures.degree),
        (b"criticisms_received", b"%d" % figures.criticisms_received), (b"pagerank", b"%.6g" % figures.pagerank),
        (b"community", b"%d" % figures.community),
    )  # fmt: skip
    attvalues = b"".join(b"<attvalue for='%s' value='%s'/>" % (name, value) for name, value in values if value)
    return b"<node id='%s' label='%s'%s><attvalues>%s</attvalues></node>\n" % (row.id, row.label, span, attvalues)


def write_gexf(store: GraphStore, out: BinaryIO) -> None:
    """Write the graph view of the store as GEXF 1.3 (mode="dynamic", timeformat="date")."""
    today = dt.date.today().isoformat()
    with elements(store, _EDGE) as graph:
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
        for start in range(0, len(graph.nodes), _NODES_PER_WRITE):
            out.write(b"".join(_node(row, figures) for row, figures in graph.nodes[start : start + _NODES_PER_WRITE]))
        out.write(b"</nodes>\n<edges>\n")
        graph.copy_edges(out)
        out.write(b"</edges>\n</graph>\n</gexf>\n")
