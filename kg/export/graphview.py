"""The property-graph view of the store that GEXF, GraphML and CSV exports write.

Nodes are entities (merged onto their canonical entity where the resolution graph has an ``owl:sameAs``
link) and events; edges are relations, criticisms, event participations and group affiliations, one edge
per (source, target, relation) with a weight counting the facts behind it and, where known, the earliest
date.

The whole view is SPARQL, sameAs merging included: each query's rows are finished nodes (NODE_COLUMNS) or
edges (EDGE_COLUMNS), grouped inside the store, so Python memory stays flat however large the graph.
``nodes`` and ``edges`` stream them as Python objects. ``write_elements`` instead has the store write each
row as a line of text (an XML element) through its own CSV writer: no Python object per node or edge, which
is what makes the XML exports fast. What remains is the store's: joins, and reading IRIs back from RocksDB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

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

# The variables of every node query and every edge query, in this order. All are strings but ?mentions and
# ?weight (integers); "" stands for unknown (no label, no role, no start), never an unbound variable.
NODE_COLUMNS = ("id", "label", "type", "kind", "mentions")
EDGE_COLUMNS = ("source", "target", "relation", "role", "weight", "start")

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


def _type_names(types: tuple[str, ...], var: str) -> str:
    """VALUES binding each class to its local name, so rows carry a short inline literal, not a class IRI."""
    return f"VALUES (?class ?{var}) {{ " + " ".join(f'(kg:{t} "{t}")' for t in types) + " }"


def _canonical(stated: str, canonical: str) -> str:
    """An OPTIONAL binding ``?canonical`` to the entity ``?stated`` is merged onto, if any."""
    return "OPTIONAL " + _part(f"GRAPH {_RES} {{ ?{stated} owl:sameAs ?{canonical} }}", stated, canonical)


def _merged(stated: str, canonical: str, var: str) -> str:
    """A GROUP BY key: the canonical entity of ``?stated`` where it has one, else itself."""
    return f"(COALESCE(?{canonical}, ?{stated}) AS ?{var})"


# The export id of a resource: its local id (``per-jane-doe``), or the full IRI for foreign ones.
_LOCAL_ID = re.escape(vocab.RESOURCE).replace("\\", "\\\\")


def _export_id(var: str) -> str:
    """SPARQL: the export id of the IRI ``?var``."""
    return f'REPLACE(STR(?{var}), "^{_LOCAL_ID}", "")'


def sparql_timeline_date(var: str) -> str:
    """SPARQL: ``?var`` as an ISO date for a timeline (``2023-12`` -> ``2023-12-01``), "" if it has no year."""
    day = f"SUBSTR(?{var}, 1, 10)"
    return (
        f'COALESCE(IF(REGEX({day}, "^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$"), {day}, '
        f'IF(REGEX({day}, "^[0-9]{{4}}-[0-9]{{2}}$"), CONCAT({day}, "-01"), '
        f'IF(REGEX({day}, "^[0-9]{{4}}$"), CONCAT({day}, "-01-01"), ""))), "")'
    )


# pyoxigraph's MIN, MAX and GROUP_CONCAT are unbound as soon as one value is: a fact without a date or a role
# would hide those of the others. Hence sentinels: "~" sorts after any date and is no date; empty roles go.
def _earliest(expr: str) -> str:
    """SPARQL aggregate: the least of the values of ``expr`` that are bound, "~" if none is."""
    return f'MIN(COALESCE({expr}, "~"))'


def _roles(var: str) -> str:
    """SPARQL aggregate: the distinct values of ``?var`` joined by ROLE_SEPARATOR, with an empty one if unbound."""
    return f'GROUP_CONCAT(DISTINCT COALESCE(?{var}, ""); separator="{ROLE_SEPARATOR}")'


def _without_empty_role(var: str) -> str:
    """SPARQL: the roles ``?var`` (from _roles) without their empty one; the test spares most rows the rewrite."""
    sep = ROLE_SEPARATOR
    rewritten = f'REPLACE(REPLACE(?{var}, "^{sep}|{sep}$", ""), "{sep}{sep}", "{sep}")'
    return f'IF(REGEX(?{var}, "^{sep}|{sep}$|{sep}{sep}"), {rewritten}, ?{var})'


def _stated_entities(members: str = "") -> str:
    """One row per entity as stated (?e ?name ?type ?mentions), summed over the documents that mention it.

    ``members``, a pattern binding ?e, restricts the rows to those entities.
    """
    return f"""
  {{ SELECT ?e (SUM(?mc) AS ?mentions) WHERE {{ {members} GRAPH ?g {{ ?e kg:mentionCount ?mc }} }} GROUP BY ?e }}
  {{ SELECT ?e (SAMPLE(?t) AS ?type) WHERE {{ {members} {_type_names(ENTITY_TYPES, "t")} ?e a ?class }} GROUP BY ?e }}
  {{ SELECT ?e (MAX(?l) AS ?name) WHERE {{ {members} ?e rdfs:label ?l }} GROUP BY ?e }}
