"""Run untrusted work (a user's SPARQL query) in a forked child process that can be stopped and cannot reach out.

The query engine cannot be interrupted, has its own parser, and recurses on nesting; a thread that runs a query
cannot be stopped, shares the server's memory, and dies with the server. A forked child fixes all of it:

- **stopped on time**: the parent waits until the deadline, then kills the child; its CPU and memory are free
  at once, however the engine was busy (and should the parent die first, the child's CPU limit stops it);
- **bounded**: the child's address space is capped (``memory_bytes`` above what it inherits), and it runs on a
  thread stack of ``stack_bytes``, large enough for the deepest nesting a query of the accepted size can have;
- **no network**: the child installs :mod:`kg.seccomp`'s filter, so no query can make the server send a
  request, whatever a parser made of it;
- **isolated**: a crash of the engine kills the child, and the request gets an error; the server goes on.

Workers are forked ahead of need (one per slot), so a request does not wait for a fork, and each serves
requests one at a time until one fails, times out or kills it, the store changes, or it has answered
``_REQUESTS_PER_WORKER``: forking per request cost more than most analyst queries. A worker sees the parent's
memory as it was at its fork (copy-on-write: the in-memory query replica costs nothing to share), so a worker
forked before the latest write is discarded: ``freshness()`` names the state a worker was forked in.
Where ``os.fork`` does not exist, requests run in the calling thread, without these walls; so they do where
the caller says the work needs none (``isolate=False``: a store whose queries a remote server runs, which
needs the network and has walls of its own).
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import math
import os
import pickle
import queue
import resource
import select
import signal
import stat
import struct
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from kg.errors import KGError, QueryError, QueryTimeoutError
from kg.seccomp import deny_network

Hold = Callable[[], contextlib.AbstractContextManager[object]]
_LENGTH = struct.Struct("!Q")
# A worker answers at most this many requests before it is replaced, so that what a long life accumulates
# (allocator fragmentation, uncollected cycles) stays bounded; a write to the store replaces it sooner.
_REQUESTS_PER_WORKER = 100


class JobFailedError(QueryError):
    """Isolated work died (a crash, or memory beyond its budget) instead of answering: too much asked of it."""

    code = "query_failed"


@dataclass
class _Worker:
    """A forked child waiting for one request: its pid, the parent's ends of its two pipes, its fork state."""

    pid: int
    requests: int  # the parent writes the request here
    results: int  # and reads the outcome here
    freshness: Hashable
    status: list[int] = field(default_factory=list)
    served: int = 0  # requests answered so far


