"""Every Cypher statement the Neo4j sync runs, built once from closed sets of labels and types.

Labels and relationship types cannot be query parameters, so there is one fixed statement per
label or (type, start label, end label); they are made here from constants only, never from data.
All data travels as ``$rows`` / ``$docs`` parameters, written with ``UNWIND ... MERGE``.

Provenance: every fact node and relationship keeps ``documents``, the ids of the documents that
support it. A document's support is added once (a second sync of the same document is a no-op) and
removed by :data:`REMOVE_DOCUMENTS`, which deletes what no document supports any more.
"""

from __future__ import annotations

from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.neo4j.rows import RELATION_TYPES, EdgeKey, NodeKey

BASE_LABELS = ("Document", "Entity", "Event", "Claim")
LABELS = (*BASE_LABELS, *ENTITY_TYPES, *EVENT_TYPES)
_FACT_LABELS = ("Entity", "Event")

# Relationship types: MERGE key (a property that tells two parallel relationships apart), whether
# it keeps evidence spans from several documents, and the (start, end) base labels it may join.
_ENDS_ANY = tuple((a, b) for a in _FACT_LABELS for b in _FACT_LABELS)
EDGE_TYPES: dict[str, tuple[str, bool, tuple[tuple[str, str], ...]]] = {
    "MENTIONED_IN": ("", False, (("Entity", "Document"), ("Event", "Document"), ("Claim", "Document"))),
    "CRITICISED": ("id", False, (("Entity", "Entity"), ("Entity", "Event"))),
    **{rel: ("id", True, _ENDS_ANY) for rel in RELATION_TYPES.values()},
    "PARTICIPATED_IN": ("role", False, (("Entity", "Event"),)),
    "BELONGS_TO": ("", False, (("Entity", "Entity"),)),
    "CLAIMED": ("", False, (("Entity", "Claim"),)),
    "ABOUT": ("", False, (("Claim", "Entity"), ("Claim", "Event"))),
}
RELATIONSHIP_TYPES = (*EDGE_TYPES, "SAME_AS", "SAME_EVENT", "SAME_CLAIM")
_EVIDENCE_PROPS = {
    "evidence_documents": "row.doc",
    "evidence_starts": "s.start",
    "evidence_ends": "s.end",
    "evidence_sentences": "s.sentence",
    "evidence_rules": "s.rule",
}


def _first_rule(var: str) -> str:
    """SET ``var.rule`` to the rule of its first evidence span: a relation or claim several documents support.

    What keeps no evidence lists (a criticism, an event: one document each) keeps the rule its row set.
    """
    return f"SET {var}.rule = CASE WHEN {var}.evidence_rules IS NULL THEN {var}.rule ELSE {var}.evidence_rules[0] END"


def _constraints() -> list[str]:
    nodes = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE" for label in LABELS
    ]
    rels = [
        f"CREATE CONSTRAINT {rel.lower()}_id IF NOT EXISTS FOR ()-[r:{rel}]-() REQUIRE r.id IS UNIQUE"
        for rel, (key, _, _) in EDGE_TYPES.items()
        if key == "id"
    ]
    return nodes + rels


def _add_support(evidence: bool) -> str:
    """Add ``row.doc`` to ``x.documents`` (and its spans to the evidence lists) unless it is there already."""
    extra = "".join(
        f", x.{prop} = coalesce(x.{prop}, []) + [s IN row.evidence | {expr}]" for prop, expr in _EVIDENCE_PROPS.items()
    )
    return (
        "FOREACH (_ IN CASE WHEN row.doc IN coalesce(x.documents, []) THEN [] ELSE [1] END | "
        f"SET x.documents = coalesce(x.documents, []) + row.doc{extra if evidence else ''})"
        + (f" {_first_rule('x')}" if evidence else "")
    )


def _node_statement(base: str, label: str) -> str:
    if base == "Entity":
        sets = f"SET x:{label}, x.label = row.label, x.aliases = row.aliases"
    else:
        sets = f"SET x:{label}, x += row.props" if label else "SET x += row.props"
    return f"UNWIND $rows AS row MERGE (x:{base} {{id: row.id}}) {sets} {_add_support(base == 'Claim')}"


def _edge_statement(rel: str, start: str, end: str) -> str:
    key, evidence, _ = EDGE_TYPES[rel]
    merge_key = f" {{{key}: row.{key}}}" if key else ""
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row.src}}) MATCH (b:{end} {{id: row.dst}}) "
        f"MERGE (a)-[x:{rel}{merge_key}]->(b) SET x += row.props {_add_support(evidence)}"
    )


CONSTRAINTS: list[str] = _constraints()
DOCUMENTS = "UNWIND $rows AS row MERGE (x:Document {id: row.id}) SET x += row.props"
NODES: dict[NodeKey, str] = {
    **{("Entity", t): _node_statement("Entity", t) for t in ENTITY_TYPES},
    **{("Event", t): _node_statement("Event", t) for t in EVENT_TYPES},
    ("Claim", ""): _node_statement("Claim", ""),
}
EDGES: dict[EdgeKey, str] = {
    (rel, start, end): _edge_statement(rel, start, end)
    for rel, (_, _, ends) in EDGE_TYPES.items()
    for start, end in ends
}
DIGESTS = "UNWIND $docs AS doc MATCH (d:Document {id: doc}) RETURN d.id AS id, d.sync_digest AS digest"
ALL_DOCUMENTS = "MATCH (d:Document) RETURN d.id AS id"


