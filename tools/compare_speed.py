#!/usr/bin/env python3
"""The extraction's CPU time in this checkout against another one, paired document by document.

Usage: .venv/bin/python tools/compare_speed.py OTHER_CHECKOUT [-n 600] [--join K] [--python PYTHON]

bench/extract.py runs one checkout at a time, and on a machine shared with other work its CPU time per article moves
by 10-20 % from one run to the next, more than most changes save. Here a worker process per checkout extracts the
bench corpus (bench.extract.corpus) in lockstep: each document goes to one worker, then the other (which goes first
alternates), so both see the same load, and the ratio of their CPU times is printed per round of 150 documents.
Each worker imports its own checkout (its directory first on sys.path) and warms up before the timed documents.
``--join K`` makes each document K bench texts joined (long documents: what grows faster than the text shows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUND = 150  # documents per printed round (bench/extract.py's default corpus)

# what each worker runs, in its checkout's directory: read a document index per line, answer its CPU seconds
_WORKER = """
import sys, time
sys.path.insert(0, ".")
from bench.extract import corpus
from loaders.extract import extract
from loaders.extract.pipeline import warm_up
warm_up()
n, k = int(sys.argv[1]), int(sys.argv[2])
docs = corpus(n * k)  # built once: n documents of k texts each
texts = [chr(10).join(docs[i * k:(i + 1) * k]) for i in range(n)]
extract(texts[0])
print("ready", flush=True)
for line in sys.stdin:
    t0 = time.process_time()
    extract(texts[int(line)])
    print(repr(time.process_time() - t0), flush=True)
"""


class _Worker:
    """One checkout's worker process."""

    def __init__(self, checkout: Path, n: int, python: str, join: int = 1) -> None:
        self.proc = subprocess.Popen([python, "-c", _WORKER, str(n), str(join)], cwd=checkout,
                                     env=dict(os.environ, PYTHONPATH="."), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        if self._line() != "ready":
            raise RuntimeError(f"the worker of {checkout} did not start")

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def seconds(self, i: int) -> float:
        """CPU seconds of extracting document i."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{i}\n")
        self.proc.stdin.flush()
        return float(self._line())

    def close(self) -> None:
        """End the worker."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def compare(other: Path, n: int, python: str = sys.executable, join: int = 1) -> list[tuple[float, float]]:
    """(this checkout's, the other's) CPU seconds per round of ROUND documents (the last round may be shorter);
    each document ``join`` bench texts joined."""
    workers = [_Worker(ROOT, n, python, join), _Worker(other, n, python, join)]
    sums = [[0.0, 0.0] for _ in range((n + ROUND - 1) // ROUND)]
    try:
        for i in range(n):
            for side in ((0, 1) if i % 2 == 0 else (1, 0)):
                sums[i // ROUND][side] += workers[side].seconds(i)
    finally:
        for w in workers:
            w.close()
    return [(a, b) for a, b in sums]


def main() -> int:
    """Print each round's CPU ms per article on both sides and their ratio, then the median ratio."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout (a worktree, or an export of a branch)")
    ap.add_argument("-n", type=int, default=4 * ROUND, help="documents (default: four rounds of 150)")
    ap.add_argument("--join", type=int, default=1, help="bench texts joined into each document (default 1)")
    ap.add_argument("--python", default=sys.executable, help="the interpreter of both workers")
    a = ap.parse_args()
    rounds = compare(a.other.resolve(), a.n, a.python, a.join)
    for k, (mine, theirs) in enumerate(rounds):
        size = min(ROUND, a.n - k * ROUND)
        print(f"round {k}: this {1000 * mine / size:.2f} ms CPU/article, other {1000 * theirs / size:.2f}, "
              f"this/other {mine / theirs:.3f}")
    print(f"median this/other = {statistics.median(m / t for m, t in rounds):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
