"""Latency of the REST lookups under 32 concurrent clients, against a do-nothing FastAPI baseline.

A synthetic graph of about 1M triples (``--scale`` multiplies it; bench/synthetic.py) plus some owl:sameAs
links is written to disk and served by the real app under uvicorn in a subprocess, the store opened as
``kg serve`` opens it (with its in-memory query replica unless KG_QUERY_REPLICA=0); another subprocess serves
a FastAPI app whose one route does nothing, with the same uvicorn settings (one worker, default loop, no access
log) and, like ours, a sync route run in the thread pool. Each is driven over loopback by ``--clients``
concurrent keep-alive connections for a bounded number of requests (and time) per endpoint; the script prints
throughput and p50/p99 latency for each, and the ratio to the baseline.

The real app is measured twice: uncached (``rest_cache_entries=0``: every request does the work, over the
per-generation indexes, which the warm-up builds) and with the response cache. The lookups are drawn at random
from entities all over the catalogue and from random pages, so repeats (cache hits) come only from the mix
itself: the cached figures are for this mix, not a best case.

With ``--write-feed`` each endpoint is measured read-only and while a feed writes (one POST /documents per second
of a fresh synthetic article, extracted by the server, and a DELETE of an earlier one every other second), on the
same server, in alternated segments: ``--rounds`` rounds of one segment of each kind, ordered AB BA AB ..., each
``--seconds / --rounds`` long, so that a change in what else the machine runs weighs on both kinds alike rather
than on whichever phase it fell in. The ratio printed is the median segment's throughput with the feed over the
median segment's without, with each round's own ratio beside it (their spread shows how far noise goes); p99 is
over all segments of a kind. Also printed: the feed's own latencies and rate (seconds paused left out), the
server's memory before and after, and a check of every entity page read during the feed: it must list only
documents that mention the entity and only facts the entity takes part in. Any 5xx or wrong answer is counted.
The server then prints its thread pools' figures (api/pools.py: calls, how long each waited to start, ran, and
its own CPU) and the wall time of each step of a write; each endpoint's line gives the server's CPU per request,
a figure that depends far less than throughput on what else runs on the machine. The server reads the
KG_* environment as ``kg serve`` does, so ``KG_REST_THREADS=4 python -m bench.rest ...`` tries another pool size.

    .venv/bin/python -m bench.rest                 # ~1M triples, about 2-3 minutes
    .venv/bin/python -m bench.rest --scale 0.1     # a quick run
    .venv/bin/python -m bench.rest --scale 0.1 --write-feed
    .venv/bin/python -m bench.rest --scale 0.5 --write-feed --only uncached    # one server, half the time
    .venv/bin/python -m bench.rest --write-feed --only uncached --requests 100000 --seconds 30   # 10 s segments
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx
from pydantic import SecretStr

if TYPE_CHECKING:
    from fastapi import FastAPI

    from bench.feed import Feed

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-write-token"
# Building the 1M-triple graph takes about 4 minutes on a busy 2-core machine: room for two at once.
_START_S = 900
# Run as a file, Python puts bench/ first on the path, where bench/neo4j.py would shadow the driver.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(kind: str, port: int, scale: float, cache: int, probe: bool = False) -> None:
    """Run in the server subprocess: build the graph (for the real app) and serve until killed."""
    import uvicorn
    from fastapi import FastAPI
    from pyoxigraph import Quad

    from kg import vocab

    if kind == "baseline":
        app = FastAPI()

        @app.get("/noop")
        def noop(q: str | None = None) -> dict[str, str]:
            return {}
    else:
        from api.app import create_app
        from bench.synthetic import build_store
        from kg.settings import Settings
        from kg.store import open_store

        started = time.monotonic()
        pool = max(10, int(8000 * scale))
        path = Path(tempfile.mkdtemp(prefix="kg-bench-rest-")) / "store"
        atexit.register(shutil.rmtree, path.parent, True)
        triples = build_store(path, max(10, int(3200 * scale)), pool=pool, facts_per_doc=10)
        settings = Settings(store=path, rest_cache_entries=cache, api_token=SecretStr(TOKEN))
        store = open_store(settings, serve=True)  # on disk, as `kg serve` opens it (with its query replica)
        # Resolution links: every tenth organisation's short alias node points to it.
        same = [
            Quad(
                vocab.resource(f"org-org-{n}-inc"),
                vocab.OWL_SAME_AS,
                vocab.resource(f"org-org-{n}"),
                vocab.RESOLUTION_GRAPH,
            )
            for n in range(0, pool // 4, 10)
        ]
        store.put_graph(vocab.RESOLUTION_GRAPH, same)
        print(f"graph: {triples:,} quads built in {time.monotonic() - started:.1f} s", flush=True)
        app = create_app(settings, store)

        def _cache_stats() -> None:
            cache = getattr(app.state, "rest_cache", None)
            if cache is not None:  # the REST response cache (api/cache.py), over the whole run, warm-ups included
                stats = f"{cache.hits:,} hits, {cache.misses:,} misses, {len(cache):,} entries"
                print(f"response cache: {stats}", flush=True)

        atexit.register(_cache_stats)

        _report_phases(app, _GilProbe() if probe else None)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so that atexit removes the temporary store
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _timed(owner: object, name: str, seconds: list[float]) -> None:
    """Replace ``owner.name`` (a callable looked up at each call) with one that appends each call's wall time."""
    call = getattr(owner, name)

    def timed(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)

    setattr(owner, name, timed)


