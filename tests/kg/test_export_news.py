"""The XML exports of the seed and dev articles as analysts open them: GEXF schema, networkx, the CLI, Gephi."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import vocab
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths
from tests.conftest import REPO
from tests.kg.test_export import GEXF_RNG

GEXF = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def news_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, dev_articles_dir: Path) -> Path:
    """A store on disk holding the seed and dev articles, loaded by the real pipeline, closed."""
    path = tmp_path_factory.mktemp("news") / "store"
    store = OxigraphStore(path)
    report = load_paths(store, [seeds_dir, dev_articles_dir], Settings(), workers=1)
    assert not report.failures, report.failures
    store.close()
    return path


def _cli_export(store: Path, fmt: str, out: Path) -> bytes:
    """Export with the real CLI in its own process (the store's hash maps are seeded per process)."""
    command = [sys.executable, "-m", "kg.cli", "export", "--store", str(store), "--format", fmt, "-o", str(out)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, timeout=120)
    return out.read_bytes()


@pytest.fixture(scope="module")
def news_gexf(news_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The GEXF export of the news store."""
    path = tmp_path_factory.mktemp("gexf") / "news.gexf"
    _cli_export(news_store, "gexf", path)
    return path


@pytest.fixture(scope="module")
def tree(news_gexf: Path) -> etree._ElementTree:
    """The GEXF export parsed, checked against the GEXF 1.3 schema."""
    document = etree.parse(str(news_gexf))
    schema = etree.RelaxNG(etree.parse(str(GEXF_RNG)))
    assert schema.validate(document), schema.error_log
    return document


def _intervals(element: etree._Element) -> list[tuple[str, str]]:
    """The time intervals of a node or edge: its start and end, or its spells."""
    if element.get("start"):
        return [(element.get("start"), element.get("end"))]
    return [(s.get("start"), s.get("end")) for s in element.iter(f"{GEXF}spell")]


def _values(element: etree._Element) -> dict[str, str]:
    """The attribute values of a node or edge."""
    return {v.get("for"): v.get("value") for v in element.iter(f"{GEXF}attvalue")}


@pytest.fixture(scope="module")
def nodes(tree: etree._ElementTree) -> dict[str, etree._Element]:
    return {n.get("id"): n for n in tree.iter(f"{GEXF}node")}


@pytest.fixture(scope="module")
def edges(tree: etree._ElementTree) -> list[etree._Element]:
    return list(tree.iter(f"{GEXF}edge"))


def test_every_node_and_edge_has_its_own_id_and_label(nodes: dict, edges: list) -> None:
    """No entity is two nodes ("X" once), no two nodes share a label (events get dates), edge ids are unique."""
    labels = Counter(n.get("label") for n in nodes.values())
    assert labels["X"] == 1
    assert [label for label, count in labels.items() if count > 1] == []
    assert len({e.get("id") for e in edges}) == len(edges)
    kinds = {(e.get("source"), e.get("target")): set() for e in edges}
    for e in edges:
        kinds[e.get("source"), e.get("target")].add(e.get("kind"))
    assert any(len(pair_kinds) > 1 for pair_kinds in kinds.values())  # e.g. authored and author
    dated_events = [label for label in labels if re.fullmatch(r".+ \(\d{4}-\d\d(-\d\d)?\)", label or "")]
    assert dated_events  # an event's label carries its date, e.g. 'Stability AI funding round (2023-10)'
    assert "Megan Garcia lawsuit" in labels  # undated: its sentence's first date ('in October') has no year


# Events with a date, and the canonical entities that dated documents mention.
_DATED = f"""SELECT DISTINCT ?node WHERE {{
  {{ GRAPH ?g {{ ?node kg:date ?d ; kg:participant ?p }} FILTER(!STRSTARTS(STR(?d), "--")) }}
  UNION {{
    GRAPH ?g {{ ?stated kg:mentionedIn ?g . ?g kg:published ?published }}
    OPTIONAL {{ GRAPH <{vocab.RESOLUTION_GRAPH.value}> {{ ?stated owl:sameAs ?canonical }} }}
    BIND(COALESCE(?canonical, ?stated) AS ?node)
  }}
}}"""


def test_timeline(nodes: dict, edges: list, news_store: Path) -> None:
    """Dated events and criticisms have spells, aggregated criticisms keep each date, edges lie within their ends."""
    store = OxigraphStore(news_store, read_only=True)
    dated = store.query(vocab.sparql_prefixes() + _DATED).rows
    store.close()
    assert {vocab.local_id(n.value)[:4] for (n,) in dated} == {"evt-", "org-", "per-", "prd-", "grp-", "plc-"}
    for (node,) in dated:
        assert _intervals(nodes[vocab.local_id(node.value)]), node
    spells = {(e.get("source"), e.get("target"), e.get("kind")): _intervals(e) for e in edges}
    assert sorted(spells["org-coatue-management", "per-emad-mostaque", "criticised"]) == [
        ("2023-10-01", "2023-10-01"),
        ("2023-11-29", "2023-11-29"),
    ]
    for edge in edges:
        for start, end in _intervals(edge):
            for end_node in (nodes[edge.get("source")], nodes[edge.get("target")]):
                ((first, last),) = _intervals(end_node)
                assert first <= start <= end <= last, (edge.get("id"), end_node.get("id"))


def test_criticism_edges_carry_quote_and_source(edges: list) -> None:
    """Every criticism edge names its documents; the quotes are there."""
    criticisms = {(e.get("source"), e.get("target")): _values(e) for e in edges if e.get("kind") == "criticised"}
    assert all(len(values["document"]) == 16 or "; " in values["document"] for values in criticisms.values())
    assert criticisms["per-marques-brownlee", "per-daniel-vassallo"]["quote"] == "We disagree on what my job is."


def test_figures(nodes: dict, news_store: Path) -> None:
    """Every node has its degree, PageRank and community; criticisms received count the criticisms of it."""
    figures = {id_: _values(n) for id_, n in nodes.items()}
    assert all({"degree", "criticisms_received", "pagerank", "community"} <= set(f) for f in figures.values())
    store = OxigraphStore(news_store, read_only=True)
    received = store.query(
        vocab.sparql_prefixes()
        + f"""SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH ?g {{ ?c kg:target ?stated }}
        OPTIONAL {{ GRAPH <{vocab.RESOLUTION_GRAPH.value}> {{ ?stated owl:sameAs ?canonical }} }}
        BIND(COALESCE(?canonical, ?stated) AS ?t) }} GROUP BY ?t"""
    ).rows
    store.close()
    expected = {vocab.local_id(t.value): int(n.value) for t, n in received}
    assert {i: int(f["criticisms_received"]) for i, f in figures.items() if f["criticisms_received"] != "0"} == expected


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_two_exports_are_the_same_file(news_store: Path, tmp_path: Path, fmt: str) -> None:
    """Node and edge order, figures and labels do not change from one run to the next."""
    assert _cli_export(news_store, fmt, tmp_path / "one") == _cli_export(news_store, fmt, tmp_path / "two")


def test_graphml_has_the_same_graph(news_store: Path, news_gexf: Path, tmp_path: Path) -> None:
    """GraphML holds GEXF's nodes and edges, their figures, and dates as start and end."""
    graphml = nx.read_graphml(_write(tmp_path / "news.graphml", _cli_export(news_store, "graphml", tmp_path / "g")))
    gexf = nx.read_gexf(news_gexf, version="1.3")
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (gexf.number_of_nodes(), gexf.number_of_edges())
    assert nx.get_node_attributes(graphml, "pagerank") == nx.get_node_attributes(gexf, "pagerank")
    assert nx.get_node_attributes(graphml, "start") == nx.get_node_attributes(gexf, "start")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def gephi(news_gexf: Path) -> Iterator[dict]:
    from tests.support.gephi import gephi_import

    yield gephi_import(news_gexf)


@pytest.mark.gephi
def test_gephi_keeps_every_node_edge_and_interval(gephi: dict, nodes: dict, edges: list) -> None:
    """The Gephi Toolkit imports every node and edge (no parallel edge merged) with their time intervals."""
    assert (gephi["nodes"], gephi["edges"]) == (len(nodes), len(edges))
    assert gephi["timed_nodes"] == sum(1 for n in nodes.values() if _intervals(n))
    assert gephi["timed_edges"] == sum(1 for e in edges if _intervals(e))
    assert gephi["edge_intervals"] == sum(len(_intervals(e)) for e in edges)
    assert gephi["edge_kinds"] == dict(Counter(e.get("kind") for e in edges))
    assert [issue for issue in gephi["issues"] if not issue.startswith("INFO")] == []
    assert gephi["time_format"] == "DATE"
