"""The entity catalogue: canonical entities after cross-document resolution, a part of each read snapshot.

Every read needs the owl:sameAs map (to present canonical entities and to accept any merged id, label
or alias), so it is computed from the graph with a few SELECTs and kept in the snapshot
(:mod:`kg.queries.snapshot`). After a write only the entity nodes it touched are read again, and only the
canonical entities they belong to are merged again.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field

from kg.model import ENTITY_TYPES
from kg.queries.layered import edit
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import RESOLUTION, as_int, iris, local, select, type_name, value
from kg.queries.views import Entity, EntityRef
from kg.store.base import GraphStore

_TYPES = ", ".join(f"kg:{t}" for t in ENTITY_TYPES)
# Aggregated in the store: one row per node (or node and label), not one per node and document.
# Types as a FILTER, not a VALUES block: restricted to a write's nodes by a VALUES block of their own, two blocks
# made pyoxigraph join them with a scan (six times slower); the whole query costs the same either way.
_KINDS = f"SELECT DISTINCT ?e ?type WHERE {{ ?e a ?type FILTER(?type IN ({_TYPES})) }}"
_MENTIONS = """
SELECT ?e (SUM(?mc) AS ?mentions) (COUNT(DISTINCT ?g) AS ?docs) WHERE { GRAPH ?g { ?e kg:mentionCount ?mc } }
GROUP BY ?e"""
_LABELS = "SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?label } } GROUP BY ?e ?label"
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e kg:alias ?alias }"
_SAME_AS = f"SELECT DISTINCT ?a ?c WHERE {{ GRAPH {RESOLUTION} {{ ?a owl:sameAs ?c }} }}"


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
    _ref: EntityRef | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """The entity's id."""
        return local(self.iri)

    def ref(self) -> EntityRef:
        """The EntityRef of this entity, made once: every fact showing the entity shares it (it is frozen)."""
        if self._ref is None:
            self._ref = EntityRef(id=self.id, label=self.label, type=self.type, aliases=self.aliases)
        return self._ref

    def model(self) -> Entity:
        """The listed form of this entity, built once: the record does not change within a generation."""
        if self._model is None:
            self._model = self.listed()
        return self._model

    def listed(self) -> Entity:
        """The listed form of this entity, made afresh, not kept on the record (for :mod:`kg.queries.listing`)."""
        return Entity(
            id=self.id, label=self.label, type=self.type, aliases=self.aliases,
            mentions=self.mentions, document_count=self.documents,
        )


@dataclass
class _Node:
    """One entity node as stored, before merging."""

    type: str = ""  # the first of ``types`` in name order, so that it does not depend on the order rows come in
    types: frozenset[str] = frozenset()
    labels: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    documents: int = 0


class Catalogue:
    """Canonical entities, the map from every entity node to its canonical, and a name index."""

    def __init__(
        self,
        records: Mapping[str, EntityRecord],
        canonical: dict[str, str],
        nodes: Mapping[str, _Node] | None = None,
        groups: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.records = records
        self._canonical = canonical
        self.nodes = nodes or {}  # every entity node as stored, before merging
        self.groups = groups or {}  # canonical IRI -> every node merged into it (nodes without data included)
        self.ordered = sorted(records.values(), key=_rank)
        self._blobs: dict[str | None, _Haystacks] = {}
        self._index: MutableMapping[str, list[EntityRecord]] = defaultdict(list)
        for record in self.ordered:
            for name in _names(record):
                self._index[name].append(record)

    def derive(
        self,
        records: Mapping[str, EntityRecord],
        canonical: dict[str, str],
        nodes: Mapping[str, _Node],
        groups: Mapping[str, frozenset[str]],
        changed: set[str],
    ) -> Catalogue:
        """A catalogue whose records differ from this one's at the ``changed`` canonical IRIs only.

        The order and the name index are patched where those records sit, not rebuilt: copying and sorting
        every record after each write was most of what a write cost the read side.
        """
        new = Catalogue({}, canonical, nodes, groups)
        new.records = records
        new.ordered = list(self.ordered)
        index = edit(self._index)  # shared with this catalogue's, but for the names changed (kg.queries.layered)
        names: set[str] = set()
        for c in changed:
            before, after = self.records.get(c), records.get(c)
            if before is not None:
                del new.ordered[bisect.bisect_left(new.ordered, _rank(before), key=_rank)]
                for name in _names(before):
                    index[name] = [r for r in index[name] if r is not before]
                    names.add(name)
            if after is not None:
                bisect.insort(new.ordered, after, key=_rank)
                for name in _names(after):
                    index[name] = [*index.get(name, ()), after]
                    names.add(name)
        for name in names:
            if index[name]:
                index[name].sort(key=_rank)
            else:
                del index[name]
        new._index = index
        return new

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


def _rank(record: EntityRecord) -> tuple[int, str, str]:
    """The catalogue's order: most mentioned first, then by label and IRI."""
    return (-record.mentions, record.label.casefold(), record.iri)


def _names(record: EntityRecord) -> set[str]:
    """Every name a record is found by, case-folded: label, aliases, member IRIs and their ids."""
    names = {record.label, *record.aliases}
    for member in record.members:
        names.update((member, local(member)))
    return {n.casefold() for n in names}


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


def _only(query: str, var: str, only: frozenset[str] | None) -> str:
    """The query with ``?var`` bound to the given IRIs (all of them when None)."""
    if only is None:
        return query
    return query.replace("WHERE {", f"WHERE {{ VALUES ?{var} {{ {iris(sorted(only))} }}", 1)


def _read_nodes(store: GraphStore, only: frozenset[str] | None = None) -> dict[str, _Node]:
    """The entity nodes (those of ``only`` when given) with their types, labels, aliases and mentions."""
    types: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _only(_KINDS, "e", only)):
        types[value(row["e"]) or ""].add(type_name(value(row["type"]) or ""))
    nodes = {e: _Node(type=min(found), types=frozenset(found)) for e, found in types.items()}
    for row in select(store, _only(_MENTIONS, "e", only)):
        node = nodes.get(value(row["e"]) or "")
        if node is not None:
            node.mentions, node.documents = as_int(row["mentions"]), as_int(row["docs"])
    for row in select(store, _only(_LABELS, "e", only)):
        node = nodes.get(value(row["e"]) or "")
        if node is not None:
            node.labels[value(row["label"]) or ""] += as_int(row["n"], 1)
    for row in select(store, _only(_ALIASES, "e", only)):
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


