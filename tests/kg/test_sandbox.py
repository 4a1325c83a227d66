"""The sandbox that runs users' queries: results and errors come back, time and memory are bounded, no network."""

from __future__ import annotations

import ctypes
import os
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.errors import KGError, QueryError, QueryTimeoutError
from kg.sandbox import JobFailedError, Sandbox, network_filter
from kg.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the sandbox isolates jobs only where fork exists")


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox(workers=2, memory_bytes=256 << 20, stack_bytes=64 << 20)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP listener on loopback that a job would try to reach."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        yield server


def soon(seconds: float = 5.0) -> float:
    return time.monotonic() + seconds


def test_result_and_errors_come_back(sandbox: Sandbox) -> None:
    assert sandbox.run(lambda: b"answer", soon()) == b"answer"

    def refuse() -> bytes:
        raise QueryError("no such thing")

    with pytest.raises(QueryError, match="no such thing"):
        sandbox.run(refuse, soon())


def test_a_job_past_its_deadline_is_killed(sandbox: Sandbox, tmp_path: Path) -> None:
    """The caller gets a timeout at the deadline, and the child's CPU is free at once: the process is gone."""
    pid_file = tmp_path / "pid"

    def spin() -> bytes:
        pid_file.write_text(str(os.getpid()))
        while True:
            pass

    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        sandbox.run(spin, soon(0.5))
    assert time.monotonic() - started < 2
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


@pytest.mark.skipif(network_filter() is None, reason="the network filter needs Linux on x86-64 or arm64")
def test_a_job_cannot_open_a_connection(sandbox: Sandbox, listener: socket.socket) -> None:
    """Whatever a job does, it cannot reach a server: socket() itself is refused."""
    port = listener.getsockname()[1]

    def call_out() -> bytes:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return b"connected"

    with pytest.raises(JobFailedError, match="PermissionError"):
        sandbox.run(call_out, soon())
    with pytest.raises(TimeoutError):
        listener.accept()
    socket.create_connection(("127.0.0.1", port), timeout=1).close()  # the parent itself is not restricted


@pytest.mark.parametrize(
    "job",
    [
        pytest.param(lambda: ctypes.string_at(0), id="segfault"),
        pytest.param(lambda: os.abort(), id="abort"),
        pytest.param(lambda: bytes(1 << 30), id="over-memory"),
    ],
)
def test_a_job_that_dies_is_an_error_not_a_crash(sandbox: Sandbox, job: Callable[[], bytes]) -> None:
    with pytest.raises(JobFailedError):
        sandbox.run(job, soon())
    assert sandbox.run(lambda: b"still here", soon()) == b"still here"


def test_jobs_wait_for_a_free_worker_until_their_deadline() -> None:
    """With every worker busy, a job that cannot start before its deadline times out without running."""
    single = Sandbox(workers=1, memory_bytes=64 << 20, stack_bytes=16 << 20)

    def sleeper() -> bytes:
        time.sleep(3)
        return b"slept"

    with ThreadPoolExecutor(1) as pool:
        busy = pool.submit(single.run, sleeper, soon(5))
        time.sleep(0.3)
        with pytest.raises(QueryTimeoutError, match="free worker"):
            single.run(lambda: b"never", soon(0.3))
        assert busy.result() == b"slept"


@pytest.mark.skipif(network_filter() is None, reason="the network filter needs Linux on x86-64 or arm64")
def test_the_engine_cannot_call_a_service_even_unguarded(sandbox: Sandbox, listener: socket.socket) -> None:
    """The second wall: a SERVICE that reached the engine (a parser disagreement) still makes no request."""
    store = OxigraphStore(None)
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.getsockname()[1]}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(KGError):
        sandbox.run(lambda: store.query_serialized(query, "application/sparql-results+json"), soon())
    with pytest.raises(TimeoutError):
        listener.accept()
