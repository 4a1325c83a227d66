"""Turn one document's named graph into the parameter rows the Cypher statements take.

The RDF layout (:mod:`kg.rdf`) is read back from the document's quads, so Neo4j gets exactly what
the store holds: the same ids, the same dates at their precision, the same evidence spans. Rows are
grouped by the statement that writes them (:mod:`kg.neo4j.cypher`), so each group is one UNWIND.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from kg import vocab as v
from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.rdf import date_from_literal

Row = dict[str, Any]
NodeKey = tuple[str, str]  # (base label, specific label or "")
EdgeKey = tuple[str, str, str]  # (relationship type, start base label, end base label)

# Bump when the mapping changes, so documents synced by an older mapping are rewritten.
MAPPING_VERSION = "2"  # 2: facts carry the rule that made them

RELATION_TYPES: dict[str, str] = {
    "affiliated_with": "AFFILIATED_WITH",
    "developed_by": "DEVELOPED_BY",
    "invested_in": "INVESTED_IN",
    "authored": "AUTHORED",
}
_XSD_INTEGER, _XSD_DOUBLE, _XSD_BOOLEAN = (v.XSD + name for name in ("integer", "double", "boolean"))
_ENTITY_IRIS = {v.term(t).value: t for t in ENTITY_TYPES}
_EVENT_IRIS = {v.term(t).value: t for t in EVENT_TYPES}


@dataclass
class BatchRows:
    """Rows of a batch of documents, grouped by the statement that writes them."""

    documents: list[Row] = field(default_factory=list)
    nodes: dict[NodeKey, list[Row]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[EdgeKey, list[Row]] = field(default_factory=lambda: defaultdict(list))

    def entity_ids(self) -> set[str]:
        """Ids of the entities the batch mentions (their names are read from the whole store)."""
        return {row["id"] for (base, _), rows in self.nodes.items() if base == "Entity" for row in rows}

    def counts(self) -> tuple[int, int]:
        """How many node rows and relationship rows the batch holds."""
        nodes = len(self.documents) + sum(len(r) for r in self.nodes.values())
        return nodes, sum(len(r) for r in self.edges.values())


def graph_digest(quads: Iterable[Quad]) -> str:
    """A digest of a document's graph: equal digests mean nothing to rewrite in Neo4j."""
    lines = sorted(str(q) for q in quads)
    return hashlib.sha256("\n".join([MAPPING_VERSION, *lines]).encode()).hexdigest()[:32]


def _plain(term: object) -> Any:
    """A literal as the Python value Neo4j should store (ints, floats and booleans typed)."""
    if isinstance(term, NamedNode):
        return v.local_id(term.value)
    assert isinstance(term, Literal)
    kind = term.datatype.value
    if kind == _XSD_INTEGER:
        return int(term.value)
    if kind == _XSD_DOUBLE:
        return float(term.value)
    if kind == _XSD_BOOLEAN:
        return term.value == "true"
    return term.value


