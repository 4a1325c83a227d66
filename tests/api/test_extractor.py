"""POST /documents' extraction worker: a separate process at a lower priority, replaced when it dies.

Against a real server over HTTP, as tests/api/test_documents_api.py does.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

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
    """A real server whose extraction workers are forked from this process (so they run patched stages); a
    document's extraction is stopped after 5 s."""
    app = rest_app(write_store, Settings(api_token=SecretStr(TOKEN)))
    app.state.extractor = Extractor(start_method="fork", timeout_s=5)
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


@pytest.mark.parametrize(("bad_stage", "message"), [
    ("killing_stage", "the extraction process ended before it answered"),  # the worker dies on it, twice
    ("looping_stage", "ran past its time limit (5 s)"),  # the worker runs away on it: killed at the limit
])
def test_a_document_that_breaks_the_worker_fails_alone(
    request: pytest.FixtureRequest, bad_stage: str, message: str, served: tuple[httpx.Client, Extractor]
) -> None:
    """422 naming the worker and why; nothing stored; that worker is gone; the server and the next document are fine."""
    name = request.getfixturevalue(bad_stage)
    http, extractor = served
    first_worker = extractor.start().result(timeout=120)
    total = http.get("/documents").json()["total"]
    text = f"{name} raised $20 million in a round led by Orlan Capital."
    failed = http.post("/documents", json={"text": text})
    assert failed.status_code == 422
    assert failed.json()["error"]["code"] == "extraction_failed"
    assert "stage 'worker'" in failed.json()["error"]["message"]
    assert message in failed.json()["error"]["message"]
    assert http.get(f"/documents/{document_id(text)}").status_code == 404
    assert http.get("/documents").json()["total"] == total
    fine = http.post("/documents", json={"text": "Zyphra announced a new model. It runs on AMD chips."})
    assert fine.status_code == 201, fine.text
    assert _ends(first_worker), "the broken worker still runs beside its replacement"


def _ends(pid: int, within_s: float = 30.0) -> bool:
    """Whether process ``pid`` ends (is gone, or a zombie no longer running) within ``within_s`` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in {"Z", "X"}:
            return True
        time.sleep(0.1)
    return False
