"""The REST answers of the heaviest reads as JSON bytes, joined from items dumped once per store generation.

Building a page's pydantic models and dumping them was most of what ``/relations``, ``/criticisms`` and
``/entities/{id}`` cost per request once finding the page was an index lookup. Here each item (a criticism, an
event, a relation with all its assertions, a document row, an entity) is dumped to JSON the first time a request
shows it, and kept for the rest of the generation, so a request finds its ids, slices a page and joins bytes.

The bytes are exactly what dumping the model path's answer gives (``kg.queries.reads`` builds the same models):
``json.dumps`` of a list or object is its items' dumps joined with the compact separators, so each item is dumped
as the whole page would dump it. The memo is a part of each read snapshot (:mod:`kg.queries.snapshot`): after a
write the next snapshot keeps the fragments of everything the write did not change and drops the rest, so nothing
outlives the data it was rendered from; memory is bounded by the items shown, at most every item once.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from kg.queries import relations
from kg.queries.activity import ActivityIndex, DocKey, activity_index
from kg.queries.entities import EntityRecord, catalogue
from kg.queries.facts import FactModels, fact_models, render_criticisms, render_events
from kg.queries.listing import Listing
from kg.queries.persist import EARLY
from kg.queries.reads import find_criticisms, find_entity, find_relations
from kg.queries.snapshot import Delta, Part, Pinned, derived
from kg.store.base import GraphStore


def dumps(content: Any) -> bytes:
    """JSON as the REST API writes it: compact, UTF-8 as is, no NaN (what FastAPI's JSONResponse does)."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


def dump_model(model: BaseModel) -> bytes:
    """A model as the REST API writes it when it is the response_model."""
    return dumps(model.model_dump(mode="json", by_alias=True))


def _join(fragments: list[bytes]) -> bytes:
    return b"[" + b",".join(fragments) + b"]"


def page(fragments: list[bytes], total: int) -> bytes:
    """A ``Page`` body from its items' fragments."""
    return b'{"items":' + _join(fragments) + b',"total":' + str(total).encode() + b"}"


class Fragments:
    """The JSON of items shown by the REST reads, each dumped once per generation, on first use.

    The memo dicts are filled by request threads without a lock: two threads racing on one item both dump it and
    store equal bytes, which is harmless, while a lock would serialise every request on the hot path.
    """

    def __init__(
        self,
        source: Callable[[], tuple[FactModels, relations.RelationIndex, ActivityIndex]],
        ends: dict[str, set[relations.Key]] | None = None,
    ) -> None:
        # The parts it renders from, fetched on first use: a server publishes its first snapshot with the
        # fragments before those parts are built (kg.queries.snapshot.start), and a listing of entities needs none.
        self._source = source
        self._parts: tuple[FactModels, relations.RelationIndex, ActivityIndex] | None = None
        self._criticisms: dict[str, bytes] = {}
        self._events: dict[str, bytes] = {}
        # A relation with every one of its assertions (what an unfiltered or predicate-only listing shows):
        # key -> (how many assertion nodes, bytes). A subset of them (a subject or object filter) is
        # rendered per request, so the memo stays one entry per relation. A count, not the nodes: the nodes asked
        # for are always a subset of the relation's, so an equal count is the full set, and a tuple of an int
        # and bytes is not tracked by the cyclic GC (nor are the bytes of every other memo).
        self._relations: dict[relations.Key, tuple[int, bytes]] = {}
        # The relation keys memoised under each subject and object: what a write that changes a node must drop,
        # found without walking the whole memo. Shared by every snapshot's memo and only ever a superset of what
        # the current one holds under a node (a key is added here before it enters a memo).
        self._ends: dict[str, set[relations.Key]] = {} if ends is None else ends
        self._documents: dict[tuple[str, int], bytes] = {}  # by activity-index document key (IRI, row)
        self._entities: dict[str, bytes] = {}

    @classmethod
    def of(
        cls,
        models: FactModels,
        index: relations.RelationIndex,
        activity: ActivityIndex,
        ends: dict[str, set[relations.Key]] | None = None,
    ) -> Fragments:
        """Fragments rendered from these parts (``ends``: the relation keys by node, shared with the last memo)."""
        return cls(lambda: (models, index, activity), ends)

    def _from(self) -> tuple[FactModels, relations.RelationIndex, ActivityIndex]:
        parts = self._parts
        if parts is None:  # two threads may both fetch them: the same parts, from one snapshot
            parts = self._parts = self._source()
        return parts

    @property
    def models(self) -> FactModels:
        """The fact models rendered from."""
        return self._from()[0]

    @property
    def index(self) -> relations.RelationIndex:
        """The relation index rendered from."""
        return self._from()[1]

    @property
    def activity(self) -> ActivityIndex:
        """The activity index rendered from."""
        return self._from()[2]

    def criticisms(self, store: GraphStore, iris: list[str]) -> list[bytes]:
        """The criticisms' fragments."""
        return self._memo(self._criticisms, iris, lambda missing: render_criticisms(store, missing))

    def events(self, store: GraphStore, iris: list[str]) -> list[bytes]:
        """The events' fragments."""
        return self._memo(self._events, iris, lambda missing: render_events(store, missing))

    def relation(self, position: int, nodes: list[str]) -> bytes:
        """The fragment of the relation at an index position, stated by the given assertion nodes."""
        key = self.index.keys[position]
        hit = self._relations.get(key)
        if hit is not None and hit[0] == len(nodes):
            return hit[1]
        predicate, subject, obj, _ = key
        fragment = dump_model(self.models.relation(subject, predicate, obj, nodes))
        if hit is None and len(nodes) == len(self.index.matching(position, None, None)):
            for end in (subject, obj):
                self._ends.setdefault(end, set()).add(key)
            self._relations[key] = (len(nodes), fragment)
        return fragment

    def documents(self, keys: list[DocKey]) -> list[bytes]:
        """The fragments of activity-index document rows."""
        found = []
        for key in keys:
            fragment = self._documents.get(key)
            if fragment is None:
                iri, k = key
                fragment = self._documents[key] = dump_model(self.activity.rows[iri][k])
            found.append(fragment)
        return found

    def entity(self, record: EntityRecord) -> bytes:
        """The listed form of an entity."""
        fragment = self._entities.get(record.iri)
        if fragment is None:
            fragment = self._entities[record.iri] = dump_model(record.model())
        return fragment

    @staticmethod
    def _memo(memo: dict[str, bytes], iris: list[str], render: Callable[[list[str]], list[Any]]) -> list[bytes]:
        missing = [f for f in dict.fromkeys(iris) if f not in memo]
        if missing:
            for f, model in zip(missing, render(missing), strict=True):
                memo[f] = dump_model(model)
        return [memo[f] for f in iris]


    def carried(
        self, models: FactModels, index: relations.RelationIndex, activity: ActivityIndex, delta: Delta
    ) -> Fragments:
        """The memo of the next snapshot: these fragments less those of what the write changed.

        Each memo is copied whole first (one C call, atomic under the GIL): readers of this snapshot may be adding
        to it meanwhile, and iterating a dict that grows raises.
        """
        new = Fragments.of(models, index, activity, self._ends)
        notes = delta.notes
        new._criticisms = _without(self._criticisms, notes["criticisms"])
        new._events = _without(self._events, notes["events"])
        new._entities = _without(self._entities, notes["records"])
        documents = dict(self._documents)
        new._documents = {k: f for k, f in documents.items() if k[0] not in notes["documents"]}
        stale = set(notes["relation_keys"])
        for f in notes["assertions"]:  # an assertion's roles or spans may have changed without its grouping
            for rows in (self.index.rows.get(f, ()), index.rows.get(f, ())):
                for s, o, pred, role in rows:
                    for ends in (self.index.ends, index.ends):
                        stale.update((pred, a, b, role) for a in ends.get(s, (s,)) for b in ends.get(o, (o,)))
        new._relations = memo = dict(self._relations)  # copied before the ends are read: see _ends
        for node in notes["nodes"] | notes["others"]:
            # Walking the memo for the keys of a changed node cost 6-20 ms of the GIL per write at 500k triples.
            for key in tuple(self._ends.pop(node, ())):  # a reader may still add to the set: copied in one C call
                memo.pop(key, None)
        for key in stale:
            memo.pop(key, None)
        return new


def _without(memo: dict[str, bytes], gone: set[str]) -> dict[str, bytes]:
    """A copy of the memo less the keys gone."""
    copy = dict(memo)
    for key in gone:
        copy.pop(key, None)
    return copy


def _build(store: GraphStore) -> Fragments:
    if not isinstance(store, Pinned):
        return Fragments.of(fact_models(store), relations.relation_index(store), activity_index(store))
    # The snapshot by a weak reference: the snapshot holds these fragments, and a cycle through it would keep a
    # replaced snapshot alive (its objects are frozen out of the cyclic GC). A reader holds the snapshot it pinned.
    base, snapshot = store.store, weakref.ref(store.snapshot)

    def source() -> tuple[FactModels, relations.RelationIndex, ActivityIndex]:
        view = Pinned(base, snapshot())  # type: ignore[arg-type]
        return fact_models(view), relations.relation_index(view), activity_index(view)

    return Fragments(source)


def _update(old: Fragments, store: GraphStore, delta: Delta) -> Fragments:
    return old.carried(fact_models(store), relations.relation_index(store), activity_index(store), delta)


def fragments(store: GraphStore) -> Fragments:
    """The fragments of the store's snapshot."""
    return derived(store, "fragments")


PART = Part("fragments", _build, _update)


def criticisms_json(
    store: GraphStore, *, critic: str | None, target: str | None, since: str | None, until: str | None,
    limit: int, offset: int,
) -> bytes:
    """The body of ``GET /criticisms``: :func:`kg.queries.list_criticisms` as JSON."""
    found, total = find_criticisms(store, critic, target, since, until, limit, offset)
    return page(fragments(store).criticisms(store, found), total)


def relations_json(
    store: GraphStore, *, predicate: str | None, subject: str | None, object: str | None, limit: int, offset: int
) -> bytes:
    """The body of ``GET /relations``: :func:`kg.queries.list_relations` as JSON."""
    found = find_relations(store, predicate, subject, object, limit, offset)
    if found is None:
        return page([], 0)
    memo = fragments(store)
    return page([memo.relation(p, nodes) for p, nodes in found[0]], found[1])


def entities_json(store: GraphStore, *, type: str | None, q: str | None, limit: int, offset: int) -> bytes:
    """The body of ``GET /entities``: :func:`kg.queries.list_entities` as JSON."""
    early = _early(store)
    if early is not None:  # a server starting: the catalogue is not read back yet, its kept listing answers
        positions = early.search(type, q)
        return page([early.entity(p) for p in positions[offset : offset + limit]], len(positions))
    found = catalogue(store).search(type, q)
    memo = fragments(store)
    return page([memo.entity(r) for r in found[offset : offset + limit]], len(found))


def _early(store: GraphStore) -> Listing | None:
    """The kept listing of a pinned first snapshot whose catalogue is still being read back, else None."""
    if not isinstance(store, Pinned) or "catalogue" in store.snapshot.parts:
        return None
    return store.snapshot.parts.get(EARLY)  # gone once the catalogue is in: then None, and the catalogue answers


def entity_json(store: GraphStore, entity_id: str, *, limit: int = 100) -> bytes:
    """The body of ``GET /entities/{id}``: :func:`kg.queries.get_entity` as JSON (NotFoundError alike)."""
    found = find_entity(store, entity_id, limit)
    memo = fragments(store)
    head = memo.entity(found.record)  # EntityDetail starts with Entity's fields, in the same order
    lists = (
        (b"same_as", [dumps(i) for i in found.same_as()]),
        (b"relations", [memo.relation(p, nodes) for p, nodes in found.relations]),
        (b"criticisms_made", memo.criticisms(store, found.made)),
        (b"criticisms_received", memo.criticisms(store, found.received)),
        (b"events", memo.events(store, found.events)),
        (b"documents", memo.documents(found.documents)),
    )
    return head[:-1] + b"".join(b',"' + name + b'":' + _join(items) for name, items in lists) + b"}"
