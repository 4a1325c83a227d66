"""What Gephi users compute first, computed for them, and each node's span on the timeline.

The figures are those of the exported graph (one edge per source, target and relation): ``degree`` counts
its edges in and out (as Gephi's Degree does), ``criticisms_received`` the criticisms aimed at the node,
``pagerank`` is PageRank on the directed graph weighted by the facts behind each edge (networkx's algorithm
and values), and ``community`` numbers the Louvain communities of the undirected graph, largest first, seeded
so that one store always gives the same numbers (both in :mod:`kg.export.graphalgo`, on sparse matrices: with
networkx's graphs of dicts they took most of the export's time). A node's span runs from the earliest to the
latest date known of it or of any of its edges, so that on Gephi's timeline no edge shows while one of its ends
is hidden.

Only the topology is held: node ids and, per edge, two node numbers and a weight; never a fact or an element.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np

from kg.export.graphalgo import adjacency, louvain, pagerank

# Any fixed seed: it is what makes the communities the same from one export to the next.
LOUVAIN_SEED = 12


@dataclass(frozen=True, slots=True)
class Figures:
    """A node's figures and span, as text ready for the XML exports (bytes; an unknown date is empty)."""

    degree: int
    criticisms_received: int
    pagerank: float
    community: int
    first: bytes
    last: bytes


class Topology:
    """The ends, weights and dates of the exported edges, added one edge at a time, and the figures they give.

    Node ids are taken as the exports write them (XML-escaped bytes); any consistent spelling would do.
    """

    def __init__(self) -> None:
        self.numbers: dict[bytes, int] = {}
        self.sources = array("l")
        self.targets = array("l")
        self.weights = array("l")
        self.received: dict[int, int] = {}
        self.first: dict[int, bytes] = {}
        self.last: dict[int, bytes] = {}

    def number(self, node: bytes) -> int:
        """The number of ``node``, given on first sight."""
        return self.numbers.setdefault(node, len(self.numbers))

    def add_dates(self, node: int, first: bytes, last: bytes) -> None:
        """Widen the span of ``node`` to take in ``first`` to ``last`` (timeline dates; empty when unknown)."""
        if first and (node not in self.first or first < self.first[node]):
            self.first[node] = first
        if last and (node not in self.last or last > self.last[node]):
            self.last[node] = last

    def add_edge(self, source: bytes, target: bytes, weight: int, first: bytes, last: bytes, criticism: bool) -> None:
        """Count an exported edge: its ends, weight (facts behind it) and dates."""
        s, t = self.number(source), self.number(target)
        self.sources.append(s)
        self.targets.append(t)
        self.weights.append(weight)
        for node in (s, t):
            self.add_dates(node, first, last)
        if criticism:
            self.received[t] = self.received.get(t, 0) + weight

    def figures(self) -> dict[bytes, Figures]:
        """The figures of every node seen (by edge or by :meth:`number`), by node id."""
        ids = sorted(self.numbers)
        # Computed over the nodes in id order, so that the order edges came in does not change the figures.
        rank = np.empty(len(ids), dtype=np.int64)
        rank[[self.numbers[node] for node in ids]] = np.arange(len(ids))
        sources, targets = rank[_numpy(self.sources)], rank[_numpy(self.targets)]
        directed = adjacency(len(ids), sources, targets, _numpy(self.weights))
        degree = np.bincount(np.concatenate([sources, targets]), minlength=len(ids)).tolist()
        ranks = pagerank(directed).tolist()
        community = _numbered(louvain(directed, LOUVAIN_SEED)).tolist()
        received, first, last = self.received, self.first, self.last
        return {
            node: Figures(degree[r], received.get(n, 0), ranks[r], community[r], first.get(n, b""), last.get(n, b""))
            for node, n in self.numbers.items()
            for r in (int(rank[n]),)
        }


def _numpy(numbers: array) -> np.ndarray:
    """The integers of an array as a numpy array, without a Python object each."""
    return np.frombuffer(numbers, dtype=np.dtype(f"i{numbers.itemsize}")).astype(np.int64)


def _numbered(labels: np.ndarray) -> np.ndarray:
    """Communities renumbered largest first, then by their first node (nodes are in id order)."""
    if not len(labels):
        return labels
    sizes = np.bincount(labels)
    first = np.full(len(sizes), len(labels))
    np.minimum.at(first, labels, np.arange(len(labels)))
    order = np.lexsort((first, -sizes))
    number = np.empty(len(sizes), dtype=np.int64)
    number[order] = np.arange(len(sizes))
    return number[labels]
