"""Who a quote's speaker reference stands for when it is not a name: "the senators wrote" (the persons named with
that role), a group noun of people ("the authors said"), "it added" / "the company said" after an organisation's own
quotes (that organisation, not a name its quotes mentioned)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract import plural_speakers
from loaders.extract.references import is_plural, refers_back

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.schema import ResolvedMention

# "it" or "the company" as the subject of a speech verb (the words before the verb; not across a paragraph break)
_ORG_PRONOUN = re.compile(r"[,.!?]?[ \t]*(?:it|the\s+(?:company|firm|startup|group))\s+(?:\w+ly\s+|also\s+)?", re.I)
# '“…,” the senators wrote': a plural description of people as the speaker
_THE_PLURAL_SAID = re.compile(r"[,.!?]?\s*the\s+(?:two\s+|three\s+|four\s+)?([a-z]+s)\b")


# the last word of a news outlet's name ("The Wall Street Journal", "Bloomberg News", "CNBC"): general knowledge
_NEWS_HEADS = frozenset({"Times", "Journal", "Post", "News", "Press", "Tribune", "Herald", "Gazette", "Wire",
                         "Reuters", "Bloomberg", "Axios", "BBC", "CNN", "CNBC", "Guardian", "Economist", "Politico",
                         "Verge", "TechCrunch", "Telegraph", "Independent", "Chronicle", "Inquirer", "AP", "AFP"})
# "Reuters reported", "Bloomberg first reported": the organisation reports news
_REPORTS_AFTER = re.compile(r"\s+(?:\w+ly\s+|first\s+|also\s+)?report(?:ed|s)\b")
# "reported by Wired", "told Reuters", "in an interview with CNBC": the organisation is where news was told
_NEWS_BEFORE = re.compile(r"\b(?:reported\s+by|reporting\s+by|told|interview\s+with)\s+(?:the\s+)?$", re.I)
# "according to a Business Insider column": the outlet's own verdict, not its reporting
_VERDICT_NOUN = re.compile(r"\b(?:column|columnist|editorial|review|op-ed|opinion|verdict|analysis|critic)\b", re.I)


def is_outlet(ctx: DocContext, key: str) -> bool:
    """Whether an organisation is a news outlet: its name ends as outlets' do, or the document has it report news
    ("Reuters reported", "told CNBC")."""
    known = ctx.outlets.get(key)
    if known is None:
        known = ctx.outlets[key] = _is_outlet(ctx, key)
    return known


def _is_outlet(ctx: DocContext, key: str) -> bool:
    e = ctx.entities.get(key)
    if e is None or e.type != "Organization":
        return False
    if e.label.split()[-1] in _NEWS_HEADS:
        return True
    text = ctx.doc.clean
    return any(_REPORTS_AFTER.match(text, m.end) or _NEWS_BEFORE.search(text, max(0, m.start - 24), m.start)
               for m in e.mentions)


def reports_only(ctx: DocContext, key: str, source: str) -> bool:
    """Whether ``source`` ("according to a CNBC report", "reported") is a news outlet reporting, not judging: an outlet
    that merely reports is no critic (its own column or editorial is)."""
    return not _VERDICT_NOUN.search(source) and is_outlet(ctx, key)


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


# '“…,” it said' / '“…,” the band wrote': a pronoun or a definite description as the subject of the speech verb
_REF_SAID = re.compile(r"[,.!?]?[ \t]*(?:(it)|the\s+(?:[a-z]+\s+)?([a-z]+))\s+(?:\w+ly\s+|also\s+)?", re.I)
# the same without a modifier: '“…,” the group said in a statement', where the first reading takes "group" for a
# modifier and "said" for the noun
_REF_SAID_BARE = re.compile(r"[,.!?]?[ \t]*(?:(it)|the\s+([a-z]+))\s+(?:\w+ly\s+|also\s+)?", re.I)
# a name right after one of these is an object, not the subject of its sentence ("with OpenAI", "to X")
_PREP_BEFORE = re.compile(r"\b(?:in|on|at|of|with|for|to|from|by|about|into|against|over|than)\s+(?:the\s+)?$", re.I)
_SUBJECT_REACH = 80  # a sentence's subject starts within its first words (a fronted phrase at most)


def referred_speaker(ctx: DocContext, speech: re.Pattern[str], qs: int, qe: int) -> str | None:
    """The speaker '“…,” it said' or '“…,” the band wrote' refers to: for "it", the organisation (or a body such as
    "the Atlantic union") that is the subject of the sentence before the quote, unless that sentence is itself a
    quote (whose speaker "it" continues, a matter for the quote's own attribution); for "the <noun>", the organisation
    described by that noun before ("the Bay Area band Xiu Xiu") or whose name ends in it ("the union"), or for a body
    noun the organisation opening a sentence before (references.refers_back)."""
    text = ctx.doc.clean
    m = _ref_said(text, speech, qe)
    if m is None:
        return None
    if m.group(2):
        noun = m.group(2).lower()
        if is_plural(noun):
            return None  # "the utilities said": several parties, of which the one described last is only one
        return refers_back(ctx, noun, qs, any_noun=True, opening=ctx.sentence_at(qs))
    return _subject_before(ctx, ctx.sentence_at(qs) - 1)


def described_after(ctx: DocContext, speech: re.Pattern[str], qe: int) -> bool:
    """Whether a quote ends with its own described speaker ('“…,” the fake voice said'): it does not go on the quote
    before it, even where the description refers to no entity."""
    m = _ref_said(ctx.doc.clean, speech, qe)
    return m is not None and m.group(2) is not None


def _ref_said(text: str, speech: re.Pattern[str], qe: int) -> re.Match[str] | None:
    """'“…,” it said' / '“…,” the (Bay Area) band wrote' right after a quote, its verb one of speech (the noun is
    found also where words follow the verb: "the group said in a statement")."""
    for pattern in (_REF_SAID, _REF_SAID_BARE):
        m = pattern.match(text, qe)
        if m is not None and speech.match(text, m.end()):
            return m
    return None


def _subject_before(ctx: DocContext, si: int) -> str | None:
    """The organisation, or singular body of people, that is the subject of sentence ``si`` (None when the sentence
    opens a quote, or its subject is a person or a product)."""
    if si < 0:
        return None
    s, text = ctx.sentence(si), ctx.doc.clean
    if s.heading or text[s.start] in "“\"":
        return None
    ms = [x for x in ctx.mentions(si) if ctx.is_head(x) and x.start - s.start <= _SUBJECT_REACH]
    for x in ms:
        if x.type not in ("Person", "Organization", "Group", "Product"):
            continue  # a place in a fronted phrase ("In Brussels, …")
        if _PREP_BEFORE.search(text, max(s.start, x.start - 12), x.start):
            continue
        # "the Atlantic union": the body the organisation's name premodifies speaks, not the organisation
        body = next((g for g in ms if g.type == "Group" and g.start <= x.start and g.end > x.end), None)
        if body is not None and not ctx.label(body.key).lower().endswith("s"):
            return body.key
        return x.key if x.type == "Organization" else None
    return None


def premodified_body(names: list[ResolvedMention]) -> list[ResolvedMention]:
    """The names after a quote with a body of people first when the first name only premodifies it ("the Atlantic
    union", "Tesla shareholders", "a Meta spokesperson"): the body speaks (or its organisation, for a spokesperson,
    which the caller's actor resolver decides), not the organisation its name qualifies."""
    if not names or names[0].type != "Organization":
        return names
    org = names[0]
    body = next((g for g in names[1:3] if g.type == "Group" and g.start <= org.start and g.end > org.end), None)
    return names if body is None else [body, *(x for x in names[1:] if x is not body)]
