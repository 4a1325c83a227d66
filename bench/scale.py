"""The service as the store grows: 10k and 100k articles on one machine, one table with the growth factor.

For each size the script builds a synthetic store of that many articles (bench/synthetic.py, actors drawn from
a pool that grows with the store, as real coverage does), refreshes entity resolution on it, then measures:

- **store**: quads, size on disk, and the time entity resolution takes over the whole store;
- **serve**: ``kg serve`` started on the store, the seconds until its first answer (``GET /entities?limit=1``)
  and until its first answer that needs the whole read side (``GET /criticisms?limit=1``),
  whether it holds the in-memory query replica (KG_QUERY_REPLICA_MAX_QUADS decides), and its RSS after the run;
  then the same two times for a second start, which reads the read side the first one kept;
- **REST**: p50/p99 of bench/rest.py's lookups at ``--clients`` concurrent clients;
- **SPARQL**: the median time of each of bench/sparql.py's analyst queries through ``/sparql`` (``inf`` for a query
  the server refused, with its answer printed: past its time limit, ``KG_SPARQL_TIMEOUT_S``, or its memory limit);
- **load**: ``kg load`` of ``--load-docs`` real-text articles (bench/load.py's corpus: seed and dev articles,
  each made distinct) into a copy of the store as the server left it (its read side and resolution index kept, as
  a store in use has them; with ``--no-serve`` nothing is kept and each load builds both), with ``--workers 1``
  and ``--workers 2`` alternating ``--load-repeat`` times (new articles each time, so every load really extracts
  and writes), as the median documents per second (start-up and the resolution refresh included) and the
  loader's peak RSS; each load prints the machine's load average, since on a shared machine the ratio means
  little without it;
- **read side**: in a fresh process that opens the store as ``kg serve`` does, each part of the REST read side
  (kg/queries/snapshot.py) built in turn: its seconds, how much the process's RSS grew, and how much Python memory
  it holds once built (tracemalloc, in a second fresh process, since tracing slows the build down).

Goals at 100k (issue 15): REST p99 <= 50 ms at 32 clients, analyst queries <= 1 s, serving RSS <= 8 GB, first
answer <= 30 s, 2 load workers >= 1.8x of one.

    .venv/bin/python -m bench.scale --sizes 1000            # a quick run, a few minutes
    .venv/bin/python -m bench.scale                         # 10k and 100k: hours, ~20 GB of disk
    .venv/bin/python -m bench.scale --keep /data/scale      # the stores kept: a second run skips their build
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Run as a file, Python puts bench/ first on the path, where bench/neo4j.py would shadow the driver.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.load import make_corpus  # noqa: E402
from bench.rest import lookup_workloads, measure_endpoint  # noqa: E402
from bench.sparql import QUERIES  # noqa: E402
from bench.synthetic import build_store  # noqa: E402

# The checkout's own kg (run from ROOT), not whatever the environment installed under that name.
KG = [sys.executable, "-m", "kg.cli"]


@dataclass
class Figures:
    """What was measured at one store size."""

    docs: int
    rows: dict[str, float] = field(default_factory=dict)

    def put(self, name: str, value: float) -> None:
        """Record one figure, and print it at once: a long run stopped midway keeps what it measured."""
        self.rows[name] = value
        print(f"   {name}: {value:,.3f}", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _run_measured(command: list[str]) -> tuple[float, float]:
    """Run a command; its wall seconds and peak RSS in MB (from the kernel's accounting of the child)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def _build(fig: Figures, path: Path) -> None:
    """Build the synthetic store at ``path`` and refresh resolution on it, unless a run with ``--keep`` did."""
    from kg.resolve import refresh_resolution
    from kg.store.oxigraph import OxigraphStore

    built = path.parent / "built.json"  # written last: a store without it was not finished
    if built.is_file():
        for name, value in json.loads(built.read_text()).items():
            fig.put(name, value)
        return
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    fig.put("store quads", build_store(path, fig.docs, pool=max(10, fig.docs * 5 // 2), facts_per_doc=10))
    fig.put("build s (bulk, setup)", time.perf_counter() - started)
    store = OxigraphStore(path)
    started = time.perf_counter()
    refresh_resolution(store)
    fig.put("resolution refresh s", time.perf_counter() - started)
    store.close()
    fig.put("disk MB", _disk_mb(path))
    built.write_text(json.dumps(fig.rows))


def _load(fig: Figures, path: Path, work: Path, count: int, repeat: int) -> None:
    corpus = work / "corpus"
    corpus.mkdir()
    settings = [1, 2] * repeat  # alternating, so a change in the machine's load hits both settings alike
    make_corpus(corpus, len(settings) * count)  # each load gets documents the store has not seen
    texts = sorted(corpus.glob("*.txt"))
    rates: dict[int, list[float]] = {1: [], 2: []}
    for i, workers in enumerate(settings):
        folder, copy = work / f"batch{i}", work / f"store{i}"
        folder.mkdir()
        for text in texts[i * count : (i + 1) * count]:
            text.rename(folder / text.name)
        shutil.copytree(path, copy)  # every load starts from the same store (a resolution refresh grows with it)
        load_before = os.getloadavg()[0]
        seconds, rss = _run_measured([*KG, "load", "--quiet", "--store", str(copy), "--workers", str(workers),
                                      str(folder)])  # fmt: skip
        print(f"   kg load --workers {workers}: {count / seconds:.1f} docs/s, load average "
              f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after", flush=True)  # fmt: skip
        rates[workers].append(count / seconds)
        name = f"{workers} worker{'s' if workers > 1 else ''}"
        fig.put(f"load peak RSS MB, {name}", max(rss, fig.rows.get(f"load peak RSS MB, {name}", 0.0)))
        shutil.rmtree(copy)
    for workers, found in rates.items():
        fig.put(f"load docs/s, {workers} worker{'s' if workers > 1 else ''}", statistics.median(found))
    fig.put("load 2 workers / 1", fig.rows["load docs/s, 2 workers"] / fig.rows["load docs/s, 1 worker"])


def _rss_mb(pid: int, field_name: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _serve(fig: Figures, path: Path, args: argparse.Namespace) -> None:
    port = _free_port()
    env = {**os.environ, "KG_REST_CACHE_ENTRIES": "0"}  # every request does the work
    started = time.perf_counter()
    proc = subprocess.Popen([*KG, "serve", "--store", str(path), "--port", str(port)], cwd=ROOT, env=env,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                errors = proc.stderr.read() if proc.stderr else ""
                raise RuntimeError(f"kg serve exited with {proc.returncode}: {errors}")
            try:
                if httpx.get(f"{base}/entities", params={"limit": 1}, timeout=600).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        fig.put("first answer s", time.perf_counter() - started)
        fig.put("serve RSS MB at start", _rss_mb(proc.pid, "VmRSS"))
        # A criticism listing renders fact models: the first one waits for the whole read side (built after the
        # first answer, in a background thread).
        httpx.get(f"{base}/criticisms", params={"limit": 1}, timeout=3600).raise_for_status()
        fig.put("whole read side s", time.perf_counter() - started)
        for name, paths in lookup_workloads(base, args.requests).items():
            _, p50, p99 = measure_endpoint(name, proc.pid, base, paths, args)
            fig.put(f"REST p50 ms {name}", p50)
            fig.put(f"REST p99 ms {name}", p99)
        _sparql(fig, base)
        fig.put("serve RSS MB after", _rss_mb(proc.pid, "VmRSS"))
        fig.put("serve peak RSS MB", _rss_mb(proc.pid, "VmHWM"))
    finally:
        proc.terminate()
        _, errors = proc.communicate(timeout=60)
    fig.put("query replica (1 on, 0 off)", 0.0 if "KG_QUERY_REPLICA_MAX_QUADS" in errors else 1.0)
    _restart(fig, path, env)


def _restart(fig: Figures, path: Path, env: dict[str, str]) -> None:
    """``kg serve`` started again: it reads the read side the first one kept (kg/queries/persist.py)."""
    port = _free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([*KG, "serve", "--store", str(path), "--port", str(port)], cwd=ROOT, env=env,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kg serve exited with {proc.returncode}")
            try:
                if httpx.get(f"{base}/entities", params={"limit": 1}, timeout=600).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        fig.put("first answer s, read side kept", time.perf_counter() - started)
        httpx.get(f"{base}/criticisms", params={"limit": 1}, timeout=3600).raise_for_status()
        fig.put("whole read side s, read side kept", time.perf_counter() - started)
    finally:
        proc.terminate()
        proc.wait(timeout=600)


def _sparql(fig: Figures, base: str) -> None:
    with httpx.Client(base_url=base, timeout=600) as client:
        for name, query in QUERIES.items():
            times = []
            for _ in range(4):  # the first warms the caches; the median of the other three
                started = time.perf_counter()
                headers = {"content-type": "application/sparql-query", "accept": "application/sparql-results+json"}
                response = client.post("/sparql", content=query, headers=headers)
                if response.status_code in (400, 413, 503):  # refused: past the server's time or memory limit
                    print(f"   SPARQL {name}: {response.status_code} {response.text[:300]}", flush=True)
                    times = [math.inf] * 4
                    break
                response.raise_for_status()
                times.append(time.perf_counter() - started)
            fig.put(f"SPARQL median ms {name}", statistics.median(times[1:]) * 1000)


def _read_side(fig: Figures, path: Path) -> None:
    """Each read-side part's build seconds, RSS growth and held memory, from two fresh processes."""
    for traced in (False, True):
        command = [sys.executable, "-m", "bench.scale", "--read-side-of", str(path), *(["--traced"] * traced)]
        found = json.loads(subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout)
        for part, (seconds, rss, held) in found.items():
            if traced:
                fig.put(f"read side held MB, {part}", held)
            else:
                fig.put(f"read side build s, {part}", seconds)
                fig.put(f"read side RSS MB, {part}", rss)


def measure_read_side(path: Path, traced: bool) -> dict[str, tuple[float, float, float]]:
    """Build the read side of the store at ``path`` part by part: seconds, RSS growth MB, held MB of each."""
    import tracemalloc

    from kg.queries.snapshot import Pinned, Snapshot, _parts
    from kg.resolution_index import current_index
    from kg.settings import Settings
    from kg.store import open_store

    if traced:
        tracemalloc.start()
    collecting = gc.isenabled()
    store = None
    try:
        found = {}
        rss, held, started = _rss_mb(os.getpid(), "VmRSS"), tracemalloc.get_traced_memory()[0], time.perf_counter()
        store = open_store(Settings(store=path), serve=True)  # as kg serve opens it: with the resolution index
        store.query("ASK { ?s ?p ?o }")  # the query replica is built on first use
        current_index(store)  # kg serve builds it in a background thread: waited for, so the parts run alone
        found["(open, replica, resolution index)"] = (time.perf_counter() - started,
                                                      _rss_mb(os.getpid(), "VmRSS") - rss,
                                                      (tracemalloc.get_traced_memory()[0] - held) / 2**20)  # fmt: skip
        snapshot = Snapshot(store.generation)
        view = Pinned(store, snapshot)
        gc.disable()  # as snapshot._build does
        for part in _parts():
            rss, held, started = _rss_mb(os.getpid(), "VmRSS"), tracemalloc.get_traced_memory()[0], time.perf_counter()
            snapshot.parts[part.name] = part.build(view)
            seconds = time.perf_counter() - started
            found[part.name] = (seconds, _rss_mb(os.getpid(), "VmRSS") - rss,
                                (tracemalloc.get_traced_memory()[0] - held) / 2**20)  # fmt: skip
    finally:  # a caller in the same process (a test) gets its collector back, untraced, and the store closed
        if collecting:
            gc.enable()
        tracemalloc.stop()
        if store is not None:
            store.close()
    total = [sum(f[i] for name, f in found.items() if not name.startswith("(")) for i in range(3)]
    found["read side total"] = (total[0], total[1], total[2])
    return found


def _clean(work: Path, keep_store: bool) -> None:
    """Remove what a run left in ``work``: all of it, or all but the built store (``--keep``)."""
    if not keep_store:
        shutil.rmtree(work, ignore_errors=True)
        return
    for entry in work.iterdir():
        if entry.name in ("store", "built.json"):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink()


def _table(figures: list[Figures]) -> None:
    head = f"{'':<44}" + "".join(f"{f'{f.docs:,} docs':>14}" for f in figures)
    growth = len(figures) > 1
    print("\n" + head + (f"{'growth':>10}" if growth else ""))
    for name in figures[0].rows:
        values = [f.rows.get(name, float("nan")) for f in figures]
        cells = "".join(f"{v:>14,.1f}" if abs(v) >= 10 else f"{v:>14.3f}" for v in values)
        factor = f"{values[-1] / values[0]:>9.2f}x" if growth and values[0] else ""
        print(f"{name:<44}{cells}{factor}")


def main() -> None:
    """Build, load, serve and measure at each size; print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="articles per store")
    parser.add_argument("--load-docs", type=int, default=300, help="articles kg load adds per worker setting")
    parser.add_argument("--load-repeat", type=int, default=2, help="loads per worker setting (the median is shown)")
    parser.add_argument("--no-serve", action="store_true", help="build and load only (no kg serve, REST, SPARQL)")
    parser.add_argument("--read-side", action="store_true", help="measure the REST read side's parts too")
    parser.add_argument("--read-side-of", type=Path, help=argparse.SUPPRESS)  # the child of --read-side
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=2000, help="requests per REST lookup at most")
    parser.add_argument("--seconds", type=float, default=10, help="time per REST lookup at most")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the sizes and --load-docs")
    parser.add_argument("--keep", type=Path, help="build each store in DIR/SIZE and keep it; a later run reuses it")
    args = parser.parse_args()
    # make bench passes --scale 0.2 to every bench script: smaller stores and loads, the same measurements
    args.sizes = [max(1, round(n * args.scale)) for n in args.sizes]
    args.load_docs = max(1, round(args.load_docs * args.scale))
    if args.read_side_of:
        print(json.dumps(measure_read_side(args.read_side_of, args.traced)))
        return
    figures = []
    for docs in args.sizes:
        work = args.keep / str(docs) if args.keep else Path(tempfile.mkdtemp(prefix=f"kg-bench-scale-{docs}-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            fig = Figures(docs)
            print(f"== {docs:,} articles", flush=True)
            _build(fig, work / "store")
            if not args.no_serve:  # first: the server keeps its read side and index, as a store in use has them
                _serve(fig, work / "store", args)
            _load(fig, work / "store", work, args.load_docs, args.load_repeat)
            if args.read_side:
                _read_side(fig, work / "store")
            figures.append(fig)
        finally:
            _clean(work, keep_store=args.keep is not None)
        _table(figures)


if __name__ == "__main__":
    main()
