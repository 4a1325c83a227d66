"""The server's thread pools: REST reads, heavy reads (SPARQL, linked data, exports) and writes, each with its own
number of threads, so that work of one kind piling up never takes the threads, or the interpreter, another needs.

FastAPI runs a plain (``def``) endpoint in anyio's default pool, 40 threads shared by every route. Under 32 readers
those threads all wanted Python's lock (the GIL) at once, and a POST, which needs it for about 40 ms, got a 33rd
of it and waited a second; and cutting that one pool down would have let a few slow SPARQL queries hold every
thread a REST read needs. Here a route says which pool its endpoint runs in (:class:`PooledRoute`), and the
sizes come from the settings (``KG_REST_THREADS``, ``KG_QUERY_THREADS``, ``KG_WRITE_THREADS``).

Each pool also keeps the figures of its last few thousand calls (:class:`PoolStats`): how long a call waited for
a thread (and for the GIL, to start), how long it ran, and how much of that was its own CPU; the benchmark
prints them.
"""

from __future__ import annotations

import functools
import inspect
import statistics
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal, TypeVar, get_args

import anyio
import anyio.to_thread
from fastapi import Request
from fastapi.routing import APIRoute

from kg.settings import Settings

T = TypeVar("T")
Pool = Literal["rest", "query", "write"]
POOLS: tuple[Pool, ...] = get_args(Pool)
_KEPT = 4096  # calls whose figures a pool keeps: enough for quantiles, bounded however long the server runs


class PoolStats:
    """The figures of a pool's last calls: seconds queued (submitted to started), ran (wall) and CPU (the thread's)."""

    def __init__(self, kept: int = _KEPT) -> None:
        self.calls = 0
        self._recent: deque[tuple[float, float, float]] = deque(maxlen=kept)
        self._lock = threading.Lock()

    def add(self, queued: float, ran: float, cpu: float) -> None:
        """Count one call."""
        with self._lock:
            self.calls += 1
            self._recent.append((queued, ran, cpu))

    def recent(self) -> list[tuple[float, float, float]]:
        """The kept calls' (queued, ran, cpu) seconds, oldest first."""
        with self._lock:
            return list(self._recent)

    def reset(self) -> None:
        """Forget every call (a benchmark starting a new phase)."""
        with self._lock:
            self.calls = 0
            self._recent.clear()

    def summary(self) -> str:
        """One line: calls, and p50 / p99 / max of queued, ran and CPU in milliseconds."""
        rows = self.recent()
        if not rows:
            return "0 calls"
        parts = [f"{self.calls} calls"]
        for name, values in zip(("queued", "ran", "cpu"), zip(*rows, strict=True), strict=True):
            cuts = f"p50 {_cut(values, 50):.1f} / p99 {_cut(values, 99):.1f} / max {max(values) * 1000:.1f}"
            parts.append(f"{name} {cuts}")
        return ", ".join(parts) + " ms"


def _cut(values: Sequence[float], percent: int) -> float:
    """The ``percent``-th percentile of ``values``, in milliseconds."""
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1] * 1000


class Pools:
    """One capacity limiter per kind of work, made on first use (in the server's event loop), with its figures."""

    def __init__(self, sizes: dict[Pool, int]) -> None:
        self.sizes = dict(sizes)
        self.stats = {pool: PoolStats() for pool in POOLS}
        self._limiters: dict[Pool, anyio.CapacityLimiter] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Pools:
        """The pools sized as the settings say."""
        return cls({"rest": settings.rest_threads, "query": settings.query_threads, "write": settings.write_threads})

    def limiter(self, pool: Pool) -> anyio.CapacityLimiter:
        """The limiter of ``pool``: at most its size of calls run at once, the others wait their turn (FIFO)."""
        limiter = self._limiters.get(pool)
        if limiter is None:
            with self._lock:
                limiter = self._limiters.get(pool)
                if limiter is None:
                    limiter = self._limiters[pool] = anyio.CapacityLimiter(self.sizes[pool])
        return limiter

    def busy(self, pool: Pool) -> tuple[int, int]:
        """How many calls of ``pool`` are running now, and how many wait for one of its threads."""
        limiter = self._limiters.get(pool)
        if limiter is None:  # nothing has run in it yet
            return 0, 0
        stats = limiter.statistics()
        return stats.borrowed_tokens, stats.tasks_waiting

    async def run(self, pool: Pool, func: Callable[..., T], *args: object) -> T:
        """``func(*args)`` in a thread of ``pool``, once one is free; its result or its exception."""
        submitted = time.perf_counter()
        stats = self.stats[pool]

        def timed() -> T:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return func(*args)
            finally:
                stats.add(started - submitted, time.perf_counter() - started, time.thread_time() - cpu)

        return await anyio.to_thread.run_sync(timed, limiter=self.limiter(pool))

    def summary(self) -> str:
        """Each pool's size and figures, one line each."""
        return "\n".join(f"{pool} ({self.sizes[pool]} threads): {self.stats[pool].summary()}" for pool in POOLS)


def pools_of(request: Request) -> Pools:
    """The pools of the app serving ``request`` (made by :func:`api.app.bind_state`)."""
    return request.app.state.pools


def in_pool(endpoint: Callable[..., Any], pool: Pool) -> Callable[..., Any]:
    """``endpoint`` made to run in ``pool`` rather than anyio's default pool; an ``async`` one is left as it is.

    The result is an ``async`` endpoint with the same signature (what FastAPI reads to fill the parameters), plus
    the Request where the endpoint has none, from which it finds the app's pools.
    """
    if inspect.iscoroutinefunction(endpoint):
        return endpoint
    signature = inspect.signature(endpoint, eval_str=True)
    params = list(signature.parameters.values())
    own = next((p.name for p in params if p.annotation is Request), None)
    name = own or "pool_request__"
    if own is None:
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=Request))

    @functools.wraps(endpoint)
    async def pooled(**values: Any) -> Any:
        request = values[name] if own else values.pop(name)
        return await pools_of(request).run(pool, functools.partial(endpoint, **values))

    pooled.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return pooled


class PooledRoute(APIRoute):
    """An APIRoute whose plain endpoint runs in the app's ``pool`` (a subclass picks it); REST reads by default."""

    pool: ClassVar[Pool] = "rest"

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_pool(endpoint, self.pool), **kwargs)


class WriteRoute(PooledRoute):
    """A route of the write pool: document writes never wait behind reads for a thread."""

    pool: ClassVar[Pool] = "write"
