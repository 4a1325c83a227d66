"""The REST reads answered from per-generation JSON fragments are byte-identical to their pydantic models' dumps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel
from pyoxigraph import Quad

from api import rest
from api.app import create_app
from kg import queries, vocab
from kg.errors import NotFoundError
from kg.queries import listing, persist, rendered
from kg.queries.criticisms import criticism_index
from kg.queries.snapshot import Snapshot, _Rest, _side, keep
from kg.queries.views import Page, Relation
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.support.sample_graph import CLAUDE_MYTHOS, MYTHOS, load_sample

NO_FILTER = {"critic": None, "target": None, "since": None, "until": None}
CRITICISMS: list[dict[str, Any]] = [
    {},
    {"critic": "gary marcus"},
    {"target": "Mythos"},
    {"critic": "per-gary-marcus", "target": "Open AI"},
    {"since": "2026"},
    {"since": "2026-06", "until": "2026-06-30"},
    {"until": "2025"},
    {"critic": "nobody at all"},
    {"limit": 1, "offset": 1},
    {"limit": 2, "offset": 100},
]
RELATIONS: list[dict[str, Any]] = [
    {},
    {"predicate": "developed_by"},
    {"subject": "dario amodei"},
    {"object": "Anthropic"},
    {"subject": MYTHOS, "object": "anthropic"},
    {"subject": "nobody at all"},
    {"limit": 2, "offset": 2},
    {"predicate": "developed_by", "limit": 1, "offset": 1},
]
ENTITIES: list[dict[str, Any]] = [{}, {"q": "myth"}, {"type": "Person", "limit": 3, "offset": 2}, {"q": "zzz"}]


@pytest.fixture
def store() -> OxigraphStore:
    """A fresh sample graph: some tests write to it."""
    s = OxigraphStore(None)
    load_sample(s)
    return s


@pytest.fixture
def client(store: OxigraphStore) -> Iterator[TestClient]:
    """The app over ``store`` without the response cache, so every request renders."""
    with TestClient(create_app(Settings(rest_cache_entries=0), store)) as c:
        yield c


def _model_body(model: BaseModel) -> bytes:
    return bytes(rest._json(model).body)


def _expected(store: OxigraphStore) -> dict[str, Callable[[dict[str, Any]], BaseModel]]:
    page = {"limit": 50, "offset": 0}
    return {
        "/criticisms": lambda p: queries.list_criticisms(store, **(NO_FILTER | page | p)),
        "/relations": lambda p: queries.list_relations(
            store, **({"predicate": None, "subject": None, "object": None} | page | p)
        ),
        "/entities": lambda p: queries.list_entities(store, **({"type": None, "q": None} | page | p)),
    }


def _check_every_url(client: TestClient, store: OxigraphStore) -> int:
    """Compare each route's answer with its model's dump; the number of URLs checked."""
    checked = 0
    for path, cases in (("/criticisms", CRITICISMS), ("/relations", RELATIONS), ("/entities", ENTITIES)):
        for params in cases:
            answer = client.get(path, params=params)
            assert answer.status_code == 200, (path, params)
            assert answer.content == _model_body(_expected(store)[path](params)), (path, params)
            checked += 1
    for record in queries.catalogue(store).ordered:
        for limit in (100, 1):
            answer = client.get(f"/entities/{record.id}", params={"limit": limit})
            assert answer.status_code == 200, record.id
            assert answer.content == _model_body(queries.get_entity(store, record.id, limit=limit)), record.id
            checked += 1
    return checked


def test_fast_path_is_byte_identical_to_the_model_path(client: TestClient, store: OxigraphStore) -> None:
    first = _check_every_url(client, store)
    assert first > 30
    assert _check_every_url(client, store) == first  # the second time every item comes from the memo


def test_a_write_starts_new_fragments(client: TestClient, store: OxigraphStore) -> None:
    before = client.get("/relations", params={"predicate": "developed_by"}).content
    memo = rendered.fragments(store)
    chain = [
        Quad(vocab.resource(MYTHOS), vocab.OWL_SAME_AS, vocab.resource(CLAUDE_MYTHOS), vocab.RESOLUTION_GRAPH),
        Quad(vocab.resource(CLAUDE_MYTHOS), vocab.OWL_SAME_AS, vocab.resource("org-anthropic"), vocab.RESOLUTION_GRAPH),
    ]
    store.put_graph(vocab.RESOLUTION_GRAPH, chain)  # Claude Mythos is now Anthropic: every ref to it changes
    assert rendered.fragments(store) is not memo
    after = client.get("/relations", params={"predicate": "developed_by"}).content
    assert after != before and b'"org-anthropic"' in after
    _check_every_url(client, store)


def test_unknown_entity_is_still_a_404(client: TestClient, store: OxigraphStore) -> None:
    assert client.get("/entities/per-nobody").status_code == 404
    with pytest.raises(NotFoundError):
        rendered.entity_json(store, "per-nobody")


def test_model_dump_is_what_fastapi_renders_for_the_response_model(store: OxigraphStore) -> None:
    """``_json`` (and so every fragment) is FastAPI's own rendering of a response_model, byte for byte."""
    app = FastAPI()
    model = queries.list_relations(store, predicate=None, subject=None, object=None, limit=50, offset=0)

    @app.get("/plain", response_model=Page[Relation])
    def plain() -> Any:
        return model

    with TestClient(app) as plain_client:
        assert plain_client.get("/plain").content == _model_body(model)


@pytest.mark.parametrize("since, until", [(None, None), ("2026", None), (None, "2026-06"), ("2025-01", "2026-06-04")])
def test_date_window_is_a_page_of_find(store: OxigraphStore, since: str | None, until: str | None) -> None:
    """The page of a date-only listing, cut from the runs of dates, is the slice of every match."""
    index = criticism_index(store)
    assert index.unique
    found = index.find(None, None, since, until)
    for offset, limit in [(0, 50), (0, 1), (1, 2), (2, 1), (len(found) - 1, 5), (len(found), 5), (2**62, 5)]:
        assert index.window(since, until, offset, limit) == (found[offset : offset + limit], len(found))


def test_a_starting_server_answers_entity_listings_from_the_kept_listing(tmp_path: Path) -> None:
    """Before the catalogue is read back, GET /entities is answered from the kept listing, byte for byte."""
    store = OxigraphStore(tmp_path / "store")
    try:
        load_sample(store)
        cases = [*ENTITIES, {"q": "AN"}, {"type": "Organization", "q": "a"}, {"type": "Product"}, {"limit": 1000}]
        with TestClient(create_app(Settings(rest_cache_entries=0), store)) as built:
            expected = [built.get("/entities", params=params).content for params in cases]
        assert keep(store)  # the read side and its listing, next to the store
        early = Snapshot(store.generation, {persist.EARLY: listing.load(store)}, rest=_Rest())
        _side(store).current = early  # as a starting server publishes it: nothing read back yet
        with TestClient(create_app(Settings(rest_cache_entries=0), store)) as starting:
            assert [starting.get("/entities", params=params).content for params in cases] == expected
        assert _side(store).current is early and "catalogue" not in early.parts
    finally:
        store.close()
