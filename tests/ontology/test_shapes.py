"""The ontology and its SHACL shapes: they parse, cover every term kg/rdf.py writes, and accept exactly valid graphs."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SH, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg import ontology
from kg.model import (
    EVENT_TYPES,
)
from kg.store.oxigraph import OxigraphStore
from tests.ontology.handmade import FOREIGN_PREDICATES, KG, KGR, PROV, XSD, declared, vocab_terms


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


@pytest.mark.parametrize("inference", ontology.INFERENCES)
def test_handmade_graph_conforms(handmade_graph: Graph, inference: ontology.Inference) -> None:
    """The graph kg/rdf.py writes for documents using every class validates against the shapes, with or without RDFS."""
    outcome = ontology.validate(handmade_graph, inference=inference)
    assert outcome.conforms, outcome.text


def closed_shapes(shapes: Graph) -> dict[object, tuple[set[object], set[object]]]:
    """Each closed node shape: (the IRI paths of its property shapes, its sh:ignoredProperties)."""
    out = {}
    for shape in shapes.subjects(SH.closed, Literal(True)):
        paths = {shapes.value(p, SH.path) for p in shapes.objects(shape, SH.property)}
        ignored = set(Collection(shapes, shapes.value(shape, SH.ignoredProperties)))
        out[shape] = ({p for p in paths if isinstance(p, URIRef)}, ignored)
    return out


def test_closed_shapes_ignore_exactly_the_implied_super_properties(kg_ttl: Graph, shapes: Graph) -> None:
    """RDFS adds every super-property of a written one: a closed shape allows them all, and ignores nothing else."""
    assert len(closed_shapes(shapes)) >= 8
    for shape, (paths, ignored) in closed_shapes(shapes).items():
        implied = {sup for p in paths for sup in kg_ttl.transitive_objects(p, RDFS.subPropertyOf)} - {*paths}
        assert ignored - {RDF.type} == implied, f"{shape}: ignores {ignored}, RDFS implies {implied}"


def test_rdfs_validation_leaves_rdflib_literal_parsing_alone(handmade_graph: Graph) -> None:
    """owlrl's gMonthDay parser (which rejects "--06-04") is gone once an RDFS validation returns."""
    assert ontology.validate(handmade_graph, inference="rdfs").conforms
    assert not Literal("--06-04", datatype=XSD.gMonthDay).ill_typed


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


@pytest.mark.slow
def test_seed_graph_conforms(seed_store: OxigraphStore) -> None:
    """The graph the real pipeline builds from ../shared/seeds validates against the shapes."""
    outcome = ontology.validate_quads(seed_store.quads())
    assert outcome.conforms, outcome.text[:20000]


README = ontology.README_MD


def readme_queries() -> list[str]:
    """The SPARQL blocks of ontology/README.md."""
    return [example.query for example in ontology.example_queries()]


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
