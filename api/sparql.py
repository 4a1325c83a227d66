"""The SPARQL 1.1 Protocol endpoint (query operation only): GET and POST /sparql.

Read-only: updates are refused with a pointer to the authenticated /documents endpoints, and so are
SERVICE and LOAD (see :mod:`kg.sparql_guard`), so no query makes the server fetch a URL. Every query runs
in a worker thread under the configured time limit and result-size limit.

A protocol-specified dataset (``default-graph-uri``, ``named-graph-uri``) is honoured by copying those graphs
into a scratch in-memory store and querying that: the store protocol runs queries over its own union graph
only. Graphs are per document, so a dataset is small; larger than ``MAX_DATASET_QUADS`` is refused.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Annotated
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
import pyoxigraph as ox
from fastapi import APIRouter, Header, Request, Response
from starlette.exceptions import HTTPException

from api.deps import SettingsDep, StoreDep
from kg.errors import KGError, QueryError, QueryTimeoutError, ResultTooLargeError
from kg.sparql_guard import UPDATE_HINT, QueryForm, RefusedQueryError, check_query
from kg.sparql_results import BOOLEAN_WRITERS, GRAPH_WRITERS, TABULAR_WRITERS, Writer
from kg.store.base import AskResult, GraphResult, GraphStore, QueryResult, SelectResult

router = APIRouter(tags=["sparql"])

MAX_DATASET_QUADS = 1_000_000
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_WRITERS_BY_FORM: dict[QueryForm, dict[str, Writer]] = {
    "SELECT": TABULAR_WRITERS,
    "ASK": BOOLEAN_WRITERS,
    "CONSTRUCT": GRAPH_WRITERS,
    "DESCRIBE": GRAPH_WRITERS,
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, in the order given."""
    ranges: list[tuple[str, float]] = []
    for item in (header or "*/*").split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges or [("*/*", 1.0)]


