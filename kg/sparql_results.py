"""Serialise store query results: SPARQL 1.1 Query Results JSON, XML, CSV and TSV, and RDF for graphs.

Results reach the endpoint as :mod:`kg.store.base` results (whatever the backend), so pyoxigraph's own
result serialisers cannot be used; these follow the W3C specs. Each writer yields bytes in chunks so a
large result can stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring as _json_str  # type: ignore[attr-defined]  # the C-accelerated one
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_attr

import pyoxigraph as ox

from kg import vocab
from kg.store.base import AskResult, GraphResult, QueryResult, SelectResult, Term

_XSD_STRING = vocab.XSD + "string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_ROWS_PER_CHUNK = 2000

Writer = Callable[[QueryResult], Iterator[bytes]]


def _chunks(head: str, rows: Iterable[str], tail: str) -> Iterator[bytes]:
    """Join head, rows and tail into chunks of a few thousand rows each."""
    buffer = [head]
    for row in rows:
        buffer.append(row)
        if len(buffer) >= _ROWS_PER_CHUNK:
            yield "".join(buffer).encode()
            buffer.clear()
    buffer.append(tail)
    yield "".join(buffer).encode()


# --- JSON (https://www.w3.org/TR/sparql11-results-json/) ---


def json_term(term: Term) -> str:
    """One RDF term as a SPARQL JSON results object."""
    if isinstance(term, ox.NamedNode):
        return '{"type":"uri","value":' + _json_str(term.value) + "}"
    if isinstance(term, ox.Literal):
        if term.language:
            lang = _json_str(term.language)
            return '{"type":"literal","value":' + _json_str(term.value) + ',"xml:lang":' + lang + "}"
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return '{"type":"literal","value":' + _json_str(term.value) + "}"
        return '{"type":"literal","value":' + _json_str(term.value) + ',"datatype":' + _json_str(datatype) + "}"
    if isinstance(term, ox.BlankNode):
        return '{"type":"bnode","value":' + _json_str(term.value) + "}"
    return (
        '{"type":"triple","value":{"subject":'
        + json_term(term.subject)
        + ',"predicate":'
        + json_term(term.predicate)
        + ',"object":'
        + json_term(term.object)
        + "}}"
    )


def write_json(result: QueryResult) -> Iterator[bytes]:
    """SELECT or ASK results as application/sparql-results+json."""
    if isinstance(result, AskResult):
        yield ('{"head":{},"boolean":' + ("true" if result.value else "false") + "}").encode()
        return
    assert isinstance(result, SelectResult)
    keys = [_json_str(name) + ":" for name in result.variables]
    # Terms repeat a lot in real results (types, predicates, the entity a query is about): encode each once.
    cache: dict[Term, str] = {}

    def rows() -> Iterator[str]:
        first = True
        for row in result.rows:
            parts = []
            for key, term in zip(keys, row, strict=True):
                if term is not None:
                    encoded = cache.get(term)
                    if encoded is None:
                        encoded = cache[term] = json_term(term)
                    parts.append(key + encoded)
            yield ("{" if first else ",{") + ",".join(parts) + "}"
            first = False

    head = '{"head":{"vars":[' + ",".join(_json_str(n) for n in result.variables) + ']},"results":{"bindings":['
    yield from _chunks(head, rows(), "]}}")


# --- XML (https://www.w3.org/TR/rdf-sparql-XMLres/) ---

_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def xml_term(term: Term) -> str:
    """One RDF term as a SPARQL XML results element."""
    if isinstance(term, ox.NamedNode):
        return "<uri>" + _xml_escape(term.value) + "</uri>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={_xml_attr(term.language)}>{_xml_escape(term.value)}</literal>"
        if term.datatype.value == _XSD_STRING:
            return "<literal>" + _xml_escape(term.value) + "</literal>"
        return f"<literal datatype={_xml_attr(term.datatype.value)}>{_xml_escape(term.value)}</literal>"
    if isinstance(term, ox.BlankNode):
        return "<bnode>" + _xml_escape(term.value) + "</bnode>"
    return (
        f"<triple><subject>{xml_term(term.subject)}</subject><predicate>{xml_term(term.predicate)}</predicate>"
        f"<object>{xml_term(term.object)}</object></triple>"
    )


def write_xml(result: QueryResult) -> Iterator[bytes]:
    """SELECT or ASK results as application/sparql-results+xml."""
    if isinstance(result, AskResult):
        yield (_XML_HEAD + f"<head/>\n<boolean>{'true' if result.value else 'false'}</boolean>\n</sparql>\n").encode()
        return
    assert isinstance(result, SelectResult)
    names = [_xml_attr(name) for name in result.variables]
    rows = (
        "<result>"
        + "".join(
            f"<binding name={n}>{xml_term(t)}</binding>" for n, t in zip(names, row, strict=True) if t is not None
        )
        + "</result>\n"
        for row in result.rows
    )
    head = _XML_HEAD + "<head>" + "".join(f"<variable name={n}/>" for n in names) + "</head>\n<results>\n"
    yield from _chunks(head, rows, "</results>\n</sparql>\n")


# --- CSV and TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/) ---


def csv_field(value: str) -> str:
    """A CSV field, quoted (RFC 4180) when it holds a quote, comma or line break."""
    if any(c in value for c in '",\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_term(term: Term | None) -> str:
    """A term as the CSV format writes it: lexical forms only, blank nodes as _:id, unbound as empty."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        return csv_field(str(term))
    return csv_field(term.value)


