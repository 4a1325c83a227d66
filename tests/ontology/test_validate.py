"""`kg validate` and the README's pyshacl command, run as a user would on the seed and dev articles."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg import ontology
from kg.cli import main
from tests.ontology.handmade import KG

REPO = Path(__file__).resolve().parents[2]
PYSHACL = Path(sys.executable).with_name("pyshacl")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run ``kg`` (this checkout's) or the environment's ``pyshacl`` in a subprocess, in ``cwd``."""
    command = [sys.executable, "-m", "kg.cli", *args[1:]] if args[0] == "kg" else [str(PYSHACL), *args[1:]]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def readme_shacl_block() -> list[list[str]]:
    """The commands of the README's code block that runs pyshacl, each split into words."""
    blocks = re.findall(r"```[a-z]*\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    block = next(b for b in blocks if "\npyshacl " in b)
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, dev_articles_dir: Path) -> Path:
    """A store on disk with the seed and dev articles loaded through ``kg load``."""
    store = tmp_path_factory.mktemp("validate") / "store"
    result = run("kg", "load", str(seeds_dir), str(dev_articles_dir), "--store", str(store), "--quiet")
    assert result.returncode == 0, result.stderr
    return store


@pytest.mark.slow
def test_seed_and_dev_store_conforms(dev_store: Path) -> None:
    """``kg validate`` (RDFS inference, the ontology as ont_graph) passes on the store the pipeline builds."""
    result = run("kg", "validate", "--store", str(dev_store))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"oxigraph:{dev_store} conforms to ontology/shapes.ttl (with RDFS inference)"


@pytest.mark.slow
def test_readme_pyshacl_command_passes_on_the_export(dev_store: Path, tmp_path: Path) -> None:
    """The README's export and pyshacl lines, run as written (``ontology/`` beside the export), conform."""
    (tmp_path / "ontology").symlink_to(REPO / "ontology")
    [export, pyshacl] = readme_shacl_block()
    assert export[:2] == ["kg", "export"] and pyshacl[0] == "pyshacl"
    exported = run(*export, "--store", str(dev_store), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    result = run(*pyshacl, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-5000:]
    assert "Conforms: True" in result.stdout


def test_violations_are_listed_with_exit_code_1(handmade_graph: Graph, tmp_path: Path) -> None:
    """An empty span (start = end, as the 'GPT-4o release' evidence had) is reported by shape, path and node."""
    graph = Graph()
    graph += handmade_graph
    span = sorted(graph.subjects(KG.start, None))[0]
    graph.set((span, KG.end, graph.value(span, KG.start)))
    graph.serialize(tmp_path / "broken.ttl", format="turtle")
    result = run("kg", "validate", str(tmp_path / "broken.ttl"))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"{tmp_path / 'broken.ttl'} does not conform to ontology/shapes.ttl (with RDFS inference)"
    )
    assert f"  kgsh:TextSpanShape kg:start on {ontology.compact(span)}: " in result.stdout, lines
    assert ontology.validate_file(tmp_path / "broken.ttl").violations()  # and without inference


def test_a_long_report_is_cut(handmade_graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit caps the listed violations and says how many are left out."""
    graph = Graph()
    graph += handmade_graph
    for span in graph.subjects(KG.start, None):
        graph.set((span, KG.sentence, Literal("")))
    graph.serialize(tmp_path / "broken.nt", format="nt", encoding="utf-8")
    assert main(["validate", str(tmp_path / "broken.nt"), "--inference", "none", "--limit", "2"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "without inference" in lines[0] and len(lines) == 4
    assert lines[-1].startswith("  ... and ") and lines[-1].endswith(" more (--limit raises the count)")


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("graph.gexf", "<gexf/>", "cannot tell the RDF format from the extension"),
        ("graph.ttl", "<a> <b", "Parser error at line 1"),
        ("missing.ttl", None, "No such file"),
    ],
)
def test_unreadable_file_is_one_line(
    tmp_path: Path, name: str, content: str | None, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be read gives one error line naming it, and exit code 2."""
    if content is not None:
        (tmp_path / name).write_text(content)
    assert main(["validate", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path / name}: ") and says in err
    assert len(err.splitlines()) == 1
