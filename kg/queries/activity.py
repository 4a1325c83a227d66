"""Events by participant and documents by mentioned node, cached per store generation for the entity detail.

An entity's page listed its events and documents with a SELECT each (ordered, then cut to a limit); both are
now a filter over these indexes, in the same order, so the detail needs no query beyond its facts' properties.
After a write only the events, documents and mention counts it touched are read again.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import EVENT_TYPES
from kg.queries.dates import when
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import as_int, iris, select, value
from kg.queries.views import Document
from kg.store.base import GraphStore

# Types as a FILTER, not a VALUES block, for the reason given at kg.queries.entities._KINDS.
_TYPES = ", ".join(f"kg:{t}" for t in EVENT_TYPES)
_EVENTS = f"""
SELECT DISTINCT ?f ?when WHERE {{
  ?f a ?type FILTER(?type IN ({_TYPES})) FILTER NOT EXISTS {{ ?f kg:sameEvent ?representative }}
  OPTIONAL {{ ?f kg:date ?date }} {when("when", "date")}
}}"""
# An event several documents report (kg.clusters) is listed once, with the participants of every report: its
# own, then its reports'. Two SELECTs, not one UNION joined to ``?pn kg:entity ?x``: pyoxigraph evaluated that join
# in time that grew with the square of the store (0.6 s at 1k synthetic articles, 5.6 s at 3k, a minute at 10k);
# the two take 0.35 s at 3k.
_PARTICIPANTS = (
    f"SELECT DISTINCT ?f ?x WHERE {{ ?f a ?type ; kg:participant ?pn FILTER(?type IN ({_TYPES})) ?pn kg:entity ?x }}",
    "SELECT DISTINCT ?f ?x WHERE { ?m kg:sameEvent ?f . ?m kg:participant ?pn . ?pn kg:entity ?x }",
)
_REPRESENTATIVES = "SELECT DISTINCT ?f WHERE { ?m kg:sameEvent ?f }"
# How many mentionCount values each node has per document: the listing's join gave one row per value.
_MENTIONS = "SELECT ?e ?d (COUNT(?mc) AS ?n) WHERE { GRAPH ?d { ?e kg:mentionCount ?mc } } GROUP BY ?e ?d"


DocKey = tuple[str, int]  # a document IRI and the rank of one of its listing rows in ``ActivityIndex.rows``


@dataclass
class ActivityIndex:
    """Events newest first, and by participant node; documents' rows and their mention counts by node.

    Lists hold IRIs, not positions in one ordered whole: a write then moves only the events it touched, where
    renumbering every position (and sorting every document) took 0.1 s a write at a million triples.
    """

    events: list[str]  # DESC(?when) ?f: an event with several dates at its latest
    by_participant: dict[str, list[str]]  # participant node -> its events, in the order of ``events``
    mentions: dict[str, dict[str, int]]  # node -> document IRI -> mention count rows
    # What was read, kept so that a write reads again only what it touched:
    dates: dict[str, tuple[str, ...]]  # event -> the dates it sorts by, ascending
    participants: dict[str, frozenset[str]]  # event -> participant nodes
    rows: dict[str, tuple[Document, ...]]  # document IRI -> its listing rows
    by_document: dict[str, dict[str, int]]  # document IRI -> node -> mention count rows

    def events_of(self, members: set[str], limit: int) -> list[str]:
        """The first ``limit`` events (newest first) with a participant among the nodes."""
        lists = [self.by_participant[m] for m in members if m in self.by_participant]
        if len(lists) == 1:
            return lists[0][:limit]
        return _in_order({f for found in lists for f in found}, self.dates)[:limit]

    def documents_of(self, members: set[str], limit: int) -> list[Document]:
        """The first ``limit`` document rows mentioning the nodes, most recently ingested first."""
        return [self.rows[iri][k] for iri, k in self.document_keys(members, limit)]

    def document_keys(self, members: set[str], limit: int) -> list[DocKey]:
        """The first ``limit`` document rows mentioning the nodes (most recently ingested first), as keys.

        A document appears once per mention count of each node mentioned in it, as the joined SELECT gave it.
        """
        times: dict[DocKey, int] = defaultdict(int)
        for member in members:
            for doc, n in self.mentions.get(member, {}).items():
                for k in range(len(self.rows.get(doc, ()))):
                    times[doc, k] += n
        keys = sorted(times)
        keys.sort(key=lambda key: _ingested(self.rows[key[0]][key[1]]))  # stable: ties by IRI and rank
        found: list[DocKey] = []
        for key in keys:
            found.extend([key] * times[key])
            if len(found) >= limit:
                break
        return found[:limit]


def _restrict(query: str, var: str, only: frozenset[str] | None) -> str:
    return query if only is None else query.replace("WHERE {", f"WHERE {{ VALUES ?{var} {{ {iris(sorted(only))} }}", 1)


def _read_events(store: GraphStore, only: frozenset[str] | None) -> tuple[dict, dict]:
    """Events' dates and participants (of the events among ``only`` when given)."""
    dates: dict[str, list[str]] = defaultdict(list)
    for r in select(store, _restrict(_EVENTS, "f", only)):
        dates[sys.intern(value(r["f"]) or "")].append(value(r["when"]) or "")
    participants: dict[str, set[str]] = defaultdict(set)
    for query in _PARTICIPANTS:
        for r in select(store, _restrict(query, "f", only)):
            participants[sys.intern(value(r["f"]) or "")].add(sys.intern(value(r["x"]) or ""))
    return (
        {f: tuple(sorted(found)) for f, found in dates.items()},
        {f: frozenset(found) for f, found in participants.items()},
    )


