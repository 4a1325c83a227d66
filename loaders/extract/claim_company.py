"""What "the company" refers to where it speaks ("The company said …", '“…,” the company wrote', "according to the
company"): the organisation the article introduced as a company, the one that spoke just before, the subject of the
paragraph; and the speakers attribution leaves unresolved ("The agency estimates that …", "By then, she said, …",
"a model that the company says outperforms …", "In a follow-up post, he said …"); the claims stage
(loaders/extract/claims.py) asks it for its speakers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.attribution import Attribution
from loaders.extract.claim_speech import person_of_pronoun
from loaders.extract.speaker_refs import is_outlet

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

# "The company says", "However, the firm also noted": a definite description as the subject of the verb
_COMPANY_SUBJECT = re.compile(r"(?:^|[,;]\s*|\b(?:but|and|however)\s+)(?:the (?:company|firm|startup))\s+"
                              r"(?:(?:also|later|has|had|previously|again|then|now)\s+)*$", re.I)
# '“…,” the company wrote', '“…,” a company spokesperson said' (unnamed: the company speaks)
_QUOTE_BY_COMPANY = re.compile(r"\s*(?:the (?:company|firm|startup)|an? (?:company|firm) spokes(?:person|man|woman))\b",
                               re.I)
_DESCRIBED = re.compile(r"\b(?:company|startup|start-up)\s+$", re.I)  # not "firm": "law firm X" is its counsel
_ADDRESSEE = re.compile(r"\b(?:told|tells|telling|tell|to|with|by|according to)\s+(?:the\s+|an?\s+)?$", re.I)
# the words that name a public body, never "the company" (general language)
_PUBLIC_BODY = re.compile(r"\b(?:Commission|Department|Ministry|Agency|Authority|Office|Court|Council|Parliament|"
                          r"Congress|Senate|Administration|Bureau|Committee|Government|University|Institute|Police|"
                          r"Regulator|Tribunal|Prosecutor|Attorney|Union|Assembly)\b")
RECENT_SPEAKER = 3  # sentences back in which an organisation that spoke is still "the company"


def company_subject(ctx: DocContext, a: Attribution, recent: str | None = None) -> str | None:
    """"The company says …" after "online education company Chegg": the organisation the article introduced as
    a company (the latest so described), not the last one named (often a rival or an outlet it spoke to); and
    '“…,” the company wrote'."""
    if a.kind == "quote" and a.verb and _QUOTE_BY_COMPANY.match(a.verb):
        return company_referent(ctx, a.last_sent, a.end, recent)
    if a.kind != "reported" or not a.verb:
        return None
    verb_at = ctx.doc.clean.rfind(a.verb, ctx.sentence(a.sent).start, a.start + 1)
    return the_company(ctx, a.sent, verb_at, recent) if verb_at >= 0 else None


def the_company(ctx: DocContext, sent: int, verb_at: int, recent: str | None = None) -> str | None:
    """What "the company" right before a verb at ``verb_at`` refers to (None when no such subject stands there):
    the organisation introduced as a company, else the one that spoke just before (``recent``), else the nearest."""
    if not _COMPANY_SUBJECT.search(ctx.doc.clean[ctx.sentence(sent).start:verb_at].lstrip()):
        return None
    return company_referent(ctx, sent, verb_at, recent)


def company_referent(ctx: DocContext, sent: int, verb_at: int, recent: str | None = None) -> str | None:
    """The organisation "the company" at ``verb_at`` refers to: the latest introduced as a company, else the one
    that spoke just before (``recent``) if named in this paragraph, else the subject of the paragraph, else
    ``recent``, else the one named most nearby that is ever more than an addressee."""
    text = ctx.doc.clean
    others = {k for k, e in ctx.entities.items() if e.type == "Organization" and not is_company(ctx, k)}
    if recent in others:
        recent = None
    described = [m for si in range(sent + 1) for m in ctx.by_sentence.get(si, []) if m.end <= verb_at and
                 m.type == "Organization" and _DESCRIBED.search(text, max(0, m.start - 12), m.start)]
    if described:
        return described[-1].key
    subject = _paragraph_subject(ctx, sent, verb_at)
    subject = None if subject in others else subject
    if subject is not None and (recent is None or not _in_paragraph(ctx, recent, sent, verb_at)):
        return subject  # "Mistral AI released a model on Tuesday. “…,” the company wrote", after another speaker
    if recent is not None:
        return recent
    # else the organisation named most nearby, of those that are ever a subject (not only "told Axios")
    addressed = {k for k, e in ctx.entities.items() if e.type == "Organization" and e.mentions and all(
        _ADDRESSEE.search(text, max(0, m.start - 16), m.start) for m in e.mentions)}
    return ctx.salient(verb_at, addressed | others) or ctx.salient(verb_at, addressed | others, max_sentences=20)


def is_company(ctx: DocContext, key: str) -> bool:
    """Whether "the company" may mean an organisation: not a public body (a commission, ministry, court, university)
    nor a news outlet, which the article reports with or about but which are no company."""
    return not _PUBLIC_BODY.search(ctx.label(key)) and not is_outlet(ctx, key)


def _in_paragraph(ctx: DocContext, key: str, sent: int, pos: int) -> bool:
    """Whether an entity is named in the paragraph of ``sent`` before ``pos``."""
    para = ctx.sentence(sent).paragraph
    return any(m.key == key and m.start < pos and ctx.sentence(si).paragraph == para
               for si in range(max(0, sent - RECENT_SPEAKER), sent + 1) for m in ctx.mentions(si))


def _paragraph_subject(ctx: DocContext, sent: int, pos: int) -> str | None:
    """The organisation that opens the latest sentence of the paragraph before ``pos`` as its subject."""
    para = ctx.sentence(sent).paragraph
    for si in range(sent, -1, -1):
        s = ctx.sentence(si)
        if s.paragraph != para:
            return None
        first = next(iter(ctx.mentions(si, s.start, min(s.end, pos))), None)
        if first is not None and first.type == "Organization" and \
                re.fullmatch(r"[\s“\"]*(?:the\s+)?", ctx.doc.clean[s.start:first.start], re.I):
            return first.key
    return None


# '“…,” the company said', '“…,” it said', '“…,” a company spokesperson wrote': a quote whose speaker is the company
# described
_COMPANY_AFTER_QUOTE = re.compile(r"[,.!?]?\s*(?:it|the (?:company|firm|startup)|an? (?:company|firm) "
                                  r"spokes(?:person|man|woman)|an? spokes(?:person|man|woman) for the "
                                  r"(?:company|firm))\s+"
                                  r"(?:also\s+|later\s+)?(?:said|says|wrote|writes|added|stated|noted|told)\b", re.I)
# "The agency estimates that …", "The regulator said …": a public body described, as the subject of a verb of saying
_BODY_SUBJECT = re.compile(r"[\s“\"]*(?:(?:however|but|and|meanwhile),?\s+)?the (?:agency|regulator|watchdog|authority|"
                           r"commission|ministry|department)\s+(?:also\s+|has\s+|had\s+)?(?:said|says|estimates|"
                           r"estimated|reported|reports|found|finds|noted|notes|stated|states|added|warned|"
                           r"predicted|predicts)\s+(?:that\s+)?", re.I)


def company_quotes(ctx: DocContext, parts: list[tuple[int, int, int, int]], taken: set[int]) -> list[Attribution]:
    """The quotes attribution left without a speaker where "the company" (or its unnamed spokesperson) speaks them,
    and the quotes that go on right after them in the same paragraph; ``parts``: (start, end, first and last
    sentence) of every quote, ``taken``: the starts of those already attributed."""
    out: list[Attribution] = []
    last: Attribution | None = None
    text = ctx.doc.clean
    for qs, qe, sa, sb in parts:
        if qs in taken:
            last = None
            continue
        s = ctx.sentence(sb)
        verb = _COMPANY_AFTER_QUOTE.match(text, qe, s.end)
        speaker = company_referent(ctx, sb, qe) if verb else None
        para = ctx.sentence(sa).paragraph
        if speaker is None and last is not None and para == ctx.sentence(last.last_sent).paragraph and \
                ctx.sentence(sa).start == qs:
            speaker = last.speaker  # the quote goes on in the next sentence
        if speaker is None or ctx.type_of(speaker) != "Organization":
            last = None
            continue
        last = Attribution(speaker, "quote", qs, qe, sa, sb, verb.group(0) if verb else None, text[qs + 1:qe - 1])
        out.append(last)
    return out


def body_attribution(ctx: DocContext, sent: int) -> Attribution | None:
    """'The agency estimates that …' opening a sentence: the public body the article names most (as regulators go)
    states what follows."""
    s = ctx.sentence(sent)
    m = _BODY_SUBJECT.match(ctx.doc.clean, s.start, s.end)
    if m is None:
        return None
    speaker = ctx.authority("the regulator")
    if speaker is None:
        return None
    content = ctx.doc.clean[m.end():s.end]
    return Attribution(speaker, "reported", m.end(), s.end, sent, sent, m.group(0).strip(), content)


# "a mid-size model that the company says outperforms …": the company's statement about what the relative clause
# hangs on, its verb first (a verb in -s or -ed, or an auxiliary)
_RELATIVE_COMPANY = re.compile(r"\b(?:that|which)\s+(?:the\s+(?:company|firm|startup)|it)\s+(?:says|said|claims|"
                               r"claimed)\s+"
                               r"(?=(?:[a-z]+s|[a-z]+ed|is|are|was|were|has|have|had|can|could|will|would|may|might)\s)")
_RELATIVE_END = re.compile(r",\s+(?:which|and|but|while|although|though)\b|;|\s+[—–]\s+")


def subjectless(text: str, start: int) -> bool:
    """Whether a statement at ``start`` follows "that the company says": its subject is what the clause hangs on."""
    m = _RELATIVE_COMPANY.search(text, max(0, start - 40), start + 40)
    return m is not None and m.end() == start


def relative_company(ctx: DocContext, sent: int) -> Attribution | None:
    """'a model that the company says outperforms X': what the company says of the thing the clause hangs on,
    up to the clause's end; None where the sentence holds no such clause or no company is found."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    m = _RELATIVE_COMPANY.search(text, s.start, s.end)
    if m is None:
        return None
    speaker = company_referent(ctx, sent, m.start())
    if speaker is None:
        return None
    end = _RELATIVE_END.search(text, m.end(), s.end)
    stop = end.start() if end else s.end
    return Attribution(speaker, "reported", m.end(), stop, sent, sent, m.group(0).split()[-1], text[m.end():stop])


