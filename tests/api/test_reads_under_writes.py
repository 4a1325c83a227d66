"""Reads while documents come and go, over HTTP against a real server: no 5xx, and no answer mixes two states.

The store is on disk with its query replica, as ``kg serve`` opens it. Writers POST and DELETE documents (some of
them racing on the same document) while readers fetch entity pages and lists. Every entity page must list only
documents that mention the entity (or an id merged into it), and only facts it takes part in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from bench.feed import Mentions, wrong_in_entity_page
from kg import vocab
from kg.queries.terms import document_id, select, value
from kg.settings import Settings
from kg.store.base import GraphStore
from kg.store.oxigraph import OxigraphStore
from loaders.documents import raw_from_fields
from loaders.pipeline import ingest
from tests.api.conftest import TOKEN, rest_app, serving
from tests.support.sample_graph import TEXT_A, TEXT_B, TEXT_C, load_sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}
# New articles naming the sample's actors, so that writes change entities that readers are looking at.
TEXTS = [f"{base} Report {n} was filed from Berlin." for n, base in enumerate([TEXT_A, TEXT_B, TEXT_C] * 3)]


def _mentions(store: GraphStore) -> Mentions:
    """Which entity nodes each document of the store mentions."""
    found: Mentions = {}
    for row in select(store, "SELECT ?d ?e WHERE { GRAPH ?d { ?e kg:mentionCount ?c } }"):
        found.setdefault(document_id(row["d"] or ""), set()).add(vocab.local_id(value(row["e"]) or ""))
    return found


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Mentions]]:
    """A server over the sample graph on disk; and what every document it will ever hold mentions."""
    scratch = OxigraphStore(None)  # the articles' mentions, from the same extraction the server runs
    for text in TEXTS:
        ingest(scratch, raw_from_fields({"text": text}, "test", 1_000_000), Settings())
    store = OxigraphStore(tmp_path / "store", query_replica=True)
    load_sample(store)
    mentions = {**_mentions(scratch), **_mentions(store)}
    with serving(rest_app(store, Settings(api_token=SecretStr(TOKEN)))) as base:
        yield base, mentions
    store.close()


def test_reads_stay_right_while_documents_come_and_go(served: tuple[str, Mentions]) -> None:
    """Eight readers, two writers posting and deleting (racing on the same documents): no 5xx, no wrong answer."""
    base, mentions = served
    with httpx.Client(base_url=base, timeout=60) as http:
        ids = [e["id"] for e in http.get("/entities", params={"limit": 12}).json()["items"]]
    paths = [f"/entities/{i}" for i in ids] + ["/criticisms", "/relations?limit=100", "/entities?q=an", "/events"]
    problems: list[str] = []
    reads = [0]
    done = threading.Event()

    def read() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while not done.is_set():
                for path in paths:
                    try:
                        answer = http.get(path)
                    except httpx.TransportError as exc:
                        problems.append(f"GET {path}: {exc!r}")
                        continue
                    reads[0] += 1
                    if answer.status_code != 200:
                        problems.append(f"GET {path}: {answer.status_code} {answer.text[:200]}")
                    elif path.startswith("/entities/"):
                        problems.extend(f"GET {path}: {w}" for w in wrong_in_entity_page(answer.json(), mentions))

    def write(first: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            for round_ in range(2):
                posted = []
                for text in TEXTS[first::2]:
                    answer = http.post("/documents", json={"text": text}, headers=AUTH)
                    if answer.status_code not in (200, 201):
                        problems.append(f"POST: {answer.status_code} {answer.text[:200]}")
                    else:
                        posted.append(answer.json()["id"])
                # Both writers delete every article: one of two racing DELETEs finds nothing (404), never a 5xx.
                for doc_id in posted + [d for d in mentions if d not in posted][: round_ + 1]:
                    answer = http.delete(f"/documents/{doc_id}", headers=AUTH)
                    if answer.status_code not in (204, 404):
                        problems.append(f"DELETE: {answer.status_code} {answer.text[:200]}")

    readers = [threading.Thread(target=read) for _ in range(8)]
    writers = [threading.Thread(target=write, args=(first,)) for first in (0, 1)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    for thread in readers:
        thread.join()
    assert problems == []
    assert reads[0] > 100  # the readers really ran alongside the writes
