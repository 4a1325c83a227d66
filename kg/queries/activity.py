"""Events by participant and documents by mentioned node, cached per store generation for the entity detail.

An entity's page listed its events and documents with a SELECT each (ordered, then cut to a limit); both are
now a filter over these indexes, in the same order, so the detail needs no query beyond its facts' properties.
After a write only the events, documents and mention counts it touched are read again.
"""

from __future__ import annotations

import sys
from collections import defaultdict
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
# An event several documents report (kg.clusters) is listed once, with the participants of every report.
_PARTICIPANTS = f"""
SELECT DISTINCT ?f ?x WHERE {{
  {{ ?f a ?type ; kg:participant ?pn FILTER(?type IN ({_TYPES})) }}
  UNION {{ ?m kg:sameEvent ?f . ?m kg:participant ?pn }}
  ?pn kg:entity ?x
}}"""
_REPRESENTATIVES = "SELECT DISTINCT ?f WHERE { ?m kg:sameEvent ?f }"
# How many mentionCount values each node has per document: the listing's join gave one row per value.
_MENTIONS = "SELECT ?e ?d (COUNT(?mc) AS ?n) WHERE { GRAPH ?d { ?e kg:mentionCount ?mc } } GROUP BY ?e ?d"


@dataclass
class ActivityIndex:
    """Events newest first with their positions by participant node; documents' rows and their mentions by node."""

    events: list[str]
    by_participant: dict[str, list[int]]
    documents: list[Document]
    document_rows: dict[str, list[int]]
    mentions: dict[str, dict[str, int]]
    # What was read, kept so that a write reads again only what it touched:
    dates: dict[str, tuple[str, ...]]  # event -> the dates it sorts by
    participants: dict[str, frozenset[str]]  # event -> participant nodes
    rows: dict[str, tuple[Document, ...]]  # document IRI -> its listing rows
    keys: list[tuple[str, int]]  # per position in ``documents``: the document IRI and its row's rank in ``rows``
    by_document: dict[str, dict[str, int]]  # document IRI -> node -> mention count rows

    def events_of(self, members: set[str], limit: int) -> list[str]:
        """The first ``limit`` events (newest first) with a participant among the nodes."""
        positions = sorted({p for m in members for p in self.by_participant.get(m, ())})
        return [self.events[p] for p in positions[:limit]]

    def documents_of(self, members: set[str], limit: int) -> list[Document]:
        """The first ``limit`` document rows mentioning the nodes, most recently ingested first."""
        return [self.documents[p] for p in self.document_positions(members, limit)]

    def document_positions(self, members: set[str], limit: int) -> list[int]:
        """Positions in ``documents`` of the first ``limit`` rows mentioning the nodes, most recent first.

        A document appears once per mention count of each node mentioned in it, as the joined SELECT gave it.
        """
        times: dict[int, int] = defaultdict(int)
        for member in members:
            for doc, n in self.mentions.get(member, {}).items():
                for position in self.document_rows.get(doc, ()):
                    times[position] += n
        found: list[int] = []
        for position in sorted(times):
            found.extend([position] * times[position])
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
    for r in select(store, _restrict(_PARTICIPANTS, "f", only)):
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
    return _index(dates, participants, _read_documents(store, None), dict(mentions), by_document)


def update_index(old: ActivityIndex, store: GraphStore, delta: Delta) -> ActivityIndex:
    """The index after a write: the events, document rows and mention counts it touched read again.

    Notes ``documents`` for the parts after it: the document IRIs whose rows changed.
    """
    # A touched report of a merged event changes what the event it is merged into shows.
    merged = {value(r["f"]) or "" for r in select(store, _restrict(_REPRESENTATIVES, "m", delta.touched))}
    events = delta.touched | merged if merged else delta.touched
    fresh_dates, fresh_participants = _read_events(store, events)
    dates = _replaced(old.dates, events, fresh_dates)
    participants = _replaced(old.participants, events, fresh_participants)
    fresh_rows = _read_documents(store, delta.touched)
    rows = _replaced(old.rows, delta.touched, fresh_rows)
    delta.notes["documents"] = {d for d in delta.touched if old.rows.get(d) != rows.get(d)}
    mentions, by_document = old.mentions, old.by_document
    if not delta.resolution:
        counts = _read_mentions(store, delta.graph).get(delta.graph, {})
        if counts != old.by_document.get(delta.graph, {}):
            mentions, by_document = _remention(old, delta.graph, counts)
    if (dates, participants, rows, mentions) == (old.dates, old.participants, old.rows, old.mentions):
        return old
    new = _index(
        dates, participants, rows, mentions, by_document,
        events=old if dates is old.dates and participants is old.participants else None,
        documents=old if rows is old.rows else None,
    )  # fmt: skip
    return new


def _replaced(old: dict, touched: frozenset[str], fresh: dict) -> dict:
    """``old`` with the touched keys read again; ``old`` itself when nothing differs."""
    if all(old.get(k) == fresh.get(k) for k in touched):
        return old
    new = {k: v for k, v in old.items() if k not in touched}
    new.update(fresh)
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


def _index(
    dates: dict[str, tuple[str, ...]],
    participants: dict[str, frozenset[str]],
    rows: dict[str, tuple[Document, ...]],
    mentions: dict[str, dict[str, int]],
    by_document: dict[str, dict[str, int]],
    *,
    events: ActivityIndex | None = None,
    documents: ActivityIndex | None = None,
) -> ActivityIndex:
    """Events newest first (DESC(?when) ?f; an event with several dates at its latest) and documents most
    recently ingested first (DESC(?ingested) ?d), with their positions.

    ``events`` and ``documents``: an index whose events, or documents, are these already, to take them from.
    """
    if events is None:
        ordered = sorted(((f, when) for f, whens in dates.items() for when in whens), key=lambda r: r[0])
        ordered.sort(key=lambda r: r[1], reverse=True)
        event_list = list(dict.fromkeys(f for f, _ in ordered))
        position = {f: p for p, f in enumerate(event_list)}
        by_participant: dict[str, list[int]] = defaultdict(list)
        for f, nodes in participants.items():
            if f in position:
                for x in nodes:
                    by_participant[x].append(position[f])
        participating = {node: sorted(ps) for node, ps in by_participant.items()}
    else:
        event_list, participating = events.events, events.by_participant
    if documents is None:
        keys = sorted(((iri, k) for iri, found in rows.items() for k in range(len(found))), key=lambda key: key[0])
        keys.sort(key=lambda key: _ingested(rows[key[0]][key[1]]))
        document_rows: dict[str, list[int]] = defaultdict(list)
        for p, (iri, _) in enumerate(keys):
            document_rows[iri].append(p)
        listed, placed = [rows[iri][k] for iri, k in keys], dict(document_rows)
    else:
        keys, listed, placed = documents.keys, documents.documents, documents.document_rows
    return ActivityIndex(
        event_list,
        participating,
        listed,
        placed,
        mentions,
        dates,
        participants,
        rows,
        keys,
        by_document,
    )


def _ingested(document: Document) -> tuple[int, float]:
    """The sort key of DESC(?ingested): the latest first, undated ones last."""
    at = document.ingested_at
    return (0, -at.timestamp()) if at is not None else (1, 0.0)


def activity_index(store: GraphStore) -> ActivityIndex:
    """The index of the store's snapshot."""
    return derived(store, "activity")


PART = Part("activity", build_index, update_index)
