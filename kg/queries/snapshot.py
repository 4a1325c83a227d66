"""Snapshots of the read side: everything derived from the store at one generation, swapped whole after a write.

Guarantees:

* **One state per request.** A request pins the latest snapshot (:func:`pin`) and reads every index, model and
  rendered fragment from it, so no answer mixes two generations (positions found in one index are never looked
  up in another's lists).
* **No reader waits for a write.** Each write through the store calls :meth:`ReadSide.advance` while writes are
  still held (:meth:`GraphStore.subscribe`): the next snapshot is built beside the current one from the current
  one and what the write touched (each part's ``update``), then published by one assignment. Readers keep the
  old snapshot until then. Only the very first snapshot is built from scratch while a reader waits.
* **Read your writes.** A write returns after its snapshot is published.
* **Memory follows the graph.** A snapshot shares what did not change with the one before it and drops what
  the write removed; nothing is kept per write.

A part is one derived structure (the catalogue, the fact models, an index, the rendered fragments) with a
``build`` from the store and an ``update`` from the previous snapshot's part. Parts are built in the order
:func:`_parts` gives, each able to read the ones before it through the view it is given.
"""

from __future__ import annotations

import functools
import gc
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from pyoxigraph import NamedNode, Quad

from kg import vocab
from kg.errors import BackendError
from kg.store.base import Change, GraphStore, QueryResult, RowStream

log = logging.getLogger(__name__)
RESOLUTION = vocab.RESOLUTION_GRAPH.value


@dataclass
class Delta:
    """What one write changed, as the parts of the next snapshot need to know it."""

    touched: frozenset[str]
    """IRIs whose triples changed, plus the facts whose nested nodes (spans, participants, money) did."""
    graph: str
    """The graph written: a document's IRI, or the resolution graph."""
    notes: dict[str, set[str]] = field(default_factory=dict)
    """What each updated part changed, for the parts after it: ``nodes`` whose entity ref changed, and so on."""

    @property
    def resolution(self) -> bool:
        """Whether the owl:sameAs links may have changed."""
        return self.graph == RESOLUTION


@dataclass(frozen=True)
class Part:
    """One derived structure of a snapshot: how to build it from the store, and how to update it after a write."""

    name: str
    build: Callable[[GraphStore], Any]
    update: Callable[[Any, GraphStore, Delta], Any]


@dataclass
class Snapshot:
    """The parts derived from the store at one generation. Complete and never changed once published."""

    generation: int
    parts: dict[str, Any] = field(default_factory=dict)
    version: int = -1
    """The generation whose data this snapshot shows: older than ``generation`` when the writes since changed
    nothing (a resolution refresh that found no new link), so what was derived from it (cached answers) still
    holds. -1 (the default): ``generation``."""

    def __post_init__(self) -> None:
        if self.version < 0:
            self.version = self.generation


class Pinned:
    """A store as one snapshot shows it: reads of derived data come from the snapshot, queries go to the store.

    Only the REST reads that need nothing but derived data (entities, an entity's page, criticisms, relations)
    are fully consistent; a read that also runs SPARQL sees the store as it is when the query runs.
    """

    def __init__(self, store: GraphStore, snapshot: Snapshot) -> None:
        self.store = store
        self.snapshot = snapshot
        self.generation = snapshot.generation
        self.version = snapshot.version

    @property
    def description(self) -> str:
        """The store's description."""
        return self.store.description

    def has_document(self, doc_id: str) -> bool:
        """Whether the store holds the document now."""
        return self.store.has_document(doc_id)

    def put_graph(self, graph: NamedNode, quads: Any) -> None:
        """Refused: a pinned view is for reading."""
        raise BackendError("a pinned snapshot is read-only: write through the store")

    def remove_graph(self, graph: NamedNode) -> bool:
        """Refused: a pinned view is for reading."""
        raise BackendError("a pinned snapshot is read-only: write through the store")

    def graphs(self) -> list[NamedNode]:
        """The store's graphs now."""
        return self.store.graphs()

    def subscribe(self, listener: Any) -> None:
        """Subscribe to the store's writes."""
        self.store.subscribe(listener)

    def quiescent(self) -> AbstractContextManager[None]:
        """Hold off the store's writes."""
        return self.store.quiescent()

    def count_quads(self) -> int:
        """The store's size now."""
        return self.store.count_quads()

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """The store's quads now."""
        return self.store.quads(graph)

    def query(self, sparql: str, **limits: Any) -> QueryResult:
        """A query on the store."""
        return self.store.query(sparql, **limits)

    def query_serialized(self, sparql: str, media_type: str, **limits: Any) -> bytes:
        """A serialised query on the store."""
        return self.store.query_serialized(sparql, media_type, **limits)

    def stream(self, sparql: str, **limits: Any) -> RowStream:
        """A streamed query on the store."""
        return self.store.stream(sparql, **limits)

    def stream_csv(self, sparql: str, out: BinaryIO) -> None:
        """A CSV query on the store."""
        self.store.stream_csv(sparql, out)

    def close(self) -> None:
        """Nothing to release: the store belongs to its owner."""


