"""Run untrusted work (a user's SPARQL query) in a forked child process that can be stopped and cannot reach out.

The query engine cannot be interrupted, has its own parser, and recurses on nesting; a thread that runs a query
cannot be stopped, shares the server's memory, and dies with the server. A forked child fixes all three:

- **stopped on time**: the parent waits until the deadline, then kills the child; its CPU and memory are free
  at once, however the engine was busy;
- **bounded**: the child's address space is capped (``memory_bytes`` above what it inherits), and it runs on a
  thread stack of ``stack_bytes``, large enough for the deepest nesting a query of the accepted size can have;
- **no network**: before the job runs, the child installs a seccomp filter (Linux, x86-64 and arm64) that
  makes ``socket()`` and ``connect()`` fail, so no query can make the server send a request, whatever a parser
  made of it;
- **isolated**: a crash of the engine kills the child, and the request gets an error; the server goes on.

The child sees the parent's memory as it was at the fork (copy-on-write): the in-memory query replica costs
nothing to share, and a query reads one consistent snapshot. Jobs return bytes or raise a KGError; anything
else is reported as a failure of the job. Where ``os.fork`` does not exist, jobs run in the calling thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import math
import os
import pickle
import platform
import resource
import select
import signal
import struct
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from kg.errors import KGError, QueryError, QueryTimeoutError
from kg.settings import Settings

T = TypeVar("T")
Hold = Callable[[], contextlib.AbstractContextManager[object]]

# seccomp: (audit arch, socket nr, connect nr) of the architectures the filter knows.
_SYSCALLS = {"x86_64": (0xC000003E, 41, 42), "aarch64": (0xC00000B7, 198, 203)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO_EPERM, _RET_KILL = 0x7FFF0000, 0x00050000 | 1, 0
_X32_SYSCALL_BIT = 0x40000000


class JobFailedError(QueryError):
    """Isolated work died (a crash, or memory beyond its budget) instead of answering: too much asked of it."""

    code = "query_failed"


def network_filter() -> bytes | None:
    """A seccomp BPF program refusing ``socket()`` and ``connect()`` on this machine, or None if unknown here."""
    arch = _SYSCALLS.get(platform.machine())
    if arch is None or not hasattr(os, "fork") or platform.system() != "Linux":
        return None
    audit_arch, socket_nr, connect_nr = arch
    ld_w_abs, jeq_k, jge_k, ret_k = 0x20, 0x15, 0x35, 0x06

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    return b"".join(
        [
            op(ld_w_abs, 0, 0, 4),  # seccomp_data.arch
            op(jeq_k, 1, 0, audit_arch),
            op(ret_k, 0, 0, _RET_KILL),  # another ABI (32-bit calls on a 64-bit kernel): no way round the filter
            op(ld_w_abs, 0, 0, 0),  # seccomp_data.nr
            op(jge_k, 3, 0, _X32_SYSCALL_BIT),
            op(jeq_k, 2, 0, socket_nr),
            op(jeq_k, 1, 0, connect_nr),
            op(ret_k, 0, 0, _RET_ALLOW),
            op(ret_k, 0, 0, _RET_ERRNO_EPERM),
        ]
    )


def deny_network() -> bool:
    """Make every later ``socket()``/``connect()`` of this process fail with EPERM; False where unsupported."""
    program = network_filter()
    if program is None:
        return False
    prctl = _prctl()
    buffer = ctypes.create_string_buffer(program)
    fprog = struct.pack("HxxxxxxP", len(program) // 8, ctypes.addressof(buffer))
    fprog_buffer = ctypes.create_string_buffer(fprog)
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(fprog_buffer), 0, 0) == 0


def _prctl() -> Callable[..., int]:
    """libc's prctl with its arguments declared as unsigned longs (ctypes would pass a pointer as a C int)."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


