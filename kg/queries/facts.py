"""Fetch fact nodes in one query and render them as API models with canonical entity endpoints.

The rendered criticisms and events of the whole store are a part of each read snapshot (:class:`FactModels`);
after a write only the facts it touched, and those pointing at an entity whose canonical record changed, are
rendered again. They are kept as their models' JSON and read back into models when shown: a criticism's model
took 2.9 KB of Python objects (a pydantic model per date, source and ref, each with its own dict), its JSON about
0.7 KB, and the fragments memo (:mod:`kg.queries.rendered`) reads each back at most once a generation.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel
from pyoxigraph import NamedNode

from kg import vocab as v
from kg.model import EVENT_TYPES, DateRef
from kg.queries.entities import Catalogue, catalogue
from kg.queries.layered import edit
from kg.queries.merged import Clusters, merge_criticisms, merge_events, read_clusters
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import (
    PREFIXES,
    as_bool,
    as_date,
    as_float,
    as_int,
    document_id,
    iris,
    local,
    select,
    type_name,
    value,
)
from kg.queries.views import Claim, Criticism, EntityRef, Event, Money, Participant, Quantity, Relation, Source
from kg.store.base import GraphStore, Term

Props = dict[str, list[Term]]
_NESTED = " ".join(str(p) for p in (v.EVIDENCE, v.AMOUNT, v.VALUATION, v.PARTICIPANT, v.QUANTITY))
_REFERENCES = (v.CRITIC, v.TARGET, v.ENTITY, v.CLAIMANT, v.ABOUT, v.SUBJECT, v.OBJECT)
# What rendering reads of a fact and of its nested nodes, by IRI, each IRI once (interned). The rest (provenance,
# a relation's predicate, which the relation index has, nested nodes' types) is a quarter of the rows of a whole
# kind of fact: it is skipped as it comes rather than kept (a FILTER in the query doubled rdflib's build time).
_OWN = {p.value: sys.intern(p.value) for p in (
    *_REFERENCES, v.RDF_TYPE, v.RDFS_LABEL, v.TITLE, v.QUOTE, v.SUMMARY, v.CLAIM_TEXT, v.DATE, v.DATE_INFERRED,
    v.REPORTED, v.REPORTED_INFERRED, v.EXTRACTED_BY, v.ROLE, v.EVIDENCE, v.AMOUNT, v.VALUATION, v.PARTICIPANT,
    v.QUANTITY,
)}  # fmt: skip
_OF_NESTED = {p.value: sys.intern(p.value) for p in (
    v.ROLE, v.ENTITY, v.VALUE, v.CURRENCY, v.APPROXIMATE, v.UNIT, v.DOCUMENT, v.START, v.END, v.SENTENCE,
)}  # fmt: skip
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
        if not values:
            return None
        return values[0] if len(values) == 1 else min(values, key=str)  # str() of a term is slow: only on a choice

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

    def rules(self, *facts: str) -> list[str]:
        """Every rule that made the facts (one per document graph that names one), sorted."""
        # Interned: a handful of rule names, each kept once per assertion otherwise.
        return sorted({sys.intern(value(r) or "") for f in facts for r in self.props(f).get(v.EXTRACTED_BY.value, [])})

    def sources(self, *facts: str) -> list[Source]:
        """Every span supporting the facts, in document order."""
        found = {key for fact in facts for key in _span_keys(self, fact)}
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
            rule=value(self.first(iri, v.EXTRACTED_BY)) or "",
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
            rule=value(self.first(iri, v.EXTRACTED_BY)) or "",
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
            **_rule_fields(self.rules(iri)),
            sources=self.sources(iri),
        )

    def references(self, iri: str) -> frozenset[str]:
        """The nodes a fact's rendering shows an EntityRef of: critic, target, participants' entities and so on."""
        props = self.props(iri)
        # Interned: the same entities are shown by many facts, and kept in ``references`` and ``shown_by``.
        direct = {sys.intern(value(t) or "") for prop in _REFERENCES for t in props.get(prop.value, [])}
        nested = {
            sys.intern(value(t) or "")
            for n in props.get(v.PARTICIPANT.value, [])
            for t in self.props(value(n) or "").get(v.ENTITY.value, [])
        }
        return frozenset(direct | nested)

    def relation(self, subject: str, predicate: str, obj: str, nodes: list[str]) -> Relation:
        """The relation a group of assertion nodes (merged by resolution) states, with all their spans."""
        roles = Counter(value(r) for n in nodes for r in self.props(n).get(v.ROLE.value, []))
        return Relation(
            subject=self.ref(subject),
            predicate=predicate,
            object=self.ref(obj),
            role=min(roles, key=lambda r: (-roles[r], r or "")) if roles else None,
            **_rule_fields(self.rules(*nodes)),
            sources=self.sources(*nodes),
        )


def _rule_fields(rules: list[str]) -> dict[str, Any]:
    """``rule`` and ``rules`` of a fact several documents may support: the first rule stands for them all."""
    return {"rule": rules[0] if rules else "", "rules": rules}


def _index_of(participant_iri: str) -> tuple[int, str]:
    """The position a participant node's IRI ends with (``.../participant/3``), then the IRI: a stable order."""
    tail = participant_iri.rsplit("/", 1)[-1]
    return (int(tail) if tail.isdigit() else 0, participant_iri)


