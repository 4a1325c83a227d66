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
* **A server answers before its read side is whole.** ``kg serve`` publishes its first snapshot once the
  catalogue is built (:func:`start`) and builds the other parts in a background thread, writes held off until
  they are done: a request that reads one of them meanwhile waits for it (never for a write), so it still reads
  one state. At 10k synthetic articles the whole read side took minutes, the catalogue a tenth of it.
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
from kg.queries import persist
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


class _Rest:
    """The parts of a published first snapshot still being built (by :func:`start`'s thread, writes held off)."""

    def __init__(self) -> None:
        self.ready = threading.Condition()  # notified as each part is added, and when the build ends
        self.done = False
        self.builder = threading.get_ident()


@dataclass
class Snapshot:
    """The parts derived from the store at one generation. Never changed once published, but for a first
    snapshot's parts still to come (``rest``), added in build order before any write."""

    generation: int
    parts: dict[str, Any] = field(default_factory=dict)
    version: int = -1
    """The generation whose data this snapshot shows: older than ``generation`` when the writes since changed
    nothing (a resolution refresh that found no new link), so what was derived from it (cached answers) still
    holds. -1 (the default): ``generation``."""
    rest: _Rest | None = None
    """Set on a first snapshot published before its last parts were built (:func:`start`)."""
    kept: bool = False
    """Whether its parts are those kept next to the store (read from there, or written there)."""

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

    def writes_held(self) -> AbstractContextManager[None]:
        """Hold off the store's writes (see GraphStore.writes_held)."""
        return self.store.writes_held()

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


# What a server's first snapshot is published with (start): a listing of entities reads only these. The fragments
# (the rendered JSON memo) reads the parts it renders from on first use, so it is built before them.
_FIRST = frozenset(("catalogue", "fragments"))


def _parts() -> list[Part]:
    """Every part, in build order: each may read those before it."""
    from kg.queries import activity, claims, criticisms, entities, facts, relations, rendered  # they import this

    return [entities.PART, criticisms.PART, claims.PART, relations.PART, activity.PART, facts.PART, rendered.PART]


class ReadSide:
    """The published snapshot of one store, moved on by each write."""

    def __init__(self) -> None:
        self.current: Snapshot | None = None
        self._lock = threading.Lock()  # one first build at a time
        self._keeping = threading.Lock()  # one write of the kept read side at a time

    def start(self, store: GraphStore) -> None:
        """Publish a first snapshot as soon as its first part is built, and build the rest in a background thread."""
        with self._lock:
            if self.current is not None:
                return
            published = threading.Event()
            threading.Thread(target=self._complete, args=(store, published), name="read-side", daemon=True).start()
            published.wait()

    def _complete(self, store: GraphStore, published: threading.Event) -> None:
        """Build a first snapshot with writes held off, publishing it once its first part is there."""

        def publish(snapshot: Snapshot) -> None:
            self.current = snapshot
            published.set()

        try:
            with store.writes_held():  # not quiescent(): the kept listing is published before a replica is made
                _build(store, publish)
        except Exception:  # a reader finds no snapshot, or a failed one, and builds the read side itself
            log.exception("building the read side at start failed; the first read will build it")
            self.current = None
        finally:
            published.set()
        self.keep(store)  # built from the store: kept for the next start
        self._list(store)

    def _list(self, store: GraphStore) -> None:
        """Keep the entity listing of a read side read back whole but with no current, whole listing beside it."""
        from kg.queries import listing  # it imports the catalogue's module, which imports this one

        snapshot = self.current
        if snapshot is None or not snapshot.kept or not _keeps(store) or listing.load(store) is not None:
            return
        with self._keeping, store.quiescent():
            stamp = store.stamp()  # type: ignore[attr-defined]
            if self.current is snapshot and snapshot.generation == store.generation and stamp is not None:
                persist.save_listing(store, snapshot.parts, stamp, snapshot.generation)

    def keep(self, store: GraphStore) -> bool:
        """Write the published snapshot next to the store if it is whole, current and not kept yet; whether it is."""
        snapshot = self.current
        if snapshot is None or snapshot.kept or (snapshot.rest is not None and not snapshot.rest.done):
            return snapshot is not None and snapshot.kept
        if persist.path_of(store) is None or getattr(store, "read_only", False):
            return False
        with self._keeping:
            return snapshot.kept or self._write(store, snapshot)

    def _write(self, store: GraphStore, snapshot: Snapshot) -> bool:
        with store.quiescent():  # the stamp of the content the snapshot shows: a write after it replaces it
            if self.current is not snapshot or snapshot.generation != store.generation:
                return False
            stamp = store.stamp()  # type: ignore[attr-defined]
        if stamp is not None and persist.save(store, snapshot.parts, stamp, snapshot.generation):
            snapshot.kept = True
        return snapshot.kept

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


