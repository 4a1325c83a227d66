"""Stage helper: affiliated_with relations for a list of people under one plural title: the title before the list
("Mistral co-founders, A and B", "its advisers include A and B") or after it ("A and B, co-founders of the startup
Y"). The one-name forms are read by :mod:`loaders.extract.relations` and :mod:`loaders.extract.affiliations`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Event
from loaders.extract.affiliations import LIST_GAP
from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation, kind_of_organisation, lexicon
from loaders.extract.org_referents import OrgReferents
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

ROLE_LIST = register("relation.role_list.v1", "A list of people under one plural title: 'Mistral co-founders, A and "
                     "B', 'its advisers include A and B', 'A and B, co-founders of the startup Y'", __name__)

# words that rank or count the people of a plural title ("two of its top safety researchers", "fellow co-founders")
_RANK = r"(?:(?:fellow|other|two|three|four|five|several|top|senior|early|longtime|long-time|key|[a-z]+-time)\s+)*"
# the titles of an organisation's founders, heads, board and advisers
_LEADERS = (r"founder|cofounder|executive|director|board\s+member|adviser|advisor|partner|chair|chairman|"
            r"leader|officer|president|vice[- ]president|head|trustee|owner|co-lead|lead")

@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    # leaders' titles only: a list of an organisation's staff ("two Concentrix representatives, A and B") is often
    # one of its critics, whom an affiliation would make its allies
    plural = rf"{_RANK}(?P<role>(?:[a-z][\w-]*\s+){{0,2}}?(?:co-)?(?:{_LEADERS}))s"
    roles = alternation(lexicon().roles)
    return {
        # "A and B, both former Google engineers"
        "both_former": re.compile(r"^\s*,\s+(?:both|all|each)\s+(?:former|ex-)\s*$", re.I),
        "role_after": re.compile(rf"\s+(?P<role>(?:[a-z][\w-]*\s+){{0,2}}?(?:{roles}))s\b", re.I),
        # "Mistral co-founders, A and B", "OpenAI's advisers include A and B" (the organisation just before)
        "org_before": re.compile(rf"^(?:[’']s?)?\s+{plural}\s*(?:,|:|\s+(?:include|including|are|were))\s*$", re.I),
        # "its advisers include A and B", "two of its top safety researchers, A and B"
        "its_before": re.compile(rf"\b(?:its|their|the\s+(?P<noun>company|firm|startup|lab)[’']s)\s+{plural}\s*"
                                 r"(?:,|:|\s+(?:include|including|are|were))\s*$", re.I),
        # "A and B, co-founders of the startup Y", "A and B, both partners at Y"
        "after": re.compile(rf"^\s*,\s+(?:the\s+|both\s+|all\s+)?{plural}\s+(?:of|at|with)\s+(?:the\s+)?"
                            rf"{kind_of_organisation(2)}$", re.I),
    }


def role_list_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the affiliations of the people listed under a plural title whose organisation is named or referred to."""
    p, text = _patterns(), ctx.doc.clean
    refs = OrgReferents(ctx)
    for sent, all_ms in ctx.by_sentence.items():
        ms = [m for m in all_ms if m.type != "Group"]
        for i, m in enumerate(ms):
            prev = ms[i - 1] if i else None
            if m.type != "Person" or (prev and prev.type == "Person" and LIST_GAP.match(text[prev.end:m.start])):
                continue  # a list is read from its first name
            people = _list(text, ms, i)
            if len(people) < 2:
                continue
            org, role, start = _before(ctx, refs, p, ms, i, sent)
            if org is None:
                org, role, start = _after(text, p, ms, i, len(people))
            for x in people if org else ():
                add(x.key, org, role, min(start, x.start), max(x.end, people[-1].end), sent, ROLE_LIST)


def _list(text: str, ms: list[ResolvedMention], i: int) -> list[ResolvedMention]:
    """The people listed from ms[i] on ("A, B and C")."""
    out = [ms[i]]
    for x in ms[i + 1:]:
        if x.type != "Person" or not LIST_GAP.match(text[out[-1].end:x.start]):
            break
        out.append(x)
    return out


