"""The ``kg`` command: load articles, serve the API, query, export, inspect."""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kg import ontology
from kg.errors import InputError, KGError
from kg.export import ALIASES, FORMATS
from kg.sandbox import Sandbox
from kg.settings import Settings, get_settings
from kg.sparql_guard import check_query
from kg.store import GraphStore, open_store
from kg.store.base import AskResult, GraphResult, QueryResult, SelectResult, Term

if TYPE_CHECKING:
    from loaders.pipeline import BatchReport


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
    from kg.queries.snapshot import follow, keep_current
    from kg.resolution_index import keep_index
    from loaders.documents import MetaOverrides
    from loaders.pipeline import load_paths

    settings = _settings(args).with_overrides(neo4j_uri=args.neo4j)
    overrides = MetaOverrides(title=args.title, publisher=args.publisher, url=args.url, published=args.published)
    if bool(args.paths) == bool(args.nquads):
        raise InputError("give either article PATHs or --nquads DIR (shards from 'kg extract'), not both")
    if settings.neo4j_uri:
        from kg.neo4j import check_neo4j

        check_neo4j(settings)  # fail before the embedded store is opened, so a down Neo4j leaves it untouched
    with _opened(settings) as store:
        if not args.no_read_side:
            follow(store)  # the read side kept for kg serve, if current, moved on by each write below
        report = _load_shards(store, args) if args.nquads else load_paths(
            store,
            [Path(p) for p in args.paths],
            settings,
            overrides=overrides,
            workers=(args.workers if args.workers is not None else settings.workers) or os.cpu_count() or 1,
            force=args.force,
            progress=None if args.quiet else _progress,
        )
        if not args.no_read_side:
            keep_current(store)  # so the next kg serve reads its read side back rather than builds it
        keep_index(store)  # the resolution index, which the next kg load and kg serve read back too
        if settings.neo4j_uri and report.loaded:
            from kg.neo4j import sync_documents

            sync_documents(store, settings, [r.document_id for r in report.loaded])
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    # A shard holds quads, not the extraction: its entities and facts are counted by 'kg stats', not here.
    counts = "" if args.nquads else f"; entities: {report.entities}; facts: {report.facts}"
    print(
        f"documents: {len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.failures)} failed"
        + counts
    )
    return 1 if report.failures else 0


