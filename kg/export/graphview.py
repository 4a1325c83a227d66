"""The property-graph view of the store that GEXF, GraphML and CSV exports write.

Nodes are entities (merged onto their canonical entity where the resolution graph has an ``owl:sameAs``
link), events (one per event several documents report: merged along ``kg:sameEvent``) and claims; edges are
relations, criticisms, event participations, group affiliations, and claimants and subjects of claims, one
edge per (source, target, relation) with a weight counting the facts behind it (a criticism several documents
report once) and, where known, their dates; criticism and claim edges also carry their documents.

The whole view is SPARQL, sameAs merging included: each query's rows are finished nodes (NODE_COLUMNS) or
edges (EDGE_COLUMNS), grouped inside the store, so Python memory stays flat however large the graph.
``nodes`` and ``edges`` stream them as Python objects. :mod:`kg.export.elements` instead has the store write
each edge as a line of text (an XML element) through its own CSV writer: no Python object per edge, which
is what makes the XML exports fast. What remains is the store's: joins, and reading IRIs back from RocksDB.

Nodes and edges have dates for Gephi's timeline (see the columns below), and come in a fixed order: two
exports of one store are the same file.
"""

from __future__ import annotations

import re
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
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Edge:
    """A directed edge aggregating the facts of one relation between two nodes."""

    source: str
    target: str
    relation: str
    role: str | None
    weight: int
    first: str | None
    last: str | None
    dates: tuple[str, ...]
    quote: str | None
    document: str | None


# (name, type) of the attributes each node and edge carries, in the names GEXF and GraphML use. The node
# figures (degree ... community) are computed by kg.export.figures.
NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("type", "string"), ("kind", "string"), ("mentions", "integer"), ("degree", "integer"),
    ("criticisms_received", "integer"), ("pagerank", "double"), ("community", "integer"),
)  # fmt: skip
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("relation", "string"), ("role", "string"), ("quote", "string"), ("document", "string"),
)  # fmt: skip
ROLE_SEPARATOR = "; "  # between the roles, dates and documents of one edge
QUOTE_SEPARATOR = " | "  # between the quotes of one edge (a quote may hold "; ")

# The variables of every node query and every edge query, in this order. All are strings but ?mentions and
# ?weight (integers); "" stands for unknown (no label, no role, no date), never an unbound variable. Dates are
# timeline dates (sparql_timeline_date). ?first and ?last bound what is known of a node's own time: the
# publication dates of the documents naming an entity, an event's date; ?when is an event's date as stated
# and ?title its title, for its label. An edge's ?first and ?last bound the dates of its facts; ?dates lists
# them one by one where each fact has a date of its own (criticisms), else is "".
NODE_COLUMNS = ("id", "label", "type", "kind", "mentions", "first", "last", "when", "title")
EDGE_COLUMNS = ("source", "target", "relation", "role", "weight", "first", "last", "dates", "quote", "document")

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
    """An OPTIONAL binding ``?canonical`` to the entity or event ``?stated`` is merged onto, if any.

    Events several documents report are one node: their members' kg:sameEvent link points at the representative;
    likewise a claim several documents state in other words (kg:sameClaim).
    """
    pattern = f"GRAPH {_RES} {{ ?{stated} owl:sameAs|kg:sameEvent|kg:sameClaim ?{canonical} }}"
    return "OPTIONAL " + _part(pattern, stated, canonical)


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
# would hide those of the others. Hence sentinels: "~" sorts after any date and "" before; both are no date
# (sparql_timeline_date maps them to ""); empty roles go. Stated dates of different precisions compare as
# their timeline dates do ("2023-12" < "2023-12-05"), so they are compared as stated and mapped once.
def _earliest(expr: str) -> str:
    """SPARQL aggregate: the least of the values of ``expr`` that are bound, "~" if none is."""
    return f'MIN(COALESCE({expr}, "~"))'


def _latest(expr: str) -> str:
    """SPARQL aggregate: the greatest of the values of ``expr`` that are bound, "" if none is."""
    return f'MAX(COALESCE({expr}, ""))'


