"""The load pipeline: read -> extract -> write (whole documents per transaction) -> resolve across documents.

Extraction is pure (text in, :class:`~kg.model.Document` out), so it runs in worker processes, which also turn
each document into its graph's N-Quads; the calling process only writes them, a few whole documents per
transaction, and reports a document loaded once its transaction is committed, so a crash leaves each document
either fully in the store or fully out. A document whose extraction raises is a failure
(:class:`~kg.errors.ExtractionError`, naming it and the stage) and is not stored: never stored without its facts.
The store is marked stale before the first document write and the mark is cleared by the resolution refresh
after the last, so a crash in between is repaired by the next load.

The two halves also run apart: :func:`extract_to_shards` writes the documents' graphs to N-Quads shards without a
store (on any machine, or mapped over documents by a distributed engine), and :func:`load_shards` writes shards
to a store with the same guarantees (one transaction per document, resolution refreshed after). Extracting to
shards and loading them gives the store that loading the files gives, ingestion times aside.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from pydantic import BaseModel

from kg import ids, kept, vocab
from kg.errors import DocumentError, ExtractionError, InputError
from kg.model import Document, DocumentMeta
from kg.ontology import install_ontology
from kg.rdf import document_quads
from kg.resolution_index import FILE as KEPT_INDEX
from kg.resolution_index import current_index, start_index
from kg.resolve import refresh_if_stale, refresh_resolution
from kg.settings import Settings
from kg.store.base import GraphStore, add_graphs, quads_by_graph
from loaders.dateline import read_header
from loaders.documents import MetaOverrides, RawDocument, discover, read_file
from loaders.shards import document_id_of, document_nquads, read_shard, shard_files, shard_name, write_shard

# Documents written per transaction by a batch load: fewer, larger commits for the one writing process, and at
# most this many extracted documents to extract again after a crash.
DOCS_PER_WRITE = 16
# Modules of loaders.extract that only orchestrate: a failure is named after the stage module below them.
_ORCHESTRATION = ("loaders.extract", "loaders.extract.pipeline")
# One change of document graphs and its resolution refresh at a time (the server writes from threads): the
# refresh clears the stale mark, which must not hide a document another writer stored after the refresh read.
_CHANGING = threading.Lock()


class IngestResult(BaseModel):
    """What loading one document did."""

    document_id: str
    origin: str
    created: bool
    entities: int = 0
    facts: int = 0


class Built(NamedTuple):
    """One extracted document as a worker process hands it back: small to pickle, ready to write."""

    summary: IngestResult
    nquads: bytes
    """The document's named graph as N-Quads (:func:`loaders.shards.document_nquads`)."""


_Extracted = tuple[RawDocument, Built | ExtractionError]


class BatchReport(BaseModel):
    """What loading a batch did: per-document results and per-file failures."""

    loaded: list[IngestResult] = []
    unchanged: list[IngestResult] = []
    failures: list[str] = []

    @property
    def entities(self) -> int:
        """Entities extracted from the newly loaded documents."""
        return sum(r.entities for r in self.loaded)

    @property
    def facts(self) -> int:
        """Facts extracted from the newly loaded documents."""
        return sum(r.facts for r in self.loaded)


def build_document(raw: RawDocument) -> Document:
    """Run the extraction on one document (pure: safe in a worker process); ExtractionError if a stage raises."""
    from loaders.extract import extract  # the extraction stack is imported once, where it runs

    header = read_header(raw.text)  # what the article's own first lines say, where no metadata does
    meta = DocumentMeta(
        id=ids.document_id(raw.text),
        title=raw.title or header.title,
        publisher=raw.publisher,
        url=raw.url,
        published=raw.published or header.published,
        ingested_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        origin=raw.origin,
    )
    try:
        return Document(meta=meta, text=raw.text, extraction=extract(raw.text, meta.published))
    except Exception as exc:  # a bug in one rule must cost one document, named, not the batch or the server
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise ExtractionError(raw.origin, _failed_stage(exc), reason) from exc


