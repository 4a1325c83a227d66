"""Hand-made documents that use every class and property the writer produces, and the vocabularies."""

from __future__ import annotations

import datetime as dt

from pyoxigraph import NamedNode
from rdflib import OWL, RDF, Graph, Namespace, URIRef

from kg import ids
from kg import vocab as v
from kg.model import (
    ENTITY_TYPES,
    EVENT_TYPES,
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

KG = Namespace(v.ONTOLOGY)
KGSH = Namespace("https://w3id.org/ainews-kg/shapes#")
KGR = Namespace(v.RESOURCE)
XSD = Namespace(v.XSD)  # a plain Namespace: rdflib's XSD warns when pytest inspects it
PROV = Namespace("http://www.w3.org/ns/prov#")
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
# The terms of other vocabularies kg/rdf.py and kg/resolve.py write (besides rdf:type).
FOREIGN_PREDICATES = {str(t.value) for t in (v.RDFS_LABEL, v.OWL_SAME_AS, v.PROV_DERIVED, v.DCT_TITLE, v.SCHEMA_URL)}


# ---------------------------------------------------------------------------------------------------------
# Hand-made documents exercising every class, property and datatype kg/rdf.py writes
# ---------------------------------------------------------------------------------------------------------

TEXT_A = (
    'Acme AI CEO Jane Doe said on June 4 that the Widget 2 model is "a ploy". '
    "Acme AI raised $2 billion at a valuation of about $20 billion from Big Capital in May 2026. "
    "Critics in Paris called the round reckless. "
    "Acme AI filed for an IPO in 2026. "
    'Jane Doe and Acme AI published the paper "Scaling Widgets". '
    "Acme AI released Widget 2. "
    "Big Capital sued Acme AI. "
    "Jane Doe said 80% of its code is written by Widget 2. "
    "She said Widget 2 answers 1,000 support tickets a day. "
    "A Microsoft product manager said the round was a mistake."
)
TEXT_B = (
    "ACME AI chief executive Jane Doe repeated that 80% of its code is written by Widget 2. "
    "Doe, speaking for Acme, also said the paper was overrated on 12 March. "
    'ACME AI raised about $2 billion in May 2026. Jane Doe said the Widget 2 model is "a ploy". '
    "She added that the model handles 1,000 support tickets each day."
)


def span(text: str, phrase: str, occurrence: int = 0) -> Span:
    """The span of ``phrase`` in ``text`` with the sentence around it."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    first = text.rfind(". ", 0, start)
    first = 0 if first < 0 else first + 2
    last = text.find(". ", end)
    last = len(text) if last < 0 else last + 1
    return Span(start=start, end=end, sentence=text[first:last])


def entity(key: str, label: str, kind: str, text: str, *phrases: str, **extra: object) -> Entity:
    """An entity mentioned at each phrase."""
    return Entity(key=key, label=label, type=kind, mentions=tuple(span(text, p) for p in phrases), **extra)


def document(text: str, extraction: Extraction, **meta: object) -> Document:
    """A Document with an id from its text."""
    doc_meta = DocumentMeta(id=ids.document_id(text), ingested_at=dt.datetime(2026, 6, 6, 12, 0, tzinfo=dt.UTC), **meta)
    return Document(meta=doc_meta, text=text, extraction=extraction)


def document_a() -> Document:
    """Every actor type, every event type, criticisms of actors and of an event, all relations, claims."""
    t = TEXT_A
    entities = (
        entity("acme", "Acme AI", "Organization", t, "Acme AI", aliases=("Acme",)),
        entity("jane", "Jane Doe", "Person", t, "Jane Doe"),
        entity("widget", "Widget 2", "Product", t, "Widget 2"),
        entity("big", "Big Capital", "Organization", t, "Big Capital"),
        entity("paris", "Paris", "Place", t, "Paris"),
        entity("critics", "critics", "Group", t, "Critics"),
        entity("msft", "Microsoft", "Organization", t, "Microsoft"),
        entity("pm", "Microsoft product manager", "Group", t, "Microsoft product manager", affiliation="msft"),
    )
    events = (
        Event(
            key="round",
            type="FundingRound",
            label="Acme AI funding round",
            date=DateRef(value="2026-05", precision="month"),
            participants=(Participant(role="recipient", entity="acme"), Participant(role="investor", entity="big")),
            amount=Money(value=2e9),
            valuation=Money(value=2e10, approximate=True),
            source=span(t, "Acme AI raised $2 billion"),
            rule="event.handmade.v1",
        ),
        Event(
            key="ipo",
            type="IPOFiling",
            label="Acme AI IPO filing",
            date=DateRef(value="2026", precision="year"),
            participants=(Participant(role="recipient", entity="acme"),),
            source=span(t, "Acme AI filed for an IPO"),
            rule="event.handmade.v1",
        ),
        Event(
            key="paper",
            type="Publication",
            label="Scaling Widgets",
            title="Scaling Widgets",
            date=DateRef(value="2026-06-06", precision="day", inferred=True),
            participants=(Participant(role="author", entity="jane"), Participant(role="publisher", entity="acme")),
            source=span(t, 'published the paper "Scaling Widgets"'),
            rule="event.handmade.v1",
        ),
        Event(
            key="release",
            type="ProductRelease",
            label="Widget 2 release",
            participants=(Participant(role="developer", entity="acme"), Participant(role="product", entity="widget")),
            source=span(t, "Acme AI released Widget 2"),
            rule="event.handmade.v1",
        ),
        Event(
            key="suit",
            type="Lawsuit",
            label="Big Capital v. Acme AI",
            participants=(Participant(role="plaintiff", entity="big"), Participant(role="defendant", entity="acme")),
            source=span(t, "Big Capital sued Acme AI"),
            rule="event.handmade.v1",
        ),
    )
    criticisms = (
        Criticism(
            critic="jane",
            target="widget",
            quote="a ploy",
            summary="Jane Doe called Widget 2 a ploy",
            date=DateRef(value="2026-06-04", precision="day", inferred=True),
            reported=DateRef(value="2026-06-06", precision="day"),
            source=span(t, 'the Widget 2 model is "a ploy"'),
            rule="criticism.handmade.v1",
        ),
        Criticism(
            critic="critics",
            target="round",
            summary="Critics called the round reckless",
            source=span(t, "Critics in Paris called the round reckless"),
            rule="criticism.handmade.v1",
        ),
    )
    relations = (
        Relation(
            subject="jane",
            predicate="affiliated_with",
            object="acme",
            role="CEO",
            source=span(t, "CEO Jane Doe"),
            rule="relation.handmade.v1",
        ),
        Relation(
            subject="widget",
            predicate="developed_by",
            object="acme",
            source=span(t, "Acme AI released Widget 2"),
            rule="relation.handmade.v1",
        ),
        Relation(
            subject="big",
            predicate="invested_in",
            object="acme",
            source=span(t, "from Big Capital"),
            rule="relation.handmade.v1",
        ),
        Relation(
            subject="jane",
            predicate="authored",
            object="paper",
            source=span(t, "Jane Doe and Acme AI published"),
            rule="relation.handmade.v1",
        ),
    )
    claims = (
        Claim(
            claimant="jane",
            text="80% of its code is written by Widget 2",
            about=("acme", "widget"),
            quantities=(Quantity(value=80, unit="percent"),),
            source=span(t, "80% of its code is written by Widget 2"),
            rule="claim.handmade.v1",
        ),
        Claim(
            claimant="jane",
            text="Widget 2 answers 1,000 support tickets a day",
            about=("widget",),
            quantities=(Quantity(value=1000, unit="tickets"),),
            source=span(t, "Widget 2 answers 1,000 support tickets a day"),
            rule="claim.handmade.v1",
        ),
        Claim(
            claimant="pm",
            text="the round was a mistake",
            about=("round",),
            source=span(t, "said the round was a mistake"),
            rule="claim.handmade.v1",
        ),
    )
    ex = Extraction(entities=entities, events=events, criticisms=criticisms, relations=relations, claims=claims)
    return document(
        t,
        ex,
        title="Acme AI raises",
        publisher="Example News",
        url="https://example.org/a",
        origin="a.txt",
        published=DateRef(value="2026-06-06", precision="day"),
    )


def document_b() -> Document:
    """A second report: another spelling of an actor, the same claim, relation, round and criticism, short names, a
    gMonthDay date."""
    t = TEXT_B
    entities = (
        entity("acme", "ACME AI", "Organization", t, "ACME AI"),
        entity("jane", "Jane Doe", "Person", t, "Jane Doe"),
        entity("doe", "Doe", "Person", t, "Doe, speaking"),
        entity("acme-short", "Acme", "Organization", t, "Acme,"),  # resolved to Acme AI through its alias
        entity("widget", "Widget 2", "Product", t, "Widget 2"),
        Entity(key="paper", label="Scaling Widgets", type="Product"),  # no mention span: no evidence
    )
    criticisms = (
        Criticism(
            critic="doe",
            target="paper",
            summary="Doe called the paper overrated",
            date=DateRef(value="--03-12", precision="day"),
            source=span(t, "the paper was overrated on 12 March"),
            rule="criticism.handmade.v1",
        ),
        Criticism(  # document A's criticism, told again: merged with it (kg:sameCriticism)
            critic="jane",
            target="widget",
            quote="a ploy",
            summary="Jane Doe called Widget 2 a ploy",
            source=span(t, 'the Widget 2 model is "a ploy"'),
            rule="criticism.handmade.v1",
        ),
    )
    events = (
        Event(  # document A's round, told again: merged with it (kg:sameEvent)
            key="round",
            type="FundingRound",
            label="ACME AI funding round",
            date=DateRef(value="2026-05", precision="month"),
            participants=(Participant(role="recipient", entity="acme"),),
            amount=Money(value=2e9, approximate=True),
            source=span(t, "ACME AI raised about $2 billion"),
            rule="event.handmade.v1",
        ),
    )
    relations = (
        Relation(
            subject="jane",
            predicate="affiliated_with",
            object="acme",
            role="ceo",
            source=span(t, "chief executive"),
            rule="relation.handmade_other.v1",
        ),
    )
    claims = (
        Claim(
            claimant="jane",
            text="80% of its code is written by Widget 2",  # the statement of document A, told again: one claim
            about=("acme",),
            quantities=(Quantity(value=80, unit="percent"),),
            source=span(t, "80% of its code is written by Widget 2"),
            rule="claim.handmade_other.v1",
        ),
        Claim(  # document A's statement in other words: merged with it (kg:sameClaim)
            claimant="jane",
            text="the model handles 1,000 support tickets each day",
            about=("widget",),
            quantities=(Quantity(value=1000, unit="tickets"),),
            source=span(t, "the model handles 1,000 support tickets each day"),
            rule="claim.handmade_other.v1",
        ),
    )
    ex = Extraction(entities=entities, events=events, criticisms=criticisms, relations=relations, claims=claims)
    return document(t, ex, published=DateRef(value="2026-06", precision="month"))


def vocab_terms() -> set[str]:
    """Every kg: IRI kg/vocab.py and kg/model.py make kg/rdf.py write."""
    found = {value.value for value in vars(v).values() if isinstance(value, NamedNode)}
    found |= {p.value for p in v.RELATION_PROPERTY.values()}
    found |= {v.term(name).value for name in (*ENTITY_TYPES, *EVENT_TYPES)}
    return {iri for iri in found if iri.startswith(v.ONTOLOGY)}


def declared(kg_ttl: Graph) -> dict[str, set[URIRef]]:
    """The kg: terms kg.ttl declares, with their declaration types."""
    terms: dict[str, set[URIRef]] = {}
    for s, o in kg_ttl.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(s).startswith(v.ONTOLOGY) and o in DECLARATION_TYPES:
            terms.setdefault(str(s), set()).add(o)
    return terms
