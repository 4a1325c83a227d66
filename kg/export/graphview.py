"""The property-graph view of the store that GEXF, GraphML and CSV exports write.

Nodes are entities (merged onto their canonical entity where the resolution graph has an ``owl:sameAs``
link) and events; edges are relations, criticisms, event participations and group affiliations, one edge
per (source, target, relation) with a weight counting the facts behind it and, where known, the earliest
date. Everything comes from SPARQL through the store protocol, in ordered pages, so memory does not grow
with the graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg import vocab
from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.store.base import GraphStore, SelectResult, Term

PAGE_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class Node:
    """A node: an entity or an event."""

    id: str
    label: str
    type: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True)
class Edge:
    """A directed edge aggregating the facts of one relation between two nodes."""

    source: str
    target: str
    relation: str
    role: str | None
    weight: int
    start: str | None


# (name, type) of the attributes each node and edge carries, in the names GEXF and GraphML use.
NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (("type", "string"), ("kind", "string"), ("mentions", "integer"))
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (("relation", "string"), ("role", "string"))

_RES = f"<{vocab.RESOLUTION_GRAPH.value}>"


def _canonical(var: str, raw: str) -> str:
    """SPARQL binding ``?var`` to the canonical entity of ``?raw`` (itself when it has no sameAs link)."""
    return f"OPTIONAL {{ GRAPH {_RES} {{ ?{raw} owl:sameAs ?{raw}_c }} }} BIND(COALESCE(?{raw}_c, ?{raw}) AS ?{var})"


def _known_date(var: str, expr: str) -> str:
    """SPARQL keeping a date with a year (an xsd:gMonthDay cannot be placed on a timeline)."""
    return f'{expr} FILTER(!STRSTARTS(STR(?{var}), "--"))'


_ENTITY_NODES = f"""
SELECT ?node (MAX(IF(BOUND(?e_c), "", STR(?label))) AS ?name) (SAMPLE(?type) AS ?t) (SUM(?mc) AS ?mentions) WHERE {{
  GRAPH ?g {{ ?e a ?type ; rdfs:label ?label ; kg:mentionCount ?mc }}
  VALUES ?type {{ {" ".join(f"kg:{t}" for t in ENTITY_TYPES)} }}
  {_canonical("node", "e")}
}} GROUP BY ?node ORDER BY ?node
"""

_EVENT_NODES = f"""
SELECT ?node (SAMPLE(STR(?label)) AS ?name) (SAMPLE(?type) AS ?t) (1 AS ?mentions) WHERE {{
  ?node a ?type ; rdfs:label ?label .
  VALUES ?type {{ {" ".join(f"kg:{t}" for t in EVENT_TYPES)} }}
}} GROUP BY ?node ORDER BY ?node
"""

_RELATION_EDGES = f"""
SELECT ?s ?o ?rel (GROUP_CONCAT(DISTINCT STR(?r_role); separator="; ") AS ?role) (COUNT(DISTINCT ?r) AS ?weight)
       (MIN(STR(?pub)) AS ?start) WHERE {{
  GRAPH ?g {{
    ?r a kg:RelationAssertion ; kg:subject ?s0 ; kg:predicate ?rel ; kg:object ?o0 .
    OPTIONAL {{ ?r kg:role ?r_role }}
    OPTIONAL {{ {_known_date("pub", "?g kg:published ?pub .")} }}
  }}
  {_canonical("s", "s0")} {_canonical("o", "o0")}
}} GROUP BY ?s ?o ?rel ORDER BY ?s ?o ?rel
"""

_CRITICISM_EDGES = f"""
SELECT ?s ?o ("criticised" AS ?rel) ("" AS ?role) (COUNT(DISTINCT ?c) AS ?weight) (MIN(?d) AS ?start) WHERE {{
  ?c a kg:Criticism ; kg:critic ?s0 ; kg:target ?o0 .
  OPTIONAL {{ {_known_date("date", "?c kg:date ?date .")} }}
  OPTIONAL {{ {_known_date("rep", "?c kg:reported ?rep .")} }}
  BIND(STR(COALESCE(?date, ?rep)) AS ?d)
  {_canonical("s", "s0")} {_canonical("o", "o0")}
}} GROUP BY ?s ?o ORDER BY ?s ?o
"""

_PARTICIPANT_EDGES = f"""
SELECT ?s ?o (STR(?p_role) AS ?rel) ("" AS ?role) (COUNT(*) AS ?weight) (MIN(STR(?date)) AS ?start) WHERE {{
  ?o kg:participant ?p . ?p kg:role ?p_role ; kg:entity ?s0 .
  OPTIONAL {{ {_known_date("date", "?o kg:date ?date .")} }}
  {_canonical("s", "s0")}
}} GROUP BY ?s ?o ?p_role ORDER BY ?s ?o ?p_role
"""

_AFFILIATION_EDGES = f"""
SELECT ?s ?o ("affiliation" AS ?rel) ("" AS ?role) (COUNT(*) AS ?weight) ("" AS ?start) WHERE {{
  ?s0 kg:affiliation ?o0 .
  {_canonical("s", "s0")} {_canonical("o", "o0")}
}} GROUP BY ?s ?o ORDER BY ?s ?o
"""


def _pages(store: GraphStore, query: str) -> Iterator[tuple[Term | None, ...]]:
    """The rows of an ordered SELECT, fetched a page of PAGE_ROWS at a time."""
    offset, page_rows = 0, PAGE_ROWS
    while True:
        result = store.query(f"{vocab.sparql_prefixes()}{query} LIMIT {page_rows} OFFSET {offset}")
        assert isinstance(result, SelectResult)
        yield from result.rows
        if len(result.rows) < page_rows:
            return
        offset += page_rows


def _text(term: Term | None) -> str:
    """The lexical value of a term, empty when unbound."""
    return "" if term is None else str(getattr(term, "value", term))


def node_id(term: Term | None) -> str:
    """The export id of a resource: its local id (``per-jane-doe``), or the full IRI for foreign ones."""
    return vocab.local_id(_text(term))


def timeline_date(value: str) -> str | None:
    """An ISO date for a timeline: ``2023-12`` -> ``2023-12-01``, ``2023`` -> ``2023-01-01``; None if unplaceable."""
    if not value or value.startswith("--"):
        return None
    parts = value[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return None
    return "-".join([*parts, "01", "01"][:3])


def nodes(store: GraphStore) -> Iterator[Node]:
    """Every node: entities (canonical ones only), then events."""
    for kind, query in (("entity", _ENTITY_NODES), ("event", _EVENT_NODES)):
        for node, name, type_, mentions in _pages(store, query):
            count = mentions.value if isinstance(mentions, ox.Literal) else "1"
            yield Node(node_id(node), _text(name), _text(type_).rpartition("#")[2], kind, int(count))


def edges(store: GraphStore) -> Iterator[Edge]:
    """Every edge: relations, criticisms, event participations, group affiliations."""
    for query in (_RELATION_EDGES, _CRITICISM_EDGES, _PARTICIPANT_EDGES, _AFFILIATION_EDGES):
        for s, o, rel, role, weight, start in _pages(store, query):
            yield Edge(
                node_id(s),
                node_id(o),
                _text(rel),
                _text(role) or None,
                int(_text(weight) or 1),
                timeline_date(_text(start)),
            )
