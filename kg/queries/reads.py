"""The read side of the REST API: every list and lookup, computed from the graph with a few SELECTs each.

Filters, ordering, LIMIT and OFFSET run in the store; a page's facts are then fetched in one query
(:func:`kg.queries.facts.load_facts`) and rendered with canonical entities from the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg import vocab
from kg.errors import NotFoundError
from kg.model import EVENT_TYPES, DateRef
from kg.queries import relations
from kg.queries.activity import DocKey, activity_index
from kg.queries.criticisms import criticism_index
from kg.queries.dates import range_filter, when
from kg.queries.entities import EntityRecord, catalogue
from kg.queries.facts import FactModels, fact_models, render_criticisms, render_events
from kg.queries.terms import as_date, as_int, document_id, iris, local, select, value
from kg.queries.views import (
    Criticism,
    CriticismPair,
    Document,
    DocumentDetail,
    Entity,
    EntityDetail,
    Event,
    Health,
    Page,
    Relation,
)
from kg.store.base import GraphStore

Members = set[str] | None
# SPARQL's OFFSET is a 64-bit count; anything past this is past every result anyway.
_MAX_OFFSET = 2**62


def _values(var: str, members: Members) -> str:
    return "" if members is None else f"VALUES ?{var} {{ {iris(sorted(members))} }}"


def _page(store: GraphStore, where: str, order: str, limit: int, offset: int) -> list[str]:
    """The fact IRIs ``?f`` of one page."""
    window = f"LIMIT {limit} OFFSET {min(offset, _MAX_OFFSET)}"
    rows = select(store, f"SELECT DISTINCT ?f WHERE {{ {where} }} ORDER BY {order} {window}")
    return [value(row["f"]) or "" for row in rows]


def _count(store: GraphStore, where: str, what: str = "DISTINCT ?f") -> int:
    return as_int(select(store, f"SELECT (COUNT({what}) AS ?n) WHERE {{ {where} }}")[0]["n"])


def _event_where(event_type: str | None, members: Members, since: str | None, until: str | None) -> str:
    types = " ".join(f"kg:{t}" for t in ([event_type] if event_type else EVENT_TYPES))
    # A merged event (kg.clusters) has the participants of every document reporting it.
    participant = (
        "{ ?f kg:participant ?pn } UNION { ?m kg:sameEvent ?f . ?m kg:participant ?pn } ?pn kg:entity ?x ."
        if members is not None
        else ""
    )
    return f"""{_values("x", members)} {participant}
  VALUES ?type {{ {types} }} ?f a ?type . FILTER NOT EXISTS {{ ?f kg:sameEvent ?representative }}
  OPTIONAL {{ ?f kg:date ?date }} {when("when", "date")}{range_filter("when", since, until)}"""


_EVENT_ORDER = "DESC(?when) ?f"


def _relation(models: FactModels, index: relations.RelationIndex, position: int, nodes: list[str]) -> Relation:
    """A relation of the index, rendered from its matching assertions (merged by resolution)."""
    predicate, subject, obj, _ = index.keys[position]
    return models.relation(subject, predicate, obj, nodes)


def _document_rows(
    store: GraphStore, where: str, limit: int | None, offset: int, *, text: bool = False
) -> list[tuple[str, Document]]:
    """Documents' IRIs and models, most recently ingested first; every document when ``limit`` is None."""
    window = "" if limit is None else f"LIMIT {limit} OFFSET {min(offset, _MAX_OFFSET)}"
    rows = select(store, f"""
SELECT ?d ?ingested ?title ?publisher ?url ?published ?origin {"?text" if text else ""} WHERE {{
  {where} ?d a kg:Document .
  OPTIONAL {{ ?d kg:ingestedAt ?ingested }} OPTIONAL {{ ?d dcterms:title ?title }}
  OPTIONAL {{ ?d kg:publisher ?publisher }} OPTIONAL {{ ?d schema:url ?url }}
  OPTIONAL {{ ?d kg:published ?published }} OPTIONAL {{ ?d kg:origin ?origin }}
  {"OPTIONAL { ?d kg:text ?text }" if text else ""}
}} ORDER BY DESC(?ingested) ?d {window}""")
    model = DocumentDetail if text else Document
    return [
        (value(row["d"]) or "", model(
            id=document_id(row["d"] or ""),
            title=value(row["title"]),
            publisher=value(row["publisher"]),
            url=value(row["url"]),
            published=as_date(row["published"], None),
            ingested_at=value(row["ingested"]),
            origin=value(row["origin"]),
            **({"text": value(row["text"]) or ""} if text else {}),
        ))
        for row in rows
    ]


