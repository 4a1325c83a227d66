"""The REST read endpoints over the sample graph, through FastAPI's TestClient."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.sample_graph import CLAUDE_MYTHOS, MYTHOS, document_a, document_c

ENTITY_KEYS = {"id", "label", "type", "aliases", "mentions"}


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


def test_health(client: TestClient) -> None:
    body = get(client, "/health")
    assert body["status"] == "ok" and body["store"] == "oxigraph:memory"
    assert body["documents"] == 3 and body["triples"] > 100


def test_entities_page_shape_and_defaults(client: TestClient) -> None:
    body = get(client, "/entities")
    assert body["total"] == 14 and len(body["items"]) == 14
    assert all(set(item) >= ENTITY_KEYS for item in body["items"])
    assert {i["type"] for i in body["items"]} == {"Person", "Organization", "Product", "Place", "Group"}
    assert MYTHOS not in {i["id"] for i in body["items"]}


def test_entities_pagination_covers_everything_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 14, 4):
        body = get(client, "/entities", limit=4, offset=offset)
        assert body["total"] == 14
        seen += [i["id"] for i in body["items"]]
    assert len(seen) == len(set(seen)) == 14
    assert get(client, "/entities", offset=100) == {"items": [], "total": 14}


@pytest.mark.parametrize(
    ("q", "expected"),
    [("openai", ["org-openai"]), ("OPEN AI", ["org-openai"]), ("mythos", [CLAUDE_MYTHOS]), ("zzz", [])],
)
def test_entities_q_matches_label_or_alias_any_case(client: TestClient, q: str, expected: list[str]) -> None:
    assert [i["id"] for i in get(client, "/entities", q=q)["items"]] == expected


def test_entities_type_filter(client: TestClient) -> None:
    body = get(client, "/entities", type="Product")
    assert body["total"] == 1 and body["items"][0]["aliases"] == ["Mythos"] and body["items"][0]["mentions"] == 4


@pytest.mark.parametrize("entity_id", [CLAUDE_MYTHOS, MYTHOS])
def test_entity_detail_by_any_merged_id(client: TestClient, entity_id: str) -> None:
    body = get(client, f"/entities/{entity_id}")
    assert body["id"] == CLAUDE_MYTHOS and body["same_as"] == [MYTHOS]
    assert {c["critic"]["label"] for c in body["criticisms_received"]} == {"Gary Marcus", "critics"}
    assert body["relations"][0]["predicate"] == "developed_by" and len(body["relations"][0]["sources"]) == 2
    assert [e["type"] for e in body["events"]] == ["ProductRelease"]
    assert len(body["documents"]) == 2 and all("text" not in d for d in body["documents"])


def test_a_fact_names_its_entities_aliases_as_entities_does(client: TestClient) -> None:
    made = get(client, "/entities/per-gary-marcus")["criticisms_made"]
    targets = {c["target"]["id"]: c["target"]["aliases"] for c in made}
    assert targets[CLAUDE_MYTHOS] == ["Mythos"], targets


def test_entity_detail_both_directions(client: TestClient) -> None:
    body = get(client, "/entities/org-anthropic")
    directions = {(r["subject"]["id"] == "org-anthropic", r["predicate"]) for r in body["relations"]}
    assert (False, "affiliated_with") in directions and (False, "developed_by") in directions
    gary = get(client, "/entities/per-gary-marcus")
    assert len(gary["criticisms_made"]) == 2 and not gary["criticisms_received"]


def test_unknown_ids_are_404_with_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/entities/per-nobody"), 404, "not_found")
    assert_error(client.get("/documents/0123456789abcdef"), 404, "not_found")
    assert_error(client.get("/documents/has space"), 404, "not_found")
    assert_error(client.get("/no/such/path"), 404, "not_found")


def test_criticisms(client: TestClient) -> None:
    body = get(client, "/criticisms")
    assert body["total"] == 4
    item = next(i for i in body["items"] if i["critic"]["label"] == "Elon Musk")
    assert item["date"] == {"value": "--06-04", "precision": "day", "inferred": False}
    assert item["reported"] == {"value": "2023-06", "precision": "month", "inferred": True}
    source = item["sources"][0]
    text = document_c().text
    assert text[source["start"] : source["end"]] == "Elon Musk attacked OpenAI on June 4"


@pytest.mark.parametrize(
    ("params", "pairs"),
    [
        ({"critic": "GARY MARCUS"}, {("Gary Marcus", "OpenAI"), ("Gary Marcus", "Claude Mythos")}),
        ({"target": "mythos"}, {("Gary Marcus", "Claude Mythos"), ("critics", "Claude Mythos")}),
        ({"target": "Open AI", "since": "2023-12-01"}, {("Gary Marcus", "OpenAI")}),
        ({"since": "2023-12", "until": "2023-12-31"}, {("Gary Marcus", "OpenAI"), ("critics", "Claude Mythos")}),
        ({"until": "2023-06"}, {("Elon Musk", "OpenAI")}),
        ({"critic": "nobody"}, set()),
    ],
)
def test_criticism_filters(client: TestClient, params: dict[str, str], pairs: set[tuple[str, str]]) -> None:
    body = get(client, "/criticisms", **params)
    assert {(i["critic"]["label"], i["target"]["label"]) for i in body["items"]} == pairs
    assert body["total"] == len(pairs)


def test_bad_parameters_are_4xx_with_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/criticisms", params={"since": "last week"}), 422, "bad_request")
    assert_error(client.get("/criticisms", params={"until": "2023-02-30"}), 400, "bad_request")
    assert_error(client.get("/entities", params={"limit": 0}), 422, "bad_request")
    assert_error(client.get("/entities", params={"limit": 1001}), 422, "bad_request")
    assert_error(client.get("/entities", params={"offset": -1}), 422, "bad_request")
    assert_error(client.get("/entities", params={"type": "Robot"}), 422, "bad_request")
    assert_error(client.get("/events", params={"type": "Party"}), 422, "bad_request")


def test_events(client: TestClient) -> None:
    assert get(client, "/events")["total"] == 6
    funding = get(client, "/events", type="FundingRound")["items"]
    assert len(funding) == 2
    valuations = sorted((e["valuation"]["value"], e["valuation"]["approximate"]) for e in funding)
    assert valuations == [(18.4e9, False), (20e9, True)]
    assert all(e["amount"] == {"value": 2e9, "currency": "USD", "approximate": False} for e in funding)
    roles = {(p["role"], p["entity"]["label"]) for e in funding for p in e["participants"]}
    assert roles == {("recipient", "Anthropic"), ("investor", "Google"), ("investor", "Amazon")}
    lawsuit = get(client, "/events", type="Lawsuit")["items"][0]
    assert [p["role"] for p in lawsuit["participants"]] == ["plaintiff", "defendant"] and lawsuit["date"] is None


def test_claims_one_item_per_claim(client: TestClient) -> None:
    body = get(client, "/claims", claimant="dario amodei")
    assert body["total"] == 1
    (claim,) = body["items"]
    assert len(claim["sources"]) == 2 and claim["quantities"] == [{"value": 90.0, "unit": "percent"}]
    assert get(client, "/claims", about="OpenAI")["items"][0]["claimant"]["label"] == "Elon Musk"
    assert get(client, "/claims")["total"] == 2


def test_relations(client: TestClient) -> None:
    body = get(client, "/relations", predicate="affiliated_with")
    pairs = {(r["subject"]["label"], r["object"]["label"], r["role"]) for r in body["items"]}
    assert {p[:2] for p in pairs} == {
        ("Dario Amodei", "Anthropic"),
        ("Sam Altman", "OpenAI"),
        ("Greg Brockman", "OpenAI"),
    }
    assert get(client, "/relations", object="openai")["total"] == 2
    authored = get(client, "/relations", predicate="authored")["items"][0]
    assert authored["object"]["type"] == "Publication"
    assert get(client, "/relations", limit=2, offset=4)["total"] == 6


def test_documents(client: TestClient) -> None:
    body = get(client, "/documents")
    assert body["total"] == 3 and all("text" not in d for d in body["items"])
    doc = get(client, f"/documents/{document_a().meta.id}")
    assert doc["text"] == document_a().text and doc["title"] == "Anthropic raises $2 billion"
    assert doc["published"] == {"value": "2023-12-15", "precision": "day", "inferred": False}


def test_every_source_points_at_its_text(client: TestClient) -> None:
    texts = {d.meta.id: d.text for d in (document_a(), document_c())}
    for path in ("/criticisms", "/events", "/claims", "/relations"):
        for item in get(client, path)["items"]:
            assert item["sources"], path
            for s in item["sources"]:
                if s["document"] in texts:
                    assert texts[s["document"]][s["start"] : s["end"]] in s["sentence"]


def test_conflicts(client: TestClient) -> None:
    body = get(client, "/conflicts")
    assert {c["kind"] for c in body["items"]} == {"funding_valuation", "role_holder", "publication_authors"}
    assert get(client, "/conflicts", kind="funding_amount")["total"] == 0


def test_openapi_names_the_response_models(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    schema = spec["paths"]["/criticisms"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    # group=pair answers pairs instead of criticisms: both pages are documented.
    pages = sorted(ref["$ref"].rsplit("/", 1)[1] for ref in schema["anyOf"])
    assert pages == ["Page_CriticismPair_", "Page_Criticism_"]
    assert "404" in spec["paths"]["/entities/{entity_id}"]["get"]["responses"]
