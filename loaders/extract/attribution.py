"""Stage: attribution — the speaker of every direct quote and reported clause.

Forms: '“…,” said X' / '“…,” X said' / 'X said: “…”' / a 'said:' sentence before a quote / a quote going on in the
next sentences or paragraph / 'X said (that) …' / '…, X said' / 'according to X, …'; pronoun speakers (he, she,
the company) are resolved to the last compatible name, spokespeople to their organisation (by the caller's actor
resolver). The criticism stage judges what each attribution says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from loaders.extract import speaker_refs
from loaders.extract.lexicon import Folded, alternation, lexicon
from loaders.extract.references import described_subject
from loaders.extract.sentiment import EVALUATIVE

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

QUOTE = re.compile(r"“([^”]{2,2000})”|\"([^\"]{2,2000})\"")
_CLOSING = {"“": "”", '"': '"'}
_FEW_QUOTES = 16
_AND_VERB = re.compile(r"^[,.]?\s*(?:,\s*)?and\s", re.I)
_ROLE_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[\w.-]+)?\s+(?:boss|chief|founder|co-founder|owner|chairman|chairwoman|"
                         r"head|billionaire|mogul|executive)\b", re.I)
_AND_BEFORE_VERB = re.compile(r"\b(?:and|but)\s+(?:then\s+|also\s+|later\s+)?\w+$")
_EPITHET = re.compile(r"\bthe\s+(?:[\w-]+\s+){1,3}?(?:of|at|for)\s+(?:the\s+)?$")
_CALLED_QUOTE = re.compile(r"\bcall(?:ed|s|ing)\s+[^,.;“\"]{1,40}$", re.I)
# "… said on Tuesday." / "… he said in a statement." ends the attribution: the rest is not the speaker's
# (not a clause of the statement itself: "according to X, it took down all of its posts on Y, where …")
# (a role, not a clause with a verb of its own: "according to the FT, Murati will hold a vote equal to those of …, in
# effect …" starts its content at the first comma)
_ROLE_APPOSITION = re.compile(r"(?!\s*(?:it|he|she|they|we|there)\s)(?![^,;]*\b(?:is|are|was|were|has|have|had|will|"
                              r"would|can|could|may|might|does|did)\b)\s*(?:a|an|the)?\s*[^,;]{0,60}?"
                              r"\b(?:at|of|for|with)\b[^,;]{0,60},")
# "The deal was valued at $700 million, according to X, and …": a clause before the source is its content
_CLAUSE_BEFORE = re.compile(r"\S+(?:\s+\S+){3,},\s*$")
# "according to four sources cited by Semafor": the unnamed sources speak; the outlet that cites them only reports
_CITED_SOURCES = re.compile(r"(?:[\w-]+\s+){0,3}?(?:sources?|people|persons|insiders|officials|employees|staff|"
                            r"documents?|emails?|messages?|records)\b[^,;]{0,40}?\b(?:cited|quoted|reviewed|seen|"
                            r"obtained|interviewed|contacted)\s+by\s+(?:the\s+)?$", re.I)
_FRAME_STEMS = ("call", "describ", "dismiss", "derid", "brand", "label", "pann", "reject")
_TO_OUTLET = re.compile(r"\b(?:told|telling|interview\s+with|speaking\s+(?:to|with)|appearance\s+on|on|via)\s+"
                        r"(?:the\s+)?$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our|my|your)\s+(?:[\w-]+\s+)?$", re.I)
_SAYS_PRONOUN = re.compile(r"^[,.]?\s*(?:he|she)\b", re.I)
# "“…,” Meta's chief global affairs officer Joel Kaplan said": the organisation owns the role, the person speaks
_OWNER_ROLE = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){1,5}$")
_CLAUSE_CUT = re.compile(r"[,;:(—–]")
# between two quotes of one sentence: '…,” Park said, adding that the valuation was “'
_PARTICIPLE_AFTER = re.compile(r"[^“\".;]{1,80},\s*(?:\w+ly\s+)?[a-z]+ing\b[^“\".;]{0,80}")


def quotes(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of QUOTE.finditer(text, pos, endpos), in time linear in the text: an opening quotation mark whose
    closing one is not within QUOTE's reach is passed over without QUOTE scanning 2,000 characters for it."""
    end = len(text) if endpos is None else endpos
    if text.count("“", pos, end) + text.count('"', pos, end) <= _FEW_QUOTES:
        yield from QUOTE.finditer(text, pos, end)  # a few scans of 2,000 characters at most: the regex alone is faster
        return
    # the next occurrence at or after a position of each quotation mark, found again only once passed
    after = {c: -1 for c in "“”\""}

    def next_at(c: str, at: int) -> int:
        if after[c] != end and after[c] < at:
            found = text.find(c, at, end)
            after[c] = end if found < 0 else found
        return after[c]

    at = pos
    while at < end:
        at = min(next_at("“", at), next_at('"', at))
        if at >= end:
            return
        close = next_at(_CLOSING[text[at]], at + 1)
        # QUOTE matches here exactly when the closing mark is 2 to 2,000 characters on: only then is it run
        m = QUOTE.match(text, at, end) if close < end and 2 <= close - at - 1 <= 2000 else None
        if m is None:
            at += 1
            continue
        yield m
        at = m.end()


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str] | Folded]:
    """The word-list regexes shared by attribution and judgement (compiled once per process; the case-insensitive
    ones folded: see lexicon.Folded)."""
    lex = lexicon()
    # tries of the word lists: the same matches as longest-first alternations, several times faster
    verbs, speech, neg = alternation(lex.criticism_verbs), alternation(lex.speech_verbs), alternation(lex.negative)
    return {
        "verb": Folded(rf"\b(?:{verbs})\b"),
        "speech": re.compile(rf"\b(?:{speech})\b"),
        "negative": Folded(rf"(?<![\w-])(?:{neg})(?:s|es|d|ed|ing|ly)?(?![\w-])"),
        "speech_before_quote": re.compile(rf"\b(?:{speech})\b[^.“\"]{{0,60}}?[,:]?\s*$"),
        # a full stop inside the sentence before a capital is an abbreviation's or an initial's ("U.S. District
        # Judge John A. Mendez wrote"), not the end of the attribution
        "speech_after_quote": re.compile(rf"^[,.!?]?\s*(?:(?:{speech})\b|(?:[^.,;“\"]|\.(?=\s?[A-Z])){{1,80}}?"
                                         rf"\b(?:{speech})\b)"),
        # '“…,” Boaz Barak, a professor on leave from Harvard, wrote': the speaker's apposition before the verb
        "speech_after_appos": re.compile(rf"^[,.!?]?\s*[A-Z][^.,;“\"]{{0,60}}?,\s+[^.;“\"]{{1,160}}?,\s+"
                                         rf"(?:\w+ly\s+)?(?:{speech})\b"),
        # "warned last year that", "said on Monday that": a time between the verb and its content (a comma inside a
        # number, "20,000", ends no time phrase)
        "said_that": re.compile(rf"\b(?:{speech})\b(?:\s+\w+ly)?"
                                r"(?:\s+(?:on|in)\s+[^,]{1,40}?(?=\s*,(?!\d)|\s+that\b)|"
                                r"\s+(?:on|in)\s+(?:\w+day|January|February|March|April|May|June|July|August|"
                                r"September|October|November|December|\d{4})(?:\s+\d{1,4})?\b|\s+(?:last|this|"
                                r"earlier this|late last|early last|later that|that same)\s+(?:week|month|year|"
                                r"spring|summer|autumn|fall|winter|quarter|\w+day))?\s*(?:,\s*)?(?:that\s+)?"),
        "according": Folded(r"\baccording to\s+(?:the\s+)?", anchors=("according to",)),
        # "Y was sued by X", and without the auxiliary in headlines and reduced clauses: "Y sued by X"
        "passive": Folded(
            rf"\b(?:(?:was|were|been|being|is|are|has been|have been)\s+(?:{verbs})|(?:{verbs})(?<=ed))\s+by\b",
            anchors=("by",),
        ),
    }


