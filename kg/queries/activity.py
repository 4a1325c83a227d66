"""Events by participant and documents by mentioned node, cached per store generation for the entity detail.

An entity's page listed its events and documents with a SELECT each (ordered, then cut to a limit); both are
now a filter over these indexes, in the same order, so the detail needs no query beyond its facts' properties.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass

from kg.model import EVENT_TYPES
from kg.queries.dates import when
from kg.queries.entities import derived
from kg.queries.terms import as_int, select, value
from kg.queries.views import Document
from kg.store.base import GraphStore

_TYPES = " ".join(f"kg:{t}" for t in EVENT_TYPES)
_EVENTS = f"""
SELECT DISTINCT ?f ?when WHERE {{
  VALUES ?type {{ {_TYPES} }} ?f a ?type . OPTIONAL {{ ?f kg:date ?date }} {when("when", "date")}
}}"""
_PARTICIPANTS = f"""
SELECT DISTINCT ?f ?x WHERE {{ VALUES ?type {{ {_TYPES} }} ?f a ?type ; kg:participant ?pn . ?pn kg:entity ?x }}"""
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


def build_index(store: GraphStore) -> ActivityIndex:
    """Read every event, participant, document and mention count once."""
    from kg.queries.reads import all_documents  # reads imports this module

    intern = sys.intern
    rows = sorted(((value(r["f"]) or "", value(r["when"]) or "") for r in select(store, _EVENTS)), key=lambda r: r[0])
    rows.sort(key=lambda r: r[1], reverse=True)  # DESC(?when) ?f; an event with several dates sits at its latest
    events = list(dict.fromkeys(intern(f) for f, _ in rows))
    position = {f: p for p, f in enumerate(events)}
    by_participant: dict[str, set[int]] = defaultdict(set)
    for r in select(store, _PARTICIPANTS):
        by_participant[intern(value(r["x"]) or "")].add(position[value(r["f"]) or ""])
    iris, documents = all_documents(store)
    document_rows: dict[str, list[int]] = defaultdict(list)
    for p, iri in enumerate(iris):
        document_rows[iri].append(p)
    mentions: dict[str, dict[str, int]] = defaultdict(dict)
    for r in select(store, _MENTIONS):
        mentions[intern(value(r["e"]) or "")][intern(value(r["d"]) or "")] = as_int(r["n"])
    return ActivityIndex(
        events,
        {node: sorted(ps) for node, ps in by_participant.items()},
        documents,
        dict(document_rows),
        dict(mentions),
    )


def activity_index(store: GraphStore) -> ActivityIndex:
    """The index of the store as it is now, built once per generation."""
    return derived(store, "activity", build_index)