class _GilProbe:
    """A thread that sleeps 1 ms at a time and records how late it wakes: a wake more than 5 ms late (Python's
    switch interval) means another thread held the GIL that long without letting go (a C call, a collection)."""

    STALL = 0.005

    def __init__(self) -> None:
        self.stalls: list[float] = []
        threading.Thread(target=self._run, daemon=True, name="gil-probe").start()

    def _run(self) -> None:
        while True:
            started = time.perf_counter()
            time.sleep(0.001)
            late = time.perf_counter() - started - 0.001
            if late > self.STALL:
                self.stalls.append(late)

    def summary(self) -> str:
        """The stalls since the last summary (then forgotten)."""
        stalls, self.stalls = self.stalls, []
        total, longest = sum(stalls) * 1000, max(stalls, default=0.0) * 1000
        return f"GIL stalls > 5 ms of a 1 ms sleeper: {len(stalls)}, {total:.0f} ms in all, max {longest:.0f} ms"


def _report_phases(app: FastAPI, probe: _GilProbe | None) -> None:
    """Have the server print, on each SIGUSR1 (the driver's end of a phase), what happened inside it in that phase:
    each thread pool's waits and run times (api/pools.py) and the wall time of a write's steps."""
    import loaders.pipeline

    store = app.state.store
    steps: dict[str, list[float]] = {  # each write's steps, in order (a DELETE has no extraction)
        "extraction (waiting on the worker process)": [],
        "stale mark (two fsyncs)": [],
        "document write": [],
        "document removal": [],
        "resolution refresh": [],
    }
    for (owner, name), seconds in zip(
        [(app.state.extractor, "build"), (store, "mark_resolution_stale"), (store, "put_graph"),
         (store, "remove_graph"), (loaders.pipeline, "refresh_resolution")],
        steps.values(),
        strict=True,
    ):  # fmt: skip
        _timed(owner, name, seconds)

    def report(*_: object) -> None:
        pools = getattr(app.state, "pools", None)  # None in an older app (comparing versions)
        if pools is not None:
            print("  thread pools (queued: submitted to running, GIL included; cpu: the call's own thread):")
            print("\n".join(f"    {line}" for line in pools.summary().splitlines()))
            for stats in pools.stats.values():
                stats.reset()
        for step, seconds in steps.items():
            if len(seconds) > 1:
                cuts = statistics.quantiles(seconds, n=100, method="inclusive")
                print(f"  {step}: {len(seconds)} calls, p50 {cuts[49] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms")
            seconds.clear()
        if probe is not None:
            print(f"  {probe.summary()}")
        print(end="", flush=True)

    signal.signal(signal.SIGUSR1, report)