class Speakers(Protocol):
    """What attribution needs from its caller: the text, the context and the actor resolver."""

    ctx: DocContext
    text: str
    allies: dict[str, set[str]]

    def critic_at(self, sent: int, pos: int) -> str | None: ...

    def document_voice(self, sent: int, pos: int) -> str | None: ...

    def actor(self, key: str | None, sent: int, pos: int) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: who said what, where."""

    speaker: str
    kind: str  # "quote", "reported" ("X said that …"), "fronted" ("…, X said"), "according"
    start: int  # the content span
    end: int
    sent: int  # sentence of the content's start
    last_sent: int  # sentence of the content's end
    verb: str | None  # the attributing words, when any
    judged: str  # the content, with the earlier part of a quote that goes on
    called: int = -1  # offset of an evaluative frame before a quote ("called it “…”"), -1 when none
    continued: bool = False


@dataclass(frozen=True, slots=True)
class _Quote:
    """What a direct quote's attribution reads before its speaker is looked for."""

    body: str
    qs: int
    qe: int
    sent_a: int
    sent_b: int
    frame: re.Match[str] | None  # an evaluative frame before it ("described it as “…”")
    called: re.Match[str] | None  # "called it “…”"
    short: bool  # too short to stand alone unless it goes on, or is framed


def _quote_parts(ctx: DocContext) -> list[_Quote]:
    """The document's quotes, read once (the criticism and claims stages both attribute them)."""
    if ctx.quote_parts is not None:
        return ctx.quote_parts
    text, out = ctx.doc.clean, []
    for q in quotes(text):
        body = q.group(1) or q.group(2) or ""
        qs, qe = q.start(), q.end()
        sent_a = ctx.sentence_at(qs)
        sa = ctx.sentence(sent_a)
        lead = text[max(sa.start, qs - 90):qs].lower()
        # the frame regex only runs where one of its verbs occurs (most quotes have none)
        frame = EVALUATIVE.search(text, max(sa.start, qs - 90), qs + 1) \
            if any(w in lead for w in _FRAME_STEMS) else None
        # a short quote opening its sentence and closed by its own punctuation is a sentence, not a scare quote
        whole = sa.start == qs and body.rstrip()[-1:] in ",.!?"
        out.append(_Quote(body, qs, qe, sent_a, ctx.sentence_at(max(qs, qe - 1)), frame,
                          _CALLED_QUOTE.search(text, sa.start, qs), len(body.split()) < (3 if whole else 5)))
    ctx.quote_parts = out
    return out


