"""FastAPI dependencies: the store and settings of the running app, and the write token check."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from kg.errors import AuthError
from kg.sandbox import Sandbox
from kg.settings import Settings
from kg.store.base import GraphStore


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    """The store the app was created with (tests override it with FastAPI's dependency_overrides)."""
    return request.app.state.store


def get_sandbox(request: Request) -> Sandbox:
    """The sandbox users' SPARQL queries run in."""
    return request.app.state.sandbox


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Refuse a write unless the configured API token is presented as 'Authorization: Bearer <token>'."""
    if settings.api_token is None:
        return
    expected = settings.api_token.get_secret_value()
    scheme, _, presented = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(presented.strip(), expected):
        raise AuthError("this endpoint needs 'Authorization: Bearer <token>' with the token set in KG_API_TOKEN")


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SandboxDep = Annotated[Sandbox, Depends(get_sandbox)]
WriteAccess = Depends(require_token)
