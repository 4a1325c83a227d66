"""Every criticism, event, relation and claim the REST API serves names the extraction rule that made it.

Over a real HTTP server: the seed articles loaded by the real pipeline (every rule a registered one, each fact's
rule the one the extraction gave it), and the hand-made documents whose shared relation and claim were found by
different rules in each document (both rules served).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.extract import extract
from loaders.extract.rules import registry
from loaders.pipeline import write_document
from tests.ontology.handmade import document_a, document_b
from tests.support.live_server import serving

# The rule families each list may hold: a funding round is made by a funding.* rule, other events by event.*.
FAMILIES = {
    "/criticisms": {"criticism"},
    "/events": {"event", "funding"},
    "/relations": {"relation"},
    "/claims": {"claim"},
}


@pytest.fixture(scope="module")
def seed_http(seed_store: OxigraphStore) -> Iterator[httpx.Client]:
    """An HTTP client of a real server over the seed store (read only)."""
    with serving(create_app(Settings(), seed_store)) as base, httpx.Client(base_url=base, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def handmade_http() -> Iterator[httpx.Client]:
    """An HTTP client of a real server over the two hand-made documents."""
    from kg.resolve import refresh_resolution

    store = OxigraphStore(None)
    for doc in (document_a(), document_b()):
        write_document(store, doc)
    refresh_resolution(store)
    with serving(create_app(Settings(), store)) as base, httpx.Client(base_url=base, timeout=30) as http:
        yield http
    store.close()


def items(http: httpx.Client, path: str, **params: str) -> list[dict[str, Any]]:
    """Every item of a list endpoint."""
    response = http.get(path, params={**params, "limit": 1000})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return body["items"]


@pytest.mark.parametrize("path", sorted(FAMILIES))
def test_every_item_names_a_registered_rule_of_its_kind(seed_http: httpx.Client, path: str) -> None:
    found = items(seed_http, path)
    assert found, f"the seeds give no {path}"
    rules = registry()
    for item in found:
        assert item["rule"] in rules, item
        assert rules[item["rule"]].family in FAMILIES[path], item
        if "rules" in item:  # relations and claims: every rule of every document, the served one first
            assert item["rules"] == sorted(set(item["rules"])) and item["rule"] == item["rules"][0], item


def test_funding_rounds_are_named_by_funding_rules(seed_http: httpx.Client) -> None:
    rounds = items(seed_http, "/events", type="FundingRound")
    assert rounds
    assert {registry()[e["rule"]].family for e in rounds} == {"funding"}


def test_criticisms_carry_the_rule_the_extraction_gave_them(seed_http: httpx.Client) -> None:
    served: dict[str, set[tuple[int, int, str]]] = {}
    for item in items(seed_http, "/criticisms"):
        source = item["sources"][0]
        served.setdefault(source["document"], set()).add((source["start"], source["end"], item["rule"]))
    for doc_id, found in served.items():
        doc = seed_http.get(f"/documents/{doc_id}").json()
        ex = extract(doc["text"], None)
        assert {(c.source.start, c.source.end, c.rule) for c in ex.criticisms} == found, doc_id


def test_entity_page_names_the_rule_of_each_fact(seed_http: httpx.Client) -> None:
    critic = max(items(seed_http, "/criticisms"), key=lambda c: c["critic"]["type"] == "Organization")["critic"]
    page = seed_http.get(f"/entities/{critic['id']}")
    assert page.status_code == 200, page.text
    body = page.json()
    facts = [*body["criticisms_made"], *body["criticisms_received"], *body["events"], *body["relations"]]
    assert body["criticisms_made"] and facts
    assert all(f["rule"] in registry() for f in facts), facts


@pytest.mark.parametrize(
    ("path", "params", "rules"),
    [
        ("/relations", {"predicate": "affiliated_with"}, ["relation.handmade.v1", "relation.handmade_other.v1"]),
        ("/claims", {"claimant": "Jane Doe"}, ["claim.handmade.v1", "claim.handmade_other.v1"]),
    ],
)
def test_a_fact_merged_from_documents_serves_every_rule(
    handmade_http: httpx.Client, path: str, params: dict[str, str], rules: list[str]
) -> None:
    merged = [i for i in items(handmade_http, path, **params) if len({s["document"] for s in i["sources"]}) == 2]
    # Jane Doe's claims: one statement told in the same words (one node) and one in other words (kg:sameClaim)
    assert len(merged) == (2 if path == "/claims" else 1), merged
    assert all(m["rules"] == rules and m["rule"] == rules[0] for m in merged)


def test_a_fact_of_one_document_serves_its_one_rule(handmade_http: httpx.Client) -> None:
    single = [i for i in items(handmade_http, "/relations") if len(i["sources"]) == 1]
    assert single and all(i["rules"] == [i["rule"]] == ["relation.handmade.v1"] for i in single)
    assert {c["rule"] for c in items(handmade_http, "/criticisms")} == {"criticism.handmade.v1"}


def test_openapi_documents_the_rule(seed_http: httpx.Client) -> None:
    schemas = seed_http.get("/openapi.json").json()["components"]["schemas"]
    for name in ("Criticism", "Event", "Relation", "Claim"):
        assert "rule" in schemas[name]["properties"], name
    for name in ("Relation", "Claim"):
        assert schemas[name]["properties"]["rules"]["type"] == "array"


def test_a_later_document_adds_its_rule_to_a_relation_already_shown() -> None:
    """The incremental read snapshot (and its rendered JSON) picks up the rule a new document brings."""
    from kg.resolve import refresh_resolution

    store = OxigraphStore(None)
    write_document(store, document_a())
    refresh_resolution(store)
    with serving(create_app(Settings(), store)) as base, httpx.Client(base_url=base, timeout=30) as http:

        def ceo() -> dict[str, Any]:
            [found] = [r for r in items(http, "/relations", predicate="affiliated_with", subject="Jane Doe")]
            return found

        assert ceo()["rules"] == ["relation.handmade.v1"]
        write_document(store, document_b())
        refresh_resolution(store)
        assert ceo()["rules"] == ["relation.handmade.v1", "relation.handmade_other.v1"]
        assert len(ceo()["sources"]) == 2
    store.close()