def _documents(store: GraphStore, where: str, limit: int, offset: int, *, text: bool = False) -> list[Document]:
    return [model for _, model in _document_rows(store, where, limit, offset, text=text)]


def document_rows(store: GraphStore, only: frozenset[str] | None = None) -> list[tuple[str, Document]]:
    """Documents' IRIs and metadata (of the IRIs among ``only`` when given), in listing order.

    One row per combination of multi-valued fields.
    """
    return _document_rows(store, "" if only is None else _values("d", set(only)), None, 0)


def source_documents(store: GraphStore, documents: Iterable[str]) -> dict[str, Document]:
    """The metadata of the documents with these ids (the first row of each), for dating and counting sources."""
    wanted = frozenset(vocab.document_iri(d).value for d in documents)
    found: dict[str, Document] = {}
    for _, doc in document_rows(store, wanted) if wanted else ():
        found.setdefault(doc.id, doc)
    return found


def health(store: GraphStore) -> Health:
    """Liveness, the store, and how much it holds."""
    documents = _count(store, "?d a kg:Document", "DISTINCT ?d")
    return Health(status="ok", store=store.description, documents=documents, triples=store.count_quads())


def list_entities(store: GraphStore, *, type: str | None, q: str | None, limit: int, offset: int) -> Page[Entity]:
    """Canonical entities of a type whose label or an alias contains ``q`` (any case), most mentioned first."""
    found = catalogue(store).search(type, q)
    return Page[Entity](items=[r.model() for r in found[offset:offset + limit]], total=len(found))


@dataclass
class EntityFacts:
    """What an entity's page lists: the record, and the facts of each list, already cut to the limit."""

    record: EntityRecord
    relations: list[tuple[int, list[str]]]  # relation index positions, with the matching assertion nodes
    made: list[str]
    received: list[str]
    events: list[str]
    documents: list[DocKey]  # activity index document rows

    def same_as(self) -> list[str]:
        """The other ids merged into the entity."""
        return sorted(local(m) for m in self.record.members if m != self.record.iri)


def find_entity(store: GraphStore, entity_id: str, limit: int) -> EntityFacts:
    """The entity an id (or an unambiguous label or alias) names, with the facts its page lists."""
    records = catalogue(store).resolve(entity_id)
    if not records:
        raise NotFoundError(f"no entity {entity_id!r}; list them with GET /entities?q=")
    record = records[0]
    members = set(record.members)
    index, activity, relation_index = criticism_index(store), activity_index(store), relations.relation_index(store)
    near = relation_index.find(None, None, None, members)[:limit]
    return EntityFacts(
        record,
        [(p, relation_index.matching(p, None, None, members)) for p in near],
        index.find(members, None, None, None)[:limit],
        index.find(None, members, None, None)[:limit],
        activity.events_of(members, limit),
        activity.document_keys(members, limit),
    )


def get_entity(store: GraphStore, entity_id: str, *, limit: int = 100) -> EntityDetail:
    """An entity (by any merged id, or an unambiguous label or alias) with what the graph says about it."""
    found = find_entity(store, entity_id, limit)
    relation_index, activity = relations.relation_index(store), activity_index(store)
    # Every fact is already rendered for this generation: no query per request.
    models = fact_models(store)
    return EntityDetail(
        **found.record.model().model_dump(),
        same_as=found.same_as(),
        relations=[_relation(models, relation_index, p, nodes) for p, nodes in found.relations],
        criticisms_made=render_criticisms(store, found.made),
        criticisms_received=render_criticisms(store, found.received),
        events=render_events(store, found.events),
        documents=[activity.rows[iri][k] for iri, k in found.documents],
    )


def find_criticisms(
    store: GraphStore, critic: str | None, target: str | None, since: str | None, until: str | None,
    limit: int, offset: int,
) -> tuple[list[str], int]:
    """One page of the criticisms matching the filters, newest first, and their total."""
    cat = catalogue(store)
    critics, targets = cat.members(critic), cat.members(target)
    if critics == set() or targets == set():
        return [], 0
    index = criticism_index(store)
    window = index.window(since, until, offset, limit) if critics is None and targets is None else None
    if window is not None:
        return window
    found = index.find(critics, targets, since, until)
    return found[offset : offset + limit], len(found)


def list_criticisms(
    store: GraphStore, *, critic: str | None, target: str | None, since: str | None, until: str | None,
    limit: int, offset: int,
) -> Page[Criticism]:
    """Criticisms, newest first; critic and target by id, label or alias; dates overlapping [since, until]."""
    found, total = find_criticisms(store, critic, target, since, until, limit, offset)
    return Page[Criticism](items=render_criticisms(store, found), total=total)


