"""Incremental resolution: documents written and removed one by one give the links and clusters of a full refresh."""

from __future__ import annotations

import random
import re
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Quad

from bench.feed import article
from kg import vocab
from kg.model import Claim, Criticism, DateRef, Entity, Event, Extraction, Money, Participant, Quantity, Span
from kg.rdf import document_quads
from kg.resolution_compact import Bag
from kg.resolution_index import current_index, full_index
from kg.resolve import refresh_resolution
from kg.store.oxigraph import OxigraphStore
from loaders.documents import RawDocument
from loaders.pipeline import build_document
from tests.conftest import make_document, span
from tests.support.same_story import STORIES

# Names that link, stop linking when a second fuller name arrives, and products named as organisations.
_NAMES = [
    ("Sacks", "Person", ()), ("David Sacks", "Person", ()), ("Jonathan Sacks", "Person", ()),
    ("Mythos", "Product", ()), ("Claude Mythos", "Product", ("Mythos",)), ("X", "Product", ()),
    ("X", "Organization", ()), ("Stability", "Organization", ()), ("Stability AI", "Organization", ()),
    ("SSI", "Organization", ()), ("Safe Superintelligence", "Organization", ("SSI",)), ("Mistral", "Organization", ()),
    ("Nimbus", "Organization", ()), ("Nimbus AI", "Organization", ("Nimbus Labs",)),
    ("Alice Zhang", "Person", ("Reckless",)), ("Zhang", "Person", ()),
]  # fmt: skip
Corpus = list[tuple[str, list[Quad]]]


_STATEMENTS = ["reckless unsafe models", "unsafe reckless models shipped", "Nimbus Labs ships unsafe models"]
# Claims: one statement in three wordings (the last naming Nimbus Labs, whose words leave it when it is the claimant),
# another with the same figure, and the same words without it.
_CLAIMS = [
    ("the assistant drafts 40% of support replies", True),
    ("40 per cent of the support replies are drafted by the assistant it built", True),
    ("Nimbus Labs says its assistant drafts 40% of support replies", True),
    ("40% of its engineers work remotely", True),
    ("the assistant drafts most support replies", False),
]


def _named(n: int, rng: random.Random) -> tuple[str, list[Quad]]:
    """A document naming one to three of the names above, one criticising another, a funding round and a claim."""
    picked = rng.sample(_NAMES, rng.randint(1, 3))
    text = f"names {n}: " + ", ".join(p[0] for p in picked)
    entities = tuple(
        Entity(key=f"e{i}", label=label, type=kind, aliases=names[: rng.randint(0, 1)])  # type: ignore[arg-type]
        for i, (label, kind, names) in enumerate(picked)
    )  # an alias some documents give and others do not: names, and so statements' words, change as they come
    source = span(text, text)
    criticisms, events = (), ()
    if len(picked) >= 2:
        quote = rng.choice([*_STATEMENTS, None])
        date = DateRef(value=rng.choice(["2026-03-02", "2026-03-04", "2026-05-20"]), precision="day")
        statement = rng.choice(_STATEMENTS)
        criticisms = (Criticism(critic="e0", target="e1", quote=quote, summary=statement, date=date,
                                source=Span(start=0, end=len(text), sentence=statement)),)  # fmt: skip
    if picked[-1][1] == "Organization":
        amount = Money(value=rng.choice([1e9, 1.01e9, 3e9]), currency="USD")
        date = DateRef(value=rng.choice(["2026-03", "2026-03-02", "2026-09-01"]), precision="day")
        participants = (Participant(role="recipient", entity=f"e{len(picked) - 1}"),)
        events = (Event(key="v0", type="FundingRound", label="round", date=date, participants=participants,
                        amount=amount, source=source),)  # fmt: skip
    claims = ()
    if rng.random() < 0.6:  # by the first entity: its names (and links) change as documents come and go
        statement, figured = rng.choice(_CLAIMS)
        quantities = (Quantity(value=40, unit="percent"),) if figured else ()
        claims = (Claim(claimant="e0", text=statement, quantities=quantities,
                        source=Span(start=0, end=len(text), sentence=statement)),)  # fmt: skip
    extraction = Extraction(entities=entities, criticisms=criticisms, events=events, claims=claims)
    doc = make_document(text, extraction, published=rng.choice(["2026-03-05", "2026-03-06", "2026-08-01"]))
    return vocab.document_iri(doc.meta.id).value, document_quads(doc)