def _failed_stage(exc: BaseException) -> str:
    """The extraction stage an exception came from: the declared stage that raised it, else (merging the pieces of a
    long text) the orchestration's step, else "document"."""
    from loaders.extract.pipeline import failed_stage  # imported by the extraction that raised

    if (stage := failed_stage(exc)) is not None:
        return stage
    last = "document"  # raised outside the extraction: building the Document from its result
    tb = exc.__traceback__
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if module.startswith("loaders.extract"):
            if module not in _ORCHESTRATION:
                return module.rsplit(".", 1)[-1]
            last = tb.tb_frame.f_code.co_name.strip("_")  # the orchestration's own step (merging pieces, ...)
        tb = tb.tb_next
    return last


def _summary(doc: Document, created: bool) -> IngestResult:
    ex = doc.extraction
    facts = len(ex.events) + len(ex.criticisms) + len(ex.relations) + len(ex.claims)
    return IngestResult(
        document_id=doc.meta.id, origin=doc.meta.origin or "", created=created, entities=len(ex.entities), facts=facts
    )


def write_document(store: GraphStore, doc: Document) -> None:
    """Write one document's graph in a single transaction (replacing an older version of it)."""
    store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))


def ingest(
    store: GraphStore,
    raw: RawDocument,
    settings: Settings,
    *,
    force: bool = False,
    build: Callable[[RawDocument], Built] | None = None,
) -> IngestResult:
    """Load one document; a text already in the store is left as it is unless ``force``.

    ``build`` extracts it elsewhere (the server's worker process: :func:`build_elsewhere` runs there) and hands
    back its N-Quads; without it the extraction runs here. Either way the write is the same one transaction.
    """
    del settings  # part of the signature so limits can apply here later without changing callers
    doc_id = ids.document_id(raw.text)
    if store.has_document(doc_id) and not force:
        return IngestResult(document_id=doc_id, origin=raw.origin, created=False)
    graph = vocab.document_iri(doc_id)
    if build is None:
        doc = build_document(raw)
        summary, quads = _summary(doc, created=True), document_quads(doc)
    else:
        summary, nquads = build(raw)
        quads = quads_by_graph([graph], nquads)[graph]
    with _CHANGING:
        store.mark_resolution_stale()
        store.put_graph(graph, quads)
        refresh_resolution(store)
    return summary


def build_elsewhere(raw: RawDocument) -> Built:
    """:func:`build_document` and its N-Quads, for a process that extracts for another; ExtractionError if it fails."""
    found = _safe_build(raw)
    if isinstance(found, ExtractionError):
        raise found
    return found


def remove_document(store: GraphStore, doc_id: str) -> bool:
    """Remove a document and every fact only it supports; False if it was not there."""
    with _CHANGING:
        if not store.has_document(doc_id):
            return False
        store.mark_resolution_stale()
        store.remove_graph(vocab.document_iri(doc_id))
        refresh_resolution(store)
        return True


def load_paths(
    store: GraphStore,
    paths: Iterable[Path],
    settings: Settings,
    *,
    overrides: MetaOverrides | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[Iterator[_Extracted], int], Iterable[_Extracted]] | None = None,
    docs_per_write: int = DOCS_PER_WRITE,
) -> BatchReport:
    """Load every document under the paths; failures are reported per file and do not stop the batch.

    Documents are written ``docs_per_write`` to a transaction, each whole. Resolution is refreshed after the
    batch if it wrote a document, or if the store was already marked stale.
    """
    report = BatchReport()
    index_if_kept(store)
    known = (lambda doc_id: False) if force else store.has_document
    pending = _new_documents(_read_all(paths, settings, overrides, report), known, report)
    indexing: list[threading.Thread] = []
    extracted = _extract_all(
        pending, workers, functools.partial(_index_beside, store, indexing), settings.extract_timeout_s
    )
    try:
        with _CHANGING:
            batch: list[Built] = []
            for _, outcome in progress(extracted, len(pending)) if progress else extracted:
                if isinstance(outcome, ExtractionError):
                    report.failures.append(str(outcome))
                    continue
                batch.append(outcome)
                if len(batch) >= docs_per_write:
                    _write_batch(store, batch, report)
                    batch = []
            if batch:
                _write_batch(store, batch, report)
            refresh_if_stale(store)
            install_ontology(store)
    finally:
        for thread in indexing:  # the store is closed after this returns: nothing may read it then
            thread.join()
    return report


