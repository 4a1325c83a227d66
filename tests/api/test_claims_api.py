"""GET /claims (q, since, until, reported, document and outlet counts, reworded claims merged), claim conflicts and
/criticisms?group=pair over a real uvicorn server and a real store holding the claim articles and the sample graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kg import ids
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import rest_app, serving
from tests.support import claim_corpus as corpus
from tests.support.sample_graph import load_sample


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real server over the sample graph and the three claim articles; yields its base URL."""
    store = OxigraphStore(None)
    load_sample(store)
    corpus.load_claims(store)
    with serving(rest_app(store, Settings())) as base:
        yield base
    store.close()


def _get(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server}{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_claims_carry_their_date_and_how_many_report_them(server: str) -> None:
    body = _get(server, "/claims", claimant="Sam Altman", q="has 800 MILLION")
    assert body["total"] == 1
    (claim,) = body["items"]
    assert ids.statement_key(claim["text"]) == ids.statement_key(corpus.USERS)
    assert claim["reported"] == {"value": "2025-01-10", "precision": "day", "inferred": False}
    assert (claim["document_count"], claim["outlet_count"], len(claim["sources"])) == (3, 2, 3)


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({}, 7),  # two claims of the sample graph (one in two documents), five of the claim articles
        ({"q": "weekly users"}, 3),
        ({"since": "2025-03-05"}, 3),
        ({"since": "2023-12", "until": "2024"}, 1),  # the sample's Amodei claim, first reported 2023-12-15
        ({"until": "2023-06-30"}, 1),
        ({"q": "open", "until": "2023"}, 1),
    ],
)
def test_claim_filters_over_http(server: str, params: dict[str, str], total: int) -> None:
    body = _get(server, "/claims", **params)
    assert body["total"] == total == len(body["items"])


@pytest.mark.parametrize("path", ["/claims", "/criticisms"])
@pytest.mark.parametrize(
    ("params", "status", "named"),
    [
        ({"since": "last week"}, 422, "since"),
        ({"until": "2025-02-30"}, 400, "until"),
        ({"since": "2025-13"}, 422, "since"),
    ],
)
def test_bad_dates_are_4xx_naming_the_parameter(
    server: str, path: str, params: dict[str, str], status: int, named: str
) -> None:
    response = httpx.get(f"{server}{path}", params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == "bad_request" and named in error["message"]


def test_claim_conflicts_over_http(server: str) -> None:
    body = _get(server, "/conflicts", kind="claim_values")
    (conflict,) = body["items"]
    assert conflict["kind"] == "claim_values" and conflict["subject"]["label"] == "ChatGPT"
    values = {v["entities"][0]["label"]: v for v in conflict["values"]}
    assert set(values) == {"Sam Altman", "Similarweb"}
    assert all(v["sources"] and v["money"] is None for v in values.values())
    assert "claim_values" in {c["kind"] for c in _get(server, "/conflicts")["items"]}


def test_criticisms_grouped_by_pair(server: str) -> None:
    body = _get(server, "/criticisms", group="pair", critic="Gary Marcus")
    pairs = [(p["target"]["label"], p["count"], p["first"]["value"], p["last"]["value"]) for p in body["items"]]
    # Most criticisms first; the claim articles' pair has a stated date first and a reported date last.
    assert pairs[0] == ("OpenAI", 3, "2023-12", "2025-02-01")
    assert body["total"] == len(pairs) == 3
    assert sum(p[1] for p in pairs) == _get(server, "/criticisms", critic="Gary Marcus")["total"]
    paged = httpx.get(f"{server}/criticisms", params={"group": "pair", "limit": 1, "offset": 1})
    assert paged.json()["total"] == _get(server, "/criticisms", group="pair")["total"]
    assert len(paged.json()["items"]) == 1 and 'rel="next"' in paged.headers["link"]
    bad = httpx.get(f"{server}/criticisms", params={"group": "critic"})
    assert bad.status_code == 422 and "group" in bad.json()["error"]["message"]


def test_a_claim_reworded_by_another_outlet_is_one_item_over_http() -> None:
    """Real extraction, loading and resolution behind a real server: one item with both outlets' sources."""
    from tests.support.same_story import load

    store = OxigraphStore(None)
    ids_ = load(store, "claim_a", "claim_b", "claim_other")
    try:
        with serving(rest_app(store, Settings())) as base:
            body = _get(base, "/claims", claimant="Nimbus Labs")
            # the words of one report (2026-06-05), the date of the other (2026-06-04)
            merged = _get(base, "/claims", claimant="Nimbus Labs", q="assistant it built", until="2026-06-04")
    finally:
        store.close()
    assert body["total"] == 2
    by_documents = {frozenset(s["document"] for s in c["sources"]): c for c in body["items"]}
    both = by_documents[frozenset((ids_["claim_a"], ids_["claim_b"]))]
    assert (both["document_count"], both["outlet_count"], len(both["same_as"])) == (2, 2, 1)
    assert [c["id"] for c in merged["items"]] == [both["id"]]  # its text and date are its members' together


def test_openapi_documents_the_new_parameters(server: str) -> None:
    spec = _get(server, "/openapi.json")
    claims = {p["name"] for p in spec["paths"]["/claims"]["get"]["parameters"]}
    assert {"q", "since", "until"} <= claims
    (group,) = [p for p in spec["paths"]["/criticisms"]["get"]["parameters"] if p["name"] == "group"]
    assert "pair" in str(group["schema"])
    claim = spec["components"]["schemas"]["Claim"]["properties"]
    pair = spec["components"]["schemas"]["CriticismPair"]["properties"]
    assert {"reported", "document_count", "outlet_count", "same_as"} <= set(claim)
    assert {"count", "first", "last"} <= set(pair)
