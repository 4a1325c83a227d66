"""POST /documents' extraction worker: a separate process at a lower priority, replaced when it dies.

Against a real server over HTTP, as tests/api/test_documents_api.py does.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr

from api.extractor import NICENESS, Extractor
from kg.ids import document_id
from kg.model import Event
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, rest_app, serving

AUTH = {"Authorization": f"Bearer {TOKEN}"}
KILLER = "Mortalix"  # a name that makes the patched stage end its process


@pytest.fixture
def extractor() -> Iterator[Extractor]:
    """An extractor as the app makes one, stopped after the test."""
    found = Extractor()
    yield found
    found.close()


def test_the_worker_is_another_process_at_a_lower_priority(extractor: Extractor) -> None:
    pid = extractor.start().result(timeout=120)
    assert pid != os.getpid()
    assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICENESS)


@pytest.fixture
def killing_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    """The events stage ends its process on a text naming KILLER (as the kernel's OOM killer would); the name."""
    from loaders.extract import events
    from loaders.extract.context import DocContext

    original = events._ipo

    def _ipo(ctx: DocContext) -> list[Event]:
        if KILLER in ctx.doc.text:
            os._exit(9)
        return original(ctx)

    monkeypatch.setattr(events, "_ipo", _ipo)
    return KILLER


@pytest.fixture
def served(write_store: OxigraphStore) -> Iterator[tuple[httpx.Client, Extractor]]:
    """A real server whose extraction workers are forked from this process (so they run patched stages)."""
    app = rest_app(write_store, Settings(api_token=SecretStr(TOKEN)))
    app.state.extractor = Extractor(start_method="fork")
    with serving(app) as base, httpx.Client(base_url=base, timeout=120, headers=AUTH) as http:
        yield http, app.state.extractor


def test_a_worker_killed_while_idle_is_replaced_and_the_post_succeeds(
    served: tuple[httpx.Client, Extractor],
) -> None:
    http, extractor = served
    os.kill(extractor.start().result(timeout=120), signal.SIGKILL)
    text = "Zyphra announced a new model. It runs on AMD chips."
    created = http.post("/documents", json={"text": text})
    assert created.status_code == 201, created.text
    assert created.json()["id"] == document_id(text) and created.json()["entities"] >= 2


def test_a_document_that_kills_the_worker_fails_alone(
    killing_stage: str, served: tuple[httpx.Client, Extractor]
) -> None:
    """422 naming the worker; nothing stored; the server and the next document are fine."""
    http, _ = served
    total = http.get("/documents").json()["total"]
    text = f"{killing_stage} raised $20 million in a round led by Orlan Capital."
    failed = http.post("/documents", json={"text": text})
    assert failed.status_code == 422
    assert failed.json()["error"]["code"] == "extraction_failed"
    assert "stage 'worker'" in failed.json()["error"]["message"]
    assert http.get(f"/documents/{document_id(text)}").status_code == 404
    assert http.get("/documents").json()["total"] == total
    fine = http.post("/documents", json={"text": "Zyphra announced a new model. It runs on AMD chips."})
    assert fine.status_code == 201, fine.text
