"""GEXF export time and peak memory next to networkx.write_gexf on the same graph, in the same run.

A synthetic store (about 100k nodes and 300k edges at ``--scale 1``) is written once; each side then runs in
its own subprocess so peaks do not mix: ours exports from the store; networkx is handed the same nodes and
edges (read from the same graph view; building its graph is not timed) as an nx.MultiDiGraph with their dates
and spells, and its write_gexf is timed, alone and after computing the figures ours writes (PageRank and
Louvain communities, like kg.export.figures: the same file content needs them). Peak memory is the process's
max RSS and tracemalloc's peak of Python allocations (from a run of its own: tracing slows Python code).
Ours is also run on a store of half the scale, to show how its peak grows with the graph, and without PageRank
and communities (their attributes written as 0), the baseline that issue 12 compares the full export with (at
most 1.5x). ``--repeat`` runs each writer that many times and keeps its fastest run (the machine may be shared);
CPU seconds are printed beside wall seconds, as other work on a shared machine inflates only the latter.
``--stores`` keeps the stores in a folder and reuses them on the next run; ``--skip-networkx`` leaves networkx
out (its figures take minutes at full scale).
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

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script (make bench): the repository root holds the bench package
    sys.path.insert(0, str(ROOT))

from bench.synthetic import build_store  # noqa: E402


def _without_pagerank_and_communities(topology: object) -> dict[bytes, object]:
    """Topology.figures less PageRank and communities (written as 0): the export before issue 12 added them."""
    from kg.export.figures import Figures

    degree: dict[int, int] = {}
    for node in (*topology.sources, *topology.targets):  # type: ignore[attr-defined]
        degree[node] = degree.get(node, 0) + 1
    received, first, last = topology.received, topology.first, topology.last  # type: ignore[attr-defined]
    return {
        node: Figures(degree.get(n, 0), received.get(n, 0), 0.0, 0, first.get(n, b""), last.get(n, b""))
        for node, n in topology.numbers.items()  # type: ignore[attr-defined]
    }


def _ours(store_path: Path, out: Path, traced: bool, figures: bool = True) -> dict[str, float]:
    from kg.export import write_export
    from kg.export.figures import Topology
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(store_path, read_only=True)
    figures_seconds = []
    compute = Topology.figures if figures else _without_pagerank_and_communities

    def timed(topology: Topology) -> object:
        start = time.perf_counter()
        try:
            return compute(topology)
        finally:
            figures_seconds.append(time.perf_counter() - start)

    Topology.figures = timed  # type: ignore[method-assign]  # to report the figures' share of the time
    if traced:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    with out.open("wb") as sink:
        write_export(store, "gexf", sink)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    return {"seconds": seconds, "cpu_seconds": cpu, "figures_seconds": sum(figures_seconds), "traced_peak_mb": peak}


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
    start, cpu = time.perf_counter(), time.process_time()
    simple = nx.DiGraph(graph)
    pagerank = nx.pagerank(simple, weight="weight")
    communities = nx.community.louvain_communities(simple.to_undirected(), weight="weight", seed=LOUVAIN_SEED)
    for number, members in enumerate(communities):
        for node in members:
            graph.nodes[node].update(pagerank=pagerank[node], community=number, degree=graph.degree(node))
    figures = time.perf_counter() - start
    start = time.perf_counter()
    nx.write_gexf(graph, out, version="1.2draft")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    return {"seconds": figures + seconds, "cpu_seconds": cpu, "write_seconds": seconds, "figures_seconds": figures,
            "traced_peak_mb": peak}


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
    if which == "networkx":
        figures = _networkx(store_path, out, traced)
    else:
        figures = _ours(store_path, out, traced, figures=which == "ours")
    figures["max_rss_mb"] = _peak_rss_mb()
    figures["bytes"] = out.stat().st_size
    print(json.dumps(figures))


def _run_once(which: str, store_path: Path, out: Path, *flags: str) -> dict[str, float]:
    """The figures of one writer's run in a fresh process."""
    cmd = [sys.executable, "-m", "bench.gexf", "--child", which, "--store", str(store_path), "--out", str(out)]
    done = subprocess.run([*cmd, *flags], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run_children(whiches: list[str], store_path: Path, out: Path, repeat: int) -> list[dict[str, float]]:
    """Per writer, the figures of the fastest of ``repeat`` runs, each in a fresh process, the writers taking
    turns (so that a busy spell of a shared machine falls on both), and the traced peak of one more run.

    Timed runs do not trace allocations: tracemalloc slows Python code (networkx's) many times over.
    """
    runs: dict[str, list[dict[str, float]]] = {which: [] for which in whiches}
    for _ in range(repeat):
        for which in whiches:
            runs[which].append(_run_once(which, store_path, out.with_suffix(f".{which}.gexf")))
    fastest = [min(runs[which], key=lambda figures: figures["seconds"]) for which in whiches]
    for which, figures in zip(whiches, fastest, strict=True):
        figures["traced_peak_mb"] = _run_once(which, store_path, out.with_suffix(f".{which}.gexf"), "--traced")[
            "traced_peak_mb"
        ]
    return fastest


def main() -> None:
    """Build the graph once, run both writers in subprocesses and print their figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the ~100k-node / 300k-edge graph")
    parser.add_argument("--repeat", type=int, default=1, help="run each writer this many times, keep the fastest")
    parser.add_argument("--stores", type=Path, help="keep the stores in this folder and reuse them when there")
    parser.add_argument("--skip-networkx", action="store_true", help="leave networkx's writer out")
    parser.add_argument("--child", choices=["ours", "ours-plain", "networkx"], help=argparse.SUPPRESS)
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
            writers = ["ours"] if label == "half" else ["ours", "ours-plain"]
            runs = _run_children(writers, store_path, Path(tmp) / label, args.repeat)
            figures[label] = runs[0]
        plain = runs[1]
        theirs = None
        if not args.skip_networkx:
            [theirs] = _run_children(["networkx"], store_path, Path(tmp) / "full", args.repeat)
        for label in ("half", "full"):
            text = (Path(tmp) / f"{label}.ours.gexf").read_bytes()
            sizes[label] = (text.count(b"<node "), text.count(b"<edge "))
        print(f"graph: {sizes['full'][0]:,} nodes, {sizes['full'][1]:,} edges")
        _report(figures, plain, theirs)


def _report(figures: dict[str, dict[str, float]], plain: dict[str, float], theirs: dict[str, float] | None) -> None:
    """Print the table of every writer's figures and the ratios between them."""
    ours = figures["full"]
    print(f"{'writer':<36} {'seconds':>8} {'CPU s':>7} {'max RSS MB':>11} {'traced peak MB':>15} {'file MB':>8}")
    rows = [("kg export gexf (half scale)", figures["half"]), ("kg export gexf", ours),
            ("kg export gexf, no PageRank/Louvain", plain)]
    if theirs is not None:
        alone = {**theirs, "seconds": theirs["write_seconds"]}
        rows += [("networkx figures+write", theirs), ("networkx.write_gexf", alone)]
    for name, fig in rows:
        print(
            f"{name:<36} {fig['seconds']:>8.1f} {fig['cpu_seconds']:>7.1f} {fig['max_rss_mb']:>11.0f}"
            f" {fig['traced_peak_mb']:>15.1f} {fig['bytes'] / 2**20:>8.1f}"
        )
    print(
        f"with PageRank and Louvain / without: {ours['seconds'] / plain['seconds']:.2f}x wall,"
        f" {ours['cpu_seconds'] / plain['cpu_seconds']:.2f}x CPU (issue 12: at most 1.5x);"
        f" figures {ours['figures_seconds']:.1f} s of {ours['seconds']:.1f} s"
    )
    if theirs is not None:
        print(f"speed-up over networkx.write_gexf alone: {theirs['write_seconds'] / ours['seconds']:.2f}x")
        print(f"speed-up over networkx figures + write_gexf: {theirs['seconds'] / ours['seconds']:.2f}x")
        print(f"networkx's figures (PageRank, Louvain): {theirs['figures_seconds']:.1f} s")
        print("(networkx's memory includes the nx graph it needs in memory)")
    print(
        f"our peak, half -> full scale: RSS {figures['half']['max_rss_mb']:.0f} -> {ours['max_rss_mb']:.0f} MB,"
        f" traced {figures['half']['traced_peak_mb']:.1f} -> {ours['traced_peak_mb']:.1f} MB"
    )


if __name__ == "__main__":
    main()