def load_facts(store: GraphStore, catalogue: Catalogue, nodes: Iterable[str]) -> Facts:
    """Fetch fact nodes with their spans, money, participants and quantities (two SELECTs at most)."""
    wanted = sorted(set(nodes))
    return _read(store, catalogue, f"VALUES ?f {{ {iris(wanted)} }}" if wanted else None)


def _read(store: GraphStore, catalogue: Catalogue, where: str | None) -> Facts:
    """The facts that ``where`` binds to ``?f``, with their nested nodes and the refs of what they point at."""
    graph: dict[str, Props] = defaultdict(lambda: defaultdict(list))
    found: dict[str, str] = {}  # each fact's IRI as read -> its interned copy, in the order first read
    if where is not None:
        # Streamed as tuples: at a whole kind of fact (hundreds of thousands of rows) dicts per row cost seconds.
        _, rows = store.stream(f"""{PREFIXES}
SELECT DISTINCT ?f ?p ?o ?n ?p2 ?o2 WHERE {{
  {where}
  {{ ?f ?p ?o }} UNION {{ VALUES ?p {{ {_NESTED} }} ?f ?p ?n . ?n ?p2 ?o2 }}
}}""")
        own, of_nested, intern = _OWN.get, _OF_NESTED.get, sys.intern
        for f_term, p_term, o, n, p2, o2 in rows:
            # ?f, ?p, ?n and ?p2 are IRIs or blank nodes, which have a value, and always bound. A fact's IRI is
            # interned: the models keep it as a key several times (and the relation index interns it too).
            f = found.get(f_term.value)  # interned once per fact, not once per row
            if f is None:
                f = found[f_term.value] = intern(f_term.value)
            if n is None:
                if (prop := own(p_term.value)) is not None:
                    graph[f][prop].append(o)
            elif (prop := of_nested(p2.value)) is not None:
                # A node shared by several facts (one span supporting them all) comes once per fact: keep one.
                values = graph[n.value][prop]
                if o2 not in values:
                    values.append(o2)
    referenced = {value(t) or "" for f in found for prop in _REFERENCES for t in graph[f].get(prop.value, [])} | {
        value(t) or "" for n in list(graph) for t in graph[n].get(v.ENTITY.value, [])
    }
    unknown = sorted(r for r in referenced if r and catalogue.record(r) is None)
    return Facts(catalogue, graph, _other_refs(store, unknown))


SourceKey = tuple[str, int, int, str]


