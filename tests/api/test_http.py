"""HTTP comforts over a real server: the start page, offline API docs, HEAD, gzip, ETag with 304, the SPARQL
service description."""

from __future__ import annotations

import re

import httpx
import pytest
import rdflib

from kg import vocab
from tests.api.conftest import TOKEN

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


def test_start_page_links_the_service(live_server: str) -> None:
    page = httpx.get(f"{live_server}/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for link in ("/docs", "/sparql", "/export?format=gexf", "/criticisms"):
        assert f'href="{link}' in page.text


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_load_nothing_from_another_host(live_server: str, path: str) -> None:
    """Every script and stylesheet of the docs pages is served by the service itself, and is there."""
    page = httpx.get(f"{live_server}{path}").text
    assets = re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', page)
    assert assets
    for asset in assets:
        assert asset.startswith("/"), asset
        assert httpx.get(f"{live_server}{asset}").status_code == 200


@pytest.mark.parametrize("path", ["/entities?q=Anthropic", "/criticisms", "/health", "/"])
def test_head_answers_like_get_without_a_body(live_server: str, path: str) -> None:
    head = httpx.head(f"{live_server}{path}")
    get = httpx.get(f"{live_server}{path}")
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_large_answers_are_gzipped(live_server: str) -> None:
    response = httpx.get(f"{live_server}/export", params={"format": "turtle"}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.text.startswith("@prefix")  # httpx decodes it


def test_etag_gives_304_until_a_write(live_server: str) -> None:
    """A client sending the tag back gets 304 with no body; after a document is added, a new answer."""
    first = httpx.get(f"{live_server}/criticisms")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = httpx.get(f"{live_server}/criticisms", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    posted = httpx.post(
        f"{live_server}/documents",
        json={"text": "Critics said the ETag test company Zorblax overpromised on its chatbot Quibble."},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert posted.status_code in (200, 201)
    after = httpx.get(f"{live_server}/criticisms", headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag


def test_sparql_without_a_query_describes_the_service(live_server: str) -> None:
    """GET /sparql with no parameters is the SPARQL 1.1 Service Description (Turtle by default)."""
    response = httpx.get(f"{live_server}/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    endpoint = rdflib.URIRef(f"{live_server}/sparql")
    assert (endpoint, rdflib.RDF.type, SD.Service) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph


@pytest.mark.parametrize("media", ["text/turtle", "application/rdf+xml", "application/ld+json"])
def test_entity_iris_dereference_to_rdf(live_server: str, media: str) -> None:
    """GET /id/{id} with an RDF Accept header answers the resource's description, parseable as that format."""
    response = httpx.get(f"{live_server}/id/org-anthropic", headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(
        data=response.content,
        format={"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media],
    )
    assert (rdflib.URIRef(f"{vocab.RESOURCE}org-anthropic"), rdflib.RDFS.label, rdflib.Literal("Anthropic")) in graph


def test_entity_iris_send_browsers_to_the_rest_view(live_server: str) -> None:
    response = httpx.get(f"{live_server}/id/org-anthropic", headers={"Accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["location"] == "/entities/org-anthropic"


def test_an_unknown_iri_is_404(live_server: str) -> None:
    response = httpx.get(f"{live_server}/id/org-no-such-thing", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_ontology_and_void(live_server: str) -> None:
    """The ontology at /ontology and a VoID description naming the endpoint and the dumps."""
    ontology = rdflib.Graph().parse(data=httpx.get(f"{live_server}/ontology").text, format="turtle")
    assert (None, rdflib.RDF.type, rdflib.OWL.Ontology) in ontology
    void = rdflib.Graph().parse(data=httpx.get(f"{live_server}/.well-known/void").text, format="turtle")
    assert (None, VOID.sparqlEndpoint, rdflib.URIRef(f"{live_server}/sparql")) in void
    assert len(list(void.objects(None, VOID.dataDump))) == 2


def test_every_documented_error_has_the_contract_shape(live_server: str) -> None:
    """No operation documents FastAPI's {"detail"} validation error: errors are {"error": {code, message}}."""
    assert "HTTPValidationError" not in httpx.get(f"{live_server}/openapi.json").text


@pytest.mark.parametrize("local_id", ['x">', "a b", "%00"])
def test_an_id_no_iri_can_hold_is_404(live_server: str, local_id: str) -> None:
    response = httpx.get(f"{live_server}/id/{local_id}", headers={"Accept": "text/turtle"})
    assert response.status_code == 404


def test_pages_link_to_their_neighbours(live_server: str) -> None:
    """A page has rel="next" while items remain and rel="prev" past the first; following next gives the rest."""
    first = httpx.get(f"{live_server}/criticisms", params={"limit": 2})
    total = first.json()["total"]
    assert total > 2
    assert 'rel="next"' in first.headers["link"] and 'rel="prev"' not in first.headers["link"]
    next_url = first.headers["link"].split(">;")[0].lstrip("<")
    second = httpx.get(f"{live_server}{next_url}")
    assert second.status_code == 200 and 'rel="prev"' in second.headers["link"]
    assert second.json()["items"] != first.json()["items"]
    last = httpx.get(f"{live_server}/criticisms", params={"limit": 2, "offset": total - 1})
    assert 'rel="next"' not in last.headers.get("link", "")
