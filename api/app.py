"""The FastAPI application: REST contract v1, SPARQL 1.1 Protocol, exports and document writes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi_offline import FastAPIOffline

from api import documents, export, extractor, home, linked_data, rest, sparql, ui
from api.body_limit import BodyLimitMiddleware, body_limits
from api.cors import ReadOnlyCORS
from api.errors import install_error_handlers
from api.http_cache import HttpCacheMiddleware
from api.page_links import PageLinksMiddleware
from api.pools import Pools
from kg.queries import snapshot
from kg.resolution_index import keep_index
from kg.settings import Settings
from kg.store.base import GraphStore

# The REST lists answered as pages ({"items", "total"}): they get next/prev Link headers.
PAGED_PATHS = frozenset({"/entities", "/criticisms", "/events", "/claims", "/relations", "/documents", "/conflicts"})


def create_app(settings: Settings, store: GraphStore, *, keep_read_side: bool = False) -> FastAPI:
    """An app serving ``store``; the caller owns the store and closes it.

    ``keep_read_side``: when the app stops, write the store's read side next to it for the next start
    (:mod:`kg.queries.persist`; ``kg serve``). Here, not after the server returns: uvicorn ends the process with
    the signal that stopped it.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with extractor.lifespan(app):
            try:
                yield
            finally:
                if keep_read_side:
                    snapshot.keep(store)
                    keep_index(store)

    app = FastAPIOffline(  # Swagger UI and ReDoc from the package, not from a CDN: /docs works offline
        title="AI-news knowledge graph",
        version="1",
        description="Actors, claims, events and criticisms from news about the AI industry, "
        "every fact with the span of text that supports it.",
        lifespan=lifespan,
    )
    bind_state(app, settings, store)
    install_error_handlers(app)
    app.add_middleware(PageLinksMiddleware, paths=PAGED_PATHS)  # innermost: it reads the uncompressed page
    app.add_middleware(BodyLimitMiddleware, limits=body_limits(settings))
    app.add_middleware(HttpCacheMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(ReadOnlyCORS, settings=settings)  # outermost: preflights need no body check
    for module in (home, rest, documents, sparql, export, linked_data, ui):
        app.include_router(module.router)
    return app


def bind_state(app: FastAPI, settings: Settings, store: GraphStore) -> None:
    """Give an app what its dependencies read (api/deps.py): the settings, the store, the thread pools, the query
    sandbox, and the worker process that extracts posted documents."""
    app.state.settings = settings
    app.state.store = store
    app.state.pools = Pools.from_settings(settings)
    app.state.sandbox = sparql.query_sandbox(app.state)
    app.state.extractor = extractor.Extractor(timeout_s=settings.extract_timeout_s)
