"""A small, realistic graph built by hand from kg.model Documents, for the read-side and API tests.

Three articles: A (Dec 2023) and B (Mar 2024) both report Anthropic's funding round (with different
valuations), the same Dario Amodei claim, and "Claude Mythos" (called "Mythos" in B, resolved by an
owl:sameAs triple); C (Jun 2023) is the only source of Elon Musk's criticism and lawsuit.
"""

from __future__ import annotations

import datetime as dt
import re

from pyoxigraph import Quad

from kg import ids, vocab
from kg.model import (
    Claim,
    Criticism,
    DateRef,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Extraction,
    Money,
    Participant,
    Quantity,
    Relation,
    Span,
)
from kg.rdf import document_quads
from kg.store.base import GraphStore

TEXT_A = (
    "Anthropic raised $2 billion from Google and Amazon at a valuation of $18.4 billion, the company said. "
    "Chief executive Dario Amodei said AI will write 90% of code within a year. "
    "Gary Marcus called OpenAI reckless, saying \"they are moving fast and breaking democracy.\" "
    "Critics said Claude Mythos was overhyped. "
    "Anthropic developed Claude Mythos in San Francisco. "
    "OpenAI CEO Sam Altman declined to comment. "
    "The paper Attention Is All You Need was written by Ashish Vaswani."
)
TEXT_B = (
    "Anthropic closed a $2 billion round at a valuation of nearly $20 billion. "
    "Dario Amodei, the CEO, repeated that AI will write 90 per cent of code within a year. "
    "Anthropic released Mythos this week. "
    "On March 2, Gary Marcus said Mythos \"is a parlor trick.\" "
    "Greg Brockman, CEO of OpenAI, disagreed. "
    "Attention Is All You Need was written by Noam Shazeer."
)
TEXT_C = (
    "Elon Musk attacked OpenAI on June 4, saying \"it was meant to be open.\" "
    "Musk sued OpenAI over its for-profit turn."
)


def _span(text: str, phrase: str) -> Span:
    """The span of a phrase, with the sentence around it."""
    start = text.index(phrase)
    sentences = [m for m in re.finditer(r".+?(?:[.?!]\"?(?=\s|$)|$)", text) if m.start() <= start < m.end()]
    sentence = sentences[0].group().strip() if sentences else phrase
    return Span(start=start, end=start + len(phrase), sentence=sentence)


def _doc(text: str, title: str, published: str, precision: str, extraction: Extraction, hour: int) -> Document:
    meta = DocumentMeta(
        id=ids.document_id(text),
        title=title,
        publisher="Example News",
        url=f"https://news.example/{ids.slug(title)}",
        published=DateRef(value=published, precision=precision),  # type: ignore[arg-type]
        ingested_at=dt.datetime(2024, 4, 1, hour, tzinfo=dt.UTC),
        origin=f"{ids.slug(title)}.txt",
    )
    return Document(meta=meta, text=text, extraction=extraction)


def _entity(text: str, key: str, label: str, type_: str, *phrases: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        key=key, label=label, type=type_, aliases=aliases,  # type: ignore[arg-type]
        mentions=tuple(_span(text, p) for p in phrases or (label,)),
    )


def document_a() -> Document:
    """Article A: funding, a claim, criticisms, relations, a publication."""
    t = TEXT_A
    day = DateRef(value="2023-12-15", precision="day")
    ents = (
        _entity(t, "ant", "Anthropic", "Organization", "Anthropic raised", "Anthropic developed"),
        _entity(t, "goog", "Google", "Organization"),
        _entity(t, "amzn", "Amazon", "Organization"),
        _entity(t, "dario", "Dario Amodei", "Person"),
        _entity(t, "gary", "Gary Marcus", "Person"),
        _entity(t, "oai", "OpenAI", "Organization", "OpenAI reckless", "OpenAI CEO", aliases=("Open AI",)),
        _entity(t, "sam", "Sam Altman", "Person"),
        _entity(t, "mythos", "Claude Mythos", "Product", "Claude Mythos was", "Claude Mythos in"),
        _entity(t, "crit", "critics", "Group", "Critics"),
        _entity(t, "sf", "San Francisco", "Place"),
        _entity(t, "vaswani", "Ashish Vaswani", "Person"),
    )
    paper = Event(
        key="paper", type="Publication", label="Attention Is All You Need", title="Attention Is All You Need",
        participants=(Participant(role="author", entity="vaswani"),),
        source=_span(t, "The paper Attention Is All You Need was written by Ashish Vaswani"),
    )
    funding = Event(
        key="round", type="FundingRound", label="Anthropic funding round",
        date=DateRef(value="2023-10", precision="month", inferred=True),
        participants=(
            Participant(role="recipient", entity="ant"),
            Participant(role="investor", entity="goog"),
            Participant(role="investor", entity="amzn"),
        ),
        amount=Money(value=2e9), valuation=Money(value=18.4e9),
        source=_span(t, "Anthropic raised $2 billion from Google and Amazon at a valuation of $18.4 billion"),
    )
    return _doc(t, "Anthropic raises $2 billion", "2023-12-15", "day", Extraction(
        entities=ents,
        events=(funding, paper),
        criticisms=(
            Criticism(critic="gary", target="oai", quote="they are moving fast and breaking democracy.",
                      summary="Gary Marcus called OpenAI reckless",
                      date=DateRef(value="2023-12", precision="month"), reported=day,
                      source=_span(t, "Gary Marcus called OpenAI reckless")),
            Criticism(critic="crit", target="mythos", summary="Critics said Claude Mythos was overhyped",
                      reported=DateRef(value="2023-12-15", precision="day", inferred=True),
                      source=_span(t, "Critics said Claude Mythos was overhyped")),
        ),
        relations=(
            Relation(subject="dario", predicate="affiliated_with", object="ant", role="CEO",
                     source=_span(t, "Chief executive Dario Amodei")),
            Relation(subject="sam", predicate="affiliated_with", object="oai", role="CEO",
                     source=_span(t, "OpenAI CEO Sam Altman")),
            Relation(subject="mythos", predicate="developed_by", object="ant",
                     source=_span(t, "Anthropic developed Claude Mythos")),
            Relation(subject="goog", predicate="invested_in", object="ant", source=_span(t, "from Google")),
            Relation(subject="vaswani", predicate="authored", object="paper",
                     source=_span(t, "written by Ashish Vaswani")),
        ),
        claims=(
            Claim(claimant="dario", text="AI will write 90% of code within a year", about=("mythos",),
                  quantities=(Quantity(value=90, unit="percent"),),
                  source=_span(t, "AI will write 90% of code within a year")),
        ),
    ), hour=1)


