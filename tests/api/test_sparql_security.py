"""Hostile SPARQL against a real `kg serve` over HTTP and the real `kg query`: no request out, no crash, no runaway.

Each case is one an attacker tried on the public endpoint (issue: security and reliability, items 1-3).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.kg_serve import kg_serve, run_kg

REPO = Path(__file__).resolve().parents[2]
Server = tuple[str, subprocess.Popen[bytes]]  # base URL, process
LIMITS = {"KG_SPARQL_TIMEOUT_S": "2", "KG_SPARQL_MAX_ROWS": "50"}
# Every subject against every triple, three times over: far more rows than the limit, and seconds of work.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# The lexical trick that hid a SERVICE from the old tokenizing guard: '<' read as an IRI opened a string.
HIDDEN_SERVICE = (
    'SELECT ?s WHERE { BIND("a"@en<?x#> """\nAS ?z) SERVICE <http://127.0.0.1:PORT/x> { ?s ?p ?o } }#""" ) }'
)
DEEP = {
    "braces": "SELECT * WHERE " + "{" * 3200 + " ?s ?p ?o " + "}" * 3200,
    "parens": "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "exists": "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { " * 1500 + "?s ?p ?o" + " }" * 1500 + " }",
    "unclosed": "SELECT * WHERE " + "{" * 30000,
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store on disk holding the seed articles."""
    store = tmp_path_factory.mktemp("hostile") / "store"
    result = run_kg("load", str(seeds_dir), "--store", str(store), "--quiet")
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[Server]:
    """`kg serve` with a short time limit and a small row limit."""
    with kg_serve(store_dir, env=LIMITS) as served:
        yield served.base, served.proc


def sparql(base: str, query: str) -> httpx.Response:
    return httpx.post(
        f"{base}/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"}, timeout=30
    )


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by the threads of process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def running_children(pid: int) -> list[int]:
    """The child processes of ``pid`` that are on a CPU or waiting for one (idle query workers sleep)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            stat = Path(f"/proc/{child}/stat").read_text()
            if stat.rpartition(")")[2].split()[0] == "R":
                found.append(int(child))
    return found


def test_a_hidden_service_makes_no_request(server: Server, listener: socket.socket) -> None:
    base, _ = server
    query = HIDDEN_SERVICE.replace("PORT", str(listener.getsockname()[1]))
    response = sparql(base, query)
    assert 400 <= response.status_code < 500
    assert "SERVICE" in response.json()["error"]["message"]
    with pytest.raises(TimeoutError):
        listener.accept()


def test_the_row_limit_holds_without_a_limit_in_the_text(server: Server) -> None:
    base, _ = server
    response = sparql(base, "SELECT * WHERE { ?s ?p ?o }")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "result_too_large"


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_is_refused_and_the_server_lives(server: Server, name: str) -> None:
    base, proc = server
    response = sparql(base, DEEP[name])
    assert 400 <= response.status_code < 500
    assert proc.poll() is None
    assert sparql(base, "ASK { ?s ?p ?o }").json()["boolean"] is True


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts child processes through /proc")
def test_a_timed_out_query_is_stopped(server: Server) -> None:
    """The client gets 503 at the limit, and within a second no process of the server's is still computing."""
    base, proc = server
    started = time.monotonic()
    response = sparql(base, CROSS_JOIN)
    assert response.status_code == 503
    assert time.monotonic() - started < 5
    time.sleep(1)
    assert running_children(proc.pid) == []
    before = cpu_seconds(proc.pid)
    time.sleep(1)
    assert cpu_seconds(proc.pid) - before < 0.5  # no abandoned thread computing on in the server


def test_kg_query_honours_the_time_limit_for_aggregates(store_dir: Path) -> None:
    started = time.monotonic()
    result = run_kg("query", CROSS_JOIN, "--store", str(store_dir), env={"KG_SPARQL_TIMEOUT_S": "1"})
    assert result.returncode != 0
    assert "time limit" in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("name", ["braces", "exists"])
def test_kg_query_refuses_deep_nesting(store_dir: Path, name: str) -> None:
    """A clear error and the CLI's error exit code (2), not a segmentation fault (139)."""
    result = run_kg("query", DEEP[name], "--store", str(store_dir))
    assert result.returncode == 2, result.stderr
    assert "nests brackets more deeply" in result.stderr
