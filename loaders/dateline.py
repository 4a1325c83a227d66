"""Stage: what an article's own header says about it when no metadata does — its headline and its date.

News copy carries its publication date in a dateline ("LONDON, June 4, 2025 (Reuters) -"), a byline line
("Published: 12 March 2024", "Updated Jan. 3, 2025 10:04 AM ET") or a line holding only a date under the
headline. Only the first lines are read, and only a full date with its year counts: a date further down is an
event's, not the article's. The date found is marked inferred. A first line that reads as a headline (short,
no closing full stop, followed by more text) is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import DateRef
from loaders.extract.dates import find_dates

_HEADER_CHARS = 600  # the headline, a byline and a dateline fit well within this
_HEADER_LINES = 4
_MAX_TITLE_CHARS = 200
_BYLINE = re.compile(r"^\W*(?:published|updated|posted|first published|last updated|date)\b", re.I)
_AGENCY = re.compile(r"^\s*\((?:Reuters|AP|AFP|Bloomberg|dpa|Xinhua|PTI|IANS|ANI|Kyodo|Yonhap)\)\s*[-–—:]", re.I)
# What may stand beside a date on a date line: a weekday, a time, a time zone, punctuation.
_AROUND_A_DATE = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?|\b[A-Z]{2,4}\b|[\W\d]"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")


@dataclass(frozen=True)
class Header:
    """What the header of an article says: its headline and its publication date (None where it says nothing)."""

    title: str | None
    published: DateRef | None


def read_header(text: str) -> Header:
    """The headline and the publication date written at the top of ``text``."""
    lines = text[:_HEADER_CHARS].split("\n")[:_HEADER_LINES]
    return Header(title=_headline(text, lines), published=_dateline(lines))


def _headline(text: str, lines: list[str]) -> str | None:
    """The first line, when it reads as a headline rather than the first sentence of the body."""
    first = lines[0].strip() if lines else ""
    rest = text[len(lines[0]) :].strip() if lines else ""
    if not first or not rest or len(first) > _MAX_TITLE_CHARS or len(first.split()) < 3:
        return None
    if _SENTENCE_END.search(first) or _only_date(first):
        return None
    return first


def _dateline(lines: list[str]) -> DateRef | None:
    """A full date standing alone, after a byline word, or in a news-agency dateline."""
    for line in lines:
        for match in find_dates(line):
            date = match.date
            if date.precision != "day" or date.inferred or date.value.startswith("--"):
                continue
            if _BYLINE.match(line) or _AGENCY.match(line[match.end :]) or _only_date(line):
                return DateRef(value=date.value, precision="day", inferred=True)
    return None


def _only_date(line: str) -> bool:
    """Whether a line holds a date and nothing but a weekday, a time or punctuation around it."""
    found = find_dates(line)
    if not found:
        return False
    rest = line[: found[0].start] + line[found[-1].end :]
    return not _AROUND_A_DATE.sub("", rest).strip()
