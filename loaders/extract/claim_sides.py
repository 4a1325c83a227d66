"""Claims: statements whose relation to the sides of a story makes them no claim: what a litigant says the other
side did (an allegation), a person characterising another side in quoted words of their own (a judgement), and the
speaker's side announcing its own plans (an event), and a commentator's view of something it names no party in (an
opinion) (GOLD_SCHEMA: criticisms, opinions and an actor's own plans are not claims)."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from loaders.extract.claim_filters import is_statement
from loaders.extract.claim_pieces import after_certainty

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex

_SPEAKER_TYPES = ("Person", "Organization")
# a statement whose subject is its speaker ("she had declined …", "we have not …")
SELF_SUBJECT = re.compile(r"[\s“\"]*(?:that\s+)?(?:i|we|he|she|it|they)\b", re.I)
_NAMED_NEAR = 4  # words before the first name of a statement that opens with a named party
_QUOTED_WORDS = re.compile(r"[“\"][^“”\"]{1,80}(?:[”\"]|$)")  # a quoted phrase inside reported speech
_LAWSUIT_WORDS = frozenset({"lawsuit", "lawsuits", "complaint", "suit", "sued", "sues", "suing", "alleges", "alleged",
                            "alleging", "plaintiffs", "plaintiff", "filing"})


def litigated(ctx: DocContext, finder: CriticIndex, speaker: str, sent: int, start: int, end: int) -> bool:
    """"Chegg says Google forces companies to …" in a passage about its complaint: what a litigant says the other
    side did is an allegation (a criticism), not a claim."""
    first = next(iter(ctx.mentions(sent, start, end)), None)
    if first is None or first.start - start > 4 or first.key == speaker or first.type not in _SPEAKER_TYPES or \
            first.key in finder.allies.get(speaker, ()):
        return False
    return any(not ctx.words(i).isdisjoint(_LAWSUIT_WORDS) for i in range(max(0, sent - 1), sent + 1))


def characterised(ctx: DocContext, finder: CriticIndex, speaker: str, sent: int, start: int, end: int) -> bool:
    """'He said xAI had released Grok 4 “without any documentation of their safety testing”': a person describing
    another side in words of their own, quoted, judges it (criticism territory) rather than reporting a fact."""
    if ctx.type_of(speaker) != "Person" or not _QUOTED_WORDS.search(ctx.doc.clean, start, end):
        return False
    first = next(iter(ctx.mentions(sent, start, end)), None)
    return first is not None and first.start - start <= 4 and first.key != speaker and \
        first.type in (*_SPEAKER_TYPES, "Product") and first.key not in finder.allies.get(speaker, ())


def own_side_plan(ctx: DocContext, finder: CriticIndex, speaker: str, sent: int, start: int, end: int) -> bool:
    """"Duolingo would stop using contractors", said by its chief, "Siri Context would arrive next year", said by
    Apple: the speaker's side announcing its own (or its product's) plans."""
    first = next(iter(ctx.mentions(sent, start, end)), None)
    if first is None or first.start - start > 4 or after_certainty(ctx.doc.clean, start):
        return False  # ('he was “confident that OpenAI will build …”': a forecast, not a plan announced)
    if first.key != speaker and (first.type not in ("Organization", "Product") or
                                 first.key not in finder.allies.get(speaker, ())):
        return False  # "OpenAI says Musk wanted …": a co-founder is not the side speaking; its own product is
    return not is_statement("it " + ctx.doc.clean[first.end:end].lstrip())


def commentary(ctx: DocContext, finder: CriticIndex, speaker: str, sent: int, start: int, end: int,
               insiders: Collection[str] = ()) -> bool:
    """'Security expert Rachel Tobac said the problem was one of design': a person the article ties to no
    organisation, now or formerly (a politician, an outside expert, a resident), speaking of something unnamed ("the
    problem", "the approach", "the tools") rather than of a named party or of themselves, gives a view (across the
    real-news tuning sets, 8 of 8 such statements were no claim); a spokesperson's or an insider's stays a claim."""
    if ctx.type_of(speaker) != "Person" or SELF_SUBJECT.match(ctx.doc.clean, start, end):
        return False
    if speaker in insiders or any(ctx.type_of(k) == "Organization" for k in finder.allies.get(speaker, ())):
        return False  # (``insiders``: tied to an organisation, formerly too: a former board member's account)
    first = next(iter(ctx.mentions(sent, start, end)), None)
    return first is None or ctx.doc.clean.count(" ", start, first.start) >= _NAMED_NEAR
