"""The sandbox that runs users' queries: results and errors come back, time and memory are bounded, no network."""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.errors import KGError, QueryError, QueryTimeoutError
from kg.sandbox import JobFailedError, Sandbox
from kg.seccomp import network_filter
from kg.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the sandbox isolates jobs only where fork exists")
needs_filter = pytest.mark.skipif(network_filter() is None, reason="the network filter needs Linux, x86-64 or arm64")
STORE = OxigraphStore(None)
STATE = {"generation": 0}  # what a worker's copy of the parent's memory says


def spin(pid_file: str) -> bytes:
    Path(pid_file).write_text(str(os.getpid()))
    while True:
        pass


def call_out(port: int) -> bytes:
    socket.create_connection(("127.0.0.1", port), timeout=1).close()
    return b"connected"


def service(port: int) -> bytes:
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    return STORE.query_serialized(query, "application/sparql-results+json")


def refuse(_: object) -> bytes:
    raise QueryError("no such thing")


def nap(seconds: float) -> bytes:
    time.sleep(seconds)
    return b"slept"


def getpid(_: object) -> bytes:
    return str(os.getpid()).encode()


JOBS: dict[str, Callable[..., bytes]] = {
    "echo": lambda value: value,
    "spin": spin,
    "call_out": call_out,
    "service": service,
    "refuse": refuse,
    "nap": nap,
    "pid": getpid,
    "generation": lambda _: str(STATE["generation"]).encode(),
    "segfault": lambda _: ctypes.string_at(0),
    "abort": lambda _: os.abort(),
    "over-memory": lambda _: bytes(1 << 30),
}


def work(request: tuple[str, object]) -> bytes:
    """The sandbox's work: the named job of this module (requests cross a pipe, so they name, not hold, code)."""
    name, argument = request
    return JOBS[name](argument)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(work, workers=2, memory_bytes=256 << 20, stack_bytes=64 << 20)
    yield box
    box.close()


def soon(seconds: float = 5.0) -> float:
    return time.monotonic() + seconds


def test_result_and_errors_come_back(sandbox: Sandbox) -> None:
    assert sandbox.run(("echo", b"answer"), soon()) == b"answer"
    with pytest.raises(QueryError, match="no such thing"):
        sandbox.run(("refuse", None), soon())


def test_workers_run_apart_from_the_caller_and_a_failed_one_is_replaced(sandbox: Sandbox) -> None:
    """Jobs run in another process; a worker whose job failed is not used again, one that answered may be."""
    first = sandbox.run(("pid", None), soon())
    assert first != str(os.getpid()).encode()
    with pytest.raises(QueryError):
        sandbox.run(("refuse", None), soon())
    pids = {sandbox.run(("pid", None), soon()) for _ in range(4)}
    assert str(os.getpid()).encode() not in pids
    assert len(pids) <= 3  # reused: two workers at most, plus one replacing the failed one


def test_a_worker_answers_many_jobs_without_growing(sandbox: Sandbox) -> None:
    """A reused worker keeps answering; its open files do not pile up."""
    for _ in range(30):
        assert sandbox.run(("echo", b"again"), soon()) == b"again"


def test_a_job_past_its_deadline_is_killed(sandbox: Sandbox, tmp_path: Path) -> None:
    """The caller gets a timeout at the deadline, and the child's CPU is free at once: the process is gone."""
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        sandbox.run(("spin", str(pid_file)), soon(0.5))
    assert time.monotonic() - started < 2
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


@needs_filter
def test_a_job_cannot_open_a_connection(sandbox: Sandbox, listener: socket.socket) -> None:
    """Whatever a job does, it cannot reach a server: socket() itself is refused."""
    port = listener.getsockname()[1]
    with pytest.raises(JobFailedError, match="PermissionError"):
        sandbox.run(("call_out", port), soon())
    with pytest.raises(TimeoutError):
        listener.accept()
    socket.create_connection(("127.0.0.1", port), timeout=1).close()  # the parent itself is not restricted


@needs_filter
def test_the_engine_cannot_call_a_service_even_unguarded(sandbox: Sandbox, listener: socket.socket) -> None:
    """The second wall: a SERVICE that reached the engine (a parser disagreement) still makes no request."""
    with pytest.raises(KGError):
        sandbox.run(("service", listener.getsockname()[1]), soon())
    with pytest.raises(TimeoutError):
        listener.accept()


