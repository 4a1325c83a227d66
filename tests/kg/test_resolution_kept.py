"""The resolution index kept next to the store: read back only while the store is as it was built from."""

from __future__ import annotations

import os
import pickle
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from kg import kept, vocab
from kg.resolution_index import FILE, _tracked, current_index, full_index, keep_index
from kg.resolve import refresh_resolution
from kg.store.oxigraph import OxigraphStore
from tests.kg.test_resolution_index import _named
from tests.support.hostile import code_running_pickle


def _write(store: OxigraphStore, first: int, count: int) -> None:
    rng = random.Random(first)
    for n in range(first, first + count):
        graph, quads = _named(n, rng)
        store.put_graph(vocab.document_iri(graph.rsplit("/", 1)[-1]), quads)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store whose index a loader refreshed and kept."""
    path = tmp_path / "store"
    store = OxigraphStore(path)
    _write(store, 0, 16)
    refresh_resolution(store)
    assert keep_index(store)
    store.close()
    assert (path / FILE).exists()
    return path


def _read_back(path: Path) -> bool:
    """Open the store, bring its index up to date: whether it was read from the file; it equals a full build."""
    store = OxigraphStore(path)
    try:
        index = current_index(store)
        assert set(index.quads()) == set(full_index(store).quads())
        return _tracked[store].kept is not None
    finally:
        store.close()


def test_a_kept_index_is_read_back_and_equals_a_full_build(store_path: Path) -> None:
    assert _read_back(store_path)


def test_writes_after_a_read_back_are_applied_and_kept_by_the_next_keep(store_path: Path) -> None:
    store = OxigraphStore(store_path)
    assert current_index(store) is not None and _tracked[store].kept is not None
    _write(store, 16, 4)
    assert not keep_index(store)  # writes the index has not read: not kept
    refresh_resolution(store)
    assert set(current_index(store).quads()) == set(full_index(store).quads())
    assert keep_index(store)
    store.close()
    assert _read_back(store_path)


WRITES: dict[str, Callable[[OxigraphStore], object]] = {
    "a document": lambda store: _write(store, 30, 1),
    "a removal": lambda store: store.remove_graph(store.graphs()[0]),
    "the resolution graph": lambda store: store.put_graph(vocab.RESOLUTION_GRAPH, []),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_store_written_since_is_indexed_afresh(store_path: Path, write: str) -> None:
    writer = OxigraphStore(store_path)
    WRITES[write](writer)
    writer.close()
    assert not _read_back(store_path)


def _after_header(data: bytes, payload: bytes) -> bytes:
    import io

    stream = io.BytesIO(data)
    pickle.Unpickler(stream).load()
    return data[: stream.tell()] + payload


BROKEN: dict[str, Callable[[bytes, Path], bytes]] = {
    "empty": lambda data, marker: b"",
    "garbage": lambda data, marker: os.urandom(4096),
    "truncated": lambda data, marker: data[: len(data) // 2],
    "code in its header": lambda data, marker: code_running_pickle(marker),
    "code after its header": lambda data, marker: _after_header(data, code_running_pickle(marker)),
    "not an index after its header": lambda data, marker: _after_header(data, pickle.dumps({"a": 1})),
}


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_broken_file_is_built_over_and_never_run(store_path: Path, tmp_path: Path, broken: str) -> None:
    marker = tmp_path / "ran"
    file = store_path / FILE
    file.write_bytes(BROKEN[broken](file.read_bytes(), marker))
    assert not _read_back(store_path)
    assert not marker.exists()


def test_a_file_of_other_code_is_built_over(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "code_digest", lambda: "other code")
    assert not _read_back(store_path)


def test_a_store_in_memory_or_read_only_keeps_no_index(store_path: Path) -> None:
    memory = OxigraphStore(None)
    _write(memory, 0, 2)
    refresh_resolution(memory)
    assert not keep_index(memory)
    (store_path / FILE).unlink()
    reader = OxigraphStore(store_path, read_only=True)
    current_index(reader)
    assert not keep_index(reader) and not (store_path / FILE).exists()
    reader.close()
