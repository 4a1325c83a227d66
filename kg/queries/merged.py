"""Events and criticisms that several documents report, shown as one item with every source.

Resolution links each member of such a cluster to its representative (``kg:sameEvent``, ``kg:sameCriticism`` in the
resolution graph, see :mod:`kg.clusters`). The read side renders every fact node on its own (``FactModels``) and
lists representatives only; here a representative's item is assembled from its members' rendered models: all
their sources and participants, the best-stated date and figures, and how many documents and outlets report it.
The values each document gives stay on its member's model, where ``/conflicts`` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.clusters import SAME_CRITICISM, SAME_EVENT
from kg.model import DateRef, Money
from kg.queries.terms import RESOLUTION, select, value
from kg.queries.views import Criticism, Event, Participant, Source
from kg.store.base import GraphStore

_LINKS = f"""SELECT ?m ?r WHERE {{ GRAPH {RESOLUTION} {{
  VALUES ?p {{ {SAME_EVENT} {SAME_CRITICISM} }} ?m ?p ?r }} }}"""
_PRECISION = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Clusters:
    """Members of each cluster by representative, and the representative of each member."""

    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rep -> every member, rep first
    rep_of: dict[str, str] = field(default_factory=dict)  # member (not the rep) -> rep

    def of(self, iri: str) -> tuple[str, ...]:
        """The nodes a listed fact stands for: its cluster's members, or itself alone."""
        return self.members.get(iri, (iri,))

    def related(self, iris: Iterable[str]) -> set[str]:
        """The representatives and members of the clusters these nodes belong to (themselves included)."""
        found = set(iris)
        reps = {self.rep_of.get(i, i) for i in found}
        return found | reps | {m for r in reps for m in self.members.get(r, ())}


def read_clusters(store: GraphStore) -> Clusters:
    """The clusters the resolution graph links (one SELECT)."""
    grouped: dict[str, list[str]] = {}
    rep_of: dict[str, str] = {}
    for row in select(store, _LINKS):
        member, rep = value(row["m"]) or "", value(row["r"]) or ""
        rep_of[member] = rep
        grouped.setdefault(rep, []).append(member)
    return Clusters({r: (r, *sorted(ms)) for r, ms in grouped.items()}, rep_of)


def _date_rank(date: DateRef) -> tuple[bool, int]:
    """Stated before inferred, then finer before coarser."""
    return (date.inferred or date.value.startswith("--"), _PRECISION.get(date.precision, 3))


def best_date(dates: Iterable[DateRef | None]) -> DateRef | None:
    """The best-stated of the dates (in member order on ties)."""
    known = [d for d in dates if d is not None]
    return min(known, key=_date_rank) if known else None


def _best_money(figures: Iterable[Money | None]) -> Money | None:
    """An exact figure before an approximate one (in member order on ties)."""
    known = [m for m in figures if m is not None]
    return min(known, key=lambda m: m.approximate) if known else None


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _sources(parts: Iterable[Event | Criticism]) -> list[Source]:
    unique = {s for p in parts for s in p.sources}
    return sorted(unique, key=lambda s: (s.document, s.start, s.end, s.sentence))


Publisher = Callable[[str], str | None]


def _counts(sources: list[Source], publisher: Publisher) -> dict[str, int]:
    """How many documents and outlets the sources come from; a document naming no publisher is an outlet alone."""
    documents = sorted({s.document for s in sources})
    outlets = {(publisher(d) or "").casefold() or f"doc:{d}" for d in documents}
    return {"document_count": len(documents), "outlet_count": len(outlets)}


def merge_events(parts: list[Event], publisher: Publisher) -> Event:
    """One event from its members' models (the representative first): all sources and participants."""
    head = parts[0]
    participants: dict[tuple[str, str], Participant] = {}
    for part in parts:
        for p in part.participants:
            participants.setdefault((p.role, p.entity.id), p)
    sources = _sources(parts)
    return head.model_copy(update={
        "title": _first(p.title for p in parts),
        "date": best_date(p.date for p in parts),
        "participants": list(participants.values()),
        "amount": _best_money(p.amount for p in parts),
        "valuation": _best_money(p.valuation for p in parts),
        "rules": sorted({p.rule for p in parts if p.rule}),
        "same_as": [p.id for p in parts[1:]],
        "sources": sources,
        **_counts(sources, publisher),
    })  # fmt: skip


def merge_criticisms(parts: list[Criticism], publisher: Publisher) -> Criticism:
    """One criticism from its members' models (the representative first): all sources, the earliest report."""
    head = parts[0]
    reported = [p.reported for p in parts if p.reported is not None and not p.reported.value.startswith("--")]
    sources = _sources(parts)
    return head.model_copy(update={
        "quote": head.quote or _first(p.quote for p in parts),
        "date": best_date(p.date for p in parts),
        "reported": min(reported, key=lambda d: d.value) if reported else head.reported,
        "rules": sorted({p.rule for p in parts if p.rule}),
        "same_as": [p.id for p in parts[1:]],
        "sources": sources,
        **_counts(sources, publisher),
    })  # fmt: skip
