"""The embedded on-disk store, on pyoxigraph (RocksDB underneath)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.errors import BackendError, QueryError, QueryTimeoutError, ResultTooLargeError
from kg.store.base import AskResult, GraphResult, QueryResult, RowStream, SelectResult, names_dataset

# How many rows pass between two looks at the clock while a result streams in.
_CLOCK_EVERY = 256


class OxigraphStore:
    """A pyoxigraph store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
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

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph; False if it was not there."""
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(f"DROP GRAPH {graph}")
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
        result = self._run(sparql, default_graph, named_graphs)
        if isinstance(result, ox.QueryBoolean):
            return AskResult(bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [var.value for var in result.variables]
            rows = [tuple(solution) for solution in _bounded(result, deadline, max_rows)]
            return SelectResult(variables, rows)
        return GraphResult(list(_bounded(result, deadline, max_rows)))

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
