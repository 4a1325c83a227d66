"""The REST read endpoints of contract v1 (plus ``/conflicts``); the work is in :mod:`kg.queries`.

Every endpoint but ``/health`` is on ``reads``: it reads one snapshot of the store for the whole request
(``ReadStoreDep``), and its answers are cached per snapshot generation (:mod:`api.cache`). All of them run in the
REST pool (:mod:`api.pools`), apart from SPARQL's, the exports' and the writes' threads.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from api.cache import CachedRoute
from api.deps import ReadStoreDep, StoreDep
from api.errors import error_responses
from api.pools import PooledRoute
from kg import queries
from kg.model import EntityType, EventType, Predicate
from kg.queries import ConflictKind, rendered
from kg.queries.views import (
    ISO_DATE,
    Claim,
    Conflict,
    Criticism,
    CriticismPair,
    Document,
    DocumentDetail,
    Entity,
    EntityDetail,
    Event,
    Health,
    Page,
    Relation,
)

router = APIRouter(responses=error_responses(400, 422), route_class=PooledRoute)
# Answers depend only on the store, so they are cached until it changes; /health reports live counts and is not.
reads = APIRouter(responses=error_responses(400, 422), route_class=CachedRoute)

Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Name = Annotated[str | None, Query(description="an entity id, label or alias (any case; resolution-aware)")]
Since = Annotated[
    str | None, Query(pattern=ISO_DATE, description="ISO date of any precision: 2026-06-04, 2026-06 or 2026")
]
Until = Annotated[
    str | None, Query(pattern=ISO_DATE, description="ISO date of any precision; dates overlapping the range pass")
]
_NOT_FOUND = error_responses(404)


def _json(model: BaseModel) -> Response:
    """The answer as FastAPI renders a response_model, byte for byte, without validating the model a second time.

    FastAPI dumps a returned model, validates the dump against the response_model and dumps it again: for a page
    of facts that was most of a request's time. The models are built validated, so once is enough.
    """
    return _body(rendered.dump_model(model))


def _body(body: bytes) -> Response:
    """An answer already rendered as the response_model would be (:mod:`kg.queries.rendered`)."""
    return Response(body, media_type="application/json")


@router.get("/health", response_model=Health, tags=["meta"])
def health(store: StoreDep) -> Health:
    """Liveness, the store, and how many documents and triples it holds."""
    return queries.health(store)


@reads.get("/entities", response_model=Page[Entity], tags=["entities"])
def entities(
    store: ReadStoreDep,
    type: EntityType | None = None,
    q: Annotated[str | None, Query(description="substring of the label or an alias, any case")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Canonical entities, most mentioned first."""
    return _body(rendered.entities_json(store, type=type, q=q, limit=limit, offset=offset))


@reads.get("/entities/{entity_id}", response_model=EntityDetail, responses=_NOT_FOUND, tags=["entities"])
def entity(
    store: ReadStoreDep,
    entity_id: str,
    limit: Annotated[int, Query(ge=1, le=1000, description="most items per list in the answer")] = 100,
) -> Response:
    """An entity by any of its ids (or an unambiguous label), its relations, criticisms, events and documents."""
    return _body(rendered.entity_json(store, entity_id, limit=limit))


@reads.get("/criticisms", response_model=Page[Criticism] | Page[CriticismPair], tags=["facts"])
def criticisms(
    store: ReadStoreDep,
    critic: Name = None,
    target: Name = None,
    since: Since = None,
    until: Until = None,
    group: Annotated[
        Literal["pair"] | None,
        Query(description="pair: one item per critic and target, with the count and the first and last dates"),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Criticisms, newest first; since/until compare the date, or the reported date when there is none."""
    if group == "pair":
        return _json(queries.criticism_pairs(
            store, critic=critic, target=target, since=since, until=until, limit=limit, offset=offset
        ))
    return _body(rendered.criticisms_json(
        store, critic=critic, target=target, since=since, until=until, limit=limit, offset=offset
    ))


@reads.get("/events", response_model=Page[Event], tags=["facts"])
def events(
    store: ReadStoreDep,
    type: EventType | None = None,
    entity: Name = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Events, newest first, optionally of one type or with one participant."""
    found = queries.list_events(store, type=type, entity=entity, since=since, until=until, limit=limit, offset=offset)
    return _json(found)


@reads.get("/claims", response_model=Page[Claim], tags=["facts"])
def claims(
    store: ReadStoreDep,
    claimant: Name = None,
    about: Name = None,
    q: Annotated[str | None, Query(description="substring of the claim's text, any case")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Claims, newest first; the same claim in several documents is one item; since/until compare ``reported``."""
    return _json(queries.list_claims(
        store, claimant=claimant, about=about, q=q, since=since, until=until, limit=limit, offset=offset
    ))


@reads.get("/relations", response_model=Page[Relation], tags=["facts"])
def relations(
    store: ReadStoreDep,
    predicate: Predicate | None = None,
    subject: Name = None,
    object: Name = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Relations between canonical entities, each with every supporting span."""
    return _body(rendered.relations_json(
        store, predicate=predicate, subject=subject, object=object, limit=limit, offset=offset
    ))


@reads.get("/documents", response_model=Page[Document], tags=["documents"])
def documents(store: ReadStoreDep, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Documents' metadata, most recently ingested first."""
    return _json(queries.list_documents(store, limit=limit, offset=offset))


@reads.get("/documents/{doc_id}", response_model=DocumentDetail, responses=_NOT_FOUND, tags=["documents"])
def document(store: ReadStoreDep, doc_id: str) -> Response:
    """One document with its text; every Source's offsets point into this text."""
    return _json(queries.get_document(store, doc_id))


@reads.get("/conflicts", response_model=Page[Conflict], tags=["facts"])
def conflicts(
    store: ReadStoreDep, kind: ConflictKind | None = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    """Where documents disagree: funding amounts or valuations, one-person offices, authors, claimed figures."""
    return _json(queries.list_conflicts(store, kind=kind, limit=limit, offset=offset))


router.include_router(reads)
