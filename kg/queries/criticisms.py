"""Every criticism's critic, target and date, sorted newest first and cached per store generation.

A criticism listing (by critic, target and/or date range, newest first) then needs no query to find its page
or its total: both are a filter over this index, and only the page's facts are fetched. Sorting every
criticism in the store per request took seconds at a million triples when no critic or target narrowed it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.queries.dates import day_bound, when
from kg.queries.entities import derived
from kg.queries.terms import select, value
from kg.store.base import GraphStore

_ROWS = f"""
SELECT ?f ?critic ?target ?when WHERE {{
  ?f kg:critic ?critic ; kg:target ?target ; a kg:Criticism .
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

    def find(
        self, critics: set[str] | None, targets: set[str] | None, since: str | None, until: str | None
    ) -> list[str]:
        """The criticism IRIs matching the filters, newest first, each once."""
        start = day_bound(since, "since", end=False) if since else None
        stop = day_bound(until, "until", end=True) if until else None
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
            # The date overlaps [since, until] when it agrees with the bounds cut to its own precision.
            if start is not None and (not row.when or start[: len(row.when)] > row.when):
                continue
            if stop is not None and (not row.when or row.when > stop[: len(row.when)]):
                continue
            found.setdefault(row.fact)
        return list(found)


def build_index(store: GraphStore) -> CriticismIndex:
    """Read every criticism once and sort them as the listing does."""
    rows = [
        _Row(value(r["f"]) or "", value(r["critic"]) or "", value(r["target"]) or "", value(r["when"]) or "")
        for r in select(store, _ROWS)
    ]
    rows.sort(key=lambda r: r.fact)
    rows.sort(key=lambda r: r.when, reverse=True)  # stable: equal dates keep the fact order
    by_critic: dict[str, list[int]] = defaultdict(list)
    by_target: dict[str, list[int]] = defaultdict(list)
    for position, row in enumerate(rows):
        by_critic[row.critic].append(position)
        by_target[row.target].append(position)
    return CriticismIndex(rows, dict(by_critic), dict(by_target))


def criticism_index(store: GraphStore) -> CriticismIndex:
    """The index of the store as it is now, built once per generation."""
    return derived(store, "criticisms", build_index)
