"""The seed articles through the real pipeline, synced to a real Neo4j: Cypher agrees with REST and RDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.neo4j import sync_documents
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths
from tests.neo4j.checks import cypher_criticisms, graph_fingerprint, neo4j_counts, rdf_counts, rest_criticisms

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def seeds_store(seeds_dir: Path) -> Iterator[OxigraphStore]:
    """The seeds loaded with the real extraction into an in-memory store."""
    store = OxigraphStore(None)
    report = load_paths(store, [seeds_dir], Settings(), workers=1)
    assert report.loaded and not report.failures, report.failures
    yield store
    store.close()


def test_seeds_in_neo4j(seeds_store: OxigraphStore, neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    assert sync_documents(seeds_store, neo4j_settings, None) == 5
    client = TestClient(create_app(Settings(), seeds_store))

    # Who criticised Anthropic, and when: the same criticisms, critics and dates as the REST API.
    from_cypher = cypher_criticisms(driver, "Anthropic")
    assert from_cypher == rest_criticisms(client, "Anthropic")
    assert from_cypher, "the seeds report criticisms of Anthropic"

    assert neo4j_counts(driver) == rdf_counts(seeds_store)

    before = graph_fingerprint(driver)
    assert sync_documents(seeds_store, neo4j_settings, None) == 0
    assert sync_documents(seeds_store, neo4j_settings, None, force=True) == 5
    assert graph_fingerprint(driver) == before