@dataclass
class FactModels:
    """Every criticism and event rendered, and every relation assertion's roles and spans, for one generation.

    Lists, lookups and entity pages then assemble their items from these without querying the store; a relation
    is rendered per request because which of its assertions count depends on the filters.
    """

    catalogue: Catalogue
    criticisms: MutableMapping[str, bytes]  # each model's JSON (:func:`pack`): read back by ``criticism``
    events: MutableMapping[str, bytes]  # likewise, read back by ``event``
    roles: MutableMapping[str, list[str | None]]
    spans: MutableMapping[str, frozenset[SourceKey]]
    others: MutableMapping[str, EntityRef]
    sources: MutableMapping[SourceKey, Source] = field(default_factory=dict)
    references: MutableMapping[str, frozenset[str]] = field(default_factory=dict)  # criticism or event -> nodes shown
    uses: MutableMapping[SourceKey, int] = field(default_factory=dict)  # how many assertions cite each source
    rules: MutableMapping[str, list[str]] = field(default_factory=dict)  # assertion -> the rules that made it
    clusters: Clusters = field(default_factory=Clusters)  # events and criticisms several documents report
    shown_by: MutableMapping[str, frozenset[str]] = field(default_factory=dict)  # references turned around

    def criticism(self, iri: str) -> Criticism | None:
        """The rendered criticism, or None when it is not one of this generation's."""
        packed = self.criticisms.get(iri)
        return None if packed is None else Criticism.model_validate_json(packed)

    def event(self, iri: str) -> Event | None:
        """The rendered event, or None when it is not one of this generation's."""
        packed = self.events.get(iri)
        return None if packed is None else Event.model_validate_json(packed)

    def show(self, fact: str, nodes: frozenset[str] | None) -> None:
        """Record the nodes a criticism or event shows (None: it is gone), in ``references`` and ``shown_by``."""
        before = self.references.get(fact, frozenset())
        now = nodes or frozenset()
        for node in before - now:
            rest = self.shown_by[node] - {fact}
            if rest:
                self.shown_by[node] = rest
            else:
                del self.shown_by[node]
        for node in now - before:
            self.shown_by[node] = self.shown_by.get(node, frozenset()) | {fact}
        if nodes is None:
            self.references.pop(fact, None)
        else:
            self.references[fact] = nodes

    def ref(self, iri: str) -> EntityRef:
        """The EntityRef of a node, as Facts.ref gives it."""
        record = self.catalogue.record(iri)
        if record is not None:
            return record.ref()
        return self.others.get(iri) or EntityRef(id=local(iri), label=local(iri), type="Thing")

    def relation(self, subject: str, predicate: str, obj: str, nodes: list[str]) -> Relation:
        """The relation a group of assertion nodes states, as Facts.relation renders it."""
        roles = Counter(role for n in nodes for role in self.roles.get(n, ()))
        keys = sorted({key for n in nodes for key in self.spans.get(n, ())})
        return Relation(
            subject=self.ref(subject),
            predicate=predicate,
            object=self.ref(obj),
            role=min(roles, key=lambda r: (-roles[r], r or "")) if roles else None,
            **_rule_fields(sorted({rule for n in nodes for rule in self.rules.get(n, ())})),
            sources=[self.sources[key] for key in keys],
        )


_EVENT_TYPES = " ".join(f"kg:{t}" for t in EVENT_TYPES)
_CRITICISMS = "?f a kg:Criticism ."
_EVENTS = f"VALUES ?type {{ {_EVENT_TYPES} }} ?f a ?type ."
# Among a write's facts (a VALUES block of their own): a FILTER, in a group of its own so that it is applied
# there (see kg.queries.entities._KINDS).
_SOME_EVENTS = f"{{ ?f a ?type FILTER(?type IN ({_EVENT_TYPES.replace(' ', ', ')})) }}"
_ASSERTIONS = "?f a kg:RelationAssertion ."


def build_models(store: GraphStore, catalogue: Catalogue) -> FactModels:
    """Read every criticism, event and relation assertion (a SELECT per kind) and render them."""
    models = FactModels(catalogue, {}, {}, {}, {}, {})
    models.clusters = read_clusters(store)
    others: list[dict[str, EntityRef]] = []
    # One kind at a time, its properties dropped once rendered: the memory they took is reused by the next kind
    # rather than added to it (the process's RSS does not shrink after, so its peak stays).
    for where, render in ((_ASSERTIONS, _render_assertions), (_CRITICISMS, _render_criticisms),
                          (_EVENTS, _render_events)):  # fmt: skip
        facts = _read(store, catalogue, where)
        render(models, facts)
        others.append(facts.others)
        del facts
    assertions, criticisms, events = others
    models.others = {**criticisms, **events, **assertions}  # as one read of each kind, in this order, gives
    return models


