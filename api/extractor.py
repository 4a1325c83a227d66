"""POST /documents' extraction, run in a worker process beside the server rather than in it.

Extraction is pure Python and CPU-bound: run in the server's thread pool it holds the GIL that every read needs,
so a feed of articles slowed the reads down. Here it runs in one worker process at a lower CPU priority (nice),
so on a busy machine the readers get the cores first; the server only writes what the worker hands back (the
document's N-Quads), in the same single transaction as before: acknowledged still means durable, and a reader
still sees the whole document or none of it.

The worker is started with the app (:func:`lifespan`), so the first POST does not wait for it. It is forked from
a fork server, a fresh interpreter (not the server with its threads and its graph in memory) that warmed the
extraction up once (:mod:`api.extractor_preload`): each worker starts with it loaded.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypeVar

from kg.errors import ExtractionError
from kg.settings import Settings
from loaders.documents import RawDocument

if TYPE_CHECKING:  # imported where they run (the worker): importing this module stays cheap, see warm()
    from fastapi import FastAPI

    from loaders.pipeline import Built

log = logging.getLogger(__name__)
T = TypeVar("T")

WORKERS = 1  # writes are serialised anyway: more would only take CPU from the readers on a small machine
NICENESS = 10  # added to the worker's nice value: the readers' process wins a contended core
TIMEOUT_S = 60.0  # one document's extraction (KG_EXTRACT_TIMEOUT_S): about 0.1-2 s for a news article


def _start_worker(niceness: int) -> None:
    """In the worker, before any task: lower its priority, then warm the extraction up."""
    with contextlib.suppress(OSError):  # not permitted: the worker still works, at the server's priority
        os.nice(niceness)
    # Importing it warms the extraction up: done already in a worker forked from the fork server, else done here.
    # Not imported at the top: the server itself must not run it.
    import api.extractor_preload  # noqa: F401


def _context(method: str | None) -> multiprocessing.context.BaseContext:
    """``method``'s context if given; else a fork server where there is one (a fresh interpreter forks the
    workers), else spawn."""
    if method is not None:
        return multiprocessing.get_context(method)
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["api.extractor_preload"])  # once per server process, not per worker
        return context
    return multiprocessing.get_context("spawn")


def takes_writes(settings: Settings) -> bool:
    """Whether a server with these settings may take writes, and so starts an extraction worker."""
    return settings.api_token is not None or settings.loopback_only


def warm() -> None:
    """Start the fork server now, as the first thing a starting server does: it imports the extraction stack in
    its own process while the server imports and opens the rest, so the worker's start in :func:`lifespan` (which
    the server waits for before it listens) waits only for what is left of it (3.5 s alone, more on a busy core)."""
    if _context(None).get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _extract(raw: RawDocument) -> Built:
    """In the worker: extract one document; a failure's trace is logged here, where it happened (stderr)."""
    from loaders.pipeline import build_elsewhere  # loaded already: the fork server preloads the extraction

    try:
        return build_elsewhere(raw)
    except ExtractionError:
        log.exception("extraction failed on %s", raw.origin)
        raise


class Extractor:
    """A pool of worker processes (started on first use, replaced if one dies) that extract posted documents.

    ``start_method`` picks how workers start (see :mod:`multiprocessing`); the default is a fork server. "fork"
    copies this process as it is, patches included (what a test of a failing stage needs).
    """

    def __init__(
        self, workers: int = WORKERS, niceness: int = NICENESS, start_method: str | None = None,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        self.workers = workers
        self.niceness = niceness
        self.start_method = start_method
        self.timeout_s = timeout_s
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        # one document per worker at a time, so a document's time limit counts its own extraction, not a queue
        self._slots = threading.BoundedSemaphore(workers)

    def start(self) -> Future[int]:
        """Start the workers now, not on the first POST; the future (the worker's pid) is done once one is warm."""
        return self._submit(os.getpid)

    def build(self, raw: RawDocument) -> Built:
        """Extract ``raw`` in a worker: its summary and N-Quads; ExtractionError if a stage fails or the worker dies.

        A worker that died (killed, out of memory) is replaced and the document tried once more in the new one:
        it may have died before this document reached it. Dying twice on it fails the document. A document whose
        extraction runs past ``timeout_s`` fails at once (extraction is deterministic: it would run away again),
        and its worker is killed and replaced.
        """
        with self._slots:
            for attempt in (1, 2):
                try:
                    return self._submit(_extract, raw).result(timeout=self.timeout_s)
                except BrokenProcessPool:
                    self._discard()
                    log.error("the extraction worker died (on %s, try %d); a new one is started", raw.origin, attempt)
                except TimeoutError:
                    self._discard(kill=True)
                    log.error("the extraction of %s ran past %g s; its worker was killed", raw.origin, self.timeout_s)
                    reason = f"extraction ran past its time limit ({self.timeout_s:g} s) and was stopped"
                    raise ExtractionError(raw.origin, "worker", reason) from None
        raise ExtractionError(
            raw.origin, "worker", "the extraction process ended before it answered, twice (out of memory, or killed)"
        )

    def _submit(self, task: Callable[..., T], *args: object) -> Future[T]:
        with self._lock:
            if self._pool is None:
                context = _context(self.start_method)
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=context, initializer=_start_worker, initargs=(self.niceness,)
                )
            return self._pool.submit(task, *args)

    def _discard(self, kill: bool = False) -> None:
        """Drop a broken pool (``kill``: a busy one, its workers killed first); the next document starts a new one."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:  # the executor has no public way to stop a running task: end its processes
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers (a document being extracted is abandoned: it was not acknowledged)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the app's extraction worker with the server (if it takes writes), stop it when the server stops."""
    extractor: Extractor = app.state.extractor
    settings = app.state.settings
    if takes_writes(settings):  # have a worker ready
        extractor.start()
    try:
        yield
    finally:
        extractor.close()