class _Graph:
    """The quads of one document graph, indexed by subject then predicate."""

    def __init__(self, doc_id: str, quads: list[Quad]) -> None:
        self.doc_id = doc_id
        self.by_subject: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for q in quads:
            self.by_subject[q.subject.value][q.predicate.value].append(q.object)
        self.kinds: dict[str, str] = {}  # IRI -> base label, for endpoints of relationships
        for iri, props in self.by_subject.items():
            for t in props.get(v.RDF_TYPE.value, ()):
                if t.value in _ENTITY_IRIS:
                    self.kinds[iri] = "Entity"
                elif t.value in _EVENT_IRIS:
                    self.kinds[iri] = "Event"
                elif t.value == v.CLAIM.value:
                    self.kinds[iri] = "Claim"

    def one(self, iri: str, pred: NamedNode) -> Any:
        values = self.by_subject.get(iri, {}).get(pred.value, [])
        return _plain(min(values, key=str)) if values else None

    def all(self, iri: str, pred: NamedNode) -> list[Any]:
        return self.by_subject.get(iri, {}).get(pred.value, [])

    def date(self, iri: str, pred: NamedNode, inferred: NamedNode, name: str) -> Row:
        """``name``, ``name_precision`` and ``name_inferred`` of a date (ISO text sorts chronologically)."""
        values = self.all(iri, pred)
        if not values:
            return {}
        date = date_from_literal(values[0], bool(self.one(iri, inferred)))
        return {name: date.value, f"{name}_precision": date.precision, f"{name}_inferred": date.inferred}

    def spans(self, iri: str) -> list[Row]:
        """The evidence spans of a fact, in text order."""
        fields = (("start", v.START), ("end", v.END), ("sentence", v.SENTENCE))
        found = [{key: self.one(s.value, pred) for key, pred in fields} for s in self.all(iri, v.EVIDENCE)]
        return sorted(found, key=lambda span: (span["start"], span["end"]))

    def money(self, iri: str, pred: NamedNode, name: str) -> Row:
        nodes = self.all(iri, pred)
        if not nodes:
            return {}
        node = nodes[0].value
        return {
            name: self.one(node, v.VALUE),
            f"{name}_currency": self.one(node, v.CURRENCY),
            f"{name}_approximate": self.one(node, v.APPROXIMATE),
        }


def _ruled(g: _Graph, iri: str) -> list[Row]:
    """The evidence spans of a fact several documents may support, each with the rule that made it there."""
    rule = g.one(iri, v.EXTRACTED_BY) or ""  # Neo4j stores no list holding a null
    return [{**span, "rule": rule} for span in g.spans(iri)]


def _evidence(spans: list[Row], doc_id: str) -> Row:
    """The first span of a single-document fact as flat properties (the fact's provenance)."""
    if not spans:
        return {"document": doc_id}
    return {"document": doc_id, **spans[0]}


def _document_row(g: _Graph, iri: str, digest: str) -> Row:
    props: Row = {
        "title": g.one(iri, v.DCT_TITLE),
        "publisher": g.one(iri, v.PUBLISHER),
        "url": g.one(iri, v.SCHEMA_URL),
        "origin": g.one(iri, v.ORIGIN),
        "ingested_at": g.one(iri, v.INGESTED_AT),
        "text": g.one(iri, v.TEXT),
        "sync_digest": digest,
        **g.date(iri, v.PUBLISHED, v.DATE_INFERRED, "published"),
    }
    return {"id": g.doc_id, "props": {k: val for k, val in props.items() if val is not None}}


