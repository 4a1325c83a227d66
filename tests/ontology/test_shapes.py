"""The ontology and its SHACL shapes: they parse, cover every term kg/rdf.py writes, and accept exactly valid graphs."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from rdflib import OWL, RDF, RDFS, SH, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg import ids, ontology
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
from kg.resolve import refresh_resolution
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths, write_document

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
    "A Microsoft product manager said the round was a mistake."
)
TEXT_B = (
    "ACME AI chief executive Jane Doe repeated that 80 percent of the company's code comes from Widget 2. "
    "Doe, speaking for Acme, also said the paper was overrated on 12 March."
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
        ),
        Event(
            key="ipo",
            type="IPOFiling",
            label="Acme AI IPO filing",
            date=DateRef(value="2026", precision="year"),
            participants=(Participant(role="recipient", entity="acme"),),
            source=span(t, "Acme AI filed for an IPO"),
        ),
        Event(
            key="paper",
            type="Publication",
            label="Scaling Widgets",
            title="Scaling Widgets",
            date=DateRef(value="2026-06-06", precision="day", inferred=True),
            participants=(Participant(role="author", entity="jane"), Participant(role="publisher", entity="acme")),
            source=span(t, 'published the paper "Scaling Widgets"'),
        ),
        Event(
            key="release",
            type="ProductRelease",
            label="Widget 2 release",
            participants=(Participant(role="developer", entity="acme"), Participant(role="product", entity="widget")),
            source=span(t, "Acme AI released Widget 2"),
        ),
        Event(
            key="suit",
            type="Lawsuit",
            label="Big Capital v. Acme AI",
            participants=(Participant(role="plaintiff", entity="big"), Participant(role="defendant", entity="acme")),
            source=span(t, "Big Capital sued Acme AI"),
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
        ),
        Criticism(
            critic="critics",
            target="round",
            summary="Critics called the round reckless",
            source=span(t, "Critics in Paris called the round reckless"),
        ),
    )
    relations = (
        Relation(
            subject="jane", predicate="affiliated_with", object="acme", role="CEO", source=span(t, "CEO Jane Doe")
        ),
        Relation(
            subject="widget", predicate="developed_by", object="acme", source=span(t, "Acme AI released Widget 2")
        ),
        Relation(subject="big", predicate="invested_in", object="acme", source=span(t, "from Big Capital")),
        Relation(
            subject="jane", predicate="authored", object="paper", source=span(t, "Jane Doe and Acme AI published")
        ),
    )
    claims = (
        Claim(
            claimant="jane",
            text="80% of its code is written by Widget 2",
            about=("acme", "widget"),
            quantities=(Quantity(value=80, unit="percent"),),
            source=span(t, "80% of its code is written by Widget 2"),
        ),
        Claim(
            claimant="pm",
            text="the round was a mistake",
            about=("round",),
            source=span(t, "said the round was a mistake"),
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
    """A second report: another spelling of an actor, the same claim and relation, short names, a gMonthDay date."""
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
        ),
    )
    relations = (
        Relation(
            subject="jane", predicate="affiliated_with", object="acme", role="ceo", source=span(t, "chief executive")
        ),
    )
    claims = (
        Claim(
            claimant="jane",
            text="80 percent of the company's code comes from Widget 2",
            about=("acme",),
            quantities=(Quantity(value=80, unit="percent"),),
            source=span(t, "80 percent of the company's code comes from Widget 2"),
        ),
    )
    ex = Extraction(entities=entities, criticisms=criticisms, relations=relations, claims=claims)
    return document(t, ex, published=DateRef(value="2026-06", precision="month"))


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


# ---------------------------------------------------------------------------------------------------------
# The files themselves
# ---------------------------------------------------------------------------------------------------------


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


def test_ontology_parses_with_version(kg_ttl: Graph) -> None:
    """kg.ttl is an owl:Ontology with version info, readable by rdflib and pyoxigraph alike."""
    onto = URIRef(ontology.ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in kg_ttl
    assert kg_ttl.value(onto, OWL.versionInfo) is not None
    assert kg_ttl.value(onto, OWL.versionIRI) is not None
    assert len(ontology.ontology_quads()) == len(kg_ttl)


def test_shapes_parse(shapes: Graph) -> None:
    """shapes.ttl parses and holds node shapes."""
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_every_vocab_term_is_declared(kg_ttl: Graph) -> None:
    """Each kg: constant of kg/vocab.py (and each entity/event type) is declared in kg.ttl: drift fails here."""
    terms = declared(kg_ttl)
    missing = sorted(vocab_terms() - set(terms))
    assert not missing, f"kg.ttl lacks: {missing}"


def test_every_declared_term_is_documented(kg_ttl: Graph) -> None:
    """Every kg: term has one declaration type, a label and a comment; every property a range."""
    for iri, kinds in declared(kg_ttl).items():
        node = URIRef(iri)
        assert len(kinds) == 1, f"{iri} is declared as {kinds}"
        assert kg_ttl.value(node, RDFS.label) is not None, f"{iri} has no rdfs:label"
        assert kg_ttl.value(node, RDFS.comment) is not None, f"{iri} has no rdfs:comment"
        if kinds != {OWL.Class}:
            assert kg_ttl.value(node, RDFS.range) is not None, f"{iri} has no rdfs:range"


def test_alignments(kg_ttl: Graph) -> None:
    """The classes are aligned with schema.org, FOAF, PROV-O and SEM."""
    schema, foaf = Namespace("https://schema.org/"), Namespace("http://xmlns.com/foaf/0.1/")
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem#")
    expected = {
        KG.Person: {foaf.Person, schema.Person, KG.Actor},
        KG.Organization: {foaf.Organization, schema.Organization, KG.Actor},
        KG.Product: {schema.Product, KG.Actor},
        KG.Place: {schema.Place, KG.Actor},
        KG.Group: {foaf.Group, KG.Actor},
        KG.Document: {schema.NewsArticle, foaf.Document, PROV.Entity},
        KG.TextSpan: {PROV.Entity},
        KG.Event: {sem.Event, schema.Event, KG.Fact},
        KG.Claim: {KG.Fact},
        KG.Criticism: {KG.Fact},
        KG.RelationAssertion: {KG.Fact},
    }
    for cls, supers in expected.items():
        assert supers <= set(kg_ttl.objects(cls, RDFS.subClassOf)), cls
    for name in EVENT_TYPES:
        assert (KG[name], RDFS.subClassOf, KG.Event) in kg_ttl
    assert (KG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) in kg_ttl


def test_every_class_has_a_shape(kg_ttl: Graph, shapes: Graph) -> None:
    """Each kg: class is the target of a node shape."""
    targets = set(shapes.objects(None, SH.targetClass))
    classes = {URIRef(iri) for iri, kinds in declared(kg_ttl).items() if OWL.Class in kinds}
    assert classes - targets == set()


# ---------------------------------------------------------------------------------------------------------
# Valid graphs conform
# ---------------------------------------------------------------------------------------------------------


def test_handmade_graph_uses_every_class(handmade_graph: Graph, kg_ttl: Graph) -> None:
    """The hand-made documents instantiate every concrete class and use every kg: property."""
    used_types = set(handmade_graph.objects(None, RDF.type))
    used_predicates = set(handmade_graph.predicates())
    abstract = {KG.Actor, KG.Event, KG.Fact}
    for iri, kinds in declared(kg_ttl).items():
        node = URIRef(iri)
        if OWL.Class in kinds and node not in abstract:
            assert node in used_types, f"no instance of {iri}"
        elif OWL.Class not in kinds:
            assert node in used_predicates, f"{iri} is never written"
    assert (KGR["org-acme"], OWL.sameAs, KGR["org-acme-ai"]) in handmade_graph
    assert len(set(handmade_graph.objects(KGR["org-acme-ai"], RDFS.label))) == 2  # "Acme AI" and "ACME AI"


def test_written_terms_are_declared(handmade_graph: Graph, kg_ttl: Graph) -> None:
    """Every predicate and class in the written data is declared in kg.ttl or is one of the known foreign terms."""
    terms = declared(kg_ttl)
    for p in set(handmade_graph.predicates()):
        assert str(p) in terms or str(p) in FOREIGN_PREDICATES or p == RDF.type, p
    for cls in set(handmade_graph.objects(None, RDF.type)):
        assert OWL.Class in terms.get(str(cls), set()), cls


def test_handmade_graph_conforms(handmade_graph: Graph) -> None:
    """The graph kg/rdf.py writes for documents using every class validates against the shapes."""
    outcome = ontology.validate(handmade_graph)
    assert outcome.conforms, outcome.text


def allowed(kg_ttl: Graph, declared_class: object) -> set[object]:
    """The classes or datatypes a domain or range allows: itself, or the members of its owl:unionOf."""
    members = kg_ttl.value(declared_class, OWL.unionOf)
    return set(Collection(kg_ttl, members)) if members is not None else {declared_class}


def test_domains_and_ranges_agree_with_the_data(handmade_graph: Graph, kg_ttl: Graph) -> None:
    """Every written triple fits the rdfs:domain and rdfs:range of its property and of the properties above it.

    Checked directly rather than through an RDFS reasoner: importing owlrl replaces rdflib's xsd:gMonthDay
    parser with one that rejects valid values, which would break the SHACL tests run after it.
    """

    def classes(node: object) -> set[object]:
        asserted = set(handmade_graph.objects(node, RDF.type))
        return set().union(*(set(kg_ttl.transitive_objects(c, RDFS.subClassOf)) for c in asserted))

    for s, p, o in handmade_graph:
        for prop in kg_ttl.transitive_objects(p, RDFS.subPropertyOf):
            domain, range_ = kg_ttl.value(prop, RDFS.domain), kg_ttl.value(prop, RDFS.range)
            if domain is not None:
                assert classes(s) & allowed(kg_ttl, domain), f"{s} {p}: not in the domain of {prop}"
            if range_ is None:
                continue
            if isinstance(o, Literal):
                datatype = o.datatype or XSD.string
                assert datatype in allowed(kg_ttl, range_), f"{s} {p} {o!r}: not in the range of {prop}"
            else:
                assert classes(o) & allowed(kg_ttl, range_), f"{s} {p} {o}: not in the range of {prop}"


def extraction_available() -> bool:
    """Whether the extraction (loaders.extract.extract) can be imported yet."""
    try:
        return callable(getattr(importlib.import_module("loaders.extract"), "extract", None))
    except Exception:
        return False


@pytest.fixture(scope="module")
def seed_store(seeds_dir: Path) -> Iterator[OxigraphStore]:
    """The store the real pipeline builds from ../shared/seeds."""
    if not extraction_available():
        pytest.skip("loaders.extract.extract is not importable yet: the seed graph cannot be built")
    store = OxigraphStore(None)
    report = load_paths(store, [seeds_dir], Settings(), workers=1)
    assert not report.failures, report.failures
    assert len(report.loaded) == len(list(seeds_dir.glob("*.txt")))
    yield store
    store.close()


@pytest.mark.slow
def test_seed_graph_conforms(seed_store: OxigraphStore) -> None:
    """The graph the real pipeline builds from ../shared/seeds validates against the shapes."""
    outcome = ontology.validate_quads(seed_store.quads())
    assert outcome.conforms, outcome.text[:20000]


# ---------------------------------------------------------------------------------------------------------
# Broken graphs are reported, naming the shape and path
# ---------------------------------------------------------------------------------------------------------

Mutation = Callable[[Graph], None]


def first(graph: Graph, cls: URIRef) -> URIRef:
    """The first instance of a class, in IRI order."""
    found = sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))
    assert found, f"no {cls}"
    return found[0]


def drop(cls: URIRef, prop: URIRef) -> Mutation:
    """Remove every value of ``prop`` from the first instance of ``cls``."""
    return lambda g: g.remove((first(g, cls), prop, None))


def replace(cls: URIRef, prop: URIRef, value: Literal) -> Mutation:
    """Replace the value(s) of ``prop`` on the first instance of ``cls``."""
    return lambda g: g.set((first(g, cls), prop, value))


def add(cls: URIRef, prop: URIRef, value: URIRef | Literal) -> Mutation:
    """Add a value of ``prop`` to the first instance of ``cls``."""
    return lambda g: g.add((first(g, cls), prop, value))


def drop_direct_relation(g: Graph) -> None:
    """Remove the direct kg:developedBy triple a relation assertion stands for."""
    g.remove((None, KG.developedBy, None))


def dated_criticism(g: Graph) -> URIRef:
    """The criticism with a kg:date."""
    return sorted(s for s in g.subjects(KG.date, None) if (s, RDF.type, KG.Criticism) in g)[0]


BROKEN: dict[str, tuple[Mutation, URIRef, URIRef | None, URIRef]] = {
    # name: (mutation, node shape reported, result path, constraint component)
    "criticism without critic": (
        drop(KG.Criticism, KG.critic),
        KGSH.CriticismShape,
        KG.critic,
        SH.MinCountConstraintComponent,
    ),
    "criticism with two quotes": (
        lambda g: g.add((next(g.subjects(KG.quote, None)), KG.quote, Literal("another"))),
        KGSH.CriticismShape,
        KG.quote,
        SH.MaxCountConstraintComponent,
    ),
    "criticism of a span": (
        replace(KG.Criticism, KG.target, KGR["span/0000000000000000/0-1"]),
        KGSH.CriticismShape,
        KG.target,
        SH.NodeConstraintComponent,
    ),
    "span with a string start": (
        replace(KG.TextSpan, KG.start, Literal("0")),
        KGSH.TextSpanShape,
        KG.start,
        SH.DatatypeConstraintComponent,
    ),
    "span ending before it starts": (
        replace(KG.TextSpan, KG.end, Literal(0)),
        KGSH.TextSpanShape,
        KG.start,
        SH.LessThanConstraintComponent,
    ),
    "span past the text": (
        replace(KG.TextSpan, KG.end, Literal(100_000)),
        KGSH.ProvenanceShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "document without text": (drop(KG.Document, KG.text), KGSH.DocumentShape, KG.text, SH.MinCountConstraintComponent),
    "document with a plain ingestedAt": (
        replace(KG.Document, KG.ingestedAt, Literal("2026-06-06")),
        KGSH.DocumentShape,
        KG.ingestedAt,
        SH.DatatypeConstraintComponent,
    ),
    "event date as a string": (
        replace(KG.FundingRound, KG.date, Literal("May 2026")),
        KGSH.EventShape,
        KG.date,
        SH.NodeConstraintComponent,
    ),
    "bad gMonthDay": (
        replace(KG.FundingRound, KG.date, Literal("--13-40", datatype=XSD.gMonthDay)),
        KGSH.EventShape,
        KG.date,
        SH.NodeConstraintComponent,
    ),
    "date without inferred flag": (
        lambda g: g.remove((dated_criticism(g), KG.dateInferred, None)),
        KGSH.DateShape,
        KG.dateInferred,
        SH.MinCountConstraintComponent,
    ),
    "fact not derived from its span's document": (
        drop(KG.RelationAssertion, PROV.wasDerivedFrom),
        KGSH.ProvenanceShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "fact without evidence": (drop(KG.Claim, KG.evidence), KGSH.FactShape, KG.evidence, SH.MinCountConstraintComponent),
    "actor of two types": (
        add(KG.Person, RDF.type, KG.Organization),
        KGSH.ActorShape,
        None,
        SH.XoneConstraintComponent,
    ),
    "actor without label": (drop(KG.Place, RDFS.label), KGSH.ActorShape, RDFS.label, SH.MinCountConstraintComponent),
    "undeclared property": (
        add(KG.MonetaryAmount, KG.amountInWords, Literal("two billion")),
        KGSH.MonetaryAmountShape,
        KG.amountInWords,
        SH.ClosedConstraintComponent,
    ),
    "unknown participant role": (
        lambda g: g.set((g.value(first(g, KG.FundingRound), KG.participant), KG.role, Literal("sponsor"))),
        KGSH.FundingRoundShape,
        None,
        SH.InConstraintComponent,
    ),
    "relation without its direct triple": (
        drop_direct_relation,
        KGSH.RelationAssertionShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "authored pointing at an actor": (
        lambda g: g.set((KGR["per-jane-doe"], KG.authored, KGR["org-acme-ai"])),
        KGSH.AuthoredShape,
        KG.authored,
        SH.ClassConstraintComponent,
    ),
    "quantity with an integer value": (
        replace(KG.QuantityValue, KG.value, Literal(80)),
        KGSH.QuantityValueShape,
        KG.value,
        SH.DatatypeConstraintComponent,
    ),
    "money in a lower-case currency": (
        replace(KG.MonetaryAmount, KG.currency, Literal("usd")),
        KGSH.MonetaryAmountShape,
        KG.currency,
        SH.PatternConstraintComponent,
    ),
}


def node_shape_of(shapes: Graph, source: object) -> object:
    """The node shape a reported source shape belongs to (itself when it is one)."""
    parent = shapes.value(None, SH.property, source)
    return parent if parent is not None else source


def violations(report: Graph, shapes: Graph) -> set[tuple[object, object, object]]:
    """The (node shape, path, component) of every result of a validation report."""
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = node_shape_of(shapes, report.value(result, SH.sourceShape))
        path = report.value(result, SH.resultPath)
        found.add(
            (shape, path if isinstance(path, URIRef) else None, report.value(result, SH.sourceConstraintComponent))
        )
    return found


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_graph_is_reported(name: str, handmade_graph: Graph, shapes: Graph) -> None:
    """A graph broken in one way is reported with the shape, path and component that catch it."""
    mutate, shape, path, component = BROKEN[name]
    graph = Graph()
    graph += handmade_graph
    mutate(graph)
    outcome = ontology.validate(graph)
    assert not outcome.conforms
    found = violations(outcome.report, shapes)
    assert (shape, path, component) in found, outcome.text


def test_criticism_without_critic_names_the_focus_node(handmade_graph: Graph) -> None:
    """The report says which criticism lacks its critic."""
    graph = Graph()
    graph += handmade_graph
    crit = first(graph, KG.Criticism)
    graph.remove((crit, KG.critic, None))
    report = ontology.validate(graph).report
    focus = {report.value(r, SH.focusNode) for r in report.subjects(SH.resultPath, KG.critic)}
    assert focus == {crit}


def test_blank_node_resources_are_rejected(handmade_graph: Graph) -> None:
    """Resources are IRIs: a blank-node text span is reported."""
    graph = Graph()
    node = BNode()
    doc = first(handmade_graph, KG.Document)
    for p, o in ((RDF.type, KG.TextSpan), (KG.document, doc), (KG.start, Literal(0)), (KG.end, Literal(1))):
        graph.add((node, p, o))
    graph.add((node, KG.sentence, Literal("A.")))
    graph += handmade_graph
    outcome = ontology.validate(graph)
    assert (KGSH.TextSpanShape, None, SH.NodeKindConstraintComponent) in violations(
        outcome.report, ontology.shapes_graph()
    )


# ---------------------------------------------------------------------------------------------------------
# The README's example queries run
# ---------------------------------------------------------------------------------------------------------

README = ontology.ONTOLOGY_DIR / "README.md"


def readme_queries() -> list[str]:
    """The SPARQL blocks of ontology/README.md."""
    blocks = README.read_text(encoding="utf-8").split("```sparql\n")[1:]
    return [block.split("```", 1)[0] for block in blocks]


def run_query(store: OxigraphStore, query: str) -> list[object]:
    """The rows (or triples) a README query gives, over the union of the graphs."""
    from kg.store.base import GraphResult, SelectResult

    result = store.query(query)
    assert isinstance(result, SelectResult | GraphResult)
    return list(result.rows) if isinstance(result, SelectResult) else list(result.triples)


def test_readme_has_queries() -> None:
    """The README shows several example queries and a Mermaid diagram."""
    assert len(readme_queries()) >= 4
    assert "```mermaid" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("index", range(len(readme_queries())))
def test_readme_query_answers(index: int, handmade_store: OxigraphStore) -> None:
    """Each README query runs as written and finds something in the hand-made graph."""
    assert run_query(handmade_store, readme_queries()[index])


@pytest.mark.slow
def test_readme_queries_run_on_the_seeds(seed_store: OxigraphStore) -> None:
    """The README queries run on the seed graph; the seeds hold criticisms, funding rounds and claims."""
    answers = [run_query(seed_store, query) for query in readme_queries()]
    assert answers[0] and answers[1] and answers[3]