def index_if_kept(store: GraphStore) -> bool:
    """Read the resolution index kept next to the store back, if it is current, before a batch's first write
    makes it stale; whether it was. The refresh after the batch then reads the batch's documents, not every one.
    """
    found = kept.opened(store, kept.path_of(store, KEPT_INDEX)) if store.embedded else None
    if found is None:
        return False
    found[0].close()
    current_index(store)  # takes it up (kg.resolution_index): a write would make the file stale
    return True


def _index_beside(store: GraphStore, started: list[threading.Thread]) -> None:
    """Start building the resolution index the batch's refresh reads, in a thread, once the workers are forked.

    While they extract, this process only waits and writes; the index (a read of every document, most of a load's
    time on a large store: 10 s of 15 at 10k articles) was built after the last write, on one core. Writes made
    meanwhile are read again by the refresh, as a server's are (:func:`kg.resolution_index.start_index`).
    """
    if store.embedded:
        started.append(start_index(store))


def _write_batch(store: GraphStore, batch: list[Built], report: BatchReport) -> None:
    """Write extracted documents (new ones in one transaction), then report them loaded."""
    if not report.loaded:
        store.mark_resolution_stale()  # before the batch's first write
    new: list[Built] = []
    for built in batch:
        if store.has_document(built.summary.document_id):  # only with force: replaced, one transaction each
            graph = vocab.document_iri(built.summary.document_id)
            store.put_graph(graph, ox.parse(built.nquads, format=ox.RdfFormat.N_QUADS))
        else:
            new.append(built)
    if new:
        add_graphs(store, [vocab.document_iri(b.summary.document_id) for b in new], b"".join(b.nquads for b in new))
    report.loaded.extend(built.summary for built in batch)


def extract_to_shards(
    paths: Iterable[Path],
    out_dir: Path,
    settings: Settings,
    *,
    overrides: MetaOverrides | None = None,
    workers: int = 1,
    docs_per_shard: int = 1000,
    progress: Callable[[Iterator[_Extracted], int], Iterable[_Extracted]] | None = None,
) -> BatchReport:
    """Extract every document under the paths into N-Quads shards in ``out_dir`` (new or empty), without a store.

    Each document is one named graph, as a load writes it; a text met twice is extracted once. Failures are
    reported per file, as by :func:`load_paths`.
    """
    if out_dir.is_dir() and any(out_dir.iterdir()):
        raise InputError(f"{out_dir}: not empty; shards go to a new or empty folder, so no old shard gets loaded")
    report = BatchReport()
    pending = _new_documents(_read_all(paths, settings, overrides, report), lambda doc_id: False, report)
    extracted = _extract_all(pending, workers, timeout_s=settings.extract_timeout_s)
    out_dir.mkdir(parents=True, exist_ok=True)
    batch: list[bytes] = []
    shards = 0
    for _, outcome in progress(extracted, len(pending)) if progress else extracted:
        if isinstance(outcome, ExtractionError):
            report.failures.append(str(outcome))
            continue
        batch.append(outcome.nquads)
        report.loaded.append(outcome.summary)
        if len(batch) == docs_per_shard:
            write_shard(out_dir / shard_name(shards), batch)
            batch, shards = [], shards + 1
    if batch:
        write_shard(out_dir / shard_name(shards), batch)
    return report


def load_shards(store: GraphStore, paths: Iterable[Path], *, force: bool = False) -> BatchReport:
    """Load N-Quads shards (files, or folders of ``*.nq``): each document's graph in one transaction.

    A document already in the store is left as it is unless ``force``; one found in two shards is a failure
    the second time (its graph would be split). A shard that does not parse is a failure and loads nothing.
    Resolution is refreshed after, as by :func:`load_paths`. Counts of entities and facts are not known here.
    """
    report = BatchReport()
    seen: set[str] = set()
    index_if_kept(store)
    with _CHANGING:
        for shard in shard_files(paths):
            try:
                graphs = read_shard(shard)
            except InputError as exc:
                report.failures.append(str(exc))
                continue
            for graph, quads in graphs.items():
                doc_id = document_id_of(graph)
                if doc_id in seen:
                    report.failures.append(f"{shard}: document {doc_id} is in an earlier shard too; not loaded again")
                    continue
                seen.add(doc_id)
                if not force and store.has_document(doc_id):
                    report.unchanged.append(IngestResult(document_id=doc_id, origin=str(shard), created=False))
                    continue
                if not report.loaded:
                    store.mark_resolution_stale()  # before the batch's first write
                store.put_graph(graph, quads)
                report.loaded.append(IngestResult(document_id=doc_id, origin=str(shard), created=True))
        refresh_if_stale(store)
        install_ontology(store)
    return report