def _dated(crit: Criticism) -> DateRef | None:
    """The date a criticism is listed by: its date, else its reported date (one with a year, as the index has it)."""
    return next((d for d in (crit.date, crit.reported) if d is not None and not d.value.startswith("--")), None)


def criticism_pairs(
    store: GraphStore, *, critic: str | None, target: str | None, since: str | None, until: str | None,
    limit: int, offset: int,
) -> Page[CriticismPair]:
    """The criticisms matching the filters grouped by critic and target: most criticisms first, then latest."""
    found, _ = find_criticisms(store, critic, target, since, until, _MAX_OFFSET, 0)
    # [count, first, last, a criticism of the pair]; models are made for the page only (thousands of pairs).
    groups: dict[tuple[str, str], list] = {}
    for crit in render_criticisms(store, found):
        day = _dated(crit)
        group = groups.get((crit.critic.id, crit.target.id))
        if group is None:
            groups[(crit.critic.id, crit.target.id)] = [1, day, day, crit]
            continue
        group[0] += 1
        if day is not None:
            group[1] = day if group[1] is None or day.value < group[1].value else group[1]
            group[2] = day if group[2] is None or day.value > group[2].value else group[2]
    ordered = sorted(groups.items(), key=lambda item: item[0])
    ordered.sort(key=lambda item: (item[1][0], item[1][2].value if item[1][2] else ""), reverse=True)  # stable
    page = [
        CriticismPair(critic=crit.critic, target=crit.target, count=count, first=first, last=last)
        for _, (count, first, last, crit) in ordered[offset : offset + limit]
    ]
    return Page[CriticismPair](items=page, total=len(ordered))


def list_events(
    store: GraphStore, *, type: str | None, entity: str | None, since: str | None, until: str | None,
    limit: int, offset: int,
) -> Page[Event]:
    """Events, newest first, of a type and/or with a participant; one item per event however many report it."""
    cat = catalogue(store)
    members = cat.members(entity)
    if members == set():
        return Page[Event](items=[], total=0)
    where = _event_where(type, members, since, until)
    page = _page(store, where, _EVENT_ORDER, limit, offset)
    return Page[Event](items=_reported(store, render_events(store, page)), total=_count(store, where))


def _reported(store: GraphStore, events: list[Event]) -> list[Event]:
    """The events with ``reported``: the earliest publication date of the documents reporting them."""
    documents = source_documents(store, (s.document for e in events for s in e.sources))
    return [e.model_copy(update={"reported": earliest(documents[s.document].published for s in e.sources
                                                      if s.document in documents)}) for e in events]


def earliest(dates: Iterable[DateRef | None]) -> DateRef | None:
    """The earliest of the dates with a year (as the index compares their ISO text), else None."""
    dated = [d for d in dates if d is not None and not d.value.startswith("--")]
    return min(dated, key=lambda d: d.value) if dated else None


def list_relations(
    store: GraphStore, *, predicate: str | None, subject: str | None, object: str | None, limit: int, offset: int
) -> Page[Relation]:
    """Relations between canonical entities, each with every span supporting it."""
    groups = find_relations(store, predicate, subject, object, limit, offset)
    if groups is None:
        return Page[Relation](items=[], total=0)
    index, models = relations.relation_index(store), fact_models(store)
    return Page[Relation](items=[_relation(models, index, p, nodes) for p, nodes in groups[0]], total=groups[1])


def find_relations(
    store: GraphStore, predicate: str | None, subject: str | None, object: str | None, limit: int, offset: int
) -> tuple[list[tuple[int, list[str]]], int] | None:
    """One page of relations (index positions with their matching assertion nodes) and the total; None if none."""
    cat = catalogue(store)
    subjects, objects = cat.members(subject), cat.members(object)
    if subjects == set() or objects == set():
        return None
    index = relations.relation_index(store)
    found = index.find(predicate, subjects, objects)
    return [(p, index.matching(p, subjects, objects)) for p in found[offset : offset + limit]], len(found)


def list_documents(store: GraphStore, *, limit: int, offset: int) -> Page[Document]:
    """Documents' metadata, most recently ingested first."""
    total = _count(store, "?d a kg:Document", "DISTINCT ?d")
    return Page[Document](items=_documents(store, "", limit, offset), total=total)


def get_document(store: GraphStore, doc_id: str) -> DocumentDetail:
    """One document with its text."""
    try:
        where = _values("d", {vocab.document_iri(doc_id).value})
    except ValueError:  # not even a valid IRI, so certainly not a document
        where = ""
    found = [d for d in _documents(store, where, 1, 0, text=True) if isinstance(d, DocumentDetail)] if where else []
    if not found:
        raise NotFoundError(f"no document {doc_id!r}; list them with GET /documents")
    return found[0]
