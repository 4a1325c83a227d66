"""The store protocol: what every RDF backend offers, and the query results it returns.

Terms are pyoxigraph terms whatever the backend, so callers never see a backend's own types.
A document's facts live in one named graph (the document's IRI), so a document can be removed
and re-derived without touching any other.

Queries may use the prefixes of ``kg.vocab.PREFIXES`` without declaring them. They run over the union of the
graphs unless they name their own dataset (``FROM`` / ``FROM NAMED``)
or the caller passes one (``default_graph`` / ``named_graphs``, as the SPARQL Protocol's
``default-graph-uri`` / ``named-graph-uri`` do), which then replaces the query's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, runtime_checkable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse

from kg import vocab

Term = NamedNode | BlankNode | Literal | Triple


@dataclass(frozen=True)
class SelectResult:
    """Rows of a SELECT query; a cell is None where the variable is unbound."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]

    def dicts(self) -> list[dict[str, Term | None]]:
        """The rows as dicts keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class AskResult:
    """The answer of an ASK query."""

    value: bool


@dataclass(frozen=True)
class GraphResult:
    """The triples of a CONSTRUCT or DESCRIBE query."""

    triples: list[Triple] = field(default_factory=list)


QueryResult = SelectResult | AskResult | GraphResult


@dataclass(frozen=True)
class Change:
    """One committed write, as a store reports it to its listeners (:meth:`GraphStore.subscribe`)."""

    generation: int
    """The store's generation once the write is done."""
    graph: NamedNode
    """The graph replaced or removed."""
    touched: frozenset[str] | None
    """The IRIs whose triples the write changed (subjects, and objects other than classes); None if unknown."""


Listener = Callable[[Change], None]
Row = tuple[Term | None, ...]
# The rows of a streamed SELECT: its variables, and an iterator that fetches rows as it is read.
RowStream = tuple[list[str], Iterator[Row]]


@runtime_checkable
class GraphStore(Protocol):
    """An RDF dataset holding one named graph per document."""

    generation: int
    """A counter bumped on every write through this object (put_graph, remove_graph); caches key on it."""

    embedded: bool
    """Whether queries run on an engine inside this process (so :mod:`kg.sandbox` must fence them); False when a
    server runs them (it needs the network, and enforces the limits itself)."""

    @property
    def description(self) -> str:
        """A short human-readable name of the backend and its location."""
        ...

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's graph is in the store."""
        ...

    def put_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace the named graph with these quads, atomically: all of them or none."""
        ...

    def remove_graph(self, graph: NamedNode) -> bool:
        """Remove a named graph; False if it was not there."""
        ...

    def mark_resolution_stale(self) -> None:
        """Record, durably, that document graphs are about to change and the resolution graph may fall behind.

        Called before the first document write of a batch; the mark outlives a crash, so the next ``kg load`` or
        ``kg serve`` sees it and refreshes resolution. Marking a marked store changes nothing.
        """
        ...

    def clear_resolution_stale(self) -> None:
        """Remove the mark: the resolution graph was just refreshed from the documents stored."""
        ...

    def resolution_is_stale(self) -> bool:
        """Whether documents were written since resolution was last refreshed (or a writer died in between)."""
        ...

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the store."""
        ...

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every write through this object, before the next write can start.

        The listener sees the store exactly as that write left it, so what it derives from it belongs to that
        generation. It runs on the writing thread and must not write to the store or raise.
        """
        ...

    def count_quads(self) -> int:
        """The number of quads in the store."""
        ...

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Stream the quads of one graph, or of the whole store."""
        ...

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query over the union of all graphs, or over the dataset given or named in it."""
        ...

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graph: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> bytes:
        """Run a read-only query like ``query`` and return its results serialised as ``media_type``.

        The media type is one of :mod:`kg.sparql_results`' writers for the query's form (ValueError otherwise).
        A backend may serialise natively, without making Python terms, as long as the limits hold the same.
        ``base_iri`` resolves the query's relative IRIs (the SPARQL Protocol lets the service choose it).
        """
        ...

    def stream(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        default_graph: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
    ) -> RowStream:
        """Run a SELECT and return its variables and an iterator over its rows, fetched as they are read.

        The iterator raises QueryTimeoutError once ``timeout_s`` has passed; a query that is not a SELECT is a
        QueryError. Read it to the end (or drop it) on the thread that called ``stream``.
        """
        ...

    def stream_csv(self, sparql: str, out: BinaryIO) -> None:
        """Run a SELECT as ``query`` does and write its results to ``out`` as SPARQL CSV (text/csv).

        The bytes are those ``query_serialized(sparql, "text/csv")`` gives, written a chunk at a time as rows
        are computed, with no row or time limit: for exports, which read the whole graph. A backend may write
        them without making a Python object per row. A query that is not a SELECT is a QueryError.
        """
        ...

    def quiescent(self) -> AbstractContextManager[None]:
        """A context in which no write is under way and reads see every committed one; hold it briefly.

        Writes (and the listeners they call) wait until it ends. The read snapshot (:mod:`kg.queries.snapshot`) is
        built inside it, and :mod:`kg.sandbox` forks query processes inside it, so that a child never inherits a
        half-applied write.
        """
        ...

    def writes_held(self) -> AbstractContextManager[None]:
        """A context in which no write is under way; hold it briefly. Reads inside see every committed write, as in
        :meth:`quiescent`, but may first wait for what the store prepares for them (an in-memory copy made at open):
        the read snapshot's first build publishes what it kept inside it without waiting for that."""
        ...

    def close(self) -> None:
        """Release the store (file locks, handles)."""
        ...


