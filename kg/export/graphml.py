"""GraphML (readable by networkx, Gephi, yEd, Cytoscape): GEXF's graph and attributes, dates as plain values.

GraphML has no spells: a node or edge has ``start`` and ``end`` (its first and last date), and a criticism
edge ``dates``, every date of its criticisms. Elements are written as GEXF's are (see kg.export.elements).
"""

from __future__ import annotations

from typing import BinaryIO

from kg.export.elements import EDGE_OPENING, NodeRow, elements, escaped
from kg.export.figures import Figures
from kg.export.graphview import EDGE_ATTRIBUTES, NODE_ATTRIBUTES
from kg.export.xmlutil import sparql_markup, sparql_optional
from kg.store.base import GraphStore

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"string": "string", "integer": "int", "double": "double"}
_DATES = (("start", "string"), ("end", "string"))
_NODES_PER_WRITE = 1000

# The edge element, as parts the store writes (kg.export.elements); ids as in GEXF.
_EDGE = (
    *EDGE_OPENING,
    sparql_markup("'><data key='relation'>"),
    escaped("relation"),
    sparql_markup("</data>"),
    *sparql_optional("role", "<data key='role'>", "</data>"),
    *sparql_optional("quote", "<data key='quote'>", "</data>"),
    *sparql_optional("document", "<data key='document'>", "</data>"),
    sparql_markup("<data key='weight'>"),
    "?weight",
    sparql_markup("</data>"),
    'IF(?first = "", "", "<data key=\'start\'>")',
    "?first",
    'IF(?first = "", "", "</data><data key=\'end\'>")',
    "?last",
    'IF(?first = "", "", "</data>")',
    'IF(?dates = "", "", "<data key=\'dates\'>")',
    "?dates",
    'IF(?dates = "", "", "</data>")',
    sparql_markup("</edge>"),
)


def _node(row: NodeRow, figures: Figures) -> bytes:
    """A node element with its label, attributes, figures and first and last date."""
    values = (
        (b"label", row.label), (b"type", row.type), (b"kind", row.kind), (b"mentions", row.mentions),
        (b"degree", b"%d" % figures.degree), (b"criticisms_received", b"%d" % figures.criticisms_received),
        (b"pagerank", b"%.6g" % figures.pagerank), (b"community", b"%d" % figures.community),
        (b"start", figures.first), (b"end", figures.last),
    )  # fmt: skip
    data = b"".join(b"<data key='%s'>%s</data>" % (key, value) for key, value in values if value)
    return b"<node id='%s'>%s</node>\n" % (row.id, data)


def write_graphml(store: GraphStore, out: BinaryIO) -> None:
    """Write the graph view of the store as directed GraphML with the attributes and figures of the GEXF export."""
    keys = [("node", "label", "string"), *(("node", n, t) for n, t in (*NODE_ATTRIBUTES, *_DATES))]
    keys += [("edge", n, t) for n, t in (*EDGE_ATTRIBUTES, ("weight", "double"), *_DATES, ("dates", "string"))]
    head = "".join(f'<key id="{n}" for="{d}" attr.name="{n}" attr.type="{_TYPES[k]}"/>\n' for d, n, k in keys)
    with elements(store, _EDGE) as graph:
        out.write(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
                f'{head}<graph id="ainews-kg" edgedefault="directed">\n'
            ).encode()
        )
        for start in range(0, len(graph.nodes), _NODES_PER_WRITE):
            out.write(b"".join(_node(row, figures) for row, figures in graph.nodes[start : start + _NODES_PER_WRITE]))
        graph.copy_edges(out)
        out.write(b"</graph>\n</graphml>\n")
