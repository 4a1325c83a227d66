"""Date-range filters over dates of any precision, evaluated inside SPARQL.

A date is the interval it names (``2023-12`` is the whole of December), and it passes ``since``/``until``
when that interval overlaps the asked range. Comparing ISO strings truncated to the date's own length
does exactly that, so the filter runs in the store and LIMIT/OFFSET stay there too.
"""

from __future__ import annotations

import calendar
import re

from kg.errors import InputError
from kg.queries.terms import string

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def day_bound(text: str, name: str, *, end: bool) -> str:
    """The first (or, with ``end``, the last) day of an ISO date of any precision, as YYYY-MM-DD."""
    cleaned = text.strip()
    # A date-time ("2026-06-04T10:00Z" or with a space) counts as its day.
    match = _ISO.match(cleaned[:10] if len(cleaned) > 10 and cleaned[10] in "T " else cleaned)
    if not match:
        raise InputError(f"{name}: {text!r} is not an ISO date (use 2026-06-04, 2026-06 or 2026)")
    year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
    if not 1 <= month <= 12:
        raise InputError(f"{name}: {text!r} has no month {month}")
    last = calendar.monthrange(year, month)[1]
    day_number = int(day) if day else (last if end else 1)
    if not 1 <= day_number <= last:
        raise InputError(f"{name}: {text!r} has no day {day_number}")
    return f"{year:04d}-{month:02d}-{day_number:02d}"


def in_range(when: str, start: str | None, stop: str | None) -> bool:
    """Whether a date string overlaps [start, stop] (day bounds): it agrees with them cut to its own precision."""
    if start is not None and (not when or start[: len(when)] > when):
        return False
    return stop is None or (bool(when) and when <= stop[: len(when)])


def when(out: str, *dated: str) -> str:
    """Bind ``?out`` to the first of the variables holding a dated (not yearless) value, else ""."""
    expression = '""'
    for var in reversed(dated):
        expression = f'IF(BOUND(?{var}) && !STRSTARTS(STR(?{var}), "--"), STR(?{var}), {expression})'
    return f"BIND({expression} AS ?{out})"


def range_filter(var: str, since: str | None, until: str | None) -> str:
    """FILTERs keeping rows whose date string ``?var`` overlaps [since, until]; "" when neither is set."""
    parts = []
    if since:
        start = string(day_bound(since, "since", end=False))
        parts.append(f"?{var} != \"\" && SUBSTR({start}, 1, STRLEN(?{var})) <= ?{var}")
    if until:
        stop = string(day_bound(until, "until", end=True))
        parts.append(f"?{var} != \"\" && ?{var} <= SUBSTR({stop}, 1, STRLEN(?{var}))")
    return "".join(f" FILTER({p})" for p in parts)


def overlaps(a: str | None, b: str | None) -> bool:
    """Whether two date strings can name the same day (either unknown or yearless counts as yes)."""
    if not a or not b or a.startswith("--") or b.startswith("--"):
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]
