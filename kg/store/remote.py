"""A store on a remote SPARQL 1.1 server (Apache Jena Fuseki, GraphDB, Virtuoso, Amazon Neptune) over HTTP.

Reads go to the server's SPARQL Query service, whole-graph writes to its Graph Store Protocol service (a ``PUT``
replaces a document's graph in one transaction, a ``DELETE`` removes it) and the stale mark to its SPARQL Update
service. Tested against Fuseki with a TDB2 dataset (``tests/support/fuseki_server.py``).

What the server must provide, as the other backends do in-process:

- **the union default graph**: a query without a dataset sees the merge of the named graphs, each triple once
  (Fuseki: ``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do so by default);
- **a stored default graph apart from it**: the resolution-stale mark is one triple there, out of every query's
  sight, read back with a Graph Store ``GET ?default`` (so on a server whose stored default graph is the union,
  that read costs a dump of the whole store).

Limits: the time limit goes to the server as the ``timeout`` parameter (whole seconds, Fuseki's and Virtuoso's
name for it) and is enforced here too, on the clock; rows are counted here as they stream in, and the response
is dropped past ``max_rows``. ``generation`` and ``quiescent()`` cover the writes made through this object only:
another process writing to the same server is not seen by caches keyed on the generation.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import BinaryIO

import httpx
import pyoxigraph as ox

from kg import vocab
from kg.errors import BackendError, QueryError, QueryTimeoutError
from kg.sparql_results import serialize, write_csv_rows
from kg.store.base import (
    AskResult,
    Change,
    Listener,
    QueryResult,
    Row,
    RowStream,
    SelectResult,
    graph_quads,
    touched_iris,
)
from kg.store.oxigraph import bounded_results, collect_results

_RESULTS_JSON = "application/sparql-results+json"
_NO_WRITE: frozenset[str] = frozenset({"(no write)"})  # what remove_graph reports when the graph was not there
_N_TRIPLES = "application/n-triples"
# SELECT and ASK answer in JSON results, CONSTRUCT and DESCRIBE in N-Triples: both parsed as they stream.
_QUERY_ACCEPT = f"{_RESULTS_JSON}, {_N_TRIPLES};q=0.9"
_STALE_MARK = ox.Triple(ox.NamedNode(vocab.RESOURCE + "store"), vocab.term("resolutionStale"), ox.Literal(True))
# How long past the time limit to wait for the server's own timeout answer before giving up on it.
_GRACE_S = 5.0


class RemoteStore:
    """A dataset on a SPARQL 1.1 server: one named graph per document, reached through three HTTP services.

    ``update_url`` and ``gsp_url`` default to ``query_url``, for servers that answer every operation at one URL.
    """

    embedded = False  # the server runs the queries: a sandbox must not take the network away from them

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: tuple[str, str] | None = None,
        read_only: bool = False,
        http_timeout_s: float = 60.0,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.gsp_url = gsp_url or query_url
        self.read_only = read_only
        self.generation = 0  # bumped on every write through this object, as the other backends do
        self._write_lock = threading.RLock()  # re-entrant: a listener may query under it
        self._listeners: list[Listener] = []
        self._auth, self._http_timeout_s = auth, http_timeout_s
        # One client for every thread: httpx's connection pool is thread-safe. Not across processes: a forked
        # child making requests on the parent's open connections would interleave its bytes with the parent's.
        self._client = self._new_client()
        alive = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: (store := alive()) is not None and store._forget_connections())

    def _new_client(self) -> httpx.Client:
        return httpx.Client(
            auth=httpx.BasicAuth(*self._auth) if self._auth else None,
            timeout=httpx.Timeout(self._http_timeout_s, connect=10.0),
        )

    def _forget_connections(self) -> None:
        """In a forked child: leave the parent's connections to the parent, and open any anew."""
        self._client = self._new_client()

    @property
    def description(self) -> str:
        """The backend and its query service."""
        return f"remote:{self.query_url}"

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's graph is in the store."""
        result = self.query(f"ASK {{ GRAPH {vocab.document_iri(doc_id)} {{ ?s ?p ?o }} }}")
        return isinstance(result, AskResult) and result.value

    def put_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a graph with one Graph Store ``PUT``, which the server applies in one transaction."""
        quads = graph_quads(graph, quads)
        if not quads:  # an empty PUT would leave an empty graph on servers that keep them
            self.remove_graph(graph)
            return
        body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode()
        with self._writing(graph) as touched:
            old = set(self.quads(graph))  # to tell the listeners what changed
            self._send("PUT", self.gsp_url, params={"graph": graph.value}, content=body, media=_N_TRIPLES)
            touched.append(touched_iris(old.symmetric_difference(quads)))

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph with a Graph Store ``DELETE``; False if it was not there (404)."""
        with self._writing(graph) as touched:
            old = set(self.quads(graph))
            response = self._send("DELETE", self.gsp_url, params={"graph": graph.value}, missing_ok=True)
            touched.append(touched_iris(old) if response.status_code != 404 else _NO_WRITE)
        return response.status_code != 404

    def mark_resolution_stale(self) -> None:
        """Record the mark: one triple in the stored default graph, which queries (over the union) do not see."""
        with self._writing(None):
            self._send("POST", self.update_url, data={"update": f"INSERT DATA {{ {_STALE_MARK} }}"})

    def clear_resolution_stale(self) -> None:
        """Remove the mark's triple (and nothing else of the default graph)."""
        with self._writing(None):
            self._send("POST", self.update_url, data={"update": f"DELETE DATA {{ {_STALE_MARK} }}"})

    def resolution_is_stale(self) -> bool:
        """Whether the stored default graph holds the mark."""
        response = self._send("GET", self.gsp_url, params={"default": ""}, accept=_N_TRIPLES, missing_ok=True)
        if response.status_code == 404:
            return False
        try:
            return any(q.triple == _STALE_MARK for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise BackendError(f"{self.gsp_url} sent an unreadable default graph: {exc}") from exc

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs in the store."""
        result = self.query("SELECT ?g WHERE { GRAPH ?g { } }")
        assert isinstance(result, SelectResult)
        return [row[0] for row in result.rows if isinstance(row[0], ox.NamedNode)]

    def count_quads(self) -> int:
        """The number of quads in the named graphs (the stale mark is not one)."""
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(result, SelectResult)
        return int(result.rows[0][0].value)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Stream one graph (a Graph Store ``GET``), or every named graph (a SELECT over them), as it arrives."""
        if graph is None:
            _, rows = self.stream("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            return (ox.Quad(s, p, o, g) for s, p, o, g in rows)
        return self._graph_quads(graph)

    def _graph_quads(self, graph: ox.NamedNode) -> Iterator[ox.Quad]:
        request = self._client.build_request("GET", self.gsp_url, params={"graph": graph.value})
        request.headers["Accept"] = _N_TRIPLES
        response = self._open(request, missing_ok=True)
        try:
            if response.status_code == 404:
                return
            body = io.BufferedReader(_BodyReader(response))
            for quad in _translated(ox.parse(body, format=ox.RdfFormat.N_TRIPLES), None, self.description):
                yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)
        finally:
            response.close()

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
        """Run a read-only query on the server, reading its answer under the time and row limits."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        with contextlib.closing(self._query(sparql, timeout_s, default_graph, named_graphs, base_iri)) as response:
            try:
                return collect_results(self._parse(response), deadline, max_rows)
            except (SyntaxError, OSError) as exc:
                raise _broken(exc, deadline, self.description) from exc

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
        """Run a query and serialise it with the generic writers (the limits are checked on the rows read)."""
        result = self.query(
            sparql,
            timeout_s=timeout_s,
            max_rows=max_rows,
            default_graph=default_graph,
            named_graphs=named_graphs,
            base_iri=base_iri,
        )
        return serialize(result, media_type)

    def stream(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> RowStream:
        """Run a SELECT and return its rows as the server sends them; the response closes when they are read."""
        deadline = time.monotonic() + timeout_s if timeout_s else None
        response = self._query(sparql, timeout_s, default_graph, named_graphs, None)
        try:
            result = self._parse(response)
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("stream() runs SELECT queries only; use query() for ASK, CONSTRUCT and DESCRIBE")
        except BaseException:
            response.close()
            raise
        variables = [var.value for var in result.variables]
        rows = _translated(bounded_results(result, deadline, None), deadline, self.description)
        return variables, _rows_then_close(rows, response)

    def stream_csv(self, sparql: str, out: BinaryIO) -> None:
        """Run a SELECT and write it as CSV as the rows arrive, with the generic writer (no limits: exports)."""
        try:
            variables, rows = self.stream(sparql)
        except QueryError as exc:
            raise QueryError(str(exc).replace("stream()", "stream_csv()")) from exc
        for chunk in write_csv_rows(variables, rows):
            out.write(chunk)

    def quiescent(self) -> AbstractContextManager[object]:
        """A context in which no write through this object is under way (the write lock)."""
        return self._write_lock

    def writes_held(self) -> AbstractContextManager[object]:
        """As :meth:`quiescent`: nothing is prepared for reads."""
        return self._write_lock

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    # --- HTTP ---

    @contextlib.contextmanager
    def _writing(self, graph: ox.NamedNode | None) -> Iterator[list[frozenset[str]]]:
        """Hold the write lock around a write to ``graph``, refusing it on a read-only store; after it, bump the
        generation and tell the listeners what the write touched, which the caller appends (nothing appended: the
        write failed, and listeners rebuild; ``_NO_WRITE``: nothing was there to remove). A ``graph`` of None
        changes no data (the stale mark)."""
        if self.read_only:
            raise BackendError(f"{self.description} is open read-only")
        touched: list[frozenset[str]] = []
        with self._write_lock:
            try:
                yield touched
            finally:
                if graph is not None and touched[:1] != [_NO_WRITE]:
                    self.generation += 1  # even a failed write may have changed something
                    change = Change(self.generation, graph, touched[0] if touched else None)
                    for listener in self._listeners:
                        listener(change)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every write through this object, before the next write can start."""
        with self._write_lock:
            self._listeners.append(listener)

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        content: bytes | None = None,
        media: str | None = None,
        accept: str | None = None,
        missing_ok: bool = False,
    ) -> httpx.Response:
        """One whole request and its answer, read in full; errors become the project's."""
        request = self._client.build_request(method, url, params=params, data=data, content=content)
        if media:
            request.headers["Content-Type"] = media
        if accept:
            request.headers["Accept"] = accept
        response = self._open(request, missing_ok=missing_ok)
        try:
            response.read()
        except httpx.HTTPError as exc:
            raise BackendError(f"reading the answer of {url} failed: {exc}") from exc
        finally:
            response.close()
        return response

    def _open(self, request: httpx.Request, *, missing_ok: bool = False, is_query: bool = False) -> httpx.Response:
        """Send a request and return its streamed response once its status says it succeeded."""
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            if is_query:
                raise QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT") from exc
            raise BackendError(f"{request.url} did not answer in time: {exc}") from exc
        except httpx.HTTPError as exc:
            raise BackendError(f"cannot reach the SPARQL server at {request.url}: {exc}") from exc
        if response.is_success or (missing_ok and response.status_code == 404):
            return response
        try:
            detail = response.read().decode("utf-8", "replace").strip()
        except httpx.HTTPError:
            detail = ""
        finally:
            response.close()
        raise _failure(request, response.status_code, detail, is_query)

    def _query(
        self,
        sparql: str,
        timeout_s: float | None,
        default_graph: list[ox.NamedNode] | None,
        named_graphs: list[ox.NamedNode] | None,
        base_iri: str | None,
    ) -> httpx.Response:
        """Send a query (POSTed as a form, as the SPARQL Protocol allows) and return its streamed response."""
        # The prefixes every backend declares; a query's own PREFIX or BASE, coming after, still wins.
        prologue = (f"BASE <{base_iri}>\n" if base_iri else "") + vocab.sparql_prefixes()
        form: dict[str, str | list[str]] = {"query": prologue + sparql}
        # A given dataset replaces the query's own, as the Protocol's parameters do.
        if default_graph is not None:
            form["default-graph-uri"] = [g.value for g in default_graph]
        if named_graphs is not None:
            form["named-graph-uri"] = [g.value for g in named_graphs]
        if (default_graph is not None or named_graphs is not None) and not (default_graph or named_graphs):
            # An empty dataset cannot be said with the Protocol's parameters: name a graph that cannot exist.
            form["default-graph-uri"] = [vocab.RESOURCE + "graph/none"]
        if timeout_s:
            form["timeout"] = str(math.ceil(timeout_s))  # the server reads whole seconds
        request = self._client.build_request(
            "POST",
            self.query_url,
            data=form,
            timeout=httpx.Timeout(timeout_s + _GRACE_S if timeout_s else None, connect=10.0),
        )
        request.headers["Accept"] = _QUERY_ACCEPT
        return self._open(request, is_query=True)

    def _parse(self, response: httpx.Response) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """The results of a query as they stream in, by the media type the server chose."""
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = io.BufferedReader(_BodyReader(response))
        try:
            if media in (_RESULTS_JSON, "application/json"):
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if media in (_N_TRIPLES, "text/plain"):
                return (quad.triple for quad in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, OSError) as exc:
            raise _broken(exc, None, self.description) from exc
        raise BackendError(f"{self.description} answered a query in {media or 'no media type'}, not {_QUERY_ACCEPT}")


