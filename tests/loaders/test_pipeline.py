"""The load pipeline: idempotent reloads, per-file failures, removal, and crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg import vocab
from kg.rdf import document_quads
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.documents import RawDocument
from loaders.pipeline import build_document, ingest, load_paths, remove_document

REPO = Path(__file__).resolve().parents[2]


def snapshot(store: OxigraphStore) -> set:
    """Every quad of the store; the graph has no blank nodes, so set equality is isomorphism."""
    return set(store.quads())


def test_loading_twice_changes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    first = load_paths(store, [seeds_dir], Settings())
    assert len(first.loaded) == 5 and not first.failures
    before = snapshot(store)
    second = load_paths(store, [seeds_dir], Settings())
    assert not second.loaded and len(second.unchanged) == 5
    assert snapshot(store) == before
    store.close()


def test_same_text_in_two_files_is_one_document(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("OpenAI CEO Sam Altman spoke on Monday.")
    store = OxigraphStore(None)
    report = load_paths(store, [tmp_path], Settings())
    assert len(report.loaded) == 1 and len(report.unchanged) == 1
    assert len([g for g in store.graphs() if g != vocab.RESOLUTION_GRAPH]) == 1


def test_failures_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Investor Jane Roe criticised Acme Corp on Tuesday.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    store = OxigraphStore(None)
    report = load_paths(store, [tmp_path, tmp_path / "absent.md"], Settings())
    assert len(report.loaded) == 1
    assert sorted(f.split(": ")[0].rsplit("/", 1)[-1] for f in report.failures) == [
        "absent.md",
        "binary.txt",
        "empty.txt",
    ]


def test_ingest_then_remove_restores_the_store(memory_store: OxigraphStore) -> None:
    raw_a = RawDocument(text="OpenAI CEO Sam Altman criticised Acme Corp.", origin="a")
    raw_b = RawDocument(text="Acme Corp said that Sam Altman is wrong about its product.", origin="b")
    ingest(memory_store, raw_a, Settings())
    before = snapshot(memory_store)
    result = ingest(memory_store, raw_b, Settings())
    assert result.created
    assert ingest(memory_store, raw_b, Settings()).created is False
    assert remove_document(memory_store, result.document_id) is True
    assert snapshot(memory_store) == before
    assert remove_document(memory_store, result.document_id) is False


def test_build_document_is_deterministic(seeds_dir: Path) -> None:
    raw = RawDocument(text=next(seeds_dir.glob("*.txt")).read_text(), origin="x")
    first, second = build_document(raw), build_document(raw)
    assert first.extraction == second.extraction
    assert first.meta.id == second.meta.id


def test_workers_give_the_same_graph(tmp_path: Path, seeds_dir: Path) -> None:
    one, two = OxigraphStore(None), OxigraphStore(None)
    load_paths(one, [seeds_dir], Settings(), workers=1)
    load_paths(two, [seeds_dir], Settings(), workers=2)

    def facts(store: OxigraphStore) -> set:
        # ingestion time differs between the two loads; everything else must not
        return {q for q in store.quads() if q.predicate != vocab.INGESTED_AT}

    assert facts(one) == facts(two)


_CRASH_LOADER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kg.settings import Settings
    from kg.store.oxigraph import OxigraphStore
    from loaders.pipeline import load_paths

    def announce(items, total):
        for item in items:
            print("writing", item[0].origin, flush=True)
            yield item

    store = OxigraphStore(Path(sys.argv[1]))
    load_paths(store, [Path(sys.argv[2])], Settings(), progress=announce)
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_mid_load_leaves_every_document_fully_in_or_out(tmp_path: Path, seeds_dir: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for i in range(40):
        seed = seeds[i % len(seeds)].read_text()
        (articles / f"doc{i:03}.txt").write_text(f"Update {i}: a new report follows.\n{seed}")
    store_path = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASH_LOADER, str(store_path), str(articles)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    written = 0
    for line in proc.stdout:
        written += line.startswith("writing")
        if written == 12:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the loader finished before it could be killed"

    store = OxigraphStore(store_path)  # opens again after the crash
    stored = {vocab.local_id(g.value).removeprefix("doc/") for g in store.graphs() if g != vocab.RESOLUTION_GRAPH}
    assert 10 <= len(stored) <= 13
    by_id = {}
    for path in sorted(articles.glob("*.txt")):
        raw = RawDocument(text=path.read_text().strip(), origin=str(path))
        by_id[build_document(raw).meta.id] = raw
    for doc_id in stored:
        expected = build_document(by_id[doc_id])
        graph = vocab.document_iri(doc_id)
        assert sum(1 for _ in store.quads(graph)) == len(document_quads(expected)), f"{doc_id} is partly written"
    # the batch can be finished after the crash
    report = load_paths(store, [articles], Settings())
    assert len(report.loaded) + len(report.unchanged) == 40 and not report.failures
    store.close()