def _read_documents(store: GraphStore, only: frozenset[str] | None) -> dict[str, tuple[Document, ...]]:
    """Documents' listing rows (of the documents among ``only`` when given), by document IRI."""
    from kg.queries.reads import document_rows  # reads imports this module

    rows: dict[str, list[Document]] = defaultdict(list)
    for iri, model in document_rows(store, only):
        rows[sys.intern(iri)].append(model)
    return {iri: tuple(found) for iri, found in rows.items()}


def _read_mentions(store: GraphStore, graph: str | None) -> dict[str, dict[str, int]]:
    """Mention count rows by document and node (of one document graph when given)."""
    query = _MENTIONS if graph is None else _restrict(_MENTIONS, "d", frozenset([graph]))
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for r in select(store, query):
        found[sys.intern(value(r["d"]) or "")][sys.intern(value(r["e"]) or "")] = as_int(r["n"])
    return dict(found)


def build_index(store: GraphStore) -> ActivityIndex:
    """Read every event, participant, document and mention count once."""
    dates, participants = _read_events(store, None)
    by_document = _read_mentions(store, None)
    mentions: dict[str, dict[str, int]] = defaultdict(dict)
    for d, counts in by_document.items():
        for e, n in counts.items():
            mentions[e][d] = n
    events = _in_order(dates, dates)
    by_participant: dict[str, list[str]] = defaultdict(list)
    for f in events:
        for x in participants.get(f, ()):
            by_participant[x].append(f)
    return ActivityIndex(
        events, dict(by_participant), dict(mentions), dates, participants, _read_documents(store, None), by_document
    )


def update_index(old: ActivityIndex, store: GraphStore, delta: Delta) -> ActivityIndex:
    """The index after a write: the events, document rows and mention counts it touched read again and moved.

    Notes ``documents`` for the parts after it: the document IRIs whose rows changed.
    """
    # A touched report of a merged event changes what the event it is merged into shows.
    merged = {value(r["f"]) or "" for r in select(store, _restrict(_REPRESENTATIVES, "m", delta.touched))}
    touched = delta.touched | merged if merged else delta.touched
    fresh_dates, fresh_participants = _read_events(store, touched)
    dates = _replaced(old.dates, touched, fresh_dates)
    participants = _replaced(old.participants, touched, fresh_participants)
    rows = _replaced(old.rows, delta.touched, _read_documents(store, delta.touched))
    delta.notes["documents"] = {d for d in delta.touched if old.rows.get(d) != rows.get(d)}
    mentions, by_document = old.mentions, old.by_document
    if not delta.resolution:
        counts = _read_mentions(store, delta.graph).get(delta.graph, {})
        if counts != old.by_document.get(delta.graph, {}):
            mentions, by_document = _remention(old, delta.graph, counts)
    if (dates, participants, rows, mentions) == (old.dates, old.participants, old.rows, old.mentions):
        return old
    events, by_participant = old.events, old.by_participant
    if dates is not old.dates or participants is not old.participants:
        changed = {f for f in touched if _event(old.dates, old.participants, f) != _event(dates, participants, f)}
        events, by_participant = _moved_events(old, dates, participants, changed)
    return ActivityIndex(events, by_participant, mentions, dates, participants, rows, by_document)


