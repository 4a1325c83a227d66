"""The read side kept next to the store: read back only while the store is as it was built from, else rebuilt."""

from __future__ import annotations

import os
import pickle
import random
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from bench.synthetic import documents
from kg import kept as kept_files
from kg import vocab
from kg.queries import persist, pin
from kg.queries.snapshot import Pinned, _build, follow, keep, keep_current
from kg.rdf import document_quads
from kg.resolve import refresh_resolution
from kg.store.oxigraph import OxigraphStore
from tests.kg.test_snapshot import _add, _remove, _shown, _structures
from tests.support.hostile import code_running_pickle
from tests.support.kg_serve import kg_serve, run_kg
from tests.support.sample_graph import load_sample


def _open(path: Path, **options: bool) -> OxigraphStore:
    return OxigraphStore(path, **options)


def _assert_as_built(store: OxigraphStore, *, kept: bool) -> None:
    """The store's read side came from the kept file (or not), and answers as one built from the store."""
    view = pin(store)
    assert view.snapshot.kept is kept
    fresh = Pinned(store, _build(store, kept=False))
    assert _structures(view.snapshot) == _structures(fresh.snapshot)
    assert _shown(view) == _shown(fresh)


def _assert_reopened_as_built(path: Path, *, kept: bool) -> None:
    """The store reopened from disk answers as one built from it, its read side read back from the file (or not)."""
    store = _open(path)
    try:
        _assert_as_built(store, kept=kept)
    finally:
        store.close()


def test_a_kept_read_side_is_read_back_and_answers_as_a_build(kept: Path) -> None:
    _assert_reopened_as_built(kept, kept=True)


def _add_nquads(store: OxigraphStore, rng: random.Random) -> None:
    """A document not in the store yet (the fourth synthetic one), added as kg load --nquads adds it."""
    *_, doc = documents(4, pool=8, facts_per_doc=4, seed=rng.randrange(10**9))
    graph = vocab.document_iri(doc.meta.id)
    store.add_graphs([graph], "".join(f"{q} .\n" for q in document_quads(doc)).encode())


