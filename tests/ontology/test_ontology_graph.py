"""The ontology as a named graph of the store: installed by loads, queryable by SPARQL, replaced when it changes."""

from __future__ import annotations

import pyoxigraph as ox

from kg import vocab
from kg.ontology import install_ontology, stored_ontology_quads
from kg.store.base import SelectResult
from kg.store.oxigraph import OxigraphStore


def test_a_load_installs_the_ontology_queryably(seed_store: OxigraphStore) -> None:
    result = seed_store.query(
        "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f"SELECT ?c WHERE {{ GRAPH <{vocab.ONTOLOGY_GRAPH.value}> {{ ?c a owl:Class ; rdfs:subClassOf+ "
        f"<{vocab.ONTOLOGY}Actor> }} }}"
    )
    assert isinstance(result, SelectResult)
    classes = {row[0].value for row in result.rows}  # type: ignore[union-attr]
    assert {vocab.ONTOLOGY + "Person", vocab.ONTOLOGY + "Organization"} <= classes


def test_install_is_idempotent_and_repairs_a_changed_copy() -> None:
    store = OxigraphStore(None)
    try:
        assert install_ontology(store) is True
        before = store.generation
        assert install_ontology(store) is False
        assert store.generation == before
        stray = ox.Quad(ox.NamedNode(vocab.ONTOLOGY + "Stale"), vocab.RDF_TYPE,
                        ox.NamedNode("http://www.w3.org/2002/07/owl#Class"), vocab.ONTOLOGY_GRAPH)
        store.put_graph(vocab.ONTOLOGY_GRAPH, [*sorted(stored_ontology_quads(), key=str), stray])
        assert install_ontology(store) is True
        assert stray not in set(store.quads(vocab.ONTOLOGY_GRAPH))
        assert len(list(store.quads(vocab.ONTOLOGY_GRAPH))) == len(stored_ontology_quads())
    finally:
        store.close()
