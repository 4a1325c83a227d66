"""Every criticism's critic, target and date, sorted newest first and cached per store generation.

A criticism listing (by critic, target and/or date range, newest first) then needs no query to find its page
or its total: both are a filter over this index, and only the page's facts are fetched. Sorting every
criticism in the store per request took seconds at a million triples when no critic or target narrowed it.
After a write only the criticisms it touched are read again (:mod:`kg.queries.snapshot`). A criticism that several
documents report is listed once, by its representative (:mod:`kg.queries.merged`): the others are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kg.queries.dates import day_bound, when
from kg.queries.dates import in_range as _overlaps  # shared with the claims index
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import iris, select, value
from kg.store.base import GraphStore

_ROWS = f"""
SELECT ?f ?critic ?target ?when WHERE {{
  ?f kg:critic ?critic ; kg:target ?target ; a kg:Criticism .
  FILTER NOT EXISTS {{ ?f kg:sameCriticism ?representative }}
  OPTIONAL {{ ?f kg:date ?date }} OPTIONAL {{ ?f kg:reported ?reported }}
  {when("when", "date", "reported")}
}}"""


@dataclass(frozen=True)
class _Row:
    """One (criticism, critic, target) with the date string the listing sorts and filters on ("" if none)."""

    fact: str
    critic: str
    target: str
    when: str


@dataclass
class CriticismIndex:
    """The rows in listing order (DESC(?when) ?f, as the SPARQL had it), and the same rows by critic and target.

    Kept as rows rather than positions so that a write moves only what it touched: an insertion would shift every
    later position, and renumbering them all took 0.1 s a write at a million triples.
    """

    rows: list[_Row]
    by_critic: dict[str, list[_Row]] = field(default_factory=dict)  # each in listing order
    by_target: dict[str, list[_Row]] = field(default_factory=dict)
    by_fact: dict[str, tuple[_Row, ...]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # rows per date
    dates: list[str] = field(default_factory=list)  # the dates, newest first: rows of one date sit together
    repeated: int = 0  # criticisms with more than one row (several critics, targets or dates)

    @property
    def unique(self) -> bool:
        """One row per criticism (one critic, target and date each), as extraction makes them."""
        return self.repeated == 0

    def _runs(self) -> Iterator[tuple[str, int, int]]:
        """(date, first position, end) of each run of rows of one date, in row order."""
        first = 0
        for date in self.dates:
            end = first + self.counts[date]
            yield date, first, end
            first = end

    def window(
        self, since: str | None, until: str | None, offset: int, limit: int
    ) -> tuple[list[str], int] | None:
        """One page of the criticisms in a date range and their total, from the runs; None if find() must do it.

        Only the page is copied: a date range alone may match every criticism, and listing them all per request
        was most of its cost at a million triples.
        """
        if not self.unique:
            return None
        start = day_bound(since, "since", end=False) if since else None
        stop = day_bound(until, "until", end=True) if until else None
        page: list[str] = []
        total = 0
        for date, first, end in self._runs():
            if not _overlaps(date, start, stop):
                continue
            # The part of this run inside [offset, offset + limit) of the matching rows.
            skip = max(0, offset - total)
            take = max(0, min(end - first, offset + limit - total) - skip)
            if take:
                page.extend(row.fact for row in self.rows[first + skip : first + skip + take])
            total += end - first
        return page, total

    def find(
        self, critics: set[str] | None, targets: set[str] | None, since: str | None, until: str | None
    ) -> list[str]:
        """The criticism IRIs matching the filters, newest first, each once."""
        start = day_bound(since, "since", end=False) if since else None
        stop = day_bound(until, "until", end=True) if until else None
        if critics is None and targets is None and self.unique:
            # Filtered by date alone: test each date once, and copy whole runs of rows rather than row by row.
            found_facts: list[str] = []
            for when, first, end in self._runs():
                if _overlaps(when, start, stop):
                    found_facts.extend(row.fact for row in self.rows[first:end])
            return found_facts
        candidates: list[_Row]
        if critics is not None or targets is not None:
            # Start from the smaller side; the other is checked per row below.
            sides = [(s, i) for s, i in ((critics, self.by_critic), (targets, self.by_target)) if s is not None]
            narrow, index = min(sides, key=lambda side: len(side[0]))  # type: ignore[arg-type]
            lists = [index[member] for member in narrow if member in index]
            # A row has one critic and one target, so the members' lists are disjoint: merged, not deduplicated.
            candidates = lists[0] if len(lists) == 1 else _in_order(row for rows in lists for row in rows)
        else:
            candidates = self.rows
        found: dict[str, None] = {}
        for row in candidates:
            if critics is not None and row.critic not in critics:
                continue
            if targets is not None and row.target not in targets:
                continue
            if _overlaps(row.when, start, stop):
                found.setdefault(row.fact)
        return list(found)


def _read_rows(store: GraphStore, only: frozenset[str] | None = None) -> list[_Row]:
    """The rows of every criticism, or of those among ``only``."""
    query = _ROWS if only is None else _ROWS.replace("WHERE {", f"WHERE {{ VALUES ?f {{ {iris(sorted(only))} }}", 1)
    return [
        _Row(value(r["f"]) or "", value(r["critic"]) or "", value(r["target"]) or "", value(r["when"]) or "")
        for r in select(store, query)
    ]


def build_index(store: GraphStore) -> CriticismIndex:
    """Read every criticism once and sort them as the listing does."""
    rows = _in_order(_read_rows(store))
    by_critic: dict[str, list[_Row]] = defaultdict(list)
    by_target: dict[str, list[_Row]] = defaultdict(list)
    by_fact: dict[str, list[_Row]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        by_critic[row.critic].append(row)
        by_target[row.target].append(row)
        by_fact[row.fact].append(row)
        counts[row.when] += 1
    facts = {f: tuple(found) for f, found in by_fact.items()}
    repeated = sum(len(found) > 1 for found in facts.values())
    return CriticismIndex(rows, dict(by_critic), dict(by_target), facts, dict(counts), _dates(counts), repeated)


def update_index(old: CriticismIndex, store: GraphStore, delta: Delta) -> CriticismIndex:
    """The index after a write: the touched criticisms read again and moved in place; the rest shared or copied.

    Every structure is changed by lookups and binary searches for the rows the write took out or put in, never
    walked whole: only the row list and the dicts are copied (in C), not rebuilt.
    """
    fresh = _read_rows(store, delta.touched)
    gone = [row for f in delta.touched for row in old.by_fact.get(f, ())]
    if Counter(gone) == Counter(fresh):
        return old
    rows = _moved(old.rows, gone, fresh)
    by_critic = _moved_each(old.by_critic, gone, fresh, lambda row: row.critic)
    by_target = _moved_each(old.by_target, gone, fresh, lambda row: row.target)
    by_fact = dict(old.by_fact)
    repeated = old.repeated
    for f in {row.fact for row in gone} | {row.fact for row in fresh}:
        repeated -= len(by_fact.pop(f, ())) > 1
        found = tuple(_in_order(row for row in fresh if row.fact == f))
        if found:
            by_fact[f] = found
            repeated += len(found) > 1
    counts = dict(old.counts)
    for row in gone:
        counts[row.when] -= 1
        if not counts[row.when]:
            del counts[row.when]
    for row in fresh:
        counts[row.when] = counts.get(row.when, 0) + 1
    dates = old.dates if counts.keys() == old.counts.keys() else _dates(counts)
    return CriticismIndex(rows, by_critic, by_target, by_fact, counts, dates, repeated)


def _moved(rows: list[_Row], gone: Iterable[_Row], fresh: Iterable[_Row]) -> list[_Row]:
    """A copy of rows (in listing order) without the gone rows and with the fresh ones in place."""
    moved = list(rows)
    for row in gone:
        at = _place(moved, row)  # the first row not before it: an equal one
        assert moved[at] == row, "a criticism row the index lists is missing from it"
        del moved[at]
    for row in fresh:
        moved.insert(_place(moved, row), row)
    return moved


def _moved_each(
    lists: dict[str, list[_Row]], gone: list[_Row], fresh: list[_Row], key: Callable[[_Row], str]
) -> dict[str, list[_Row]]:
    """A copy of the lists by key with the rows moved in the lists of their keys only (those shared otherwise)."""
    moved = dict(lists)
    for k in {key(row) for row in gone} | {key(row) for row in fresh}:
        found = _moved(lists.get(k, []), [r for r in gone if key(r) == k], [r for r in fresh if key(r) == k])
        if found:
            moved[k] = found
        else:
            moved.pop(k, None)
    return moved


def _place(rows: list[_Row], row: _Row) -> int:
    """Where a row goes in rows in listing order: newest first, then by criticism, critic and target."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        other = rows[mid]
        if other.when > row.when or (other.when == row.when and _tie(other) < _tie(row)):
            lo = mid + 1
        else:
            hi = mid
    return lo


def _tie(row: _Row) -> tuple[str, str, str]:
    return (row.fact, row.critic, row.target)


def _in_order(rows: Iterable[_Row]) -> list[_Row]:
    """The rows sorted as the listing does: newest first, then by criticism, critic and target."""
    ordered = sorted(rows, key=_tie)
    ordered.sort(key=lambda r: r.when, reverse=True)  # stable: equal dates keep the fact order
    return ordered


def _dates(counts: dict[str, int]) -> list[str]:
    """The dates of the rows in listing order (newest first)."""
    return sorted(counts, reverse=True)


def criticism_index(store: GraphStore) -> CriticismIndex:
    """The index of the store's snapshot."""
    return derived(store, "criticisms")


PART = Part("criticisms", build_index, update_index)
