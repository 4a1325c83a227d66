"""Linked data: the graph's IRIs dereference, the ontology is served at its own IRI, and a VoID description says
what the dataset holds and where to query or download it.

``https://w3id.org/ainews-kg/id/org-anthropic`` names a resource; ``GET /id/org-anthropic`` answers its
description in the RDF format the client asks for (what ``DESCRIBE`` gives: its triples across every document),
and a client that asks for JSON or HTML is sent (303) to the REST view of the same resource.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import RedirectResponse
from starlette.exceptions import HTTPException

from api.deps import PoolsDep, StoreDep
from api.errors import error_responses
from api.sparql import negotiate
from kg import ids, vocab
from kg.errors import NotFoundError
from kg.ontology import ONTOLOGY_TTL
from kg.sparql_results import GRAPH_WRITERS, serialize
from kg.store.base import GraphResult, GraphStore

router = APIRouter(tags=["linked data"], responses=error_responses(404, 406, 422))

_RDF = list(GRAPH_WRITERS)
_RDF_ANSWER = {
    200: {"description": "RDF, in the format the Accept header chose", "content": {media: {} for media in _RDF}}
}
_VOID = "http://rdfs.org/ns/void#"
_DCT = "http://purl.org/dc/terms/"


def _rest_view(local_id: str) -> str | None:
    """The REST path showing the same resource, where there is one."""
    if local_id.startswith("doc/"):
        return f"/documents/{local_id.removeprefix('doc/')}"
    return f"/entities/{local_id}" if ids.is_entity_id(local_id) else None


def _describe(store: GraphStore, iri: ox.NamedNode, media: str) -> bytes:
    """The resource's description, or NotFoundError when the graph says nothing about it."""
    if not store.query(f"ASK {{ {{ {iri} ?p ?o }} UNION {{ ?s ?p {iri} }} }}").value:  # type: ignore[union-attr]
        raise NotFoundError(f"nothing in the graph is called {iri.value}")
    return store.query_serialized(f"DESCRIBE {iri}", media)


@router.get(
    "/id/{local_id:path}",
    summary="Dereference a resource IRI (RDF, or 303 to its REST view)",
    responses={**_RDF_ANSWER, 303: {"description": "JSON or HTML asked for: see the REST view of the resource"}},
)
async def resource(
    local_id: str, store: StoreDep, pools: PoolsDep, accept: Annotated[str | None, Header()] = None
) -> Response:
    """The description of ``https://w3id.org/ainews-kg/id/{local_id}`` in the RDF format asked for."""
    view = _rest_view(local_id)
    media = negotiate(accept, [*_RDF, "application/json", "text/html"] if view else _RDF)
    if media is None:
        raise HTTPException(406, f"cannot describe {local_id} as '{accept}'; available: {', '.join(_RDF)}")
    if media not in GRAPH_WRITERS:
        return RedirectResponse(view or "/", status_code=303, headers={"Vary": "Accept"})
    try:
        iri = vocab.resource(local_id)
    except ValueError:  # characters no IRI may hold: no resource can have this id
        raise NotFoundError(f"nothing in the graph is called {local_id!r}") from None
    body = await pools.run("query", _describe, store, iri, media)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.get("/ontology", summary="The OWL ontology (kg:)", responses=_RDF_ANSWER)
def ontology(accept: Annotated[str | None, Header()] = None) -> Response:
    """The ontology in the RDF format asked for (Turtle by default)."""
    media = negotiate(accept, _RDF) or "text/turtle"
    text = ONTOLOGY_TTL.read_bytes()
    if media != "text/turtle":
        quads = ox.parse(text, format=ox.RdfFormat.TURTLE)
        text = serialize(GraphResult([ox.Triple(q.subject, q.predicate, q.object) for q in quads]), media)
    return Response(text, media_type=media, headers={"Vary": "Accept"})


@router.get("/.well-known/void", summary="VoID description of the dataset", responses=_RDF_ANSWER)
async def void(
    request: Request, store: StoreDep, pools: PoolsDep, accept: Annotated[str | None, Header()] = None
) -> Response:
    """What the dataset is, how large, and where to query and download it (VoID)."""
    base = str(request.base_url).rstrip("/")
    triples = await pools.run("query", store.count_quads)
    media = negotiate(accept, _RDF) or "text/turtle"
    return Response(serialize(GraphResult(_void(base, triples)), media), media_type=media, headers={"Vary": "Accept"})


def _void(base: str, triples: int) -> list[ox.Triple]:
    dataset, a = ox.NamedNode(f"{base}/.well-known/void#dataset"), vocab.RDF_TYPE
    values: list[tuple[str, ox.NamedNode | ox.Literal]] = [
        (_DCT + "title", ox.Literal("AI-news knowledge graph")),
        (_VOID + "sparqlEndpoint", ox.NamedNode(f"{base}/sparql")),
        (_VOID + "uriSpace", ox.Literal(vocab.RESOURCE)),
        (_VOID + "vocabulary", ox.NamedNode(vocab.ONTOLOGY.rstrip("#"))),
        (_VOID + "triples", ox.Literal(str(triples), datatype=ox.NamedNode(vocab.XSD + "integer"))),
        *((_VOID + "dataDump", ox.NamedNode(f"{base}/export?format={name}")) for name in ("nquads", "turtle")),
    ]
    return [ox.Triple(dataset, a, ox.NamedNode(_VOID + "Dataset"))] + [
        ox.Triple(dataset, ox.NamedNode(predicate), value) for predicate, value in values
    ]