def _without_documents(var: str) -> str:
    """SET clauses dropping the documents in ``gone`` from ``var``'s support and evidence lists."""
    keep = (
        f"[i IN range(0, size(coalesce({var}.evidence_documents, [])) - 1) "
        f"WHERE NOT {var}.evidence_documents[i] IN gone]"
    )
    lists = "".join(
        f", {var}.{prop} = CASE WHEN {var}.{prop} IS NULL THEN NULL ELSE [i IN keep | {var}.{prop}[i]] END"
        for prop in _EVIDENCE_PROPS
    )
    return (
        f"WITH {var}, gone, {keep} AS keep SET {var}.documents = [d IN {var}.documents WHERE NOT d IN gone]{lists} "
        + _first_rule(var)
    )


# Facts of a document hang off the nodes it mentions, so they are found by walking from the Document
# (no scan of the whole graph); MENTIONED_IN goes last, with the Document node itself.
_SUPPORTED_RELS = (
    "UNWIND $docs AS doc MATCH (:Document {id: doc})<-[:MENTIONED_IN]-(n)-[r]-() "
    "WHERE type(r) <> 'MENTIONED_IN' AND doc IN r.documents WITH r, collect(DISTINCT doc) AS gone "
)
_MENTIONED_NODES = (
    "UNWIND $docs AS doc MATCH (:Document {id: doc})<-[:MENTIONED_IN]-(n) WITH n, collect(DISTINCT doc) AS gone "
)
MENTIONED_ENTITIES = (
    "UNWIND $docs AS doc MATCH (:Document {id: doc})<-[:MENTIONED_IN]-(n:Entity) RETURN DISTINCT n.id AS id"
)
RENAME_ENTITIES = "UNWIND $rows AS row MATCH (x:Entity {id: row.id}) SET x.label = row.label, x.aliases = row.aliases"
REMOVE_DOCUMENTS: list[str] = [
    _SUPPORTED_RELS + "WHERE all(d IN r.documents WHERE d IN gone) DELETE r",
    _SUPPORTED_RELS + _without_documents("r"),
    _MENTIONED_NODES + _without_documents("n"),
    _MENTIONED_NODES + "WHERE size(n.documents) = 0 DETACH DELETE n",
    "UNWIND $docs AS doc MATCH (d:Document {id: doc}) DETACH DELETE d",
]

# owl:sameAs links are recomputed from the whole store, so they are replaced as a set, not per document.
SAME_AS_PRUNE = "MATCH (a:Entity)-[r:SAME_AS]->(b:Entity) WHERE NOT [a.id, b.id] IN $pairs DELETE r"
SAME_AS_MERGE = (
    "UNWIND $pairs AS pair MATCH (a:Entity {id: pair[0]}) MATCH (b:Entity {id: pair[1]}) MERGE (a)-[:SAME_AS]->(b)"
)
# Events, criticisms and claims several documents report (kg:sameEvent, kg:sameCriticism, kg:sameClaim): every member
# of a cluster has ``cluster``, its representative's id (the representative too); a member event has SAME_EVENT to
# the representative, a member claim (the same claimant's statement in other words) SAME_CLAIM.
SAME_EVENT_PRUNE = "MATCH (a:Event)-[r:SAME_EVENT]->(b:Event) WHERE NOT [a.id, b.id] IN $pairs DELETE r"
SAME_EVENT_MERGE = (
    "UNWIND $pairs AS pair MATCH (a:Event {id: pair[0]}) MATCH (b:Event {id: pair[1]}) MERGE (a)-[:SAME_EVENT]->(b)"
)
SAME_CLAIM_PRUNE = "MATCH (a:Claim)-[r:SAME_CLAIM]->(b:Claim) WHERE NOT [a.id, b.id] IN $pairs DELETE r"
SAME_CLAIM_MERGE = (
    "UNWIND $pairs AS pair MATCH (a:Claim {id: pair[0]}) MATCH (b:Claim {id: pair[1]}) MERGE (a)-[:SAME_CLAIM]->(b)"
)
CLUSTER_CLEAR = (
    "MATCH (e:Event) WHERE e.cluster IS NOT NULL AND NOT e.id IN $members REMOVE e.cluster",
    "MATCH (c:Claim) WHERE c.cluster IS NOT NULL AND NOT c.id IN $members REMOVE c.cluster",
    "MATCH ()-[c:CRITICISED]->() WHERE c.cluster IS NOT NULL AND NOT c.id IN $members REMOVE c.cluster",
)
CLUSTER_SET = (
    "UNWIND $pairs AS pair MATCH (e:Event {id: pair[0]}) SET e.cluster = pair[1]",
    "UNWIND $pairs AS pair MATCH (c:Claim {id: pair[0]}) SET c.cluster = pair[1]",
    "UNWIND $pairs AS pair MATCH ()-[c:CRITICISED {id: pair[0]}]->() SET c.cluster = pair[1]",
)