def _joined(expr: str, separator: str = ROLE_SEPARATOR) -> str:
    """SPARQL aggregate: the distinct values of ``expr`` joined by ``separator``, with an empty one if unbound."""
    return f'GROUP_CONCAT(DISTINCT COALESCE({expr}, ""); separator="{separator}")'


def _roles(var: str) -> str:
    """SPARQL aggregate: the distinct values of ``?var`` joined by ROLE_SEPARATOR, with an empty one if unbound."""
    return _joined(f"?{var}")


def _without_empty_role(var: str, separator: str = ROLE_SEPARATOR) -> str:
    """SPARQL: the values ``?var`` (from _joined) without their empty one; the test spares most rows the rewrite."""
    sep = re.escape(separator).replace("\\", "\\\\")
    rewritten = f'REPLACE(REPLACE(?{var}, "^{sep}|{sep}$", ""), "{sep}{sep}", "{separator}")'
    return f'IF(REGEX(?{var}, "^{sep}|{sep}$|{sep}{sep}"), {rewritten}, ?{var})'


def _published(graph: str, var: str) -> str:
    """An OPTIONAL binding ``?var`` to the publication date of the document ``?graph``, if it has a year."""
    return f"OPTIONAL {_part(f'GRAPH ?{graph} {{ ?{graph} kg:published ?{var} }} {_known_date(var)}', graph, var)}"


def _stated_entities(members: str = "") -> str:
    """One row per entity as stated (?e ?name ?type ?mentions, ?sf ?sl its dates), over the documents naming it.

    ``members``, a pattern binding ?e, restricts the rows to those entities.
    """
    return f"""
  {{ SELECT ?e (SUM(?mc) AS ?mentions) ({_earliest("STR(?pub)")} AS ?sf) ({_latest("STR(?pub)")} AS ?sl)
     WHERE {{ {members} GRAPH ?g {{ ?e kg:mentionCount ?mc }} {_published("g", "pub")} }} GROUP BY ?e }}
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
SELECT ?id ?label ?type ("entity" AS ?kind) ?mentions ({sparql_timeline_date("f")} AS ?first)
       ({sparql_timeline_date("l")} AS ?last) ("" AS ?when) ("" AS ?title) WHERE {{
  {{
    {_stated_entities()}
    MINUS {{ GRAPH {_RES} {{ ?e owl:sameAs ?other }} }}
    MINUS {{ GRAPH {_RES} {{ ?other owl:sameAs ?e }} }}
    BIND({_export_id("e")} AS ?id)
    BIND(?name AS ?label)
    BIND(?sf AS ?f)
    BIND(?sl AS ?l)
  }} UNION {{
    SELECT ({_export_id("node")} AS ?id) ?label (IF(?own_type = "", ?any_type, ?own_type) AS ?type) ?mentions ?f ?l
    WHERE {{ {{
      SELECT ?node (MAX(IF(?e = ?node, ?name, "")) AS ?label) (MAX(IF(?e = ?node, ?type, "")) AS ?own_type)
             (MAX(?type) AS ?any_type) (SUM(?m) AS ?mentions) (MIN(?mf) AS ?f) (MAX(?ml) AS ?l) WHERE {{
        {{ SELECT ?e ?name ?type (?mentions AS ?m) (?sf AS ?mf) (?sl AS ?ml)
           WHERE {{ {_stated_entities(_MEMBERS)} }} }}
        {_canonical("e", "c")}
        BIND(COALESCE(?c, ?e) AS ?node)
      }} GROUP BY ?node
    }} }}
  }}
}} ORDER BY ?id
"""