def _before(ctx: DocContext, refs: OrgReferents, p: dict[str, re.Pattern[str]], ms: list[ResolvedMention], i: int,
            sent: int) -> tuple[str | None, str | None, int]:
    """The organisation and plural title written before the list at ms[i], and where they start."""
    text, m = ctx.doc.clean, ms[i]
    prev = ms[i - 1] if i else None
    if prev is not None and prev.type == "Organization":
        r = p["org_before"].match(text[prev.end:m.start])
        if r:
            return prev.key, r.group("role"), prev.start
    lo = max(ctx.sentence(sent).start, prev.end if prev else 0, m.start - 80)
    r = p["its_before"].search(text, lo, m.start)
    if r is None or r.end() != m.start:
        return None, None, 0
    org = refs.anaphor_org(r.group("noun") or "company", r.start())
    return org, r.group("role"), r.start()


def _after(text: str, p: dict[str, re.Pattern[str]], ms: list[ResolvedMention], i: int,
           n: int) -> tuple[str | None, str | None, int]:
    """The organisation and plural title written after the n people listed from ms[i] ("A and B, co-founders of the
    startup Y", "A and B, both former Google engineers"), and where the list starts."""
    if i + n >= len(ms) or ms[i + n].type != "Organization":
        return None, None, 0
    last, org = ms[i + n - 1], ms[i + n]
    gap = text[last.end:org.start]
    t = p["role_after"].match(text, org.end, org.end + 60) if p["both_former"].match(gap) else None
    if t:  # a past role shared by the list, whatever the title
        return org.key, "former " + t.group("role"), ms[i].start
    r = p["after"].match(gap)
    return (org.key, r.group("role"), ms[i].start) if r else (None, None, 0)


ROUND_INVESTOR = register("relation.round_investor.v1", "The people listed among a funding round's investors invest "
                          "in its recipient: 'raised $100M from investors including Sequoia and Elad Gil', 'with "
                          "participation from A and investor B'", __name__)

# what opens the list of a round's investors ("investors including", "participation from", "backers:")
_INVESTORS_OPEN = re.compile(r"\b(?:(?:investors|backers|angels|shareholders)\s*,?\s+(?:including|such\s+as|like|"
                             r"include|included|among\s+them)|participation\s+(?:from|by)|(?:co-)?led\s+by|"
                             r"(?:investors|backers|angels)\b[^.;:]{0,50}:)\s+", re.I)
# between two investors of the list; "A of Skype, B" names where A comes from
_INVESTOR_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+of\s+)"
                           r"(?:(?:the\s+)?(?:investor|investors|angel\s+investor|billionaire|entrepreneur)\s+)?$")


def round_investors(ctx: DocContext, funding: list[Event], add: AddAffiliation) -> None:
    """Add the people of a funding round's investor list as investors in its recipient (the round of the sentence,
    else the one reported in the three sentences before)."""
    text = ctx.doc.clean
    rounds = sorted((ctx.sentence_at(ev.source.start), ev.participants[0].entity) for ev in funding
                    if ev.type == "FundingRound" and ev.participants and ev.participants[0].role == "recipient")
    if not rounds:
        return
    for sent, all_ms in ctx.by_sentence.items():
        recipient = next((r for si, r in reversed(rounds) if sent - 3 <= si <= sent), None)
        if recipient is None:
            continue
        s = ctx.sentence(sent)
        ms = [m for m in all_ms if m.type != "Group"]
        for o in _INVESTORS_OPEN.finditer(text, s.start, s.end):
            prev = o.end()
            for x in (m for m in ms if m.start >= o.end()):
                if x.start > prev and not _INVESTOR_GAP.match(text[prev:x.start]):
                    break
                if x.type == "Person" and x.key != recipient:
                    add(x.key, recipient, "investor", o.start(), x.end, sent, ROUND_INVESTOR)
                prev = x.end
