"""The read side (kg.queries) over the hand-built sample graph."""

from __future__ import annotations

import pytest
from pyoxigraph import Quad

from kg import queries, vocab
from kg.errors import InputError, NotFoundError
from kg.queries.dates import day_bound, overlaps
from kg.queries.relations import _chain_ends, relation_index
from kg.store.oxigraph import OxigraphStore
from tests.support.sample_graph import CLAUDE_MYTHOS, MYTHOS, document_a, load_sample


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    s = OxigraphStore(None)
    load_sample(s)
    return s


def crit(store: OxigraphStore, **filters: str | None) -> list[tuple[str, str]]:
    args = {"critic": None, "target": None, "since": None, "until": None} | filters
    page = queries.list_criticisms(store, limit=100, offset=0, **args)
    assert page.total == len(page.items)
    return sorted((c.critic.label, c.target.label) for c in page.items)


def test_catalogue_merges_resolved_entities(store: OxigraphStore) -> None:
    cat = queries.catalogue(store)
    record = cat.record(vocab.resource(MYTHOS).value)
    assert record is not None and record.id == CLAUDE_MYTHOS
    assert record.label == "Claude Mythos" and record.aliases == ["Mythos"]
    assert record.mentions == 4 and record.documents == 2
    assert all(r.id != MYTHOS for r in cat.ordered)


@pytest.mark.parametrize("name", ["Mythos", "mythos", "CLAUDE MYTHOS", MYTHOS, CLAUDE_MYTHOS, " Claude Mythos "])
def test_any_merged_name_resolves(store: OxigraphStore, name: str) -> None:
    assert [r.id for r in queries.catalogue(store).resolve(name)] == [CLAUDE_MYTHOS]


def test_entities_filter_and_page(store: OxigraphStore) -> None:
    people = queries.list_entities(store, type="Person", q=None, limit=3, offset=0)
    assert people.total == 7 and len(people.items) == 3
    rest = queries.list_entities(store, type="Person", q=None, limit=10, offset=3)
    assert {e.id for e in people.items}.isdisjoint(e.id for e in rest.items) and len(rest.items) == 4
    assert [e.id for e in queries.list_entities(store, type=None, q="open ai", limit=5, offset=0).items] == [
        "org-openai"
    ]
    assert [e.id for e in queries.list_entities(store, type="Product", q="MYTH", limit=5, offset=0).items] == [
        CLAUDE_MYTHOS
    ]


def test_criticism_filters_are_alias_aware(store: OxigraphStore) -> None:
    assert crit(store, target="Mythos") == [("Gary Marcus", "Claude Mythos"), ("critics", "Claude Mythos")]
    assert crit(store, critic="gary marcus") == [("Gary Marcus", "Claude Mythos"), ("Gary Marcus", "OpenAI")]
    assert crit(store, critic="per-gary-marcus", target="Open AI") == [("Gary Marcus", "OpenAI")]
    assert crit(store, critic="nobody at all") == []


def test_since_until_compare_dates_of_any_precision(store: OxigraphStore) -> None:
    # "2023-12" (month) is within since=2023-12-01; Musk's yearless date falls back to reported 2023-06.
    assert crit(store, since="2023-12-01") == [
        ("Gary Marcus", "Claude Mythos"),
        ("Gary Marcus", "OpenAI"),
        ("critics", "Claude Mythos"),
    ]
    assert crit(store, until="2023-06-30") == [("Elon Musk", "OpenAI")]
    assert crit(store, since="2023-12", until="2023-12") == [("Gary Marcus", "OpenAI"), ("critics", "Claude Mythos")]
    assert crit(store, since="2024") == [("Gary Marcus", "Claude Mythos")]
    assert crit(store, until="2022") == []


def test_criticisms_are_newest_first_with_sources(store: OxigraphStore) -> None:
    page = queries.list_criticisms(store, critic=None, target=None, since=None, until=None, limit=2, offset=0)
    # ordered by the date, or the reported date: 2024-03-02, then 2023-12-15 (reported), then 2023-12
    assert page.total == 4 and [c.summary[:6] for c in page.items] == ["Marcus", "Critic"]
    text = document_a().text
    for item in queries.list_criticisms(
        store, critic="Gary Marcus", target="OpenAI", since=None, until=None, limit=5, offset=0
    ).items:
        (source,) = item.sources
        assert text[source.start : source.end] == "Gary Marcus called OpenAI reckless"
        assert item.quote == "they are moving fast and breaking democracy."


@pytest.mark.parametrize("bad", ["2023-13", "yesterday", "2023-02-30", "23"])
def test_bad_dates_are_input_errors(store: OxigraphStore, bad: str) -> None:
    with pytest.raises(InputError, match="since"):
        queries.list_criticisms(store, critic=None, target=None, since=bad, until=None, limit=5, offset=0)


