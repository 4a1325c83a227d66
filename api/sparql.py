"""The SPARQL 1.1 Protocol endpoint (query operation only): GET and POST /sparql.

Read-only: updates are refused with a pointer to the authenticated /documents endpoints, and so are
SERVICE and LOAD (see :mod:`kg.sparql_guard`). Every query is read and run in a child process
(:mod:`kg.sandbox`) that cannot open a socket, is killed at the time limit and is capped in memory, under the
result-size limit; a query that crashes the engine costs that child, not the server.

A protocol-specified dataset (``default-graph-uri``, ``named-graph-uri``) is handed to the store, which then
queries exactly those graphs in place of the query's own FROM / FROM NAMED (or, without either, the union).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Header, Request, Response
from starlette.datastructures import State
from starlette.exceptions import HTTPException
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header, parse_options_header

from api.deps import SandboxDep, SettingsDep
from api.errors import error_responses
from api.pools import pools_of
from kg import vocab
from kg.errors import QueryError
from kg.sandbox import Sandbox
from kg.settings import Settings
from kg.sparql_guard import UPDATE_HINT, CheckedQuery, QueryForm, RefusedQueryError, check_query, remember
from kg.sparql_results import BOOLEAN_WRITERS, GRAPH_WRITERS, TABULAR_WRITERS, Writer, serialize
from kg.store.base import GraphResult

router = APIRouter(tags=["sparql"])

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_WRITERS_BY_FORM: dict[QueryForm, dict[str, Writer]] = {
    "SELECT": TABULAR_WRITERS,
    "ASK": BOOLEAN_WRITERS,
    "CONSTRUCT": GRAPH_WRITERS,
    "DESCRIBE": GRAPH_WRITERS,
}


def negotiate(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers by its Accept header (werkzeug's RFC 9110 matching: quality, then specificity,
    then offer order); an absent or unreadable header accepts anything."""
    accept = parse_accept_header(header, MIMEAccept)
    if not accept:
        accept = parse_accept_header("*/*", MIMEAccept)
    return accept.best_match(offers)


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """The bare media type of a Content-Type header and its charset parameter."""
    media, params = parse_options_header(content_type)
    charset = params.get("charset")
    return media.lower(), charset.lower() if charset else None


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


@dataclass(frozen=True)
class SparqlRequest:
    """What a sandbox worker needs to answer one protocol request (picklable: it crosses a pipe)."""

    query: str
    accept: str | None
    base_iri: str
    default_graphs: list[ox.NamedNode] | None
    named_graphs: list[ox.NamedNode] | None


def query_sandbox(state: State) -> Sandbox:
    """The sandbox the app's SPARQL queries run in, over whatever store ``state`` holds when a worker forks."""
    settings: Settings = state.settings
    # Parsing a query recurses per nesting level, a few hundred bytes of stack per byte of the deepest query.
    return Sandbox(
        functools.partial(_answer_in_worker, state),
        workers=settings.sparql_workers,
        memory_bytes=settings.sparql_max_memory_mb << 20,
        stack_bytes=max(64 << 20, 1024 * settings.sparql_max_query_bytes),
        hold=lambda: state.store.quiescent(),
        freshness=lambda: (id(state.store), state.store.generation),
        isolate=state.store.embedded,  # a remote store's server runs the queries, under its own limits
    )


def _answer_in_worker(state: State, request: SparqlRequest) -> tuple[CheckedQuery, str | None, bytes]:
    """Check, run and serialise a query (in a sandbox worker): the check, the media type chosen and the body."""
    settings: Settings = state.settings
    checked = check_query(request.query, max_chars=settings.sparql_max_query_bytes)
    media = negotiate(request.accept, list(_WRITERS_BY_FORM[checked.form]))
    if media is None:
        return checked, None, b""
    body = state.store.query_serialized(
        request.query,
        media,
        timeout_s=settings.sparql_timeout_s,
        max_rows=settings.sparql_max_rows,
        default_graph=request.default_graphs,
        named_graphs=request.named_graphs,
        base_iri=request.base_iri,
    )
    return checked, media, body


