"""GraphML (readable by networkx, Gephi, yEd, Cytoscape), its elements written by the store as GEXF's are.

Edges carry no id (optional in GraphML).
"""

from __future__ import annotations

from typing import BinaryIO

from kg.export.graphview import EDGE_ATTRIBUTES, EDGE_QUERIES, NODE_ATTRIBUTES, NODE_QUERIES, write_elements
from kg.export.xmlutil import sparql_choose, sparql_markup, sparql_xml
from kg.store.base import GraphStore

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"string": "string", "integer": "int", "double": "double"}

# Rows of parts for kg.export.graphview.write_elements; an optional <data> opens in the part before its value
# and closes in the part after it. ?type, ?kind, ?mentions, ?weight and ?start need no escaping (see gexf.py).
_NODE = (
    sparql_markup("<node id='"),
    sparql_xml("id"),
    sparql_markup("'><data key='label'>"),
    f'IF(?label = "", {sparql_xml("id")}, {sparql_xml("label")})',
    sparql_choose("type", "</data>", "</data><data key='type'>"),
    "?type",
    sparql_choose("type", "<data key='kind'>", "</data><data key='kind'>"),
    "?kind",
    sparql_markup("</data><data key='mentions'>"),
    "?mentions",
    sparql_markup("</data></node>"),
)
_EDGE = (
    sparql_markup("<edge source='"),
    sparql_xml("source"),
    sparql_markup("' target='"),
    sparql_xml("target"),
    sparql_markup("'><data key='relation'>"),
    sparql_xml("relation"),
    sparql_choose("role", "</data>", "</data><data key='role'>"),
    sparql_xml("role"),
    sparql_choose("role", "<data key='weight'>", "</data><data key='weight'>"),
    "?weight",
    sparql_choose("start", "</data>", "</data><data key='start'>"),
    "?start",
    sparql_choose("start", "</edge>", "</data></edge>"),
)


def write_graphml(store: GraphStore, out: BinaryIO) -> None:
    """Write the graph view of the store as directed GraphML with label, type, mentions, relation, weight, start."""
    keys = [("node", "label", "string"), *(("node", n, t) for n, t in NODE_ATTRIBUTES)]
    keys += [*(("edge", n, t) for n, t in EDGE_ATTRIBUTES), ("edge", "weight", "double"), ("edge", "start", "string")]
    head = "".join(f'<key id="{n}" for="{d}" attr.name="{n}" attr.type="{_TYPES[k]}"/>\n' for d, n, k in keys)
    out.write(
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            f'{head}<graph id="ainews-kg" edgedefault="directed">\n'
        ).encode()
    )
    write_elements(store, NODE_QUERIES, _NODE, out)
    write_elements(store, EDGE_QUERIES, _EDGE, out)
    out.write(b"</graph>\n</graphml>\n")
