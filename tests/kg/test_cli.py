"""The `kg` command end to end: load, stats, query, remove, serve, export, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kg.cli import main, serve_warning
from kg.settings import Settings
from tests.support.kg_serve import free_port, kg_serve
from tests.support.kg_serve import run_kg as run

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store on disk with the seed articles loaded through the CLI."""
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("load", str(seeds_dir), "--store", str(store), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "documents: 5 loaded, 0 unchanged, 0 failed" in result.stdout
    return store


def test_reload_reports_unchanged(loaded_store: Path, seeds_dir: Path) -> None:
    result = run("load", str(seeds_dir), "--store", str(loaded_store), "--quiet")
    assert result.returncode == 0
    assert "documents: 0 loaded, 5 unchanged, 0 failed" in result.stdout


def test_failures_name_the_file_and_set_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("OpenAI CEO Sam Altman spoke in Paris on Monday.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.md").write_text("---\ntitle: [x\n---\nBody")
    result = run("load", str(tmp_path), "--store", str(tmp_path / "store"), "--quiet")
    assert result.returncode == 1
    assert "documents: 1 loaded, 0 unchanged, 2 failed" in result.stdout
    assert "empty.txt: empty document" in result.stderr
    assert "bad.md: malformed front matter" in result.stderr


def test_stats(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", str(loaded_store)]) == 0
    out = capsys.readouterr().out
    stats = dict(line.split(None, 1) for line in out.splitlines())
    assert stats["documents"] == "5"
    assert int(stats["entities.Organization"]) >= 3
    assert int(stats["criticisms"]) >= 4
    assert int(stats["triples"]) > 500


def test_query_prints_a_table(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "PREFIX kg: <https://w3id.org/ainews-kg/ontology#> SELECT ?doc WHERE { ?doc a kg:Document }"
    assert main(["query", query, "--store", str(loaded_store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].strip() == "doc" and lines[-1] == "(5 rows)"
    assert main(["query", query, "--store", str(loaded_store), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5


def test_query_errors_are_one_clear_line(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "SELECT WHERE {", "--store", str(loaded_store)]) == 2
    assert capsys.readouterr().err.startswith("error: SPARQL syntax error")


def test_missing_store_says_how_to_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", str(tmp_path / "nothing")]) == 2
    assert "run 'kg load' first" in capsys.readouterr().err


def test_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Investor Jane Roe criticised Acme Corp on Tuesday.")
    store = str(tmp_path / "store")
    assert main(["load", str(tmp_path / "a.txt"), "--store", store, "--quiet"]) == 0
    from kg.ids import document_id

    doc_id = document_id((tmp_path / "a.txt").read_text())
    assert main(["remove", doc_id, "--store", store]) == 0
    assert main(["remove", doc_id, "--store", store]) == 1
    assert f"no document {doc_id}" in capsys.readouterr().err


def test_serve_answers_health(loaded_store: Path) -> None:
    with kg_serve(loaded_store) as served:
        health = served.health
        assert health["status"] == "ok" and health["documents"] == 5 and health["triples"] > 500
        assert "oxigraph" in health["store"]


def test_served_sparql_queries_the_ontology(loaded_store: Path) -> None:
    """The classes of the ontology are in the endpoint's dataset, beside the data that instantiates them."""
    query = ("SELECT ?class (COUNT(?x) AS ?n) WHERE { ?class rdfs:subClassOf+ kg:Event . "
             "OPTIONAL { ?x a ?class } } GROUP BY ?class")
    with kg_serve(loaded_store) as served:
        answer = httpx.post(f"{served.base}/sparql", data={"query": query},
                            headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert answer.status_code == 200, answer.text
    counts = {b["class"]["value"].rsplit("#", 1)[1]: int(b["n"]["value"]) for b in answer.json()["results"]["bindings"]}
    assert {"FundingRound", "IPOFiling", "Publication", "ProductRelease", "Lawsuit"} <= set(counts)
    assert counts["FundingRound"] > 0


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "gexf"])
def test_export_writes_a_file(loaded_store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--store", str(loaded_store)]) == 0
    assert out.stat().st_size > 1000


def test_export_unknown_format(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "pdf", "--store", str(loaded_store)]) == 2
    assert "pdf" in capsys.readouterr().err


def test_a_typo_in_the_format_leaves_an_existing_file_alone(loaded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.gexf"
    out.write_text("an earlier export")
    assert main(["export", "--format", "gexff", "-o", str(out), "--store", str(loaded_store)]) == 2
    assert out.read_text() == "an earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.gexf"]  # no temporary file left behind


def test_export_accepts_the_usual_names(loaded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert main(["export", "--format", "ttl", "-o", str(out), "--store", str(loaded_store)]) == 0
    assert out.read_text(encoding="utf-8").startswith("@prefix")


QUERY = "SELECT ?l WHERE { ?o a kg:Organization ; rdfs:label ?l } ORDER BY ?l LIMIT 3"


def test_query_from_standard_input_and_file_as_csv(loaded_store: Path, tmp_path: Path) -> None:
    """'kg query -' reads the query from standard input, --file from a file; --format csv writes CSV."""
    piped = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "-", "--format", "csv", "--store", str(loaded_store)],
        input=QUERY, capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert lines[0] == "l" and len(lines) == 4
    (tmp_path / "q.rq").write_text(QUERY)
    from_file = run("query", "--file", str(tmp_path / "q.rq"), "--format", "csv", "--store", str(loaded_store))
    assert from_file.stdout == piped.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("kg ")


@pytest.mark.parametrize("token", ["", "  "])
def test_serve_refuses_to_start_with_an_empty_token(tmp_path: Path, token: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path), "--port", str(free_port())],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "KG_API_TOKEN": token},
        timeout=60,  # a server that starts anyway never exits: the timeout fails the test
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: invalid configuration: KG_API_TOKEN: is empty"), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("host", "token", "warned"),
    [("0.0.0.0", None, True), ("::", None, True), ("127.0.0.1", None, False), ("0.0.0.0", "s3cret", False)],
)
def test_serve_warns_when_writes_will_be_refused(host: str, token: str | None, warned: bool) -> None:
    warning = serve_warning(Settings(host=host, api_token=token))
    assert (warning is not None and "KG_API_TOKEN" in warning and host in warning) is warned
