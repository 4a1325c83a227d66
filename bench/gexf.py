"""GEXF export time and peak memory next to networkx.write_gexf on the same graph, in the same run.

A synthetic store (about 100k nodes and 300k edges at ``--scale 1``) is written once; each side then runs in
its own subprocess so peaks do not mix: ours exports from the store; networkx is handed the same nodes and
edges (read from the same graph view; building its graph is not timed) as an nx.MultiDiGraph with their dates
and spells, and its write_gexf is timed, alone and after computing the figures ours writes (PageRank and
Louvain communities, like kg.export.figures: the same file content needs them). Peak memory is the process's
max RSS and tracemalloc's peak of Python allocations (from a run of its own: tracing slows Python code).
Ours is also run on a store of half the scale, to show how its peak grows with the graph. ``--repeat`` runs
each writer that many times and keeps its fastest run (the machine may be shared); ``--stores`` keeps the
stores in a folder and reuses them on the next run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.synthetic import build_store

ROOT = Path(__file__).resolve().parents[1]


def _ours(store_path: Path, out: Path, traced: bool) -> dict[str, float]:
    from kg.export import write_export
    from kg.export.figures import Topology
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(store_path, read_only=True)
    figures_seconds = []
    compute = Topology.figures

    def timed(topology: Topology) -> object:
        start = time.perf_counter()
        try:
            return compute(topology)
        finally:
            figures_seconds.append(time.perf_counter() - start)

    Topology.figures = timed  # type: ignore[method-assign]  # to report the figures' share of the time
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    with out.open("wb") as sink:
        write_export(store, "gexf", sink)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    return {"seconds": seconds, "figures_seconds": sum(figures_seconds), "traced_peak_mb": peak}


def _networkx(store_path: Path, out: Path, traced: bool) -> dict[str, float]:
    import networkx as nx

    from kg.export.figures import LOUVAIN_SEED
    from kg.export.graphview import edges, nodes
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(store_path, read_only=True)
    if traced:
        tracemalloc.start()
    graph = nx.MultiDiGraph()
    for n in nodes(store):
        dates = {"start": n.first, "end": n.last} if n.first else {}
        graph.add_node(n.id, label=n.label, type=n.type, kind=n.kind, mentions=n.mentions, **dates)
    for e in edges(store):
        spells = [(d, d) for d in e.dates] or ([(e.first, e.last)] if e.first else [])
        graph.add_edge(e.source, e.target, relation=e.relation, role=e.role or "", weight=e.weight, spells=spells)
    store.close()
    start = time.perf_counter()
    simple = nx.DiGraph(graph)
    pagerank = nx.pagerank(simple, weight="weight")
    communities = nx.community.louvain_communities(simple.to_undirected(), weight="weight", seed=LOUVAIN_SEED)
    for number, members in enumerate(communities):
        for node in members:
            graph.nodes[node].update(pagerank=pagerank[node], community=number, degree=graph.degree(node))
    figures = time.perf_counter() - start
    start = time.perf_counter()
    nx.write_gexf(graph, out, version="1.2draft")
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    return {"seconds": figures + seconds, "write_seconds": seconds, "figures_seconds": figures, "traced_peak_mb": peak}


def _peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM, where Linux has it: ru_maxrss keeps the parent's peak across fork and exec, so a child started after
    the parent built a large store would report the parent's memory.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(which: str, store_path: Path, out: Path, traced: bool) -> None:
    figures = (_ours if which == "ours" else _networkx)(store_path, out, traced)
    figures["max_rss_mb"] = _peak_rss_mb()
    figures["bytes"] = out.stat().st_size
    print(json.dumps(figures))


def _run_child(which: str, store_path: Path, out: Path, repeat: int) -> dict[str, float]:
    """The figures of the fastest of ``repeat`` runs, each in a fresh process, and the traced peak of one more.

    Timed runs do not trace allocations: tracemalloc slows Python code (networkx's) many times over.
    """
    cmd = [sys.executable, "-m", "bench.gexf", "--child", which, "--store", str(store_path), "--out", str(out)]

    def run(*flags: str) -> dict[str, float]:
        done = subprocess.run([*cmd, *flags], cwd=ROOT, capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    fastest = min((run() for _ in range(repeat)), key=lambda figures: figures["seconds"])
    return {**fastest, "traced_peak_mb": run("--traced")["traced_peak_mb"]}


def main() -> None:
    """Build the graph once, run both writers in subprocesses and print their figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the ~100k-node / 300k-edge graph")
    parser.add_argument("--repeat", type=int, default=1, help="run each writer this many times, keep the fastest")
    parser.add_argument("--stores", type=Path, help="keep the stores in this folder and reuse them when there")
    parser.add_argument("--child", choices=["ours", "networkx"], help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.store, args.out, args.traced)
        return
    with tempfile.TemporaryDirectory() as tmp:
        figures, sizes = {}, {}
        for label, scale in (("half", args.scale / 2), ("full", args.scale)):
            # 10k articles with ~30 edge facts each over a pool of ~80k people (+ orgs, products) ~ 100k nodes.
            count, pool = max(10, int(10_000 * scale)), max(10, int(64_000 * scale))
            store_path = (args.stores or Path(tmp)) / f"store-{count}-{pool}"
            if not (store_path / "CURRENT").exists():
                start = time.perf_counter()
                quads = build_store(store_path, count, pool=pool, facts_per_doc=16)
                print(f"{label} store: {quads:,} quads from {count:,} articles in {time.perf_counter() - start:.1f} s")
            figures[label] = _run_child("ours", store_path, Path(tmp) / f"ours-{label}.gexf", args.repeat)
        theirs = _run_child("networkx", store_path, Path(tmp) / "networkx.gexf", args.repeat)
        ours = figures["full"]
        for label in ("half", "full"):
            text = (Path(tmp) / f"ours-{label}.gexf").read_bytes()
            sizes[label] = (text.count(b"<node "), text.count(b"<edge "))
        print(f"graph: {sizes['full'][0]:,} nodes, {sizes['full'][1]:,} edges")
        print(f"{'writer':<26} {'seconds':>8} {'max RSS MB':>11} {'traced peak MB':>15} {'file MB':>8}")
        rows = [
            (f"kg export gexf (half: {sizes['half'][0] // 1000}k nodes)", figures["half"]),
            ("kg export gexf", ours),
            ("networkx figures+write", theirs),
            ("networkx.write_gexf", {**theirs, "seconds": theirs["write_seconds"]}),
        ]
        for name, fig in rows:
            print(
                f"{name:<26} {fig['seconds']:>8.1f} {fig['max_rss_mb']:>11.0f} {fig['traced_peak_mb']:>15.1f}"
                f" {fig['bytes'] / 2**20:>8.1f}"
            )
        print(f"speed-up over networkx.write_gexf alone: {theirs['write_seconds'] / ours['seconds']:.2f}x")
        print(f"speed-up over networkx figures + write_gexf: {theirs['seconds'] / ours['seconds']:.2f}x")
        print(
            f"figures (PageRank, Louvain): ours {ours['figures_seconds']:.1f} s of {ours['seconds']:.1f} s,"
            f" networkx's {theirs['figures_seconds']:.1f} s"
        )
        print(
            f"our peak, half -> full scale: RSS {figures['half']['max_rss_mb']:.0f} -> {ours['max_rss_mb']:.0f} MB,"
            f" traced {figures['half']['traced_peak_mb']:.1f} -> {ours['traced_peak_mb']:.1f} MB"
        )
        print("(networkx's memory includes the nx graph it needs in memory)")


if __name__ == "__main__":
    main()