@runtime_checkable
class BulkGraphWriter(Protocol):
    """A store that adds many new graphs in one transaction, from N-Quads, without a Python object per quad."""

    def add_graphs(self, graphs: list[NamedNode], nquads: bytes) -> None:
        """Add named graphs not yet in the store, given as N-Quads, in one transaction: all of them or none."""
        ...


def add_graphs(store: GraphStore, graphs: list[NamedNode], nquads: bytes) -> None:
    """Add named graphs not yet in the store, given as N-Quads holding exactly those graphs (else ValueError).

    One transaction where the backend can (:class:`BulkGraphWriter`); elsewhere one :meth:`GraphStore.put_graph`
    per graph, each atomic, so a crash leaves every graph fully in or fully out either way.
    """
    if isinstance(store, BulkGraphWriter):
        store.add_graphs(graphs, nquads)
        return
    for graph, quads in quads_by_graph(graphs, nquads).items():
        store.put_graph(graph, quads)


def quads_by_graph(graphs: list[NamedNode], nquads: bytes) -> dict[NamedNode, list[Quad]]:
    """The quads of N-Quads, grouped by graph as :func:`graph_quads` checks them; ValueError for a quad elsewhere
    or for text that is not N-Quads."""
    found: dict[NamedNode, list[Quad]] = {graph: [] for graph in graphs}
    for quad in _parsed(nquads):
        if quad.graph_name not in found:
            raise ValueError(f"a quad outside the graphs being added: {quad}")
        found[quad.graph_name].append(quad)
    return {graph: graph_quads(graph, quads) for graph, quads in found.items()}


def check_nquads(graphs: list[NamedNode], nquads: bytes) -> None:
    """What :func:`quads_by_graph` checks, without keeping the quads (a fraction of the cost of writing them)."""
    allowed = set(graphs)
    for quad in _parsed(nquads):
        if quad.graph_name not in allowed:
            raise ValueError(f"a quad outside the graphs being added: {quad}")
        if isinstance(quad.subject, BlankNode) or isinstance(quad.object, BlankNode):
            raise ValueError(f"graph {quad.graph_name}: blank nodes cannot be written (every node needs an IRI)")


def _parsed(nquads: bytes) -> Iterator[Quad]:
    try:
        yield from parse(nquads, format=RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise ValueError(f"not N-Quads: {exc}") from exc


def graph_quads(graph: NamedNode, quads: Iterable[Quad]) -> list[Quad]:
    """The quads of a put_graph, once each; ValueError for a quad of another graph or a blank node.

    Every node written needs an IRI: a blank node could not be matched again when its graph is rewritten.
    """
    quads = list(dict.fromkeys(quads))
    if any(q.graph_name != graph for q in quads):
        raise ValueError(f"every quad must be in graph {graph.value}")
    if any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object)):
        raise ValueError(f"graph {graph.value}: blank nodes cannot be written (every node needs an IRI)")
    return quads


def touched_iris(quads: Iterable[Quad]) -> frozenset[str]:
    """The IRIs whose triples these added or removed quads change: subjects, and objects other than classes.

    A class (the object of rdf:type) is left out: its own triples do not change when an instance comes or goes.
    """
    found: set[str] = set()
    for quad in quads:
        if isinstance(quad.subject, NamedNode):
            found.add(quad.subject.value)
        if isinstance(quad.object, NamedNode) and quad.predicate != vocab.RDF_TYPE:
            found.add(quad.object.value)
    return frozenset(found)