def quote_attributions(f: Speakers) -> list[Attribution]:
    """Every direct quote with a speaker (short scare quotes only when framed by "called" or going on)."""
    ctx, text = f.ctx, f.text
    out: list[Attribution] = []
    last_para, last_speaker, last_body = -1, None, ""
    last_speakers: list[str] = []
    last_qe = 0
    for part in _quote_parts(ctx):
        body, qs, qe, sent_a, sent_b = part.body, part.qs, part.qe, part.sent_a, part.sent_b
        frame, called = part.frame, part.called
        sa = ctx.sentence(sent_a)
        para = sa.paragraph
        continued = para == last_para and sa.start == qs
        if part.short and not continued and not called and not frame:
            continue  # scare quotes inside reported speech are handled with their sentence
        judged = f"{last_body} {body}" if continued else body
        last_body = body
        speaker, verb_text = _speaker(f, sent_a, sent_b, qs, qe)
        if speaker is None and (called or frame):
            speaker = f.critic_at(sent_a, (called or frame).start())  # type: ignore[union-attr]
        if speaker is None and sent_a > 0:
            prev = ctx.sentence(sent_a - 1)
            if re.search(r"[:,]\s*$", ctx.stext(sent_a - 1)) and patterns()["speech"].search(ctx.stext(sent_a - 1)):
                speaker = f.critic_at(sent_a - 1, prev.end)  # "X said:" then the quote
        if last_speaker and _PARTICIPLE_AFTER.fullmatch(text, last_qe, qs) and ctx.sentence_at(last_qe) == sent_a:
            speaker = last_speaker  # '“…,” Park said, adding that the valuation was “…”': the same speaker
        if last_speaker and para - last_para <= 1 and \
                speaker_refs.org_pronoun(ctx, patterns()["speech"], sa.start, qs, qe, last_speaker, last_qe):
            speaker = last_speaker  # '“…,” the union wrote. It added: “…”': the organisation that spoke last
        if speaker is None and verb_text:  # '“…,” it said', '“…,” the band wrote': what the words refer to
            speaker = f.actor(speaker_refs.referred_speaker(ctx, patterns()["speech"], qs, qe), sent_b, qe)
        described = speaker is None and speaker_refs.described_after(ctx, patterns()["speech"], qe)
        opens = speaker is None and text[sa.start] in "“\"" and not described
        introduced = _introduced(f, sent_a, last_qe) if opens else None
        if introduced is not None:
            speaker = introduced  # 'Chen, an analyst at Bernstein, was blunter. “…”': the person just introduced
        goes_on = opens and introduced is None and last_speaker and (para == last_para or para == last_para + 1)
        if goes_on:
            speaker = last_speaker  # the quote goes on in the next sentence or paragraph
        plural = speaker_refs.plural_after(ctx, qs, qe) if verb_text and not goes_on else []
        speakers = plural or (last_speakers if goes_on else speaker_refs.speakers_of(ctx, speaker, qs) if speaker
                              else [])
        if not speakers:
            if described:  # '“…,” the fake voice said. “…”': the next quote goes on this unknown speaker's
                last_speaker, last_para = None, ctx.sentence(sent_b).paragraph
            continue
        last_para, last_speaker, last_speakers = ctx.sentence(sent_b).paragraph, speakers[0], speakers
        last_qe = qe
        at = frame.start() if frame else (called.start() if called else -1)
        out += [Attribution(who, "quote", qs, qe, sent_a, sent_b, verb_text, judged, at, continued)
                for who in speakers]
    return out


