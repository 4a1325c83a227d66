"""Cross-document resolution: short names in one document linked to fuller names in another."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg import vocab
from kg.ids import entity_id
from kg.model import Entity, Extraction
from kg.rdf import document_quads
from kg.resolve import (
    ORG_NAME_TAILS,
    Candidate,
    Names,
    _fold,
    compute_same_as,
    query_candidates,
    refresh_if_stale,
    refresh_resolution,
)
from kg.store.oxigraph import OxigraphStore
from tests.conftest import make_document


def put(store: OxigraphStore, text: str, *entities: tuple[str, str, tuple[str, ...]]) -> str:
    """Write a document naming the given (label, type, aliases) entities; returns its id."""
    ex = Extraction(
        entities=tuple(
            Entity(key=f"e{i}", label=label, type=kind, aliases=aliases)  # type: ignore[arg-type]
            for i, (label, kind, aliases) in enumerate(entities)
        )
    )
    doc = make_document(text, ex)
    store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))
    return doc.meta.id


def iri(kind: str, label: str) -> str:
    """The IRI an entity of this type and label gets."""
    return vocab.resource(entity_id(kind, label)).value


@pytest.mark.parametrize(
    ("short", "full", "kind"),
    [
        ("Mythos", "Claude Mythos", "Product"),
        ("Sacks", "David Sacks", "Person"),
        ("Stability", "Stability AI", "Organization"),
    ],
)
def test_short_name_links_to_the_fuller_name(memory_store: OxigraphStore, short: str, full: str, kind: str) -> None:
    put(memory_store, "one", (short, kind, ()))
    put(memory_store, "two", (full, kind, ()))
    assert compute_same_as(memory_store) == {iri(kind, short): iri(kind, full)}


def test_alias_in_another_document_links(memory_store: OxigraphStore) -> None:
    put(memory_store, "one", ("SSI", "Organization", ()))
    put(memory_store, "two", ("Safe Superintelligence", "Organization", ("SSI",)))
    assert compute_same_as(memory_store) == {iri("Organization", "SSI"): iri("Organization", "Safe Superintelligence")}


@pytest.mark.parametrize(
    "others",
    [
        [("Claude Mythos", "Product"), ("Project Mythos", "Product")],  # ambiguous
        [("Mythos Labs", "Organization")],  # another type
        [("Claude", "Product")],  # not longer
    ],
)
def test_no_link_when_ambiguous_or_of_another_type(memory_store: OxigraphStore, others: list) -> None:
    put(memory_store, "one", ("Mythos", "Product", ()))
    for i, (label, kind) in enumerate(others):
        put(memory_store, f"doc {i}", (label, kind, ()))
    assert compute_same_as(memory_store) == {}


def test_a_first_word_is_not_a_product_abbreviation(memory_store: OxigraphStore) -> None:
    put(memory_store, "one", ("Claude", "Product", ()))
    put(memory_store, "two", ("Claude Mythos", "Product", ()))
    assert compute_same_as(memory_store) == {}


def test_refresh_writes_and_clears_the_resolution_graph(memory_store: OxigraphStore) -> None:
    put(memory_store, "one", ("Mythos", "Product", ()))
    second = put(memory_store, "two", ("Claude Mythos", "Product", ()))
    assert refresh_resolution(memory_store) == 1
    assert len(list(memory_store.quads(vocab.RESOLUTION_GRAPH))) == 1
    memory_store.remove_graph(vocab.document_iri(second))
    assert refresh_resolution(memory_store) == 0
    assert vocab.RESOLUTION_GRAPH not in memory_store.graphs()


def test_refresh_if_stale_refreshes_a_marked_store_only(memory_store: OxigraphStore) -> None:
    put(memory_store, "one", ("Mythos", "Product", ()))
    put(memory_store, "two", ("Claude Mythos", "Product", ()))
    assert refresh_if_stale(memory_store) is False
    assert vocab.RESOLUTION_GRAPH not in memory_store.graphs()
    memory_store.mark_resolution_stale()
    assert refresh_if_stale(memory_store) is True
    assert len(list(memory_store.quads(vocab.RESOLUTION_GRAPH))) == 1
    assert not memory_store.resolution_is_stale()


def test_a_product_named_as_an_organisation_is_merged_onto_it(memory_store: OxigraphStore) -> None:
    """An "X" typed Organization in one article and Product in another is one entity, the organisation."""
    put(memory_store, "one", ("X", "Organization", ()))
    put(memory_store, "two", ("X", "Product", ()))
    assert compute_same_as(memory_store) == {iri("Product", "X"): iri("Organization", "X")}


def test_a_product_told_apart_from_its_organisation_in_one_document_stays(memory_store: OxigraphStore) -> None:
    """A document naming both the company and its eponymous product keeps them apart everywhere."""
    put(memory_store, "one", ("Midjourney", "Organization", ()), ("Midjourney", "Product", ()))
    put(memory_store, "two", ("Midjourney", "Product", ()))
    assert compute_same_as(memory_store) == {}


def _quadratic(short: Candidate, group: list[Candidate]) -> set[str]:
    """The matching rule stated directly, one comparison per pair: what the name index must agree with."""
    name = _fold(short.label)
    hits = set()
    for other in group:
        if other.iri == short.iri:
            continue
        if name in {_fold(a) for a in other.aliases}:
            hits.add(other.iri)
            continue
        words = _fold(other.label).split()
        if len(words) < 2 or " " in name:
            continue
        if (short.type in ("Person", "Product") and words[-1] == name) or (
            short.type == "Organization" and words[0] == name and all(w in ORG_NAME_TAILS for w in words[1:])
        ):
            hits.add(other.iri)
    return hits


_WORDS = st.sampled_from(["Claude", "mythos", "Mythos", "AI", "Inc", "labs", "Stability", "Sacks", "David", "x"])
_NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join)


@given(
    kind=st.sampled_from(["Person", "Product", "Organization", "Place"]),
    entities=st.lists(st.tuples(st.sets(_NAMES, min_size=1, max_size=2), st.sets(_NAMES, max_size=2)), max_size=8),
)
def test_name_index_agrees_with_the_pairwise_rule(kind: str, entities: list[tuple[set[str], set[str]]]) -> None:
    group = [Candidate(f"urn:e{i}", kind, labels, aliases) for i, (labels, aliases) in enumerate(entities)]
    names = Names(group)
    for cand in group:
        assert names.expansions(cand) == _quadratic(cand, group)


def test_index_candidates_are_those_read_with_sparql(memory_store: OxigraphStore) -> None:
    """The index reads each document's names from its quads: the same entities, labels and aliases as SPARQL."""
    from kg.resolution_index import current_index
    from tests.support.sample_graph import load_sample

    load_sample(memory_store)
    put(memory_store, "one", ("SSI", "Organization", ()), ("Mythos", "Product", ("M",)), ("Lyon", "Place", ()))
    put(memory_store, "two", ("Safe Superintelligence", "Organization", ("SSI",)), ("Sacks", "Person", ()))
    put(memory_store, "three", ("David Sacks", "Person", ("DS",)), ("Sacks", "Group", ()))  # Sacks: two types
    queried = query_candidates(memory_store)
    assert sorted(current_index(memory_store).candidates.values(), key=lambda c: c.iri) == queried
    assert len(queried) > 10
    removed = put(memory_store, "four", ("Mythos", "Product", ("Claude Mythos",)))
    memory_store.remove_graph(vocab.document_iri(removed))  # written and removed: the index ends where it began
    assert sorted(current_index(memory_store).candidates.values(), key=lambda c: c.iri) == queried
