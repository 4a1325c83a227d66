#!/usr/bin/env python3
"""How often the extraction's regexes run, and how much text they scan, per stage and per pattern.

Usage: .venv/bin/python tools/regex_census.py [-n 150] [--top 30]

Every pattern compiled under loaders/extract is wrapped (re.compile is replaced before the extraction is imported) so
that each search, match, finditer, findall, sub and split is counted against the stage running and the line that
compiled the pattern (for a lexicon.Folded pattern, the line that built it; for re.search(r"...", text) written
inline, its line). "Scanned" is the length of the slice a
scanning call was given (search, finditer, findall, sub, split); an anchored match or fullmatch reads from its
start only and adds nothing. A count, not a timing: the wrapper slows the run several times over.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_SCANNING = ("search", "finditer", "findall")
_STAGE = ["import"]  # the stage running
CALLS: Counter[tuple[str, str]] = Counter()  # (stage, pattern site) -> calls
SCANNED: Counter[tuple[str, str]] = Counter()  # (stage, pattern site) -> characters given to scanning calls


def _site() -> str | None:
    """file:line of the extraction code compiling a pattern (out of re and lexicon.py); None outside the extraction."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_code.co_filename.endswith("lexicon.py") or "/re/" in frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None or "loaders/extract" not in frame.f_code.co_filename:
        return None
    return f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"


class _Counted:
    """A compiled pattern that counts its calls."""

    __slots__ = ("_p", "_site")

    def __init__(self, p: re.Pattern[str], site: str) -> None:
        self._p, self._site = p, site

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def _count(self, method: str, string: object, pos: int = 0, endpos: int | None = None) -> None:
        key = (_STAGE[0], self._site)
        CALLS[key] += 1
        if isinstance(string, str) and (method in _SCANNING or method in ("sub", "split")):
            SCANNED[key] += max(0, min(len(string), len(string) if endpos is None else endpos) - pos)

    def search(self, string: str, *a: Any) -> Any:
        self._count("search", string, *a)
        return self._p.search(string, *a)

    def match(self, string: str, *a: Any) -> Any:
        self._count("match", string, *a)
        return self._p.match(string, *a)

    def fullmatch(self, string: str, *a: Any) -> Any:
        self._count("fullmatch", string, *a)
        return self._p.fullmatch(string, *a)

    def finditer(self, string: str, *a: Any) -> Any:
        self._count("finditer", string, *a)
        return self._p.finditer(string, *a)

    def findall(self, string: str, *a: Any) -> Any:
        self._count("findall", string, *a)
        return self._p.findall(string, *a)

    def sub(self, repl: Any, string: str, *a: Any, **k: Any) -> Any:
        self._count("sub", string)
        return self._p.sub(repl, string, *a, **k)

    def subn(self, repl: Any, string: str, *a: Any, **k: Any) -> Any:
        self._count("sub", string)
        return self._p.subn(repl, string, *a, **k)

    def split(self, string: str, *a: Any, **k: Any) -> Any:
        self._count("split", string)
        return self._p.split(string, *a, **k)


def _install() -> None:
    """Replace re.compile (and unwrap counted patterns handed to re's module functions)."""
    compile_, inner = re.compile, re._compile  # type: ignore[attr-defined]

    def counted_compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, _Counted):
            return pattern
        site = _site()
        p = compile_(pattern, flags)
        return p if site is None else _Counted(p, site)

    def unwrapping(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, _Counted):
            return pattern._p
        p = inner(pattern, flags)
        if sys._getframe(1).f_code.co_name == "compile":
            return p  # re.compile's own call: counted_compile wraps it
        # re.search(r"...", text) written inline in the extraction: counted at its line
        site = _site()
        return p if site is None else _Counted(p, f"{site} (inline)")

    re.compile = counted_compile  # type: ignore[assignment]
    re._compile = unwrapping  # type: ignore[attr-defined]


def main() -> int:
    """Print regex calls and characters scanned per sentence and stage, and the patterns that scan most."""
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=150, help="number of articles")
    ap.add_argument("--top", type=int, default=30, help="patterns listed")
    a = ap.parse_args()
    _install()
    from bench.extract import corpus
    from loaders.extract import pipeline

    pipeline.warm_up()
    texts = corpus(a.n)
    pipeline.extract_document(texts[0])
    CALLS.clear()
    SCANNED.clear()
    sentences = chars = 0
    for text in texts:
        values: dict[str, object] = {"text": text, "published": None}
        for step in pipeline.STEPS:
            _STAGE[0] = step.name
            values[step.provides] = step.run(*[values[name] for name in step.requires])
        sentences += len(values["doc"].sentences)  # type: ignore[attr-defined]
        chars += len(text)
    calls, scanned = Counter[str](), Counter[str]()
    for (stage, _), n in CALLS.items():
        calls[stage] += n
    for (stage, _), n in SCANNED.items():
        scanned[stage] += n
    print(f"articles={len(texts)} sentences={sentences} characters={chars}")
    print(f"regex calls {sum(calls.values())} ({sum(calls.values()) / sentences:.1f} a sentence), characters "
          f"scanned {sum(scanned.values()) / chars:.1f} times the text")
    for stage, n in calls.most_common():
        print(f"  {stage:12s} {n:8d} calls {n / sentences:6.1f} a sentence  scanned {scanned[stage] / chars:5.2f}x")
    print("patterns by characters scanned (times the text)")
    for key, n in SCANNED.most_common(a.top):
        print(f"  {n / chars:5.2f}x {CALLS[key]:7d} calls  {key[0]:12s} {key[1]}")
    print("patterns by calls")
    for key, n in CALLS.most_common(a.top):
        print(f"  {n:7d} calls {SCANNED[key] / chars:5.2f}x  {key[0]:12s} {key[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