# An event is placed at its date, or where it has none (or none with a year) at its article's publication date.
# One event several documents report (kg:sameEvent) is one node at its representative, mentions counting them.
_EVENT_NODES = f"""
SELECT ({_export_id("e")} AS ?id) ?label ?type ("event" AS ?kind) ?mentions
       ({sparql_timeline_date("when")} AS ?first) ({sparql_timeline_date("when")} AS ?last) ?when ?title WHERE {{ {{
  SELECT ?e (MIN(IF(?e0 = ?e, STR(?l), CONCAT("~", STR(?l)))) AS ?tagged) (SAMPLE(?t) AS ?type)
         ({_latest("?stated")} AS ?when) ({_latest("?ti")} AS ?title) (COUNT(DISTINCT ?g) AS ?mentions) WHERE {{
    {{ SELECT ?e0 ?t ?g WHERE {{ {_type_names(EVENT_TYPES, "t")} GRAPH ?g {{ ?e0 a ?class }} }} }}
    ?e0 rdfs:label ?l .
    OPTIONAL {{ GRAPH ?g {{ ?e0 kg:title ?ti }} }}
    OPTIONAL {{ GRAPH ?g {{ ?e0 kg:date ?date }} {_known_date("date")} }}
    {_published("g", "pub")}
    BIND(STR(COALESCE(?date, ?pub)) AS ?stated)
    {_canonical("e0", "ce")}
    BIND(COALESCE(?ce, ?e0) AS ?e)
  }} GROUP BY ?e
}} BIND(REPLACE(?tagged, "^~", "") AS ?label) }} ORDER BY ?id
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
    """An edge query from a grouped one binding ?s ?o (IRIs) ?relation ?roles ?weight ?first ?last ?dates ?quotes
    ?documents (?first and ?last as stated or a sentinel, the others from _joined).

    ``sources`` and ``targets`` are patterns binding ?stated to the sources and targets as stated. Edges come
    ordered by their ends and relation, so that two exports of one store are the same file.
    """
    return (
        f"SELECT ?source ?target ?relation ({_without_empty_role('roles')} AS ?role) ?weight"
        f" ({sparql_timeline_date('f')} AS ?first) ({sparql_timeline_date('l')} AS ?last)"
        f" ({_without_empty_role('ds')} AS ?dates) ({_without_empty_role('quotes', QUOTE_SEPARATOR)} AS ?quote)"
        f" ({_without_empty_role('documents')} AS ?document)"
        f" WHERE {{ {{ {grouped} }} {_ids(sources, 's', 'source')} {_ids(targets, 'o', 'target')} }}"
        " ORDER BY ?source ?target ?relation"
    )


# The id of a document as the REST API gives it (kg.vocab.document_iri).
_DOCUMENT_ID = re.escape(vocab.document_iri("").value).replace("\\", "\\\\")


def _undated() -> str:
    """SPARQL projection: the columns an edge query groups without dates of their own, quotes or documents."""
    return '("" AS ?ds) ("" AS ?quotes) ("" AS ?documents)'


# Edges are grouped on the canonical entities of the endpoints as stated. Distinct facts of distinct stated
# endpoints are distinct facts, so counting distinct facts over a merged group adds up the weights.
# kg:subject / kg:object / kg:critic / kg:target are only ever used on relation assertions and criticisms
# (kg.rdf), so the facts need no rdf:type join. A relation or affiliation spans the publication dates of the
# documents stating it; a criticism is at its date (else the date it was reported), one date per criticism;
# a participation at its event's date (else its article's). An undated criticism leaves ?day unbound (?no_date
# is never bound), which the aggregates' sentinels pass over.
_RELATION_EDGES = _edges(
    f"""
