"""What Gephi users compute first, computed for them with networkx, and each node's span on the timeline.

The figures are those of the exported graph (one edge per source, target and relation): ``degree`` counts
its edges in and out (as Gephi's Degree does), ``criticisms_received`` the criticisms aimed at the node,
``pagerank`` is networkx's on the directed graph weighted by the facts behind each edge, and ``community``
numbers networkx's Louvain communities of the undirected graph, largest first, seeded so that one store
always gives the same numbers. A node's span runs from the earliest to the latest date known of it or of
any of its edges, so that on Gephi's timeline no edge shows while one of its ends is hidden.

Only the topology is held: node ids and, per edge, two node numbers and a weight; never a fact or an element.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import networkx as nx

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
        ids = sorted(self.numbers, key=self.numbers.__getitem__)
        # Built in a fixed order (node ids sorted, edges as exported), networkx's results do not vary.
        order = sorted(range(len(ids)), key=ids.__getitem__)
        directed = nx.DiGraph()
        directed.add_nodes_from(order)
        undirected = nx.Graph()
        undirected.add_nodes_from(order)
        degree = [0] * len(ids)
        for s, t, w in zip(self.sources, self.targets, self.weights, strict=True):
            degree[s] += 1
            degree[t] += 1
            for graph, (u, v) in ((directed, (s, t)), (undirected, (min(s, t), max(s, t)))):
                data = graph.get_edge_data(u, v)
                if data is None:
                    graph.add_edge(u, v, weight=w)
                else:
                    data["weight"] += w
        pagerank = nx.pagerank(directed, weight="weight") if ids else {}
        communities = nx.community.louvain_communities(undirected, weight="weight", seed=LOUVAIN_SEED)
        community = {}
        for number, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(ids[n] for n in c)))):
            community.update(dict.fromkeys(members, number))
        received, first, last = self.received, self.first, self.last
        return {
            node: Figures(degree[n], received.get(n, 0), pagerank[n], community[n], first.get(n, b""), last.get(n, b""))
            for node, n in self.numbers.items()
        }
