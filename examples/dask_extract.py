"""Extract articles into N-Quads shards on a Dask cluster, then load them with ``kg load --nquads``.

Extraction is a pure function of a document's text (:func:`loaders.pipeline.build_document`), so any engine that
maps a function over items can run it: here a ``dask.bag`` over the article files, one shard per partition.
Every worker needs this repository importable (the same code and dependencies as the machine that loads).

    python examples/dask_extract.py ../shared/seeds --out shards/                        # a local cluster
    python examples/dask_extract.py articles/ --out shards/ --scheduler tcp://host:8786  # an existing one
    kg load --nquads shards/
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import dask
import dask.bag as db

from kg.errors import DocumentError, ExtractionError
from kg.settings import Settings
from loaders.documents import RawDocument, discover, read_file
from loaders.pipeline import build_document
from loaders.shards import document_nquads, shard_name, write_shard


def extract_file(path: Path, max_bytes: int) -> list[bytes | str]:
    """The N-Quads of each document in one file, or the failure (a message) of each one that failed."""
    out: list[bytes | str] = []
    for item in read_file(path, max_bytes=max_bytes):
        if isinstance(item, DocumentError):
            out.append(str(item))
            continue
        out.append(_extract(item))
    return out


def _extract(raw: RawDocument) -> bytes | str:
    try:
        return document_nquads(build_document(raw))
    except ExtractionError as exc:
        return str(exc)


def write_partition(items: Iterable[bytes | str], path: Path) -> tuple[int, list[str]]:
    """Write a partition's documents to one shard; how many it holds, and the partition's failures."""
    items = list(items)
    documents = [item for item in items if isinstance(item, bytes)]
    if documents:
        write_shard(path, documents)
    return len(documents), [item for item in items if isinstance(item, str)]


def extract_with_dask(paths: list[Path], out_dir: Path, settings: Settings, partitions: int) -> tuple[int, list[str]]:
    """Map the extraction over the files on the current Dask scheduler; documents written and failures."""
    files: list[Path] = []
    failures: list[str] = []
    for found in discover(paths):
        if isinstance(found, DocumentError):
            failures.append(str(found))
        else:
            files.append(found)
    if not files:
        return 0, failures
    out_dir.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(files, npartitions=min(partitions, len(files))).map(
        extract_file, max_bytes=settings.max_document_bytes
    ).flatten()
    # Texts met twice land in two shards; 'kg load --nquads' loads the first and names the second.
    writes = [
        dask.delayed(write_partition)(part, out_dir / shard_name(index)) for index, part in enumerate(bag.to_delayed())
    ]
    written = 0
    for count, errors in dask.compute(*writes):
        written += count
        failures.extend(errors)
    return written, failures


def main(argv: list[str] | None = None) -> int:
    """Run the extraction on a local cluster (or the scheduler given) and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--out", required=True, type=Path, help="new or empty folder for the shards")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: start a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    if args.out.is_dir() and any(args.out.iterdir()):
        parser.error(f"{args.out}: not empty")
    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1)
    with Client(args.scheduler or cluster):
        written, failures = extract_with_dask(args.paths, args.out, Settings(), partitions=4 * args.workers)
    if cluster is not None:
        cluster.close()
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    print(f"documents: {written} extracted to {args.out}, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