def _translated(items: Iterable[object], deadline: float | None, description: str) -> Iterator:
    """Items of a streamed answer; a broken stream is a timeout past the deadline, a backend error before it."""
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except (SyntaxError, OSError, httpx.HTTPError) as exc:
            raise _broken(exc, deadline, description) from exc
        yield item


def _broken(exc: BaseException, deadline: float | None, description: str) -> Exception:
    """The error for an answer that stopped making sense: the server's timeout cutting it, or a fault."""
    if deadline is not None and time.monotonic() >= deadline:
        return QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
    return BackendError(f"the answer of {description} broke off: {exc}")


def _failure(request: httpx.Request, status: int, detail: str, is_query: bool) -> Exception:
    """The error for a refused request, by its status."""
    detail = " ".join(detail.split())[:500]
    if status in (401, 403):
        return BackendError(
            f"{request.url.copy_with(query=None)} refused the request (HTTP {status}): "
            "check KG_SPARQL_USER and KG_SPARQL_PASSWORD"
        )
    if is_query and status == 400:
        lowered = detail.lower()
        kind = "SPARQL syntax error" if "parse" in lowered or "syntax" in lowered else "the server refused the query"
        return QueryError(f"{kind}: {detail}")
    if is_query and status == 503 and ("timed out" in detail.lower() or "timeout" in detail.lower()):
        return QueryTimeoutError("the query ran past the time limit; narrow it or add a LIMIT")
    return BackendError(f"{request.method} {request.url.copy_with(query=None)} failed (HTTP {status}): {detail}")


def _rows_then_close(rows: Iterable[ox.QuerySolution], response: httpx.Response) -> Iterator[Row]:
    """The rows as tuples; the response is closed once they are read or dropped."""
    try:
        for row in rows:
            yield tuple(row)
    finally:
        response.close()


class _BodyReader(io.RawIOBase):
    """A streamed HTTP response body as a binary file, so that pyoxigraph parses it as it arrives."""

    def __init__(self, response: httpx.Response) -> None:
        self._chunks = response.iter_bytes()
        self._pending = b""

    def readable(self) -> bool:
        """A reader."""
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        """Fill ``buffer`` from the next chunks; 0 at the end of the body."""
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
            except httpx.HTTPError as exc:
                raise OSError(f"the connection broke: {exc}") from exc
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
