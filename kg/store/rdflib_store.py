"""An in-memory store on rdflib's Dataset: a reference backend for tests and benchmarks.

It is far slower than pyoxigraph on large graphs; it exists so the store contract is checked
against two independent engines, and as the baseline the SPARQL benchmark compares against.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, URIRef
from rdflib import Literal as RLiteral
from rdflib.query import Result
from rdflib.term import Node

from kg import vocab
from kg.errors import QueryError, QueryTimeoutError, ResultTooLargeError
from kg.sparql_guard import names_dataset
from kg.sparql_results import serialize, write_csv
from kg.store.base import (
    AskResult,
    Change,
    GraphResult,
    Listener,
    QueryResult,
    RowStream,
    SelectResult,
    Term,
    graph_quads,
    touched_iris,
)


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return RLiteral(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return RLiteral(term.value)
    # Keep the lexical form as written: rdflib would otherwise re-spell typed values ("2e9").
    return RLiteral(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def from_rdflib(node: Node) -> Term:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, RLiteral):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        datatype = node.datatype or URIRef(vocab.XSD + "string")
        return ox.Literal(str(node), datatype=ox.NamedNode(str(datatype)))
    raise TypeError(f"unsupported rdflib term {node!r}")


_XSD_STRING = vocab.XSD + "string"


class RdflibStore:
    """An rdflib Dataset in memory, behind the store protocol."""

    embedded = True  # the engine runs in this process

    def __init__(self) -> None:
        self._dataset = Dataset(default_union=True)
        self._lock = threading.RLock()
        # Bumped on every write, as OxigraphStore's: caches of derived data and of REST answers key on it.
        self.generation = 0
        self._stale = False
        self._listeners: list[Listener] = []

    @property
    def description(self) -> str:
        """The backend."""
        return "rdflib:memory"

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's graph is in the store."""
        return self._has_graph(vocab.document_iri(doc_id))

    def _has_graph(self, graph: ox.NamedNode) -> bool:
        return any(True for _ in self._dataset.graph(URIRef(graph.value)).triples((None, None, None)))

    def put_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a graph; the new triples are built first so a failure leaves the old graph."""
        quads = graph_quads(graph, quads)
        triples = [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in quads]
        with self._lock:
            old = set(self.quads(graph))
            touched = None
            self._dataset.remove_graph(URIRef(graph.value))
            target = self._dataset.graph(URIRef(graph.value))
            try:
                for triple in triples:
                    target.add(triple)
                touched = touched_iris(old.symmetric_difference(quads))
            finally:
                self._committed(graph, touched)  # even a failed write may have changed something

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph; False if it was not there."""
        with self._lock:
            if not self._has_graph(graph):
                return False
            old = list(self.quads(graph))
            self._dataset.remove_graph(URIRef(graph.value))
            self._committed(graph, touched_iris(old))
            return True

    def mark_resolution_stale(self) -> None:
        """Record that resolution may fall behind (in memory: it lasts as long as the store)."""
        self._stale = True

    def clear_resolution_stale(self) -> None:
        """Remove the mark."""
        self._stale = False

    def resolution_is_stale(self) -> bool:
        """Whether the mark is set."""
        return self._stale

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every write through this object, before the next write can start."""
        with self._lock:
            self._listeners.append(listener)

    def _committed(self, graph: ox.NamedNode, touched: frozenset[str] | None) -> None:
        """Count a write and tell the listeners, still under the lock."""
        self.generation += 1
        change = Change(self.generation, graph, touched)
        for listener in self._listeners:
            listener(change)

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs that hold triples."""
        return [
            ox.NamedNode(str(g.identifier))
            for g in self._dataset.graphs()
            if isinstance(g.identifier, URIRef)
            and len(g)
            and str(g.identifier) != str(self._dataset.default_graph.identifier)
        ]

    def count_quads(self) -> int:
        """The number of quads in the store."""
        return sum(1 for _ in self._dataset.quads((None, None, None, None)))

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Stream the quads of one graph, or of every named graph."""
        context = URIRef(graph.value) if graph is not None else None
        for s, p, o, g in self._dataset.quads((None, None, None, context)):
            if g is None or not isinstance(g.identifier if hasattr(g, "identifier") else g, URIRef):
                continue
            name = g.identifier if hasattr(g, "identifier") else g
            if graph is not None and str(name) != graph.value:
                continue  # rdflib's Dataset ignores a context given as an IRI and yields every graph's quads
            yield ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), ox.NamedNode(str(name)))

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query with rdflib's engine; the time limit is checked once the result is in."""
        started = time.monotonic()
        result = self._run(sparql, default_graph, named_graphs, base_iri)
        if result.type == "ASK":
            return AskResult(bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            triples = [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in result.graph]
            outcome: QueryResult = GraphResult(triples)
            size = len(triples)
        else:
            variables = [str(v) for v in result.vars]
            rows = [tuple(None if cell is None else from_rdflib(cell) for cell in row) for row in result]
            outcome, size = SelectResult(variables, rows), len(rows)
        if max_rows is not None and size > max_rows:
            raise ResultTooLargeError(f"the query returns more than {max_rows} results; add a LIMIT")
        if timeout_s is not None and time.monotonic() - started > timeout_s:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
        return outcome

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> bytes:
        """Run a query and serialise it with the generic writers."""
        result = self.query(
            sparql,
            timeout_s=timeout_s,
            max_rows=max_rows,
            default_graph=default_graph,
            named_graphs=named_graphs,
            base_iri=base_iri,
        )
        return serialize(result, media_type)

    def quiescent(self) -> AbstractContextManager[object]:
        """A context in which no write is under way (the store's lock)."""
        return self._lock

    def writes_held(self) -> AbstractContextManager[object]:
        """As :meth:`quiescent`: nothing is prepared for reads."""
        return self._lock

    def stream(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> RowStream:
        """Run a SELECT; rdflib computes the whole result first, but the rows are converted as they are read."""
        started = time.monotonic()
        result = self._run(sparql, default_graph, named_graphs)
        if result.type != "SELECT":
            raise QueryError("stream() runs SELECT queries only; use query() for ASK, CONSTRUCT and DESCRIBE")
        if timeout_s is not None and time.monotonic() - started > timeout_s:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
        rows = (tuple(None if cell is None else from_rdflib(cell) for cell in row) for row in result)
        return [str(v) for v in result.vars], rows

    def stream_csv(self, sparql: str, out: BinaryIO) -> None:
        """Run a SELECT and write it as CSV with the generic writer (rdflib computes the whole result first)."""
        result = self.query(sparql)
        if not isinstance(result, SelectResult):
            raise QueryError("stream_csv() runs SELECT queries only")
        for chunk in write_csv(result):
            out.write(chunk)

    def _run(
        self,
        sparql: str,
        default_graph: list[ox.NamedNode] | None,
        named_graphs: list[ox.NamedNode] | None,
        base_iri: str | None = None,
    ) -> Result:
        """Evaluate a query on the dataset, refusing datasets this backend cannot honour."""
        # rdflib copies FROM graphs out of the dataset but fetches any it lacks from the network, and its
        # default graph is always the union: refuse rather than answer over the wrong dataset.
        if default_graph is not None or named_graphs is not None or names_dataset(sparql):
            raise QueryError("the rdflib backend queries the union of its graphs only: no FROM, FROM NAMED or dataset")
        try:
            return self._dataset.query(sparql, base=base_iri, initNs=vocab.PREFIXES)
        except Exception as exc:  # rdflib raises pyparsing errors of several kinds
            raise QueryError(f"SPARQL syntax error: {exc}") from exc

    def close(self) -> None:
        """Nothing to release."""