SELECT ?s ?o ?relation ({_roles("r_role")} AS ?roles) (COUNT(DISTINCT ?r) AS ?weight)
       ({_earliest("STR(?pub)")} AS ?f) ({_latest("STR(?pub)")} AS ?l) {_undated()} WHERE {{
  {_in_graph("?r kg:subject ?s0", "r", "s0")}
  {_in_graph("?r kg:predicate ?rel", "r", "rel")}
  {_in_graph("?r kg:object ?o0", "r", "o0")}
  OPTIONAL {_in_graph("?r kg:role ?r_role", "r", "r_role")}
  {_published("g", "pub")}
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")} (STR(?rel) AS ?relation)
""",
    "?x kg:subject ?stated",
    "?x kg:object ?stated",
)

_CRITICISM_EDGES = _edges(
    f"""
SELECT ?s ?o ("criticised" AS ?relation) ("" AS ?roles) (COUNT(DISTINCT COALESCE(?same, ?c)) AS ?weight)
       ({_earliest("?day")} AS ?f) ({_latest("?day")} AS ?l) ({_joined("?day")} AS ?ds)
       ({_joined("?q", QUOTE_SEPARATOR)} AS ?quotes) ({_joined("?doc")} AS ?documents) WHERE {{
  {_in_graph("?c kg:critic ?s0", "c", "s0")}
  {_in_graph("?c kg:target ?o0", "c", "o0")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:date ?date }} {_known_date('date')}", "g", "c", "date")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?c kg:reported ?rep }} {_known_date('rep')}", "g", "c", "rep")}
  OPTIONAL {_in_graph("?c kg:quote ?q", "c", "q")}
  BIND(STR(COALESCE(?date, ?rep)) AS ?d)
  BIND(IF(BOUND(?d), {sparql_timeline_date("d")}, ?no_date) AS ?day)
  BIND(REPLACE(STR(?g), "^{_DOCUMENT_ID}", "") AS ?doc)
  OPTIONAL {_part(f"GRAPH {_RES} {{ ?c kg:sameCriticism ?same }}", "c", "same")}
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")}
""",
    "?x kg:critic ?stated",
    "?x kg:target ?stated",
)

_PARTICIPANT_EDGES = _edges(
    f"""
SELECT ?s ?o ?relation ("" AS ?roles) (COUNT(*) AS ?weight) ({_earliest("?d")} AS ?f) ({_latest("?d")} AS ?l)
       {_undated()} WHERE {{
  {_in_graph("?o0 kg:participant ?p", "o0", "p")}
  {_in_graph("?p kg:role ?p_role", "p", "p_role")}
  {_in_graph("?p kg:entity ?s0", "p", "s0")}
  OPTIONAL {_part(f"GRAPH ?g {{ ?o0 kg:date ?date }} {_known_date('date')}", "g", "o0", "date")}
  {_published("g", "pub")}
  BIND(STR(COALESCE(?date, ?pub)) AS ?d)
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")} (STR(?p_role) AS ?relation)
""",
    "?x kg:entity ?stated",
    "?stated kg:participant ?x",
)

# Counted per document holding the statement, on any backend (a union default graph may be a set or a bag).
_AFFILIATION_EDGES = _edges(
    f"""
SELECT ?s ?o ("affiliation" AS ?relation) ("" AS ?roles) (COUNT(*) AS ?weight)
       ({_earliest("STR(?pub)")} AS ?f) ({_latest("STR(?pub)")} AS ?l) {_undated()} WHERE {{
  GRAPH ?g {{ ?s0 kg:affiliation ?o0 }}
  {_published("g", "pub")}
  {_canonical("s0", "cs")}
  {_canonical("o0", "co")}
}} GROUP BY {_merged("s0", "cs", "s")} {_merged("o0", "co", "o")}
""",
    "?stated kg:affiliation ?x",
    "?x kg:affiliation ?stated",
)

# A claim is a node of its own (type Claim, kind "claim", labelled with its text; mentions counts the documents
# reporting it), spanning their publication dates; the claimant points at it ("claimed") and it points at what
# it is about ("about"), each edge weighted by the documents stating it. Claims without an "about" keep their
# claimant edge: every claim is in the graph. A claim several documents state in other words (kg:sameClaim) is
# one node at its representative, labelled with the representative's text.
_CLAIM_NODES = f"""
SELECT ({_export_id("c")} AS ?id) ?label ("Claim" AS ?type) ("claim" AS ?kind) ?mentions
       ({sparql_timeline_date("f")} AS ?first) ({sparql_timeline_date("l")} AS ?last) ("" AS ?when) ("" AS ?title)
WHERE {{ {{
  SELECT ?c (MIN(IF(?c0 = ?c, STR(?text), CONCAT("~", STR(?text)))) AS ?tagged) (COUNT(DISTINCT ?g) AS ?mentions)
         ({_earliest("STR(?pub)")} AS ?f) ({_latest("STR(?pub)")} AS ?l) WHERE {{
    {_in_graph("?c0 kg:claimText ?text", "c0", "text")}
    {_published("g", "pub")}
    {_canonical("c0", "cc")}
    BIND(COALESCE(?cc, ?c0) AS ?c)
  }} GROUP BY ?c
}} BIND(REPLACE(?tagged, "^~", "") AS ?label) }} ORDER BY ?id
"""


def _claim_edges(relation: str, predicate: str, claim_end: str) -> str:
    """The edges between claims and the entities ``predicate`` links them to; the claim is edge end ``claim_end``.

    ``claimed`` edges go from the claimant to the claim (claim_end "o"), ``about`` edges from the claim to what
    it is about ("s"); the entity end is merged onto its canonical entity like every other edge's, the claim end onto
    its cluster's representative.
    """
    entity_end = "s" if claim_end == "o" else "o"
    group = {claim_end: _merged("c0", "cc", claim_end), entity_end: _merged("x0", "cx", entity_end)}
    ends = {claim_end: f"?stated kg:{predicate} ?x", entity_end: f"?x kg:{predicate} ?stated"}
    return _edges(
        f"""
SELECT ?s ?o ("{relation}" AS ?relation) ("" AS ?roles) (COUNT(DISTINCT ?g) AS ?weight)
       ({_earliest("STR(?pub)")} AS ?f) ({_latest("STR(?pub)")} AS ?l) ("" AS ?ds) ("" AS ?quotes)
       ({_joined("?doc")} AS ?documents) WHERE {{
  {_in_graph(f"?c0 kg:{predicate} ?x0", "c0", "x0")}
  {_published("g", "pub")}
  BIND(REPLACE(STR(?g), "^{_DOCUMENT_ID}", "") AS ?doc)
  {_canonical("x0", "cx")}
  {_canonical("c0", "cc")}
}} GROUP BY {group["s"]} {group["o"]}
""",
        ends["s"],
        ends["o"],
    )


_CLAIMANT_EDGES = _claim_edges("claimed", "claimant", "o")
_ABOUT_EDGES = _claim_edges("about", "about", "s")

NODE_QUERIES: tuple[str, ...] = (_ENTITY_NODES, _EVENT_NODES, _CLAIM_NODES)
EDGE_QUERIES: tuple[str, ...] = (
    _RELATION_EDGES, _CRITICISM_EDGES, _PARTICIPANT_EDGES, _AFFILIATION_EDGES, _CLAIMANT_EDGES, _ABOUT_EDGES,
)  # fmt: skip
CRITICISM_QUERY = _CRITICISM_EDGES


def _rows(store: GraphStore, query: str) -> Iterator[tuple[Term | None, ...]]:
    """The rows of a SELECT, streamed: run once, unordered, never held whole."""
    return store.stream(vocab.sparql_prefixes() + query)[1]


def _text(term: Term | None) -> str:
    """The lexical value of a term, empty when unbound."""
    return "" if term is None else str(getattr(term, "value", term))


def nodes(store: GraphStore) -> Iterator[Node]:
    """Every node: entities (canonical ones only), then events, then claims."""
    for query in NODE_QUERIES:
        for id_, label, type_, kind, mentions, first, last, *_ in _rows(store, query):
            yield Node(
                _text(id_), _text(label), _text(type_), _text(kind), int(_text(mentions) or 0),
                _text(first) or None, _text(last) or None,
            )  # fmt: skip


def edges(store: GraphStore) -> Iterator[Edge]:
    """Every edge: relations, criticisms, event participations, group affiliations, claimants, claims' subjects."""
    for query in EDGE_QUERIES:
        for source, target, relation, role, weight, first, last, dates, quote, document in _rows(store, query):
            yield Edge(
                _text(source), _text(target), _text(relation), _text(role) or None, int(_text(weight) or 1),
                _text(first) or None, _text(last) or None, tuple(filter(None, _text(dates).split(ROLE_SEPARATOR))),
                _text(quote) or None, _text(document) or None,
            )  # fmt: skip