def _load_shards(store: GraphStore, args: argparse.Namespace) -> BatchReport:
    """Load the N-Quads shards of ``kg load --nquads``."""
    from loaders.pipeline import load_shards

    return load_shards(store, [Path(p) for p in args.nquads], force=args.force)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract articles into N-Quads shards (one named graph per document), without a store."""
    from loaders.documents import MetaOverrides
    from loaders.pipeline import extract_to_shards

    if args.docs_per_shard < 1:
        raise InputError(f"--docs-per-shard must be 1 or more, not {args.docs_per_shard}")
    settings = _settings(args)
    overrides = MetaOverrides(title=args.title, publisher=args.publisher, url=args.url, published=args.published)
    report = extract_to_shards(
        [Path(p) for p in args.paths],
        Path(args.out),
        settings,
        overrides=overrides,
        workers=(args.workers if args.workers is not None else settings.workers) or os.cpu_count() or 1,
        docs_per_shard=args.docs_per_shard,
        progress=None if args.quiet else _progress,
    )
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    print(
        f"documents: {len(report.loaded)} extracted to {args.out}, {len(report.unchanged)} repeated, "
        f"{len(report.failures)} failed; entities: {report.entities}; facts: {report.facts}"
    )
    return 1 if report.failures else 0


def serve_warning(settings: Settings) -> str | None:
    """What an operator should know before serving with these settings: writes refused for want of a token."""
    if settings.api_token is None and not settings.loopback_only:
        return (
            f"warning: no KG_API_TOKEN and listening on {settings.host}: POST and DELETE /documents are refused "
            "(403); set KG_API_TOKEN to take writes"
        )
    return None


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the REST API and SPARQL endpoint over the store."""
    from api import extractor

    settings = _settings(args)
    if extractor.takes_writes(settings):
        extractor.warm()  # first: the fork server imports the extraction while this process imports the rest
    import uvicorn

    from api.app import create_app
    from kg.ontology import install_ontology
    from kg.queries.snapshot import start
    from kg.resolve import refresh_if_stale

    warning = serve_warning(settings)
    if warning:
        print(warning, file=sys.stderr)
    with _opened(settings, serve=True) as store:  # a long-lived reader: worth the in-memory query replica
        note = getattr(store, "replica_note", None)
        if note:
            print(note, file=sys.stderr)
        refresh_if_stale(store)  # a writer killed between its document writes and its resolution refresh
        install_ontology(store)  # a store loaded before the ontology graph existed, or with an older ontology
        start(store)  # the read snapshot: its catalogue now, its other parts in a thread while requests come
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(
            f"serving {store.description} on http://{host}:{settings.port}/ "
            f"(API docs /docs, SPARQL /sparql, exports /export); Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
        app = create_app(settings, store, keep_read_side=True)  # kept when it stops, as the last write left it
        uvicorn.run(app, host=settings.host, port=settings.port, log_level=args.log_level)
    return 0


def _cell(term: Term | None) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def _query_text(args: argparse.Namespace) -> str:
    """The query: the argument, standard input for '-', or the file given with --file."""
    if args.file is not None:
        if args.sparql is not None:
            raise InputError("give the query either as an argument or with --file, not both")
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.file}: cannot read the query: {exc}") from exc
    if args.sparql is None:
        raise InputError("no query: pass it as an argument, '-' to read standard input, or --file FILE")
    return sys.stdin.read() if args.sparql == "-" else args.sparql


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query and print the result."""
    settings = _settings(args)
    text = _query_text(args)
    with _opened(settings, read_only=True) as store:

        def job(query: str) -> QueryResult:
            check_query(query, max_chars=settings.sparql_max_query_bytes)
            return store.query(query, timeout_s=settings.sparql_timeout_s, max_rows=settings.sparql_max_rows)

        # The endpoint's walls: killed at the time limit (aggregates included), no network, capped memory.
        sandbox = Sandbox(
            job,
            workers=1,
            memory_bytes=settings.sparql_max_memory_mb << 20,
            stack_bytes=max(64 << 20, 1024 * settings.sparql_max_query_bytes),
            prefork=False,
            isolate=store.embedded,
        )
        result = sandbox.run(text, time.monotonic() + settings.sparql_timeout_s)
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
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows([result.variables, *rows])
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
    from kg.export import export_format, export_to_file, write_export

    export_format(args.format)  # a typo fails before the store is opened or a file touched
    settings = _settings(args)
    with _opened(settings, read_only=True) as store:
        if args.output in (None, "-"):
            write_export(store, args.format, sys.stdout.buffer)
        else:
            export_to_file(store, args.format, Path(args.output))
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


def cmd_explain(args: argparse.Namespace) -> int:
    """Print every fact of a stored document with its rule and span, grouped by kind."""
    from kg.explain import explain, render_json, render_text

    with _opened(_settings(args), read_only=True) as store:
        _, facts = explain(store, args.doc_id)
    print((render_json if args.format == "json" else render_text)(args.doc_id, facts))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Print each rule's correct and wrong items against a gold set (the evaluation script's own matching)."""
    from kg.rule_eval import evaluate, render

    tallies = evaluate(Path(args.gold_dir), Path(args.articles_dir), Path(args.scorer) if args.scorer else None)
    print(render(tallies, items=not args.brief, show_unscored=args.unscored))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove documents and every fact only they support (from Neo4j too when one is configured)."""
    from kg.queries.snapshot import follow, keep_current
    from kg.resolution_index import keep_index
    from loaders.pipeline import index_if_kept, remove_document

    settings = _settings(args).with_overrides(neo4j_uri=args.neo4j)
    if settings.neo4j_uri:
        from kg.neo4j import check_neo4j

        check_neo4j(settings)  # fail before touching the embedded store
    missing, removed = 0, []
    with _opened(settings) as store:
        following = follow(store)  # a kept read side, if current, moved on by the removals as by a load's writes
        index_if_kept(store)  # before the first removal makes the kept index stale
        for doc_id in args.ids:
            if remove_document(store, doc_id):
                print(f"removed {doc_id}")
                removed.append(doc_id)
            else:
                print(f"error: no document {doc_id}", file=sys.stderr)
                missing += 1
        if following:
            keep_current(store)
        keep_index(store)
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


def cmd_validate(args: argparse.Namespace) -> int:
    """Check the store's graph (or an RDF file) against the SHACL shapes; 1 when it does not conform."""
    if args.file is not None:
        outcome, what = ontology.validate_file(Path(args.file), inference=args.inference), args.file
    else:
        with _opened(_settings(args), read_only=True) as store:
            outcome = ontology.validate_quads(store.quads(), inference=args.inference)
            what = store.description
    print(ontology.summary(outcome, what, inference=args.inference, limit=args.limit))
    return 0 if outcome.conforms else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graph of news about the AI industry.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", type=Path, help="store directory (default ./kg-data or $KG_STORE)")
        p.set_defaults(func=func)
        return p

    load = command("load", cmd_load, "load .txt, .md, .html and .jsonl articles (files or folders)")
    load.add_argument("paths", nargs="*", metavar="PATH")
    load.add_argument("--nquads", nargs="+", metavar="DIR", help="load N-Quads shards written by 'kg extract' instead")
    for flag in ("title", "publisher", "url", "published"):
        load.add_argument(f"--{flag}", help=f"{flag} for every document of this batch")
    load.add_argument("--workers", type=int, help="extraction processes, 0 for one per core (default $KG_WORKERS or 1)")
    load.add_argument("--force", action="store_true", help="re-extract documents already in the store")
    load.add_argument("--neo4j", metavar="URI", help="also write the loaded documents to Neo4j (default $KG_NEO4J_URI)")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.add_argument("--no-read-side", action="store_true",
                      help="leave kg serve's kept read side stale (its next start rebuilds it) rather than update it")

    extract = command("extract", cmd_extract, "extract articles into N-Quads shards, without a store")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--out", required=True, metavar="DIR", help="new or empty folder for the shards")
    for flag in ("title", "publisher", "url", "published"):
        extract.add_argument(f"--{flag}", help=f"{flag} for every document of this batch")
    extract.add_argument("--workers", type=int, help="extraction processes, 0 for one per core (default 1)")
    extract.add_argument("--docs-per-shard", type=int, default=1000, help="documents per shard file (default 1000)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")

    serve = command("serve", cmd_serve, "serve the REST API and SPARQL endpoint")
    serve.add_argument("--host", help="address to listen on (default $KG_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default $KG_PORT or 8000)")
    serve.add_argument("--log-level", default="warning", help="uvicorn's log level (default warning)")

    query = command("query", cmd_query, "run a read-only SPARQL query and print the result")
    query.add_argument("sparql", nargs="?", help="the query, or '-' to read it from standard input")
    query.add_argument("-f", "--file", help="read the query from this file (.rq)")
    query.add_argument("--format", choices=("table", "json", "tsv", "csv"), default="table")

    names = ", ".join([*FORMATS, *ALIASES])
    export = command("export", cmd_export, "export the whole graph for Gephi, Neo4j or RDF tools")
    export.add_argument("--format", required=True, metavar="FORMAT", help=f"one of: {names}")
    export.add_argument("-o", "--output", help="file to write, replaced only once complete (default: standard output)")

    command("stats", cmd_stats, "print counts of documents, entities, facts and triples")
    explain = command("explain", cmd_explain, "print each fact of a stored document with its rule and span")
    explain.add_argument("doc_id", metavar="DOC_ID", help="a document id (GET /documents lists them)")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    evaluation = sub.add_parser(
        "eval", help="each extraction rule's correct and wrong items against a gold set",
        description="Extract ARTICLES_DIR and judge every criticism, funding round, relation and claim against "
        "GOLD_DIR (../shared/eval/GOLD_SCHEMA.md) with ../shared/eval/score.py's matching; print each rule's "
        "counts, then its correct (+) and wrong (-) items.",
    )  # fmt: skip
    evaluation.add_argument("gold_dir", metavar="GOLD_DIR")
    evaluation.add_argument("articles_dir", metavar="ARTICLES_DIR")
    evaluation.add_argument("--scorer", metavar="SCORE_PY", help="the scorer (default ../shared/eval/score.py)")
    evaluation.add_argument("--brief", action="store_true", help="only the table of counts")
    evaluation.add_argument("--unscored", action="store_true", help="list the items the scorer does not judge too")
    evaluation.set_defaults(func=cmd_eval)
    remove = command("remove", cmd_remove, "remove documents by id, with every fact only they support")
    remove.add_argument("ids", nargs="+", metavar="ID")
    remove.add_argument("--neo4j", metavar="URI", help="also remove them from this Neo4j (default $KG_NEO4J_URI)")
    validate = command("validate", cmd_validate, "check the graph against the SHACL shapes (ontology/shapes.ttl)")
    validate.add_argument("file", nargs="?", help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) instead of the store")
    validate.add_argument(
        "--inference", choices=ontology.INFERENCES, default="rdfs", help="rdfs (default, as pyshacl -i rdfs) or none"
    )
    validate.add_argument("--limit", type=int, default=20, help="violations listed (default 20)")
    sync = command("sync-neo4j", cmd_sync_neo4j, "push the embedded store to Neo4j")
    sync.add_argument("--neo4j", metavar="URI", help="bolt URI (default $KG_NEO4J_URI)")
    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("ainews-kg")
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


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
