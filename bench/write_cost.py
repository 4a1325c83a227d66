"""The CPU one POST /documents takes in the server process, where every reader runs: ``bench.rest --write-cost``.

A figure that depends far less than throughput on what else the machine runs (see the README, "reads while a
feed writes").
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from bench.rest import TOKEN, _cpu_s, _pool_report, _start


def write_cost(articles: str, scale: float) -> None:
    """POST each article to an idle server (after one to warm it up); print the server process's CPU per POST.

    That CPU is what a write takes from the readers (one process, one GIL); the extraction worker's is not in it.
    Before the POSTs every entity page and the first relation pages are read once, so the read side holds what a
    serving server's does (its rendered fragments, which each write then carries to the next snapshot). The server
    also runs a 1 ms sleeper thread and prints how often, and how long, the POSTs kept it from the GIL.
    """
    from bench.feed import article

    rng = random.Random(5)
    if articles == "synthetic":
        texts = [article(n, rng) for n in range(61)]
    else:
        texts = [path.read_text(encoding="utf-8") for path in sorted(Path(articles).glob("*.txt"))]
    proc, base = _start("real", scale, probe=True)
    try:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600) as http:
            _read_everything(http)
            http.post("/documents", json={"text": texts[0]}).raise_for_status()  # warm-up, not counted
            _pool_report(proc.pid)  # forget the reads and the warm-up
            cpu, wall = [], []
            for text in texts[1:]:
                before, started = _cpu_s(proc.pid), time.perf_counter()
                http.post("/documents", json={"text": text}).raise_for_status()
                wall.append(time.perf_counter() - started)
                cpu.append(_cpu_s(proc.pid) - before)
            _pool_report(proc.pid)  # the POSTs' steps and GIL stalls
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(
        f"{len(cpu)} POSTs: server process CPU per POST mean {statistics.mean(cpu) * 1000:.0f} ms "
        f"(total {sum(cpu):.2f} s); POST latency p50 {statistics.median(wall) * 1000:.0f} ms, "
        f"max {max(wall) * 1000:.0f} ms",
        flush=True,
    )


def _read_everything(http: httpx.Client) -> None:
    """Read every entity page and ten pages of each relation predicate (what fills the rendered fragments)."""
    from kg.model import PREDICATES

    total, offset = 1, 0
    while offset < total:
        page = http.get("/entities", params={"limit": 1000, "offset": offset}).raise_for_status().json()
        total, offset = page["total"], offset + 1000
        for item in page["items"]:
            http.get(f"/entities/{quote(item['id'])}").raise_for_status()
    for predicate in PREDICATES:
        for offset in range(0, 1000, 100):
            http.get("/relations", params={"predicate": predicate, "offset": offset}).raise_for_status()