def _role_between(gap: str) -> bool:
    """Whether the words between an organisation and a person are only the person's role ("District Judge",
    "chief executive"): the role ends in a role word, and no list or clause breaks in."""
    words = gap.split()
    return 0 < len(words) <= 4 and not _CLAUSE_CUT.search(gap) and words[-1].lower() in lexicon().role_words and \
        not any(w.lower() in ("and", "&", "of", "to", "with") for w in words)


# a parenthetical speech tag right after a name, which the statement is about: "Midjourney, it says, is …"
_PAREN_TAG = re.compile(r",\s+(he|she|it|they)\s+(?:\w+ly\s+)?$", re.I)
_PRONOUN_START = re.compile(r"(?:he|she|they|it|we|i)\b", re.I)


def _introduced(f: Speakers, sent: int, last_qe: int) -> str | None:
    """The person named as the subject of the sentence before an unattributed quote in its paragraph, where that
    sentence holds no quote of its own ('X said “…”. ¶ Chen, an analyst, disagreed. “…”': Chen's words, not X's)."""
    ctx = f.ctx
    if sent == 0:
        return None
    prev = ctx.sentence(sent - 1)
    if prev.paragraph != ctx.sentence(sent).paragraph or last_qe > prev.start or "“" in ctx.stext(sent - 1) or \
            '"' in ctx.stext(sent - 1):
        return None
    if _PRONOUN_START.match(ctx.stext(sent - 1)):
        return None  # "He said …": the sentence goes on with a speaker already named
    key = ctx.subject(sent - 1, prev.end)
    # the subject is the sentence's first name, a person's ("Chen, an analyst, …", "A mother identified as Jane Doe")
    first = next((m for m in ctx.mentions(sent - 1) if ctx.is_head(m)), None)
    named = first is not None and first.key == key and first.type == "Person"
    return f.actor(key, sent - 1, prev.start) if key is not None and named else None


