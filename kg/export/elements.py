"""The elements of the XML exports (GEXF, GraphML): edges written by the store, nodes by Python with their figures.

The store writes every edge element itself: each edge query's rows come as a CSV result whose fields are
parts of the element (markup, and values it escaped with :func:`kg.export.xmlutil.sparql_xml`), preceded by
the edge's topology (ends, weight, first and last date). No field holds a comma, quote or line break, so
Python splits the topology off each line, hands it to :class:`kg.export.figures.Topology`, and joins the rest
by dropping the commas: no Python object per edge but a few bytes, and no escaping in Python.

A node's figures and timeline span depend on all of its edges, and GEXF lists nodes first: so the edge
elements wait in a temporary file while the nodes, rows of escaped fields, are read, labelled and measured.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from kg import vocab
from kg.export.figures import Figures, Topology
from kg.export.graphview import CRITICISM_QUERY, EDGE_COLUMNS, EDGE_QUERIES, NODE_COLUMNS, NODE_QUERIES
from kg.export.xmlutil import sparql_markup, sparql_xml
from kg.store.base import GraphStore

# The columns written as text, and so escaped: the others are numbers, dates and class names.
_NODE_TEXT = frozenset({"id", "label", "when", "title"})
_EDGE_TEXT = frozenset({"source", "target", "relation", "role", "quote", "document"})
# The fields before an edge's element: its ends (escaped, as node ids are), weight, first and last date.
_TOPOLOGY_FIELDS = 5


@dataclass(frozen=True, slots=True)
class NodeRow:
    """A node as its query gives it (NODE_COLUMNS), each value XML-escaped, and its label made distinct."""

    id: bytes
    label: bytes
    type: bytes
    kind: bytes
    mentions: bytes
    first: bytes
    last: bytes
    when: bytes
    title: bytes


@dataclass(frozen=True, slots=True)
class Elements:
    """The nodes (in a fixed order, with their figures) and the edge elements, one per line, to copy out."""

    nodes: list[tuple[NodeRow, Figures]]
    edges: BinaryIO

    def copy_edges(self, out: BinaryIO) -> None:
        """Write the edge elements to ``out``."""
        self.edges.seek(0)
        shutil.copyfileobj(self.edges, out, 1 << 20)


def escaped(var: str) -> str:
    """The variable holding the XML-escaped value of a text column (?x_relation for ?relation)."""
    return f"?x_{var}"


# The opening of an edge element, the same in GEXF and GraphML: an id that keeps parallel edges apart (source,
# relation, target), then its endpoints; each format adds its own attributes after it.
EDGE_OPENING = (
    sparql_markup("<edge id='"),
    escaped("source"),
    sparql_markup(" "),
    escaped("relation"),
    sparql_markup(" "),
    escaped("target"),
    sparql_markup("' source='"),
    escaped("source"),
    sparql_markup("' target='"),
    escaped("target"),
)


def _select(query: str, columns: tuple[str, ...], text: frozenset[str], outer: str) -> str:
    """``outer`` (a SELECT clause) over the rows of ``query``, its ``text`` columns escaped once as ?x_<name>."""
    inner = " ".join(f"({sparql_xml(c)} AS {escaped(c)})" if c in text else f"?{c}" for c in columns)
    return f"{vocab.sparql_prefixes()}SELECT {outer} WHERE {{ SELECT {inner} WHERE {{ {{ {query} }} }} }}"


@contextmanager
def elements(store: GraphStore, edge_parts: tuple[str, ...]) -> Iterator[Elements]:
    """Read the graph view: edge elements made of ``edge_parts`` (SPARQL over EDGE_COLUMNS and their ?x_ forms)."""
    topology = Topology()
    parts = " ".join(f"({part} AS ?p{i})" for i, part in enumerate(edge_parts))
    outer = f"{escaped('source')} {escaped('target')} ?weight ?first ?last {parts}"
    with tempfile.TemporaryFile() as edges:
        for query in EDGE_QUERIES:
            write = _edge_writer(edges, topology, criticism=query is CRITICISM_QUERY)
            _stream_lines(store, _select(query, EDGE_COLUMNS, _EDGE_TEXT, outer), write)
        rows = _node_rows(store)
        for row in rows:
            topology.add_dates(topology.number(row.id), row.first, row.last)
        figures = topology.figures()
        yield Elements([(row, figures[row.id]) for row in rows], edges)


def _edge_writer(out: BinaryIO, topology: Topology, criticism: bool) -> Callable[[list[bytes]], None]:
    """A handler of edge lines: topology to ``topology``, elements to ``out``."""

    def write(lines: list[bytes]) -> None:
        elements = []
        for line in lines:
            source, target, weight, first, last, element = line.split(b",", _TOPOLOGY_FIELDS)
            topology.add_edge(source, target, int(weight), first, last, criticism)
            elements.append(element.replace(b",", b""))
        out.write(b"\n".join(elements) + b"\n")

    return write


def _node_rows(store: GraphStore) -> list[NodeRow]:
    """Every node, entities then events, each sorted by id, with labels made distinct."""
    outer = " ".join(escaped(c) if c in _NODE_TEXT else f"?{c}" for c in NODE_COLUMNS)
    rows: list[NodeRow] = []
    for query in NODE_QUERIES:
        lines: list[bytes] = []
        _stream_lines(store, _select(query, NODE_COLUMNS, _NODE_TEXT, outer), lines.extend)
        rows += sorted((NodeRow(*line.split(b",")) for line in lines), key=lambda row: row.id)
    return _distinct_labels(rows)


def _distinct_labels(rows: list[NodeRow]) -> list[NodeRow]:
    """The rows with labels a reader tells apart: events get their title and date, any label still shared its id."""
    labelled = [_row_label(row) for row in rows]
    shared = {label for label, count in Counter(labelled).items() if count > 1}
    return [
        NodeRow(row.id, label + b" [" + row.id + b"]" if label in shared else label, *_rest(row))
        for row, label in zip(rows, labelled, strict=True)
    ]


def _row_label(row: NodeRow) -> bytes:
    """A node's label (its id if it has none); an event's with its title, if not in it, and its date."""
    label = row.label or row.id
    if row.kind == b"event":
        if row.title and row.title not in label:
            label += " “".encode() + row.title + "”".encode()
        if row.when:
            label += b" (" + row.when + b")"
    return label


def _rest(row: NodeRow) -> tuple[bytes, ...]:
    """The fields of a row after its id and label."""
    return row.type, row.kind, row.mentions, row.first, row.last, row.when, row.title


def _stream_lines(store: GraphStore, sparql: str, handle: Callable[[list[bytes]], None]) -> None:
    """Run a SELECT whose fields hold no comma, quote or line break, handing its CSV rows to ``handle`` as lines."""
    sink = _CsvLines(handle)
    store.stream_csv(sparql, sink)
    sink.close()


class _CsvLines:
    """A binary sink for a SPARQL CSV result whose fields hold no comma, quote or line break: hands on its rows.

    Such fields are written bare, separated by commas, and rows end in CRLF. The header line is dropped; a row
    cut between two chunks is kept until its end comes.
    """

    def __init__(self, handle: Callable[[list[bytes]], None]) -> None:
        self.handle = handle
        self.pending = b""
        self.in_header = True

    def write(self, chunk: bytes) -> int:
        """Take a chunk of the CSV result, handing on the rows it completes."""
        if b'"' in chunk:  # CSV quoted a field: a value was not escaped, and splitting on commas would corrupt it
            raise RuntimeError("an export query gave a field holding a comma, double quote or line break")
        lines = (self.pending + bytes(chunk)).split(b"\r\n")
        self.pending = lines.pop()
        if self.in_header and lines:
            self.in_header = False
            lines = lines[1:]
        if lines:
            self.handle(lines)
        return len(chunk)

    def flush(self) -> None:
        """Rows are handed on as soon as they are complete."""

    def close(self) -> None:
        """Check that the store wrote a header and nothing after its last row."""
        if self.in_header or self.pending:
            raise RuntimeError("the store wrote no CSV header, or an unfinished row, for an export query")
