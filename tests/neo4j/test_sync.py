"""Syncing hand-made documents to a real Neo4j: same graph as RDF, idempotent, removal, REST parity."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.model import Document
from kg.neo4j import Neo4jSink, remove_documents, sync_documents
from kg.neo4j.cypher import CONSTRAINTS
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import remove_document
from tests.neo4j.checks import (
    cypher,
    cypher_criticisms,
    graph_fingerprint,
    neo4j_counts,
    put,
    rdf_counts,
    rest_criticisms,
)
from tests.support.same_story import load
from tests.support.sample_graph import CLAUDE_MYTHOS, MYTHOS, load_sample

pytestmark = pytest.mark.neo4j


def test_sync_writes_the_rdf_graph(
    neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document, second_document: Document
) -> None:
    store = OxigraphStore(None)
    put(store, sample_document, second_document)

    assert sync_documents(store, neo4j_settings, None) == 2

    assert neo4j_counts(driver) == rdf_counts(store)
    [jane] = cypher(driver, "MATCH (p:Person:Entity {id: 'per-jane-doe'}) RETURN p.label AS label, p.aliases AS a")
    assert jane == {"label": "Jane Doe", "a": ["Doe", "J. Doe"]}
    [ceo] = cypher(
        driver,
        "MATCH (:Person {id: 'per-jane-doe'})-[r:AFFILIATED_WITH]->(:Organization {id: 'org-acme-ai'}) "
        "RETURN r.role AS role, r.documents AS docs, r.evidence_documents AS ev, r.evidence_starts AS starts",
    )
    # One relation, supported by both documents, with each document's span.
    assert ceo["role"] == "CEO"
    assert sorted(ceo["docs"]) == sorted(ceo["ev"]) == sorted([sample_document.meta.id, second_document.meta.id])
    [crit] = cypher(
        driver,
        "MATCH (:Group)-[c:CRITICISED]->(:Organization {id: 'org-acme-ai'}) "
        "RETURN c.date AS date, c.date_precision AS p, c.document AS doc, c.start AS start, c.sentence AS sentence",
    )
    assert crit["date"] == "2026-05" and crit["p"] == "month" and crit["doc"] == second_document.meta.id
    assert second_document.text[crit["start"] :].startswith("Acme moves too fast")
    [same] = cypher(driver, "MATCH (a)-[:SAME_AS]->(b) RETURN a.id AS a, b.id AS b")
    assert same == {"a": "org-acme", "b": "org-acme-ai"}
    [event] = cypher(
        driver,
        "MATCH (:Organization {id: 'org-big-capital'})-[p:PARTICIPATED_IN]->(e:Event:FundingRound) "
        "RETURN p.role AS role, e.amount AS amount, e.valuation_currency AS currency",
    )
    assert event == {"role": "investor", "amount": 2e9, "currency": "USD"}


def test_constraints_exist(neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document) -> None:
    store = OxigraphStore(None)
    put(store, sample_document)
    sync_documents(store, neo4j_settings, None)
    names = {row["name"] for row in cypher(driver, "SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"person_id", "document_id", "entity_id", "criticised_id", "affiliated_with_id"} <= names
    assert len(names) >= len(CONSTRAINTS)


def test_syncing_twice_adds_nothing(
    neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document, second_document: Document
) -> None:
    store = OxigraphStore(None)
    put(store, sample_document, second_document)
    sync_documents(store, neo4j_settings, None)
    before = graph_fingerprint(driver)

    assert sync_documents(store, neo4j_settings, None) == 0  # unchanged digests: nothing to write
    assert graph_fingerprint(driver) == before
    # Forced, every MERGE runs again over the existing graph and must still change nothing.
    assert sync_documents(store, neo4j_settings, None, force=True) == 2
    assert sync_documents(store, neo4j_settings, [second_document.meta.id], force=True) == 1
    assert graph_fingerprint(driver) == before


def test_removing_a_document_removes_only_its_facts(
    neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document, second_document: Document
) -> None:
    only_first = OxigraphStore(None)
    put(only_first, sample_document)
    sync_documents(only_first, neo4j_settings, None)
    expected = graph_fingerprint(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")

    store = OxigraphStore(None)
    put(store, sample_document, second_document)
    sync_documents(store, neo4j_settings, None)
    assert graph_fingerprint(driver) != expected
    remove_document(store, second_document.meta.id)
    remove_documents(store, neo4j_settings, [second_document.meta.id])

    # Shared nodes and the shared CEO relation stay (with the first document's support only); the
    # group, the short name "Acme", both criticisms, the SAME_AS link and the alias "J. Doe" go.
    assert graph_fingerprint(driver) == expected


def test_full_sync_drops_documents_gone_from_the_store(
    neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document, second_document: Document
) -> None:
    store = OxigraphStore(None)
    put(store, sample_document, second_document)
    sync_documents(store, neo4j_settings, None)
    remove_document(store, second_document.meta.id)

    sync_documents(store, neo4j_settings, None)

    assert [r["id"] for r in cypher(driver, "MATCH (d:Document) RETURN d.id AS id")] == [sample_document.meta.id]
    assert neo4j_counts(driver) == rdf_counts(store)


def test_a_changed_document_is_rewritten(
    neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document
) -> None:
    store = OxigraphStore(None)
    put(store, sample_document)
    sync_documents(store, neo4j_settings, None)
    fewer = sample_document.model_copy(
        update={"extraction": sample_document.extraction.model_copy(update={"criticisms": ()})}
    )
    put(store, fewer)

    assert sync_documents(store, neo4j_settings, None) == 1
    assert cypher(driver, "MATCH ()-[c:CRITICISED]->() RETURN count(c) AS n") == [{"n": 0}]
    assert neo4j_counts(driver) == rdf_counts(store)


def test_who_criticised_matches_the_rest_api(neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    store = OxigraphStore(None)
    load_sample(store)
    sync_documents(store, neo4j_settings, None)
    client = TestClient(create_app(Settings(), store))

    targets = {
        r["label"] for r in cypher(driver, "MATCH ()-[:CRITICISED]->(t:Entity) RETURN DISTINCT t.label AS label")
    }
    assert targets, "the sample graph has criticisms"
    for name in sorted(targets | {"Anthropic", MYTHOS, CLAUDE_MYTHOS, "Mythos"}):
        assert cypher_criticisms(driver, name) == rest_criticisms(client, name), name
    assert neo4j_counts(driver) == rdf_counts(store)


def test_sink_batches_many_documents(neo4j_settings: Settings, driver: neo4j.Driver, sample_document: Document) -> None:
    from tests.conftest import make_document

    store = OxigraphStore(None)
    docs = [make_document(f"{sample_document.text} ({i})", sample_document.extraction) for i in range(450)]
    put(store, *docs)
    with Neo4jSink(neo4j_settings) as sink:
        sink.ensure_schema()
        written, nodes, rels = sink.sync(store, [d.meta.id for d in docs])
        sink.sync_same_as(store)  # the 450 copies report one funding round: one cluster
    assert written == 450 and nodes > 450 and rels > 450
    [row] = cypher(driver, "MATCH (o:Organization {id: 'org-acme-ai'}) RETURN size(o.documents) AS n")
    assert row["n"] == 450
    assert neo4j_counts(driver) == rdf_counts(store)


def test_one_event_and_criticism_several_outlets_report_is_one_cluster(
    neo4j_settings: Settings, driver: neo4j.Driver
) -> None:
    """Members of a merged event point at its representative by SAME_EVENT; every member names its cluster."""
    store = OxigraphStore(None)
    ids = load(store, "funding_a", "funding_b", "criticism_a", "criticism_b")
    sync_documents(store, neo4j_settings, None)
    assert neo4j_counts(driver) == rdf_counts(store)
    rounds = cypher(driver, "MATCH (e:FundingRound) RETURN e.id AS id, e.cluster AS cluster ORDER BY id")
    assert len(rounds) == 2 and len({r["cluster"] for r in rounds}) == 1
    [link] = cypher(driver, "MATCH (a:Event)-[:SAME_EVENT]->(b:Event) RETURN a.id AS a, b.id AS b")
    assert link["b"] == rounds[0]["cluster"] != link["a"]
    clusters = cypher(driver, "MATCH ()-[c:CRITICISED]->() WHERE c.cluster IS NOT NULL RETURN DISTINCT c.cluster AS k")
    assert len(clusters) == 1
    remove_document(store, ids["funding_b"])
    remove_documents(store, neo4j_settings, [ids["funding_b"]])
    assert cypher(driver, "MATCH (e:FundingRound) RETURN e.cluster AS cluster") == [{"cluster": None}]
    assert cypher(driver, "MATCH ()-[r:SAME_EVENT]->() RETURN count(r) AS n") == [{"n": 0}]


def test_a_claim_reworded_by_another_outlet_is_one_cluster(neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    """The members of a merged claim point at its representative by SAME_CLAIM; both name it as their cluster."""
    store = OxigraphStore(None)
    ids = load(store, "claim_a", "claim_b", "claim_other")
    sync_documents(store, neo4j_settings, None)
    assert neo4j_counts(driver) == rdf_counts(store)
    claims = cypher(driver, "MATCH (c:Claim) RETURN c.id AS id, c.cluster AS cluster ORDER BY id")
    assert len(claims) == 3 and sorted(c["cluster"] is None for c in claims) == [False, False, True]
    [link] = cypher(driver, "MATCH (a:Claim)-[:SAME_CLAIM]->(b:Claim) RETURN a.id AS a, b.id AS b")
    assert {c["cluster"] for c in claims if c["cluster"]} == {link["b"]} != {link["a"]}
    remove_document(store, ids["claim_b"])
    remove_documents(store, neo4j_settings, [ids["claim_b"]])
    assert cypher(driver, "MATCH (c:Claim) WHERE c.cluster IS NOT NULL RETURN count(c) AS n") == [{"n": 0}]
    assert cypher(driver, "MATCH ()-[r:SAME_CLAIM]->() RETURN count(r) AS n") == [{"n": 0}]
