"""Check a SPARQL request before it runs: read-only queries only, and nothing that makes the server fetch a URL.

The check works on tokens, not on text, so a string, an IRI or a comment containing ``SERVICE`` does not trip
it. The only ambiguity in SPARQL's lexical grammar is ``<``: it opens an IRI, or it is the less-than operator
inside an expression. Reading one the wrong way would shift where strings and comments start and could hide
a keyword, so the tokenizer follows which brackets open expressions (``FILTER(``, ``BIND(``, function calls,
select expressions, solution modifiers) and reads ``<`` as an operator only right after an operand there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kg.errors import QueryError

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
QUERY_FORMS: frozenset[str] = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_KEYWORDS: frozenset[str] = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
UPDATE_HINT = (
    "this endpoint is read-only: SPARQL Update is not accepted; add or remove documents with the "
    "authenticated POST /documents and DELETE /documents/{id} endpoints"
)


class RefusedQueryError(QueryError):
    """A well-formed request the endpoint refuses by policy (update, federation)."""

    code = "query_refused"


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind, its text and where it starts in the query."""

    kind: str
    text: str
    start: int


# Order matters: long strings before short ones, and IRIs are not in here (see _iri_at).
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w.\-\u00B7]*)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w.\-:%]|\\[_~.\-!$&'()*+,;=/?\#@%]|%[0-9A-Fa-f]{2})*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<punct>\^\^|&&|\|\||<=|>=|!=|[{}()\[\];,.=<>!+\-*/|^&])
    """,
    re.VERBOSE,
)
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_OPERAND_END = frozenset({"var", "string", "number", "iri", "pname"})
# Bare words before "(" that do not open an expression: "?s a (1 2)" and "VALUES (?x ?y)".
_NOT_CALLS = frozenset({"A", "VALUES"})
_EXPRESSION_OPENERS = frozenset({"FILTER", "BIND", "HAVING", "BY", "ASC", "DESC"})


def tokenize(query: str) -> Iterator[Token]:
    """The significant tokens of a query (no whitespace or comments); QueryError where it cannot be read."""
    # Each open bracket: "{", "[", "(" for a non-expression paren, "e" for an expression paren.
    stack: list[str] = []
    clause: dict[int, str] = {}  # bracket depth -> "select" or "modifier" while such a clause is open
    prev: Token | None = None
    prev2: Token | None = None
    pos, end = 0, len(query)
    while pos < end:
        if query[pos] == "<":
            in_expression = bool(stack) and stack[-1] == "e"
            iri = None if in_expression and prev is not None and _ends_operand(prev) else _IRIREF.match(query, pos)
            if iri is not None:
                token = Token("iri", iri.group(), pos)
                pos = iri.end()
                prev2, prev = prev, token
                yield token
                continue
        match = _TOKEN.match(query, pos)
        if match is None:
            raise QueryError(f"SPARQL syntax error: unexpected character {query[pos]!r} at offset {pos}")
        kind, text = match.lastgroup or "punct", match.group()
        pos = match.end()
        if kind in ("ws", "comment"):
            continue
        token = Token(kind, text, match.start())
        depth = len(stack)
        if kind == "word":
            upper = text.upper()
            if upper in ("SELECT",):
                clause[depth] = "select"
            elif upper in ("GROUP", "ORDER", "HAVING"):
                clause[depth] = "modifier"
            elif upper in ("WHERE", "FROM", "LIMIT", "OFFSET", "VALUES"):
                clause.pop(depth, None)
        elif text == "(":
            stack.append("e" if _opens_expression(stack, clause.get(depth), prev, prev2) else "(")
        elif text in ("{", "["):
            clause.pop(depth, None)
            stack.append(text)
        elif text in ("}", ")", "]"):
            clause.pop(depth, None)
            if stack:
                stack.pop()
        prev2, prev = prev, token
        yield token
    if stack:
        raise QueryError("SPARQL syntax error: unbalanced brackets")


def _ends_operand(token: Token) -> bool:
    """Whether a token can end an operand, so that a following "<" is the less-than operator."""
    if token.kind in _OPERAND_END:
        return True
    return token.text == ")" or token.text.lower() in ("true", "false")


def _opens_expression(stack: list[str], clause: str | None, prev: Token | None, prev2: Token | None) -> bool:
    """Whether a "(" opens an expression, given what encloses it and the tokens before it."""
    if stack and stack[-1] in ("e",):
        return True
    if stack and stack[-1] in ("(", "["):
        return False
    if clause is not None or not stack:
        # Select expressions, GROUP/ORDER BY and HAVING, and the top level after the WHERE clause.
        return True
    if prev is None:
        return False
    if prev.kind == "word":
        upper = prev.text.upper()
        return upper in _EXPRESSION_OPENERS or upper not in _NOT_CALLS
    # FILTER <fn>(...) and FILTER ex:fn(...): a function call directly in a FILTER.
    return prev.kind in ("iri", "pname") and prev2 is not None and prev2.text.upper() == "FILTER"


def top_level_limit(query: str) -> int | None:
    """The LIMIT of the outermost query (not of a subquery), or None when it has none or cannot be read.

    A SELECT with ``LIMIT n`` returns at most n rows, so a caller can know a row limit holds before running it.
    """
    if "limit" not in query.lower():  # the common case, without tokenizing
        return None
    depth, limit, after_limit = 0, None, False
    try:
        for token in tokenize(query):
            if after_limit and token.kind == "number" and token.text.isdigit():
                limit = int(token.text)
            after_limit = depth == 0 and token.kind == "word" and token.text.upper() == "LIMIT"
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
    except QueryError:
        return None
    return limit


def check_query(query: str) -> QueryForm:
    """The form of a read-only query; RefusedQueryError for updates and SERVICE, QueryError if unreadable."""
    form: QueryForm | None = None
    for token in tokenize(query):
        if token.kind == "pname" and "SERVICE" in token.text.partition(":")[0].upper():
            # Parsers backtrack: "SERVICE:x { ... }" is the keyword followed by the prefixed name ":x".
            raise RefusedQueryError(
                f"the prefix {token.text.partition(':')[0]!r} reads as the SERVICE keyword (federated query), "
                "which is not allowed; rename the prefix"
            )
        if token.kind != "word":
            continue
        upper = token.text.upper()
        # Substring, not equality: a parser may accept "SERVICESILENT" or "SERVICE_" as the keyword.
        if "SERVICE" in upper:
            raise RefusedQueryError(
                f"SERVICE (federated query, offset {token.start}) is not allowed: this endpoint never fetches "
                "data from other servers"
            )
        if form is None:
            if upper in QUERY_FORMS:
                form = upper  # type: ignore[assignment]
            elif upper in UPDATE_KEYWORDS:
                raise RefusedQueryError(f"{upper} is a SPARQL Update operation; {UPDATE_HINT}")
            elif upper not in ("BASE", "PREFIX"):
                raise QueryError(f"SPARQL syntax error: expected a query form, got {token.text!r}")
        elif upper in UPDATE_KEYWORDS - {"WITH"}:
            raise RefusedQueryError(f"{upper} is a SPARQL Update operation; {UPDATE_HINT}")
    if form is None:
        raise QueryError("SPARQL syntax error: the request holds no SELECT, ASK, CONSTRUCT or DESCRIBE query")
    return form
