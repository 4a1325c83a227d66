"""The embedded on-disk store, on pyoxigraph (RocksDB underneath)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.errors import BackendError, QueryError, QueryTimeoutError, ResultTooLargeError
from kg.sparql_guard import top_level_limit
from kg.sparql_results import BOOLEAN_WRITERS, serialize
from kg.store.base import AskResult, GraphResult, QueryResult, RowStream, SelectResult, names_dataset

# How many rows pass between two looks at the clock while a result streams in.
_CLOCK_EVERY = 256
# Results media types pyoxigraph writes as the generic writers do: JSON and CSV byte for byte, XML to the same
# document. Not TSV: pyoxigraph writes numbers and booleans bare (valid, but a different text).
_NATIVE_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
}


class OxigraphStore:
    """A pyoxigraph store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        # Bumped on every write through this object; caches of derived data (the REST catalogue) key on it.
        # Per process is enough: only one process can open an on-disk store read-write.
        self.generation = 0
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (path / "CURRENT").exists():
                    raise BackendError(f"no store at {path}: run 'kg load' first or pass --store")
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            hint = " (is another process, such as 'kg serve', using it?)" if "lock" in str(exc).lower() else ""
            raise BackendError(f"cannot open the store at {path}{hint}: {exc}") from exc

    @property
    def description(self) -> str:
        """The backend and where it keeps its data."""
        return f"oxigraph:{self.path}" if self.path else "oxigraph:memory"

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's graph is in the store."""
        return self._store.contains_named_graph(vocab.document_iri(doc_id))

    def put_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a graph in one transaction, so a crash leaves it fully old or fully new."""
        quads = list(quads)
        if any(q.graph_name != graph for q in quads):
            raise ValueError(f"every quad must be in graph {graph.value}")
        try:
            if self._store.contains_named_graph(graph):
                body = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
                self._store.update(f"DROP SILENT GRAPH {graph} ; INSERT DATA {{ GRAPH {graph} {{ {body} }} }}")
            else:
                self._store.extend(quads)
            # No flush per write: each transaction is already atomic and in RocksDB's write-ahead log, which
            # survives a killed process; flushing memtables per document made loads five times slower.
        except OSError as exc:
            raise BackendError(f"writing graph {graph.value} to {self.description} failed: {exc}") from exc
        finally:
            self.generation += 1  # even a failed write may have changed something: cached reads start afresh

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph; False if it was not there."""
        if not self._store.contains_named_graph(graph):
            return False
        try:
            self._store.update(f"DROP GRAPH {graph}")
        finally:
            self.generation += 1
        return True

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs in the store."""
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def count_quads(self) -> int:
        """The number of quads in the store."""
        return len(self._store)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Stream the quads of one graph, or of the whole store."""
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> QueryResult:
        """Run a read-only query over the union of the graphs (or the given dataset), within the limits."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        return _collect(self._run(sparql, default_graph, named_graphs), deadline, max_rows)

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> bytes:
        """Run a query and serialise it, with pyoxigraph's own serialisers when the row limit is known to hold.

        pyoxigraph serialises a whole result in Rust without making Python terms (several times faster), but
        cannot stop at a row count. It is used when the query's own top-level LIMIT is within ``max_rows``;
        otherwise rows are collected under the limit (and the clock) and written by the generic writers.
        """
        deadline = time.monotonic() + timeout_s if timeout_s else None
        result = self._run(sparql, default_graph, named_graphs)
        native = _NATIVE_FORMATS.get(media_type)
        if native is not None and (
            (isinstance(result, ox.QueryBoolean) and media_type in BOOLEAN_WRITERS)
            or (isinstance(result, ox.QuerySolutions) and _within(top_level_limit(sparql), max_rows))
        ):
            body = result.serialize(format=native)
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
            return body
        return serialize(_collect(result, deadline, max_rows), media_type)

    def stream(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> RowStream:
        """Run a SELECT and stream its rows; pyoxigraph evaluates lazily, so rows are computed as they are read."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        result = self._run(sparql, default_graph, named_graphs)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("stream() runs SELECT queries only; use query() for ASK, CONSTRUCT and DESCRIBE")
        variables = [var.value for var in result.variables]
        rows = iter(result) if deadline is None else _bounded(result, deadline, None)
        return variables, map(tuple, rows)

    def _run(
        self, sparql: str, default_graph: list[ox.NamedNode] | None, named_graphs: list[ox.NamedNode] | None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Start a query on the right dataset, turning engine errors into the project's errors."""
        try:
            if default_graph is not None or named_graphs is not None:
                # A given dataset is exactly those graphs, replacing any FROM / FROM NAMED of the query.
                return self._store.query(
                    sparql, default_graph=list(default_graph or []), named_graphs=list(named_graphs or [])
                )
            # pyoxigraph ignores a query's own FROM / FROM NAMED under the union flag, so it is set only without them.
            return self._store.query(sparql, use_default_graph_as_union=not names_dataset(sparql))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise BackendError(f"query failed on {self.description}: {exc}") from exc

    def close(self) -> None:
        """Flush and release the store."""
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store


def _collect(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, deadline: float | None, max_rows: int | None
) -> QueryResult:
    """A running query's results as a store result, read under the deadline and the row limit."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [var.value for var in result.variables]
        rows = [tuple(solution) for solution in _bounded(result, deadline, max_rows)]
        return SelectResult(variables, rows)
    return GraphResult(list(_bounded(result, deadline, max_rows)))


def _within(limit: int | None, max_rows: int | None) -> bool:
    """Whether a query's LIMIT guarantees the row limit."""
    return max_rows is None or (limit is not None and limit <= max_rows)


def _bounded(results: Iterable[object], deadline: float | None, max_rows: int | None) -> Iterator:
    """Yield results until the deadline or the row limit, raising when either is passed."""
    for count, item in enumerate(results, start=1):
        if max_rows is not None and count > max_rows:
            raise ResultTooLargeError(f"the query returns more than {max_rows} results; add a LIMIT")
        if deadline is not None and count % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
        yield item
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
