"""Stage: dates — explicit and relative dates in a sentence, resolved against the publication date when known."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.model import DateRef, Precision
from loaders.extract.lexicon import alternation, caseless, lines

# month names and abbreviations (lower case) -> month number; day names (lower case) -> weekday number
_MONTH_LINES = [line.split() for line in lines("months.txt")]
MONTHS = {name.lower(): i + 1 for i, names in enumerate(_MONTH_LINES) for name in names}
_WEEKDAY_NAMES = lines("weekdays.txt")
WEEKDAYS = {d.lower(): i for i, d in enumerate(_WEEKDAY_NAMES)}
# month names as a trie: the same matches as the longest-first alternation "January|...|Jan|...", faster
_MONTH_NAMES = tuple(name for names in _MONTH_LINES for name in names)
_MONTH = rf"(?P<month>{alternation(_MONTH_NAMES)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    # the preposition in any case ("In March, X sued"), the month name capitalised ("in may" is no month)
    ("m", re.compile(rf"\b(?i:in|since|during|until|by|early|late|mid-?|last|this|next|of)\s+{_MONTH}\b(?!\s+\d)")),
    ("y", re.compile(rf"\b(?i:in|since|during|until|by|early|late|of|from)\s+{_YEAR}\b(?!\s*[-–]\s*\d)")),
    ("weekday", re.compile(rf"\b(?P<wd>{'|'.join(_WEEKDAY_NAMES)})\b")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|last week|this week|last month|this month|earlier this month|"
                            r"last year|this year|earlier this year|the previous day|the day before)\b", re.I)),
]


_DIGIT = re.compile(r"\d")
# every month name starts with one of these (the month patterns are case-sensitive)
_MONTH_STEMS = tuple(dict.fromkeys(name[:3] for name in _MONTH_NAMES))
# every relative date holds one of these words (in lower case: the pattern ignores case)
_RELATIVE_STEMS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateMatch:
    """A date found in text, with its offsets."""

    start: int
    end: int
    date: DateRef


# YYYY, YYYY-MM or YYYY-MM-DD, alone or starting an ISO date-time ("2025-01-13T10:00:00Z")
_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:[T ].*)?)?)?$")
# the year that stands in for year 0000 when a day is checked: a leap year like it (ISO 8601 years are proleptic)
_YEAR_ZERO_AS = 2000


def _iso(value: str) -> tuple[str, str | None, str | None] | None:
    """The (year, month, day) of an ISO date or date-time, each as written; None unless the date exists."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    try:
        dt.date(int(year) or _YEAR_ZERO_AS, int(month or 1), int(day or 1))
    except ValueError:
        return None
    return year, month, day


def iso_date(value: str) -> DateRef | None:
    """The project's one ISO date reader: "YYYY", "YYYY-MM", "YYYY-MM-DD" or an ISO date-time, at that precision;
    None for anything else or a date that does not exist."""
    parts = _iso(value)
    if parts is None:
        return None
    _, month, day = parts
    precision: Precision = "day" if day else "month" if month else "year"
    return DateRef(value="-".join(p for p in parts if p), precision=precision)


def _parse_published(published: DateRef | None) -> dt.date | None:
    """The first day a publication date stands for (None when it has no year)."""
    parts = _iso(published.value) if published is not None else None
    if parts is None or int(parts[0]) == 0:
        return None
    year, month, day = parts
    return dt.date(int(year), int(month or 1), int(day or 1))


def _day_ref(year: int | None, month: int, day: int, inferred: bool, ref: dt.date | None) -> DateRef | None:
    """A day-precision DateRef; with no year, the year of the reference date (the latest not after it)."""
    if year is None:
        if ref is None:
            return DateRef(value=f"--{month:02d}-{day:02d}", precision="day", inferred=True)
        year = ref.year
        try:
            if dt.date(year, month, day) > ref + dt.timedelta(days=7):
                year -= 1  # news reports the past: "June 4" in a January article is last year's
        except ValueError:
            return None
        inferred = True
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateRef(value=f"{year:04d}-{month:02d}-{day:02d}", precision="day", inferred=inferred)


def find_dates(text: str, published: DateRef | None = None) -> list[DateMatch]:
    """Dates in ``text``; relative ones ("on Thursday", "last month") resolved against ``published``."""
    return [DateMatch(start, end, date) for start, end, date in _written(text, published) if date is not None]


