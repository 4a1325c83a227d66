"""The property-graph view of the store that GEXF, GraphML and CSV exports write.

Nodes are entities (merged onto their canonical entity where the resolution graph has an ``owl:sameAs``
link) and events; edges are relations, criticisms, event participations and group affiliations, one edge
per (source, target, relation) with a weight counting the facts behind it and, where known, the earliest
date. Everything comes from SPARQL through the store protocol: each query runs once, unordered, and its rows
stream. Entities are held in a dict (id -> label, type, mentions) so that merged ones add up on their canonical
entity: memory grows with the number of nodes, never with the number of facts or edges.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg import vocab
from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.store.base import GraphStore, Term


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
ROLE_SEPARATOR = "; "

_RES = f"<{vocab.RESOLUTION_GRAPH.value}>"


def _part(graph_pattern: str, *variables: str) -> str:
    """A sub-SELECT over one pattern: pyoxigraph hash-joins sub-SELECTs instead of one index lookup per row."""
    return f"{{ SELECT {' '.join('?' + v for v in variables)} WHERE {{ {graph_pattern} }} }}"


def _in_graph(triple: str, *variables: str) -> str:
    """A sub-SELECT over one triple pattern inside each document graph ``?g``."""
    return _part(f"GRAPH ?g {{ {triple} }}", "g", *variables)


def _known_date(var: str) -> str:
    """SPARQL keeping a date with a year (an xsd:gMonthDay cannot be placed on a timeline)."""
    return f'FILTER(!STRSTARTS(STR(?{var}), "--"))'


def _type_names(types: tuple[str, ...]) -> str:
    """VALUES binding each class to its local name, so rows carry a short inline literal, not a class IRI."""
    return "VALUES (?class ?type) { " + " ".join(f'(kg:{t} "{t}")' for t in types) + " }"


# One row per entity (before sameAs merging), summed over the documents that mention it.
_ENTITY_NODES = f"""
SELECT ?e (MAX(?label) AS ?name) (SAMPLE(?type) AS ?t) (SUM(?mc) AS ?mentions) WHERE {{
  {_in_graph("?e kg:mentionCount ?mc", "e", "mc")}
  {_part(f"GRAPH ?g {{ ?e a ?class }} {_type_names(ENTITY_TYPES)}", "g", "e", "type")}
  {_in_graph("?e rdfs:label ?label", "e", "label")}
}} GROUP BY ?e
"""

_EVENT_NODES = f"""
SELECT ?e (SAMPLE(?label) AS ?name) (SAMPLE(?type) AS ?t) WHERE {{
  {_part(f"?e a ?class {_type_names(EVENT_TYPES)}", "e", "type")}
  {_part("?e rdfs:label ?label", "e", "label")}
}} GROUP BY ?e
"""

# Edges are grouped on the entities as stated; sameAs merging happens in Python (see _merged).
# kg:subject / kg:object / kg:critic / kg:target are only ever used on relation assertions and criticisms
# (kg.rdf), so the facts need no rdf:type join.
_RELATION_EDGES = f"""
SELECT ?s ?o ?rel (GROUP_CONCAT(DISTINCT ?role; separator="{ROLE_SEPARATOR}") AS ?roles) (COUNT(DISTINCT ?r) AS ?weight)
       (MIN(STR(?pub)) AS ?start) WHERE {{
  {_in_graph("?r kg:subject ?s", "r", "s")}
  {_in_graph("?r kg:predicate ?rel", "r", "rel")}
  {_in_graph("?r kg:object ?o", "r", "o")}
  OPTIONAL {_in_graph("?r kg:role ?role", "r", "role")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?g kg:published ?pub }} {_known_date('pub')}", "g", "pub")}
}} GROUP BY ?s ?o ?rel
"""

_CRITICISM_EDGES = f"""
SELECT ?s ?o ("criticised" AS ?rel) ("" AS ?roles) (COUNT(DISTINCT ?c) AS ?weight) (MIN(?d) AS ?start) WHERE {{
  {_in_graph("?c kg:critic ?s", "c", "s")}
  {_in_graph("?c kg:target ?o", "c", "o")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:date ?date }} {_known_date('date')}", "g", "c", "date")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:reported ?rep }} {_known_date('rep')}", "g", "c", "rep")}
  BIND(STR(COALESCE(?date, ?rep)) AS ?d)
}} GROUP BY ?s ?o
"""

_PARTICIPANT_EDGES = f"""
SELECT ?s ?o (STR(?p_role) AS ?rel) ("" AS ?roles) (COUNT(*) AS ?weight) (MIN(STR(?date)) AS ?start) WHERE {{
  {_in_graph("?o kg:participant ?p", "o", "p")}
  {_in_graph("?p kg:role ?p_role", "p", "p_role")}
  {_in_graph("?p kg:entity ?s", "p", "s")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?o kg:date ?date }} {_known_date('date')}", "g", "o", "date")}
}} GROUP BY ?s ?o ?p_role
"""

_AFFILIATION_EDGES = """
SELECT ?s ?o ("affiliation" AS ?rel) ("" AS ?roles) (COUNT(*) AS ?weight) ("" AS ?start) WHERE {
  ?s kg:affiliation ?o .
} GROUP BY ?s ?o
"""


def _rows(store: GraphStore, query: str) -> Iterator[tuple[Term | None, ...]]:
    """The rows of a SELECT, streamed: run once, unordered, never held whole."""
    return store.stream(vocab.sparql_prefixes() + query)[1]


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


def canonical_ids(store: GraphStore) -> dict[str, str]:
    """Export id of each merged entity -> export id of its canonical entity (the resolution graph is small)."""
    rows = _rows(store, f"SELECT ?e ?c WHERE {{ GRAPH {_RES} {{ ?e owl:sameAs ?c }} }}")
    return {node_id(e): node_id(c) for e, c in rows}


def nodes(store: GraphStore, canonical: dict[str, str] | None = None) -> Iterator[Node]:
    """Every node: entities (canonical ones only), then events."""
    canonical = canonical_ids(store) if canonical is None else canonical
    # id -> [label, type, mentions]: O(entities), which merging onto canonical entities needs.
    entities: dict[str, list] = {}
    for e, name, type_, mentions in _rows(store, _ENTITY_NODES):
        raw = node_id(e)
        target = canonical.get(raw, raw)
        count = int(_text(mentions) or 0)
        entry = entities.get(target)
        if entry is None:
            entities[target] = ["" if target != raw else _text(name), _text(type_), count]
            continue
        entry[2] += count
        if target == raw:  # the canonical entity's own label wins over those of the entities merged onto it
            entry[0], entry[1] = _text(name), _text(type_) or entry[1]
    for id_, (label, type_, mentions) in entities.items():
        yield Node(id_, label, type_, "entity", mentions)
    del entities
    for e, name, type_ in _rows(store, _EVENT_NODES):
        yield Node(node_id(e), _text(name), _text(type_), "event", 1)


def edges(store: GraphStore, canonical: dict[str, str] | None = None) -> Iterator[Edge]:
    """Every edge: relations, criticisms, event participations, group affiliations."""
    canonical = canonical_ids(store) if canonical is None else canonical
    for query in (_RELATION_EDGES, _CRITICISM_EDGES, _PARTICIPANT_EDGES, _AFFILIATION_EDGES):
        yield from _merged(_rows(store, query), canonical)


def _merged(rows: Iterator[tuple[Term | None, ...]], canonical: dict[str, str]) -> Iterator[Edge]:
    """Edges from grouped rows; those touching a merged entity are held back and merged, the rest stream through."""
    touched = set(canonical) | set(canonical.values())
    held: dict[tuple[str, str, str], list] = {}  # (source, target, relation) -> [weight, roles, start]
    for s, o, rel, roles, weight, start in rows:
        source, target, relation = node_id(s), node_id(o), _text(rel)
        count, first = int(_text(weight) or 1), timeline_date(_text(start))
        if source not in touched and target not in touched:
            yield Edge(source, target, relation, _text(roles) or None, count, first)
            continue
        # Distinct facts of distinct stated endpoints are distinct facts: weights of merged groups add up.
        key = (canonical.get(source, source), canonical.get(target, target), relation)
        entry = held.setdefault(key, [0, set(), None])
        entry[0] += count
        entry[1].update(r for r in _text(roles).split(ROLE_SEPARATOR) if r)
        if first and (entry[2] is None or first < entry[2]):
            entry[2] = first
    for (source, target, relation), (count, role_set, first) in held.items():
        yield Edge(source, target, relation, ROLE_SEPARATOR.join(sorted(role_set)) or None, count, first)
