"""The same API through a real uvicorn server on a loopback port (HTTP framing, headers, concurrency)."""

from __future__ import annotations

import asyncio

import httpx

from tests.api.conftest import TOKEN


def test_reads_over_http(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=10) as http:
        health = http.get("/health")
        assert health.status_code == 200 and health.headers["content-type"] == "application/json"
        assert health.json()["documents"] >= 3
        entities = http.get("/entities", params={"q": "mythos"}).json()
        assert [e["label"] for e in entities["items"]] == ["Claude Mythos"]
        missing = http.get("/entities/per-nobody")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_concurrent_lookups_agree(live_server: str) -> None:
    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=live_server, timeout=10) as http:
            paths = ["/criticisms?critic=gary%20marcus", "/entities/prd-mythos", "/entities?q=open"] * 10
            return await asyncio.gather(*(http.get(p) for p in paths))

    responses = asyncio.run(run())
    assert all(r.status_code == 200 for r in responses)
    assert len({r.text for r in responses[::3]}) == 1


def test_write_over_http(live_server: str) -> None:
    text = "Mistral AI shipped a reasoning model on Tuesday."
    with httpx.Client(base_url=live_server, timeout=30) as http:
        assert http.post("/documents", json={"text": text}).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        created = http.post("/documents", json={"text": text}, headers=auth)
        assert created.status_code in (200, 201) and created.json()["id"]
        assert http.post("/documents", json={"text": text}, headers=auth).status_code == 200
        assert http.delete(f"/documents/{created.json()['id']}", headers=auth).status_code == 204