def _event(dates: dict[str, tuple[str, ...]], participants: dict[str, frozenset[str]], f: str) -> tuple:
    return dates.get(f), participants.get(f)


def _moved_events(
    old: ActivityIndex, dates: dict[str, tuple[str, ...]], participants: dict[str, frozenset[str]], changed: set[str]
) -> tuple[list[str], dict[str, list[str]]]:
    """The event list and participant lists with the changed events taken out and put back where they now go."""
    events = list(old.events)
    for f in changed & old.dates.keys():
        at = _place(events, f, old.dates)
        assert events[at] == f, "an event the index lists is missing from it"
        del events[at]
    for f in changed & dates.keys():
        events.insert(_place(events, f, dates), f)
    by_participant = dict(old.by_participant)
    for x in {x for f in changed for x in old.participants.get(f, frozenset()) | participants.get(f, frozenset())}:
        kept = [f for f in old.by_participant.get(x, ()) if f not in changed]
        for f in changed:
            if f in dates and x in participants.get(f, ()):
                kept.insert(_place(kept, f, dates), f)
        if kept:
            by_participant[x] = kept
        else:
            by_participant.pop(x, None)
    return events, by_participant


def _place(events: list[str], event: str, dates: dict[str, tuple[str, ...]]) -> int:
    """Where an event goes in a list in listing order: latest date first, then by IRI."""
    latest = dates[event][-1]
    lo, hi = 0, len(events)
    while lo < hi:
        mid = (lo + hi) // 2
        other = events[mid]
        when = dates[other][-1]
        if when > latest or (when == latest and other < event):
            lo = mid + 1
        else:
            hi = mid
    return lo


def _in_order(events: Iterable[str], dates: dict[str, tuple[str, ...]]) -> list[str]:
    """The events in listing order: latest date first (DESC(?when)), then by IRI."""
    ordered = sorted(events)
    ordered.sort(key=lambda f: dates[f][-1], reverse=True)  # stable: equal dates keep the IRI order
    return ordered


def _replaced(old: dict, touched: frozenset[str], fresh: dict) -> dict:
    """``old`` with the touched keys read again; ``old`` itself when nothing differs."""
    if all(old.get(k) == fresh.get(k) for k in touched):
        return old
    new = dict(old)  # copied in C, then only the touched keys changed
    for k in touched:
        if k in fresh:
            new[k] = fresh[k]
        else:
            new.pop(k, None)
    return new


def _remention(old: ActivityIndex, graph: str, counts: dict[str, int]) -> tuple[dict, dict]:
    """The mention maps with one document's counts replaced; inner maps copied only where they change."""
    mentions = dict(old.mentions)
    for e in old.by_document.get(graph, {}).keys() | counts.keys():
        inner = {d: n for d, n in mentions.get(e, {}).items() if d != graph}
        if e in counts:
            inner[graph] = counts[e]
        if inner:
            mentions[e] = inner
        else:
            mentions.pop(e, None)
    by_document = dict(old.by_document)
    if counts:
        by_document[graph] = counts
    else:
        by_document.pop(graph, None)
    return mentions, by_document


def _ingested(document: Document) -> tuple[int, float]:
    """The sort key of DESC(?ingested): the latest first, undated ones last."""
    at = document.ingested_at
    return (0, -at.timestamp()) if at is not None else (1, 0.0)


def activity_index(store: GraphStore) -> ActivityIndex:
    """The index of the store's snapshot."""
    return derived(store, "activity")


PART = Part("activity", build_index, update_index)
