#!/usr/bin/env python3
"""Extraction cost on pathological texts next to normal news of the same size, in one run.

Each case is a text of about ``--sizes`` MB (1 and 5 by default; ``--scale`` multiplies them) extracted once in
a fresh subprocess, so one case's memory does not count in another's. Per case it prints seconds per MB (CPU
time of the child: other work on a shared machine does not count) and the peak memory the extraction added,
as the growth of the child's peak RSS (VmHWM) over its RSS once the text was built, in MB and as a multiple of
the text's UTF-8 size. The parent builds the text and the child reads it from a file, then resets its peak
(Linux's /proc/self/clear_refs): building some texts (a split into every word, then a join) peaks higher than
extracting them, and the memory that frees would stay with the child and hide what extraction adds.
The targets (issue 9): at most 10 s/MB and 20x the text for any input under KG_MAX_DOCUMENT_BYTES. A case
that runs past ``--timeout`` is reported as such.

Usage: .venv/bin/python bench/pathological.py [--sizes 1 5] [--cases news one-sentence ...] [--timeout 600]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.extract import corpus  # noqa: E402

MB = 1_000_000
_FIRST = ["Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena"]
_LAST = ["Pike", "Stone", "Moreau", "Okafor", "Lindqvist", "Tanaka", "Rossi", "Novak", "Haddad", "Brandt"]
_ORG_HEADS = ["Veltrix", "Zentrix", "Lumora", "Northwind", "Acmebright", "Helix", "Quanta", "Orbital", "Kestrel"]
_ORG_TAILS = ["Labs", "AI", "Systems", "Capital", "Ventures", "Robotics", "Partners"]


def _news(size: int) -> str:
    """The seed and dev articles, varied and repeated (bench/extract.py's corpus) up to ``size`` characters."""
    texts, total, n = [], 0, 0
    while total < size:
        n += 40
        texts = corpus(n)
        total = sum(len(t) + 1 for t in texts)
    out, total = [], 0
    for t in texts:
        if total >= size:
            break
        out.append(t)
        total += len(t) + 1
    return "\n".join(out)


def _one_sentence(size: int) -> str:
    """News with every full stop, question mark, exclamation mark and line break removed: one huge sentence."""
    return _news(size).translate({ord("."): None, ord("!"): None, ord("?"): None, ord("\n"): " "})


def _no_punctuation(size: int) -> str:
    """News words only, no punctuation at all: one sentence with no clause boundary to cut at."""
    return " ".join("".join(c for c in w if c.isalnum()) or "x" for w in _news(size).split())


def _unbalanced_quotes(size: int) -> str:
    """News whose every sentence opens a quotation mark (curly or straight) that is never closed."""
    text = _news(size).replace("”", "").replace("’", "'")
    return text.replace(". ", ". “").replace(", ", ', "')


def _open_quotes(size: int) -> str:
    """News whose every word opens a quotation mark: a quote to pair at every few characters, none closed."""
    return " ".join("“" + w for w in _news(size).replace("”", "").split(" "))


def _name(rnd: random.Random) -> str:
    return f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}"


def _org(rnd: random.Random) -> str:
    return f"{rnd.choice(_ORG_HEADS)} {rnd.choice(_ORG_TAILS)}"


def _pieces_up_to(size: int, piece: Callable[[], str]) -> list[str]:
    """Pieces from ``piece()`` until they and a separator after each reach ``size`` characters."""
    out, total = [], 0
    while total < size:
        out.append(piece())
        total += len(out[-1]) + 1
    return out


def _funding(size: int) -> str:
    """Thousands of funding and amount sentences, several per paragraph."""
    rnd = random.Random(9)

    def line() -> str:
        a, b = rnd.randint(2, 900), rnd.randint(1, 90)
        return (f"{_org(rnd)} raised ${a} million in a Series {rnd.choice('ABCD')} round led by {_org(rnd)}, "
                f"valuing it at ${b} billion, CEO {_name(rnd)} said on Tuesday. It had raised €{a // 2}.5 million "
                f"in 2023 and earns about $ {b * 3} million a year, or {a}% more than its rival {_org(rnd)}.")

    return "\n".join(_pieces_up_to(size, line))