def _build(store: GraphStore, publish: Callable[[Snapshot], None] | None = None, *, kept: bool = True) -> Snapshot:
    """Every part from scratch (or read back from the kept read side, unless ``kept`` is False), with the cyclic
    GC held off, then frozen out of it (see below).

    With ``publish``, the snapshot is handed to it once its first part is built, and the other parts are added
    to it as they come (readers wait for them in :func:`derived`).
    """
    # What the last full build froze may now be garbage: hand it back to the collector (O(1)).
    gc.unfreeze()
    snapshot = Snapshot(store.generation, rest=_Rest() if publish else None)
    view = Pinned(store, snapshot)
    # A build allocates millions of long-lived objects (terms, tuples, models) and frees few: each collection the
    # allocations trigger finds nothing, yet the older ones walk everything built so far. Held off, the build
    # took a third less CPU at 1k synthetic articles; what it made is frozen below, so it is never walked after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if publish is not None and kept and _listed_early(snapshot, store):
            publish(snapshot)  # entity listings are answered from the kept listing until the catalogue is in
            publish = None
        for name, built in _built(view, kept):
            if snapshot.rest is None:
                snapshot.parts[name] = built
                continue
            with snapshot.rest.ready:
                snapshot.parts[name] = built
                snapshot.rest.ready.notify_all()
            if publish is not None and snapshot.parts.keys() >= _FIRST:
                publish(snapshot)
                publish = None
        snapshot.parts.pop(persist.EARLY, None)  # the catalogue answers now: the mapped file is let go
    finally:
        if snapshot.rest is not None:
            with snapshot.rest.ready:
                snapshot.rest.done = True
                snapshot.rest.ready.notify_all()
        # A snapshot's structures (hundreds of thousands of objects) live long. Frozen, a full collection skips
        # them: it took 100-250 ms at 300k triples, stalling every request in flight. Updates share them, add few.
        gc.freeze()
        if collecting:
            gc.enable()
    return snapshot


def _listed_early(snapshot: Snapshot, store: GraphStore) -> bool:
    """Put the store's kept entity listing in a first snapshot, if it is current; whether it was."""
    from kg.queries import listing  # it imports the catalogue's module, which imports this one

    found = listing.load(store)
    if found is not None:
        snapshot.parts[persist.EARLY] = found
    return found is not None


def _built(view: Pinned, kept_too: bool) -> Iterator[tuple[str, Any]]:
    """Each part as (name, part), those of ``_FIRST`` first: read back where the store's kept read side is
    current (:mod:`kg.queries.persist`), else built from the store."""
    parts = _parts()
    parts = [p for p in parts if p.name in _FIRST] + [p for p in parts if p.name not in _FIRST]
    kept = persist.load(view.store) if kept_too else None
    if kept is not None:
        try:
            for name, part in kept:
                yield name, part
                if name == persist.FIRST:  # the parts not kept, built in no time (the memo starts empty)
                    yield from ((p.name, p.build(view)) for p in parts if p.name in persist.SKIPPED)
            view.snapshot.kept = view.snapshot.parts.keys() >= {p.name for p in parts}
        except Exception as exc:  # a corrupt file: what it gave is kept (pickle checks what it reads), the rest built
            log.warning("the kept read side broke off (%s): building the parts it lacks from the store", exc)
    for part in parts:
        if part.name not in view.snapshot.parts:
            yield part.name, part.build(view)


def _advance(store: GraphStore, previous: Snapshot, generation: int, graph: str, touched: frozenset[str]) -> Snapshot:
    """The next snapshot: each part updated from the previous one and what the write touched."""
    if not touched:  # a graph written again as it was (the resolution graph, most often): share every part
        # Nothing changed, so the stamp neither (OxigraphStore writes only a difference): still what is kept.
        return Snapshot(generation, dict(previous.parts), previous.version, kept=previous.kept)
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


def start(store: GraphStore) -> None:
    """For a server: publish the first snapshot once the catalogue is built; the other parts follow in a thread."""
    _side(store).start(store)


def keep(store: GraphStore) -> bool:
    """Write the store's read side next to it (for a server stopping), if it is whole and current; whether it is."""
    side = _sides.get(store)
    return side is not None and side.keep(store)


def follow(store: GraphStore) -> bool:
    """For a loader, before its first write: take up the read side kept next to the store if it is current, so
    that each write moves it on as a server's writes do (the parts' ``update``, equal to a build); whether it was.

    A store with no current kept read side is left alone: :func:`keep_current` builds it once, after the last
    write, rather than building it first and moving it on per write.
    """
    if not _keeps(store) or not persist.current(store):
        return False
    _side(store).first(store)  # read back, not built
    return True


def keep_current(store: GraphStore) -> bool:
    """For a loader, after its last write: keep the read side of the store as it is now next to it, so the next
    ``kg serve`` reads it back rather than builds it; whether it is kept.

    Moved on from the kept one where :func:`follow` took it up, else built from the store (a write that failed to
    move it on leaves none to keep: built too). A failure costs the next start a build, never the load.
    """
    if not _keeps(store):
        return False
    side = _side(store)
    try:
        side.fresh(store)
        return side.keep(store)
    except Exception:
        log.exception("could not bring the kept read side up to date: the next kg serve rebuilds it")
        return False


def _keeps(store: GraphStore) -> bool:
    """Whether the store can keep a read side next to it: a folder of its own, open for writing."""
    return persist.path_of(store) is not None and not getattr(store, "read_only", False)


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
    snapshot = store.snapshot if isinstance(store, Pinned) else _side(store).fresh(store)
    if name not in snapshot.parts:
        _wait_for(snapshot, name)
    return snapshot.parts[name]


def _wait_for(snapshot: Snapshot, name: str) -> None:
    """Wait until a first snapshot's background build has added the part (start-up only)."""
    rest = snapshot.rest
    if rest is None or rest.builder == threading.get_ident():
        raise RuntimeError(f"part {name!r} is read before it is built: fix the order in snapshot._parts")
    with rest.ready:
        rest.ready.wait_for(lambda: name in snapshot.parts or rest.done)
    if name not in snapshot.parts:
        raise BackendError("the read side's build failed at start; the next request rebuilds it")
