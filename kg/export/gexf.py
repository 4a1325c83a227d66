"""GEXF 1.3 for Gephi: a dynamic directed graph whose edges start at the date of their earliest fact.

Written as text, a node or edge at a time, so memory stays flat however large the graph.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from kg.export.graphview import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edges, nodes
from kg.export.xmlutil import ChunkedWriter, attr
from kg.store.base import GraphStore

GEXF_NS = "http://gexf.net/1.3"


def _attribute_decls(cls: str, attributes: tuple[tuple[str, str], ...]) -> str:
    decls = "".join(f'<attribute id="{n}" title="{n}" type="{t}"/>' for n, t in attributes)
    return f'<attributes class="{cls}">{decls}</attributes>\n'


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
    buffer = ChunkedWriter(out)
    # Types, kinds, relations and roles repeat across the graph: escape each distinct value once.
    values: dict[tuple[str, object], str] = {}

    def attvalue(name: str, value: object) -> str:
        key = (name, value)
        found = values.get(key)
        if found is None:
            found = values[key] = "" if value in (None, "") else f"<attvalue for={attr(name)} value={attr(value)}/>"
        return found

    write = buffer.write
    for node in nodes(store):
        items = attvalue("type", node.type) + attvalue("kind", node.kind) + attvalue("mentions", node.mentions)
        body = f"<attvalues>{items}</attvalues>" if items else ""
        write(f"<node id={attr(node.id)} label={attr(node.label or node.id)}>{body}</node>\n")
    write("</nodes>\n<edges>\n")
    for i, edge in enumerate(edges(store)):
        start = f' start="{edge.start}"' if edge.start else ""  # timeline_date gives digits and dashes only
        items = attvalue("relation", edge.relation) + attvalue("role", edge.role)
        body = f"<attvalues>{items}</attvalues>" if items else ""
        write(
            f'<edge id="{i}" source={attr(edge.source)} target={attr(edge.target)} label={attr(edge.relation)}'
            f' weight="{edge.weight}"{start}>{body}</edge>\n'
        )
    buffer.write("</edges>\n</graph>\n</gexf>\n")
    buffer.flush()
