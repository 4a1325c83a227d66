#!/usr/bin/env python3
"""Where the extraction's time goes over the bench corpus: CPU seconds per stage, per module and per function.

Usage: .venv/bin/python tools/profile_extract.py [-n 150] [--top 25]

The stages are timed by running the declared steps (loaders.extract.pipeline.STEPS) one by one; the criticism rules
by timing each rule function the criticism stage calls (loaders.extract.criticisms: the sentence rules, then the
document rules); the modules and functions come from cProfile (own time, so that the figures add up; a function's
callees are not counted twice).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.extract import corpus  # noqa: E402
from loaders.extract import criticisms, pipeline  # noqa: E402

# the document-level rules the criticism stage calls after its sentence rules (names in loaders.extract.criticisms)
_DOCUMENT_RULES = ("quotes", "reported", "labelled", "letter_signers")


def stage_seconds(texts: list[str]) -> dict[str, float]:
    """CPU seconds per declared stage, summed over the texts."""
    out: dict[str, float] = defaultdict(float)
    for text in texts:
        values: dict[str, object] = {"text": text, "published": None}
        for step in pipeline.STEPS:
            t0 = time.process_time()
            values[step.provides] = step.run(*[values[name] for name in step.requires])
            out[step.name] += time.process_time() - t0
    return out


def _timed(run: Callable[..., Any], name: str, out: dict[str, float]) -> Callable[..., Any]:
    """``run``, its CPU seconds added to ``out[name]`` at each call (0 if never called: a rule whose trigger no
    sentence held)."""
    out[name] += 0.0
    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return run(*args, **kwargs)
        finally:
            out[name] += time.process_time() - t0
    return timed


@contextmanager
def _rules_timed(out: dict[str, float]) -> Iterator[None]:
    """The criticism stage's rule functions timed into ``out`` while the block runs, restored after."""
    rules, saved = criticisms.SENTENCE_RULES, {name: getattr(criticisms, name) for name in _DOCUMENT_RULES}
    criticisms.SENTENCE_RULES = tuple((t, _timed(r, f"{r.__module__.rsplit('.', 1)[-1]}.{r.__name__}", out))
                                      for t, r in rules)
    for name, run in saved.items():
        setattr(criticisms, name, _timed(run, f"{run.__module__.rsplit('.', 1)[-1]}.{name}", out))
    try:
        yield
    finally:
        criticisms.SENTENCE_RULES = rules
        for name, run in saved.items():
            setattr(criticisms, name, run)


def rule_seconds(texts: list[str]) -> dict[str, float]:
    """CPU seconds per criticism rule function, summed over the texts (each text extracted whole)."""
    out: dict[str, float] = defaultdict(float)
    with _rules_timed(out):
        for text in texts:
            pipeline.extract_document(text)
    return out


def _module(filename: str) -> str:
    """A short name for the file a profiled function lives in."""
    path = Path(filename)
    if "loaders/extract" in filename:
        return "extract." + path.stem
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return path.stem


def profile(texts: list[str]) -> pstats.Stats:
    """cProfile statistics of extracting every text."""
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        pipeline.extract_document(text)
    prof.disable()
    return pstats.Stats(prof)


def _print_table(title: str, rows: list[tuple[str, float]], total: float, top: int) -> None:
    """A titled table of (name, seconds) rows with their share of ``total``."""
    print(f"\n{title}")
    for name, sec in rows[:top]:
        print(f"  {sec:8.3f}s {100 * sec / total:5.1f}%  {name}")


def main() -> int:
    """Print seconds per stage, per module (own time) and the top functions (own and cumulative time)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=150, help="number of articles")
    ap.add_argument("--top", type=int, default=25, help="rows per table")
    a = ap.parse_args()
    texts = corpus(a.n)
    # load every lexicon and model outside the measurement, as bench/extract.py does: the first text alone leaves some
    # unloaded (the first-name genders the claims stage reads once a pronoun speaks, 0.4 s charged to claims)
    pipeline.warm_up()
    pipeline.extract_document(texts[0])
    stages = stage_seconds(texts)
    total = sum(stages.values())
    print(f"articles={len(texts)} cpu={total:.2f}s ({1000 * total / len(texts):.2f} ms/article)")
    _print_table("per stage (CPU seconds)", sorted(stages.items(), key=lambda kv: -kv[1]), total, a.top)
    rules = rule_seconds(texts)
    _print_table("criticism rules (CPU seconds, share of the whole extraction)",
                 sorted(rules.items(), key=lambda kv: -kv[1]), total, a.top)

    stats = profile(texts)
    raw = stats.stats  # type: ignore[attr-defined]  # (file, line, func) -> (cc, nc, tottime, cumtime, callers)
    prof_total = sum(v[2] for v in raw.values())
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _line, _func), (_cc, _nc, tt, _ct, _callers) in raw.items():
        by_module[_module(filename)] += tt
    _print_table("per module (own time, under cProfile)", sorted(by_module.items(), key=lambda kv: -kv[1]),
                 prof_total, a.top)
    funcs = [(f"{_module(f)}:{fn}:{ln} ncalls={v[1]}", v[2]) for (f, ln, fn), v in raw.items()]
    _print_table("functions by own time", sorted(funcs, key=lambda kv: -kv[1]), prof_total, a.top)
    cum = [(f"{_module(f)}:{fn}:{ln}", v[3]) for (f, ln, fn), v in raw.items() if "loaders/extract" in f]
    _print_table("extraction functions by cumulative time", sorted(cum, key=lambda kv: -kv[1]), prof_total, a.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