def _written(text: str, published: DateRef | None) -> list[tuple[int, int, DateRef | None]]:
    """Every date expression in ``text`` in order, with its date, or None where it cannot be resolved."""
    ref = _parse_published(published)
    out: list[tuple[int, int, DateRef | None]] = []
    for kind, pattern in _scans(text):
        for m in pattern.finditer(text):
            if any(not (m.end() <= start or m.start() >= end) for start, end, _ in out):
                continue
            out.append((m.start(), m.end(), _convert(kind, m, ref)))
    out.sort(key=lambda found: found[0])
    return out


def _scans(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match in ``text``: each scan costs about as much as all these substring tests."""
    # each pattern needs words that substring tests find in C far faster than the pattern's own scan
    month = any(stem in text for stem in _MONTH_STEMS)
    digits = _DIGIT.search(text) is not None
    year = digits and ("19" in text or "20" in text)
    low = caseless(text)
    need = {"iso": year, "mdy": digits and month, "dmy": digits and month, "my": month and year, "m": month,
            "y": year, "weekday": "day" in text,
            "relative": low is None or any(stem in low for stem in _RELATIVE_STEMS)}
    return [(kind, pattern) for kind, pattern in _PATTERNS if need[kind]]


def _convert(kind: str, m: re.Match[str], ref: dt.date | None) -> DateRef | None:
    """The DateRef one pattern match stands for."""
    g = m.groupdict()
    if kind == "iso":
        return _day_ref(int(g["year"]), int(g["month"]), int(g["day"]), False, ref)
    if kind in ("mdy", "dmy"):
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        year = int(g["year"]) if g.get("year") else None
        return _day_ref(year, MONTHS[g["month"].lower().rstrip(".")], day, False, ref)
    if kind == "my":
        return DateRef(value=f"{int(g['year']):04d}-{MONTHS[g['month'].lower()]:02d}", precision="month")
    if kind == "m":
        if ref is None:
            return None
        month = MONTHS[g["month"].lower()]
        year = ref.year if month <= ref.month else ref.year - 1
        return DateRef(value=f"{year:04d}-{month:02d}", precision="month", inferred=True)
    if kind == "y":
        return DateRef(value=g["year"], precision="year")
    if ref is None:
        return None
    if kind == "weekday":
        back = (ref.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        d = ref - dt.timedelta(days=back)
        return DateRef(value=d.isoformat(), precision="day", inferred=True)
    rel = g["rel"].lower()
    if rel in ("yesterday", "the previous day", "the day before"):
        return DateRef(value=(ref - dt.timedelta(days=1)).isoformat(), precision="day", inferred=True)
    if rel in ("today", "this week", "last week"):
        d = ref - dt.timedelta(days=7 if rel == "last week" else 0)
        return DateRef(value=d.isoformat(), precision="day", inferred=True)
    if rel in ("this month", "earlier this month"):
        return DateRef(value=f"{ref.year:04d}-{ref.month:02d}", precision="month", inferred=True)
    if rel == "last month":
        y, mo = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
        return DateRef(value=f"{y:04d}-{mo:02d}", precision="month", inferred=True)
    if rel == "last year":
        return DateRef(value=str(ref.year - 1), precision="year", inferred=True)
    if rel in ("this year", "earlier this year"):
        return DateRef(value=str(ref.year), precision="year", inferred=True)
    return None


def first_date(text: str, published: DateRef | None = None) -> DateRef | None:
    """The date of the first date expression in ``text`` (explicit or relative), or None.

    None too when that expression cannot be resolved ("in October" with no publication date): a later date
    belongs to something else ("sued in October after the death of her son in February 2024").
    """
    written = _written(text, published)
    return written[0][2] if written else None


def parse_published(value: str | None) -> DateRef | None:
    """A publication date string ("2025-01-13", "2025-01-13T10:00:00Z", "January 13, 2025") as a day DateRef."""
    if not value:
        return None
    if (iso := iso_date(value)) is not None:
        return iso if iso.precision == "day" else None
    found = find_dates(value)
    return found[0].date if found and found[0].date.precision == "day" and not found[0].date.inferred else None
