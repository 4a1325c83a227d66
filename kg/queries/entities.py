"""The entity catalogue: canonical entities after cross-document resolution, cached per store generation.

Every read needs the owl:sameAs map (to present canonical entities and to accept any merged id, label
or alias), so it is computed from the graph with three SELECTs and kept until the store changes. The
cache key is the store's ``generation`` when it has one, else a cheap fingerprint (document and sameAs
counts) plus the number of writes made through this process (:func:`invalidate`).
"""

from __future__ import annotations

import bisect
import gc
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from kg.model import ENTITY_TYPES
from kg.queries.terms import RESOLUTION, as_int, local, select, type_name, value
from kg.queries.views import Entity, EntityRef
from kg.store.base import GraphStore

_TYPES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
# Aggregated in the store: one row per node (or node and label), not one per node and document.
_KINDS = f"SELECT DISTINCT ?e ?type WHERE {{ VALUES ?type {{ {_TYPES} }} ?e a ?type }}"
_MENTIONS = """
SELECT ?e (SUM(?mc) AS ?mentions) (COUNT(DISTINCT ?g) AS ?docs) WHERE { GRAPH ?g { ?e kg:mentionCount ?mc } }
GROUP BY ?e"""
_LABELS = "SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?label } } GROUP BY ?e ?label"
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e kg:alias ?alias }"
_SAME_AS = f"SELECT DISTINCT ?a ?c WHERE {{ GRAPH {RESOLUTION} {{ ?a owl:sameAs ?c }} }}"
_FINGERPRINT = f"""
SELECT ?docs ?same WHERE {{
  {{ SELECT (COUNT(?d) AS ?docs) WHERE {{ ?d a kg:Document }} }}
  {{ SELECT (COUNT(?a) AS ?same) WHERE {{ GRAPH {RESOLUTION} {{ ?a owl:sameAs ?c }} }} }}
}}"""


@dataclass
class EntityRecord:
    """A canonical entity with what is merged into it."""

    iri: str
    type: str
    label: str
    aliases: list[str]
    mentions: int
    documents: int
    members: frozenset[str]
    haystack: str = field(repr=False)
    _model: Entity | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """The entity's id."""
        return local(self.iri)

    def ref(self) -> EntityRef:
        """The EntityRef of this entity."""
        return EntityRef(id=self.id, label=self.label, type=self.type)

    def model(self) -> Entity:
        """The listed form of this entity, built once: the record does not change within a generation."""
        if self._model is None:
            self._model = Entity(
                id=self.id, label=self.label, type=self.type, aliases=self.aliases,
                mentions=self.mentions, document_count=self.documents,
            )
        return self._model


@dataclass
class _Node:
    """One entity node as stored, before merging."""

    type: str = ""
    labels: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    documents: int = 0


class Catalogue:
    """Canonical entities, the map from every entity node to its canonical, and a name index."""

    def __init__(self, records: dict[str, EntityRecord], canonical: dict[str, str]) -> None:
        self.records = records
        self._canonical = canonical
        self.ordered = sorted(records.values(), key=lambda r: (-r.mentions, r.label.casefold(), r.iri))
        self._blobs: dict[str | None, _Haystacks] = {}
        self._index: dict[str, list[EntityRecord]] = defaultdict(list)
        for record in self.ordered:
            names = {record.label, *record.aliases}
            for member in record.members:
                names.update((member, local(member)))
            for name in {n.casefold() for n in names}:
                self._index[name].append(record)

    def canonical(self, iri: str) -> str:
        """The canonical IRI of an entity node (itself when unresolved or unknown)."""
        return self._canonical.get(iri, iri)

    def record(self, iri: str) -> EntityRecord | None:
        """The canonical record of an entity node, or None for a node that is not an entity."""
        return self.records.get(self.canonical(iri))

    def resolve(self, name: str) -> list[EntityRecord]:
        """The canonical entities an id, IRI, label or alias names, case-insensitively; ids first."""
        found = self._index.get(name.strip().casefold(), [])
        return sorted(found, key=lambda r: (name.strip() not in (r.id, r.iri), -r.mentions))

    def members(self, name: str | None) -> set[str] | None:
        """Every node IRI merged into the entities ``name`` names; None when no filter was asked."""
        if name is None:
            return None
        return {m for record in self.resolve(name) for m in record.members}

    def search(self, entity_type: str | None, q: str | None) -> list[EntityRecord]:
        """Entities of a type whose label or an alias contains ``q``, most mentioned first."""
        needle = q.strip().casefold() if q else ""
        if _SEPARATOR in needle:  # could span two records in the joined haystacks: test each record instead
            return [
                r for r in self.ordered
                if (entity_type is None or r.type == entity_type) and (not needle or needle in r.haystack)
            ]
        blob = self._blobs.get(entity_type)
        if blob is None:  # a race builds it twice at worst, with the same result
            blob = self._blobs[entity_type] = _Haystacks(
                [r for r in self.ordered if entity_type is None or r.type == entity_type]
            )
        return blob.search(needle)


_SEPARATOR = "\x01"


class _Haystacks:
    """Records' haystacks joined into one string, so one ``str.find`` per match replaces a test per record."""

    def __init__(self, records: list[EntityRecord]) -> None:
        self.records = records
        self.starts: list[int] = []
        at = 0
        for record in records:
            self.starts.append(at)
            at += len(record.haystack) + 1
        self.text = _SEPARATOR.join(r.haystack for r in records)

    def search(self, needle: str) -> list[EntityRecord]:
        """The records whose haystack contains ``needle``, in order."""
        if not needle:
            return list(self.records)
        found: list[EntityRecord] = []
        at = self.text.find(needle)
        while at >= 0:
            position = bisect.bisect_right(self.starts, at) - 1
            found.append(self.records[position])
            if position + 1 == len(self.starts):
                break
            at = self.text.find(needle, self.starts[position + 1])  # on to the next record: each is listed once
        return found


