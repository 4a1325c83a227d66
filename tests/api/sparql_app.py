"""An app with the SPARQL and export routers only, so these tests need no other router to exist."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import export, sparql
from api.app import bind_state
from api.errors import install_error_handlers
from kg.settings import Settings
from kg.store.base import GraphStore


def sparql_app(store: GraphStore, settings: Settings | None = None) -> FastAPI:
    """A FastAPI app serving /sparql and /export over ``store``."""
    app = FastAPI()
    bind_state(app, settings or Settings(), store)
    install_error_handlers(app)
    app.include_router(sparql.router)
    app.include_router(export.router)
    return app


@contextmanager
def sparql_client(store: GraphStore, settings: Settings | None = None) -> Iterator[TestClient]:
    """A client of :func:`sparql_app`; the query sandbox's idle workers stop after it (without a lifespan nothing
    else stops them, and they would wait on their pipes until the test process exits)."""
    app = sparql_app(store, settings)
    try:
        yield TestClient(app)
    finally:
        app.state.sandbox.close()