class Sandbox:
    """Runs ``work(request)`` in forked workers, at most ``workers`` at once, under deadlines and a memory budget.

    ``hold()`` is entered around each fork (``store.quiescent``: no write half-applied in the child's copy) and
    ``freshness()`` names the state a fork copies (the store's identity and generation).
    """

    def __init__(
        self,
        work: Callable[[Any], Any],
        *,
        workers: int,
        memory_bytes: int,
        stack_bytes: int,
        hold: Hold = contextlib.nullcontext,
        freshness: Callable[[], Hashable] = lambda: None,
        prefork: bool = True,
        isolate: bool = True,
    ) -> None:
        self.isolated = isolate and hasattr(os, "fork")
        self._work, self._hold, self._freshness = work, hold, freshness
        self._workers, self._prefork = workers, prefork
        self._memory_bytes, self._stack_bytes = memory_bytes, stack_bytes
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()  # guards _idle and _forking
        self._idle: list[_Worker] = []
        self._forking = 0

    def run(self, request: Any, deadline: float) -> Any:
        """``work(request)`` in a worker until ``deadline`` (time.monotonic()): its result, or its KGError."""
        if not self._slots.acquire(timeout=max(deadline - time.monotonic(), 0)):
            raise QueryTimeoutError("the query waited past the time limit for a free worker; try again later")
        try:
            if not self.isolated:
                return self._work(request)
            taking = time.monotonic()
            worker = self._take()
            # A fork waits for the store to be quiescent (a write under way, the replica copied at start): that
            # wait is not the query's, so it does not count against the query's time.
            deadline += time.monotonic() - taking
            payload = b""
            try:
                _send(worker, request, deadline)
                payload = _receive(worker, deadline)
            finally:
                if not payload:  # timed out, or died: killed and collected now, for its status
                    self._retire(worker)
            if not payload:
                raise _died(worker.status[0] if worker.status else 0)
            ok, value = pickle.loads(payload)
            self._release(worker, reusable=ok)
            if ok:
                return value
            raise value  # the KGError the job raised

        finally:
            self._slots.release()
            if self._prefork and self.isolated:
                self._replenish()

    def _release(self, worker: _Worker, *, reusable: bool) -> None:
        """Keep a worker that answered for the next request while its copy of the state is current, else retire
        it (one whose job failed too: it may hold what the failure left). A retired child is reaped in the
        background: tearing down a copy of a large address space takes a while, and the answer need not wait."""
        worker.served += 1
        if reusable and worker.served < _REQUESTS_PER_WORKER and worker.freshness == self._freshness():
            with self._lock:
                self._idle.append(worker)
            return
        self._retire(worker, wait=False)

    def close(self) -> None:
        """Stop the idle workers."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            self._retire(worker)

    def _take(self) -> _Worker:
        """An idle worker forked in the current state, or a new one."""
        current = self._freshness()
        while True:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._spawn()
            if worker.freshness == current:
                return worker
            self._retire(worker)  # forked before a write: its copy of the store is out of date

    def _replenish(self) -> None:
        """Fork idle workers in the background until there is one per slot."""
        with self._lock:
            missing = self._workers - len(self._idle) - self._forking
            self._forking += max(missing, 0)
        for _ in range(max(missing, 0)):
            threading.Thread(target=self._spawn_idle, name="kg-sandbox-spawn", daemon=True).start()

    def _spawn_idle(self) -> None:
        try:
            worker: _Worker | None = self._spawn()
        except KGError:
            worker = None  # the next request forks its own
        with self._lock:
            self._forking -= 1
            if worker is not None:
                self._idle.append(worker)

    def _spawn(self) -> _Worker:
        """Fork a worker from a new thread with a large stack: the child runs its request on that stack."""
        spawned: list[_Worker] = []
        with _STACK_SIZE_LOCK:
            previous = threading.stack_size(self._stack_bytes)
            try:
                forker = threading.Thread(target=lambda: spawned.append(self._fork()), name="kg-sandbox-fork")
                forker.start()
            finally:
                threading.stack_size(previous)
        forker.join()
        if not spawned:
            raise JobFailedError("could not start a query worker process")
        return spawned[0]

    def _fork(self) -> _Worker:
        """Fork one worker; the child serves requests until its pipe closes, then exits."""
        with _FORK_LOCK, self._hold():
            freshness = self._freshness()
            request_read, request_write = os.pipe()
            result_read, result_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                _close_inherited_channels(keep=(request_read, result_write))
                _serve(self._work, request_read, result_write, self._memory_bytes)
            os.close(request_read)
            os.close(result_write)
            _PARENT_ENDS.update((request_write, result_read))
        return _Worker(pid, request_write, result_read, freshness)

    def _retire(self, worker: _Worker, *, wait: bool = True) -> None:
        """Kill a worker if it still runs, close the parent's ends of its pipes, and collect it (now, or soon)."""
        if not worker.status:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGKILL)
            if wait:
                worker.status.append(os.waitpid(worker.pid, 0)[1])
            else:
                _REAPER.collect(worker.pid)
        _close(worker.requests, worker.results)
        worker.requests = worker.results = -1  # closed: the numbers may soon name another worker's pipes


# Forks happen one at a time, process-wide, and each child closes every pipe and socket it inherits but its own
# (so no worker keeps another's pipe open); _PARENT_ENDS records the parent's open ends, so that each is closed
# once. Messages are length-prefixed, so a stray copy of a pipe end held by some other forked process (a
# multiprocessing pool) cannot stall a read.
_FORK_LOCK = threading.Lock()
_PARENT_ENDS: set[int] = set()


def _close(*fds: int) -> None:
    """Close pipe ends of the parent's that are still open, and forget them."""
    with _FORK_LOCK:
        for fd in fds:
            if fd in _PARENT_ENDS:
                _PARENT_ENDS.discard(fd)
                os.close(fd)


