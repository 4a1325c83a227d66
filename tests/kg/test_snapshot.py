"""Read snapshots: after every kind of write, the snapshot moved on from the last one equals one built afresh."""

from __future__ import annotations

import gc
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from pyoxigraph import Quad

from bench.synthetic import documents
from kg import vocab
from kg.clusters import SAME_CRITICISM, SAME_EVENT
from kg.errors import BackendError
from kg.model import EVENT_TYPES
from kg.queries import catalogue, list_claims, list_events, pin, rendered
from kg.queries.criticisms import criticism_index
from kg.queries.snapshot import Pinned, Snapshot, _build
from kg.queries.snapshot import start as start_serving
from kg.rdf import document_quads
from kg.resolve import refresh_resolution
from kg.store.base import Change, GraphStore
from kg.store.oxigraph import OxigraphStore
from kg.store.rdflib_store import RdflibStore
from tests.support.sample_graph import load_sample

Write = Callable[[GraphStore, random.Random], None]


def _add(store: GraphStore, rng: random.Random) -> None:
    """A new synthetic article over a small pool of actors, so that it shares entities with earlier ones."""
    (doc,) = documents(1, pool=8, facts_per_doc=4, seed=rng.randrange(10**9))
    store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))


def _remove(store: GraphStore, rng: random.Random) -> None:
    """Remove a document at random."""
    docs = sorted((g for g in store.graphs() if g != vocab.RESOLUTION_GRAPH), key=lambda g: g.value)
    if docs:
        store.remove_graph(rng.choice(docs))


def _change(store: GraphStore, rng: random.Random) -> None:
    """Rewrite a document with some of its quads dropped (as a forced reload with new extraction rules would)."""
    docs = sorted((g for g in store.graphs() if g != vocab.RESOLUTION_GRAPH), key=lambda g: g.value)
    if docs:
        graph = rng.choice(docs)
        quads = sorted(store.quads(graph), key=str)
        store.put_graph(graph, [q for q in quads if rng.random() > 0.2])


def _link(store: GraphStore, rng: random.Random) -> None:
    """Replace the resolution graph with random owl:sameAs links between entity nodes (chains and merges)."""
    nodes = sorted(catalogue(store).nodes)
    if not nodes:
        return
    links = {rng.choice(nodes): rng.choice(nodes) for _ in range(rng.randrange(4))}
    quads = [Quad(vocab.NamedNode(a), vocab.OWL_SAME_AS, vocab.NamedNode(b), vocab.RESOLUTION_GRAPH)
             for a, b in links.items() if a != b]  # fmt: skip
    store.put_graph(vocab.RESOLUTION_GRAPH, quads)


def _cluster(store: GraphStore, rng: random.Random) -> None:
    """Replace the resolution graph with random kg:sameEvent and kg:sameCriticism links (merged facts)."""
    quads = []
    for types, prop in ((EVENT_TYPES, SAME_EVENT), (("Criticism",), SAME_CRITICISM)):
        kinds = ", ".join(f"kg:{t}" for t in types)
        query = f"SELECT DISTINCT ?f WHERE {{ ?f a ?type FILTER(?type IN ({kinds})) }}"
        facts = sorted((row[0] for row in store.query(vocab.sparql_prefixes() + query).rows), key=str)
        rng.shuffle(facts)
        for start in range(0, min(len(facts), 2 * rng.randrange(4)), 3):  # disjoint clusters of two or three
            rep, *members = facts[start : start + rng.choice((2, 3))]
            quads += [Quad(m, prop, rep, vocab.RESOLUTION_GRAPH) for m in members]
    store.put_graph(vocab.RESOLUTION_GRAPH, quads)


def _resolve(store: GraphStore, rng: random.Random) -> None:
    """Recompute resolution as the loader does."""
    refresh_resolution(store)


WRITES: list[Write] = [_add, _add, _remove, _change, _link, _cluster, _resolve]


def _shown(view: Pinned) -> dict[str, bytes]:
    """Every REST answer the snapshot serves from derived data: each entity's page, and pages of every list."""
    found = {}
    for record in catalogue(view).ordered:
        member = min(record.members)  # its id may not name it: a link can point at a node no document holds now
        found[f"entity {record.id}"] = rendered.entity_json(view, member, limit=1000)
    for offset in range(0, 200, 7):
        found[f"entities {offset}"] = rendered.entities_json(view, type=None, q=None, limit=7, offset=offset)
        found[f"criticisms {offset}"] = rendered.criticisms_json(
            view, critic=None, target=None, since=None, until=None, limit=7, offset=offset
        )
        found[f"relations {offset}"] = rendered.relations_json(
            view, predicate=None, subject=None, object=None, limit=7, offset=offset
        )
        claims = list_claims(view, claimant=None, about=None, limit=7, offset=offset)
        found[f"claims {offset}"] = rendered.dump_model(claims)
        events = list_events(view, type=None, entity=None, since=None, until=None, limit=7, offset=offset)
        found[f"events {offset}"] = rendered.dump_model(events)
    return found


