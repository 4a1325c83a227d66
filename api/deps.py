"""FastAPI dependencies: the store and settings of the running app, the snapshot a read uses, the token check.

They are ``async``: FastAPI runs a plain dependency in anyio's default thread pool, a hop through a thread (and a
wait for the GIL) to read an attribute. The one that may block, building the first snapshot, runs in the REST
pool (:mod:`api.pools`).
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from api.extractor import Extractor
from api.pools import Pools, pools_of
from kg import queries
from kg.errors import AuthError, WritesDisabledError
from kg.sandbox import Sandbox
from kg.settings import Settings
from kg.store.base import GraphStore


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


async def get_store(request: Request) -> GraphStore:
    """The store the app was created with (tests override it with FastAPI's dependency_overrides)."""
    return request.app.state.store


async def get_extractor(request: Request) -> Extractor:
    """The worker process that extracts posted documents."""
    return request.app.state.extractor


async def get_sandbox(request: Request) -> Sandbox:
    """The sandbox users' SPARQL queries run in."""
    return request.app.state.sandbox


async def get_pools(request: Request) -> Pools:
    """The thread pools the app's endpoints run in, sized from its settings."""
    return pools_of(request)


async def pinned_store(request: Request) -> GraphStore:
    """The store as one snapshot shows it, for the whole request (:func:`kg.queries.pin`).

    The response cache (:mod:`api.cache`) pins it first when a snapshot exists, to key the answer on its
    generation; otherwise it is pinned here, in the REST pool, where building the first snapshot may wait.
    """
    view = getattr(request.state, "pinned", None)
    if view is None:
        view = request.state.pinned = await pools_of(request).run("rest", queries.pin, request.app.state.store)
    return view


async def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Refuse a write unless the configured API token is presented as 'Authorization: Bearer <token>'.

    Without a token, only a server that listens on loopback takes writes: one reachable from the
    network refuses them all, so forgetting KG_API_TOKEN never opens the store to other machines.
    """
    if settings.api_token is None:
        if settings.loopback_only:
            return
        raise WritesDisabledError(
            f"writes are off: this server listens on {settings.host} and has no API token; "
            "set KG_API_TOKEN (then send 'Authorization: Bearer <token>'), or listen on 127.0.0.1 only"
        )
    header = authorization or ""
    if not header.isascii():
        raise AuthError("the Authorization header holds non-ASCII characters; send 'Authorization: Bearer <token>'")
    scheme, _, presented = header.partition(" ")
    expected = settings.api_token.get_secret_value()
    # compare_digest takes as long whatever prefix matches: the timing tells nothing about the token.
    if scheme.lower() != "bearer" or not secrets.compare_digest(presented.strip().encode(), expected.encode()):
        raise AuthError("this endpoint needs 'Authorization: Bearer <token>' with the token set in KG_API_TOKEN")


StoreDep = Annotated[GraphStore, Depends(get_store)]
ReadStoreDep = Annotated[GraphStore, Depends(pinned_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SandboxDep = Annotated[Sandbox, Depends(get_sandbox)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
PoolsDep = Annotated[Pools, Depends(get_pools)]
WriteAccess = Depends(require_token)
