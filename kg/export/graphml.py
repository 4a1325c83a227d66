"""GraphML (readable by networkx, Gephi, yEd, Cytoscape), written as text an element at a time."""

from __future__ import annotations

from typing import BinaryIO

from kg.export.graphview import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edges, nodes
from kg.export.xmlutil import ChunkedWriter, attr, text
from kg.store.base import GraphStore

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"string": "string", "integer": "int", "double": "double"}


def _data(values: dict[str, object]) -> str:
    return "".join(f"<data key={attr(k)}>{text(v)}</data>" for k, v in values.items() if v not in (None, ""))


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
    buffer = ChunkedWriter(out)
    for node in nodes(store):
        values = {"label": node.label or node.id, "type": node.type, "kind": node.kind, "mentions": node.mentions}
        buffer.write(f"<node id={attr(node.id)}>{_data(values)}</node>\n")
    for i, edge in enumerate(edges(store)):
        values = {"relation": edge.relation, "role": edge.role, "weight": edge.weight, "start": edge.start}
        buffer.write(f'<edge id="e{i}" source={attr(edge.source)} target={attr(edge.target)}>{_data(values)}</edge>\n')
    buffer.write("</graph>\n</graphml>\n")
    buffer.flush()
