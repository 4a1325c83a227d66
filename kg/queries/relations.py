"""Every relation assertion grouped into relations between canonical entities, cached per store generation.

A relation listing (by predicate, subject and/or object, ordered by predicate, subject, object and role) and an
entity's relations then need no query to find a page or count the total: both are a filter over this index, and
only the page's assertions are fetched for their spans. Grouping every assertion per request took seconds at a
million triples. Canonical endpoints follow owl:sameAs chains exactly as the SPARQL did (``terms.canonical``):
every chain end reachable from a node, or the node itself when there is none. After a write only the assertions
it touched are read again, and the sameAs chains only when the resolution graph changed.
"""

from __future__ import annotations

import bisect
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from kg.queries.layered import edit
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import RESOLUTION, iris, select, value
from kg.store.base import GraphStore

# Inside one graph, as the listing matched them; DISTINCT drops the per-document copies of one assertion.
_ROWS = """
SELECT DISTINCT ?f ?s ?o ?pred ?rk WHERE {
  GRAPH ?g { ?f kg:subject ?s ; kg:object ?o ; kg:predicate ?pred ; a kg:RelationAssertion . }
  OPTIONAL { ?f kg:role ?role } BIND(LCASE(COALESCE(?role, "")) AS ?rk)
}"""
_SAME_AS = f"SELECT DISTINCT ?a ?c WHERE {{ GRAPH {RESOLUTION} {{ ?a owl:sameAs ?c }} }}"

Key = tuple[str, str, str, str]  # (predicate, canonical subject, canonical object, lower-cased role)
Assertion = tuple[str, str, str]  # (assertion node, subject node, object node)
Row = tuple[str, str, str, str]  # (subject node, object node, predicate, lower-cased role) of one assertion


class Positions(Mapping[Key, int]):
    """Each relation key's listing position, found by bisection in the sorted keys rather than kept in a dict.

    A write that adds or removes one relation shifts every later position: a dict of them was built afresh for
    such a write, a walk over every relation. Bisection costs a few comparisons per lookup instead.
    """

    __slots__ = ("keys",)

    def __init__(self, keys: list[Key]) -> None:
        self.keys = keys

    def __getitem__(self, key: Key) -> int:
        at = bisect.bisect_left(self.keys, key)
        if at == len(self.keys) or self.keys[at] != key:
            raise KeyError(key)
        return at

    def __contains__(self, key: object) -> bool:
        at = bisect.bisect_left(self.keys, key)  # type: ignore[call-overload]
        return at < len(self.keys) and self.keys[at] == key

    def __iter__(self) -> Iterator[Key]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


@dataclass
class RelationIndex:
    """Relations in listing order, each with its assertions, and the relations of each raw subject and object.

    The node indexes hold relation keys, not positions, so that a write adding or removing one relation
    changes the entries of its own nodes only; ``position`` turns keys into listing positions.
    """

    keys: list[Key]
    assertions: list[tuple[Assertion, ...]]
    by_subject: Mapping[str, frozenset[Key]] = field(default_factory=dict)
    by_object: Mapping[str, frozenset[Key]] = field(default_factory=dict)
    rows: Mapping[str, tuple[Row, ...]] = field(default_factory=dict)  # what was read, by assertion node
    ends: dict[str, list[str]] = field(default_factory=dict)  # the sameAs chain ends it was grouped by
    position: Mapping[Key, int] = field(default_factory=dict)

    def find(
        self, predicate: str | None, subjects: set[str] | None, objects: set[str] | None, either: set[str] | None = None
    ) -> Sequence[int]:
        """Positions of the relations with an assertion matching the filters, in listing order.

        A predicate alone gives its range as is: copying it into a list cost more than the rest of a page.
        """
        positions: range | set[int] = range(len(self.keys))
        if predicate:
            positions = self.predicate_range(predicate)
        if either is not None:
            positions = self._near(either, self.by_subject) | self._near(either, self.by_object)
        elif subjects is not None or objects is not None:
            # Start from the smaller side; a relation found from one side may still fail the other.
            sides = [(s, i) for s, i in ((subjects, self.by_subject), (objects, self.by_object)) if s is not None]
            narrow, index = min(sides, key=lambda side: len(side[0]))  # type: ignore[arg-type]
            positions = self._near(narrow, index)
            if subjects is not None and objects is not None:
                positions = {p for p in positions if self.matching(p, subjects, objects)}
        if isinstance(positions, set):
            return sorted(p for p in positions if predicate is None or self.keys[p][0] == predicate)
        return positions

    def predicate_range(self, predicate: str) -> range:
        """The positions of one predicate's relations: the keys are sorted by predicate first."""
        first = bisect.bisect_left(self.keys, predicate, key=itemgetter(0))
        return range(first, bisect.bisect_right(self.keys, predicate, lo=first, key=itemgetter(0)))

    def matching(
        self, position: int, subjects: set[str] | None, objects: set[str] | None, either: set[str] | None = None
    ) -> list[str]:
        """The assertion nodes of one relation that match the filters (all of them when there are none)."""
        found: dict[str, None] = {}
        for fact, s, o in self.assertions[position]:
            if either is not None and s not in either and o not in either:
                continue
            if (subjects is None or s in subjects) and (objects is None or o in objects):
                found.setdefault(fact)
        return list(found)

    def _near(self, members: set[str], index: Mapping[str, frozenset[Key]]) -> set[int]:
        return {self.position[k] for member in members for k in index.get(member, ())}