@pytest.mark.parametrize("name", ["segfault", "abort", "over-memory"])
def test_a_job_that_dies_is_an_error_not_a_crash(sandbox: Sandbox, name: str) -> None:
    with pytest.raises(JobFailedError):
        sandbox.run((name, None), soon())
    assert sandbox.run(("echo", b"still here"), soon()) == b"still here"


def test_jobs_wait_for_a_free_worker_until_their_deadline() -> None:
    """With every worker busy, a job that cannot start before its deadline times out without running."""
    single = Sandbox(work, workers=1, memory_bytes=64 << 20, stack_bytes=16 << 20)
    with ThreadPoolExecutor(1) as pool:
        busy = pool.submit(single.run, ("nap", 2.0), soon(5))
        time.sleep(0.3)
        with pytest.raises(QueryTimeoutError, match="free worker"):
            single.run(("echo", b"never"), soon(0.3))
        assert busy.result() == b"slept"
    single.close()


def test_waiting_for_the_store_at_a_fork_is_not_the_querys_time() -> None:
    """A fork waits in hold() (a write under way, the store's replica still being copied at start): the job's time
    limit counts from when its worker is there, so a wait longer than the limit does not time the job out."""

    @contextlib.contextmanager
    def slow_store() -> Iterator[None]:
        time.sleep(1.0)
        yield

    box = Sandbox(work, workers=1, memory_bytes=64 << 20, stack_bytes=16 << 20, hold=slow_store, prefork=False)
    try:
        assert box.run(("echo", b"answered"), soon(0.5)) == b"answered"
    finally:
        box.close()


def test_a_worker_forked_before_a_write_is_not_used() -> None:
    """Idle workers copy the state at their fork: after a change of freshness they are replaced, not used."""
    box = Sandbox(work, workers=1, memory_bytes=64 << 20, stack_bytes=16 << 20, freshness=lambda: STATE["generation"])
    assert box.run(("generation", None), soon()) == b"0"
    time.sleep(0.5)  # meanwhile an idle worker is forked, holding generation 0
    STATE["generation"] = 1
    try:
        assert box.run(("generation", None), soon()) == b"1"
    finally:
        STATE["generation"] = 0
        box.close()


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts open files through /proc")
def test_no_file_descriptor_leaks(sandbox: Sandbox) -> None:
    """Pipes of answered, failed and timed-out jobs are closed: the open files stay as many after 30 jobs."""
    for _ in range(3):  # let the pool of idle workers fill up first
        sandbox.run(("echo", b"warm"), soon())
    time.sleep(0.5)
    before = len(os.listdir("/proc/self/fd"))
    for index in range(30):
        request = ("echo", b"x") if index % 3 else ("refuse", None)
        with contextlib.suppress(QueryError):
            sandbox.run(request, soon())
    time.sleep(0.5)
    assert len(os.listdir("/proc/self/fd")) <= before + 2


def test_two_sandboxes_in_one_process_do_not_stall_each_other() -> None:
    """A worker of one sandbox holds no pipe of another's, so neither waits for the other's workers."""
    first = Sandbox(work, workers=2, memory_bytes=64 << 20, stack_bytes=16 << 20)
    second = Sandbox(work, workers=2, memory_bytes=64 << 20, stack_bytes=16 << 20)
    try:
        for _ in range(10):
            assert first.run(("echo", b"1"), soon(3)) == b"1"
            assert second.run(("echo", b"2"), soon(3)) == b"2"
    finally:
        first.close()
        second.close()


def inherited_sockets(_: object) -> bytes:
    """The sockets open in the worker (as /proc lists them)."""
    links = []
    for name in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            links.append(os.readlink(f"/proc/self/fd/{name}"))
    return str(sum(link.startswith("socket:") for link in links)).encode()


JOBS["sockets"] = inherited_sockets


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="lists open files through /proc")
def test_a_worker_keeps_none_of_the_servers_sockets(listener: socket.socket) -> None:
    """A listening socket (or a client's connection) of the server is closed in its workers: no port stays held."""
    assert listener.fileno() >= 0  # open in this process when the worker is forked
    fresh = Sandbox(work, workers=1, memory_bytes=64 << 20, stack_bytes=16 << 20, prefork=False)
    assert fresh.run(("sockets", None), soon()) == b"0"
