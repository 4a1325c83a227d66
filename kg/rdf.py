"""Turn a :class:`~kg.model.Document` into RDF quads in the document's own named graph.

Every fact node carries ``kg:evidence`` to a ``kg:TextSpan`` (document, offsets, sentence),
``prov:wasDerivedFrom`` to the document, and ``kg:extractedBy``: the versioned name of the rule that made it.
Entity, relation and claim ids are global, so the same actor or claim reported by several documents is one node
with one graph of support per document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg import ids
from kg import vocab as v
from kg.model import Claim, Criticism, DateRef, Document, Entity, Event, Money, Relation, Span

_XSD_BY_PRECISION = {"day": "date", "month": "gYearMonth", "year": "gYear"}
_PRECISION_BY_XSD = {f"{v.XSD}{name}": precision for precision, name in _XSD_BY_PRECISION.items()}
_XSD_BOOLEAN = NamedNode(v.XSD + "boolean")
_XSD_INTEGER = NamedNode(v.XSD + "integer")
_XSD_DOUBLE = NamedNode(v.XSD + "double")
_XSD_DATETIME = NamedNode(v.XSD + "dateTime")
_XSD_GMONTHDAY = NamedNode(v.XSD + "gMonthDay")


def date_literal(date: DateRef) -> Literal:
    """A DateRef as a typed literal whose datatype carries the precision."""
    if date.value.startswith("--"):
        return Literal(date.value, datatype=_XSD_GMONTHDAY)
    return Literal(date.value, datatype=NamedNode(v.XSD + _XSD_BY_PRECISION[date.precision]))


def date_from_literal(literal: Literal, inferred: bool) -> DateRef:
    """The DateRef a typed date literal stands for (inverse of :func:`date_literal`)."""
    precision = _PRECISION_BY_XSD.get(literal.datatype.value, "day")
    return DateRef(value=literal.value, precision=precision, inferred=inferred)


def boolean(value: bool) -> Literal:
    """An xsd:boolean literal."""
    return Literal("true" if value else "false", datatype=_XSD_BOOLEAN)


def integer(value: int) -> Literal:
    """An xsd:integer literal."""
    return Literal(str(value), datatype=_XSD_INTEGER)


def double(value: float) -> Literal:
    """An xsd:double literal in positional notation, the lexical form stores keep unchanged."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=_XSD_DOUBLE)


