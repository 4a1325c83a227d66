"""Every relation assertion grouped into relations between canonical entities, cached per store generation.

A relation listing (by predicate, subject and/or object, ordered by predicate, subject, object and role) and an
entity's relations then need no query to find a page or count the total: both are a filter over this index, and
only the page's assertions are fetched for their spans. Grouping every assertion per request took seconds at a
million triples. Canonical endpoints follow owl:sameAs chains exactly as the SPARQL did (``terms.canonical``):
every chain end reachable from a node, or the node itself when there is none. After a write only the assertions
it touched are read again, and the sameAs chains only when the resolution graph changed.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

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


@dataclass
class RelationIndex:
    """Relations in listing order, each with its assertions, and their positions by raw subject and object."""

    keys: list[Key]
    assertions: list[list[Assertion]]
    by_predicate: dict[str, range] = field(default_factory=dict)
    by_subject: dict[str, list[int]] = field(default_factory=dict)
    by_object: dict[str, list[int]] = field(default_factory=dict)
    rows: dict[str, tuple[Row, ...]] = field(default_factory=dict)  # what was read, by assertion node
    ends: dict[str, list[str]] = field(default_factory=dict)  # the sameAs chain ends it was grouped by

    def find(
        self, predicate: str | None, subjects: set[str] | None, objects: set[str] | None, either: set[str] | None = None
    ) -> Sequence[int]:
        """Positions of the relations with an assertion matching the filters, in listing order.

        A predicate alone gives its range as is: copying it into a list cost more than the rest of a page.
        """
        positions: range | set[int] = range(len(self.keys))
        if predicate:
            positions = self.by_predicate.get(predicate, range(0))
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

    @staticmethod
    def _near(members: set[str], index: dict[str, list[int]]) -> set[int]:
        return {p for member in members for p in index.get(member, ())}


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
    """The index after a write: touched assertions read again, regrouped if they or the sameAs chains changed.

    Notes ``relation_keys`` for the parts after it: the relations whose assertions changed.
    """
    fresh = _read_rows(store, delta.touched)
    ends = _chain_ends(store) if delta.resolution else old.ends
    gone = [f for f in delta.touched if f in old.rows and old.rows[f] != fresh.get(f)]
    came = [f for f, found in fresh.items() if old.rows.get(f) != found]
    if not gone and not came and ends == old.ends:
        delta.notes["relation_keys"] = set()
        return old
    rows = {f: found for f, found in old.rows.items() if f not in delta.touched}
    rows.update(fresh)
    new = _group(rows, ends)
    before = dict(zip(old.keys, old.assertions, strict=True))
    after = dict(zip(new.keys, new.assertions, strict=True))
    delta.notes["relation_keys"] = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    return new


def _group(rows: dict[str, tuple[Row, ...]], ends: dict[str, list[str]]) -> RelationIndex:
    """Assertions grouped by canonical endpoints, sorted as the listing does, with their positions."""
    intern = sys.intern
    groups: dict[Key, list[Assertion]] = defaultdict(list)
    for fact, found in rows.items():
        for s, o, pred, role in found:
            for subject in ends.get(s, (s,)):
                for obj in ends.get(o, (o,)):
                    groups[(pred, intern(subject), intern(obj), role)].append((fact, s, o))
    keys = sorted(groups)
    assertions = [sorted(groups[k]) for k in keys]
    by_predicate: dict[str, range] = {}
    by_subject: dict[str, list[int]] = defaultdict(list)
    by_object: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        span = by_predicate.get(key[0])
        by_predicate[key[0]] = range(span.start if span else position, position + 1)  # keys are sorted by predicate
        for s in {s for _, s, _ in assertions[position]}:
            by_subject[s].append(position)
        for o in {o for _, _, o in assertions[position]}:
            by_object[o].append(position)
    return RelationIndex(keys, assertions, by_predicate, dict(by_subject), dict(by_object), rows, ends)


def relation_index(store: GraphStore) -> RelationIndex:
    """The index of the store's snapshot."""
    return derived(store, "relations")


PART = Part("relations", build_index, update_index)