def _day(text: str) -> DateRef:
    return DateRef(value=text, precision="day")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """Real extractions (the same-story articles, feed articles about recurring actors) and hand-named documents."""
    rng = random.Random(5)
    raws = [
        RawDocument(text=a.text, origin=name, publisher=a.publisher, published=_day(a.published))
        for name, a in STORIES.items()
    ]
    raws += [RawDocument(text=article(n, rng), origin=f"feed-{n}") for n in range(6)]
    found = [_named(n, rng) for n in range(24)]
    for raw in raws:
        doc = build_document(raw)
        found.append((vocab.document_iri(doc.meta.id).value, document_quads(doc)))
    return found


def _resolution(store: OxigraphStore) -> set[Quad]:
    return set(store.quads(vocab.RESOLUTION_GRAPH))


def _full(store: OxigraphStore) -> set[Quad]:
    return set(full_index(store).quads())


# Each step: write (or rewrite) one document of the corpus, or remove it; a few steps at a time before a refresh.
_STEPS = st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.booleans()), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_documents_one_by_one_give_the_links_and_clusters_of_a_full_refresh(corpus: Corpus, steps: list) -> None:
    store = OxigraphStore(None)
    try:
        refresh_resolution(store)
        for pick, remove, refresh in steps:
            _, quads = corpus[pick % len(corpus)]
            if remove:
                store.remove_graph(quads[0].graph_name)
            else:
                store.put_graph(quads[0].graph_name, quads)
            if refresh:
                refresh_resolution(store)
                assert _resolution(store) == _full(store)
        refresh_resolution(store)
        assert _resolution(store) == _full(store)
    finally:
        store.close()


def test_the_corpus_exercises_every_kind_of_link(corpus: Corpus) -> None:
    """The property above is only as good as its corpus: loaded whole, it has links, events, criticisms and claims
    merged."""
    store = OxigraphStore(None)
    for _, quads in corpus:
        store.put_graph(quads[0].graph_name, quads)
    index = current_index(store)
    assert len(index.links) >= 5
    assert index.clusters("event") and index.clusters("criticism") and index.clusters("claim")
    kinds = {q.predicate for q in index.quads()}
    assert kinds == {vocab.OWL_SAME_AS, vocab.term("sameEvent"), vocab.term("sameCriticism"), vocab.term("sameClaim")}
    store.close()


def test_a_refresh_after_a_write_reads_only_the_document_written(corpus: Corpus) -> None:
    """Once the index is built, a refresh reads the graphs written since (one query naming them), not the store."""
    store = OxigraphStore(None)
    for _, quads in corpus[:-1]:
        store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    read: list[str] = []
    original = store.query

    def counting(sparql: str, **limits: object) -> object:
        read.append(sparql)
        return original(sparql, **limits)  # type: ignore[arg-type]

    store.query = counting  # type: ignore[method-assign]
    _, quads = corpus[-1]
    store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    store.query = original  # type: ignore[method-assign]
    assert len(read) == 1
    within = re.search(r"VALUES \?g \{([^}]*)\}", read[0])
    assert within is not None
    named = set(re.findall(r"<([^>]*)>", within.group(1)))
    assert named == {quads[0].graph_name.value}
    assert _resolution(store) == _full(store)
    store.close()


def test_a_refresh_that_changes_nothing_writes_nothing(corpus: Corpus) -> None:
    """A refresh whose documents change no link or cluster leaves the store (and its generation) as it was; one after
    another writer replaced the resolution graph writes it again."""
    store = OxigraphStore(None)
    for _, quads in corpus:
        store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    links = _resolution(store)
    assert links  # the corpus names the same actors in several documents
    generation = store.generation
    assert refresh_resolution(store) == len(links)
    assert store.generation == generation
    other = Quad(vocab.resource("a"), vocab.OWL_SAME_AS, vocab.resource("b"), vocab.RESOLUTION_GRAPH)
    store.put_graph(vocab.RESOLUTION_GRAPH, [other])
    refresh_resolution(store)
    assert _resolution(store) == links == _full(store)
    store.close()


def _criticism_document(text: str, alias: tuple[str, ...], statement: str | None) -> list[Quad]:
    """A document in which Alice Zhang (with these aliases) criticises Nimbus AI in these words (or names both)."""
    entities = (
        Entity(key="e0", label="Alice Zhang", type="Person", aliases=alias),
        Entity(key="e1", label="Nimbus AI", type="Organization"),
    )
    date = DateRef(value="2026-03-02", precision="day")
    criticisms = ()
    if statement:
        source = Span(start=0, end=len(text), sentence=statement)
        criticisms = (Criticism(critic="e0", target="e1", summary=statement, date=date, source=source),)
    return document_quads(make_document(text, Extraction(entities=entities, criticisms=criticisms)))


