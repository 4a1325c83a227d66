"""A batch load takes the kept resolution index up before its first write, which would make the file stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolution_index import _tracked, current_index, full_index
from kg.resolve import refresh_resolution
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import index_if_kept
from tests.kg.test_resolution_kept import _write
from tests.kg.test_resolution_kept import store_path as store_path  # the fixture: a store with its index kept


@pytest.mark.parametrize("taken_up", [True, False])
def test_a_batch_refresh_reads_the_kept_index_only_if_taken_up_first(store_path: Path, taken_up: bool) -> None:
    store = OxigraphStore(store_path)
    try:
        if taken_up:
            assert index_if_kept(store)
        _write(store, 16, 2)
        refresh_resolution(store)
        assert set(current_index(store).quads()) == set(full_index(store).quads())
        assert (_tracked[store].kept is not None) is taken_up  # else built from every document after the write
    finally:
        store.close()


def test_nothing_is_taken_up_without_a_kept_index(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    try:
        _write(store, 0, 2)
        assert not index_if_kept(store)
    finally:
        store.close()