def test_day_bounds_and_overlap() -> None:
    assert day_bound("2024-02", "x", end=True) == "2024-02-29"
    assert day_bound("2023", "x", end=False) == "2023-01-01"
    assert day_bound("2023-05-06T10:00:00Z", "x", end=True) == "2023-05-06"
    assert overlaps("2023-10", "2023-10-27") and not overlaps("2023-10", "2023-11") and overlaps(None, "2020")


def test_funding_event_has_money_and_participants(store: OxigraphStore) -> None:
    page = queries.list_events(store, type="FundingRound", entity="Google", since=None, until=None, limit=5, offset=0)
    (event,) = page.items
    assert event.amount and event.amount.value == 2e9 and event.valuation and event.valuation.value == 18.4e9
    assert [(p.role, p.entity.label) for p in event.participants] == [
        ("recipient", "Anthropic"),
        ("investor", "Google"),
        ("investor", "Amazon"),
    ]
    release = queries.list_events(store, type="ProductRelease", entity=None, since=None, until=None, limit=5, offset=0)
    assert [p.entity.id for p in release.items[0].participants] == ["org-anthropic", CLAUDE_MYTHOS]


def test_claim_reported_twice_is_one_item(store: OxigraphStore) -> None:
    page = queries.list_claims(store, claimant="Dario Amodei", about="Mythos", limit=5, offset=0)
    (claim,) = page.items
    assert len(claim.sources) == 2 and claim.quantities[0].unit == "percent"
    assert [a.id for a in claim.about] == [CLAUDE_MYTHOS]


def test_relations_merge_resolved_endpoints(store: OxigraphStore) -> None:
    page = queries.list_relations(store, predicate="developed_by", subject=None, object=None, limit=5, offset=0)
    (rel,) = page.items
    assert (rel.subject.id, rel.object.id, len(rel.sources)) == (CLAUDE_MYTHOS, "org-anthropic", 2)
    ceo = queries.list_relations(store, predicate=None, subject="dario amodei", object=None, limit=5, offset=0)
    assert ceo.total == 1 and ceo.items[0].role in ("CEO", "ceo") and len(ceo.items[0].sources) == 2


def test_entity_detail(store: OxigraphStore) -> None:
    detail = queries.get_entity(store, MYTHOS)
    assert detail.id == CLAUDE_MYTHOS and detail.same_as == [MYTHOS]
    assert len(detail.criticisms_received) == 2 and not detail.criticisms_made
    assert [e.type for e in detail.events] == ["ProductRelease"] and len(detail.documents) == 2
    assert [r.predicate for r in detail.relations] == ["developed_by"]
    with pytest.raises(NotFoundError):
        queries.get_entity(store, "per-nobody")


def test_conflicts(store: OxigraphStore) -> None:
    page = queries.list_conflicts(store, kind=None, limit=50, offset=0)
    kinds = {(c.kind, c.subject.id if c.subject else None): c for c in page.items}
    assert set(kinds) == {
        ("funding_valuation", "org-anthropic"),
        ("role_holder", "org-openai"),
        ("publication_authors", None),
    }
    values = {v.money.value for v in kinds[("funding_valuation", "org-anthropic")].values if v.money}
    assert values == {18.4e9, 20e9}
    assert {v.value for v in kinds[("role_holder", "org-openai")].values} == {"Sam Altman", "Greg Brockman"}
    assert all(v.sources for c in page.items for v in c.values)
    assert queries.list_conflicts(store, kind="role_holder", limit=50, offset=0).total == 1


def test_documents(store: OxigraphStore) -> None:
    page = queries.list_documents(store, limit=2, offset=0)
    assert page.total == 3 and len(page.items) == 2
    doc = queries.get_document(store, document_a().meta.id)
    assert doc.text == document_a().text and doc.published and doc.published.value == "2023-12-15"
    for bad in ("nope", "bad id with spaces", "<x>"):
        with pytest.raises(NotFoundError):
            queries.get_document(store, bad)


def test_without_resolution_graph_every_entity_is_its_own() -> None:
    s = OxigraphStore(None)
    load_sample(s)
    s.remove_graph(vocab.RESOLUTION_GRAPH)
    ids = {e.id for e in queries.list_entities(s, type="Product", q=None, limit=10, offset=0).items}
    assert ids == {MYTHOS, CLAUDE_MYTHOS}
    rels = queries.list_relations(s, predicate="developed_by", subject=None, object=None, limit=5, offset=0)
    assert rels.total == 2


