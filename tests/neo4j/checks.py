"""Helpers of the Neo4j tests: Cypher reads, a whole-graph fingerprint, the REST/RDF answers to compare with."""

from __future__ import annotations

import hashlib
import json

import neo4j

from kg import vocab
from kg.model import ENTITY_TYPES, EVENT_TYPES, Document
from kg.neo4j.rows import RELATION_TYPES
from kg.rdf import document_quads
from kg.resolve import refresh_resolution
from kg.store.base import GraphStore, SelectResult

LABELS = ("Document", *ENTITY_TYPES, *EVENT_TYPES, "Claim")


def cypher(driver: neo4j.Driver, query: str, **params: object) -> list[dict]:
    """Rows of a read query as dicts."""
    records, _, _ = driver.execute_query(query, params)
    return [r.data() for r in records]


def graph_fingerprint(driver: neo4j.Driver) -> tuple[int, int, str]:
    """Node count, relationship count and a digest of every label, type and property."""
    nodes = cypher(driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = cypher(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    lines = sorted(json.dumps([sorted(n["labels"]), n["props"]], sort_keys=True) for n in nodes)
    lines += sorted(json.dumps(r, sort_keys=True) for r in rels)
    return len(nodes), len(rels), hashlib.sha256("\n".join(lines).encode()).hexdigest()


def put(store: GraphStore, *docs: Document) -> None:
    """Write documents into the store as the pipeline does (graph per document, then resolution)."""
    for doc in docs:
        store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))
    refresh_resolution(store)


# "Who criticised X, and when", the way the REST API answers it: X by label, alias or id, entities
# merged along SAME_AS into their canonical node, critics shown as their canonical node, one criticism per cluster
# (the one several outlets report is listed by its representative).
WHO_CRITICISED = """
MATCH (t:Entity) WHERE t.id = $name OR toLower(t.label) = toLower($name)
   OR any(a IN t.aliases WHERE toLower(a) = toLower($name))
OPTIONAL MATCH (t)-[:SAME_AS]->(canonical)
WITH DISTINCT coalesce(canonical, t) AS target
MATCH (target)<-[:SAME_AS*0..1]-(:Entity)<-[c:CRITICISED]-(critic) WHERE coalesce(c.cluster, c.id) = c.id
OPTIONAL MATCH (critic)-[:SAME_AS]->(critic_canonical)
WITH c, coalesce(critic_canonical, critic) AS who
RETURN DISTINCT c.id AS id, who.id AS critic, who.label AS label, c.date AS date
"""


def cypher_criticisms(driver: neo4j.Driver, name: str) -> set[tuple[str, str, str, str | None]]:
    """(criticism id, critic id, critic label, date) of every criticism of ``name``, from Neo4j."""
    return {(r["id"], r["critic"], r["label"], r["date"]) for r in cypher(driver, WHO_CRITICISED, name=name)}


def rest_criticisms(client: object, name: str) -> set[tuple[str, str, str, str | None]]:
    """The same answer from GET /criticisms?target=NAME."""
    response = client.get("/criticisms", params={"target": name, "limit": 1000})  # type: ignore[attr-defined]
    assert response.status_code == 200, response.text
    return {
        (item["id"], item["critic"]["id"], item["critic"]["label"], (item["date"] or {}).get("value"))
        for item in response.json()["items"]
    }


def _count(store: GraphStore, body: str) -> dict[str, int]:
    result = store.query(vocab.sparql_prefixes() + body)
    assert isinstance(result, SelectResult)
    return {row[0].value.removeprefix(vocab.ONTOLOGY): int(row[1].value) for row in result.rows}


def _scalar(store: GraphStore, body: str) -> int:
    result = store.query(vocab.sparql_prefixes() + body)
    assert isinstance(result, SelectResult)
    return int(result.rows[0][0].value)


def rdf_counts(store: GraphStore) -> dict[str, int]:
    """What the RDF graph holds, keyed as :func:`neo4j_counts` keys Neo4j's answer."""
    by_type = _count(store, "SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t")
    by_predicate = _count(
        store, "SELECT ?p (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:RelationAssertion ; kg:predicate ?p } GROUP BY ?p"
    )
    counts = {f"label:{t}": by_type.get(t, 0) for t in LABELS}
    counts["type:CRITICISED"] = by_type.get("Criticism", 0)
    counts.update({f"type:{rel}": by_predicate.get(p, 0) for p, rel in RELATION_TYPES.items()})
    counts["type:MENTIONED_IN_entities"] = _scalar(
        store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?e ?g { ?e kg:mentionedIn ?g } }"
    )
    counts["type:SAME_AS"] = _scalar(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a owl:sameAs ?b } }")
    counts["type:SAME_EVENT"] = _scalar(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a kg:sameEvent ?b } }")
    counts["type:SAME_CLAIM"] = _scalar(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a kg:sameClaim ?b } }")
    return counts


def neo4j_counts(driver: neo4j.Driver) -> dict[str, int]:
    """Nodes by label and relationships by type in Neo4j."""
    counts = {f"label:{label}": cypher(driver, f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"] for label in LABELS}
    for rel in ("CRITICISED", *RELATION_TYPES.values(), "SAME_AS", "SAME_EVENT", "SAME_CLAIM"):
        counts[f"type:{rel}"] = cypher(driver, f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
    counts["type:MENTIONED_IN_entities"] = cypher(
        driver, "MATCH (:Entity)-[r:MENTIONED_IN]->(:Document) RETURN count(r) AS n"
    )[0]["n"]
    return counts