async def _answer(request: Request, settings: SettingsDep, sandbox: Sandbox, accept: str | None) -> Response:
    """Read one protocol request and answer it from the sandbox."""
    params = await _protocol_params(request)
    default_graphs = _graph_names(params, "default-graph-uri")
    named_graphs = _graph_names(params, "named-graph-uri")
    dataset = bool(default_graphs or named_graphs)  # the Protocol's dataset replaces the query's FROM / FROM NAMED
    job = SparqlRequest(
        query=_single_query(params),
        accept=accept,
        # The Protocol lets the service pick the base IRI of relative IRIs; the endpoint's own URL is the natural one.
        base_iri=str(request.url.replace(query="", fragment="")),
        default_graphs=default_graphs if dataset else None,
        named_graphs=named_graphs if dataset else None,
    )
    deadline = time.monotonic() + settings.sparql_timeout_s
    # In the query pool: slow queries waiting on their workers hold its threads, not the REST reads'.
    checked, media, body = await pools_of(request).run("query", sandbox.run, job, deadline)
    remember(job.query, checked)  # workers forked from now on need not parse this query again
    if media is None:
        offers = ", ".join(_WRITERS_BY_FORM[checked.form])
        raise HTTPException(406, f"cannot answer a {checked.form} query as '{accept}'; available: {offers}")
    return Response(body, media_type=media, headers={"Vary": "Accept"})


_STRING = {"type": "string"}
_GRAPH_URIS = [
    {"name": name, "in": "query", "required": False, "schema": {"type": "array", "items": _STRING}, "description": text}
    for name, text in (
        ("default-graph-uri", "a document graph to use as the default graph (repeatable)"),
        ("named-graph-uri", "a document graph to make available to GRAPH (repeatable)"),
    )
]
_QUERY_PARAM = {
    "name": "query",
    "in": "query",
    "required": True,
    "schema": _STRING,
    "description": "a SPARQL 1.1 query",
}
# Every writer's media type, so /docs and /openapi.json say what each query form can answer in.
_RESULTS = {
    200: {
        "description": "SELECT/ASK results or CONSTRUCT/DESCRIBE graphs, in the format the Accept header chose",
        "content": {media: {"schema": _STRING} for media in {**TABULAR_WRITERS, **BOOLEAN_WRITERS, **GRAPH_WRITERS}},
    },
    **error_responses(400, 406, 413, 415, 422, 503),
}
_GET_DOC = {"parameters": [_QUERY_PARAM, *_GRAPH_URIS]}
_POST_DOC = {
    "parameters": _GRAPH_URIS,
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {"query": _STRING}, "required": ["query"]}
            },
            "application/sparql-query": {"schema": _STRING},
        },
    },
}


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", responses=_RESULTS, openapi_extra=_GET_DOC)
async def sparql_get(
    request: Request,
    settings: SettingsDep,
    sandbox: SandboxDep,
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    """Answer a SPARQL query given as the ``query`` URL parameter; without any, describe the service."""
    if not request.query_params:
        return _service_description(str(request.url.replace(query="", fragment="")), accept)
    return await _answer(request, settings, sandbox, accept)


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
_GRAPH_FORMATS = ("Turtle", "N-Triples", "RDF_XML", "JSON-LD")


def _service_description(endpoint: str, accept: str | None) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in the RDF format the client prefers."""
    service, sd, a = ox.NamedNode(endpoint), _SD, ox.NamedNode(vocab.RDF_TYPE.value)
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, a, ox.NamedNode(sd + "Service")),
        ox.Triple(service, ox.NamedNode(sd + "endpoint"), service),
        ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
        # Without a dataset, a query's default graph is the RDF merge of every document graph.
        ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph")),
        ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
        ox.Triple(dataset, a, ox.NamedNode(sd + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), graph),
        ox.Triple(graph, a, ox.NamedNode(sd + "Graph")),
        *(
            ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(_FORMATS + name))
            for name in (*_RESULT_FORMATS, *_GRAPH_FORMATS)
        ),
    ]
    media = negotiate(accept, list(GRAPH_WRITERS)) or "text/turtle"
    return Response(serialize(GraphResult(triples), media), media_type=media, headers={"Vary": "Accept"})


@router.post("/sparql", summary="SPARQL 1.1 query (POST, form or direct)", responses=_RESULTS, openapi_extra=_POST_DOC)
async def sparql_post(
    request: Request,
    settings: SettingsDep,
    sandbox: SandboxDep,
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    """Answer a SPARQL query posted as a form (``query=``) or directly as application/sparql-query."""
    return await _answer(request, settings, sandbox, accept)