def _chain_ends(store: GraphStore) -> dict[str, list[str]]:
    """Node -> the ends of its owl:sameAs chains (nodes reachable by sameAs+ with no sameAs of their own)."""
    links: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _SAME_AS):
        links[value(row["a"]) or ""].add(value(row["c"]) or "")
    ends: dict[str, list[str]] = {}
    for start in links:
        seen: set[str] = set()
        todo = list(links[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(links.get(node, ()))
        found = sorted(n for n in seen if n not in links)
        if found:  # a chain that only loops binds nothing, so the node stays itself
            ends[start] = found
    return ends


def _read_rows(store: GraphStore, only: frozenset[str] | None = None) -> dict[str, tuple[Row, ...]]:
    """The rows of every relation assertion, or of those among ``only``, by assertion node."""
    query = _ROWS if only is None else _ROWS.replace("WHERE {", f"WHERE {{ VALUES ?f {{ {iris(sorted(only))} }}", 1)
    intern = sys.intern  # IRIs repeat across thousands of assertions; one copy of each keeps the index small
    rows: dict[str, list[Row]] = defaultdict(list)
    for row in select(store, query):
        s, o = intern(value(row["s"]) or ""), intern(value(row["o"]) or "")
        pred, role = intern(value(row["pred"]) or ""), intern(value(row["rk"]) or "")
        rows[intern(value(row["f"]) or "")].append((s, o, pred, role))
    return {f: tuple(found) for f, found in rows.items()}


def build_index(store: GraphStore) -> RelationIndex:
    """Read every relation assertion once, group them by canonical endpoints and sort them as the listing does."""
    return _group(_read_rows(store), _chain_ends(store))


def update_index(old: RelationIndex, store: GraphStore, delta: Delta) -> RelationIndex:
    """The index after a write: touched assertions read again and moved between relations; nothing else.

    Notes ``relation_keys`` for the parts after it: the relations whose assertions changed.
    """
    fresh = _read_rows(store, delta.touched)
    ends = _chain_ends(store) if delta.resolution else old.ends
    moved = {f for f in delta.touched if old.rows.get(f) != fresh.get(f)}
    if ends != old.ends:  # assertions of a node whose chain ends changed move to other relations
        for node in {n for n in old.ends.keys() | ends.keys() if old.ends.get(n) != ends.get(n)}:
            for k in old.by_subject.get(node, frozenset()) | old.by_object.get(node, frozenset()):
                moved.update(f for f, s, o in old.assertions[old.position[k]] if node in (s, o))
    if not moved:
        delta.notes["relation_keys"] = set()
        return old if ends is old.ends else _replace(old, ends)
    rows = edit(old.rows, delta.touched)  # the old rows shared, only the touched changed (kg.queries.layered)
    rows.update(fresh)
    groups: dict[Key, set[Assertion]] = {}
    for f in moved:
        for row in old.rows.get(f, ()):
            for k in _keys(row, old.ends):
                groups.setdefault(k, set(old.assertions[old.position[k]])).discard((f, row[0], row[1]))
    for f in moved:
        for row in rows.get(f, ()):
            for k in _keys(row, ends):
                if k not in groups:
                    groups[k] = set(old.assertions[old.position[k]]) if k in old.position else set()
                groups[k].add((f, row[0], row[1]))
    delta.notes["relation_keys"] = set(groups)
    return _patched(old, {k: tuple(sorted(found)) for k, found in groups.items()}, rows, ends)


def _keys(row: Row, ends: dict[str, list[str]]) -> list[Key]:
    """The relations an assertion row belongs to: one per chain end of its subject and of its object."""
    s, o, pred, role = row
    return [(pred, sys.intern(a), sys.intern(b), role) for a in ends.get(s, (s,)) for b in ends.get(o, (o,))]


def _patched(
    old: RelationIndex, changed: dict[Key, tuple[Assertion, ...]], rows: Mapping[str, tuple[Row, ...]],
    ends: dict[str, list[str]],
) -> RelationIndex:
    """The index with the assertions of the changed relations replaced (an empty tuple removes a relation)."""
    keys, assertions = list(old.keys), list(old.assertions)
    for k, found in changed.items():  # the same edits on both lists, so they stay parallel
        if k in old.position and not found:
            at = bisect.bisect_left(keys, k)
            del keys[at], assertions[at]
        elif k not in old.position and found:
            at = bisect.bisect_left(keys, k)
            keys.insert(at, k)
            assertions.insert(at, found)
    position = Positions(keys)
    for k, found in changed.items():
        if found:
            assertions[position[k]] = found
    by_subject, by_object = edit(old.by_subject), edit(old.by_object)
    for k, found in changed.items():
        before = old.assertions[old.position[k]] if k in old.position else ()
        for index, side in ((by_subject, 1), (by_object, 2)):
            then, now = {a[side] for a in before}, {a[side] for a in found}
            for node in then - now:
                index[node] = index[node] - {k}
                if not index[node]:
                    del index[node]
            for node in now - then:
                index[node] = index.get(node, frozenset()) | {k}
    return RelationIndex(keys, assertions, by_subject, by_object, rows, ends, position)


def _replace(old: RelationIndex, ends: dict[str, list[str]]) -> RelationIndex:
    """The same relations, recorded as grouped by ``ends`` (equal chain ends for every node they hold)."""
    return RelationIndex(old.keys, old.assertions, old.by_subject, old.by_object, old.rows, ends, old.position)


def _group(rows: dict[str, tuple[Row, ...]], ends: dict[str, list[str]]) -> RelationIndex:
    """Assertions grouped by canonical endpoints, sorted as the listing does, with their node indexes."""
    groups: dict[Key, list[Assertion]] = defaultdict(list)
    for fact, found in rows.items():
        for row in found:
            for k in _keys(row, ends):
                groups[k].append((fact, row[0], row[1]))
    keys = sorted(groups)
    assertions = [tuple(sorted(groups[k])) for k in keys]
    by_subject: dict[str, set[Key]] = defaultdict(set)
    by_object: dict[str, set[Key]] = defaultdict(set)
    for key, found in zip(keys, assertions, strict=True):
        for _, s, o in found:
            by_subject[s].add(key)
            by_object[o].add(key)
    return RelationIndex(
        keys,
        assertions,
        {n: frozenset(k) for n, k in by_subject.items()},
        {n: frozenset(k) for n, k in by_object.items()},
        rows,
        ends,
        Positions(keys),
    )


def relation_index(store: GraphStore) -> RelationIndex:
    """The index of the store's snapshot."""
    return derived(store, "relations")


PART = Part("relations", build_index, update_index)
