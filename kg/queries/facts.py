"""Fetch fact nodes in one query and render them as API models with canonical entity endpoints."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pyoxigraph import NamedNode

from kg import vocab as v
from kg.model import EVENT_TYPES, DateRef
from kg.queries.entities import Catalogue
from kg.queries.terms import as_bool, as_date, as_float, as_int, document_id, iris, local, select, type_name, value
from kg.queries.views import Claim, Criticism, EntityRef, Event, Money, Participant, Quantity, Relation, Source
from kg.store.base import GraphStore, Term

Props = dict[str, list[Term]]
_NESTED = " ".join(str(p) for p in (v.EVIDENCE, v.AMOUNT, v.VALUATION, v.PARTICIPANT, v.QUANTITY))
_REFERENCES = (v.CRITIC, v.TARGET, v.ENTITY, v.CLAIMANT, v.ABOUT, v.SUBJECT, v.OBJECT)
_EVENT_CLASSES = {str(v.term(t).value) for t in EVENT_TYPES}


class Facts:
    """The properties of some fact nodes and of the nodes hanging off them, and how to render them."""

    def __init__(self, catalogue: Catalogue, graph: dict[str, Props], others: dict[str, EntityRef]) -> None:
        self.catalogue = catalogue
        self.graph = graph
        self.others = others

    def props(self, iri: str) -> Props:
        """The properties of a node (empty when it was not fetched)."""
        return self.graph.get(iri, {})

    def first(self, iri: str, prop: NamedNode) -> Term | None:
        """One value of a property, the smallest so that the choice is stable."""
        values = self.props(iri).get(prop.value)
        return min(values, key=str) if values else None

    def ref(self, iri: str) -> EntityRef:
        """The EntityRef of a node: its canonical entity, or the event or thing it is."""
        record = self.catalogue.record(iri)
        if record is not None:
            return record.ref()
        return self.others.get(iri) or EntityRef(id=local(iri), label=local(iri), type="Thing")

    def date(self, iri: str, prop: NamedNode, inferred: NamedNode) -> DateRef | None:
        """A date property with its inferred flag."""
        return as_date(self.first(iri, prop), self.first(iri, inferred))

    def money(self, iri: str, prop: NamedNode) -> Money | None:
        """A MonetaryAmount hanging off a fact."""
        node = value(self.first(iri, prop))
        amount = as_float(self.first(node, v.VALUE)) if node else None
        if node is None or amount is None:
            return None
        currency = value(self.first(node, v.CURRENCY)) or "USD"
        return Money(value=amount, currency=currency, approximate=as_bool(self.first(node, v.APPROXIMATE)))

    def sources(self, *facts: str) -> list[Source]:
        """Every span supporting the facts, in document order."""
        found = set()
        for fact in facts:
            for span in self.props(fact).get(v.EVIDENCE.value, []):
                node = value(span) or ""
                doc = self.first(node, v.DOCUMENT)
                found.add((
                    document_id(doc) if doc is not None else "",
                    as_int(self.first(node, v.START)),
                    as_int(self.first(node, v.END)),
                    value(self.first(node, v.SENTENCE)) or "",
                ))
        return [Source(document=d, start=s, end=e, sentence=t) for d, s, e, t in sorted(found)]

    def criticism(self, iri: str) -> Criticism:
        """A Criticism node as the API shows it."""
        return Criticism(
            id=local(iri),
            critic=self.ref(value(self.first(iri, v.CRITIC)) or ""),
            target=self.ref(value(self.first(iri, v.TARGET)) or ""),
            quote=value(self.first(iri, v.QUOTE)),
            summary=value(self.first(iri, v.SUMMARY)) or "",
            date=self.date(iri, v.DATE, v.DATE_INFERRED),
            reported=self.date(iri, v.REPORTED, v.REPORTED_INFERRED),
            sources=self.sources(iri),
        )

    def event(self, iri: str) -> Event:
        """An event node with its participants in the order the document gave them."""
        types = [value(t) or "" for t in self.props(iri).get(v.RDF_TYPE.value, [])]
        nodes = sorted((value(p) or "" for p in self.props(iri).get(v.PARTICIPANT.value, [])), key=_index_of)
        participants: dict[tuple[str, str], Participant] = {}
        for node in nodes:
            role, entity = value(self.first(node, v.ROLE)) or "", value(self.first(node, v.ENTITY))
            if entity is not None:
                ref = self.ref(entity)
                participants.setdefault((role, ref.id), Participant(role=role, entity=ref))
        return Event(
            id=local(iri),
            type=type_name(next((t for t in types if t in _EVENT_CLASSES), types[0] if types else "")),
            label=value(self.first(iri, v.RDFS_LABEL)) or "",
            title=value(self.first(iri, v.TITLE)),
            date=self.date(iri, v.DATE, v.DATE_INFERRED),
            participants=list(participants.values()),
            amount=self.money(iri, v.AMOUNT),
            valuation=self.money(iri, v.VALUATION),
            sources=self.sources(iri),
        )

    def claim(self, iri: str) -> Claim:
        """A claim node: one item whatever the number of documents reporting it."""
        about = {ref.id: ref for ref in (self.ref(value(a) or "") for a in self.props(iri).get(v.ABOUT.value, []))}
        quantities = []
        for node in sorted(value(q) or "" for q in self.props(iri).get(v.QUANTITY.value, [])):
            amount = as_float(self.first(node, v.VALUE))
            if amount is not None:
                quantities.append(Quantity(value=amount, unit=value(self.first(node, v.UNIT)) or ""))
        return Claim(
            id=local(iri),
            claimant=self.ref(value(self.first(iri, v.CLAIMANT)) or ""),
            text=value(self.first(iri, v.CLAIM_TEXT)) or "",
            about=sorted(about.values(), key=lambda r: r.id),
            quantities=quantities,
            sources=self.sources(iri),
        )

    def relation(self, subject: str, predicate: str, obj: str, nodes: list[str]) -> Relation:
        """The relation a group of assertion nodes (merged by resolution) states, with all their spans."""
        roles = Counter(value(r) for n in nodes for r in self.props(n).get(v.ROLE.value, []))
        return Relation(
            subject=self.ref(subject),
            predicate=predicate,
            object=self.ref(obj),
            role=min(roles, key=lambda r: (-roles[r], r or "")) if roles else None,
            sources=self.sources(*nodes),
        )


def _index_of(participant_iri: str) -> int:
    """The position a participant node's IRI ends with (``.../participant/3``)."""
    tail = participant_iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def load_facts(store: GraphStore, catalogue: Catalogue, nodes: Iterable[str]) -> Facts:
    """Fetch fact nodes with their spans, money, participants and quantities (two SELECTs at most)."""
    wanted = sorted(set(nodes))
    graph: dict[str, Props] = defaultdict(lambda: defaultdict(list))
    if wanted:
        rows = select(store, f"""
SELECT DISTINCT ?f ?p ?o ?n ?p2 ?o2 WHERE {{
  VALUES ?f {{ {iris(wanted)} }}
  {{ ?f ?p ?o }} UNION {{ VALUES ?p {{ {_NESTED} }} ?f ?p ?n . ?n ?p2 ?o2 }}
}}""")
        for row in rows:
            f, p = value(row["f"]) or "", value(row["p"]) or ""
            if row["n"] is None:
                graph[f][p].append(row["o"])
            else:
                graph[value(row["n"]) or ""][value(row["p2"]) or ""].append(row["o2"])
    referenced = {
        value(t) or "" for f in wanted for prop in _REFERENCES for t in graph[f].get(prop.value, [])
    } | {value(t) or "" for n in list(graph) for t in graph[n].get(v.ENTITY.value, [])}
    unknown = sorted(r for r in referenced if r and catalogue.record(r) is None)
    return Facts(catalogue, graph, _other_refs(store, unknown))


def _other_refs(store: GraphStore, nodes: list[str]) -> dict[str, EntityRef]:
    """EntityRefs of referenced nodes that are not entities (a criticised or authored Publication)."""
    if not nodes:
        return {}
    refs: dict[str, EntityRef] = {}
    rows = select(store, f"""
SELECT DISTINCT ?x ?type ?label WHERE {{
  VALUES ?x {{ {iris(nodes)} }} ?x a ?type . OPTIONAL {{ ?x rdfs:label ?label }}
}} ORDER BY ?x ?label""")
    for row in rows:
        iri, kind = value(row["x"]) or "", value(row["type"]) or ""
        if iri not in refs or kind in _EVENT_CLASSES:
            refs[iri] = EntityRef(id=local(iri), label=value(row["label"]) or local(iri), type=type_name(kind))
    return refs