def _merge(canonical_iri: str, group: list[str], nodes: Mapping[str, _Node]) -> EntityRecord:
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
    """Compute the catalogue from the graph (five SELECTs)."""
    nodes = _read_nodes(store)
    canonical = _canonical_map(store)
    groups: dict[str, set[str]] = defaultdict(set)
    for iri in {*nodes, *canonical}:
        groups[canonical.get(iri, iri)].add(iri)
    records = {
        c: _merge(c, sorted(group), nodes) for c, group in groups.items() if any(m in nodes for m in group)
    }
    return Catalogue(records, canonical, nodes, {c: frozenset(g) for c, g in groups.items()})


def update_catalogue(old: Catalogue, store: GraphStore, delta: Delta) -> Catalogue:
    """The catalogue after a write: the touched nodes read again, their canonical entities merged again.

    Notes for the parts after it: ``records``, the canonical IRIs whose record changed (or came, or went), and
    ``nodes``, the nodes whose EntityRef (id, label, type) changed: what facts show of an entity.
    """
    fresh = _read_nodes(store, delta.touched)
    # Each table shares the old one's rows, but for those the write changed (kg.queries.layered).
    nodes = edit(old.nodes, delta.touched)
    nodes.update(fresh)
    canonical = _canonical_map(store) if delta.resolution else old._canonical
    moved = (
        {k for k in old._canonical.keys() | canonical.keys() if old._canonical.get(k) != canonical.get(k)}
        if canonical is not old._canonical
        else set()
    )
    affected = {n for n in delta.touched if n in old.nodes or n in fresh} | moved
    groups = edit(old.groups)
    records = edit(old.records)
    changed: set[str] = set()
    for c in {old.canonical(a) for a in affected} | {canonical.get(a, a) for a in affected}:
        kept = {m for m in old.groups.get(c, ()) if m not in affected}
        members = kept | {a for a in affected if canonical.get(a, a) == c and (a in nodes or a in canonical)}
        if members:
            groups[c] = frozenset(members)
        else:
            groups.pop(c, None)
        before = old.records.get(c)
        after = _merge(c, sorted(members), nodes) if any(m in nodes for m in members) else None
        if after is not None and before is not None and _same(before, after):
            continue  # the old record (and the model and JSON made from it) stays valid
        changed.add(c)
        if after is None:
            records.pop(c, None)
        else:
            records[c] = after
    delta.notes["records"] = changed
    candidates = affected | changed | {
        m for c in changed for r in (old.records.get(c), records.get(c)) if r is not None for m in r.members
    }
    delta.notes["nodes"] = {
        m for m in candidates if _ref(old.record(m)) != _ref(records.get(canonical.get(m, m)))
    }
    return old.derive(records, canonical, nodes, groups, changed)


def _ref(record: EntityRecord | None) -> tuple[str, str, str, tuple[str, ...]] | None:
    """What a fact shows of an entity (its EntityRef): a change here renders the facts showing it again."""
    return (record.iri, record.label, record.type, tuple(record.aliases)) if record is not None else None


def _same(a: EntityRecord, b: EntityRecord) -> bool:
    """Whether two records show the same entity in every field."""
    fields = ("iri", "type", "label", "aliases", "mentions", "documents", "members")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def catalogue(store: GraphStore) -> Catalogue:
    """The catalogue of the store's snapshot."""
    return derived(store, "catalogue")


PART = Part("catalogue", build_catalogue, update_catalogue)