def _speaker(f: Speakers, sent_a: int, sent_b: int, qs: int, qe: int) -> tuple[str | None, str | None]:
    """The speaker of a quote: '..." said X' / '..." X said' after it, or 'X said, "...' before it."""
    ctx, text, p = f.ctx, f.text, patterns()
    sb = ctx.sentence(sent_b)
    after = text[qe:sb.end]
    m = p["speech_after_quote"].match(after) or p["speech_after_appos"].match(after)
    # '“...,” and noted that X' / '“disaster” for security and wrote that X': the speaker was named before
    if m and not _AND_VERB.match(after) and not _AND_BEFORE_VERB.search(m.group(0)):
        if _SAYS_PRONOUN.match(after.strip(" ,")):
            # '“…,” he said, adding that Intel had …', '“…,” she told CNBC's Jim Cramer': the pronoun is the speaker,
            # not a name after the verb (nor one inside the quote)
            return f.actor(ctx.person_pronoun(qs), sent_b, qe), m.group(0)
        # '“…,” he said in an interview with Bloomberg Television', '… she wrote on Threads': the outlet is no speaker
        # '“…,” wrote the newsletter Hit Points, noting that X …': a name past the clause after the verb is not it
        cut = _CLAUSE_CUT.search(text, qe + m.end(), sb.end)
        names = [x for x in ctx.mentions(sent_b, qe, cut.start() if cut else sb.end) if ctx.is_head(x) and
                 not (x.type == "Organization" and _TO_OUTLET.search(text, max(qe, x.start - 24), x.start))]
        names = speaker_refs.premodified_body(names)  # '“…,” the Atlantic union said': the union, not the magazine
        if len(names) > 1 and names[1].type == "Person" and (
                (names[0].type == "Organization" and _OWNER_ROLE.fullmatch(text, names[0].end, names[1].start)) or
                (names[0].type in ("Organization", "Place") and _role_between(text[names[0].end:names[1].start]))):
            names = names[1:]  # "Meta's chief Joel Kaplan", "U.S. District Judge John Mendez": the person speaks
        if names and names[0].start - qe < 90:
            if names[0].type == "Organization" and (_EPITHET.search(text, qe, names[0].start) or (
                    re.search(r"\bthe\s+$", text[qe:names[0].start]) and _ROLE_AFTER.match(text, names[0].end))):
                # "the Tesla and xAI boss posts": a role at the organisation, not the organisation
                # the speaker is described by a role at an organisation: the person of that role named before
                person = ctx.recent(qs, ("Person",), max_sentences=3)
                if person and names[0].key in f.allies.get(person, ()):
                    return person, m.group(0)
            return f.actor(names[0].key, sent_b, names[0].start), m.group(0)
        key = ctx.subject(sent_b, qe + m.end()) or described_subject(ctx, sent_b, qe + m.end())
        if key is not None and not any(x.key == key for x in ctx.mentions(sent_b, qe, qe + m.end())) and \
                any(x.key == key for x in ctx.mentions(sent_b, None, qe)):
            key = None  # a name inside the quote does not speak it
        key = key or speaker_refs.firm_speaker(ctx, qs, qe, qe + m.end())  # "a company spokesperson said"
        if key is None:  # '“…,” the decision states': the document speaks for its author
            return f.document_voice(sent_b, qe + m.end()), m.group(0)
        return f.actor(key, sent_b, qe), m.group(0)
    sa = ctx.sentence(sent_a)
    before = text[sa.start:qs]
    m = p["speech_before_quote"].search(before)
    if m:
        # the last verb of speech before the quote with a subject of its own speaks it: "In a post on X, he said X
        # had …" is his, not the post's; "X fired back, saying …" is X's through the first verb
        tag = _PAREN_TAG.search(before, 0, m.start())
        if tag and re.match(r"\w+,", m.group(0)) and \
                any(x.end == sa.start + tag.start() for x in ctx.mentions(sent_a, sa.start, sa.start + tag.start())):
            # "Midjourney, it says, is “…”", "OpenAI, he wrote, “…”": the pronoun between commas speaks, not the name
            # before it (which the quote is about); "it" and "they" are left unresolved
            who = ctx.person_pronoun(sa.start + tag.start(1)) if tag.group(1).lower() in ("he", "she") else None
            return f.actor(who, sent_a, sa.start + tag.start(1)), m.group(0)
        for v in reversed(list(p["speech"].finditer(before, m.start() + 1))):
            later = p["speech_before_quote"].match(before, v.start())
            speaker = f.critic_at(sent_a, sa.start + v.start()) if later else None
            if speaker is not None and not _DETERMINER_BEFORE.search(before, max(0, v.start() - 30), v.start()):
                return speaker, m.group(0)  # every verb from the first: "fired back …, saying" is a retort
    if m or re.search(r"[:]\s*$", before):
        pos = sa.start + (m.start() if m else len(before.rstrip(": ")))
        return f.critic_at(sent_a, pos), (m.group(0) if m else before[-40:])
    return None, None


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb of speech of a sentence, outside its quotes, read once for every stage that asks."""

    rel: int  # its offset in the sentence
    words: str  # the verb as matched
    content_start: int  # where what it reports starts ("said on Monday that …"), an offset in the document
    quote_verb: bool  # it may attribute a direct quote ('“…,” she said'): where the sentence holds an attributed
    # quote, the quote's attribution reads it


def speech_verbs(ctx: DocContext, sent: int) -> list[SpeechVerb]:
    """The verbs of speech of a sentence outside its quotes (one scan per sentence, kept on the context: the
    criticism and claims stages both read the reported speech of every sentence)."""
    found = ctx.speech_verbs.get(sent)
    if found is not None:
        return found
    p, s, st = patterns(), ctx.sentence(sent), ctx.stext(sent)
    # every quotation mark test below needs one of these: a sentence without any skips them
    marks = "“" in st or '"' in st or "”" in st
    spans = [(q.start(), q.end()) for q in quotes(st)] if marks else []
    found = []
    for m in p["speech"].finditer(st):
        if any(a <= m.start() < b for a, b in spans):
            continue  # "Feld's claims are wrong," inside a quote: the quote's own speaker says it
        quote_verb = marks and (re.search(r"[“\"]", st[m.end():m.end() + 4]) is not None or
                                re.search(r"[”\"]\s*,?\s*$", st[:m.start()]) is not None or
                                re.search(r"[,.!?][”\"]\s+\S+(?:\s+\S+)?\s*$", st[:m.start()]) is not None)
        content_start = s.start + p["said_that"].match(st, m.start()).end()  # type: ignore[union-attr]
        found.append(SpeechVerb(m.start(), m.group(0), content_start, quote_verb))
    ctx.speech_verbs[sent] = found
    return found


@dataclass(frozen=True, slots=True)
class _According:
    """'according to X, …': the source named and the content after it (its speaker is resolved by the caller)."""

    key: str
    start: int  # where the name is
    content_start: int
    content: str


@dataclass(frozen=True, slots=True)
class ReportedFrame:
    """What a sentence's reported speech reads of the document alone, read once for both stages that attribute it
    (the criticism and the claims stages ask for the same sentences; only the speakers depend on the asker)."""

    # per verb of speech (speech_verbs' order): the quote its participle clause follows ('“…,” X said, adding that
    # …'), in the sentence's offsets, else None
    priors: tuple[tuple[int, int] | None, ...]
    according: _According | None
    described: dict[int, str | None]  # references.described_subject at a verb, asked where no critic is found


def reported_frame(ctx: DocContext, sent: int) -> ReportedFrame:
    """The sentence's reported speech as the document alone tells it (kept on the context)."""
    frame: ReportedFrame | None = ctx.reported.get(sent)
    if frame is not None:
        return frame
    p, st = patterns(), ctx.stext(sent)
    spans = tuple((q.start(), q.end()) for q in quotes(st)) if "“" in st or '"' in st else ()
    priors = []
    for v in speech_verbs(ctx, sent):
        prior = [(a, b) for a, b in spans if b <= v.rel]
        fits = prior and _PARTICIPLE_AFTER.fullmatch(st, prior[-1][1], v.rel + len(v.words))
        priors.append(prior[-1] if fits else None)
    frame = ctx.reported[sent] = ReportedFrame(tuple(priors), _according(ctx, sent, p), {})
    return frame


