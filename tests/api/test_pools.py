"""The thread pools (api/pools.py), over HTTP against real servers: each kind of work runs in its own pool, sized
from the settings; slow SPARQL queries holding theirs do not hold up a REST read or a write; a bad size stops
``kg serve`` at start, naming the variable."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request
from pydantic import SecretStr

from api.pools import POOLS, Pool, Pools, WriteRoute
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, rest_app, serving
from tests.support.kg_serve import run_kg
from tests.support.sample_graph import CLAUDE_MYTHOS, TEXT_A, load_sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Every triple against every triple, four times over: far longer than any time limit here.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@contextmanager
def served(settings: Settings) -> Iterator[tuple[str, Pools]]:
    """A real server over a fresh sample graph: its base URL and its app's pools."""
    store = OxigraphStore(None)
    load_sample(store)
    app = rest_app(store, settings)
    try:
        with serving(app) as base:
            yield base, app.state.pools
    finally:
        app.state.sandbox.close()
        app.state.extractor.close()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Pools]]:
    """One server with a token, pools of distinct sizes."""
    with served(Settings(api_token=SecretStr(TOKEN), rest_threads=3, query_threads=2, write_threads=1)) as running:
        yield running


def calls(pools: Pools) -> dict[Pool, int]:
    """How many calls each pool has run."""
    return {pool: pools.stats[pool].calls for pool in POOLS}


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Return once ``condition()`` holds; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.02)


def sparql(base: str, query: str) -> httpx.Response:
    return httpx.post(
        f"{base}/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"}, timeout=120
    )


def test_the_pool_sizes_come_from_the_settings(server: tuple[str, Pools]) -> None:
    _, pools = server
    assert pools.sizes == {"rest": 3, "query": 2, "write": 1}
    assert [pools.limiter(pool).total_tokens for pool in POOLS] == [3, 2, 1]


@pytest.mark.parametrize(
    ("method", "path", "pool"),
    [
        ("GET", "/entities?limit=2", "rest"),
        ("GET", "/criticisms?limit=2", "rest"),
        ("GET", f"/entities/{CLAUDE_MYTHOS}", "rest"),
        ("GET", "/health", "rest"),
        ("GET", "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", "query"),
        ("GET", f"/id/{CLAUDE_MYTHOS}", "query"),
        ("GET", "/.well-known/void", "query"),
        ("GET", "/export?format=nquads", "query"),
        ("POST", "/documents", "write"),
        ("DELETE", "/documents/no-such-document", "write"),
    ],
)
def test_each_kind_of_work_runs_in_its_own_pool(server: tuple[str, Pools], method: str, path: str, pool: Pool) -> None:
    base, pools = server
    before = calls(pools)
    body = {"json": {"text": f"{TEXT_A} Filed for the pool test."}} if method == "POST" else {}
    headers = {**AUTH, "accept": "text/turtle"} if path.startswith("/id/") else AUTH
    answer = httpx.request(method, base + path, headers=headers, timeout=120, **body)  # type: ignore[arg-type]
    assert answer.status_code < 500, answer.text
    after = calls(pools)
    assert {name: after[name] - before[name] > 0 for name in POOLS} == {name: name == pool for name in POOLS}


def test_slow_sparql_queries_hold_up_neither_rest_reads_nor_writes() -> None:
    """One thread per pool: two endless queries hold the query pool's (one runs, one waits for it); a read and a
    write are answered while both still wait, which a pool shared with SPARQL could not do."""
    settings = Settings(
        api_token=SecretStr(TOKEN), rest_threads=1, query_threads=1, write_threads=1, sparql_timeout_s=15
    )
    with served(settings) as (base, pools), ThreadPoolExecutor(2) as clients:
        warm = httpx.post(f"{base}/documents", json={"text": TEXT_A + " Warm."}, headers=AUTH, timeout=120)
        assert warm.status_code == 201  # the extraction worker is up: what follows times the pools only
        slow = [clients.submit(sparql, base, ENDLESS) for _ in range(2)]
        wait_for(lambda: pools.busy("query") == (1, 1))
        read = httpx.get(f"{base}/entities", params={"limit": 3}, timeout=120)
        written = httpx.post(f"{base}/documents", json={"text": TEXT_A + " Again."}, headers=AUTH, timeout=120)
        in_flight = [not answer.done() for answer in slow]
        assert (read.status_code, written.status_code) == (200, 201)
        assert in_flight == [True, True], "the queries ended before the read and the write were answered"
        assert [answer.result().status_code for answer in slow] == [503, 503]


def test_a_pooled_endpoint_keeps_its_parameters_and_runs_off_the_event_loop() -> None:
    router = APIRouter(route_class=WriteRoute)

    @router.get("/health")
    def health() -> dict[str, str]:
        return {}

    @router.get("/echo")
    def echo(request: Request, n: int, tag: str = "x") -> dict[str, object]:
        return {"n": n, "tag": tag, "path": request.url.path, "thread": threading.current_thread().name}

    app = FastAPI()
    app.state.pools = Pools({"rest": 1, "query": 1, "write": 2})
    app.include_router(router)
    with serving(app) as base:
        answer = httpx.get(f"{base}/echo", params={"n": 3, "tag": "y"})
        refused = httpx.get(f"{base}/echo", params={"n": "three"})
        schema = httpx.get(f"{base}/openapi.json").json()
    assert answer.json() == {"n": 3, "tag": "y", "path": "/echo", "thread": "AnyIO worker thread"}
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["query", "n"]
    assert [p["name"] for p in schema["paths"]["/echo"]["get"]["parameters"]] == ["n", "tag"]
    assert app.state.pools.stats["write"].calls >= 2 and app.state.pools.stats["rest"].calls == 0


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        ("KG_REST_THREADS", "0", "greater than or equal to 1"),
        ("KG_QUERY_THREADS", "-2", "greater than or equal to 1"),
        ("KG_WRITE_THREADS", "two", "valid integer"),
        ("KG_REST_THREADS", "100000", "less than or equal to"),
    ],
)
def test_a_bad_pool_size_stops_kg_serve_naming_the_variable(
    tmp_path: Path, variable: str, value: str, reason: str
) -> None:
    result = run_kg("serve", "--store", str(tmp_path / "store"), "--port", "0", env={variable: value}, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: invalid configuration: {variable}: "), result.stderr
    assert reason in result.stderr and "Traceback" not in result.stderr