def test_sameas_chains_and_cache_invalidation() -> None:
    s = OxigraphStore(None)
    load_sample(s)
    assert queries.catalogue(s).record(vocab.resource(MYTHOS).value).id == CLAUDE_MYTHOS  # type: ignore[union-attr]
    chain = [
        Quad(vocab.resource(MYTHOS), vocab.OWL_SAME_AS, vocab.resource(CLAUDE_MYTHOS), vocab.RESOLUTION_GRAPH),
        Quad(vocab.resource(CLAUDE_MYTHOS), vocab.OWL_SAME_AS, vocab.resource("org-anthropic"), vocab.RESOLUTION_GRAPH),
    ]
    s.put_graph(vocab.RESOLUTION_GRAPH, chain)  # sameAs count changes: the cached catalogue must not be used
    record = queries.catalogue(s).record(vocab.resource(MYTHOS).value)
    assert record is not None and record.id == "org-anthropic" and {"Mythos", "Claude Mythos"} <= set(record.aliases)
    rels = queries.list_relations(s, predicate="developed_by", subject=None, object=None, limit=5, offset=0)
    assert [(r.subject.id, r.object.id) for r in rels.items] == [("org-anthropic", "org-anthropic")]


def test_relation_index_follows_every_sameas_chain_end() -> None:
    s = OxigraphStore(None)
    load_sample(s)
    node = vocab.resource
    links = [
        Quad(node(MYTHOS), vocab.OWL_SAME_AS, node(CLAUDE_MYTHOS), vocab.RESOLUTION_GRAPH),
        Quad(node(MYTHOS), vocab.OWL_SAME_AS, node("org-anthropic"), vocab.RESOLUTION_GRAPH),  # two chain ends
        Quad(node("x-a"), vocab.OWL_SAME_AS, node("x-b"), vocab.RESOLUTION_GRAPH),  # a loop has no end
        Quad(node("x-b"), vocab.OWL_SAME_AS, node("x-a"), vocab.RESOLUTION_GRAPH),
    ]
    s.put_graph(vocab.RESOLUTION_GRAPH, links)
    ends = _chain_ends(s)
    assert ends[node(MYTHOS).value] == sorted([node(CLAUDE_MYTHOS).value, node("org-anthropic").value])
    assert node("x-a").value not in ends and node("x-b").value not in ends
    index = relation_index(s)
    assert index.keys == sorted(index.keys)
    assert list(index.find("no such predicate", None, None)) == []
    everything = queries.list_relations(s, predicate=None, subject=None, object=None, limit=1000, offset=0)
    assert everything.total == len(index.keys) == len(everything.items)
    pages = [queries.list_relations(s, predicate=None, subject=None, object=None, limit=2, offset=o) for o in (0, 2)]
    assert [r for p in pages for r in p.items] == everything.items[:4]


def test_search_with_the_record_separator_scans_each_record(store: OxigraphStore) -> None:
    cat = queries.catalogue(store)
    assert cat.search(None, "claude\x01mythos") == []
    assert [r.id for r in cat.search("Product", "MYTH")] == [CLAUDE_MYTHOS]
    assert cat.search(None, "") == cat.ordered
    # Every record matching a substring is listed once, in catalogue order, as a test per record gives it.
    for needle in ("a", "an", "o", "mythos", "\x00"):
        assert cat.search(None, needle) == [r for r in cat.ordered if needle in r.haystack]


class _Every(dict[str, str]):
    """A property filter that keeps every property, as the read did before it skipped those not shown."""

    def get(self, key: str, default: str | None = None) -> str:  # type: ignore[override]
        """Every property IRI is kept as itself."""
        return key


def _rendered(store: OxigraphStore) -> tuple[object, ...]:
    """Everything the fact models hold, and every claim rendered, from one read of each kind."""
    from kg.queries.facts import _read, _types, build_models

    cat = queries.catalogue(store)
    models = build_models(store, cat)
    claims = _read(store, cat, "?f a kg:Claim .")
    rendered_claims = {f: claims.claim(f) for f in claims.graph if vocab.CLAIM.value in _types(claims, f)}
    return (models.criticisms, models.events, models.roles, models.spans, models.sources, models.references,
            models.others, rendered_claims)  # fmt: skip


@pytest.mark.parametrize("source", ["store", "seed_store"])
def test_facts_are_rendered_from_every_property_they_show(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    """Reading only the properties rendering shows gives the models a read of every property gives."""
    from kg.queries import facts

    store = request.getfixturevalue(source)
    kept = _rendered(store)
    assert all(kept[:2]) and kept[-1]  # criticisms, events and claims: nothing compared vacuously
    monkeypatch.setattr(facts, "_OWN", _Every())
    monkeypatch.setattr(facts, "_OF_NESTED", _Every())
    assert kept == _rendered(store)