def _new_documents(
    raws: Iterable[RawDocument], known: Callable[[str], bool], report: BatchReport
) -> list[RawDocument]:
    """The documents to extract: each text once, and none ``known`` already; the others are reported unchanged."""
    pending: list[RawDocument] = []
    seen: set[str] = set()
    for raw in raws:
        doc_id = ids.document_id(raw.text)
        if doc_id in seen or known(doc_id):
            report.unchanged.append(IngestResult(document_id=doc_id, origin=raw.origin, created=False))
        else:
            seen.add(doc_id)
            pending.append(raw)
    return pending


def _read_all(
    paths: Iterable[Path], settings: Settings, overrides: MetaOverrides | None, report: BatchReport
) -> Iterator[RawDocument]:
    for found in discover(paths):
        if isinstance(found, DocumentError):
            report.failures.append(str(found))
            continue
        for item in read_file(found, max_bytes=settings.max_document_bytes, overrides=overrides):
            if isinstance(item, DocumentError):
                report.failures.append(str(item))
            else:
                yield item


def _extract_all(
    raws: list[RawDocument], workers: int, forked: Callable[[], None] = lambda: None, timeout_s: float | None = None
) -> Iterator[_Extracted]:
    """Extract documents in order, in ``workers`` processes when more than one (then ``forked`` is called once
    they are: a thread started before a fork may leave the child a lock it holds).

    Before the workers fork, every lexicon, pattern table and model of the extraction is loaded here (about a second
    of CPU, once), and the first document is extracted here: the workers, forked after it, start warm instead of each
    paying it again (a lexicon the first document did not read, such as the first-name genders of the pronoun rules,
    would otherwise be loaded once per worker).
    """
    build = functools.partial(_safe_build, timeout_s=timeout_s)
    if workers <= 1 or len(raws) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for raw in raws:
            yield raw, build(raw)
        return
    from loaders.extract.pipeline import warm_up  # (the extraction stack is imported where it first runs)

    warm_up()
    yield raws[0], build(raws[0])
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = pool.map(build, raws[1:], chunksize=4)  # the workers are forked here, all at once
        forked()
        yield from zip(raws[1:], results, strict=True)


def _safe_build(raw: RawDocument, timeout_s: float | None = None) -> Built | ExtractionError:
    """The document extracted and serialised, where it runs (a worker process), or its failure.

    Returned, not raised, so that one document's failure does not end a worker pool's map. An extraction that runs
    past ``timeout_s`` (where the process can be told: its main thread) fails the document, naming where it ran.
    """
    try:
        with _time_limit(timeout_s):
            doc = build_document(raw)
    except ExtractionError as exc:
        return exc
    except _RanPast as exc:
        return ExtractionError(raw.origin, _failed_stage(exc), f"ran past its time limit ({timeout_s:g} s)")
    return Built(_summary(doc, created=True), document_nquads(doc))


class _RanPast(BaseException):
    """Raised into an extraction at its time limit; a BaseException, so no rule's ``except Exception`` hides it."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block with :class:`_RanPast` after ``seconds`` of wall-clock time (a real-time timer, so only
    in a main thread where SIGALRM exists; elsewhere, and for None, no limit). A timer already set by the caller
    (pytest-timeout's, say) is left to fire first if it is due sooner, else set again for what is left of it."""
    if seconds is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return
    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer and outer <= seconds:
        yield
        return

    def _ran_past(signum: int, frame: object) -> None:
        raise _RanPast

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _ran_past)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
