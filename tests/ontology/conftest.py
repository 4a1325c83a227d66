"""Fixtures of the ontology tests: the ontology, the shapes, and graphs built by the real writer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph

from kg import ontology
from kg.resolve import refresh_resolution
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import write_document
from tests.ontology.handmade import document_a, document_b


@pytest.fixture(scope="module")
def handmade_store() -> Iterator[OxigraphStore]:
    """The two hand-made documents written through the pipeline's writer, with the resolution graph."""
    store = OxigraphStore(None)
    for doc in (document_a(), document_b()):
        write_document(store, doc)
    refresh_resolution(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def handmade_graph(handmade_store: OxigraphStore) -> Graph:
    """The union of the hand-made store's graphs."""
    return ontology.union_graph(handmade_store.quads())


@pytest.fixture(scope="module")
def kg_ttl() -> Graph:
    """The ontology."""
    return ontology.ontology_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The shapes."""
    return ontology.shapes_graph()
