"""Fixtures shared by the tests of what is kept next to a store (the read side, the entity listing)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import documents
from kg import vocab
from kg.queries import persist
from kg.queries.snapshot import start as start_serving
from kg.rdf import document_quads
from kg.store.oxigraph import OxigraphStore
from tests.support.sample_graph import load_sample


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    """A store on disk whose read side a started server built and kept, closed again."""
    store = OxigraphStore(tmp_path / "store")
    load_sample(store)
    for doc in documents(3, pool=8, facts_per_doc=4):
        store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))
    start_serving(store)
    for thread in [t for t in threading.enumerate() if t.name == "read-side"]:
        thread.join(60)  # it keeps the read side once built
    store.close()
    assert (tmp_path / "store" / persist.FILE).exists()
    yield tmp_path / "store"