def _parts() -> list[Part]:
    """Every part, in build order: each may read those before it."""
    from kg.queries import activity, claims, criticisms, entities, facts, relations, rendered  # they import this

    return [entities.PART, criticisms.PART, claims.PART, relations.PART, activity.PART, facts.PART, rendered.PART]


class ReadSide:
    """The published snapshot of one store, moved on by each write."""

    def __init__(self) -> None:
        self.current: Snapshot | None = None
        self._lock = threading.Lock()  # one first build at a time

    def first(self, store: GraphStore) -> Snapshot:
        """The published snapshot, built from scratch (with writes held off) if there is none yet."""
        snapshot = self.current
        if snapshot is not None:
            return snapshot
        with self._lock:
            if self.current is None:
                with store.quiescent():
                    self.current = _build(store)
            return self.current

    def fresh(self, store: GraphStore) -> Snapshot:
        """The snapshot of the store as it is now (for callers outside a server: the CLI, tests)."""
        snapshot = self.first(store)
        if snapshot.generation == store.generation:
            return snapshot
        with self._lock, store.quiescent():  # a write failed to advance it: start afresh
            if self.current is None or self.current.generation != store.generation:
                self.current = _build(store)
            return self.current

    def advance(self, store: GraphStore, change: Change) -> None:
        """Publish the snapshot of a write just committed (called by the store, with writes held off)."""
        previous = self.current
        if previous is None:
            return  # nothing read yet: the first read builds it
        try:
            if change.touched is None or previous.generation != change.generation - 1:
                self.current = _build(store)
            else:
                self.current = _advance(store, previous, change.generation, change.graph.value, change.touched)
        except Exception:  # the write stands; the next read rebuilds the read side from the store
            log.exception("updating the read side after a write to %s failed; it will be rebuilt", change.graph)
            self.current = None


def _build(store: GraphStore) -> Snapshot:
    """Every part from scratch, with the cyclic GC held off, then frozen out of it (see below)."""
    # What the last full build froze may now be garbage: hand it back to the collector (O(1)).
    gc.unfreeze()
    snapshot = Snapshot(store.generation)
    view = Pinned(store, snapshot)
    # A build allocates millions of long-lived objects (terms, tuples, models) and frees few: each collection the
    # allocations trigger finds nothing, yet the older ones walk everything built so far. Held off, the build
    # took a third less CPU at 1k synthetic articles; what it made is frozen below, so it is never walked after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for part in _parts():
            snapshot.parts[part.name] = part.build(view)
    finally:
        # A snapshot's structures (hundreds of thousands of objects) live long. Frozen, a full collection skips
        # them: it took 100-250 ms at 300k triples, stalling every request in flight. Updates share them, add few.
        gc.freeze()
        if collecting:
            gc.enable()
    return snapshot


def _advance(store: GraphStore, previous: Snapshot, generation: int, graph: str, touched: frozenset[str]) -> Snapshot:
    """The next snapshot: each part updated from the previous one and what the write touched."""
    if not touched:  # a graph written again as it was (the resolution graph, most often): share every part
        return Snapshot(generation, dict(previous.parts), previous.version)
    snapshot = Snapshot(generation)
    view = Pinned(store, snapshot)
    delta = Delta(_with_owners(store, touched), graph)
    for part in _parts():
        snapshot.parts[part.name] = part.update(previous.parts[part.name], view, delta)
    return snapshot


def _with_owners(store: GraphStore, touched: frozenset[str]) -> frozenset[str]:
    """The touched IRIs and the facts that own a touched nested node (a span, a participant, an amount).

    A fact renders its nested nodes, whose triples may change while the fact's own do not.
    """
    if not touched:
        return touched
    from kg.queries.facts import owners  # facts imports this module

    return touched | owners(store, touched)


_sides: weakref.WeakKeyDictionary[Any, ReadSide] = weakref.WeakKeyDictionary()
_sides_lock = threading.Lock()


def _side(store: GraphStore) -> ReadSide:
    side = _sides.get(store)
    if side is None:
        with _sides_lock:
            side = _sides.get(store)
            if side is None:
                side = _sides[store] = ReadSide()
                store.subscribe(functools.partial(_on_write, side, weakref.ref(store)))
    return side


def _on_write(side: ReadSide, ref: weakref.ref[GraphStore], change: Change) -> None:
    store = ref()
    if store is not None:
        side.advance(store, change)


def pin(store: GraphStore) -> Pinned:
    """The store as its latest published snapshot shows it: for one request, which then never waits for a write."""
    if isinstance(store, Pinned):
        return store
    return Pinned(store, _side(store).first(store))


def latest(store: GraphStore) -> Pinned | None:
    """Like :func:`pin`, but None rather than wait when no snapshot has been built yet."""
    if isinstance(store, Pinned):
        return store
    side = _sides.get(store)
    snapshot = side.current if side is not None else None
    return Pinned(store, snapshot) if snapshot is not None else None


def derived(store: GraphStore, name: str) -> Any:
    """A part of the store's snapshot: the pinned one for a pinned view, else one as fresh as the store."""
    if isinstance(store, Pinned):
        parts = store.snapshot.parts
        if name not in parts:
            raise RuntimeError(f"part {name!r} is read before it is built: fix the order in snapshot._parts")
        return parts[name]
    return _side(store).fresh(store).parts[name]
