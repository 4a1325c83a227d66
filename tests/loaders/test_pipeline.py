"""The load pipeline: idempotent reloads, per-file failures, removal, and crash safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from kg import vocab
from kg.cli import main
from kg.errors import ExtractionError
from kg.rdf import document_quads
from kg.resolution_index import full_index
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.documents import RawDocument
from loaders.extract import pipeline as extract_pipeline
from loaders.pipeline import build_document, ingest, load_paths, remove_document
from tests.support.kg_serve import kg_serve

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


@pytest.mark.parametrize("per_write", [1, 2, 16])
def test_forced_reload_replaces_stored_documents_and_adds_new_ones(
    tmp_path: Path, seeds_dir: Path, per_write: int
) -> None:
    """With force, a batch mixing stored and new documents leaves each one as a load into an empty store does."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    some = tmp_path / "some"
    some.mkdir()
    for path in seeds[:3]:
        shutil.copy(path, some / path.name)
    store, clean = OxigraphStore(tmp_path / "store"), OxigraphStore(None)
    load_paths(store, [some], Settings())
    report = load_paths(store, [seeds_dir], Settings(), force=True, docs_per_write=per_write)
    load_paths(clean, [seeds_dir], Settings())
    assert len(report.loaded) == 5 and not report.unchanged and not report.failures

    def facts(of: OxigraphStore) -> set:
        return {q for q in of.quads() if q.predicate != vocab.INGESTED_AT}

    assert facts(store) == facts(clean)
    assert sum(q.predicate == vocab.INGESTED_AT for q in store.quads()) == 5  # one per document: none kept twice
    store.close()


def test_same_text_in_two_files_is_one_document(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("OpenAI CEO Sam Altman spoke on Monday.")
    store = OxigraphStore(None)
    report = load_paths(store, [tmp_path], Settings())
    assert len(report.loaded) == 1 and len(report.unchanged) == 1
    assert len([g for g in store.graphs() if g not in vocab.SYSTEM_GRAPHS]) == 1


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


def test_workers_are_forked_with_every_lexicon_and_model_loaded(tmp_path: Path) -> None:
    """Before a pool forks, the parent loads every cached loader of the extraction, not only those its first
    document reads (a short one reads neither the learned scorer's weights nor the first-name genders)."""
    loaders = extract_pipeline._loaders()
    for load in loaders:
        load.cache_clear()
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"OpenAI CEO Sam Altman spoke in Paris on Monday ({name}).")
    load_paths(OxigraphStore(None), [tmp_path], Settings(), workers=2)
    assert [f"{f.__module__}.{f.__name__}" for f in loaders if f.cache_info().currsize != 1] == []


