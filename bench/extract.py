#!/usr/bin/env python3
"""Throughput of the whole extraction next to spaCy's bare tokenizer over the same texts, in the same run.

Usage: .venv/bin/python bench/extract.py [-n 200]   (N articles: the seed and dev articles, varied and repeated)
"""

from __future__ import annotations

import argparse
import sys
import time
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


def main() -> int:
    """Print words/s and documents/s for extraction and for spacy.blank("en").tokenizer."""
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=150, help="number of articles")
    a = ap.parse_args()
    texts = corpus(a.n)
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    from loaders.extract import extract

    import_s = time.perf_counter() - t0
    extract(texts[0])  # warm the lexicon caches (loaded once per process)
    # CPU time of this process: other work on the machine does not skew the comparison
    t0 = time.process_time()
    for t in texts:
        extract(t)
    ext_s = time.process_time() - t0

    import spacy

    tokenizer = spacy.blank("en").tokenizer
    t0 = time.process_time()
    for t in texts:
        tokenizer(t)
    tok_s = time.process_time() - t0

    print(f"articles={len(texts)} words={words} import_extract={import_s:.2f}s")
    print("per core (process CPU time):")
    print(f"extract:   {words / ext_s:10.0f} words/s {len(texts) / ext_s:8.1f} docs/s")
    print(f"tokenizer: {words / tok_s:10.0f} words/s {len(texts) / tok_s:8.1f} docs/s")
    print(f"ratio extract/tokenizer = {tok_s / ext_s:.3f} (target >= 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
