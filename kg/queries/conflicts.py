"""Where documents disagree: funding amounts and valuations, holders of one-person offices, authors, claimed figures.

Each conflict lists every value with the spans stating it, so a reader can judge which source to trust. An event
several documents report is one listed item (:mod:`kg.queries.merged`); its values are read here per document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal, get_args

from kg import vocab
from kg.queries.claims import list_claims, measures
from kg.queries.dates import overlaps
from kg.queries.facts import fact_models
from kg.queries.reads import list_events, list_relations
from kg.queries.views import Claim, Conflict, ConflictValue, EntityRef, Event, Money, Page, Source
from kg.store.base import GraphStore

ConflictKind = Literal["funding_amount", "funding_valuation", "role_holder", "publication_authors", "claim_values"]
KINDS: tuple[str, ...] = get_args(ConflictKind)
_ALL = 1_000_000
# Two figures within this relative distance are the same figure told differently (rounding, "nearly").
_TOLERANCE = 0.02
# Claimed figures of one measure disagree when further apart than this (relative to the larger): "about 40%"
# against "42%" is the same claim told differently, 40% against 60% is a dispute.
_CLAIM_TOLERANCE = 0.10
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# Offices one person holds at a time; "co-founder" or "researcher" legitimately have many holders.
_EXCLUSIVE_ROLE = re.compile(r"^(ceo|cto|cfo|coo|cso|cpo|president|chair(man|woman|person)?|chief\b.*)$")


def _documents(sources: Iterable[Source]) -> set[str]:
    return {s.document for s in sources}


def _merge_sources(*groups: Iterable[Source]) -> list[Source]:
    return sorted({s for group in groups for s in group}, key=lambda s: (s.document, s.start, s.end))


def _money_text(money: Money) -> str:
    return f"{'~' if money.approximate else ''}{money.value:,.0f} {money.currency}"


def _per_document(store: GraphStore, events: Iterable[Event]) -> list[Event]:
    """Each listed event as the documents reporting it state it: its cluster members' own models."""
    models = fact_models(store)
    found = []
    for event in events:
        members = [e for m in models.clusters.of(vocab.resource(event.id).value) if (e := models.event(m)) is not None]
        found += members or [event]
    return found


def _rounds(events: list[Event]) -> list[list[Event]]:
    """Group one recipient's funding events into rounds: events whose dates can name the same day."""
    rounds: list[list[Event]] = []
    for event in sorted(events, key=lambda e: (e.date.value if e.date else "", e.id)):
        day = event.date.value if event.date else None
        home = next((r for r in rounds if all(overlaps(day, e.date.value if e.date else None) for e in r)), None)
        if home is None:
            rounds.append([event])
        else:
            home.append(event)
    return rounds


def _money_values(stated: list[tuple[Money, list[Source]]]) -> list[ConflictValue]:
    """Distinct figures (within the tolerance, same currency), each with its sources."""
    values: list[tuple[Money, list[Source]]] = []
    for money, sources in sorted(stated, key=lambda m: (m[0].currency, m[0].value)):
        last = values[-1][0] if values else None
        if last and last.currency == money.currency and money.value - last.value <= _TOLERANCE * abs(last.value):
            values[-1] = (last, _merge_sources(values[-1][1], sources))
        else:
            values.append((money, list(sources)))
    return [ConflictValue(value=_money_text(m), money=m, sources=s) for m, s in values]


def _disputed(values: list[ConflictValue]) -> bool:
    """More than one value, stated by more than one document."""
    return len(values) > 1 and len(_documents(s for v in values for s in v.sources)) > 1


def funding_conflicts(store: GraphStore) -> list[Conflict]:
    """Funding rounds of the same recipient whose amount or valuation differ between documents."""
    by_recipient: dict[str, tuple[EntityRef, list[Event]]] = {}
    events = list_events(store, type="FundingRound", entity=None, since=None, until=None, limit=_ALL, offset=0)
    for event in events.items:
        for p in event.participants:
            if p.role.lower() == "recipient":
                by_recipient.setdefault(p.entity.id, (p.entity, []))[1].append(event)
    conflicts = []
    for recipient, events in by_recipient.values():
        for round_events in _rounds(events):
            for field in ("amount", "valuation"):
                reports = _per_document(store, round_events)
                stated = [(getattr(e, field), e.sources) for e in reports if getattr(e, field) is not None]
                values = _money_values(stated)
                if _disputed(values):
                    key = f"{field} of {round_events[0].label}"
                    conflicts.append(Conflict(kind=f"funding_{field}", subject=recipient, key=key, values=values))
    return conflicts


def role_conflicts(store: GraphStore) -> list[Conflict]:
    """One-person offices (CEO, chair, chief ...) that documents give to different people."""
    holders: dict[tuple[str, str], tuple[EntityRef, str, dict[str, ConflictValue]]] = {}
    relations = list_relations(store, predicate="affiliated_with", subject=None, object=None, limit=_ALL, offset=0)
    for rel in relations.items:
        role = " ".join((rel.role or "").lower().split())
        if not _EXCLUSIVE_ROLE.match(role):
            continue
        _, _, people = holders.setdefault((rel.object.id, role), (rel.object, rel.role or role, {}))
        known = people.get(rel.subject.id)
        sources = _merge_sources(known.sources if known else [], rel.sources)
        people[rel.subject.id] = ConflictValue(value=rel.subject.label, entities=[rel.subject], sources=sources)
    return [
        Conflict(kind="role_holder", subject=org, key=role, values=list(people.values()))
        for org, role, people in holders.values()
        if _disputed(list(people.values()))
    ]