def _read_nodes(store: GraphStore) -> dict[str, _Node]:
    nodes = {value(row["e"]) or "": _Node(type=type_name(value(row["type"]) or "")) for row in select(store, _KINDS)}
    for row in select(store, _MENTIONS):
        node = nodes.get(value(row["e"]) or "")
        if node is not None:
            node.mentions, node.documents = as_int(row["mentions"]), as_int(row["docs"])
    for row in select(store, _LABELS):
        node = nodes.get(value(row["e"]) or "")
        if node is not None:
            node.labels[value(row["label"]) or ""] += as_int(row["n"], 1)
    for row in select(store, _ALIASES):
        node = nodes.get(value(row["e"]) or "")
        if node is not None:
            node.aliases.add(value(row["alias"]) or "")
    return {iri: node for iri, node in nodes.items() if node.labels}


def _canonical_map(store: GraphStore) -> dict[str, str]:
    """Node -> end of its sameAs chain; a cycle ends at its smallest IRI so the answer is stable."""
    links: dict[str, str] = {}
    for row in select(store, _SAME_AS):
        alias, target = value(row["a"]) or "", value(row["c"]) or ""
        if alias != target:
            links[alias] = min(target, links.get(alias, target))
    resolved: dict[str, str] = {}
    for start in links:
        path, node = [start], links[start]
        while node in links and node not in path:
            path.append(node)
            node = links[node]
        end = min(path[path.index(node):]) if node in path else node
        resolved[start] = end
    return {k: v for k, v in resolved.items() if k != v}


def _merge(canonical_iri: str, group: list[str], nodes: dict[str, _Node]) -> EntityRecord:
    own = nodes.get(canonical_iri)
    known = [nodes[m] for m in group if m in nodes]
    labels: Counter[str] = sum((n.labels for n in known), Counter())
    label = (own.labels if own and own.labels else labels).most_common(1)[0][0]
    types = Counter(n.type for n in known)
    seen = {label.casefold()}
    aliases = []
    for name in sorted({*labels, *(a for n in known for a in n.aliases)}):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(name)
    return EntityRecord(
        iri=canonical_iri,
        type=own.type if own else types.most_common(1)[0][0],
        label=label,
        aliases=aliases,
        mentions=sum(n.mentions for n in known),
        # a sum: an alias and its canonical named in the same document count twice (extraction merges those)
        documents=sum(n.documents for n in known),
        members=frozenset(group),
        haystack="\x00".join(name.casefold() for name in (label, *aliases)),
    )


def build_catalogue(store: GraphStore) -> Catalogue:
    """Compute the catalogue from the graph (three SELECTs)."""
    nodes = _read_nodes(store)
    canonical = _canonical_map(store)
    groups: dict[str, list[str]] = defaultdict(list)
    for iri in {*nodes, *canonical}:
        groups[canonical.get(iri, iri)].append(iri)
    records = {
        c: _merge(c, sorted(group), nodes) for c, group in groups.items() if any(m in nodes for m in group)
    }
    return Catalogue(records, canonical)


# Re-entrant: a derived structure may be built from another (the rendered facts from the catalogue).
_lock = threading.RLock()
# Per store: the generation key, and what was derived from the store at that generation, by name.
_cache: weakref.WeakKeyDictionary[GraphStore, tuple[object, dict[str, object]]] = weakref.WeakKeyDictionary()
_writes = 0
T = TypeVar("T")


def invalidate() -> None:
    """Forget cached catalogues: call after writing to a store."""
    global _writes
    with _lock:
        _writes += 1
        _cache.clear()


def _generation(store: GraphStore) -> object:
    generation = getattr(store, "generation", None)
    if generation is not None:
        return ("generation", generation, _writes)
    row = select(store, _FINGERPRINT)[0]
    return ("fingerprint", as_int(row["docs"]), as_int(row["same"]), _writes)


def derived(store: GraphStore, name: str, build: Callable[[GraphStore], T]) -> T:
    """What ``build`` derives from the store as it is now, built once per generation and kept until it changes."""
    key = _generation(store)
    hit = _cache.get(store)
    if hit is not None and hit[0] == key and name in hit[1]:
        return hit[1][name]  # type: ignore[return-value]
    with _lock:  # one request builds it; the others wait for it instead of building it too
        hit = _cache.get(store)
        if hit is None or hit[0] != key:
            # What the last generation froze may now be garbage: hand it back to the collector (O(1)).
            gc.unfreeze()
            hit = _cache[store] = (key, {})
        if name not in hit[1]:
            hit[1][name] = build(store)
            # A generation's structures (hundreds of thousands of objects) live until the next write. Frozen, a
            # full collection skips them: it took 100-250 ms at 300k triples, stalling every request in flight,
            # and was most of the REST p99. O(1); cyclic garbage frozen with them waits for the next unfreeze.
            gc.freeze()
        return hit[1][name]  # type: ignore[return-value]


def catalogue(store: GraphStore) -> Catalogue:
    """The catalogue of the store as it is now, built once per generation."""
    return derived(store, "catalogue", build_catalogue)
