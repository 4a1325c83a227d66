"""Who a quote's speaker reference stands for when it is not a name: "the senators wrote" (the persons named with
that role), a group noun of people ("the authors said"), "it added" / "the company said" after an organisation's own
quotes (that organisation, not a name its quotes mentioned)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract import plural_speakers

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

# "it" or "the company" as the subject of a speech verb (the words before the verb; not across a paragraph break)
_ORG_PRONOUN = re.compile(r"[,.!?]?[ \t]*(?:it|the\s+(?:company|firm|startup|group))\s+(?:\w+ly\s+|also\s+)?", re.I)
# '“…,” the senators wrote': a plural description of people as the speaker
_THE_PLURAL_SAID = re.compile(r"[,.!?]?\s*the\s+(?:two\s+|three\s+|four\s+)?([a-z]+s)\b")


def speakers_of(ctx: DocContext, speaker: str, pos: int) -> list[str]:
    """Who a speaker stands for: a group noun of people ("the authors", "lawmakers") the persons it refers back to,
    else the speaker itself."""
    if ctx.type_of(speaker) != "Group":
        return [speaker]
    noun = plural_speakers.plural_noun(ctx.label(speaker))
    return (plural_speakers.members(ctx, noun, pos) if noun else []) or [speaker]


def plural_after(ctx: DocContext, qs: int, qe: int) -> list[str]:
    """The persons of '“…,” the senators wrote' (a plural description no entity stands for)."""
    m = _THE_PLURAL_SAID.match(ctx.doc.clean, qe)
    noun = plural_speakers.plural_noun(m.group(1)) if m else None
    return plural_speakers.members(ctx, noun, qs) if noun else []


def org_pronoun(ctx: DocContext, speech: re.Pattern[str], start: int, qs: int, qe: int, last: str,
                last_qe: int) -> bool:
    """Whether a quote (its sentence starting at ``start``) is spoken by "it" or "the company" ('“…,” it said', 'The
    company said …: “…”') that refers to the organisation that spoke last (``last``, whose quote ended at
    ``last_qe`` in an earlier sentence): no other organisation named since."""
    text = ctx.doc.clean
    if ctx.type_of(last) != "Organization" or ctx.sentence_at(last_qe) >= ctx.sentence_at(qs):
        return False  # a second quote of one sentence has the first one's speaker already
    m = _ORG_PRONOUN.match(text, qe)
    if not (m and speech.match(text, m.end())):
        m = _ORG_PRONOUN.match(text, start)
        if not (m and m.end() < qs and speech.match(text, m.end())):
            return False
    pos = min(m.start(), qs)
    between = [x for si in range(ctx.sentence_at(last_qe), ctx.sentence_at(pos) + 1) for x in ctx.mentions(si)
               if last_qe <= x.start < pos and x.type == "Organization" and ctx.is_head(x)]
    return all(x.key == last for x in between)


# a speaker described as the organisation or its voice: "the company said", "a company spokesperson said", "a
# spokesperson for the startup said"
_FIRM = r"(?:company|firm|startup|start-up)"
_FIRM_SPEAKER = re.compile(rf"[\s,]*(?:(?:the\s+{_FIRM})|(?:an?|the)\s+{_FIRM}\s+(?:spokes(?:person|man|woman)|"
                           rf"representative|official)|(?:an?|the)\s+(?:spokes(?:person|man|woman)|representative)\s+"
                           rf"for\s+the\s+{_FIRM})\s+(?:\w+ly\s+)?\w+\s*$", re.I)


def firm_speaker(ctx: DocContext, qs: int, qe: int, verb_end: int) -> str | None:
    """The organisation a described speaker after a quote stands for ('“…,” a company spokesperson said'): the
    organisation that was the subject of one of the three sentences before (not one opening a quote), never one the
    quote itself names (a company does not speak of itself by name in its own quote)."""
    if not _FIRM_SPEAKER.match(ctx.doc.clean, qe, verb_end):
        return None
    inside = {m.key for si in range(ctx.sentence_at(qs), ctx.sentence_at(qe) + 1) for m in ctx.mentions(si)
              if qs <= m.start < qe}
    return ctx.recent_subject(qs, ("Organization",), inside, 3, speakers_only=True)
