"""Check a SPARQL request before it runs: read-only queries only, and nothing that makes the server fetch a URL.

The check parses the query with a real SPARQL 1.1 parser (rdflib's) and decides from the parse tree, never
from the text: a ``SERVICE`` hidden by a lexical trick (a ``<`` read as an IRI by one reader and as less-than by
another) is a ``ServiceGraphPattern`` in the tree or no keyword at all. The engine has a parser of its own, so
the guard is the first of two walls: queries run in a process that cannot open a socket (:mod:`kg.sandbox`),
and the row limit is checked on what the engine returns, whatever LIMIT the guard read.

The prefixes of :data:`kg.vocab.PREFIXES` (``kg:``, ``rdf:``, ``owl:``, ...) are declared for every query, by the
engine as by this check; a query's own PREFIX wins.

The parser recurses per nesting level, so a query is bounded in size before it is parsed, and nesting deeper
than the parser can follow is refused as too complex rather than crashing anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError
from kg.vocab import PREFIXES

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
_FORMS: dict[str, QueryForm] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
UPDATE_HINT = (
    "this endpoint is read-only: SPARQL Update is not accepted; add or remove documents with the "
    "authenticated POST /documents and DELETE /documents/{id} endpoints"
)


class RefusedQueryError(QueryError):
    """A well-formed request the endpoint refuses by policy (update, federation)."""

    code = "query_refused"


class QueryTooComplexError(QueryError):
    """A query longer or more deeply nested than the endpoint accepts."""

    code = "query_too_complex"


@dataclass(frozen=True)
class CheckedQuery:
    """What the guard read in a query it accepts: its form, its outermost LIMIT and whether it names a dataset."""

    form: QueryForm
    limit: int | None
    names_dataset: bool


def check_query(query: str, *, max_chars: int | None = None) -> CheckedQuery:
    """The form and limits of a read-only query; RefusedQueryError for updates and SERVICE, QueryError if invalid."""
    if max_chars is not None and len(query) > max_chars:
        raise QueryTooComplexError(
            f"the query is {len(query):,} characters long; this endpoint accepts at most {max_chars:,}"
        )
    return _check(query)


def outer_limit(query: str) -> int | None:
    """The LIMIT of the outermost query (not of a subquery), or None when it has none or is not accepted."""
    try:
        return _check(query).limit
    except QueryError:
        return None


# What a dataset clause needs to look like: FROM (NAMED) then an IRI or a prefixed name; "from" in a literal rarely is.
_DATASET_CLAUSE = re.compile(r"\bFROM\s*(?:NAMED\b\s*)?(?:<|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)


def names_dataset(query: str) -> bool:
    """Whether a query names its own dataset with FROM or FROM NAMED (False when it is not accepted)."""
    if _DATASET_CLAUSE.search(query) is None:  # the common case (the stores' own queries too), without parsing
        return False
    try:
        return _check(query).names_dataset
    except QueryError:
        return False  # let the engine report what is wrong with it


def remember(query: str, checked: CheckedQuery) -> None:
    """Cache a check made elsewhere (in a sandbox worker), so that processes forked from this one inherit it."""
    if len(_CHECKED) >= _CACHE_SIZE:
        _CHECKED.pop(next(iter(_CHECKED)))
    _CHECKED[query] = checked


_CACHE_SIZE = 512
_CHECKED: dict[str, CheckedQuery] = {}  # analysts and dashboards send the same queries again and again


def _check(query: str) -> CheckedQuery:
    """check_query without the size bound, cached."""
    checked = _CHECKED.get(query)
    if checked is None:
        checked = _parse_and_check(query)
        remember(query, checked)
    return checked


def _parse_and_check(query: str) -> CheckedQuery:
    """Parse a query and check it; see check_query."""
    prologue, body = _parse(query)
    for node in _nodes(body):
        if node.name == "ServiceGraphPattern":
            raise RefusedQueryError(
                "SERVICE (federated query) is not allowed: this endpoint never fetches data from other servers"
            )
    _check_prefixes(prologue, body)
    limit = _field(_field(body, "limitoffset"), "limit")
    return CheckedQuery(
        form=_FORMS[body.name],
        limit=None if limit is None else int(limit.toPython()),
        names_dataset=bool(_field(body, "datasetClause")),
    )


def _field(node: CompValue | None, name: str) -> Any:
    """A field of a parse-tree node, or None (CompValue.get answers a missing field with its own name)."""
    return node[name] if node is not None and name in node else None


def _parse(query: str) -> tuple[list[CompValue], CompValue]:
    """The prologue and the query of a parse; an update is refused, anything else unparsable is a QueryError."""
    try:
        prologue, body = parseQuery(query)
        return list(prologue), body
    except RecursionError:
        raise _too_deep() from None
    except ParseBaseException as exc:
        if _is_update(query):
            raise RefusedQueryError(UPDATE_HINT) from None
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None


def _is_update(query: str) -> bool:
    """Whether a text that is not a query parses as a SPARQL Update request."""
    try:
        parseUpdate(query)
    except (ParseBaseException, RecursionError):
        return False
    return True


def _too_deep() -> QueryTooComplexError:
    return QueryTooComplexError("the query nests brackets more deeply than this endpoint accepts; flatten it")


def _nodes(root: Any) -> Iterator[CompValue]:
    """Every CompValue of a parse tree, depth first, without recursion."""
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list | tuple):  # ParseResults is a list of its tokens
            stack.extend(item)
        elif hasattr(item, "asList") and not isinstance(item, str):
            stack.extend(list(item))


def _check_prefixes(prologue: list[CompValue], body: CompValue) -> None:
    """Every prefixed name uses a declared prefix (the engine's own message is a grammar dump)."""
    declared = {_field(decl, "prefix") or "" for decl in prologue if decl.name == "PrefixDecl"} | set(PREFIXES)
    for node in _nodes(body):
        prefix = _field(node, "prefix") or ""
        if node.name == "pname" and prefix not in declared:
            raise QueryError(
                f"the prefix '{prefix}:' is not declared; add PREFIX {prefix}: <...> before the query "
                f"(declared for every query: {', '.join(sorted(PREFIXES))})"
            )
