"""Fixtures for the REST API tests: the sample graph in memory, a TestClient, and a real uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.support.sample_graph import load_sample

if TYPE_CHECKING:
    pass

TOKEN = "s3cret-token"


def rest_app(store: OxigraphStore, settings: Settings) -> FastAPI:
    """The whole application over ``store``, as ``kg serve`` builds it."""
    return create_app(settings, store)


@pytest.fixture(scope="session")
def sample_store() -> OxigraphStore:
    """The sample graph, shared by read-only tests."""
    store = OxigraphStore(None)
    load_sample(store)
    return store


@pytest.fixture(scope="session")
def client(sample_store: OxigraphStore) -> Iterator[TestClient]:
    """A TestClient over the read-only sample graph, no token configured."""
    with TestClient(rest_app(sample_store, Settings())) as c:
        yield c


@pytest.fixture
def write_store() -> OxigraphStore:
    """A fresh sample graph for tests that write."""
    store = OxigraphStore(None)
    load_sample(store)
    return store


@pytest.fixture
def write_client(write_store: OxigraphStore) -> Iterator[TestClient]:
    """A TestClient over a fresh sample graph with an API token configured."""
    with TestClient(rest_app(write_store, Settings(api_token=SecretStr(TOKEN)))) as c:
        yield c


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields its base URL, stops it after."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not answer /health within 20 s")
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """A real uvicorn server on a free loopback port over its own sample graph; yields its base URL."""
    store = OxigraphStore(None)
    load_sample(store)
    with serving(rest_app(store, Settings(api_token=SecretStr(TOKEN)))) as base:
        yield base
