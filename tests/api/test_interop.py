"""The clients analysts already use, at their defaults, against a real server: SPARQLWrapper, rdflib, a browser."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.settings import Settings

ORIGIN = "https://yasgui.example"
CONSTRUCT = "CONSTRUCT { ?o rdfs:label ?l } WHERE { ?o a kg:Organization ; rdfs:label ?l }"


def test_sparqlwrapper_select_with_predeclared_prefixes(live_server: str) -> None:
    """No PREFIX lines needed for kg:, rdfs:, owl: and the others."""
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setQuery("SELECT ?l WHERE { ?o a kg:Organization ; rdfs:label ?l }")
    client.setReturnFormat(JSON)
    labels = {row["l"]["value"] for row in client.queryAndConvert()["results"]["bindings"]}
    assert "Anthropic" in labels


@pytest.mark.parametrize("query", [CONSTRUCT, "DESCRIBE ?o WHERE { ?o a kg:Organization } LIMIT 2"])
def test_sparqlwrapper_graph_queries_at_its_defaults(live_server: str, query: str) -> None:
    """SPARQLWrapper asks for RDF/XML first and parses the answer into an rdflib graph."""
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setQuery(query)
    graph = client.queryAndConvert()
    assert isinstance(graph, rdflib.Graph)
    assert len(graph) > 0


def test_rdflib_sparqlstore_construct(live_server: str) -> None:
    """rdflib's SPARQLStore at its defaults: CONSTRUCT comes back as a graph, not as a 406."""
    graph = rdflib.Graph(store=SPARQLStore(f"{live_server}/sparql"))
    result = graph.query(CONSTRUCT)
    labels = {str(o) for _, _, o in result.graph}
    assert "Anthropic" in labels


def test_property_path_with_zero_or_one(live_server: str) -> None:
    """'owl:sameAs?' is SPARQL 1.1 (the README's [:SAME_AS*0..1]); the old guard refused it."""
    query = "SELECT ?e ?c WHERE { ?e a kg:Organization ; owl:sameAs? ?c } LIMIT 5"
    response = httpx.get(f"{live_server}/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"]


def test_cors_preflight_and_reads(live_server: str) -> None:
    """A browser page on another origin may query /sparql (GET and POST) and read the REST API."""
    preflight = httpx.options(
        f"{live_server}/sparql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", ORIGIN)
    assert "POST" in preflight.headers["access-control-allow-methods"]
    read = httpx.get(f"{live_server}/entities", params={"q": "Anthropic"}, headers={"Origin": ORIGIN})
    assert read.headers["access-control-allow-origin"] in ("*", ORIGIN)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_writes_are_never_cross_origin(live_server: str, method: str) -> None:
    """A page on another origin gets no CORS grant to write documents, so its browser will not send the write."""
    preflight = httpx.options(
        f"{live_server}/documents/x" if method == "DELETE" else f"{live_server}/documents",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": method},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_origins_are_configurable(serve: Callable[[Settings], str]) -> None:
    """KG_CORS_ORIGINS lists the origins allowed; others get no grant."""
    base = serve(Settings(cors_origins="https://allowed.example"))
    allowed = httpx.get(f"{base}/entities", headers={"Origin": "https://allowed.example"})
    other = httpx.get(f"{base}/entities", headers={"Origin": ORIGIN})
    assert allowed.headers["access-control-allow-origin"] == "https://allowed.example"
    assert "access-control-allow-origin" not in other.headers