def publication_conflicts(store: GraphStore) -> list[Conflict]:
    """Publications with the same title whose documents name different authors."""
    authored: dict[str, dict[str, EntityRef]] = defaultdict(dict)
    authored_sources: dict[str, list[Source]] = defaultdict(list)
    for rel in list_relations(store, predicate="authored", subject=None, object=None, limit=_ALL, offset=0).items:
        authored[rel.object.id][rel.subject.id] = rel.subject
        authored_sources[rel.object.id].extend(rel.sources)
    by_title: dict[str, dict[frozenset[str], ConflictValue]] = defaultdict(dict)
    titles: dict[str, str] = {}
    events = list_events(store, type="Publication", entity=None, since=None, until=None, limit=_ALL, offset=0)
    for event in _per_document(store, events.items):
        title = event.title or event.label
        key = " ".join(title.casefold().split())
        authors = dict(authored[event.id])
        authors.update({p.entity.id: p.entity for p in event.participants if p.role.lower() == "author"})
        if not authors:
            continue
        titles.setdefault(key, title)
        variant = frozenset(authors)
        known = by_title[key].get(variant)
        sources = _merge_sources(known.sources if known else [], event.sources, authored_sources[event.id])
        refs = sorted(authors.values(), key=lambda r: r.label)
        by_title[key][variant] = ConflictValue(value=", ".join(r.label for r in refs), entities=refs, sources=sources)
    return [
        Conflict(kind="publication_authors", subject=None, key=titles[key], values=list(variants.values()))
        for key, variants in by_title.items()
        if _disputed(list(variants.values()))
    ]


def _claim_value(claim: Claim, value: float, unit: str) -> ConflictValue:
    """One claimed figure, with its claimant and the spans stating it."""
    money = Money(value=value, currency=unit) if _CURRENCY.match(unit) else None
    return ConflictValue(value=f"{value:,.12g} {unit}", money=money, entities=[claim.claimant], sources=claim.sources)


def _claims_disagree(figures: Iterable[tuple[str, float]]) -> bool:
    """Whether two claimants (the first of each pair) give figures further apart than the tolerance."""
    pairs = list(figures)
    return any(a != b and abs(x - y) > _CLAIM_TOLERANCE * max(abs(x), abs(y)) for a, x in pairs for b, y in pairs)


def claim_conflicts(store: GraphStore) -> list[Conflict]:
    """Claims of different claimants about one entity and one measure, in one unit, more than 10% apart.

    The measure comes from the statement's words (revenue, users, valuation, ...: kg.queries.claims.measures), so
    a company's revenue and a critic's figure for its losses are not a dispute; figures whose statements name no
    measure are compared with each other.
    """
    found: dict[tuple[str, str, str], tuple[EntityRef, dict[tuple[str, float], ConflictValue]]] = {}
    claims = list_claims(store, claimant=None, about=None, limit=_ALL, offset=0).items
    for claim in claims:
        for about, quantity, measure in _measured(claim):
            _, stated = found.setdefault((about.id, quantity.unit, measure), (about, {}))
            key = (claim.claimant.id, quantity.value)
            known = stated.get(key)
            value = _claim_value(claim, quantity.value, quantity.unit)
            if known is not None:  # the same figure from the same claimant in another claim: one value
                value = value.model_copy(update={"sources": _merge_sources(known.sources, value.sources)})
            stated[key] = value
    return [
        Conflict(kind="claim_values", subject=about,
                 key=f"{f'{measure} in ' if measure else ''}{unit} claimed about {about.label}",
                 values=[v for _, v in sorted(stated.items(), key=lambda kv: (kv[1].entities[0].label, kv[0][1]))])
        for (_, unit, measure), (about, stated) in found.items()
        if _claims_disagree(stated)
    ]  # fmt: skip


def _measured(claim: Claim) -> Iterable[tuple[EntityRef, Any, str]]:
    """Each (entity it is about, figure, measure) of a claim; the measure is '' when its statement names none."""
    for measure in sorted(measures(claim.text)) or [""]:
        for about in claim.about:
            for quantity in claim.quantities:
                yield about, quantity, measure


def list_conflicts(store: GraphStore, *, kind: str | None, limit: int, offset: int) -> Page[Conflict]:
    """Every disagreement between documents, optionally of one kind."""
    found: list[Conflict] = []
    if kind in (None, "funding_amount", "funding_valuation"):
        found += funding_conflicts(store)
    if kind in (None, "role_holder"):
        found += role_conflicts(store)
    if kind in (None, "publication_authors"):
        found += publication_conflicts(store)
    if kind in (None, "claim_values"):
        found += claim_conflicts(store)
    found = sorted((c for c in found if kind is None or c.kind == kind), key=lambda c: (c.kind, c.key.casefold()))
    return Page[Conflict](items=found[offset:offset + limit], total=len(found))
