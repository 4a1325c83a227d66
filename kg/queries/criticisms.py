"""Every criticism's critic, target and date, sorted newest first and cached per store generation.

A criticism listing (by critic, target and/or date range, newest first) then needs no query to find its page
or its total: both are a filter over this index, and only the page's facts are fetched. Sorting every
criticism in the store per request took seconds at a million triples when no critic or target narrowed it.
After a write only the criticisms it touched are read again (:mod:`kg.queries.snapshot`). A criticism that several
documents report is listed once, by its representative (:mod:`kg.queries.merged`): the others are left out.
"""

from __future__ import annotations

from collections import defaultdict
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
    """The rows in listing order (DESC(?when) ?f, as the SPARQL had it), and their positions by critic and target."""

    rows: list[_Row]
    by_critic: dict[str, list[int]] = field(default_factory=dict)
    by_target: dict[str, list[int]] = field(default_factory=dict)
    # Rows of one date sit together (the order is by date first): (date, first position, end), in row order.
    runs: list[tuple[str, int, int]] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    unique: bool = False  # one row per criticism (one critic, target and date each), as extraction makes them

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
        for date, first, end in self.runs:
            if not _overlaps(date, start, stop):
                continue
            # The part of this run inside [offset, offset + limit) of the matching rows.
            skip = max(0, offset - total)
            take = max(0, min(end - first, offset + limit - total) - skip)
            if take:
                page.extend(self.facts[first + skip : first + skip + take])
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
            for when, first, end in self.runs:
                if _overlaps(when, start, stop):
                    found_facts.extend(self.facts[first:end])
            return found_facts
        positions: list[int] | range
        if critics is not None or targets is not None:
            # Start from the smaller side; the other is checked per row below.
            sides = [(s, i) for s, i in ((critics, self.by_critic), (targets, self.by_target)) if s is not None]
            narrow, index = min(sides, key=lambda side: len(side[0]))  # type: ignore[arg-type]
            positions = sorted({p for member in narrow for p in index.get(member, ())})
        else:
            positions = range(len(self.rows))
        found: dict[str, None] = {}
        for position in positions:
            row = self.rows[position]
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
    return _index(_read_rows(store))


def update_index(old: CriticismIndex, store: GraphStore, delta: Delta) -> CriticismIndex:
    """The index after a write: the touched criticisms read again and put in place; the rest kept in order."""
    fresh = _read_rows(store, delta.touched)
    if not fresh and not any(f in delta.touched for f in old.facts):
        return old
    rows = [r for r in old.rows if r.fact not in delta.touched]
    for row in fresh:
        rows.insert(_place(rows, row), row)
    return _positions(rows)


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


def _index(rows: list[_Row]) -> CriticismIndex:
    """The rows sorted as the listing does, with their positions by critic and target and their date runs."""
    rows = sorted(rows, key=_tie)
    rows.sort(key=lambda r: r.when, reverse=True)  # stable: equal dates keep the fact order
    return _positions(rows)


def _positions(rows: list[_Row]) -> CriticismIndex:
    """The index of rows already in listing order."""
    by_critic: dict[str, list[int]] = defaultdict(list)
    by_target: dict[str, list[int]] = defaultdict(list)
    runs: list[tuple[str, int, int]] = []
    for position, row in enumerate(rows):
        by_critic[row.critic].append(position)
        by_target[row.target].append(position)
        if runs and runs[-1][0] == row.when:
            runs[-1] = (row.when, runs[-1][1], position + 1)
        else:
            runs.append((row.when, position, position + 1))
    facts = [row.fact for row in rows]
    return CriticismIndex(rows, dict(by_critic), dict(by_target), runs, facts, len(set(facts)) == len(facts))


def criticism_index(store: GraphStore) -> CriticismIndex:
    """The index of the store's snapshot."""
    return derived(store, "criticisms")


PART = Part("criticisms", build_index, update_index)