def update_models(old: FactModels, store: GraphStore, delta: Delta) -> FactModels:
    """The models after a write: the touched facts, and those showing a node whose EntityRef changed, again.

    Notes ``criticisms``, ``events`` and ``assertions`` for the parts after it: the facts rendered again, with
    every cluster they belong to before or after the write (a listed cluster shows its members' models).
    """
    cat = catalogue(store)
    clusters = read_clusters(store) if delta.resolution else old.clusters
    stale = delta.notes["nodes"] | {f for f in delta.touched if f in old.others}
    # Through the reverse index: a walk over every fact's references took 15-25 ms a write at 1M triples.
    shown = {f for node in stale for f in old.shown_by.get(node, ())}
    again = frozenset(delta.touched | shown)
    delta.notes["criticisms"] = delta.notes["events"] = old.clusters.related(again) | clusters.related(again)
    delta.notes["assertions"] = set(delta.touched)
    if not again:
        delta.notes["others"] = set()
        if cat is old.catalogue and clusters is old.clusters:
            return old
        return _with_catalogue(old, cat, clusters)
    within = f"VALUES ?f {{ {iris(sorted(again))} }}"
    crit = _read(store, cat, f"{within} {_CRITICISMS}")
    events = _read(store, cat, f"{within} {_SOME_EVENTS}")
    relations = _read(store, cat, f"VALUES ?f {{ {iris(sorted(delta.touched))} }} {_ASSERTIONS}")
    # Each table shares the old one's rows and keeps only its own changes (kg.queries.layered): copying them whole
    # (and freeing the copies) was most of a write's cost at 1M triples.
    others = edit(old.others, delta.touched)
    others.update({**crit.others, **events.others, **relations.others})
    delta.notes["others"] = _refresh_others(others, store, cat, delta.touched | delta.notes["nodes"])
    models = FactModels(
        cat,
        edit(old.criticisms, again),
        edit(old.events, again),
        edit(old.roles, delta.touched),
        edit(old.spans, delta.touched),
        others,
        edit(old.sources),
        edit(old.references),
        edit(old.uses),
        edit(old.rules, delta.touched),
        clusters,
        edit(old.shown_by),
    )
    for f in again:
        models.show(f, None)
    for f in delta.touched:
        for key in old.spans.get(f, ()):
            models.uses[key] -= 1
            if models.uses[key] <= 0:
                del models.uses[key], models.sources[key]
    _render(models, crit, events, relations)
    if len(models.others) > 2 * len(old.others) + 64:  # drop refs no fact shows any more, now and then
        models.others = {k: ref for k, ref in models.others.items() if k in models.shown_by}
    return models


def _refresh_others(
    others: MutableMapping[str, EntityRef], store: GraphStore, cat: Catalogue, nodes: set[str]
) -> set[str]:
    """Fetch again the refs of changed non-entity nodes that relations show; returns the nodes looked at.

    Relation assertions are read again only when touched, so a node they show that changed (lost its labels,
    say, and so its entity record) gets its ref here, as a fresh read of every assertion would give it.
    """
    from kg.queries.relations import relation_index  # relations imports the snapshot module too

    index = relation_index(store)
    shown = {n for n in nodes if n in index.by_subject or n in index.by_object}
    unknown = sorted(n for n in shown if cat.record(n) is None)
    for node in shown:
        others.pop(node, None)
    others.update(_other_refs(store, unknown))
    return shown


def _with_catalogue(old: FactModels, cat: Catalogue, clusters: Clusters) -> FactModels:
    """The same models over a new catalogue (whose records they show did not change) and clusters."""
    return FactModels(cat, old.criticisms, old.events, old.roles, old.spans, old.others, old.sources,
                      old.references, old.uses, old.rules, clusters, old.shown_by)  # fmt: skip


def _render(models: FactModels, crit: Facts, events: Facts, relations: Facts) -> None:
    """Add the facts read to the models: criticisms and events rendered, assertions' roles and spans."""
    _render_criticisms(models, crit)
    _render_events(models, events)
    _render_assertions(models, relations)


def _render_criticisms(models: FactModels, crit: Facts) -> None:
    for f in crit.graph:
        if v.CRITICISM.value in _types(crit, f):
            models.criticisms[f] = pack(crit.criticism(f))
            models.show(f, crit.references(f))


def _render_events(models: FactModels, events: Facts) -> None:
    for f in events.graph:
        if _EVENT_CLASSES & _types(events, f):
            models.events[f] = pack(events.event(f))
            models.show(f, events.references(f))


def _render_assertions(models: FactModels, relations: Facts) -> None:
    for f in relations.graph:
        if v.RELATION_ASSERTION.value in _types(relations, f):
            models.roles[f] = [
                r if r is None else sys.intern(r) for r in map(value, relations.props(f).get(v.ROLE.value, []))
            ]
            models.rules[f] = relations.rules(f)
            models.spans[f] = frozenset(_span_keys(relations, f))
            for key in models.spans[f]:
                models.uses[key] = models.uses.get(key, 0) + 1
                if key not in models.sources:
                    d, s, e, t = key
                    models.sources[key] = Source(document=d, start=s, end=e, sentence=t)


def pack(model: BaseModel) -> bytes:
    """A model as JSON that reads back into an equal model (every field, defaults included)."""
    return model.__pydantic_serializer__.to_json(model)


