"""Stores: one protocol (:mod:`kg.store.base`), one module per backend."""

from __future__ import annotations

from kg.settings import Settings
from kg.store.base import GraphStore
from kg.store.oxigraph import OxigraphStore


def open_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """The embedded store configured in the settings."""
    return OxigraphStore(settings.store, read_only=read_only)


__all__ = ["GraphStore", "OxigraphStore", "open_store"]