# "By then, she said, the board was …": a short opening, the speaker and verb set off by commas, then the statement
_PARENTHETICAL = re.compile(r"(?P<lead>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)?,\s+(?P<who>he|she|it|the company|the firm|"
                            r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+(?:also\s+)?(?:said|says|added|adds|noted|"
                            r"notes|argued|argues|wrote|writes|explained|insisted|insists|estimated|estimates),\s+")


def parenthetical_attribution(ctx: DocContext, sent: int) -> Attribution | None:
    """'By then, she said, the board was …', 'In fact, Raman added, the chips …': the speaker set off by commas after
    a short opening speaks the rest of the sentence."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    m = _PARENTHETICAL.match(text, s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()), s.end)
    if m is None or m.end() >= s.end - 8:
        return None
    who = m.group("who")
    if who.lower() in ("he", "she"):
        speaker = person_of_pronoun(ctx, m.start("who"), who)
    elif who.lower() in ("it", "the company", "the firm"):
        speaker = company_referent(ctx, sent, m.start("who"))
    else:
        named = [x for x in ctx.mentions(sent, m.start("who"), m.end("who")) if x.end == m.end("who")]
        speaker = named[0].key if named else None
    if speaker is None or ctx.type_of(speaker) not in ("Person", "Organization"):
        return None
    return Attribution(speaker, "reported", m.end(), s.end, sent, sent, None, text[m.end():s.end])


# "In a follow-up post, he said the company was …": "he" or "she" the subject of a verb of speech, after at most
# a short opening phrase
_PASSAGE = 8  # sentences back in which the last person named is whom "he" or "she" goes on meaning
_PRONOUN_SAID = re.compile(r"(?:(?:[\w’'-]+\s+){0,6}?[\w’'-]+,\s+)?(?P<who>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+)?"
                           r"(?P<verb>said|says|added|adds|noted|notes|wrote|writes|explained|argued|insisted)\s+"
                           r"(?:that\s+)?")


def pronoun_attribution(ctx: DocContext, sent: int) -> Attribution | None:
    """'In a follow-up post, he said …' where attribution resolves no speaker: the latest person of the pronoun's
    sex named in the sentences before (claim_speech.person_of_pronoun) says the rest of the sentence."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    m = _PRONOUN_SAID.match(text, s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()), s.end)
    if m is None or m.end() >= s.end - 8:
        return None
    # (else the last person named in the passage: "he told X …", "he said …", "he said …" goes on about one person)
    speaker = person_of_pronoun(ctx, m.start("who"), m.group("who")) or \
        ctx.recent(m.start("who"), ("Person",), max_sentences=_PASSAGE)
    if speaker is None:
        return None
    return Attribution(speaker, "reported", m.end(), s.end, sent, sent, m.group("verb"), text[m.end():s.end])
