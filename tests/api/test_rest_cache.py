"""The REST response cache: hits skip the work, writes invalidate, the LRU bounds hold, errors are not kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api import rest
from api.app import create_app
from api.cache import ResponseCache
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN
from tests.support.sample_graph import load_sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Zyphra announced a new model. It runs on AMD chips."


@contextmanager
def _client(entries: int = 2048) -> Iterator[TestClient]:
    """A fresh app over the sample graph, with its own empty cache of at most ``entries`` answers."""
    store = OxigraphStore(None)
    load_sample(store)
    settings = Settings(api_token=SecretStr(TOKEN), rest_cache_entries=entries)
    with TestClient(create_app(settings, store)) as c:
        yield c


@pytest.fixture
def client() -> Iterator[TestClient]:
    """A fresh app over the sample graph, with its own empty cache."""
    with _client() as c:
        yield c


def _cache(client: TestClient) -> ResponseCache:
    return client.app.state.rest_cache  # type: ignore[attr-defined]


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str, module: Any = rest.queries) -> list[int]:
    """Count the calls of ``<module>.<name>`` (a module the REST routes call through) made by the routes."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_repeated_get_is_served_from_the_cache(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_calls(monkeypatch, "entities_json", rest.rendered)
    first = client.get("/entities", params={"limit": 3, "offset": 1})
    # the same parameters in another order are the same request
    second = client.get("/entities?offset=1&limit=3")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.headers == second.headers
    assert len(calls) == 1 and _cache(client).hits == 1
    client.get("/entities", params={"limit": 4})
    assert len(calls) == 2


def test_cached_answers_are_byte_identical_to_uncached_ones(client: TestClient) -> None:
    paths = ["/entities", "/entities/org-anthropic", "/criticisms", "/events", "/claims", "/relations"]
    paths += ["/documents", "/conflicts"]
    for path in paths:
        cold, warm = client.get(path), client.get(path)
        assert cold.status_code == warm.status_code == 200, path
        assert cold.content == warm.content and cold.headers == warm.headers, path
    assert _cache(client).hits == len(paths)


def test_health_is_not_cached(client: TestClient) -> None:
    client.get("/health")
    client.get("/health")
    assert getattr(client.app.state, "rest_cache", None) is None or len(_cache(client)) == 0  # type: ignore[attr-defined]


def test_a_write_is_seen_by_the_next_read(client: TestClient) -> None:
    before = client.get("/documents").json()
    assert client.get("/documents").json() == before and _cache(client).hits == 1
    created = client.post("/documents", json={"text": TEXT}, headers=AUTH)
    assert created.status_code == 201, created.text
    after = client.get("/documents").json()
    assert after["total"] == before["total"] + 1
    assert created.json()["id"] in {d["id"] for d in after["items"]}
    deleted = client.delete(f"/documents/{created.json()['id']}", headers=AUTH)
    assert deleted.status_code in (200, 204), deleted.text
    assert client.get("/documents").json() == before


def test_a_write_that_changes_nothing_keeps_the_cached_answers(client: TestClient) -> None:
    """The resolution graph written again as it is moves the generation, not the data (a refresh that finds
    nothing new no longer writes at all)."""
    from kg import vocab
    from kg.resolve import refresh_resolution

    store = client.app.state.store  # type: ignore[attr-defined]
    refresh_resolution(store)  # resolution as the documents give it
    client.get("/entities")
    generation = store.generation
    refresh_resolution(store)
    assert store.generation == generation  # nothing new: nothing written
    store.put_graph(vocab.RESOLUTION_GRAPH, list(store.quads(vocab.RESOLUTION_GRAPH)))
    assert store.generation > generation and list(store.quads(vocab.RESOLUTION_GRAPH))
    client.get("/entities")
    assert _cache(client).hits == 1
    created = client.post("/documents", json={"text": TEXT}, headers=AUTH)  # new data: the old answer is not reused
    assert created.status_code == 201, created.text
    client.get("/entities")
    assert _cache(client).hits == 1


def test_not_found_is_not_cached(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_calls(monkeypatch, "get_document")
    for _ in range(2):
        response = client.get("/documents/no-such-document")
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert len(calls) == 2 and len(_cache(client)) == 0 and _cache(client).hits == 0
    assert client.get("/entities", params={"limit": 0}).status_code == 422
    assert len(_cache(client)) == 0


def test_lru_bound_on_entries() -> None:
    with _client(entries=3) as client:
        for limit in range(1, 6):
            assert client.get("/entities", params={"limit": limit}).status_code == 200
        cache = _cache(client)
        assert len(cache) == 3 and cache.misses == 5
        client.get("/entities", params={"limit": 5})  # the newest is still there
        client.get("/entities", params={"limit": 1})  # the oldest was evicted
        assert cache.hits == 1 and cache.misses == 6 and len(cache) == 3


def test_lru_bound_on_bytes_and_recency() -> None:
    cache = ResponseCache(max_entries=100, max_bytes=400)
    for i in range(5):
        cache.put((i,), (200, b"x" * 90, []))
    assert len(cache) == 4 and cache.bytes == 360 and cache.get((0,)) is None
    assert cache.get((1,)) is not None  # now the most recent: (2,) goes first
    cache.put((5,), (200, b"x" * 90, []))
    assert cache.get((2,)) is None and cache.get((1,)) is not None and cache.bytes <= 400
    cache.put((6,), (200, b"x" * 101, []))  # over a quarter of the budget: never kept
    assert cache.get((6,)) is None


def test_zero_entries_turns_it_off() -> None:
    with _client(entries=0) as client:
        assert client.get("/entities").content == client.get("/entities").content
        assert len(_cache(client)) == 0 and _cache(client).hits == 0
