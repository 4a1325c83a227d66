"""Loading speed: documents/s of `kg load`'s pipeline at each worker count, in one run, next to pyoxigraph's bulk load.

Each load runs in a fresh process (as ``kg load`` does: no extraction state inherited from an earlier load) into a
fresh store, on the same documents, and reports its documents per second over the whole load and "steady" (from
the first extracted document to the last: without start-up, the extraction stack's warm-up and the resolution
refresh, which a larger batch amortises), and where the CPU went: the loading process (reading, writing,
resolution) and its worker processes (extraction). Worker counts alternate within each repetition, so a
change in the machine's load hits every count alike; the load average before and after is printed, since on a
shared machine the ratio of 2 workers to 1 only means something next to it.

The baseline loads exactly the quads our pipeline wrote with ``Store.bulk_extend`` (no extraction, no
transactions), so the ratio shows what extraction and transactional writes cost.

    .venv/bin/python -m bench.load --docs 500 --workers 1 2 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def make_corpus(folder: Path, count: int) -> None:
    """Write ``count`` distinct articles made from the seed and dev articles."""
    sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "dev" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(count):
        (folder / f"doc{i:05}.txt").write_text(f"Report {i}.\n{texts[i % len(texts)]}", encoding="utf-8")


def load_once(store_path: Path, corpus: Path, workers: int) -> dict[str, float]:
    """Load the corpus into a new store in this process: wall seconds, documents, CPU of this process and workers."""
    store = OxigraphStore(store_path)
    arrivals: list[float] = []

    def clock(items: Iterator, total: int) -> Iterator:
        for item in items:
            arrivals.append(time.perf_counter())
            yield item

    started, cpu = time.perf_counter(), time.process_time()
    report = load_paths(store, [corpus], Settings(), workers=workers, progress=clock)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, joined when the load ended
    # Documents per second once the pipeline runs: from the first extracted document to the last (start-up,
    # the warm-up of the extraction stack and the final resolution refresh are outside it).
    steady = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) if len(arrivals) > 1 else 0.0
    return {
        "seconds": seconds,
        "docs": len(report.loaded),
        "steady": steady,
        "loader_cpu": cpu,
        "workers_cpu": children.ru_utime + children.ru_stime,
    }


def _load_in_child(store_path: Path, corpus: Path, workers: int) -> dict[str, float]:
    """:func:`load_once` in a fresh Python process."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.load", "--child", str(store_path), str(corpus), str(workers)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def _bulk_rate(store_path: Path, work: Path) -> tuple[int, float]:
    """The quads of a loaded store, and pyoxigraph's bulk-load rate of exactly those quads (triples/s)."""
    store = OxigraphStore(store_path)
    quads = list(store.quads())
    store.close()
    raw = ox.Store(str(work / "raw"))
    started = time.perf_counter()
    raw.bulk_extend(quads)
    raw.flush()
    return len(quads), len(quads) / (time.perf_counter() - started)


def _load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the document count")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    parser.add_argument("--repeat", type=int, default=1, help="loads per worker count")
    parser.add_argument("--child", nargs=3, metavar=("STORE", "CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(load_once(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))))
        return
    count = max(5, int(args.docs * args.scale))
    work = Path(tempfile.mkdtemp(prefix="kg-bench-load-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        make_corpus(corpus, count)
        words = sum(len(p.read_text().split()) for p in corpus.glob("*.txt"))
        print(f"documents: {count} ({words} words); {os.cpu_count()} cores; load average {_load_average()}")
        rates: dict[int, list[float]] = {w: [] for w in args.workers}
        steady: dict[int, list[float]] = {w: [] for w in args.workers}
        for run in range(args.repeat):
            for workers in args.workers:
                store_path = work / f"store-{run}-{workers}"
                got = _load_in_child(store_path, corpus, workers)
                rates[workers].append(got["docs"] / got["seconds"])
                steady[workers].append(got["steady"])
                print(
                    f"  run {run + 1}, {workers} worker(s): {rates[workers][-1]:6.1f} docs/s, steady "
                    f"{got['steady']:6.1f} ({got['seconds']:.2f} s; CPU: loader {got['loader_cpu']:.2f} s, "
                    f"workers {got['workers_cpu']:.2f} s)  load average {_load_average()}",
                    flush=True,
                )
                if (run, workers) != (0, args.workers[0]):
                    shutil.rmtree(store_path)
        quads, bulk = _bulk_rate(work / f"store-0-{args.workers[0]}", work)
        first, first_steady = statistics.median(rates[args.workers[0]]), statistics.median(steady[args.workers[0]])
        for workers, found in rates.items():
            median, median_steady = statistics.median(found), statistics.median(steady[workers])
            print(
                f"kg load, {workers} worker(s): {median:7.1f} docs/s {median * quads / count:10.0f} triples/s "
                f"(median of {len(found)}), {median / first:.2f}x of {args.workers[0]}; "
                f"steady {median_steady:7.1f} docs/s, {median_steady / first_steady:.2f}x"
            )
        print(f"pyoxigraph bulk  : {bulk:10.0f} triples/s (the same {quads} quads)")
        print(f"load average after: {_load_average()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