@pytest.mark.parametrize("then_remove", [False, True])
def test_a_name_given_later_rewords_the_criticisms_already_merged(then_remove: bool) -> None:
    """An alias another document gives the critic leaves its words out of every statement: merges are redone."""
    store = OxigraphStore(None)
    for text, statement in (("one", "reckless unsafe models"), ("two", "unsafe reckless models shipped")):
        quads = _criticism_document(text, (), statement)
        store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    assert len(current_index(store).clusters("criticism")) == 1
    naming = _criticism_document("three", ("Reckless",), None)  # "reckless" is now the critic's name
    store.put_graph(naming[0].graph_name, naming)
    refresh_resolution(store)
    assert current_index(store).clusters("criticism") == []
    if then_remove:
        store.remove_graph(naming[0].graph_name)
        refresh_resolution(store)
        assert len(current_index(store).clusters("criticism")) == 1
    assert _resolution(store) == _full(store)
    store.close()


def _claim_document(text: str, alias: tuple[str, ...], statement: str | None) -> list[Quad]:
    """A document in which Nimbus AI (with these aliases) claims a 40% figure in these words (or is named alone)."""
    entities = (Entity(key="e0", label="Nimbus AI", type="Organization", aliases=alias),)
    claims = ()
    if statement:
        source = Span(start=0, end=len(text), sentence=statement)
        claims = (Claim(claimant="e0", text=statement, quantities=(Quantity(value=40, unit="percent"),),
                        source=source),)  # fmt: skip
    return document_quads(make_document(text, Extraction(entities=entities, claims=claims)))


@pytest.mark.parametrize("then_remove", [False, True])
def test_a_name_given_later_rewords_the_claims_already_merged(then_remove: bool) -> None:
    """An alias another document gives the claimant leaves its words out of every statement: merges are redone."""
    store = OxigraphStore(None)
    for text, statement in (("one", "Orbit Desk tools draft 40% of replies"),
                            ("two", "40% of Orbit Desk replies come from its assistant")):  # fmt: skip
        quads = _claim_document(text, (), statement)
        store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    assert len(current_index(store).clusters("claim")) == 1
    naming = _claim_document("three", ("Orbit Desk",), None)  # "Orbit Desk" is now the claimant's name
    store.put_graph(naming[0].graph_name, naming)
    refresh_resolution(store)
    assert current_index(store).clusters("claim") == []
    if then_remove:
        store.remove_graph(naming[0].graph_name)
        refresh_resolution(store)
        assert len(current_index(store).clusters("claim")) == 1
    assert _resolution(store) == _full(store)
    store.close()


def _sizes(store: OxigraphStore) -> dict[str, int]:
    """How many entries each of the index's tables holds (the name indexes counted key by key)."""
    index = current_index(store)
    found = {name: len(value) for name, value in vars(index).items() if isinstance(value, dict | Bag)}
    for kind, names in index._names.items():
        for table in ("aliases", "last_words", "org_heads"):
            found[f"{kind}.{table}"] = len(getattr(names, table))
    return found


def test_a_document_written_then_removed_leaves_the_index_as_it_was(corpus: Corpus) -> None:
    """Memory follows the graph, not the number of writes: what a removed document brought goes with it."""
    store = OxigraphStore(None)
    for _, quads in corpus[::2]:
        store.put_graph(quads[0].graph_name, quads)
    before = _sizes(store)
    for _, quads in corpus[1::2]:
        store.put_graph(quads[0].graph_name, quads)
        refresh_resolution(store)
        store.remove_graph(quads[0].graph_name)
        refresh_resolution(store)
        assert _sizes(store) == before, quads[0].graph_name
    store.close()


def test_a_served_store_has_its_index_before_the_first_write(corpus: Corpus, tmp_path: Path) -> None:
    """``kg serve`` opens the store with the index built, so its first POST reads only its own document."""
    from kg.settings import Settings
    from kg.store import open_store

    disk = OxigraphStore(tmp_path / "store")
    for _, quads in corpus[:-1]:
        disk.put_graph(quads[0].graph_name, quads)
    disk.close()
    store = open_store(Settings(store=tmp_path / "store"), serve=True)
    building = [t for t in threading.enumerate() if t.name == "resolution-index"]
    assert building, "kg serve's store builds its index in the background from the start"
    for thread in building:
        thread.join()
    queries: list[str] = []
    original = store.query

    def counting(sparql: str, **limits: object) -> object:
        queries.append(sparql)
        return original(sparql, **limits)  # type: ignore[arg-type]

    store.query = counting  # type: ignore[method-assign]
    _, quads = corpus[-1]
    store.put_graph(quads[0].graph_name, quads)
    refresh_resolution(store)
    stored = corpus[0][1][0].graph_name
    every = [q for q in queries if "GRAPH ?g" in q and ("VALUES ?g" not in q or str(stored) in q)]
    assert not every, "the first write read documents stored before it"
    store.query = original  # type: ignore[method-assign]
    assert _resolution(store) == _full(store)
    store.close()
