"""``kg explain DOC_ID``: each fact of a stored document with its rule and span, grouped by kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main
from kg.explain import KINDS
from kg.settings import Settings
from kg.store.base import SelectResult
from kg.store.oxigraph import OxigraphStore
from loaders.extract import extract
from loaders.pipeline import load_paths


@pytest.fixture(scope="module")
def seeds_on_disk(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A store on disk holding the seed articles, and each document's id with its stored text."""
    path = tmp_path_factory.mktemp("explain") / "store"
    store = OxigraphStore(path)
    report = load_paths(store, [seeds_dir], Settings(), workers=1)
    assert report.loaded and not report.failures
    result = store.query("SELECT ?d ?t WHERE { GRAPH ?d { ?d <https://w3id.org/ainews-kg/ontology#text> ?t } }")
    assert isinstance(result, SelectResult)
    texts = {row[0].value.rsplit("/", 1)[-1]: row[1].value for row in result.rows}
    store.close()
    yield path, texts


def explained(capsys: pytest.CaptureFixture[str], store: Path, doc_id: str, *extra: str) -> str:
    """What ``kg explain`` prints (and asserts it succeeded)."""
    assert main(["explain", doc_id, "--store", str(store), *extra]) == 0
    return capsys.readouterr().out


def test_every_fact_of_each_document_with_its_rule_and_span(
    seeds_on_disk: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    store, texts = seeds_on_disk
    shown_facts = 0
    for doc_id, text in texts.items():
        body = json.loads(explained(capsys, store, doc_id, "--format", "json"))
        ex = extract(text, None)
        expected = {
            "criticisms": ex.criticisms,
            "events": ex.events,
            "relations": ex.relations,
            "claims": ex.claims,
        }
        for kind in KINDS:
            shown = {(f["rule"], f["start"], f["end"], f["text"]) for f in body[kind]}
            made = {(f.rule, f.source.start, f.source.end, text[f.source.start : f.source.end]) for f in expected[kind]}
            assert shown == made, (doc_id, kind)
            shown_facts += len(shown)
    assert shown_facts > 20


def test_text_groups_facts_by_kind(
    seeds_on_disk: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    store, texts = seeds_on_disk
    doc_id = max(texts, key=len)
    lines = explained(capsys, store, doc_id).splitlines()
    assert lines[0].startswith(f"document {doc_id}: ")
    headings = [line.split(" (")[0] for line in lines if not line.startswith(" ")][1:]
    assert headings == list(KINDS)
    facts = [line for line in lines if line.startswith("  ")]
    assert facts and all(line.split()[0].count(".") == 2 and '"' in line for line in facts)


@pytest.mark.parametrize("doc_id", ["0000000000000000", "not a document", "a>b"])
def test_an_unknown_document_is_one_line_and_exit_2(
    seeds_on_disk: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str], doc_id: str
) -> None:
    assert main(["explain", doc_id, "--store", str(seeds_on_disk[0])]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith(f"error: no document {doc_id!r}")
