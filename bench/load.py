"""Loading speed: documents/s and triples/s of `kg load`'s pipeline next to pyoxigraph's raw bulk load.

The baseline loads exactly the quads our pipeline wrote, in the same run, with
``Store.bulk_extend`` (no extraction, no per-document transactions), so the ratio shows what
extraction and transactional writes cost.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def make_corpus(folder: Path, count: int) -> None:
    """Write ``count`` distinct articles made from the seed and dev articles."""
    sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "dev" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(count):
        (folder / f"doc{i:05}.txt").write_text(f"Report {i}.\n{texts[i % len(texts)]}", encoding="utf-8")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the document count")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    count = max(5, int(args.docs * args.scale))
    work = Path(tempfile.mkdtemp(prefix="kg-bench-load-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        make_corpus(corpus, count)
        words = sum(len(p.read_text().split()) for p in corpus.glob("*.txt"))

        store = OxigraphStore(work / "store")
        started = time.perf_counter()
        report = load_paths(store, [corpus], Settings(), workers=args.workers)
        pipeline_s = time.perf_counter() - started
        quads = list(store.quads())
        store.close()

        raw = ox.Store(str(work / "raw"))
        started = time.perf_counter()
        raw.bulk_extend(quads)
        raw.flush()
        bulk_s = time.perf_counter() - started

        print(f"documents: {len(report.loaded)} ({words} words), quads: {len(quads)}, workers: {args.workers}")
        docs_rate, triples_rate = len(report.loaded) / pipeline_s, len(quads) / pipeline_s
        print(f"kg load pipeline : {docs_rate:9.1f} docs/s {triples_rate:12.0f} triples/s")
        print(f"pyoxigraph bulk  : {'':9} {'':6} {len(quads) / bulk_s:12.0f} triples/s (same quads)")
        print(f"ratio bulk/pipeline triples/s: {pipeline_s / bulk_s:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
