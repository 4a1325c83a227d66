"""Stores: one protocol (:mod:`kg.store.base`), one module per backend."""

from __future__ import annotations

from kg.settings import Settings
from kg.store.base import GraphStore
from kg.store.oxigraph import OxigraphStore


def open_store(settings: Settings, *, read_only: bool = False, serve: bool = False) -> GraphStore:
    """The store configured in the settings; ``serve``: for a long-running server (may keep a replica)."""
    if settings.store_backend == "remote":
        return open_remote_store(settings, read_only=read_only)
    store = OxigraphStore(
        settings.store,
        read_only=read_only,
        query_replica=serve and settings.query_replica,
        replica_max_quads=settings.query_replica_max_quads,
    )
    if serve and not read_only:
        from kg.resolution_index import start_index  # resolution builds on the store

        # A server's writes move resolution on from an index of every document (:mod:`kg.resolution_index`):
        # built from now on, in a background thread, rather than by the first POST while it waits (30 s at 1M
        # triples); reads need none of it, so the server answers meanwhile.
        start_index(store, keep=True)  # read back if kept and current; kept once built for the next start
    return store


def open_remote_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """The remote SPARQL server of the settings (KG_SPARQL_URL and the rest)."""
    from kg.store.remote import RemoteStore

    assert settings.sparql_url is not None  # the settings refuse the remote backend without it
    password = settings.sparql_password.get_secret_value() if settings.sparql_password else ""
    return RemoteStore(
        settings.sparql_url,
        update_url=settings.sparql_update_url,
        gsp_url=settings.sparql_gsp_url,
        auth=(settings.sparql_user, password) if settings.sparql_user else None,
        read_only=read_only,
    )


__all__ = ["GraphStore", "OxigraphStore", "open_store"]
