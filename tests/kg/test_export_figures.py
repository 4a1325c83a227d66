"""The export figures (kg.export.figures, kg.export.graphalgo) against networkx, which they replace for speed."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.export.figures import Topology
from kg.export.graphalgo import adjacency, louvain, pagerank

Edge = tuple[int, int, int]


def _random_edges(seed: int, nodes: int, edges: int) -> list[Edge]:
    """Weighted directed edges with parallel edges, self-loops and (as nodes no edge leaves) dangling nodes."""
    rnd = random.Random(seed)
    return [(rnd.randrange(nodes), rnd.randrange(nodes // 2), rnd.randint(1, 4)) for _ in range(edges)]


def _digraph(nodes: int, edges: list[Edge]) -> nx.DiGraph:
    """networkx's DiGraph of the edges, parallel edges' weights summed (as Topology had built it)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(range(nodes))
    for s, t, w in edges:
        graph.add_edge(s, t, weight=graph.get_edge_data(s, t, {"weight": 0})["weight"] + w)
    return graph


def _partition(labels: list[int]) -> list[set[int]]:
    groups: dict[int, set[int]] = {}
    for node, label in enumerate(labels):
        groups.setdefault(label, set()).add(node)
    return list(groups.values())


@pytest.mark.parametrize(("seed", "nodes", "edges"), [(1, 5, 8), (2, 60, 150), (3, 400, 1500)])
def test_pagerank_is_networkx(seed: int, nodes: int, edges: int) -> None:
    listed = _random_edges(seed, nodes, edges)
    ours = pagerank(adjacency(nodes, *zip(*listed, strict=True)))
    theirs = nx.pagerank(_digraph(nodes, listed), weight="weight")
    assert ours.tolist() == pytest.approx([theirs[n] for n in range(nodes)], abs=1e-12)


def _planted(seed: int, groups: int, size: int) -> tuple[list[Edge], list[int]]:
    """Dense groups joined by a few edges, and each node's group."""
    rnd = random.Random(seed)
    edges = [(g * size + rnd.randrange(size), g * size + rnd.randrange(size), 1) for g in range(groups)
             for _ in range(size * 4)]
    edges += [(rnd.randrange(groups * size), rnd.randrange(groups * size), 1) for _ in range(groups)]
    return edges, [n // size for n in range(groups * size)]


@pytest.mark.parametrize("seed", [4, 5])
def test_louvain_finds_planted_groups(seed: int) -> None:
    edges, truth = _planted(seed, groups=8, size=25)
    labels = louvain(adjacency(len(truth), *zip(*edges, strict=True)), seed=12).tolist()
    assert sorted(map(sorted, _partition(labels))) == sorted(map(sorted, _partition(truth)))


@pytest.mark.parametrize(("seed", "nodes", "edges"), [(6, 300, 900), (7, 2000, 5000)])
def test_louvain_as_good_as_networkx(seed: int, nodes: int, edges: int) -> None:
    """On graphs without planted groups, modularity within 0.02 of networkx's Louvain."""
    listed = _random_edges(seed, nodes, edges)
    undirected = nx.Graph()  # both directions' weights summed, as Topology had built it
    undirected.add_nodes_from(range(nodes))
    for s, t, w in listed:
        undirected.add_edge(s, t, weight=undirected.get_edge_data(s, t, {"weight": 0})["weight"] + w)
    labels = louvain(adjacency(nodes, *zip(*listed, strict=True)), seed=12).tolist()
    ours = nx.community.modularity(undirected, _partition(labels), weight="weight")
    theirs = nx.community.modularity(undirected, nx.community.louvain_communities(undirected, seed=12))
    assert ours >= theirs - 0.02


def _topology(edges: list[Edge], isolated: int = 0) -> Topology:
    topology = Topology()
    for n in range(isolated):
        topology.number(b"lone%d" % n)
    for s, t, w in edges:
        topology.add_edge(b"n%d" % s, b"n%d" % t, w, b"", b"", criticism=s % 3 == 0)
    return topology


def test_figures_do_not_depend_on_edge_order() -> None:
    edges = _random_edges(8, 200, 600)
    shuffled = edges[:]
    random.Random(9).shuffle(shuffled)
    assert _topology(edges, isolated=3).figures() == _topology(shuffled, isolated=3).figures()


def test_figures_number_communities_largest_first() -> None:
    edges, _ = _planted(10, groups=5, size=10)
    edges += [(50 + n, 50 + n + 1, 1) for n in range(20)]  # a path of 21 nodes: the largest community
    figures = _topology(edges).figures()
    sizes: dict[int, int] = {}
    for f in figures.values():
        sizes[f.community] = sizes.get(f.community, 0) + 1
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert sum(f.pagerank for f in figures.values()) == pytest.approx(1)


@pytest.mark.parametrize("isolated", [0, 1, 3])
def test_figures_of_graphs_without_edges(isolated: int) -> None:
    figures = _topology([], isolated=isolated).figures()
    assert len(figures) == isolated
    assert {f.degree for f in figures.values()} <= {0}
    assert sum(f.pagerank for f in figures.values()) == pytest.approx(1 if isolated else 0)
    assert sorted(f.community for f in figures.values()) == list(range(isolated))
