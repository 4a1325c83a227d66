"""In a real Neo4j, what the sync makes from facts names the rule that made them, as REST and the RDF do."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.export import write_export
from kg.neo4j import remove_documents, sync_documents
from kg.neo4j.rows import RELATION_TYPES
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.extract.rules import registry
from loaders.pipeline import remove_document
from tests.neo4j.checks import cypher, put
from tests.ontology.handmade import document_a, document_b

pytestmark = pytest.mark.neo4j
_RELATIONS = "|".join(RELATION_TYPES.values())


def _rest(client: TestClient, path: str) -> list[dict[str, Any]]:
    response = client.get(path, params={"limit": 1000})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_seed_facts_carry_the_rules_rest_serves(
    seed_store: OxigraphStore, neo4j_settings: Settings, driver: neo4j.Driver
) -> None:
    sync_documents(seed_store, neo4j_settings, None)
    client = TestClient(create_app(Settings(), seed_store))

    # One REST item per cluster of facts several documents report (kg.clusters), named by its representative,
    # with the rules of every member.
    for query, path in (
        ("MATCH ()-[c:CRITICISED]->() RETURN coalesce(c.cluster, c.id) AS id, c.id AS node, c.rule AS rule",
         "/criticisms"),
        ("MATCH (e:Event) RETURN coalesce(e.cluster, e.id) AS id, e.id AS node, e.rule AS rule", "/events"),
    ):  # fmt: skip
        rows = cypher(driver, query)
        found = {(row["id"], row["rule"]) for row in rows if row["id"] == row["node"]}
        items = _rest(client, path)
        assert found and found == {(item["id"], item["rule"]) for item in items}, path
        rules: dict[str, set[str]] = {}
        for row in rows:
            rules.setdefault(row["id"], set()).add(row["rule"])
        assert rules == {item["id"]: set(item["rules"]) for item in items}, path
    # A claim several documents state in other words (kg:sameClaim) is one REST item, by its representative, with
    # the rules of every member: each member's own rules are among them.
    claims = {c["id"]: c for c in _rest(client, "/claims")}
    query = ("MATCH (c:Claim) RETURN coalesce(c.cluster, c.id) AS id, c.cluster IS NOT NULL AS merged, "
             "c.rule AS rule, c.evidence_rules AS rules")  # fmt: skip
    for row in cypher(driver, query):
        own, served = set(row["rules"]), set(claims[row["id"]]["rules"])
        assert row["rule"] == row["rules"][0] and (own <= served if row["merged"] else own == served), row
    relations = cypher(
        driver,
        f"MATCH ()-[r:{_RELATIONS}]->() RETURN r.rule AS rule, r.evidence_rules AS rules, r.evidence_starts AS s",
    )
    assert relations
    for row in relations:
        assert row["rule"] in registry() and row["rule"] == row["rules"][0] and len(row["rules"]) == len(row["s"])


def test_a_relation_of_two_documents_keeps_each_documents_rule(neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    store = OxigraphStore(None)
    a, b = document_a(), document_b()
    put(store, a, b)
    sync_documents(store, neo4j_settings, None)
    ceo = (
        "MATCH (:Person {id: 'per-jane-doe'})-[r:AFFILIATED_WITH]->() RETURN r.rule AS rule, r.evidence_rules AS rules"
    )

    [both] = cypher(driver, ceo)
    assert sorted(both["rules"]) == ["relation.handmade.v1", "relation.handmade_other.v1"]
    assert both["rule"] == both["rules"][0]

    remove_document(store, a.meta.id)
    remove_documents(store, neo4j_settings, [a.meta.id])
    [left] = cypher(driver, ceo)
    assert left == {"rule": "relation.handmade_other.v1", "rules": ["relation.handmade_other.v1"]}


def test_neo4j_csv_export_names_rules() -> None:
    store = OxigraphStore(None)
    put(store, document_a(), document_b())
    out = io.BytesIO()
    write_export(store, "neo4j-csv", out)
    with zipfile.ZipFile(out) as archive:
        rows = {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode())))
            for name in ("rels_CRITICISED.csv", "rels_AFFILIATED_WITH.csv", "nodes_Claim.csv")
        }
    assert {r["rule"] for r in rows["rels_CRITICISED.csv"]} == {"criticism.handmade.v1"}
    [ceo] = [r for r in rows["rels_AFFILIATED_WITH.csv"] if r[":START_ID"] == "per-jane-doe"]
    rules = ceo["evidence_rules:string[]"].split("\x1f")
    assert sorted(rules) == ["relation.handmade.v1", "relation.handmade_other.v1"] and ceo["rule"] == rules[0]
    assert {r["rule"] for r in rows["nodes_Claim.csv"]} <= {"claim.handmade.v1", "claim.handmade_other.v1"}
