"""Stores: one protocol (:mod:`kg.store.base`), one module per backend."""

from __future__ import annotations

from kg.settings import Settings
from kg.store.base import GraphStore
from kg.store.oxigraph import OxigraphStore


def open_store(settings: Settings, *, read_only: bool = False, serve: bool = False) -> GraphStore:
    """The embedded store configured in the settings; ``serve``: for a long-running server (may keep a replica)."""
    return OxigraphStore(settings.store, read_only=read_only, query_replica=serve and settings.query_replica)


__all__ = ["GraphStore", "OxigraphStore", "open_store"]
