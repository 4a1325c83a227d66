"""The embedded on-disk store, on pyoxigraph (RocksDB underneath), optionally with an in-memory query replica.

The replica (``query_replica=True``, what ``kg serve`` uses) is a copy of the on-disk store in a
``pyoxigraph.Store()`` without a path. Queries run on it; everything else (writes, ``quads``, ``graphs``, counts)
stays on disk, which remains the only durable copy. pyoxigraph on disk is up to ten times slower than in memory
on join-heavy queries, because every index lookup goes through RocksDB.

The replica also holds the RDF merge of all graphs as its default graph, so that a query without a dataset sees
the union as a set of triples, as SPARQL defines it: pyoxigraph 0.5's ``use_default_graph_as_union`` yields a
triple once per graph holding it (an entity's label once per document naming it), which multiplies join
sizes (a 150x slower analyst query) and duplicates solutions. Without the replica that bag union remains.

The replica is size-aware: it costs about 0.4 GB per million quads, so above ``replica_max_quads`` (at open, or
when writes grow the store past it) queries read the disk instead, and ``replica_note`` says why.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import vocab
from kg.durable import replaced, sync_folder
from kg.errors import BackendError, QueryError, QueryTimeoutError, ResultTooLargeError
from kg.sparql_guard import names_dataset, outer_limit
from kg.sparql_results import BOOLEAN_WRITERS, serialize
from kg.store.base import (
    AskResult,
    Change,
    GraphResult,
    Listener,
    QueryResult,
    RowStream,
    SelectResult,
    check_nquads,
    graph_quads,
    quads_by_graph,
    touched_iris,
)

# The mark that resolution is stale: a file beside RocksDB's own (which leaves files it did not make alone), so
# that no query, count or export sees it, and it outlives a killed process.
_STALE_MARK = "kg-resolution-stale"
# The stamp of the store's content (see OxigraphStore.stamp), a file beside RocksDB's for the same reasons.
_STAMP = "kg-store-stamp"
# The store's size and the stamp it was counted at (see OxigraphStore._size_at_open): counting scans every quad.
_COUNT = "kg-store-count"
# Removed quads a replica may keep before it is copied afresh, whatever its size.
_MIN_DEAD = 100_000
# How many rows pass between two looks at the clock while a result streams in.
_CLOCK_EVERY = 256
# Results media types pyoxigraph writes as the generic writers do: JSON and CSV byte for byte, XML to the same
# document. Not TSV: pyoxigraph writes numbers and booleans bare (valid, but a different text).
_NATIVE_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
}


class _Replica:
    """An in-memory copy of a store for queries: its graphs, and their merge (each triple once) as the default graph."""

    def __init__(self, disk: ox.Store) -> None:
        self.store = ox.Store()
        # One N-Quads dump through the bulk loader is about twice as fast as copying the quads through Python.
        self.store.bulk_load(disk.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        self.store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.live = len(self.store)
        # pyoxigraph's in-memory store keeps every removed quad (its versions are never collected): the count of
        # those says when a fresh copy is worth making (see OxigraphStore._patch_replica).
        self.dead = 0

    def apply(self, graph: ox.NamedNode, removed: list[ox.Quad], added: list[ox.Quad]) -> None:
        """Apply a write already committed on disk, in one transaction so that no query sees half of it."""
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{ GRAPH {graph} {{ {_triples(removed)} }} }}")
            # A triple leaves the merged default graph only when no other graph still holds it.
            rows = " ".join(f"({q.subject} {q.predicate} {q.object})" for q in removed)
            parts.append(
                f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                "FILTER NOT EXISTS { GRAPH ?any { ?s ?p ?o } } }"
            )
        if added:
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{ {_triples(added)} }} {_triples(added)} }}")
        if parts:
            self.store.update(" ; ".join(parts))
        self.dead += 2 * len(removed)  # the quad and, at most, its merged copy
        self.live += 2 * (len(added) - len(removed))


def _triples(quads: list[ox.Quad]) -> str:
    """Quads written as the triples of a SPARQL data block (every term is an IRI or a literal: no blank nodes)."""
    return " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


class OxigraphStore:
    """A pyoxigraph store on disk (or in memory when ``path`` is None), queried through a replica if asked.

    ``query_replica`` keeps an in-memory copy of an on-disk store for queries (see the module's docstring): built
    at open in a thread (seconds per million triples, and about 0.4 GB of memory per million; queries wait for
    it, other work need not), patched after each write is
    committed on disk, and rebuilt from disk on the next query if a patch failed. Ignored for a store in memory.
    """

    embedded = True  # the engine runs in this process

    def __init__(
        self,
        path: Path | None,
        *,
        read_only: bool = False,
        query_replica: bool = False,
        replica_max_quads: int | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._stale = False  # the mark of a store in memory; one on disk is a file
        self._stamp_read = True  # whether the stamp on disk may be held by something derived: at open, it may
        # Bumped on every write through this object; caches of derived data (the REST catalogue) key on it.
        # Per process is enough: only one process can open an on-disk store read-write.
        self.generation = 0
        # Writes (and replica rebuilds) one at a time, so the replica applies them in the order disk committed them.
        # Re-entrant: a listener called under it may query, and a query may rebuild a stale replica.
        self._write_lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._replica: _Replica | None = None
        self._replica_generation = -1  # the generation the replica reflects; any other means rebuild it
        self._use_replica = query_replica and path is not None
        self._replica_max_quads = replica_max_quads
        self.replica_note: str | None = None  # why a replica that was asked for is not used
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (path / "CURRENT").exists():
                    raise BackendError(f"no store at {path}: run 'kg load' first or pass --store")
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            hint = " (is another process, such as 'kg serve', using it?)" if "lock" in str(exc).lower() else ""
            raise BackendError(f"cannot open the store at {path}{hint}: {exc}") from exc
        self._replica_build: threading.Thread | None = None
        if self._use_replica and not self._too_large(self._size_at_open()):
            # Copied at open, in a thread: a server answers what needs no query (its kept entity listing) while it
            # is made, and a query waits for it (pyoxigraph copies without holding the GIL).
            self._replica_build = threading.Thread(target=self._replica_at_open, name="kg-replica", daemon=True)
            self._replica_build.start()

    @property
    def description(self) -> str:
        """The backend and where it keeps its data."""
        return f"oxigraph:{self.path}" if self.path else "oxigraph:memory"

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's graph is in the store."""
        return self._store.contains_named_graph(vocab.document_iri(doc_id))

    def mark_resolution_stale(self) -> None:
        """Record that resolution may fall behind: a file in the store's folder, synced before any write follows."""
        if self.read_only:
            raise BackendError(f"{self.description} is open read-only")
        self._stale = True
        if self.path is None or (self.path / _STALE_MARK).exists():
            return
        try:
            with (self.path / _STALE_MARK).open("wb") as mark:
                os.fsync(mark.fileno())
            sync_folder(self.path)  # the file's name must be on disk too, not only its inode
        except OSError as exc:
            raise BackendError(f"cannot mark resolution stale in {self.description}: {exc}") from exc

    def clear_resolution_stale(self) -> None:
        """Remove the mark (a mark lost in a crash only costs one more refresh)."""
        self._stale = False
        if self.path is not None and not self.read_only:
            (self.path / _STALE_MARK).unlink(missing_ok=True)

    def resolution_is_stale(self) -> bool:
        """Whether the mark is set."""
        return self._stale if self.path is None else (self.path / _STALE_MARK).exists()

    def stamp(self) -> str | None:
        """An id of the store's content on disk, replaced before the next write once read; None in memory.

        What is derived from the store and kept beside it (the read side, :mod:`kg.queries.persist`) records the
        stamp it was built at. Every write through this class replaces a stamp that was read (once per process
        for a loader, whose first write may follow a server's read), before it changes anything: a kept file is
        never taken as current after a write. Writers that bypass this class must remove the stamp.
        """
        if self.path is None:
            return None
        with self._write_lock:
            try:
                found = (self.path / _STAMP).read_text().strip()
            except FileNotFoundError:
                if self.read_only:
                    return None
                found = self._new_stamp()
            except OSError as exc:
                raise BackendError(f"cannot read the stamp of {self.description}: {exc}") from exc
            self._stamp_read = True
            return found

    def _size_at_open(self) -> int:
        """The store's size, read from beside it while the stamp it was counted at is current, else counted.

        Counting scans every quad (4 to 5 s at 9.5M quads), in the way of a server's start when the size decides
        whether it makes a replica; the stamp changes before any write, so a count kept with it is exact.
        """
        stamp = self.stamp()
        if stamp is None or self.path is None:
            return len(self._store)
        with contextlib.suppress(OSError, ValueError):
            kept_stamp, count = (self.path / _COUNT).read_text().split()
            if kept_stamp == stamp:
                return int(count)
        count = len(self._store)
        if not self.read_only:
            with contextlib.suppress(OSError), replaced(self.path / _COUNT) as out:  # lost: counted again
                out.write(f"{stamp} {count}\n".encode())
        return count

    def _before_change(self) -> None:
        """Replace the stamp before the store changes, if it may have been read since it was made."""
        if self._stamp_read and self.path is not None:
            self._new_stamp()

    def _new_stamp(self) -> str:
        assert self.path is not None
        stamp = uuid.uuid4().hex
        tmp = self.path / f"{_STAMP}.tmp"
        with tmp.open("w") as out:
            out.write(stamp)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path / _STAMP)
        sync_folder(self.path)  # synced before the write it precedes: a crash cannot keep the write alone
        self._stamp_read = False
        return stamp

    def put_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a graph in one transaction, so a crash leaves it fully old or fully new.

        Only the difference is written: quads the graph already holds stay (the resolution graph, rewritten
        after every document, usually changes by a few links or none).
        """
        quads = graph_quads(graph, quads)
        with self._write_lock:
            self._write(graph, quads)

    def add_graphs(self, graphs: list[ox.NamedNode], nquads: bytes) -> None:
        """Add named graphs not yet in the store, given as N-Quads, in one transaction: all of them or none.

        The quads go from bytes to RocksDB inside pyoxigraph, checked on the way but not turned into terms one by
        one in Python, so that a loader's one writing process keeps up with several extraction processes. With
        listeners or a replica, each graph's quads are kept for them (one change per graph, as put_graph makes).
        """
        with self._write_lock:
            if there := [g.value for g in graphs if self._store.contains_named_graph(g)]:
                raise ValueError(f"graphs already in the store (replace them with put_graph): {', '.join(there)}")
            follow = bool(self._listeners) or self._replica is not None
            added = quads_by_graph(graphs, nquads) if follow else {}
            if not follow:
                check_nquads(graphs, nquads)
            try:
                self._before_change()
                self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
            except OSError as exc:
                self.generation += 1  # all or nothing, but cached reads start afresh, as after any failed write
                self._announce(graphs, None)
                raise BackendError(f"adding {len(graphs)} graphs to {self.description} failed: {exc}") from exc
            if not follow:
                self.generation += 1
            for graph, quads in added.items():
                self._patch_replica(graph, [], quads)
                self.generation += 1
                self._announce([graph], touched_iris(quads))

    def _announce(self, graphs: list[ox.NamedNode], touched: frozenset[str] | None) -> None:
        """Tell the listeners that these graphs were written (``touched`` None: unknown, they start afresh)."""
        for graph in graphs:
            change = Change(self.generation, graph, touched)
            for listener in self._listeners:
                listener(change)

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph; False if it was not there."""
        with self._write_lock:
            if not self._store.contains_named_graph(graph):
                return False
            self._write(graph, None)
            return True

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every write through this object, before the next write can start."""
        with self._write_lock:
            self._listeners.append(listener)

    def _write(self, graph: ox.NamedNode, quads: list[ox.Quad] | None) -> None:
        """Make ``graph`` hold exactly ``quads`` (None: remove it), on disk then in the replica; hold the lock."""
        touched: frozenset[str] | None = None
        try:
            old = set(self._store.quads_for_pattern(None, None, None, graph))
            new = set(quads or ())
            removed, added = [q for q in old if q not in new], [q for q in quads or () if q not in old]
            if not quads:
                if old or quads is None:  # dropped, not emptied: an empty graph would still count as a document
                    self._before_change()
                    self._store.update(f"DROP SILENT GRAPH {graph}")
            elif not old:
                self._before_change()
                self._store.extend(added)
            elif removed or added:
                self._before_change()
                delete = f"DELETE DATA {{ GRAPH {graph} {{ {_triples(removed)} }} }} ; " if removed else ""
                self._store.update(f"{delete}INSERT DATA {{ GRAPH {graph} {{ {_triples(added)} }} }}")
            # No flush per write: each transaction is already atomic and in RocksDB's write-ahead log, which
            # survives a killed process; flushing memtables per document made loads five times slower.
            self._patch_replica(graph, removed, added)
            touched = touched_iris([*removed, *added])
        except OSError as exc:
            raise BackendError(f"writing graph {graph.value} to {self.description} failed: {exc}") from exc
        finally:
            self.generation += 1  # even a failed write may have changed something: cached reads start afresh
            change = Change(self.generation, graph, touched)  # None when the write failed: the listener rebuilds
            for listener in self._listeners:
                listener(change)

    def _patch_replica(self, graph: ox.NamedNode, removed: list[ox.Quad], added: list[ox.Quad]) -> None:
        """Apply a write committed on disk to the replica, if it is current; else it is rebuilt on the next query.

        Once the removed quads the replica keeps outnumber half its live ones, a fresh copy replaces it, so its
        memory follows the graph and not the number of writes. Queries use the old copy until the new one is in.
        """
        replica = self._replica
        if replica is None or self._replica_generation != self.generation:
            return
        try:
            replica.apply(graph, removed, added)
            if self._too_large(replica.live // 2):  # live counts each triple twice: in its graph and merged
                return
            if replica.dead > max(replica.live // 2, _MIN_DEAD):
                self._replica = _Replica(self._store)
        except Exception:  # disk holds the write; a replica that missed it is rebuilt from there
            self._replica = None
            return
        self._replica_generation = self.generation + 1  # the caller bumps the generation next

    def _reader(self) -> ox.Store:
        """The pyoxigraph store queries run on: the replica when there is one (rebuilt if stale), else disk."""
        if not self._use_replica:
            return self._store
        self._await_replica_at_open()
        replica = self._replica
        if replica is not None and self._replica_generation == self.generation:
            return replica.store
        with self._write_lock:  # no write may land between the dump and the generation it is recorded under
            return self._fresh_replica()

    def _replica_at_open(self) -> None:
        """Make the replica (the thread started at open) without the write lock: a query waits for it while holding
        that lock (inside writes_held), and writers need not wait. A write made meanwhile has bumped the generation,
        so the copy is not taken up, or is stale at once, and the next query copies the store again."""
        generation = self.generation
        try:
            replica = _Replica(self._store)
        except OSError:
            return  # the next query copies it again, and reports the failure
        if self._use_replica and self._replica is None and self.generation == generation:
            self._replica_generation = -1  # not current before both are set (a writer reads the two)
            self._replica = replica
            self._replica_generation = generation

    def _await_replica_at_open(self) -> None:
        """Wait for the copy started at open, so that a query does not make a second one beside it."""
        building = self._replica_build
        if building is not None:
            building.join()
            self._replica_build = None  # done: the queries after it need not wait on the thread again

    def _fresh_replica(self) -> ox.Store:
        """The replica, rebuilt first if a write has passed it; the caller holds the write lock."""
        if self._replica is None or self._replica_generation != self.generation:
            self._replica = None  # let the stale copy go before the new one is made
            if self._too_large(len(self._store)):
                return self._store
            try:
                self._replica = _Replica(self._store)
            except OSError as exc:
                raise BackendError(f"copying {self.description} into memory failed: {exc}") from exc
            self._replica_generation = self.generation
        return self._replica.store

    def _too_large(self, quads: int) -> bool:
        """Whether a store of ``quads`` quads is past the replica's limit; if so, stop using a replica for good."""
        if self._replica_max_quads is None or quads <= self._replica_max_quads:
            return False
        self._replica, self._use_replica = None, False
        self.replica_note = (
            f"{quads:,} quads is more than KG_QUERY_REPLICA_MAX_QUADS={self._replica_max_quads:,}: "
            "queries read the disk (no in-memory replica)"
        )
        return True

    @contextlib.contextmanager
    def _quiescent(self) -> Iterator[None]:
        self._await_replica_at_open()
        with self._write_lock:
            if self._use_replica:
                self._fresh_replica()
            yield

    def writes_held(self) -> AbstractContextManager[object]:
        """The write lock alone: a query inside waits for the replica copied at open, if it is still being made."""
        return self._write_lock

    def quiescent(self) -> AbstractContextManager[None]:
        """A context in which no write is under way and the read side is current (held briefly, to fork)."""
        return self._quiescent()

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs in the store."""
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def count_quads(self) -> int:
        """The number of quads in the store."""
        return len(self._store)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Stream the quads of one graph, or of the whole store."""
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> QueryResult:
        """Run a read-only query over the union of the graphs (or the given dataset), within the limits."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        return collect_results(self._run(sparql, default_graph, named_graphs), deadline, max_rows)

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> bytes:
        """Run a query and serialise it, with pyoxigraph's own serialisers when the row limit should hold.

        pyoxigraph serialises a whole result in Rust without making Python terms (several times faster), but
        cannot stop at a row count. It is used when the query's outermost LIMIT is within ``max_rows``, and the
        rows it wrote are counted after, so the limit holds whatever LIMIT the engine read; otherwise rows are
        collected under the limit (and the clock) and written by the generic writers.
        """
        deadline = time.monotonic() + timeout_s if timeout_s else None
        result = self._run(sparql, default_graph, named_graphs, base_iri)
        native = _NATIVE_FORMATS.get(media_type)
        if native is not None and isinstance(result, ox.QueryBoolean) and media_type in BOOLEAN_WRITERS:
            return result.serialize(format=native)
        if native is not None and isinstance(result, ox.QuerySolutions) and _within(outer_limit(sparql), max_rows):
            body = result.serialize(format=native)
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
            if max_rows is not None and _rows_written(body, native) > max_rows:
                raise ResultTooLargeError(f"the query returns more than {max_rows} results; add a LIMIT")
            return body
        return serialize(collect_results(result, deadline, max_rows), media_type)

    def stream(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> RowStream:
        """Run a SELECT and stream its rows; pyoxigraph evaluates lazily, so rows are computed as they are read."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        result = self._run(sparql, default_graph, named_graphs)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("stream() runs SELECT queries only; use query() for ASK, CONSTRUCT and DESCRIBE")
        variables = [var.value for var in result.variables]
        rows = iter(result) if deadline is None else bounded_results(result, deadline, None)
        return variables, map(tuple, rows)

    def stream_csv(self, sparql: str, out: BinaryIO) -> None:
        """Run a SELECT and write it as CSV with pyoxigraph's own writer: rows never become Python objects.

        pyoxigraph evaluates lazily and writes to ``out`` in chunks of a few kilobytes as rows come; its CSV is
        byte for byte the generic writer's (see _NATIVE_FORMATS).
        """
        result = self._run(sparql, None, None)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("stream_csv() runs SELECT queries only")
        try:
            result.serialize(out, ox.QueryResultsFormat.CSV)
        except OSError as exc:
            raise BackendError(f"query failed on {self.description}: {exc}") from exc

    def _run(
        self,
        sparql: str,
        default_graph: list[ox.NamedNode] | None,
        named_graphs: list[ox.NamedNode] | None,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Start a query on the right dataset, turning engine errors into the project's errors."""
        store = self._reader()
        try:
            if default_graph is not None or named_graphs is not None:
                # A given dataset is exactly those graphs, replacing any FROM / FROM NAMED of the query.
                return store.query(
                    sparql,
                    base_iri=base_iri,
                    prefixes=vocab.PREFIXES,
                    default_graph=list(default_graph or []),
                    named_graphs=list(named_graphs or []),
                )
            if store is not self._store:
                # The replica's default graph is already the merge of every graph.
                return store.query(sparql, base_iri=base_iri, prefixes=vocab.PREFIXES)
            # pyoxigraph ignores a query's own FROM / FROM NAMED under the union flag, so it is set only without them.
            return store.query(
                sparql,
                base_iri=base_iri,
                prefixes=vocab.PREFIXES,
                use_default_graph_as_union=not names_dataset(sparql),
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise BackendError(f"query failed on {self.description}: {exc}") from exc

    def close(self) -> None:
        """Flush and release the store."""
        self._await_replica_at_open()  # it reads the store being released
        if self.path is not None and not self.read_only:
            self._store.flush()
        self._replica = None
        del self._store


def collect_results(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, deadline: float | None, max_rows: int | None
) -> QueryResult:
    """A running query's results as a store result, read under the deadline and the row limit."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [var.value for var in result.variables]
        rows = [tuple(solution) for solution in bounded_results(result, deadline, max_rows)]
        return SelectResult(variables, rows)
    return GraphResult(list(bounded_results(result, deadline, max_rows)))


def _within(limit: int | None, max_rows: int | None) -> bool:
    """Whether a query's LIMIT guarantees the row limit."""
    return max_rows is None or (limit is not None and limit <= max_rows)


def _rows_written(body: bytes, native: ox.QueryResultsFormat) -> int:
    """How many solutions a serialised SELECT result holds (what the engine returned, not what LIMIT said)."""
    if native == ox.QueryResultsFormat.XML:
        return body.count(b"<result>")  # "<" inside values is written as "&lt;": only elements match
    if native == ox.QueryResultsFormat.JSON:
        return len(json.loads(body)["results"]["bindings"])
    rows = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    return sum(1 for _ in rows) - 1  # the header


def bounded_results(results: Iterable[object], deadline: float | None, max_rows: int | None) -> Iterator:
    """Yield results until the deadline or the row limit, raising when either is passed."""
    for count, item in enumerate(results, start=1):
        if max_rows is not None and count > max_rows:
            raise ResultTooLargeError(f"the query returns more than {max_rows} results; add a LIMIT")
        if deadline is not None and count % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
        yield item
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
