"""PageRank and Louvain communities over an edge list held in arrays, fast enough to run on every export.

networkx computes both on graphs of Python dicts: on the 100k-node benchmark graph, building them and running
its Louvain took most of the GEXF export's time. Here the graph is a scipy sparse matrix: PageRank is
networkx's own power iteration (``_pagerank_scipy``, same parameters and stopping rule, so the same values to
rounding), and Louvain is the same method (Blondel et al. 2008, resolution 1: move each node to the neighbouring
community that gains the most modularity, merge the communities into nodes, repeat) with the queue of the
Leiden paper's fast local move (Traag et al. 2019): after the first pass only the neighbours of moved nodes are
looked at again. The communities are as good (modularity within a few thousandths of networkx's on the bench
graph) but not the same numbers: networkx visits nodes in an order of its own.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

DAMPING = 0.85  # networkx's default alpha, as kg.export.figures used it


def adjacency(n: int, sources: Sequence[int], targets: Sequence[int], weights: Sequence[int]) -> sp.csr_array:
    """The n x n directed weight matrix of the edges; parallel edges add up."""
    rows, cols = np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)
    return sp.csr_array((np.asarray(weights, dtype=float), (rows, cols)), shape=(n, n))


def pagerank(directed: sp.csr_array, alpha: float = DAMPING, tol: float = 1.0e-6, max_iter: int = 100) -> np.ndarray:
    """PageRank of each node, as networkx.pagerank computes it (dangling nodes link to every node).

    Stops as networkx does, when the change summed over the nodes is under n * tol; after ``max_iter`` rounds
    it keeps the last values rather than failing the export (networkx raises).
    """
    n = directed.shape[0]
    if n == 0:
        return np.zeros(0)
    out = np.asarray(directed.sum(axis=1)).ravel()
    dangling = out == 0
    inverse = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    transition = (sp.dia_array((inverse, 0), shape=(n, n)) @ directed).tocsr()
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ transition + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return x


def louvain(directed: sp.csr_array, seed: int) -> np.ndarray:
    """The community of each node of the undirected graph (edge weights summed both ways), as numbers 0..k-1.

    The nodes of each level are visited in an order drawn from ``seed``, so a graph always gives the same
    communities. Self-loops count twice in a node's degree, as networkx counts them.
    """
    n = directed.shape[0]
    weights = (directed + directed.T).tocsr()  # a self-loop lands on the diagonal twice: twice its weight
    labels = np.arange(n)
    rng = np.random.default_rng(seed)
    while True:
        degrees = np.asarray(weights.sum(axis=1)).ravel()
        total = float(degrees.sum())
        if total == 0:
            return labels
        links = weights.copy()
        links.setdiag(0)  # a node's own loop is no neighbour to move towards
        links.eliminate_zeros()
        order = rng.permutation(weights.shape[0]).tolist()
        moves = _local_moves(links.indptr.tolist(), _packed("q", links.indices), _packed("d", links.data),
                             degrees.tolist(), total, order)
        if moves is None:
            return labels
        _, community = np.unique(np.asarray(moves), return_inverse=True)
        labels = community[labels]
        members = sp.csr_array((np.ones(len(community)), (np.arange(len(community)), community)))
        weights = (members.T @ weights @ members).tocsr()  # one node per community, loops holding its inside


def _packed(code: str, values: np.ndarray) -> array:
    """The values as a Python array ("q" or "d"): read one at a time as fast as a list, in a quarter of its memory."""
    return array(code, values.astype(np.int64 if code == "q" else np.float64).tobytes())


def _local_moves(indptr: list[int], indices: array, data: array, degrees: list[float], total: float,
                 order: list[int]) -> list[int] | None:
    """Louvain's first phase: each node's community after moving nodes while one gains modularity, or None when
    no node moved. ``indptr``/``indices``/``data`` are the CSR lists of the links without loops, ``total`` twice
    the graph's weight."""
    community = list(range(len(degrees)))
    totals = list(degrees)  # each community's summed degree
    queued = [True] * len(degrees)
    queue = deque(order)
    moved = False
    while queue:
        node = queue.popleft()
        queued[node] = False
        own, degree = community[node], degrees[node]
        start, end = indptr[node], indptr[node + 1]
        neighbours = indices[start:end]
        towards: dict[int, float] = {}
        for other, weight in zip(neighbours, data[start:end], strict=True):
            c = community[other]
            towards[c] = towards.get(c, 0.0) + weight
        totals[own] -= degree
        # modularity gain of joining c, up to a factor and a term common to all c: links to c - expected links
        scale = degree / total
        best, best_gain = own, towards.get(own, 0.0) - totals[own] * scale
        for c, weight in towards.items():
            gain = weight - totals[c] * scale
            if gain > best_gain:
                best, best_gain = c, gain
        totals[best] += degree
        if best != own:
            community[node], moved = best, True
            for other in neighbours:  # only a moved node's neighbours outside its new community may now gain
                if not queued[other] and community[other] != best:
                    queued[other] = True
                    queue.append(other)
    return community if moved else None