class Sandbox:
    """Runs jobs in forked children, at most ``workers`` at once, each under a deadline and a memory budget."""

    def __init__(self, *, workers: int, memory_bytes: int, stack_bytes: int) -> None:
        self.memory_bytes = memory_bytes
        self.stack_bytes = stack_bytes
        self.isolated = hasattr(os, "fork")
        self._slots = threading.BoundedSemaphore(workers)

    @classmethod
    def for_queries(cls, settings: Settings) -> Sandbox:
        """The sandbox for users' SPARQL queries, sized by the settings."""
        # Parsing a query recurses per nesting level, a few hundred bytes of stack per byte of the deepest query.
        stack = max(64 << 20, 1024 * settings.sparql_max_query_bytes)
        return cls(workers=settings.sparql_workers, memory_bytes=settings.sparql_max_memory_mb << 20, stack_bytes=stack)

    def run(self, job: Callable[[], T], deadline: float, *, hold: Hold = contextlib.nullcontext) -> T:
        """Run ``job`` in a child process until ``deadline`` (time.monotonic()); its result or its KGError.

        The fork happens inside ``hold()``: a context in which no write is half-applied (``store.quiescent``).
        """
        if not self._slots.acquire(timeout=max(deadline - time.monotonic(), 0)):
            raise QueryTimeoutError("the query waited past the time limit for a free worker; try again later")
        try:
            if not self.isolated:
                return job()
            read_fd, write_fd = os.pipe()
            pid = self._fork(job, (read_fd, write_fd), deadline, hold)
            os.close(write_fd)
            status: list[int] = []
            with _reaped(pid, status):
                payload = _read_until(read_fd, deadline)
            return _outcome(payload, status[0])  # type: ignore[return-value]
        finally:
            self._slots.release()

    def _fork(self, job: Callable[[], object], fds: tuple[int, int], deadline: float, hold: Hold) -> int:
        """Fork from a new thread with a large stack (the child runs on it) and return the child's pid."""
        pids: list[int] = []
        read_fd, write_fd = fds

        def fork() -> None:
            with hold():
                pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read_fd)
                _child(job, write_fd, self.memory_bytes, deadline)
            pids.append(pid)

        with _STACK_SIZE_LOCK:
            previous = threading.stack_size(self.stack_bytes)
            try:
                forker = threading.Thread(target=fork, name="kg-sandbox-fork", daemon=True)
                forker.start()
            finally:
                threading.stack_size(previous)
        forker.join()
        if not pids:
            raise JobFailedError("could not start a query worker process")
        return pids[0]


_STACK_SIZE_LOCK = threading.Lock()  # threading.stack_size is process-wide: set it only around our own threads


def _child(job: Callable[[], object], write_fd: int, memory_bytes: int, deadline: float) -> None:
    """Run the job in the forked child, send its pickled outcome to the parent and exit without cleanup."""
    status = 0
    try:
        faulthandler.disable()  # a crash here is reported to the parent; no traceback dump on the server's stderr
        deny_network()
        _cap_memory(memory_bytes)
        # The parent kills the child at the deadline; should the parent die first, the kernel does, by CPU time.
        # (Not PR_SET_PDEATHSIG: it fires when the forking thread ends, which is at once here.)
        cpu_s = math.ceil(max(deadline - time.monotonic(), 0)) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        try:
            outcome: tuple[bool, object] = (True, job())
        except KGError as exc:
            exc.__traceback__ = None
            outcome = (False, exc)
        except MemoryError:
            outcome = (False, JobFailedError("the query needed more memory than this endpoint allows; narrow it"))
        except Exception as exc:  # a bug or an engine error outside the error tree: report it, do not die silently
            outcome = (False, JobFailedError(f"the query failed in its worker: {type(exc).__name__}: {exc}"))
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # nothing may unwind into the parent's code in the child
        status = 1
    finally:
        os._exit(status)


def _cap_memory(memory_bytes: int) -> None:
    """Cap the child's address space at what it inherited plus ``memory_bytes``."""
    try:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return
    limit = inherited + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _read_until(fd: int, deadline: float) -> bytes:
    """Everything the child writes to ``fd`` before it closes it, or QueryTimeoutError at the deadline."""
    chunks: list[bytes] = []
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _reaped(pid: int, status: list[int]) -> Iterator[None]:
    """Kill the child if it is still running when the block ends, and always collect it (its wait status)."""
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        status.append(os.waitpid(pid, 0)[1])


def _outcome(payload: bytes, status: int) -> object:
    """The job's result from the child's payload, or the error it raised or died of."""
    if not payload:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
        raise JobFailedError(
            f"the query engine stopped without answering ({how}: it crashed or ran out of memory); simplify the query"
        )
    ok, value = pickle.loads(payload)
    if ok:
        return value
    raise value  # a KGError the job raised
