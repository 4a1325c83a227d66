"""Broken graphs are reported by the SHACL shapes, naming the shape, the path and the constraint."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import OWL, RDF, RDFS, SH, BNode, Graph, Literal, URIRef

from kg import ontology
from tests.ontology.handmade import KG, KGR, KGSH, PROV, XSD

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
    "owl:sameAs across classes": (
        lambda g: g.set((KGR["org-acme"], OWL.sameAs, KGR["per-jane-doe"])),
        KGSH.ResolutionShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "owl:sameAs across classes, kg:Actor rdfs:subClassOf kg:Actor": (
        lambda g: g.set((KGR["org-acme"], OWL.sameAs, KGR["per-jane-doe"])).add((KG.Actor, RDFS.subClassOf, KG.Actor)),
        KGSH.ResolutionShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "criticism naming no rule": (
        drop(KG.Criticism, KG.extractedBy),
        KGSH.CriticismShape,
        KG.extractedBy,
        SH.MinCountConstraintComponent,
    ),
    "event named by two rules": (
        add(KG.FundingRound, KG.extractedBy, Literal("funding.other_rule.v1")),
        KGSH.EventShape,
        KG.extractedBy,
        SH.MaxCountConstraintComponent,
    ),
    "relation with an unversioned rule": (
        replace(KG.RelationAssertion, KG.extractedBy, Literal("relation.role_pattern")),
        KGSH.RelationAssertionShape,
        KG.extractedBy,
        SH.NodeConstraintComponent,
    ),
    "claim naming no rule": (
        drop(KG.Claim, KG.extractedBy),
        KGSH.FactShape,
        KG.extractedBy,
        SH.MinCountConstraintComponent,
    ),
    "money in a lower-case currency": (
        replace(KG.MonetaryAmount, KG.currency, Literal("usd")),
        KGSH.MonetaryAmountShape,
        KG.currency,
        SH.PatternConstraintComponent,
    ),
    "merge link to the fact itself": (
        lambda g: g.add((first(g, KG.Criticism), KG.sameCriticism, first(g, KG.Criticism))),
        KGSH.SameFactShape,
        None,
        SH.SPARQLConstraintComponent,
    ),
    "merge link from a criticism to an event": (
        lambda g: g.add((first(g, KG.Criticism), KG.sameCriticism, first(g, KG.FundingRound))),
        KGSH.CriticismShape,
        KG.sameCriticism,
        SH.ClassConstraintComponent,
    ),
    "claim merge link to a criticism": (
        lambda g: g.add((first(g, KG.Claim), KG.sameClaim, first(g, KG.Criticism))),
        KGSH.ClaimShape,
        KG.sameClaim,
        SH.ClassConstraintComponent,
    ),
}


# The breakages RDFS entailment could hide (types and super-properties it adds), checked with it on too. Its range
# entailment makes the organisation a kg:authored points at a kg:Publication, which the event shapes then refuse.
UNDER_RDFS: dict[str, tuple[URIRef, URIRef | None, URIRef] | None] = {
    "actor of two types": None,
    "authored pointing at an actor": (KGSH.EventShape, None, SH.PatternConstraintComponent),
    "bad gMonthDay": None,
    "criticism of a span": None,
    "fact not derived from its span's document": None,
    "owl:sameAs across classes": None,
    # what a complete RDFS reasoner also adds (rule rdfs10; owlrl leaves it out)
    "owl:sameAs across classes, kg:Actor rdfs:subClassOf kg:Actor": None,
    "relation without its direct triple": None,
    "undeclared property": None,
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


CASES = [(name, "none") for name in sorted(BROKEN)] + [(name, "rdfs") for name in sorted(UNDER_RDFS)]


@pytest.mark.parametrize(("name", "inference"), CASES)
def test_broken_graph_is_reported(
    name: str, inference: ontology.Inference, handmade_graph: Graph, shapes: Graph
) -> None:
    """A graph broken in one way is reported with the shape, path and component that catch it."""
    mutate, *expected = BROKEN[name]
    graph = Graph()
    graph += handmade_graph
    mutate(graph)
    outcome = ontology.validate(graph, inference=inference)
    assert not outcome.conforms
    found = violations(outcome.report, shapes)
    assert (UNDER_RDFS[name] if inference == "rdfs" and UNDER_RDFS[name] else tuple(expected)) in found, outcome.text


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