def add_document(batch: BatchRows, doc_id: str, quads: list[Quad], digest: str) -> None:
    """Add the rows of one document graph (whose :func:`graph_digest` is ``digest``) to the batch."""
    g = _Graph(doc_id, quads)
    doc = g.doc_id
    edges = batch.edges

    def edge(rel: str, src: str, dst: str, **row: Any) -> None:
        edges[(rel, g.kinds.get(src, "Entity"), g.kinds.get(dst, "Entity"))].append(
            {"src": v.local_id(src), "dst": v.local_id(dst), "doc": doc, "props": {}, **row}
        )

    for iri, props in g.by_subject.items():
        types = {t.value for t in props.get(v.RDF_TYPE.value, ())}
        if v.DOCUMENT_CLASS.value in types:
            batch.documents.append(_document_row(g, iri, digest))
        elif types & _ENTITY_IRIS.keys():
            kind = _ENTITY_IRIS[min(types & _ENTITY_IRIS.keys())]
            batch.nodes[("Entity", kind)].append({"id": v.local_id(iri), "doc": doc})
            spans = g.spans(iri)
            edges[("MENTIONED_IN", "Entity", "Document")].append(
                {
                    "src": v.local_id(iri),
                    "dst": doc,
                    "doc": doc,
                    "props": {"count": g.one(iri, v.MENTION_COUNT) or 1, **(spans[0] if spans else {})},
                }
            )
            for target in g.all(iri, v.AFFILIATION):
                edge("BELONGS_TO", iri, target.value)
        elif types & _EVENT_IRIS.keys():
            _add_event(batch, g, iri, _EVENT_IRIS[min(types & _EVENT_IRIS.keys())], edge)
        elif v.CRITICISM.value in types:
            critic, target = g.all(iri, v.CRITIC)[0].value, g.all(iri, v.TARGET)[0].value
            crit: Row = {
                "quote": g.one(iri, v.QUOTE),
                "summary": g.one(iri, v.SUMMARY),
                "rule": g.one(iri, v.EXTRACTED_BY),
                **g.date(iri, v.DATE, v.DATE_INFERRED, "date"),
                **g.date(iri, v.REPORTED, v.REPORTED_INFERRED, "reported"),
                **_evidence(g.spans(iri), doc),
            }
            props = {k: x for k, x in crit.items() if x is not None}
            edge("CRITICISED", critic, target, id=v.local_id(iri), props=props)
        elif v.RELATION_ASSERTION.value in types:
            rel = RELATION_TYPES[g.one(iri, v.PREDICATE)]
            role = g.one(iri, v.ROLE)
            subject, obj = g.all(iri, v.SUBJECT)[0].value, g.all(iri, v.OBJECT)[0].value
            edge(rel, subject, obj, id=v.local_id(iri), props={"role": role} if role else {}, evidence=_ruled(g, iri))
        elif v.CLAIM.value in types:
            _add_claim(batch, g, iri, edge)


def _add_event(batch: BatchRows, g: _Graph, iri: str, kind: str, edge: Any) -> None:
    props: Row = {
        "label": g.one(iri, v.RDFS_LABEL),
        "title": g.one(iri, v.TITLE),
        "rule": g.one(iri, v.EXTRACTED_BY),
        **g.date(iri, v.DATE, v.DATE_INFERRED, "date"),
        **g.money(iri, v.AMOUNT, "amount"),
        **g.money(iri, v.VALUATION, "valuation"),
        **_evidence(g.spans(iri), g.doc_id),
    }
    event_id = v.local_id(iri)
    batch.nodes[("Event", kind)].append(
        {"id": event_id, "doc": g.doc_id, "props": {k: x for k, x in props.items() if x is not None}}
    )
    batch.edges[("MENTIONED_IN", "Event", "Document")].append(
        {"src": event_id, "dst": g.doc_id, "doc": g.doc_id, "props": {}}
    )
    for participant in g.all(iri, v.PARTICIPANT):
        p = participant.value
        edge("PARTICIPATED_IN", g.all(p, v.ENTITY)[0].value, iri, role=g.one(p, v.ROLE))


def _add_claim(batch: BatchRows, g: _Graph, iri: str, edge: Any) -> None:
    quantities = sorted(((g.one(q.value, v.UNIT), g.one(q.value, v.VALUE)) for q in g.all(iri, v.QUANTITY)), key=str)
    claim_id = v.local_id(iri)
    batch.nodes[("Claim", "")].append(
        {
            "id": claim_id,
            "doc": g.doc_id,
            "props": {
                "text": g.one(iri, v.CLAIM_TEXT),
                "quantity_units": [unit for unit, _ in quantities],
                "quantity_values": [value for _, value in quantities],
            },
            "evidence": _ruled(g, iri),
        }
    )
    batch.edges[("MENTIONED_IN", "Claim", "Document")].append(
        {"src": claim_id, "dst": g.doc_id, "doc": g.doc_id, "props": {}}
    )
    for claimant in g.all(iri, v.CLAIMANT):
        edge("CLAIMED", claimant.value, iri)
    for about in g.all(iri, v.ABOUT):
        edge("ABOUT", iri, about.value)