WRITES: dict[str, Callable[[OxigraphStore, random.Random], None]] = {
    "put": _add,
    "remove": _remove,
    "nquads": _add_nquads,
    "resolution": lambda store, rng: store.put_graph(vocab.RESOLUTION_GRAPH, []),  # the sample's link undone
    "refresh": lambda store, rng: (_remove(store, rng), refresh_resolution(store)),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_store_written_by_another_process_is_not_served_its_old_read_side(kept: Path, write: str) -> None:
    """A writer that never read the read side (kg load) still makes the kept file stale, so it is rebuilt."""
    writer = _open(kept)
    before = writer.stamp()
    WRITES[write](writer, random.Random(3))
    writer.close()
    store = _open(kept)
    try:
        assert store.stamp() != before
        _assert_as_built(store, kept=False)
    finally:
        store.close()


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("was_kept", [True, False], ids=["file current", "no file"])
def test_a_loader_leaves_the_read_side_current(kept: Path, write: str, was_kept: bool) -> None:
    """What kg load does: the kept read side taken up, moved on by the writes (or built after them), kept."""
    if not was_kept:
        (kept / persist.FILE).unlink()
    loader = _open(kept)
    assert follow(loader) is was_kept
    WRITES[write](loader, random.Random(0))
    _add(loader, random.Random(1))  # and a second write after it
    assert keep_current(loader)
    loader.close()
    _assert_reopened_as_built(kept, kept=True)


def test_a_loader_that_changed_nothing_does_not_rewrite_the_file(kept: Path) -> None:
    before = (kept / persist.FILE).stat().st_mtime_ns
    loader = _open(kept)
    assert follow(loader)
    WRITES["resolution"](loader, random.Random(0))  # the sample's link undone: a change
    loader.put_graph(vocab.RESOLUTION_GRAPH, list(loader.quads(vocab.RESOLUTION_GRAPH)))  # as it is: none
    assert keep_current(loader)
    after = (kept / persist.FILE).stat().st_mtime_ns
    assert after != before
    assert follow(loader) and keep_current(loader)
    loader.put_graph(vocab.RESOLUTION_GRAPH, list(loader.quads(vocab.RESOLUTION_GRAPH)))
    assert keep_current(loader)
    loader.close()
    assert (kept / persist.FILE).stat().st_mtime_ns == after


def test_writes_after_a_read_back_are_kept_at_the_next_keep_and_lost_without_it(kept: Path) -> None:
    store = _open(kept)
    pin(store)
    _add(store, random.Random(11))
    assert keep(store)  # the snapshot the write moved to, with the stamp it replaced the read one with
    _add(store, random.Random(12))  # not kept: a crash here leaves the file one write behind
    store.close()
    store = _open(kept)
    try:
        _assert_as_built(store, kept=False)
        assert keep(store)
    finally:
        store.close()
    _assert_reopened_as_built(kept, kept=True)


BROKEN: dict[str, Callable[[bytes, Path], bytes]] = {
    "empty": lambda data, marker: b"",
    "garbage": lambda data, marker: os.urandom(4096),
    "truncated in its header": lambda data, marker: data[:40],
    "code in its header": lambda data, marker: code_running_pickle(marker),
    "code after its header": lambda data, marker: data[: _header_end(data)] + code_running_pickle(marker),
    "cut after its catalogue": lambda data, marker: data[: _catalogue_end(data)],
    "truncated in its parts": lambda data, marker: data[: len(data) * 3 // 4],
}


def _header_end(data: bytes) -> int:
    return _ends(data)[0]


def _catalogue_end(data: bytes) -> int:
    return _ends(data)[1]


def _ends(data: bytes) -> list[int]:
    """Where each of the file's pickles ends."""
    import io

    stream, ends = io.BytesIO(data), []
    unpickler = pickle.Unpickler(stream)
    for _ in range(3):
        unpickler.load()
        ends.append(stream.tell())
    return ends


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_broken_or_foreign_file_is_rebuilt_over_and_never_run(
    kept: Path, tmp_path: Path, broken: str, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "ran"
    file = kept / persist.FILE
    file.write_bytes(BROKEN[broken](file.read_bytes(), marker))
    store = _open(kept)
    try:
        view = pin(store)
        assert view.snapshot.kept is False
        assert persist.FILE in caplog.text or "kept read side" in caplog.text
        _assert_as_built(store, kept=False)
    finally:
        store.close()
    assert not marker.exists()


def test_a_file_written_by_other_code_is_rebuilt_over(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept_files, "code_digest", lambda: "other code")
    _assert_reopened_as_built(kept, kept=False)


def test_a_read_only_or_in_memory_store_keeps_nothing(kept: Path, memory_store: OxigraphStore) -> None:
    (kept / persist.FILE).unlink()
    store = _open(kept, read_only=True)
    try:
        pin(store)
        assert not keep(store) and not (kept / persist.FILE).exists()
    finally:
        store.close()
    load_sample(memory_store)
    pin(memory_store)
    assert not keep(memory_store)


def _answers(base: str) -> dict[str, bytes]:
    paths = ["/entities?limit=1000", "/criticisms?limit=1000", "/relations?limit=1000", "/events?limit=1000"]
    return {path: httpx.get(base + path, timeout=60).content for path in paths}


def test_kg_load_brings_the_kept_read_side_up_to_date_for_the_next_kg_serve(tmp_path: Path, seeds_dir: Path) -> None:
    """Load, serve, load more, serve: the second server reads back what the load kept, and answers as a build."""
    store, first, second, third = tmp_path / "store", tmp_path / "first", tmp_path / "second", tmp_path / "third"
    articles = sorted(seeds_dir.glob("*.txt"))
    for folder, chosen in ((first, articles[:3]), (second, articles[3:4]), (third, articles[4:5])):
        folder.mkdir()
        for article in chosen:
            (folder / article.name).write_bytes(article.read_bytes())
    env = {"KG_QUERY_REPLICA": "false"}
    assert run_kg("load", "--quiet", "--store", str(store), str(first)).returncode == 0
    assert _current(store)  # built after the load: no file was there
    with kg_serve(store, env=env) as served:
        before = _answers(served.base)
    assert run_kg("load", "--quiet", "--store", str(store), str(second)).returncode == 0
    assert _current(store)  # moved on by the load's writes
    kept_at = (store / persist.FILE).stat().st_mtime_ns
    with kg_serve(store, env=env) as served:
        after = _answers(served.base)
    assert (store / persist.FILE).stat().st_mtime_ns == kept_at  # read back, so nothing new to keep
    (store / persist.FILE).unlink()
    with kg_serve(store, env=env) as served:
        rebuilt = _answers(served.base)
    assert after == rebuilt and after != before
    assert run_kg("remove", "--store", str(store), _a_document(store)).returncode == 0
    assert _current(store)  # moved on by the removal
    with kg_serve(store, env=env) as served:
        removed = _answers(served.base)
    (store / persist.FILE).unlink()
    with kg_serve(store, env=env) as served:
        assert _answers(served.base) == removed != after
    assert run_kg("load", "--quiet", "--no-read-side", "--store", str(store), str(third)).returncode == 0
    assert not _current(store)  # left stale, so the next start rebuilds it rather than serve it
    with kg_serve(store, env=env) as served:
        assert _answers(served.base) != removed


def _a_document(path: Path) -> str:
    store = _open(path, read_only=True)
    try:
        return next(g.value for g in store.graphs() if g not in vocab.SYSTEM_GRAPHS).rsplit("/", 1)[-1]
    finally:
        store.close()


def _current(path: Path) -> bool:
    store = _open(path, read_only=True)
    try:
        return persist.current(store)
    finally:
        store.close()
