"""Extraction to N-Quads shards and their load, through the real CLI: the store equals a direct load's."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import vocab
from kg.store.oxigraph import OxigraphStore
from tests.support.kg_serve import run_kg

# Ingestion times differ between two runs by design; everything else must be equal.
_VOLATILE = {vocab.INGESTED_AT}


def store_quads(path: Path) -> set[ox.Quad]:
    """The quads of a store on disk, without the ingestion times."""
    store = OxigraphStore(path, read_only=True)
    try:
        return {q for q in store.quads() if q.predicate not in _VOLATILE}
    finally:
        store.close()


@pytest.fixture(scope="module")
def direct_load(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seed articles loaded as usual (kg load)."""
    store = tmp_path_factory.mktemp("direct") / "store"
    result = run_kg("load", str(seeds_dir), "--store", str(store), "--quiet")
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seed articles extracted to shards of two documents (kg extract)."""
    out = tmp_path_factory.mktemp("shards") / "out"
    result = run_kg("extract", str(seeds_dir), "--out", str(out), "--docs-per-shard", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "documents: 5 extracted" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    return out


def test_loading_shards_gives_the_store_a_direct_load_gives(shards: Path, direct_load: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = run_kg("load", "--nquads", str(shards), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "documents: 5 loaded, 0 unchanged, 0 failed"
    loaded, direct = store_quads(store), store_quads(direct_load)
    assert loaded == direct
    assert any(q.graph_name == vocab.RESOLUTION_GRAPH for q in loaded)  # resolution was refreshed
    assert not OxigraphStore(store, read_only=True).resolution_is_stale()
    again = run_kg("load", "--nquads", str(shards), "--store", str(store))
    assert again.stdout.strip() == "documents: 0 loaded, 5 unchanged, 0 failed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<http://x/s> <http://x/p> .\n", "bad.nq: not N-Quads"),
        ('<http://x/s> <http://x/p> "o" .\n', "bad.nq: a quad outside any document's graph"),
        (f'<http://x/s> <http://x/p> "o" {vocab.RESOLUTION_GRAPH} .\n', "bad.nq: a quad outside any document's"),
    ],
)
def test_a_bad_shard_is_a_failure_naming_it(shards: Path, tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.nq").write_text(content)
    result = run_kg("load", "--nquads", str(tmp_path / "bad.nq"), str(shards), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert message in result.stderr
    assert "documents: 5 loaded, 0 unchanged, 1 failed" in result.stdout


def test_a_document_in_two_shards_is_loaded_once(shards: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "part-00000.nq").write_bytes((shards / "part-00000.nq").read_bytes())
    result = run_kg("load", "--nquads", str(shards), str(copy), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert "is in an earlier shard too" in result.stderr
    assert "documents: 5 loaded, 0 unchanged, 2 failed" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "{seeds}", "--out", "{shards}"], "not empty"),
        (["load", "{seeds}", "--nquads", "{shards}"], "either article PATHs or --nquads"),
        (["load"], "either article PATHs or --nquads"),
        (["load", "--nquads", "{tmp}/absent"], "absent: no such file or folder"),
        (["extract", "{seeds}", "--out", "{tmp}/new", "--docs-per-shard", "0"], "--docs-per-shard must be 1"),
    ],
)
def test_bad_invocations_are_one_clear_error(
    args: list[str], message: str, seeds_dir: Path, shards: Path, tmp_path: Path
) -> None:
    values = {"seeds": str(seeds_dir), "shards": str(shards), "tmp": str(tmp_path)}
    result = run_kg(*(arg.format(**values) for arg in args), "--store", str(tmp_path / "store"))
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.slow
def test_extraction_on_a_local_dask_cluster(seeds_dir: Path, direct_load: Path, tmp_path: Path) -> None:
    """The example maps the extraction over the files on a real (local) Dask cluster; its shards load as usual."""
    from distributed import Client, LocalCluster

    from examples.dask_extract import extract_with_dask
    from kg.settings import Settings

    started = time.monotonic()
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        written, failures = extract_with_dask([seeds_dir], tmp_path / "shards", Settings(), partitions=3)
    assert (written, failures) == (5, [])
    assert len(list((tmp_path / "shards").iterdir())) == 3
    result = run_kg("load", "--nquads", str(tmp_path / "shards"), "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    assert store_quads(tmp_path / "store") == store_quads(direct_load)
    print(f"dask extraction and load: {time.monotonic() - started:.1f} s")