def test_workers_on_a_store_holding_documents_give_the_same_graph_and_resolution(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """With workers, the index the refresh reads is built while they extract, beside the batch's writes: the
    graph is a one-process load's, and the resolution graph what a refresh from every document gives."""
    articles = sorted(seeds_dir.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, chosen in ((first, articles[::2]), (second, articles[1::2])):
        folder.mkdir()
        for article in chosen:
            shutil.copy(article, folder / article.name)
    stores = {workers: OxigraphStore(tmp_path / f"store{workers}") for workers in (1, 2)}
    for workers, store in stores.items():
        load_paths(store, [first], Settings())
        load_paths(store, [second], Settings(), workers=workers)
    facts = [{q for q in store.quads() if q.predicate != vocab.INGESTED_AT} for store in stores.values()]
    assert facts[0] == facts[1]
    resolution = set(stores[2].quads(vocab.RESOLUTION_GRAPH))
    assert resolution and resolution == set(full_index(stores[2]).quads())
    for store in stores.values():
        store.close()


def _documents(store: OxigraphStore) -> set[str]:
    """The origins of the documents in the store."""
    return {q.object.value for q in store.quads() if q.predicate == vocab.ORIGIN}


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(("bad_stage", "reason"), [
    ("failing_stage", "IndexError: list index out of range"),  # a rule's bug
    ("looping_stage", "ran past its time limit (2 s)"),  # a rule that runs away (KG_EXTRACT_TIMEOUT_S)
])
def test_a_stage_error_fails_that_document_and_stores_none_of_it(
    tmp_path: Path, request: pytest.FixtureRequest, bad_stage: str, reason: str, workers: int
) -> None:
    name = request.getfixturevalue(bad_stage)
    (tmp_path / "a.txt").write_text("OpenAI CEO Sam Altman spoke in Paris on Monday.")
    (tmp_path / "b.txt").write_text(f"{name} raised $20 million on Tuesday.")
    (tmp_path / "c.txt").write_text("Google CEO Sundar Pichai spoke on Wednesday.")
    store = OxigraphStore(None)
    settings = Settings(extract_timeout_s=2)
    report = load_paths(store, [tmp_path], settings, workers=workers)
    assert report.failures == [f"{tmp_path}/b.txt: extraction failed in stage 'events': {reason}"]
    assert _documents(store) == {f"{tmp_path}/a.txt", f"{tmp_path}/c.txt"}
    # Not stored, so not "unchanged" next time: once the rule is fixed, the document loads.
    again = load_paths(store, [tmp_path], settings, workers=workers)
    assert len(again.unchanged) == 2 and len(again.failures) == 1


def test_a_failed_document_loads_once_the_stage_is_fixed(
    tmp_path: Path, failing_stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "b.txt").write_text(f"{failing_stage} raised $20 million on Tuesday.")
    store = OxigraphStore(None)
    assert len(load_paths(store, [tmp_path], Settings()).failures) == 1
    monkeypatch.undo()
    report = load_paths(store, [tmp_path], Settings())
    assert len(report.loaded) == 1 and report.facts >= 1


def test_ingest_raises_the_extraction_error_and_writes_nothing(memory_store: OxigraphStore, failing_stage: str) -> None:
    before = snapshot(memory_store)
    raw = RawDocument(text=f"{failing_stage} raised $20 million.", origin="POST /documents")
    with pytest.raises(ExtractionError) as caught:
        ingest(memory_store, raw, Settings())
    assert caught.value.stage == "events" and caught.value.code == "extraction_failed"
    assert str(caught.value).startswith("POST /documents: extraction failed in stage 'events': IndexError")
    assert snapshot(memory_store) == before and not memory_store.resolution_is_stale()


def test_kg_load_reports_a_stage_error_like_any_failure(
    tmp_path: Path, failing_stage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("OpenAI CEO Sam Altman spoke in Paris on Monday.")
    (articles / "b.txt").write_text(f"{failing_stage} raised $20 million on Tuesday.")
    store = str(tmp_path / "store")
    assert main(["load", str(articles), "--store", store, "--workers", "2", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "documents: 1 loaded, 0 unchanged, 1 failed" in out
    assert f"error: {articles}/b.txt: extraction failed in stage 'events': IndexError" in err


_CRASH_LOADER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    import kg.resolution_index
    from kg.settings import Settings
    from kg.store.oxigraph import OxigraphStore
    from loaders.pipeline import load_paths

    def announce(items, total):
        for item in items:
            print("writing", item[0].origin, flush=True)
            yield item

    def hang(store):
        print("resolving", flush=True)
        time.sleep(600)

    if "--hang-before-resolution" in sys.argv:  # every document is written; resolution is not
        kg.resolution_index.current_index = hang
    per_write = [int(a.split("=")[1]) for a in sys.argv if a.startswith("--docs-per-write=")] or [16]
    store = OxigraphStore(Path(sys.argv[1]))
    load_paths(store, [Path(sys.argv[2])], Settings(), progress=announce, docs_per_write=per_write[0])
    print("finished", flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("per_write", [1, 4])
def test_sigkill_mid_load_leaves_every_document_fully_in_or_out(
    tmp_path: Path, seeds_dir: Path, per_write: int
) -> None:
    """Killed mid-batch, the loader leaves whole transactions of whole documents, and the batch can be finished."""
    articles = tmp_path / "articles"
    articles.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for i in range(40):
        seed = seeds[i % len(seeds)].read_text()
        (articles / f"doc{i:03}.txt").write_text(f"Update {i}: a new report follows.\n{seed}")
    store_path = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASH_LOADER, str(store_path), str(articles), f"--docs-per-write={per_write}"],
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
    stored = {vocab.local_id(g.value).removeprefix("doc/") for g in store.graphs() if g not in vocab.SYSTEM_GRAPHS}
    # 12 documents were extracted: the transactions before the 12th were committed, a few more may have been
    assert 12 - 2 * per_write <= len(stored) <= 12 + 2 * per_write
    assert len(stored) % per_write == 0, "a transaction was committed in part"
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


def _permissions_hold() -> list[str]:
    """A command prefix under which file permissions bind: root reads an unreadable folder otherwise."""
    if os.geteuid() != 0:
        return []
    drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    if shutil.which("setpriv") is None or subprocess.run([*drop, "true"], check=False).returncode != 0:
        pytest.skip("running as root without setpriv: an unreadable folder cannot be made")
    return drop


def _bad_batch(folder: Path) -> None:
    """A batch with every kind of bad input between good files (named so they sort around the bad ones)."""
    deep = "[" * 100_000 + "]" * 100_000
    files: dict[str, str | bytes] = {
        "a_good.txt": "OpenAI CEO Sam Altman spoke in Paris on Monday.",
        "b_deep.txt": "Mistral CEO Arthur Mensch spoke in Paris on Tuesday.",
        "b_deep.meta.json": '{"title": ' + deep + "}",
        "c_records.jsonl": "\n".join(
            [
                '{"text": "x", "n": ' + deep + "}",
                '{"text": "Meta \\ud800 spoke."}',
                json.dumps({"text": "Google CEO Sundar Pichai spoke on Wednesday."}),
            ]
        ),
        "e_invisible.txt": "\u200b\u200c\u2060\ufeff" * 20,
        "f_open.md": b"---\r\ntitle: Open\r\nNo closing line.\r\n",
        "g_crlf.md": b"---\r\ntitle: Closed\r\n---\r\nNvidia CEO Jensen Huang spoke on Thursday.\r\n",
        "h_nan.txt": "Cohere CEO Aidan Gomez spoke on Friday.",
        "h_nan.meta.json": '{"title": NaN}',
        "i_true.txt": "Adept CEO David Luan spoke on Saturday.",
        "i_true.meta.json": '{"publisher": true}',
        "k_big.jsonl": "\n".join(
            [json.dumps({"text": "word " * 100_000}), json.dumps({"text": "Anthropic CEO Dario Amodei spoke."})]
        ),
        "z_last.txt": "xAI founder Elon Musk spoke on Sunday.",
    }
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    (folder / os.fsdecode(b"d_caf\xe9.txt")).write_text("Apple CEO Tim Cook spoke on Monday.")
    (folder / "j_locked").mkdir()
    (folder / "j_locked" / "hidden.txt").write_text("IBM CEO Arvind Krishna spoke.")
    (folder / "j_locked").chmod(0)


def test_kg_load_reports_each_bad_file_and_loads_the_rest(tmp_path: Path) -> None:
    """Every bad input gets a line naming it and why; the good files around them load; exit 1 with the summary."""
    articles, store_path = tmp_path / "articles", tmp_path / "store"
    articles.mkdir()
    _bad_batch(articles)
    try:
        result = subprocess.run(
            [
                *_permissions_hold(),
                sys.executable,
                "-m",
                "kg.cli",
                "load",
                str(articles),
                str(articles / "j_locked" / "hidden.txt"),  # a file in a folder it may not enter
                "--store",
                str(store_path),
                "--quiet",
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(REPO), "KG_MAX_DOCUMENT_BYTES": "300000"},
        )
    finally:
        (articles / "j_locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "documents: 5 loaded, 0 unchanged, 11 failed" in result.stdout
    errors = sorted(line.removeprefix(f"error: {articles}/") for line in result.stderr.splitlines())
    assert errors == [
        "b_deep.meta.json: malformed JSON: nested too deeply to read",
        "c_records.jsonl:1: malformed JSON: nested too deeply to read",
        "c_records.jsonl:2: field 'text' holds a lone surrogate \\ud800 at character 5: not text",
        "d_caf\\xe9.txt: the file name is not UTF-8 text; rename the file",
        "e_invisible.txt: empty document: no visible character, only control, format or zero-width ones",
        "f_open.md: malformed front matter: no closing '---' line",
        "h_nan.meta.json: field 'title' must be a string, not NaN",
        "i_true.meta.json: field 'publisher' must be a string, not true",
        "j_locked/hidden.txt: cannot read path: Permission denied",
        "j_locked: cannot read folder: Permission denied",
        "k_big.jsonl:1: field 'text' is 500000 bytes, over the limit of 300000",
    ]
    store = OxigraphStore(store_path, read_only=True)
    origins = {q.object.value.removeprefix(f"{articles}/") for q in store.quads() if q.predicate == vocab.ORIGIN}
    titles = {q.object.value for q in store.quads()
              if q.predicate == vocab.DCT_TITLE and q.graph_name not in vocab.SYSTEM_GRAPHS}
    store.close()
    assert origins == {"a_good.txt", "c_records.jsonl:3", "g_crlf.md", "k_big.jsonl:2", "z_last.txt"}
    assert titles == {"Closed"}


@pytest.mark.slow
@pytest.mark.parametrize("restart", ["load", "serve"])
def test_sigkill_before_resolution_is_repaired_when_the_store_is_next_opened(
    tmp_path: Path, seeds_dir: Path, restart: str
) -> None:
    """A loader killed after its last document write, before resolution: the next kg load or kg serve repairs it."""
    clean = OxigraphStore(None)
    load_paths(clean, [seeds_dir], Settings())
    links = set(clean.quads(vocab.RESOLUTION_GRAPH))
    assert links, "the seeds should give owl:sameAs links"
    store_path = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASH_LOADER, str(store_path), str(seeds_dir), "--hang-before-resolution"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("resolving"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the loader finished before it could be killed"

    store = OxigraphStore(store_path, read_only=True)
    assert len(store.graphs()) == 5 and not list(store.quads(vocab.RESOLUTION_GRAPH))
    assert store.resolution_is_stale()
    store.close()
    if restart == "load":
        result = subprocess.run(
            [sys.executable, "-m", "kg.cli", "load", str(seeds_dir), "--store", str(store_path), "--quiet"],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert "documents: 0 loaded, 5 unchanged, 0 failed" in result.stdout
    else:
        with kg_serve(store_path) as served:
            assert served.health["documents"] == 5
    store = OxigraphStore(store_path, read_only=True)
    assert set(store.quads(vocab.RESOLUTION_GRAPH)) == links
    assert not store.resolution_is_stale()
    store.close()


def test_each_write_marks_the_store_stale_until_resolution_is_refreshed(
    memory_store: OxigraphStore, seeds_dir: Path
) -> None:
    """The mark is set before the first document write and cleared by the refresh, for loads, ingests and removals."""
    marks: list[bool] = []
    original = memory_store.put_graph

    def put_graph(graph: NamedNode, quads: Iterable[Quad]) -> None:
        if graph != vocab.ONTOLOGY_GRAPH:  # installed after the batch, and not a fact the resolution depends on
            marks.append(memory_store.resolution_is_stale())
        original(graph, quads)

    def add_graphs(graphs: list[NamedNode], nquads: bytes) -> None:  # a batch load's documents, written together
        marks.extend(memory_store.resolution_is_stale() for _ in graphs)
        adding(graphs, nquads)

    adding = memory_store.add_graphs
    memory_store.put_graph = put_graph  # type: ignore[method-assign]
    memory_store.add_graphs = add_graphs  # type: ignore[method-assign]
    load_paths(memory_store, [seeds_dir], Settings())
    assert marks == [True] * 6  # five documents, then the resolution graph: each written under the mark
    assert not memory_store.resolution_is_stale()
    result = ingest(memory_store, RawDocument(text="Anthropic CEO Dario Amodei spoke.", origin="x"), Settings())
    # The document, then the resolution graph if the document changed it: each under the mark.
    assert marks[6:] in ([True], [True, True]) and not memory_store.resolution_is_stale()
    assert remove_document(memory_store, result.document_id)
    assert not memory_store.resolution_is_stale()
    assert not remove_document(memory_store, result.document_id)
    assert not memory_store.resolution_is_stale()