def negotiate(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (highest q of its most specific matching range; ties go to offer order)."""
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for offer in offers:
        kind = offer.split("/")[0]
        matches = [
            (0 if media == "*/*" else 1 if media == f"{kind}/*" else 2, q)
            for media, q in ranges
            if media in (offer, f"{kind}/*", "*/*")
        ]
        if matches:
            q = max(matches)[1]
            if q > best_q:
                best, best_q = offer, q
    return best


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """The bare media type of a Content-Type header and its charset parameter."""
    media, *params = (part.strip() for part in (content_type or "").split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _utf8(body: bytes, charset: str | None) -> str:
    """The body as text; only UTF-8 (the Protocol's encoding) is accepted."""
    if charset not in (None, "utf-8", "utf8"):
        raise HTTPException(415, f"the request body must be UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"the request body is not valid UTF-8: {exc}") from exc


async def _protocol_params(request: Request) -> list[tuple[str, str]]:
    """The protocol parameters of a request: URL ones, plus the form body or the query body of a POST."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params
    media, charset = _media_type(request.headers.get("content-type"))
    if media == _UPDATE:
        raise RefusedQueryError(UPDATE_HINT)
    if media == _FORM:
        text = _utf8(await request.body(), charset)
        return params + parse_qsl(text, keep_blank_values=True)
    if media == _QUERY:
        if any(name == "query" for name, _ in params):
            raise QueryError("a direct POST carries the query in its body; remove the 'query' URL parameter")
        return [*params, ("query", _utf8(await request.body(), charset))]
    given = f"'{media}'" if media else "no Content-Type"
    raise HTTPException(415, f"POST /sparql needs Content-Type {_FORM} or {_QUERY}, got {given}")


def _single_query(params: Iterable[tuple[str, str]]) -> str:
    """The one query of a request; refused when there is an update, no query or more than one."""
    queries = [value for name, value in params if name == "query"]
    if any(name == "update" for name, _ in params):
        raise RefusedQueryError(UPDATE_HINT)
    if not queries:
        raise QueryError("no SPARQL query: pass it as the 'query' parameter or POST it as application/sparql-query")
    if len(queries) > 1:
        raise QueryError(f"{len(queries)} 'query' parameters given; send exactly one")
    return queries[0]


def _graph_names(params: Iterable[tuple[str, str]], name: str) -> list[ox.NamedNode]:
    """The graph IRIs of one dataset parameter."""
    try:
        return [ox.NamedNode(value) for key, value in params if key == name]
    except ValueError as exc:
        raise QueryError(f"{name}: not an absolute IRI: {exc}") from exc


def _run_on_dataset(
    store: GraphStore,
    query: str,
    default_graphs: list[ox.NamedNode],
    named_graphs: list[ox.NamedNode],
    deadline: float,
    max_rows: int,
) -> QueryResult:
    """Run a query over a protocol-specified dataset copied out of the store."""
    scratch, count = ox.Store(), 0
    sources = [(g, ox.DefaultGraph()) for g in default_graphs] + [(g, g) for g in named_graphs]
    for source, target in sources:
        for quad in store.quads(source):
            count += 1
            if count > MAX_DATASET_QUADS:
                raise ResultTooLargeError(f"the requested dataset holds more than {MAX_DATASET_QUADS} quads")
            scratch.add(ox.Quad(quad.subject, quad.predicate, quad.object, target))
    try:
        # The protocol's dataset replaces any FROM / FROM NAMED of the query itself.
        result = scratch.query(query, default_graph=ox.DefaultGraph(), named_graphs=named_graphs)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    items = []
    for item in result:
        items.append(item)
        if len(items) > max_rows:
            raise ResultTooLargeError(f"the query returns more than {max_rows} results; add a LIMIT")
        if time.monotonic() > deadline:
            raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return SelectResult(names, [tuple(s[n] for n in names) for s in items])
    return GraphResult(items)


async def _answer(request: Request, store: GraphStore, settings: SettingsDep, accept: str | None) -> Response:
    """Check, run and serialise one protocol request."""
    params = await _protocol_params(request)
    query = _single_query(params)
    form = check_query(query)
    writers = _WRITERS_BY_FORM[form]
    media = negotiate(accept, list(writers))
    if media is None:
        raise HTTPException(406, f"cannot answer a {form} query as '{accept}'; available: {', '.join(writers)}")
    default_graphs = _graph_names(params, "default-graph-uri")
    named_graphs = _graph_names(params, "named-graph-uri")
    timeout_s, max_rows = settings.sparql_timeout_s, settings.sparql_max_rows
    # The Protocol lets the service pick the base IRI of relative IRIs; the endpoint's own URL is the natural one.
    # On the query's first line, so that the line numbers of syntax errors still match the client's text.
    query = f"BASE <{request.url.replace(query='', fragment='')}> {query}"

    def run() -> bytes:
        try:
            if default_graphs or named_graphs:
                deadline = time.monotonic() + timeout_s
                result = _run_on_dataset(store, query, default_graphs, named_graphs, deadline, max_rows)
            else:
                result = store.query(query, timeout_s=timeout_s, max_rows=max_rows)
        except KGError as exc:
            # The traceback's frames hold pyoxigraph's result iterator, which may only be dropped on the thread
            # that made it: let go of them here, not on the event loop.
            exc.__traceback__ = None
            raise
        return b"".join(writers[media](result))

    try:
        with anyio.fail_after(timeout_s):
            # A query cannot be interrupted inside the engine: on timeout the thread is abandoned, and the
            # store's own clock checks stop it at its next look while results stream.
            body = await anyio.to_thread.run_sync(run, abandon_on_cancel=True)
    except TimeoutError:
        raise QueryTimeoutError(
            f"the query ran past the {timeout_s:g} s time limit; narrow it or add a LIMIT"
        ) from None
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.get("/sparql", summary="SPARQL 1.1 query (GET)")
async def sparql_get(
    request: Request, store: StoreDep, settings: SettingsDep, accept: Annotated[str | None, Header()] = None
) -> Response:
    """Answer a SPARQL query given as the ``query`` URL parameter."""
    return await _answer(request, store, settings, accept)


@router.post("/sparql", summary="SPARQL 1.1 query (POST, form or direct)")
async def sparql_post(
    request: Request, store: StoreDep, settings: SettingsDep, accept: Annotated[str | None, Header()] = None
) -> Response:
    """Answer a SPARQL query posted as a form (``query=``) or directly as application/sparql-query."""
    return await _answer(request, store, settings, accept)
