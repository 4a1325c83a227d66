"""Small helpers shared by the read side: running SELECTs and turning pyoxigraph terms into values."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode

from kg import vocab
from kg.errors import BackendError
from kg.model import DateRef
from kg.rdf import date_from_literal
from kg.store.base import GraphStore, SelectResult, Term

PREFIXES = vocab.sparql_prefixes()
RESOLUTION = str(vocab.RESOLUTION_GRAPH)
Row = dict[str, Term | None]


def select(store: GraphStore, body: str) -> list[Row]:
    """Run a SELECT (the prefixes are added) and return its rows as dicts."""
    result = store.query(PREFIXES + body)
    if not isinstance(result, SelectResult):
        raise BackendError("the store answered a SELECT with something other than solutions")
    return result.dicts()


def iris(values: Iterable[str]) -> str:
    """IRIs written for a VALUES block; NamedNode validates them, so nothing can break out of ``<>``."""
    return " ".join(str(NamedNode(value)) for value in values)


def string(value: str) -> str:
    """A string written as a SPARQL literal, escaped."""
    return str(Literal(value))


def canonical(var: str, out: str) -> str:
    """Bind ``?out`` to the canonical node of ``?var``: the end of its owl:sameAs chain, or itself."""
    return (
        f"OPTIONAL {{ GRAPH {RESOLUTION} {{ ?{var} owl:sameAs+ ?{var}_c "
        f"FILTER NOT EXISTS {{ ?{var}_c owl:sameAs ?{var}_z }} }} }} BIND(COALESCE(?{var}_c, ?{var}) AS ?{out})"
    )


def value(term: Term | None) -> str | None:
    """The lexical value of an IRI or literal; None when unbound."""
    if term is None:
        return None
    try:
        return term.value  # not getattr(term, "value", str(term)): that writes the term out on every call
    except AttributeError:
        return str(term)


def as_int(term: Term | None, default: int = 0) -> int:
    """A literal as an int."""
    try:
        return int(value(term) or default)
    except ValueError:
        return default


def as_float(term: Term | None) -> float | None:
    """A literal as a float; None when unbound or not a number."""
    try:
        return float(value(term)) if term is not None else None
    except ValueError:
        return None


def as_bool(term: Term | None) -> bool:
    """An xsd:boolean literal as a bool."""
    return value(term) in ("true", "1")


def as_date(term: Term | None, inferred: Term | None) -> DateRef | None:
    """A typed date literal (and its inferred flag) as a DateRef."""
    if not isinstance(term, Literal):
        return None
    return date_from_literal(term, as_bool(inferred))


def local(term_or_iri: Term | str) -> str:
    """The id of a resource IRI."""
    return vocab.local_id(term_or_iri if isinstance(term_or_iri, str) else value(term_or_iri) or "")


def document_id(term_or_iri: Term | str) -> str:
    """The document id of a document IRI (``.../id/doc/<id>``)."""
    return local(term_or_iri).removeprefix("doc/")


def type_name(iri: str) -> str:
    """The local name of an ontology class."""
    return iri.removeprefix(vocab.ONTOLOGY)
