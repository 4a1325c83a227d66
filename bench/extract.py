#!/usr/bin/env python3
"""Throughput of the whole extraction next to spaCy's bare tokenizer over the same texts, in the same run.

Usage: .venv/bin/python bench/extract.py [-n 200]   (N articles: the seed and dev articles, varied and
repeated). Run it three times and take the median: the machine's load moves single runs by 10 %.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
_SWAPS = [
    ("Anthropic", "Acmebright"),
    ("OpenAI", "Northwind Labs"),
    ("Sam", "Priya"),
    ("Altman", "Raman"),
    ("Claude", "Orion"),
    ("billion", "million"),
    ("Nvidia", "Helix Corp"),
]


def corpus(n: int) -> list[str]:
    """N texts: the seed and dev articles, each repeat varied (names swapped, paragraphs rotated) to defeat caches."""
    paths = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("eval/dev/articles/*.txt"))
    base = [p.read_text(encoding="utf-8") for p in paths]
    out = []
    for i in range(n):
        text = base[i % len(base)]
        rnd = i // len(base)
        if rnd:
            a, b = _SWAPS[rnd % len(_SWAPS)]
            paras = text.split("\n")
            k = rnd % max(1, len(paras))
            text = "\n".join(paras[k:] + paras[:k]).replace(a, b) + f"\nRevision {rnd} by Editor {rnd}."
        out.append(text)
    return out


def _cpu_seconds(run: Callable[[str], object], texts: list[str]) -> float:
    """CPU time of this process running ``run`` over the texts: other work on the machine does not skew it."""
    t0 = time.process_time()
    for t in texts:
        run(t)
    return time.process_time() - t0


def main() -> int:
    """Print words/s, documents/s and CPU ms per article for extraction and for spaCy's bare tokenizer; peak memory."""
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=150, help="number of articles")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the number of articles (make bench: 0.2)")
    a = ap.parse_args()
    texts = corpus(max(1, round(a.n * a.scale)))
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    from loaders.extract import extract
    from loaders.extract.pipeline import warm_up

    import_s = time.perf_counter() - t0
    # load the lexicons, patterns and models (once per process), every one: a document that needs one the first text
    # did not (the first name genders, read by the pronoun rules) would otherwise load it inside the timed loop
    warm_up()
    extract(texts[0])
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    # one round each: spaCy's tokenizer caches what it has seen, so a second round over the same texts would flatter it
    # (run the script several times and take the median)
    ext_s = _cpu_seconds(extract, texts)
    tok_s = _cpu_seconds(tokenizer, texts)

    print(f"articles={len(texts)} words={words} import_extract={import_s:.2f}s")
    print("per core (process CPU time):")
    print(f"extract:   {words / ext_s:10.0f} words/s {len(texts) / ext_s:8.1f} docs/s "
          f"{1000 * ext_s / len(texts):6.2f} ms CPU/article")
    print(f"tokenizer: {words / tok_s:10.0f} words/s {len(texts) / tok_s:8.1f} docs/s")
    print(f"peak memory (max RSS) = {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"ratio extract/tokenizer = {tok_s / ext_s:.3f} (target >= 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