def _start(kind: str, scale: float, cache: int = 0, probe: bool = False) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "bench.rest", "--serve", kind, "--port", str(port), "--scale", str(scale)]
    command += ["--cache", str(cache)] + (["--probe"] if probe else [])
    proc = subprocess.Popen(command, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + _START_S
    path = "/noop" if kind == "baseline" else "/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the {kind} server exited with {proc.returncode}")
        try:
            if httpx.get(base + path, timeout=60).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"the {kind} server did not start within {_START_S} s")


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str
) -> tuple[int, bytes]:
    """One keep-alive HTTP/1.1 GET on an open connection; the status code and the body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if b"chunked" in head.lower():
        raise RuntimeError("chunked responses are not supported by this load generator")
    return status, await reader.readexactly(length)


async def _drive(
    base: str, paths: list[str], clients: int, seconds: float, answers: list[tuple[int, bytes]] | None = None
) -> tuple[list[float], int]:
    """Send the paths with ``clients`` concurrent keep-alive connections; latencies in seconds, and non-200s.

    ``answers``, when given, receives the status and body of every answer (checked after the clock stops).

    A few lines of asyncio rather than httpx: httpx spends about a millisecond of CPU per request, on the
    same two cores as the server, which made the client the bottleneck and even a do-nothing route look slow.
    """
    latencies: list[float] = []
    failures = 0
    queue = iter(paths)
    stop = time.monotonic() + seconds
    url = httpx.URL(base)
    host = f"{url.host}:{url.port}"

    async def worker() -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection(url.host, url.port)
        try:
            for path in queue:
                if time.monotonic() > stop:
                    return
                t0 = time.perf_counter()
                status, body = await _get(reader, writer, host, path)
                latencies.append(time.perf_counter() - t0)
                failures += status != 200
                if answers is not None:
                    answers.append((status, body))
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, failures


def _report(
    name: str, latencies: list[float], failures: int, wall: float, cpu: float
) -> tuple[float, float, float]:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    rps, p50, p99 = len(latencies) / wall, cuts[49] * 1000, cuts[98] * 1000
    print(
        f"  {name:<42} {len(latencies):>6} req {rps:>8.0f} req/s   p50 {p50:>7.1f} ms   p99 {p99:>7.1f} ms"
        f"   server cpu {cpu * 1000 / len(latencies):>5.2f} ms/req{f'   {failures} non-200' if failures else ''}",
        flush=True,
    )
    return rps, p50, p99


def measure_endpoint(
    name: str,
    server: int,
    base: str,
    paths: list[str],
    args: argparse.Namespace,
    answers: list[tuple[int, bytes]] | None = None,
) -> tuple[float, float, float]:
    """Drive one endpoint with ``args.clients`` connections; print and return its throughput, p50 and p99.

    Also printed: the server process's CPU per request (``server`` is its pid; the feed's writes count in it while
    it runs), which depends far less than throughput on what else the machine is doing.
    """
    asyncio.run(_drive(base, paths[: args.clients * 4], args.clients, 5))  # warm up: connections, caches
    started, cpu = time.monotonic(), _cpu_s(server)
    latencies, failures = asyncio.run(_drive(base, paths, args.clients, args.seconds, answers))
    return _report(name, latencies, failures, time.monotonic() - started, _cpu_s(server) - cpu)


def main() -> None:
    """Run the benchmark (or, with --serve, be one of its servers)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="graph size: 1.0 is about 1M triples")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="requests per endpoint at most")
    parser.add_argument("--seconds", type=float, default=15, help="time per endpoint at most")
    parser.add_argument(
        "--write-feed", action="store_true", help="measure read-only and while a feed POSTs and DELETEs, alternated"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="with --write-feed: rounds of (read-only, with the feed) per endpoint"
    )
    parser.add_argument(
        "--only", choices=["uncached", "response cache"], help="measure the app one way only (half the time)"
    )
    parser.add_argument(
        "--write-cost",
        metavar="ARTICLES",
        help="instead: POST articles one at a time (a folder of .txt files, or 'synthetic' for 60 of the feed's) to "
        "an idle server and print the CPU each takes in the server process, where the readers run",
    )
    parser.add_argument("--serve", choices=["real", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve(args.serve, args.port, args.scale, args.cache, args.probe)
        return

    if args.write_cost:
        from bench.write_cost import write_cost  # it drives this module's servers

        write_cost(args.write_cost, args.scale)
        return
    print(f"{args.clients} clients, up to {args.requests} requests or {args.seconds:.0f} s per endpoint")
    runs: dict[str, dict[str, tuple[float, float, float]]] = {}
    fed: dict[str, dict[str, tuple[float, float, float]]] = {}
    workloads: dict[str, list[str]] = {}
    for label, cache in (("uncached", 0), ("response cache", 2048)):
        if args.only not in (None, label):
            continue
        proc, base = _start("real", args.scale, cache)
        try:
            workloads = workloads or lookup_workloads(base, args.requests)
            print(f"real app, {label}:", flush=True)
            if args.write_feed:
                runs[label], fed[label] = _measure_fed(proc.pid, base, workloads, args)
            else:
                runs[label] = {
                    name: measure_endpoint(name, proc.pid, base, paths, args) for name, paths in workloads.items()
                }
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    proc, base = _start("baseline", args.scale)
    try:
        noops = [f"/noop?q={i}" for i in range(args.requests)]
        noop = measure_endpoint("baseline GET /noop?q=", proc.pid, base, noops, args)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    for label, real in runs.items():
        print(f"ratio to the baseline, {label} (throughput / p99):")
        for name, (rps, _, p99) in real.items():
            print(f"  {name:<34} {rps / noop[0]:>6.2f}x throughput   {p99 / noop[2]:>6.2f}x p99")
    for label, real in fed.items():
        print(
            f"with the write feed / read-only, {label} (same server, phases alternated; target >= 0.80x throughput, "
            "p99 <= 100 ms): median of the rounds' throughput with the feed / median without (each round's ratio)"
        )
        for name, phases in real.items():
            ro_p99, p99 = runs[label][name][2], phases.pooled[2]
            rounds = " ".join(f"{r:.2f}" for r in phases.round_ratios)
            print(f"  {name:<34} {phases.ratio:>6.2f}x throughput ({rounds})   p99 {ro_p99:>7.1f} -> {p99:>7.1f} ms")


def lookup_workloads(base: str, requests: int) -> dict[str, list[str]]:
    """The request paths per endpoint: lookups of entities drawn from all over the catalogue, pages at random."""
    from kg.model import PREDICATES

    rng = random.Random(1)
    first = httpx.get(f"{base}/entities", params={"limit": 1000, "offset": 0}, timeout=600).json()
    sample = first["items"]
    for offset in rng.sample(range(1000, max(1001, first["total"]), 1000), min(4, max(0, first["total"] // 1000 - 1))):
        sample += httpx.get(f"{base}/entities", params={"limit": 1000, "offset": offset}, timeout=120).json()["items"]
    people = [e for e in sample if e["type"] == "Person"] or sample
    return {
        "GET /entities?q=": [f"/entities?q={quote(rng.choice(sample)['label'][-6:])}" for _ in range(requests)],
        "GET /criticisms?critic=": [
            f"/criticisms?critic={quote(rng.choice(people)['label'])}" for _ in range(requests)
        ],
        "GET /entities/{id}": [f"/entities/{quote(rng.choice(sample)['id'])}" for _ in range(requests)],
        # Relations of one predicate, paged: the whole grouping is an index per generation, only a page is read.
        "GET /relations?predicate=": [
            f"/relations?predicate={rng.choice(PREDICATES)}&offset={rng.randrange(1000)}" for _ in range(requests)
        ],
        # An unfiltered list, paged: every criticism matches, so this shows what paging and counting cost.
        "GET /criticisms?since=": [
            f"/criticisms?since=2025-{rng.randrange(1, 13):02}&offset={rng.randrange(1000)}" for _ in range(requests)
        ],
    }


def _pool_report(pid: int) -> None:
    """Have the server print its thread pools' figures since the last report (and start counting afresh)."""
    os.kill(pid, signal.SIGUSR1)
    time.sleep(0.5)  # the server prints from its main thread, between requests: let it, before our next line


@dataclass
class Segments:
    """One endpoint measured in segments of one kind (read-only, or with the feed): each one's throughput, all
    their latencies pooled."""

    rates: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    def add(self, latencies: list[float], failures: int, wall: float, cpu: float) -> None:
        """Count one segment."""
        self.rates.append(len(latencies) / wall)
        self.latencies += latencies
        self.failures += failures
        self.wall += wall
        self.cpu += cpu

    def report(self, name: str) -> tuple[float, float, float]:
        """Print the pooled line (as :func:`measure_endpoint` does); the pooled throughput, p50 and p99."""
        return _report(name, self.latencies, self.failures, self.wall, self.cpu)


@dataclass
class Alternated:
    """An endpoint with the feed against read-only, from alternated segments on one server."""

    pooled: tuple[float, float, float]
    """Throughput, p50 and p99 of every segment with the feed."""
    ratio: float
    """The median segment's throughput with the feed over the median without."""
    round_ratios: list[float]
    """Each round's ratio (its segment with the feed over its segment without)."""


def _measure_fed(
    pid: int, base: str, workloads: dict[str, list[str]], args: argparse.Namespace
) -> tuple[dict[str, tuple[float, float, float]], dict[str, Alternated]]:
    """Each endpoint read-only and while the feed writes, alternated; then the feed's figures, memory, 5xx and
    wrong answers.

    An endpoint's time is cut into ``args.rounds`` rounds of two segments, one read-only and one with the feed,
    in the order AB BA AB ..., so that a drift in what else the machine runs weighs on both kinds alike; its
    ratio is the median segment with the feed over the median without. Each segment reads its own share of the
    paths (none is read twice, so the response cache gains nothing from the segments before).
    """
    from bench.feed import Feed, check_entity_pages

    print(f"  read-only and with the write feed (1 POST/s, 1 DELETE every 2 s), alternated in {args.rounds} rounds:")
    feed = Feed(base, TOKEN)
    memory = _rss_mb(pid)
    feed.start()
    feed.pause()
    _pool_report(pid)  # before the phases: the warm-ups'
    answers: list[tuple[int, bytes]] = []
    read_only: dict[str, tuple[float, float, float]] = {}
    fed: dict[str, Alternated] = {}
    try:
        for name, paths in workloads.items():
            check = answers if name == "GET /entities/{id}" else None
            read_only[name], fed[name] = _alternate(name, pid, base, paths, args, feed, check)
    finally:
        feed.stop()
    _pool_report(pid)  # both kinds of segments together (only those with the feed wrote)
    helpers = sum(_rss_mb(child) for child in _descendants(pid))
    print(
        f"  feed: {feed.summary()}; server memory {memory:.0f} -> {_rss_mb(pid):.0f} MB"
        f" (its helper processes, such as the extraction worker: {helpers:.0f} MB)",
        flush=True,
    )
    check = check_entity_pages(answers, _graph_mentions(args.scale), feed)
    print(f"  entity pages read during the feed: {check.checked} checked, {check.wrong} wrong, {check.errors} 5xx")
    for problem in check.problems:
        print(f"    {problem}")
    return read_only, fed


def _alternate(
    name: str,
    pid: int,
    base: str,
    paths: list[str],
    args: argparse.Namespace,
    feed: Feed,
    answers: list[tuple[int, bytes]] | None,
) -> tuple[tuple[float, float, float], Alternated]:
    """One endpoint's rounds (see :func:`_measure_fed`); prints its read-only and fed lines."""
    asyncio.run(_drive(base, paths[: args.clients * 4], args.clients, 5))  # warm up: connections, caches
    seconds, shares = args.seconds / args.rounds, 2 * args.rounds
    kinds = {False: Segments(), True: Segments()}
    for number in range(shares):
        with_feed = (number % 4) in (1, 2)  # AB BA AB ...
        if with_feed:
            feed.resume()
        started, cpu = time.monotonic(), _cpu_s(pid)
        try:
            latencies, failures = asyncio.run(
                _drive(base, paths[number::shares], args.clients, seconds, answers if with_feed else None)
            )
        finally:
            if with_feed:
                feed.pause()
        kinds[with_feed].add(latencies, failures, time.monotonic() - started, _cpu_s(pid) - cpu)
    read_only = kinds[False].report(f"{name} (read-only)")
    pooled = kinds[True].report(f"{name} (with the feed)")
    ratios = [fed / ro for ro, fed in zip(kinds[False].rates, kinds[True].rates, strict=True)]
    ratio = statistics.median(kinds[True].rates) / statistics.median(kinds[False].rates)
    return read_only, Alternated(pooled, ratio, ratios)


def _graph_mentions(scale: float) -> dict[str, set[str]]:
    """What each document of the synthetic graph mentions (the server built it from the same generator)."""
    from bench.feed import mentions_of
    from bench.synthetic import documents
    from kg.rdf import document_quads

    count, pool = max(10, int(3200 * scale)), max(10, int(8000 * scale))
    return {doc.meta.id: mentions_of(document_quads(doc)) for doc in documents(count, pool, facts_per_doc=10)}


def _cpu_s(pid: int) -> float:
    """A process's CPU time so far (user and system, its own threads only), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    """A process's resident memory, from /proc (0 once it has gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _descendants(pid: int) -> list[int]:
    """The processes a process started, and theirs (the extraction worker is forked by a fork server)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children = [int(child) for child in task.read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *_descendants(child)]
    return found


if __name__ == "__main__":
    main()