def _send(worker: _Worker, request: Any, deadline: float) -> None:
    """Hand the request to the worker, length first."""
    data = pickle.dumps((request, deadline), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        _write_all(worker.requests, _LENGTH.pack(len(data)) + data)
    except BrokenPipeError as exc:
        raise JobFailedError("the query worker process died before it got the query; try again") from exc


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(worker: _Worker, deadline: float) -> bytes:
    """The worker's length-prefixed answer; b"" if it died first (its status recorded), timeout at the deadline."""
    buffer = bytearray()
    poller = select.poll()
    poller.register(worker.results, select.POLLIN | select.POLLHUP)
    while len(buffer) < _LENGTH.size or len(buffer) < _LENGTH.size + _LENGTH.unpack_from(buffer)[0]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
        if poller.poll(min(left, 0.25) * 1000):
            chunk = os.read(worker.results, 1 << 20)
            if chunk:
                buffer += chunk
                continue
        pid, status = os.waitpid(worker.pid, os.WNOHANG)
        if pid:  # gone without a whole answer
            worker.status.append(status)
            return b""
    return bytes(buffer[_LENGTH.size :])


_STACK_SIZE_LOCK = threading.Lock()  # threading.stack_size is process-wide: set it only around our own threads


class _Reaper:
    """Collects killed children on a thread of its own, so that no request waits for a child's teardown."""

    def __init__(self) -> None:
        self._pids: queue.SimpleQueue[int] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def collect(self, pid: int) -> None:
        """Wait for ``pid`` in the background."""
        self._pids.put(pid)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="kg-sandbox-reaper", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pids.get(), 0)


_REAPER = _Reaper()


def _close_inherited_channels(keep: tuple[int, ...]) -> None:
    """In a new child: close every inherited pipe and socket but its own two pipes.

    Other workers' pipes, the server's listening socket and its clients' connections (or a test driver's pipe)
    must not stay open in a worker: a peer waiting for their end would wait for the worker too. Regular files
    stay open: an on-disk store reads through them.
    """
    folder = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    for name in os.listdir(folder):
        fd = int(name)
        if fd in keep:
            continue
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            if stat.S_ISFIFO(os.fstat(fd).st_mode) or stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)


def _serve(work: Callable[[Any], Any], requests: int, results: int, memory_bytes: int) -> None:
    """The child: answer requests on the results pipe until the parent stops sending, then exit without cleanup."""
    status = 0
    try:
        faulthandler.disable()  # a crash is reported to the parent; no traceback dump on the server's stderr
        gc.freeze()  # collections skip the inherited heap: touching it would copy every page of it
        deny_network()
        _cap_memory(memory_bytes)
        while (message := _read_message(requests)) is not None:
            request, deadline = pickle.loads(message)
            _limit_cpu(deadline)
            data = pickle.dumps(_attempt(work, request), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(results, _LENGTH.pack(len(data)) + data)
    except BaseException:  # nothing may unwind into the parent's code in the child
        status = 1
    finally:
        os._exit(status)


def _read_message(fd: int) -> bytes | None:
    """One length-prefixed message, or None when the parent has closed the pipe (or died)."""
    header = _read_exactly(fd, _LENGTH.size)
    return None if header is None else _read_exactly(fd, _LENGTH.unpack(header)[0])


def _limit_cpu(deadline: float) -> None:
    """The parent kills the child at the deadline; should the parent die first, the kernel does, by CPU time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    soft = math.ceil(used + max(deadline - time.monotonic(), 0)) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _attempt(work: Callable[[Any], Any], request: Any) -> tuple[bool, object]:
    """(True, result) or (False, the KGError to raise in the parent)."""
    try:
        return True, work(request)
    except KGError as exc:
        exc.__traceback__ = None
        return False, exc
    except MemoryError:
        return False, JobFailedError("the query needed more memory than this endpoint allows; narrow it")
    except Exception as exc:  # a bug or an engine error outside the error tree: report it, do not die silently
        return False, JobFailedError(f"the query failed in its worker: {type(exc).__name__}: {exc}")


def _cap_memory(memory_bytes: int) -> None:
    """Cap the child's address space at what it inherited plus ``memory_bytes``."""
    try:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return
    limit = inherited + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from ``fd``, or None if it reaches its end first."""
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _died(status: int) -> JobFailedError:
    """The error of a worker that stopped without answering."""
    how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
    return JobFailedError(
        f"the query engine stopped without answering ({how}: it crashed or ran out of memory); simplify the query"
    )
