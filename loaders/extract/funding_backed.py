"""Funding stated without a figure: "X is funded by Y", "X received an investment from Y". A round of unknown amount,
kept only for an organisation the article gives no round with a figure."""

from __future__ import annotations

import re

from kg.model import Event, Participant
from loaders.extract.context import DocContext
from loaders.extract.rules import register
from loaders.extract.schema import ResolvedMention

BACKED_BY = register("funding.backed_by.v1", "'ADIA Lab is funded by the Abu Dhabi Investment Authority', 'X received "
                     "a multi-billion dollar investment from Amazon': a round of unknown amount, X raises", __name__)

_WORDS = frozenset({"funded", "backed", "financed", "bankrolled", "investment", "funding", "backing"})
# right after the raiser: "X is funded by", "X, which is backed by", "X has received a multi-billion dollar investment
# from"; an apposition may stand between the name and its verb ("X, which describes itself as ..., received")
_CUE = re.compile(r"(?:\s*,\s*(?:which|that)\s+(?:[^,;]{1,80},\s*)?|\s*,\s*(?:[^,;]{1,80}),\s*|\s+)"
                  r"(?:(?:is|was|has\s+been|had\s+been|are|were)\s+(?:(?:also|largely|mostly|partly|primarily|"
                  r"already|now|reportedly)\s+)*(?:funded|backed|financed|bankrolled)\s+by|"
                  r"(?:has\s+|had\s+|also\s+|recently\s+)*(?:received|secured|won|got)\s+(?:an?\s+|fresh\s+|new\s+)?"
                  r"(?:[\w-]+\s+){0,3}?(?:investment|funding|backing)\s+from)\s+(?:the\s+)?$", re.I)
# the names of a list after the cue: "A, B and C", "A (ADIA)"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|\([^()]{1,20}\)\s*,?\s*(?:and\s+)?)")


def backed_rounds(ctx: DocContext, events: list[Event]) -> list[Event]:
    """Rounds of unknown amount for organisations the text says are funded by, or received an investment from,
    others; none for an organisation that already has a round in ``events``."""
    text = ctx.doc.clean
    have = {p.entity for ev in events for p in ev.participants if p.role == "recipient"}
    out: list[Event] = []
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(_WORDS) or s.heading:
            continue
        ms = [m for m in ctx.mentions(s.index) if m.type != "Group"]
        for i, m in enumerate(ms):
            if m.type != "Organization" or m.possessive or m.key in have or not ctx.is_head(m):
                continue
            if ctx.clause_start(s.index, m.start) != ctx.clause_start(s.index, m.end) or \
                    text[ctx.clause_start(s.index, m.start):m.start].strip(" \"“‘'"):
                continue  # the clause's subject only: "the chip designer X, backed by", not "a deal with X"
            investors = _investors(ctx, ms[i + 1:], m.end)
            if not investors:
                continue
            have.add(m.key)
            parts = (Participant(role="recipient", entity=m.key),
                     *(Participant(role="investor", entity=k) for k in investors if k != m.key))
            out.append(Event(key=f"ev{len(events) + len(out)}", type="FundingRound",
                             label=f"{ctx.label(m.key)} funding round", date=ctx.date(s.index), participants=parts,
                             source=ctx.span(m.start, m.end, s.index), rule=BACKED_BY))
    return out


def _investors(ctx: DocContext, after: list[ResolvedMention], end: int) -> list[str]:
    """The organisations listed right after a funding cue that follows the name ending at ``end``."""
    text = ctx.doc.clean
    if not after or not _CUE.fullmatch(text, end, after[0].start):
        return []
    out, prev = [], None
    for m in after:
        if prev is not None and not _LIST_GAP.fullmatch(text, prev.end, m.start):
            break
        prev = m
        if m.type == "Organization" and m.key not in out:
            out.append(m.key)
    return out