def tsv_term(term: Term | None) -> str:
    """A term in Turtle/N-Triples syntax with tab, newline and return escaped, unbound as empty."""
    if term is None:
        return ""
    # N-Triples escapes newline, return, quote and backslash; a tab would split the field.
    return str(term).replace("\t", "\\t")


def write_csv(result: QueryResult) -> Iterator[bytes]:
    """SELECT results as text/csv (CRLF line ends, as RFC 4180 has it)."""
    if not isinstance(result, SelectResult):
        raise TypeError("CSV holds SELECT results only")
    yield from write_csv_rows(result.variables, result.rows)


def write_csv_rows(variables: list[str], rows: Iterable[tuple[Term | None, ...]]) -> Iterator[bytes]:
    """SELECT rows as text/csv, written as they are read (for results too large to hold)."""
    lines = (",".join(csv_term(t) for t in row) + "\r\n" for row in rows)
    yield from _chunks(",".join(csv_field(n) for n in variables) + "\r\n", lines, "")


def write_tsv(result: QueryResult) -> Iterator[bytes]:
    """SELECT results as text/tab-separated-values."""
    if not isinstance(result, SelectResult):
        raise TypeError("TSV holds SELECT results only")
    rows = ("\t".join(tsv_term(t) for t in row) + "\n" for row in result.rows)
    yield from _chunks("\t".join("?" + n for n in result.variables) + "\n", rows, "")


# --- Graphs (CONSTRUCT and DESCRIBE) ---


def _rdf_writer(fmt: ox.RdfFormat) -> Writer:
    def write(result: QueryResult) -> Iterator[bytes]:
        if not isinstance(result, GraphResult):
            raise TypeError("RDF formats hold CONSTRUCT and DESCRIBE results only")
        yield ox.serialize(result.triples, format=fmt, prefixes=vocab.PREFIXES)

    write.__doc__ = f"Graph results as {fmt.name}."
    return write


def serialize(result: QueryResult, media_type: str) -> bytes:
    """A query result in one of the writers' media types; ValueError when none writes that result as it."""
    writers = (
        GRAPH_WRITERS
        if isinstance(result, GraphResult)
        else (BOOLEAN_WRITERS if isinstance(result, AskResult) else TABULAR_WRITERS)
    )
    writer = writers.get(media_type)
    if writer is None:
        raise ValueError(f"cannot write a {type(result).__name__} as {media_type!r}")
    return b"".join(writer(result))


# Media type -> writer, per kind of result; the first of each is the default.
TABULAR_WRITERS: dict[str, Writer] = {
    "application/sparql-results+json": write_json,
    "application/sparql-results+xml": write_xml,
    "text/csv": write_csv,
    "text/tab-separated-values": write_tsv,
    "application/json": write_json,
    "application/xml": write_xml,
    "text/xml": write_xml,
}
BOOLEAN_WRITERS: dict[str, Writer] = {
    "application/sparql-results+json": write_json,
    "application/sparql-results+xml": write_xml,
    "application/json": write_json,
    "application/xml": write_xml,
    "text/xml": write_xml,
}
GRAPH_WRITERS: dict[str, Writer] = {
    "text/turtle": _rdf_writer(ox.RdfFormat.TURTLE),
    "application/n-triples": _rdf_writer(ox.RdfFormat.N_TRIPLES),
    "application/ld+json": _rdf_writer(ox.RdfFormat.JSON_LD),
    # What SPARQLWrapper and rdflib's SPARQLStore ask for first by default.
    "application/rdf+xml": _rdf_writer(ox.RdfFormat.RDF_XML),
    "application/x-turtle": _rdf_writer(ox.RdfFormat.TURTLE),
    "text/plain": _rdf_writer(ox.RdfFormat.N_TRIPLES),
}