def document_b() -> Document:
    """Article B: the same round with another valuation, the same claim, "Mythos" for Claude Mythos."""
    t = TEXT_B
    ents = (
        _entity(t, "ant", "Anthropic", "Organization", "Anthropic closed", "Anthropic released"),
        _entity(t, "dario", "Dario Amodei", "Person"),
        _entity(t, "mythos", "Mythos", "Product", "Mythos this", "Mythos \""),
        _entity(t, "gary", "Gary Marcus", "Person"),
        _entity(t, "greg", "Greg Brockman", "Person"),
        _entity(t, "oai", "OpenAI", "Organization"),
        _entity(t, "shazeer", "Noam Shazeer", "Person"),
    )
    return _doc(t, "Anthropic closes round", "2024-03", "month", Extraction(
        entities=ents,
        events=(
            Event(key="round", type="FundingRound", label="Anthropic $2 billion round",
                  date=DateRef(value="2023-10-27", precision="day"),
                  participants=(Participant(role="recipient", entity="ant"),),
                  amount=Money(value=2e9), valuation=Money(value=20e9, approximate=True),
                  source=_span(t, "Anthropic closed a $2 billion round at a valuation of nearly $20 billion")),
            Event(key="release", type="ProductRelease", label="Mythos release",
                  date=DateRef(value="2024-03", precision="month", inferred=True),
                  participants=(
                      Participant(role="developer", entity="ant"), Participant(role="product", entity="mythos"),
                  ),
                  source=_span(t, "Anthropic released Mythos this week")),
            Event(key="paper", type="Publication", label="Attention Is All You Need",
                  title="Attention is all you need",
                  participants=(Participant(role="author", entity="shazeer"),),
                  source=_span(t, "Attention Is All You Need was written by Noam Shazeer")),
        ),
        criticisms=(
            Criticism(critic="gary", target="mythos", quote="is a parlor trick.", summary="Marcus dismissed Mythos",
                      date=DateRef(value="2024-03-02", precision="day"),
                      source=_span(t, "Gary Marcus said Mythos \"is a parlor trick.\"")),
        ),
        relations=(
            Relation(subject="dario", predicate="affiliated_with", object="ant", role="ceo",
                     source=_span(t, "Dario Amodei, the CEO")),
            Relation(subject="greg", predicate="affiliated_with", object="oai", role="CEO",
                     source=_span(t, "Greg Brockman, CEO of OpenAI")),
            Relation(subject="mythos", predicate="developed_by", object="ant",
                     source=_span(t, "Anthropic released Mythos")),
        ),
        claims=(
            Claim(claimant="dario", text="that AI will write 90 per cent of code within a year.", about=("mythos",),
                  quantities=(Quantity(value=90, unit="percent"),),
                  source=_span(t, "AI will write 90 per cent of code within a year")),
        ),
    ), hour=2)


def document_c() -> Document:
    """Article C: the only source of Musk's criticism (yearless date) and lawsuit."""
    t = TEXT_C
    ents = (
        _entity(t, "musk", "Elon Musk", "Person", "Elon Musk", "Musk sued"),
        _entity(t, "oai", "OpenAI", "Organization", "OpenAI on", "OpenAI over"),
    )
    return _doc(t, "Musk sues OpenAI", "2023-06", "month", Extraction(
        entities=ents,
        events=(
            Event(key="suit", type="Lawsuit", label="Musk v. OpenAI",
                  participants=(
                      Participant(role="plaintiff", entity="musk"), Participant(role="defendant", entity="oai"),
                  ),
                  source=_span(t, "Musk sued OpenAI over its for-profit turn")),
        ),
        criticisms=(
            Criticism(critic="musk", target="oai", quote="it was meant to be open.", summary="Musk attacked OpenAI",
                      date=DateRef(value="--06-04", precision="day"),
                      reported=DateRef(value="2023-06", precision="month", inferred=True),
                      source=_span(t, "Elon Musk attacked OpenAI on June 4")),
        ),
        claims=(
            Claim(claimant="musk", text="OpenAI was meant to be open", about=("oai",),
                  source=_span(t, "it was meant to be open")),
        ),
    ), hour=3)


DOCUMENTS = (document_a, document_b, document_c)
MYTHOS = "prd-mythos"
CLAUDE_MYTHOS = "prd-claude-mythos"


def load_sample(store: GraphStore) -> list[Document]:
    """Write the three articles and the resolution triple Mythos = Claude Mythos into the store."""
    docs = [make() for make in DOCUMENTS]
    for doc in docs:
        store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))
    same = Quad(vocab.resource(MYTHOS), vocab.OWL_SAME_AS, vocab.resource(CLAUDE_MYTHOS), vocab.RESOLUTION_GRAPH)
    store.put_graph(vocab.RESOLUTION_GRAPH, [same])
    return docs
