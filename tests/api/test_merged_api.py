"""REST reads of events and criticisms several documents report, after POST and DELETE (cached reads included)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN
from tests.support.same_story import as_body

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def post(client: TestClient, *names: str) -> dict[str, str]:
    """POST the named stories; returns their document ids by name."""
    found = {}
    for name in names:
        response = client.post("/documents", json=as_body(name), headers=AUTH)
        assert response.status_code == 201, response.text
        found[name] = response.json()["id"]
    return found


def items(client: TestClient, path: str) -> list[dict[str, Any]]:
    """The items of a list endpoint (read twice: the second answer comes from the response cache)."""
    first = client.get(path)
    assert first.status_code == 200, first.text
    assert client.get(path).json() == first.json()
    return first.json()["items"]


def documents(item: dict[str, Any]) -> set[str]:
    """The documents an item's sources come from."""
    return {s["document"] for s in item["sources"]}


def rounds(client: TestClient) -> list[dict[str, Any]]:
    """Mistral AI's funding rounds as GET /events lists them."""
    found = items(client, "/events?type=FundingRound&entity=Mistral%20AI")
    return [e for e in found if any(p["entity"]["label"] == "Mistral AI" for p in e["participants"])]


def mistral_conflicts(client: TestClient) -> list[dict[str, Any]]:
    """The valuations of Mistral AI's rounds that documents disagree on."""
    found = items(client, "/conflicts?kind=funding_valuation")
    return [c for c in found if c["subject"]["label"] == "Mistral AI"]


def test_events_follow_posts_and_deletes(write_client: TestClient) -> None:
    assert rounds(write_client) == []
    ids = post(write_client, "funding_a")
    (alone,) = rounds(write_client)
    assert (alone["document_count"], alone["same_as"]) == (1, [])
    ids |= post(write_client, "funding_b")
    (merged,) = rounds(write_client)
    assert documents(merged) == set(ids.values())
    assert (merged["document_count"], merged["outlet_count"], len(merged["same_as"])) == (2, 2, 1)
    entity = write_client.get("/entities/Mistral%20AI").json()
    assert [documents(e) for e in entity["events"] if e["type"] == "FundingRound"] == [documents(merged)]
    conflicts = mistral_conflicts(write_client)
    assert len(conflicts) == 1 and len(conflicts[0]["values"]) == 2
    assert write_client.delete(f"/documents/{ids['funding_a']}", headers=AUTH).status_code == 204
    (left,) = rounds(write_client)
    assert documents(left) == documents(merged) - {ids["funding_a"]}
    assert (left["document_count"], left["same_as"]) == (1, [])
    assert mistral_conflicts(write_client) == []


def marcus_at_openai(client: TestClient) -> int:
    """How many criticisms of OpenAI by Gary Marcus ``group=pair`` counts."""
    pairs = items(client, "/criticisms?critic=Gary%20Marcus&group=pair")
    return sum(p["count"] for p in pairs if p["target"]["label"] == "OpenAI")


def test_criticisms_follow_posts_and_deletes(write_client: TestClient) -> None:
    before = marcus_at_openai(write_client)
    ids = post(write_client, "criticism_a", "criticism_b")
    mine = set(ids.values())
    (merged,) = [c for c in items(write_client, "/criticisms?critic=Gary%20Marcus") if documents(c) & mine]
    assert documents(merged) == mine
    assert (merged["document_count"], merged["outlet_count"]) == (2, 2)
    assert marcus_at_openai(write_client) == before + 1  # one statement, however many outlets report it
    assert write_client.delete(f"/documents/{ids['criticism_b']}", headers=AUTH).status_code == 204
    (left,) = [c for c in items(write_client, "/criticisms?critic=Gary%20Marcus") if documents(c) & mine]
    assert documents(left) == {ids["criticism_a"]}
    assert left["document_count"] == 1


def test_a_participant_only_one_outlet_names_finds_the_merged_event(write_client: TestClient) -> None:
    ids = post(write_client, "funding_a", "funding_b")  # only funding_a names the investor
    found = items(write_client, "/events?type=FundingRound&entity=General%20Catalyst")
    assert [documents(e) for e in found] == [set(ids.values())]
    page = write_client.get("/entities/General%20Catalyst").json()
    assert [documents(e) for e in page["events"]] == [set(ids.values())]


def nimbus_claims(client: TestClient) -> list[dict[str, Any]]:
    """Nimbus Labs's claims as GET /claims lists them."""
    return items(client, "/claims?claimant=Nimbus%20Labs")


def test_claims_reworded_by_other_outlets_follow_posts_and_deletes(write_client: TestClient) -> None:
    """One item for a statement two outlets word differently, from the second POST on, and two again after a DELETE;
    the other statement with the same figure stays apart throughout."""
    ids = post(write_client, "claim_a", "claim_other")
    assert sorted(documents(c) == {ids["claim_a"]} for c in nimbus_claims(write_client)) == [False, True]
    ids |= post(write_client, "claim_b")
    found = {frozenset(documents(c)): c for c in nimbus_claims(write_client)}
    assert set(found) == {frozenset((ids["claim_a"], ids["claim_b"])), frozenset((ids["claim_other"],))}
    merged = found[frozenset((ids["claim_a"], ids["claim_b"]))]
    assert (merged["document_count"], merged["outlet_count"], len(merged["same_as"])) == (2, 2, 1)
    assert merged["reported"]["value"] == "2026-06-04"
    assert [c["id"] for c in items(write_client, "/claims?q=drafted%20by%20the%20assistant")] == [merged["id"]]
    assert write_client.delete(f"/documents/{ids['claim_a']}", headers=AUTH).status_code == 204
    left = {frozenset(documents(c)): c for c in nimbus_claims(write_client)}
    assert set(left) == {frozenset((ids["claim_b"],)), frozenset((ids["claim_other"],))}
    assert left[frozenset((ids["claim_b"],))]["same_as"] == []