def _according(ctx: DocContext, sent: int, p: dict[str, re.Pattern[str] | Folded]) -> _According | None:
    """The source and content of 'according to X, …' in a sentence, None where it has none (or X is only a source
    of another speaker: "according to the FT, X said …")."""
    s, st = ctx.sentence(sent), ctx.stext(sent)
    am = p["according"].search(st)
    if not am or _CLAUSE_BEFORE.fullmatch(st, 0, am.start()):
        return None
    names = [x for x in ctx.mentions(sent, s.start + am.end(), s.end) if ctx.is_head(x)]
    comma = st.find(",", am.end())
    appos = _ROLE_APPOSITION.match(st, comma + 1) if comma > 0 else None
    if appos:  # "according to X, head of research at Y, ...": the content starts after the apposition
        comma = appos.end() - 1
    if not names or comma <= 0 or names[0].end > s.start + comma + 1 or \
            _CITED_SOURCES.match(st, am.end(), names[0].start - s.start):
        return None
    content = st[comma + 1:]
    if p["speech"].search(content) or p["verb"].search(content):
        return None
    return _According(names[0].key, names[0].start, s.start + comma + 1, content)


def reported_attributions(f: Speakers, sent: int, quoted: bool,
                          keep: Callable[[str], bool] | None = None) -> list[Attribution]:
    """'X said (that) …', '…, X said' and 'according to X, …' in one sentence (``quoted``: it holds a quote;
    ``keep``: a test on the content, so that speakers are only resolved for statements that matter)."""
    ctx, text = f.ctx, f.text
    s = ctx.sentence(sent)
    out: list[Attribution] = []
    frame = reported_frame(ctx, sent)
    for v, prior in zip(speech_verbs(ctx, sent), frame.priors, strict=True):
        if quoted and v.quote_verb:
            continue  # the attribution of a direct quote: handled with the quote
        pos, content_start = s.start + v.rel, v.content_start
        after = content_start < s.end - 3 and (keep is None or keep(text[content_start:s.end]))
        if not after and (keep is not None and not keep(text[s.start:pos])):
            continue
        if prior is not None:
            # '“…,” Ann Ruiz said, adding that X was …': the quote's speaker, not a name inside the quote
            speaker = _speaker(f, sent, sent, s.start + prior[0], s.start + prior[1])[0]
        else:  # "The site said …": a description of a party told before
            speaker = f.critic_at(sent, pos) or f.actor(_described(ctx, frame, sent, pos), sent, pos)
        if speaker is None:
            continue
        speakers = speaker_refs.speakers_of(ctx, speaker, pos)
        if after:
            out += [Attribution(who, "reported", content_start, s.end, sent, sent, v.words,
                                text[content_start:s.end]) for who in speakers]
        # "<content>, X said." : the content is before the speaker
        names = [x for x in ctx.mentions(sent, s.start, pos) if x.key == speaker]
        if names and re.search(r",\s*$", text[s.start:names[0].start]):
            out += [Attribution(who, "fronted", s.start, names[0].start, sent, sent, v.words,
                                text[s.start:names[0].start]) for who in speakers]
    acc = frame.according
    if acc is not None:
        speaker = f.actor(acc.key, sent, acc.start)
        if speaker:
            out.append(Attribution(speaker, "according", acc.content_start, s.end, sent, sent, "according to",
                                   acc.content))
    return out


def _described(ctx: DocContext, frame: ReportedFrame, sent: int, pos: int) -> str | None:
    """references.described_subject (the whole subject) at a verb, read once per verb."""
    if pos not in frame.described:
        frame.described[pos] = described_subject(ctx, sent, pos, whole=True)
    return frame.described[pos]