"""


# The entities merged onto another one, and those others (a sub-SELECT: joined by hashing, not looked up).
_MEMBERS = (
    f"{{ SELECT DISTINCT ?e WHERE {{ {{ GRAPH {_RES} {{ ?e owl:sameAs ?x }} }}"
    f" UNION {{ GRAPH {_RES} {{ ?x owl:sameAs ?e }} }} }} }}"
)


# Entities no owl:sameAs link touches (nearly all) are written as stated. Those merged onto a canonical entity
# add up on it: mentions sum; the canonical entity's own label and type win over those of the entities merged
# onto it (a canonical entity no document names has no label). Grouping only those is much cheaper than
# grouping every entity again.
_ENTITY_NODES = f"""
SELECT ?id ?label ?type ("entity" AS ?kind) ?mentions WHERE {{
  {{
    {_stated_entities()}
    MINUS {{ GRAPH {_RES} {{ ?e owl:sameAs ?other }} }}
    MINUS {{ GRAPH {_RES} {{ ?other owl:sameAs ?e }} }}
    BIND({_export_id("e")} AS ?id)
    BIND(?name AS ?label)
  }} UNION {{
    SELECT ({_export_id("node")} AS ?id) ?label (IF(?own_type = "", ?any_type, ?own_type) AS ?type) ?mentions
    WHERE {{ {{
      SELECT ?node (MAX(IF(?e = ?node, ?name, "")) AS ?label) (MAX(IF(?e = ?node, ?type, "")) AS ?own_type)
             (MAX(?type) AS ?any_type) (SUM(?m) AS ?mentions) WHERE {{
        {{ SELECT ?e ?name ?type (?mentions AS ?m) WHERE {{ {_stated_entities(_MEMBERS)} }} }}
        {_canonical("e", "c")}
        BIND(COALESCE(?c, ?e) AS ?node)
      }} GROUP BY ?node
    }} }}
  }}
}}
"""

_EVENT_NODES = f"""
SELECT ({_export_id("e")} AS ?id) ?label ?type ("event" AS ?kind) (1 AS ?mentions) WHERE {{ {{
  SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{
    {{ SELECT ?e ?t WHERE {{ {_type_names(EVENT_TYPES, "t")} ?e a ?class }} }}
    ?e rdfs:label ?l .
  }} GROUP BY ?e
}} }}
"""


def _ids(pattern: str, var: str, out: str) -> str:
    """A sub-SELECT binding each node ``?var`` an edge query groups on to its export id ``?out``.

    ``pattern`` binds ?stated to the endpoints as stated; ?var is their canonical entity. Joining the edges
    with this table reads each node's IRI once per query instead of once per edge: reading an IRI back from
    RocksDB is what costs most in writing an edge.
    """
    return (
        f"{{ SELECT ?{var} ({_export_id(var)} AS ?{out}) WHERE {{ {{ SELECT DISTINCT ?{var} WHERE {{"
        f" {{ SELECT DISTINCT ?stated WHERE {{ {pattern} }} }} {_canonical('stated', 'canonical')}"
        f" BIND(COALESCE(?canonical, ?stated) AS ?{var}) }} }} }} }}"
    )


def _edges(grouped: str, sources: str, targets: str) -> str:
    """An edge query from a grouped one binding ?s ?o (IRIs) ?relation ?roles ?weight and ?first (a date or "~").

    ``sources`` and ``targets`` are patterns binding ?stated to the sources and targets as stated.
    """
    return (
        f"SELECT ?source ?target ?relation ({_without_empty_role('roles')} AS ?role) ?weight"
        f" ({sparql_timeline_date('first')} AS ?start) WHERE {{ {{ {grouped} }}"
        f" {_ids(sources, 's', 'source')} {_ids(targets, 'o', 'target')} }}"
    )


# Edges are grouped on the canonical entities of the endpoints as stated. Distinct facts of distinct stated
# endpoints are distinct facts, so counting distinct facts over a merged group adds up the weights.
# kg:subject / kg:object / kg:critic / kg:target are only ever used on relation assertions and criticisms
# (kg.rdf), so the facts need no rdf:type join.
_RELATION_EDGES = _edges(
    f"""
SELECT ?s ?o ?relation ({_roles("r_role")} AS ?roles) (COUNT(DISTINCT ?r) AS ?weight)
       ({_earliest("STR(?pub)")} AS ?first) WHERE {{
  {_in_graph("?r kg:subject ?s0", "r", "s0")}
  {_in_graph("?r kg:predicate ?rel", "r", "rel")}
  {_in_graph("?r kg:object ?o0", "r", "o0")}
  OPTIONAL {_in_graph("?r kg:role ?r_role", "r", "r_role")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?g kg:published ?pub }} {_known_date('pub')}", "g", "pub")}
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")} (STR(?rel) AS ?relation)
""",
    "?x kg:subject ?stated",
    "?x kg:object ?stated",
)

_CRITICISM_EDGES = _edges(
    f"""
SELECT ?s ?o ("criticised" AS ?relation) ("" AS ?roles) (COUNT(DISTINCT ?c) AS ?weight)
       ({_earliest("?d")} AS ?first) WHERE {{
  {_in_graph("?c kg:critic ?s0", "c", "s0")}
  {_in_graph("?c kg:target ?o0", "c", "o0")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:date ?date }} {_known_date('date')}", "g", "c", "date")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:reported ?rep }} {_known_date('rep')}", "g", "c", "rep")}
  BIND(STR(COALESCE(?date, ?rep)) AS ?d)
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")}
""",
    "?x kg:critic ?stated",
    "?x kg:target ?stated",
)

_PARTICIPANT_EDGES = _edges(
    f"""