def _structures(snapshot: Snapshot) -> dict[str, object]:
    """The parts of a snapshot in comparable form."""
    parts = snapshot.parts
    cat, models = parts["catalogue"], parts["fact_models"]
    return {
        "records": cat.records,
        "ordered": [r.iri for r in cat.ordered],
        "names": {name: [r.iri for r in found] for name, found in cat._index.items() if found},
        "groups": {c: g for c, g in cat.groups.items()},
        "criticisms": parts["criticisms"],
        "claims": parts["claims"],
        "relations": parts["relations"],
        "activity": parts["activity"],
        "models": (
            models.criticisms,
            models.events,
            models.roles,
            models.spans,
            models.sources,
            models.references,
            models.uses,
            models.rules,
            models.shown_by,
        ),
        "clusters": models.clusters,
    }


BACKENDS: dict[str, Callable[[], GraphStore]] = {"oxigraph": lambda: OxigraphStore(None), "rdflib": RdflibStore}


@pytest.mark.parametrize(("backend", "seed"), [("oxigraph", 0), ("oxigraph", 1), ("oxigraph", 2), ("rdflib", 3)])
def test_each_write_moves_the_snapshot_to_what_a_fresh_build_gives(
    backend: str, seed: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Random writes of every kind; after each, the snapshot (updated, not rebuilt) equals a fresh build."""
    store = BACKENDS[backend]()
    load_sample(store)
    rng = random.Random(seed)
    for _ in range(4):
        _add(store, rng)
    _shown(pin(store))  # fill the rendered memo, so that what a write leaves of it is checked too
    for step in range(20):
        write = rng.choice(WRITES)
        write(store, rng)
        moved = pin(store)
        assert moved.generation == store.generation, f"step {step}: {write.__name__} did not move the snapshot"
        fresh = Pinned(store, _build(store))
        assert _structures(moved.snapshot) == _structures(fresh.snapshot), f"step {step}: {write.__name__}"
        assert _shown(moved) == _shown(fresh), f"step {step}: {write.__name__}"
    assert "will be rebuilt" not in caplog.text  # every write was followed by an update, none fell back


def test_a_pinned_snapshot_does_not_change_under_a_write(memory_store: OxigraphStore) -> None:
    """A request that pinned a snapshot keeps reading it; the next pin sees the write."""
    write_store = memory_store
    load_sample(write_store)
    before = pin(write_store)
    page = rendered.entities_json(before, type=None, q=None, limit=100, offset=0)
    _add(write_store, random.Random(1))
    assert rendered.entities_json(before, type=None, q=None, limit=100, offset=0) == page
    after = pin(write_store)
    assert after.generation == before.generation + 1
    assert rendered.entities_json(after, type=None, q=None, limit=100, offset=0) != page


def test_a_write_the_store_cannot_describe_rebuilds_the_snapshot(memory_store: OxigraphStore) -> None:
    """A write reported without its touched IRIs (as a failed write is) gives a snapshot built afresh."""
    load_sample(memory_store)
    first = pin(memory_store)
    memory_store.generation += 1  # what a failed write does: count it, and report it as unknown
    for listener in memory_store._listeners:
        listener(Change(memory_store.generation, vocab.RESOLUTION_GRAPH, None))
    again = pin(memory_store)
    assert again.snapshot is not first.snapshot and again.generation == memory_store.generation
    assert _structures(again.snapshot) == _structures(first.snapshot)


def test_a_failed_update_leaves_the_write_and_the_next_read_rebuilds(
    memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An update that raises does not fail the write: it is logged, and the next read builds afresh."""
    from kg.queries import criticisms
    from kg.queries.snapshot import Part

    load_sample(memory_store)
    pin(memory_store)

    def broken(*args: object) -> None:
        raise RuntimeError("update failed")

    monkeypatch.setattr(criticisms, "PART", Part("criticisms", criticisms.build_index, broken))
    _add(memory_store, random.Random(2))  # does not raise
    assert "will be rebuilt" in caplog.text
    monkeypatch.undo()
    again = pin(memory_store)
    assert again.generation == memory_store.generation
    assert _structures(again.snapshot) == _structures(_build(memory_store))


@pytest.mark.parametrize("collecting", [True, False])
@pytest.mark.parametrize("fails", [False, True])
def test_a_build_leaves_the_cyclic_gc_as_it_found_it(
    memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, collecting: bool, fails: bool
) -> None:
    """A build holds the collector off while it runs, and gives it back as it was, even when a part raises."""
    from kg.queries import criticisms
    from kg.queries.snapshot import Part

    load_sample(memory_store)
    seen: list[bool] = []

    def build(store: GraphStore) -> object:
        seen.append(gc.isenabled())
        if fails:
            raise RuntimeError("build failed")
        return criticisms.build_index(store)

    monkeypatch.setattr(criticisms, "PART", Part("criticisms", build, criticisms.update_index))
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        if fails:
            with pytest.raises(RuntimeError, match="build failed"):
                _build(memory_store)
        else:
            assert _build(memory_store).parts["criticisms"] == criticisms.build_index(memory_store)
        assert gc.isenabled() is collecting and seen == [False]
    finally:
        (gc.enable if was else gc.disable)()


def _held_part(monkeypatch: pytest.MonkeyPatch, release: threading.Event, fails: bool = False) -> threading.Event:
    """The criticism index (a part after the catalogue) made to wait for ``release``; the event set as it starts."""
    from kg.queries import criticisms
    from kg.queries.snapshot import Part

    started = threading.Event()

    def build(store: GraphStore) -> object:
        started.set()
        assert release.wait(30)
        if fails:
            raise RuntimeError("build failed")
        return criticisms.build_index(store)

    monkeypatch.setattr(criticisms, "PART", Part("criticisms", build, criticisms.update_index))
    return started


def _started_with_a_held_part(
    store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, fails: bool = False
) -> threading.Event:
    """The sample loaded and start() under way, held at the criticism index until the returned event is set."""
    load_sample(store)
    release = threading.Event()
    started = _held_part(monkeypatch, release, fails)
    start_serving(store)
    assert started.wait(30)
    return release


def test_a_started_server_answers_from_the_catalogue_while_the_other_parts_build(
    memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """start() publishes once the catalogue is built; a read of a later part waits for it, and gets the full build's."""
    release = _started_with_a_held_part(memory_store, monkeypatch)
    view = pin(memory_store)
    assert "criticisms" not in view.snapshot.parts
    page = rendered.entities_json(view, type=None, q=None, limit=100, offset=0)  # answered while the rest builds
    waiting = ThreadPoolExecutor(1).submit(criticism_index, view)
    assert not waiting.done()
    release.set()
    assert waiting.result(30) == criticism_index(_build_view(memory_store))
    _join_read_side()
    monkeypatch.undo()
    assert page == rendered.entities_json(_build_view(memory_store), type=None, q=None, limit=100, offset=0)
    assert _structures(view.snapshot) == _structures(_build(memory_store))


def _join_read_side() -> None:
    """Wait for start()'s thread: it sets the cyclic GC back as it ends, which a later test must not see."""
    for thread in [t for t in threading.enumerate() if t.name == "read-side"]:
        thread.join(30)


def _build_view(store: GraphStore) -> Pinned:
    return Pinned(store, _build(store))


def test_a_write_during_the_start_waits_for_the_read_side_and_is_then_read(
    memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = _started_with_a_held_part(memory_store, monkeypatch)
    writing = ThreadPoolExecutor(1).submit(_add, memory_store, random.Random(5))
    time.sleep(0.2)
    assert not writing.done(), "a write went in under a snapshot still being built"
    release.set()
    writing.result(30)
    _join_read_side()
    monkeypatch.undo()
    after = pin(memory_store)
    assert after.generation == memory_store.generation
    assert _structures(after.snapshot) == _structures(_build(memory_store))


def test_a_failed_build_at_start_fails_the_waiting_read_and_the_next_read_rebuilds(
    memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    release = _started_with_a_held_part(memory_store, monkeypatch, fails=True)
    view = pin(memory_store)
    release.set()
    with pytest.raises(BackendError, match="build failed at start"):
        criticism_index(view)
    monkeypatch.undo()
    _join_read_side()  # it logs once the waiting read has been told
    assert "building the read side at start failed" in caplog.text
    again = pin(memory_store)
    assert again.snapshot is not view.snapshot
    assert _structures(again.snapshot) == _structures(_build(memory_store))
