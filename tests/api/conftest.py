"""Fixtures for the REST API tests: the sample graph in memory, a TestClient, and a real uvicorn server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.support.live_server import free_port, serving
from tests.support.sample_graph import load_sample

if TYPE_CHECKING:
    pass

__all__ = ["TOKEN", "free_port", "rest_app", "serving"]

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


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """A real uvicorn server on a free loopback port over its own sample graph; yields its base URL."""
    store = OxigraphStore(None)
    load_sample(store)
    with serving(rest_app(store, Settings(api_token=SecretStr(TOKEN)))) as base:
        yield base


@pytest.fixture
def serve() -> Iterator[Callable[[Settings], str]]:
    """Start real servers, each over a fresh sample graph with the given settings, stopped after the test.

    Each listens on 127.0.0.1 whatever ``settings.host`` says: the app decides from the setting,
    so a test can play a network-facing server without opening a port to the network.
    """
    with ExitStack() as running:

        def start(settings: Settings) -> str:
            store = OxigraphStore(None)
            load_sample(store)
            return running.enter_context(serving(rest_app(store, settings)))

        yield start