SELECT ?s ?o ?relation ("" AS ?roles) (COUNT(*) AS ?weight) ({_earliest("STR(?date)")} AS ?first) WHERE {{
  {_in_graph("?o kg:participant ?p", "o", "p")}
  {_in_graph("?p kg:role ?p_role", "p", "p_role")}
  {_in_graph("?p kg:entity ?s0", "p", "s0")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?o kg:date ?date }} {_known_date('date')}", "g", "o", "date")}
  {_canonical("s0", "cs")}
}} GROUP BY {_merged("s0", "cs", "s")} ?o (STR(?p_role) AS ?relation)
""",
    "?x kg:entity ?stated",
    "?stated kg:participant ?x",
)

# Counted per document holding the statement, on any backend (a union default graph may be a set or a bag).
_AFFILIATION_EDGES = _edges(
    f"""
SELECT ?s ?o ("affiliation" AS ?relation) ("" AS ?roles) (COUNT(*) AS ?weight) ("~" AS ?first) WHERE {{
  GRAPH ?g {{ ?s0 kg:affiliation ?o0 }}
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")}
""",
    "?stated kg:affiliation ?x",
    "?x kg:affiliation ?stated",
)

NODE_QUERIES: tuple[str, ...] = (_ENTITY_NODES, _EVENT_NODES)
EDGE_QUERIES: tuple[str, ...] = (_RELATION_EDGES, _CRITICISM_EDGES, _PARTICIPANT_EDGES, _AFFILIATION_EDGES)


def _rows(store: GraphStore, query: str) -> Iterator[tuple[Term | None, ...]]:
    """The rows of a SELECT, streamed: run once, unordered, never held whole."""
    return store.stream(vocab.sparql_prefixes() + query)[1]


def _text(term: Term | None) -> str:
    """The lexical value of a term, empty when unbound."""
    return "" if term is None else str(getattr(term, "value", term))


def nodes(store: GraphStore) -> Iterator[Node]:
    """Every node: entities (canonical ones only), then events."""
    for query in NODE_QUERIES:
        for id_, label, type_, kind, mentions in _rows(store, query):
            yield Node(_text(id_), _text(label), _text(type_), _text(kind), int(_text(mentions) or 0))


def edges(store: GraphStore) -> Iterator[Edge]:
    """Every edge: relations, criticisms, event participations, group affiliations."""
    for query in EDGE_QUERIES:
        for source, target, relation, role, weight, start in _rows(store, query):
            yield Edge(
                _text(source), _text(target), _text(relation), _text(role) or None, int(_text(weight) or 1),
                _text(start) or None,
            )  # fmt: skip


def write_elements(store: GraphStore, queries: tuple[str, ...], parts: tuple[str, ...], out: BinaryIO) -> None:
    """Write one line per row of each query: the concatenation of ``parts``, SPARQL string expressions over its columns.

    No part may give a comma, double quote or line break (values escape them, as
    :func:`kg.export.xmlutil.sparql_xml` does). The parts are the columns of a CSV result the store writes
    itself, which are then joined by dropping the commas: no string per row is built in the store or in Python.
    """
    columns = " ".join(f"({part} AS ?p{i})" for i, part in enumerate(parts))
    for query in queries:
        sink = _CsvJoined(out)
        store.stream_csv(f"{vocab.sparql_prefixes()}SELECT {columns} WHERE {{ {{ {query} }} }}", sink)
        sink.close()


class _CsvJoined:
    """A binary sink for a SPARQL CSV result whose fields hold no comma, quote or line break: writes each row joined.

    Such fields are written bare, separated by commas, and rows end in CRLF: dropping the header line, every
    comma and every carriage return leaves each row's fields joined, one row per line.
    """

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.in_header = True

    def write(self, chunk: bytes) -> int:
        """Pass on a chunk of the CSV result as lines of text."""
        size = len(chunk)
        if self.in_header:
            end = chunk.find(b"\n")
            if end < 0:
                return size
            self.in_header = False
            chunk = chunk[end + 1 :]
        if b'"' in chunk:  # CSV quoted a field: a value was not escaped, and dropping commas would corrupt it
            raise RuntimeError("an export query gave a field holding a comma, double quote or line break")
        self.out.write(chunk.replace(b",", b"").replace(b"\r", b""))
        return size

    def flush(self) -> None:
        """Nothing held back: every chunk is passed on when written."""

    def close(self) -> None:
        """Check that the store wrote a result at all."""
        if self.in_header:
            raise RuntimeError("the store wrote no CSV header for an export query")
