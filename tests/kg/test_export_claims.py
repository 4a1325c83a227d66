"""Claims in the GEXF and GraphML exports: a node per claim, ``claimed`` and ``about`` edges, validated files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import ids
from kg.export import write_export
from kg.model import Claim, Entity, Extraction
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import write_document
from tests.conftest import make_document, span
from tests.kg.test_export import GEXF_RNG
from tests.support import claim_corpus as corpus


@pytest.fixture
def store() -> Iterator[OxigraphStore]:
    """The claim articles, and one more with a claim about nothing named."""
    store = OxigraphStore(None)
    corpus.load_claims(store)
    text = "Sam Altman said the age of scaling is over."
    ex = Extraction(
        entities=(Entity(key="s", label="Sam Altman", type="Person", mentions=(span(text, "Sam Altman"),)),),
        claims=(Claim(claimant="s", text="the age of scaling is over", source=span(text, "the age of scaling")),),
    )
    write_document(store, make_document(text, ex, published="2025-04-02"))
    yield store
    store.close()


def _graph(store: OxigraphStore, fmt: str, tmp_path: Path) -> nx.DiGraph:
    out = io.BytesIO()
    write_export(store, fmt, out)
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(out.getvalue())
    if fmt == "gexf":
        schema = etree.RelaxNG(etree.parse(str(GEXF_RNG)))
        assert schema.validate(etree.parse(str(path))), schema.error_log
        return nx.read_gexf(path, version="1.3")
    return nx.read_graphml(path)


def _claim_node(graph: nx.DiGraph, text: str) -> str:
    (node,) = [n for n, d in graph.nodes(data=True) if d["kind"] == "claim" and ids.statement_key(d["label"]) ==
               ids.statement_key(text)]  # fmt: skip
    return str(node)


def _edge(graph: nx.DiGraph, source: str, target: str) -> dict[str, object]:
    """The attributes of the one edge from source to target (networkx reads a multigraph only if edges repeat)."""
    data = graph.get_edge_data(source, target)
    if graph.is_multigraph():
        (data,) = data.values()
    return dict(data)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_claims_are_nodes_between_claimant_and_subject(store: OxigraphStore, tmp_path: Path, fmt: str) -> None:
    graph = _graph(store, fmt, tmp_path)
    assert sum(d["kind"] == "claim" for _, d in graph.nodes(data=True)) == 6
    users = _claim_node(graph, corpus.USERS)
    assert graph.nodes[users]["type"] == "Claim" and graph.nodes[users]["mentions"] == 3
    claimed = _edge(graph, "per-sam-altman", users)
    assert claimed["relation"] == "claimed" and claimed["weight"] == 3
    assert len(str(claimed["document"]).split("; ")) == 3
    assert _edge(graph, users, "prd-chatgpt")["relation"] == "about"
    # A claim about nothing named still hangs off its claimant.
    scaling = _claim_node(graph, "the age of scaling is over")
    assert list(graph.predecessors(scaling)) == ["per-sam-altman"] and not list(graph.successors(scaling))


def test_claim_nodes_span_their_reports(store: OxigraphStore, tmp_path: Path) -> None:
    graph = _graph(store, "gexf", tmp_path)
    users = graph.nodes[_claim_node(graph, corpus.USERS)]
    assert (users["start"], users["end"]) == ("2025-01-10", "2025-03-05")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_claim_reworded_by_two_outlets_is_one_node(tmp_path: Path, fmt: str) -> None:
    """kg:sameClaim: one node at the representative (its text), both documents counted; the other claim apart."""
    from tests.support.same_story import load

    store = OxigraphStore(None)
    try:
        ids_ = load(store, "claim_a", "claim_b", "claim_other")
        graph = _graph(store, fmt, tmp_path)
    finally:
        store.close()
    claims = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "claim"}
    assert sorted(d["mentions"] for d in claims.values()) == [1, 2]
    (merged,) = [n for n, d in claims.items() if d["mentions"] == 2]
    claimed = _edge(graph, "org-nimbus-labs", merged)
    assert claimed["weight"] == 2
    assert set(str(claimed["document"]).split("; ")) == {ids_["claim_a"], ids_["claim_b"]}
    assert sorted(graph.predecessors(merged)) == ["org-nimbus-labs"]