def _one_company(size: int) -> str:
    """Thousands of rounds of the same company, one short sentence each: every amount is a candidate to merge."""
    rnd = random.Random(3)
    return "\n".join(_pieces_up_to(size, lambda: f"Zentrix AI raised ${rnd.randint(1, 999)} million from Helix "
                                                 f"Capital. It is valued at ${rnd.randint(1, 99)} billion."))


def _capitalised(size: int) -> str:
    """One long run of capitalised personal and organisation names, without punctuation."""
    rnd = random.Random(7)
    return " ".join(_pieces_up_to(size, lambda: _name(rnd) if rnd.random() < 0.6 else _org(rnd)))


def _list(size: int) -> str:
    """One long list of names joined by commas and "and", in a sentence that never ends."""
    rnd = random.Random(5)
    names = _pieces_up_to(size, lambda: f"{_org(rnd)}," if rnd.random() < 0.7 else f"{_name(rnd)} and")
    return " ".join(["The backers include", *names]) + " " + _org(rnd)


CASES: dict[str, Callable[[int], str]] = {
    "news": _news,
    "one-sentence": _one_sentence,
    "no-punctuation": _no_punctuation,
    "unbalanced-quotes": _unbalanced_quotes,
    "open-quotes": _open_quotes,
    "funding": _funding,
    "one-company-rounds": _one_company,
    "capitalised-names": _capitalised,
    "name-list": _list,
}


def _rss_mb(field: str) -> float:
    """One memory figure of this process from /proc/self/status (VmRSS: now, VmHWM: peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024 / MB
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")


def _reset_peak() -> None:
    """Set this process's peak RSS (VmHWM) to its RSS now, so that what ran before does not count in it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError as error:  # Linux before 4.0, or not allowed: the peak of building the text may then count
        print(f"cannot reset the peak RSS ({error}): a text's building may count in its figure", file=sys.stderr)


def _child(text_file: Path) -> None:
    """Extract the text of ``text_file`` once and print its figures as JSON."""
    from loaders.extract import extract

    extract(_news(20_000))  # load the lexicons: their memory is the process's, not the document's
    text = text_file.read_text(encoding="utf-8")
    gc.collect()
    _reset_peak()
    base = _rss_mb("VmRSS")
    start = time.process_time()
    ex = extract(text)
    seconds = time.process_time() - start
    peak = _rss_mb("VmHWM")
    facts = len(ex.events) + len(ex.relations) + len(ex.criticisms) + len(ex.claims)
    print(json.dumps({"mb": len(text.encode()) / MB, "seconds": seconds, "added_mb": max(0.0, peak - base),
                      "entities": len(ex.entities), "facts": facts}))


def _run(case: str, size: int, timeout: float) -> dict[str, float] | None:
    """The figures of one case in a fresh process, or None when it ran past ``timeout``."""
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / f"{case}.txt"
        text_file.write_text(CASES[case](size), encoding="utf-8")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(text_file)]
        try:
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Run every case at every size and print a table; exit 1 when a case misses a target."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0], help="text sizes in MB")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    ap.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed per case")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(a.child)
        return 0
    print(f"{'case':<18} {'MB':>5} {'s/MB':>7} {'added MB':>9} {'x text':>7} {'entities':>9} {'facts':>7}")
    missed = 0
    for size in a.sizes:
        for case in a.cases:
            fig = _run(case, int(size * a.scale * MB), a.timeout)
            if fig is None:
                print(f"{case:<18} {size * a.scale:>5.2f} {'> ' + str(int(a.timeout)) + ' s':>7}")
                missed += 1
                continue
            per_mb, ratio = fig["seconds"] / fig["mb"], fig["added_mb"] / fig["mb"]
            missed += per_mb > 10 or ratio > 20
            print(f"{case:<18} {fig['mb']:>5.2f} {per_mb:>7.2f} {fig['added_mb']:>9.0f} {ratio:>7.1f}"
                  f" {fig['entities']:>9} {fig['facts']:>7}", flush=True)
    print(f"targets: <= 10 s/MB and <= 20x the text; {missed} case(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
