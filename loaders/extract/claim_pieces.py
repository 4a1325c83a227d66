"""The statements one attributed piece holds: two statements with figures joined by "and", a second "that"
clause, a second predicate of the subject, what the speaker is confident of (the claims stage tries these where a
piece is no claim as a whole, or has figures on both sides of a join)."""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
# where reported speech joins two statements: "…, and …", "… and that …"
_JOINED = re.compile(r",\s+and\s+(?:that\s+)?|\s+and\s+that\s+")
# "he was “confident that …": the speaker's certainty, then what it is certain of
_CONFIDENT = re.compile(r"\b(?:is|are|was|were|am|[’']m|[’']re)\s+[\"“]?(?:\w+ly\s+)?(?:confident|certain|sure|"
                        r"convinced)\s+that\s+", re.I)
# "<subject> will continue … and employs …": a subject's second predicate, a finite verb in -s after "and"
SECOND_PREDICATE = re.compile(r"(?:the|its|our|their|this)\s+(?:[\w-]+\s+){0,2}?(?:will|would|is|was|has|had|can|"
                              r"could)\b[^,;]{0,80}?\s+and\s+(?P<verb>(?!is\b|has\b|was\b)[a-z]{3,}s)\b")
_AND_THAT = re.compile(r",?\s+and\s+that\s+")


def second_predicate(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'the company will continue to fight the case and employs safety features …': where the whole is no claim,
    the second predicate of its subject (a verb in -s after "and"), as a statement of that subject."""
    m = SECOND_PREDICATE.match(text, start, end)
    if m is None or text.count(" ", m.start("verb"), end) < 3:
        return []
    return [(m.start("verb"), end)]


def second_that(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two statements of reported speech joined by "and that" (empty where there is no such join)."""
    m = _AND_THAT.search(text, start, end)
    if m is None or text.count(" ", m.end(), end) < 3:
        return []
    return [(start, m.start()), (m.end(), end)]


def confident_that(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'he was "confident that OpenAI will build AGI …"': the forecast the speaker is sure of, as a statement
    (empty where the speaker states no such certainty)."""
    m = _CONFIDENT.search(text, start, end)
    return [(m.end(), end)] if m is not None and text.count(" ", m.end(), end) >= 3 else []


def after_certainty(text: str, start: int) -> bool:
    """Whether a statement follows its speaker's certainty ("was confident that …")."""
    return any(m.end() == start for m in _CONFIDENT.finditer(text, max(0, start - 60), start))


def split_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A statement joining two figures' statements ("80% of the code is …, and the success rate has risen from 26%
    to 76%", "revenue grew 17% and that it had 1,000 customers") as two statements; any other as itself."""
    for m in _JOINED.finditer(text, start, end):
        at, right = m.start(), m.end()
        if _DIGIT.search(text, start, at) and _DIGIT.search(text, right, end) and text.count(" ", right, end) >= 3:
            return [(start, at), (right, end)]
    return [(start, end)]
