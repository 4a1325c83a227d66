"""The W3C SPARQL 1.1 Protocol test suite (../shared/conformance/sparql11-protocol) against /sparql.

The manifest is read with rdflib; each test's graph data is loaded into a fresh store as the named graph its
``ut:graphData`` label names, and its requests are sent, in order, over HTTP to a real uvicorn server.
Tests that need SPARQL Update to succeed are skipped: the endpoint is read-only by design. The bad_update_*
tests run, since refusing an update is a 4xx, which is what they expect.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from lxml import etree
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.store.oxigraph import OxigraphStore
from tests.api.sparql_app import sparql_app

SUITE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")

SKIPPED = {
    name: "read-only endpoint: it refuses SPARQL Update, which this test needs to succeed"
    for name in (
        "update_dataset_default_graph",
        "update_dataset_default_graphs",
        "update_dataset_named_graphs",
        "update_dataset_full",
        "update_post_form",
        "update_post_direct",
        "update_base_uri",
    )
}
_TABULAR = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
_BOOLEAN = ("application/sparql-results+json", "application/sparql-results+xml")
_RDF = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/ld+json": ox.RdfFormat.JSON_LD}  # fmt: skip


@dataclass
class ProtocolRequest:
    """One HTTP request of a test and what its response must be."""

    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: set[str]
    boolean: bool | None
    result_format: str | None


@dataclass
class ProtocolTest:
    """A manifest entry: its name, the graphs to load first and its requests."""

    name: str
    graphs: list[tuple[Path, str]] = field(default_factory=list)
    requests: list[ProtocolRequest] = field(default_factory=list)


def _one(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    return next(iter(graph.objects(subject, predicate)), None)


def _request(graph: Graph, node: Node) -> ProtocolRequest:
    body_node = _one(graph, node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(_one(graph, body_node, CNT.characterEncoding) or "UTF-8")
        body = str(_one(graph, body_node, CNT.chars)).encode(encoding)
    headers = {}
    headers_list = _one(graph, node, HT.headers)
    for header in Collection(graph, headers_list) if headers_list is not None else ():
        headers[str(_one(graph, header, HT.fieldName))] = str(_one(graph, header, HT.fieldValue))
    resp = _one(graph, node, HT.resp)
    assert resp is not None
    boolean = _one(graph, resp, MF.expectedBoolean)
    result_format = _one(graph, resp, MF.expectedFormat)
    return ProtocolRequest(
        method=str(_one(graph, node, HT.methodName)),
        path=str(_one(graph, node, HT.absolutePath)),
        body=body,
        headers=headers,
        statuses={str(s).removeprefix(HTS) for s in graph.objects(resp, MF.expectedStatus)},
        boolean=None if boolean is None else bool(boolean.toPython()),
        result_format=None if result_format is None else str(result_format),
    )


def load_manifest() -> list[ProtocolTest]:
    """The tests of the manifest, in its order."""
    graph = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE.as_uri() + "/")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(graph, _one(graph, manifest, MF.entries)):
        test = ProtocolTest(name=str(entry).rpartition("#")[2])
        for data in graph.objects(entry, UT.graphData):
            file_uri = str(_one(graph, data, UT.graph))
            test.graphs.append((Path(file_uri.removeprefix("file://")), str(_one(graph, data, RDFS_LABEL))))
        action = _one(graph, entry, MF.action)
        test.requests = [_request(graph, r) for r in Collection(graph, _one(graph, action, HT.requests))]
        tests.append(test)
    return tests


def _params() -> list[object]:
    if not (SUITE / "manifest.ttl").is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{SUITE} is absent"))]
    return [
        pytest.param(t, id=t.name, marks=[pytest.mark.skip(reason=SKIPPED[t.name])] if t.name in SKIPPED else [])
        for t in load_manifest()
    ]


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, object]]:
    """A uvicorn server on a free local port; tests swap the store in ``app.state``."""
    app = sparql_app(OxigraphStore(None))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", app
    uv.should_exit = True
    thread.join(5)


def _store_with(graphs: list[tuple[Path, str]]) -> OxigraphStore:
    store = OxigraphStore(None)
    for path, name in graphs:
        graph = ox.NamedNode(name)
        triples = ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        store.put_graph(graph, [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
    return store


def _check_body(request: ProtocolRequest, response: httpx.Response) -> None:
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if request.result_format == "boolean":
        assert media in _BOOLEAN
    elif request.result_format == "tabular":
        assert media in _TABULAR
    elif request.result_format == "RDF":
        assert media in _RDF
        list(ox.parse(response.content, format=_RDF[media]))
    if request.boolean is not None:
        if media == "application/sparql-results+json":
            value = json.loads(response.content)["boolean"]
        else:
            text = etree.fromstring(response.content).findtext("{http://www.w3.org/2005/sparql-results#}boolean")
            value = text == "true"
        assert value is request.boolean


@pytest.mark.parametrize("test", _params())
def test_w3c_protocol(test: ProtocolTest, server: tuple[str, object]) -> None:
    """Run one manifest test's requests in order and check status class, media type and boolean answer."""
    base, app = server
    app.state.store = _store_with(test.graphs)  # type: ignore[attr-defined]
    with httpx.Client(base_url=base, timeout=10) as client:
        for request in test.requests:
            path = request.path.replace("/sparql/", "/sparql", 1)
            response = client.request(request.method, path, content=request.body, headers=request.headers)
            status_class = f"{response.status_code // 100}xx"
            assert status_class in request.statuses, f"{response.status_code}: {response.text[:300]}"
            if status_class == "2xx":
                _check_body(request, response)
            else:
                assert "error" in response.json()