def owners(store: GraphStore, nodes: frozenset[str]) -> frozenset[str]:
    """The facts with one of these nodes as a span, participant, amount, valuation or quantity."""
    # FILTER, not a second VALUES block: pyoxigraph joined two VALUES blocks with a scan (30 times slower).
    rows = select(store, f"SELECT DISTINCT ?f WHERE {{ VALUES ?n {{ {iris(sorted(nodes))} }} "
                         f"?f ?p ?n FILTER(?p IN ({_NESTED.replace(' ', ', ')})) }}")  # fmt: skip
    return frozenset(value(row["f"]) or "" for row in rows)


def fact_models(store: GraphStore) -> FactModels:
    """The rendered facts of the store's snapshot."""
    return derived(store, "fact_models")


PART = Part("fact_models", lambda s: build_models(s, catalogue(s)), update_models)


def render_criticisms(store: GraphStore, iris: list[str]) -> list[Criticism]:
    """The criticisms, each with the members of its cluster, from the generation's models."""
    models = fact_models(store)
    known = _members(store, models, iris, models.criticism, Facts.criticism)
    return [merge_criticisms(known[f], _publisher(store)) for f in iris]


def render_events(store: GraphStore, iris: list[str]) -> list[Event]:
    """The events, each with the members of its cluster, from the generation's models."""
    models = fact_models(store)
    known = _members(store, models, iris, models.event, Facts.event)
    return [merge_events(known[f], _publisher(store)) for f in iris]


M = TypeVar("M", Criticism, Event)


def _members(
    store: GraphStore,
    models: FactModels,
    iris: list[str],
    known: Callable[[str], M | None],
    render: Callable[[Facts, str], M],
) -> dict[str, list[M]]:
    """Each fact's cluster members' models (the fact first); any not rendered is fetched, which should not happen."""
    wanted = {f: models.clusters.of(f) for f in iris}
    rendered = {m: model for members in wanted.values() for m in members if (model := known(m)) is not None}
    missing = sorted({m for members in wanted.values() for m in members if m not in rendered})
    facts = load_facts(store, models.catalogue, missing) if missing else None
    fetched = {m: render(facts, m) for m in missing if facts is not None and facts.props(m)}
    found: dict[str, list[M]] = {}
    for f, members in wanted.items():
        head = rendered.get(f) or fetched.get(f)
        if head is None:  # not in the store: rendered empty, as a lookup of an unknown node always was
            assert facts is not None
            head = render(facts, f)
        found[f] = [head, *(p for m in members[1:] if (p := rendered.get(m) or fetched.get(m)) is not None)]
    return found


def _publisher(store: GraphStore) -> Callable[[str], str | None]:
    """A document id's publisher, from the activity index's document rows."""
    from kg.queries.activity import activity_index  # activity is built before this part; no import cycle at use

    rows = activity_index(store).rows

    def publisher(doc_id: str) -> str | None:
        found = rows.get(v.document_iri(doc_id).value)
        return found[0].publisher if found else None

    return publisher


def _types(facts: Facts, iri: str) -> set[str]:
    return {value(t) or "" for t in facts.props(iri).get(v.RDF_TYPE.value, [])}


def _span_keys(facts: Facts, fact: str) -> Iterable[SourceKey]:
    """The (document, start, end, sentence) of each span supporting a fact, as Facts.sources reads them.

    The strings are interned: the facts of one sentence each have a span node of their own, and each read of
    one gave a copy of the sentence that the read side kept (a third of the assertion spans' memory).
    """
    intern = sys.intern
    for span in facts.props(fact).get(v.EVIDENCE.value, []):
        node = value(span) or ""
        doc = facts.first(node, v.DOCUMENT)
        yield (
            intern(document_id(doc)) if doc is not None else "",
            as_int(facts.first(node, v.START)),
            as_int(facts.first(node, v.END)),
            intern(value(facts.first(node, v.SENTENCE)) or ""),
        )


def _other_refs(store: GraphStore, nodes: list[str]) -> dict[str, EntityRef]:
    """EntityRefs of referenced nodes that are not entities (a criticised or authored Publication)."""
    if not nodes:
        return {}
    refs: dict[str, EntityRef] = {}
    rows = select(
        store,
        f"""
SELECT DISTINCT ?x ?type ?label WHERE {{
  VALUES ?x {{ {iris(nodes)} }} ?x a ?type . OPTIONAL {{ ?x rdfs:label ?label }}
}} ORDER BY ?x ?label""",
    )
    for row in rows:
        iri, kind = value(row["x"]) or "", value(row["type"]) or ""
        if iri not in refs or kind in _EVENT_CLASSES:
            refs[iri] = EntityRef(id=local(iri), label=value(row["label"]) or local(iri), type=type_name(kind))
    return refs
