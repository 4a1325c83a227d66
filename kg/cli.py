"""The ``kg`` command: load articles, serve the API, query, export, inspect."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KGError
from kg.settings import Settings, get_settings
from kg.store import GraphStore, open_store
from kg.store.base import AskResult, GraphResult, SelectResult, Term


def _settings(args: argparse.Namespace) -> Settings:
    return get_settings().with_overrides(
        store=getattr(args, "store", None), host=getattr(args, "host", None), port=getattr(args, "port", None)
    )


@contextmanager
def _opened(settings: Settings, *, read_only: bool = False, serve: bool = False) -> Iterator[GraphStore]:
    store = open_store(settings, read_only=read_only, serve=serve)
    try:
        yield store
    finally:
        store.close()


def _progress(items: Iterator, total: int) -> Iterable:
    from tqdm import tqdm

    return tqdm(items, total=total, unit="doc", desc="extracting", file=sys.stderr, disable=None)


def cmd_load(args: argparse.Namespace) -> int:
    """Load files and folders of articles into the store."""
    from loaders.documents import MetaOverrides
    from loaders.pipeline import load_paths

    settings = _settings(args).with_overrides(neo4j_uri=args.neo4j)
    overrides = MetaOverrides(title=args.title, publisher=args.publisher, url=args.url, published=args.published)
    if settings.neo4j_uri:
        from kg.neo4j import check_neo4j

        check_neo4j(settings)  # fail before the embedded store is opened, so a down Neo4j leaves it untouched
    with _opened(settings) as store:
        report = load_paths(
            store,
            [Path(p) for p in args.paths],
            settings,
            overrides=overrides,
            workers=(args.workers if args.workers is not None else settings.workers) or os.cpu_count() or 1,
            force=args.force,
            progress=None if args.quiet else _progress,
        )
        if settings.neo4j_uri and report.loaded:
            from kg.neo4j import sync_documents

            sync_documents(store, settings, [r.document_id for r in report.loaded])
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    print(
        f"documents: {len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.failures)} failed; "
        f"entities: {report.entities}; facts: {report.facts}"
    )
    return 1 if report.failures else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the REST API and SPARQL endpoint over the store."""
    import uvicorn

    from api.app import create_app
    from kg.queries import pin

    settings = _settings(args)
    with _opened(settings, serve=True) as store:  # a long-lived reader: worth the in-memory query replica
        pin(store)  # the read snapshot, built before the first request rather than while it waits
        uvicorn.run(create_app(settings, store), host=settings.host, port=settings.port, log_level=args.log_level)
    return 0


def _cell(term: Term | None) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query and print the result."""
    settings = _settings(args)
    with _opened(settings, read_only=True) as store:
        result = store.query(args.sparql, timeout_s=settings.sparql_timeout_s, max_rows=settings.sparql_max_rows)
    if isinstance(result, AskResult):
        print("true" if result.value else "false")
    elif isinstance(result, GraphResult):
        for triple in result.triples:
            print(f"{triple.subject} {triple.predicate} {triple.object} .")
    else:
        _print_rows(result, args.format)
    return 0


def _print_rows(result: SelectResult, fmt: str) -> None:
    rows = [[_cell(t) for t in row] for row in result.rows]
    if fmt == "json":
        print(json.dumps([dict(zip(result.variables, row, strict=True)) for row in rows], ensure_ascii=False, indent=1))
        return
    if fmt == "tsv":
        for row in [result.variables, *rows]:
            print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))
        return
    widths = [min(60, max([len(v), *(len(r[i]) for r in rows)])) for i, v in enumerate(result.variables)]

    def line(cells: Sequence[str]) -> str:
        return " | ".join(c.replace("\n", " ")[:w].ljust(w) for c, w in zip(cells, widths, strict=True))

    print(line(result.variables))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print(f"({len(rows)} rows)")


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole graph in one of the export formats."""
    from kg.export import write_export

    settings = _settings(args)
    with _opened(settings, read_only=True) as store:
        if args.output in (None, "-"):
            write_export(store, args.format, sys.stdout.buffer)
        else:
            with open(args.output, "wb") as out:
                write_export(store, args.format, out)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts of documents, entities by type, facts and triples."""
    from kg.stats import graph_stats

    settings = _settings(args)
    with _opened(settings, read_only=True) as store:
        stats = graph_stats(store)
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        print(f"{key.ljust(width)}  {value}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove documents and every fact only they support (from Neo4j too when one is configured)."""
    from loaders.pipeline import remove_document

    settings = _settings(args).with_overrides(neo4j_uri=args.neo4j)
    if settings.neo4j_uri:
        from kg.neo4j import check_neo4j

        check_neo4j(settings)  # fail before touching the embedded store
    missing, removed = 0, []
    with _opened(settings) as store:
        for doc_id in args.ids:
            if remove_document(store, doc_id):
                print(f"removed {doc_id}")
                removed.append(doc_id)
            else:
                print(f"error: no document {doc_id}", file=sys.stderr)
                missing += 1
        if settings.neo4j_uri and removed:
            from kg.neo4j import remove_documents

            remove_documents(store, settings, removed)
    return 1 if missing else 0


def cmd_sync_neo4j(args: argparse.Namespace) -> int:
    """Push the whole embedded store to Neo4j."""
    from kg.neo4j import sync_documents

    settings = _settings(args).with_overrides(neo4j_uri=args.neo4j)
    with _opened(settings, read_only=True) as store:
        count = sync_documents(store, settings, None)
    print(f"synced {count} documents to {settings.neo4j_uri}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graph of news about the AI industry.")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", type=Path, help="store directory (default ./kg-data or $KG_STORE)")
        p.set_defaults(func=func)
        return p

    load = command("load", cmd_load, "load .txt, .md, .html and .jsonl articles (files or folders)")
    load.add_argument("paths", nargs="+", metavar="PATH")
    for flag in ("title", "publisher", "url", "published"):
        load.add_argument(f"--{flag}", help=f"{flag} for every document of this batch")
    load.add_argument("--workers", type=int, help="extraction processes, 0 for one per core (default $KG_WORKERS or 1)")
    load.add_argument("--force", action="store_true", help="re-extract documents already in the store")
    load.add_argument("--neo4j", metavar="URI", help="also write the loaded documents to Neo4j (default $KG_NEO4J_URI)")
    load.add_argument("--quiet", action="store_true", help="no progress bar")

    serve = command("serve", cmd_serve, "serve the REST API and SPARQL endpoint")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--log-level", default="warning")

    query = command("query", cmd_query, "run a SPARQL query and print the result")
    query.add_argument("sparql")
    query.add_argument("--format", choices=("table", "json", "tsv"), default="table")

    export = command("export", cmd_export, "export the graph (gexf, graphml, turtle, ntriples, nquads, trig, ...)")
    export.add_argument("--format", required=True)
    export.add_argument("-o", "--output", help="file to write (default: standard output)")

    command("stats", cmd_stats, "print counts of documents, entities, facts and triples")
    remove = command("remove", cmd_remove, "remove documents by id, with every fact only they support")
    remove.add_argument("ids", nargs="+", metavar="ID")
    remove.add_argument("--neo4j", metavar="URI", help="also remove them from this Neo4j (default $KG_NEO4J_URI)")
    sync = command("sync-neo4j", cmd_sync_neo4j, "push the embedded store to Neo4j")
    sync.add_argument("--neo4j", metavar="URI", help="bolt URI (default $KG_NEO4J_URI)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kg`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
