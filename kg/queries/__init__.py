"""The read side: entities, facts, documents and conflicts as the REST API presents them.

Everything is computed from the graph through the store protocol. What every read needs is kept in a snapshot
of the store (:mod:`kg.queries.snapshot`), moved on by each write without making readers wait: the
canonical-entity catalogue, indexes of criticisms, relations and activity, the rendered facts, and
(:mod:`kg.queries.rendered`) the JSON of each item the REST API has shown. A request pins one snapshot
(:func:`pin`) and reads it throughout.
"""

from __future__ import annotations

from kg.queries.claims import list_claims
from kg.queries.conflicts import KINDS as CONFLICT_KINDS
from kg.queries.conflicts import ConflictKind, list_conflicts
from kg.queries.entities import Catalogue, EntityRecord, build_catalogue, catalogue
from kg.queries.reads import (
    criticism_pairs,
    get_document,
    get_entity,
    health,
    list_criticisms,
    list_documents,
    list_entities,
    list_events,
    list_relations,
)
from kg.queries.snapshot import Pinned, latest, pin

__all__ = [
    "CONFLICT_KINDS",
    "Catalogue",
    "ConflictKind",
    "EntityRecord",
    "Pinned",
    "build_catalogue",
    "catalogue",
    "criticism_pairs",
    "get_document",
    "get_entity",
    "health",
    "latest",
    "list_claims",
    "list_conflicts",
    "list_criticisms",
    "list_documents",
    "list_entities",
    "list_events",
    "list_relations",
    "pin",
]