class _DocumentWriter:
    """Collects the quads of one document; ids of local keys are resolved on the way."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.doc_id = doc.meta.id
        self.graph = v.document_iri(self.doc_id)
        self.quads: list[Quad] = []
        self.keys: dict[str, NamedNode] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def node(self, key: str) -> NamedNode:
        try:
            return self.keys[key]
        except KeyError:
            raise ValueError(f"document {self.doc_id}: a fact refers to unknown key {key!r}") from None

    def date(self, subject: NamedNode, prop: NamedNode, inferred_prop: NamedNode, date: DateRef | None) -> None:
        if date is not None:
            self.add(subject, prop, date_literal(date))
            self.add(subject, inferred_prop, boolean(date.inferred))

    def evidence(self, fact: NamedNode, span: Span) -> None:
        span_node = v.resource(f"span/{self.doc_id}/{span.start}-{span.end}")
        self.add(fact, v.EVIDENCE, span_node)
        self.add(fact, v.PROV_DERIVED, self.graph)
        self.add(span_node, v.RDF_TYPE, v.TEXT_SPAN)
        self.add(span_node, v.DOCUMENT, self.graph)
        self.add(span_node, v.START, integer(span.start))
        self.add(span_node, v.END, integer(span.end))
        self.add(span_node, v.SENTENCE, Literal(span.sentence))

    def rule(self, fact: NamedNode, rule: str) -> None:
        # A fact built by hand (tests, older callers) may name no rule; the SHACL shapes then report it.
        if rule:
            self.add(fact, v.EXTRACTED_BY, Literal(rule))

    def money(self, owner: NamedNode, prop: NamedNode, money: Money | None, suffix: str) -> None:
        if money is None:
            return
        node = NamedNode(f"{owner.value}/{suffix}")
        self.add(owner, prop, node)
        self.add(node, v.RDF_TYPE, v.MONEY)
        self.add(node, v.VALUE, double(money.value))
        self.add(node, v.CURRENCY, Literal(money.currency))
        self.add(node, v.APPROXIMATE, boolean(money.approximate))

    def write_document(self) -> None:
        meta, g = self.doc.meta, self.graph
        self.add(g, v.RDF_TYPE, v.DOCUMENT_CLASS)
        self.add(g, v.TEXT, Literal(self.doc.text))
        stamp = meta.ingested_at.astimezone(dt.UTC).replace(tzinfo=None).isoformat() + "Z"
        self.add(g, v.INGESTED_AT, Literal(stamp, datatype=_XSD_DATETIME))
        for prop, value in ((v.DCT_TITLE, meta.title), (v.PUBLISHER, meta.publisher), (v.ORIGIN, meta.origin)):
            if value:
                self.add(g, prop, Literal(value))
        if meta.url:
            self.add(g, v.SCHEMA_URL, Literal(meta.url))
        if meta.published:
            self.add(g, v.PUBLISHED, date_literal(meta.published))

    def write_entity(self, entity: Entity) -> None:
        node = self.keys[entity.key] = v.resource(ids.entity_id(entity.type, entity.label, self.doc_id))
        self.add(node, v.RDF_TYPE, v.term(entity.type))
        self.add(node, v.RDFS_LABEL, Literal(entity.label))
        for alias in entity.aliases:
            if alias != entity.label:
                self.add(node, v.ALIAS, Literal(alias))
        self.add(node, v.MENTIONED_IN, self.graph)
        self.add(node, v.MENTION_COUNT, integer(max(1, len(entity.mentions))))
        if entity.mentions:
            self.evidence(node, entity.mentions[0])

    def write_affiliation(self, entity: Entity) -> None:
        if entity.affiliation:
            self.add(self.node(entity.key), v.AFFILIATION, self.node(entity.affiliation))

    def write_event(self, event: Event) -> None:
        node = self.keys[event.key] = v.resource(
            ids.fact_id("evt", self.doc_id, event.type, event.source.start, event.label)
        )
        self.add(node, v.RDF_TYPE, v.term(event.type))
        self.add(node, v.RDFS_LABEL, Literal(event.label))
        if event.title:
            self.add(node, v.TITLE, Literal(event.title))
        self.date(node, v.DATE, v.DATE_INFERRED, event.date)
        self.money(node, v.AMOUNT, event.amount, "amount")
        self.money(node, v.VALUATION, event.valuation, "valuation")
        for i, participant in enumerate(event.participants):
            entity = self.node(participant.entity)
            p_node = NamedNode(f"{node.value}/participant/{i}")
            self.add(node, v.PARTICIPANT, p_node)
            self.add(p_node, v.RDF_TYPE, v.PARTICIPATION)
            self.add(p_node, v.ROLE, Literal(participant.role))
            self.add(p_node, v.ENTITY, entity)
            self.add(entity, v.PARTICIPATED_IN, node)
        self.rule(node, event.rule)
        self.evidence(node, event.source)

    def write_criticism(self, crit: Criticism) -> None:
        critic, target = self.node(crit.critic), self.node(crit.target)
        node = v.resource(ids.fact_id("crit", self.doc_id, critic.value, target.value, crit.source.start))
        self.add(node, v.RDF_TYPE, v.CRITICISM)
        self.add(node, v.CRITIC, critic)
        self.add(node, v.TARGET, target)
        self.add(critic, v.CRITICISED, target)
        if crit.quote:
            self.add(node, v.QUOTE, Literal(crit.quote))
        self.add(node, v.SUMMARY, Literal(crit.summary))
        self.date(node, v.DATE, v.DATE_INFERRED, crit.date)
        self.date(node, v.REPORTED, v.REPORTED_INFERRED, crit.reported)
        self.rule(node, crit.rule)
        self.evidence(node, crit.source)

    def write_relation(self, rel: Relation) -> None:
        subject, obj = self.node(rel.subject), self.node(rel.object)
        node = v.resource(ids.fact_id("rel", subject.value, rel.predicate, obj.value, (rel.role or "").lower()))
        self.add(node, v.RDF_TYPE, v.RELATION_ASSERTION)
        self.add(node, v.SUBJECT, subject)
        self.add(node, v.PREDICATE, Literal(rel.predicate))
        self.add(node, v.OBJECT, obj)
        if rel.role:
            self.add(node, v.ROLE, Literal(rel.role))
        self.add(subject, v.RELATION_PROPERTY[rel.predicate], obj)
        self.rule(node, rel.rule)
        self.evidence(node, rel.source)

    def write_claim(self, claim: Claim) -> None:
        claimant = self.node(claim.claimant)
        node = v.resource(ids.claim_id(claimant.value, claim.text, ((q.value, q.unit) for q in claim.quantities)))
        self.add(node, v.RDF_TYPE, v.CLAIM)
        self.add(node, v.CLAIMANT, claimant)
        self.add(node, v.CLAIM_TEXT, Literal(claim.text))
        for key in claim.about:
            self.add(node, v.ABOUT, self.node(key))
        for i, quantity in enumerate(sorted(claim.quantities, key=lambda q: (q.unit, q.value))):
            q_node = NamedNode(f"{node.value}/quantity/{i}")
            self.add(node, v.QUANTITY, q_node)
            self.add(q_node, v.RDF_TYPE, v.QUANTITY_CLASS)
            self.add(q_node, v.VALUE, double(quantity.value))
            self.add(q_node, v.UNIT, Literal(quantity.unit))
        self.rule(node, claim.rule)
        self.evidence(node, claim.source)


def document_quads(doc: Document) -> list[Quad]:
    """All quads of one document, in its named graph, without duplicates, in a stable order."""
    writer = _DocumentWriter(doc)
    ex = doc.extraction
    writer.write_document()
    for entity in ex.entities:
        writer.write_entity(entity)
    for entity in ex.entities:
        writer.write_affiliation(entity)
    for event in ex.events:
        writer.write_event(event)
    for crit in ex.criticisms:
        writer.write_criticism(crit)
    for rel in ex.relations:
        writer.write_relation(rel)
    for claim in ex.claims:
        writer.write_claim(claim)
    return list(dict.fromkeys(writer.quads))


def triples_of(quads: Iterable[Quad]) -> Iterator[tuple[object, object, object]]:
    """The (subject, predicate, object) of each quad, dropping the graph."""
    for q in quads:
        yield q.subject, q.predicate, q.object
