"""Criticisms by an organisation that itself judges through what it found: an outlet's, a watchdog's or a research
group's investigation, report or analysis and its findings about a party.

"Business Insider found that …", "a WIRED investigation found that Y …", "A report by X concluded that Y …",
"The group found that Y …", "It announced a preliminary finding that Y had …". By the gold schema an outlet or a
document that itself judges is a critic (unlike an outlet that merely reports what others said or did); the
document speaks for its author. A finding is about the party its clause starts with; a finding that clears the
party ("found no evidence that Y …", "concluded that Y did not …") criticises nobody.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract import speaker_refs
from loaders.extract.criticism_found import Collected, Finding, Found, is_court
from loaders.extract.criticism_targets import targets_in
from loaders.extract.judgements import plaintiffs
from loaders.extract.references import refers_back
from loaders.extract.rules import Trigger, register

if TYPE_CHECKING:
    from loaders.extract.criticism_index import CriticIndex
    from loaders.extract.schema import ResolvedMention

FOUND_THAT = register("criticism.found_that.v1", "An organisation's or its document's finding about a party: 'X found "
                      "that Y …', 'a report by X concluded that Y …', 'an X investigation found that Y …', 'announced "
                      "a finding that Y …'", __name__, Trigger(lambda: FOUND_WORDS))

ACCORDING_DOCUMENT = register("criticism.according_document.v1", "A judgement its sentence credits to a document "
                              "after its clause: '<Y did wrong>, according to a report by X', '…, according to an "
                              "X investigation', '…, according to the complaint'", __name__,
                              Trigger(frozenset({"according"}), lambda: _ACCORDING_NOUNS))

# a piece of opinion speaks for its author, as a report does: "an op-ed by X accused …", "a column by X called …"
_OPINION = r"op-eds?|editorials?|columns?|commentar(?:y|ies)|essays?|blog\s+posts?"
# a verb of finding and its "that"; or the noun "finding(s) that"
_FOUND = re.compile(r"\b(?:(?:found|finds|concluded|concludes|determined|determines|uncovered|established)\s+that|"
                    r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?findings?\s+that)\s+", re.I)
FOUND_WORDS = frozenset({"found", "finds", "concluded", "concludes", "determined", "determines", "uncovered",
                         "established", "finding", "findings"})
# a document that speaks for its author: "a WIRED investigation", "A report by X", "the group's analysis"
_DOCUMENT = re.compile(r"\b(?:investigations?|reports?|study|studies|analys[ie]s|audits?|reviews?|probes?|inquiry|"
                       r"examination|assessment|research|paper|survey|memo|findings|" + _OPINION + r")\b", re.I)
_BY = re.compile(r"\s+(?:by|from|of)\s+(?:the\s+)?$", re.I)
# a finding that clears its party, or one hedged away
_CLEARS = re.compile(r"[^,;]{0,80}?\b(?:did not|didn['’]t|had not|hadn['’]t|has not|was not|wasn['’]t|were not|"
                     r"is not|isn['’]t|does not|doesn['’]t|complied|compliant|cleared|not responsible|not liable|"
                     r"no wrongdoing|acted lawfully|acted properly)\b|\s*no\b", re.I)
# a name that premodifies the finding's subject: "Zentrix Labs users were", "the Acme team has"
_PREMODIFIER = re.compile(r"[’']?\s+(?!(?:had|has|have|was|were|is|are|did|does|do|would|could|may|might|can|will|also|"
                          r"still|never|not|appeared|appears|used|uses)\b)[a-z][a-z-]+\s+(?:were|was|are|is|had|have|has|"
                          r"would|could|did|do|does)\b")
_NO_EVIDENCE = re.compile(r"\bfound\s+no\s+(?:evidence|sign|proof|indication)", re.I)
# "Orrick found that …": a court or a judge rules (the legal rules decide what a ruling judges)
_AUTHOR_TYPES = ("Organization",)
# "It also announced a finding that …": whom "it" refers to is too often the wrong organisation of the sentence before
_PRONOUN = re.compile(r"^\s*(?:it|they|he|she)\b", re.I)
# a group noun as the clause's subject: "The group found that", "the watchdog concluded that"
_GROUP_SUBJECT = re.compile(r"^\s*(?:the|this)\s+(?:[a-z-]+\s+)?(group|watchdog|organi[sz]ation|nonprofit|charity|"
                            r"institute|foundation|outlet|publication|newspaper|magazine|site|agency|regulator|"
                            r"authority|commission|ministry|department|union|coalition|association|firm)\s*$", re.I)


def found_that(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"X found that Y …", "a report by X concluded that Y …": the finder criticises the clause's first party."""
    ctx = ix.ctx
    acc, text = Collected(ix, found), ix.text
    s = ctx.sentence(sent)
    for m in _FOUND.finditer(text, s.start, s.end):
        if _CLEARS.match(text, m.end(), s.end):
            continue
        critic = _finder(ix, sent, m.start(), found)
        if critic is None:
            continue
        targets = targets_in(ix, sent, m.end(), s.end, critic, subject_only=True)
        if any(_PREMODIFIER.match(text, x.end) for x in ctx.mentions(sent, m.end(), s.end) if x.key in targets[:1]):
            continue  # "found that Zentrix users were …": the finding is about the users
        acc.add(critic, targets, None, "found", m.start(), s.end, sent, rule=FOUND_THAT)
    return acc.out


def _finder(ix: CriticIndex, sent: int, pos: int, found: Found) -> str | None:
    """Who found what the clause at ``pos`` says: the author of a document that is the subject ("a report by X"),
    else the organisation that is the subject; never a court, a person or an unnamed group."""
    ctx, text = ix.ctx, ix.text
    cs = ctx.clause_start(sent, pos)
    if _NO_EVIDENCE.search(text, cs, pos + 12):
        return None
    author = _author(ix, sent, cs, pos)
    if author is None:
        group = _GROUP_SUBJECT.match(text[cs:pos])
        if group is not None:  # "The group found that": the organisation the story is about just before
            author = refers_back(ctx, group.group(1), pos, regulator=False, types=_AUTHOR_TYPES) or \
                ctx.recent_subject(cs, _AUTHOR_TYPES) or ctx.recent(cs, _AUTHOR_TYPES)
        elif not _PRONOUN.match(text[cs:pos]):
            author = ix.critic_at(sent, pos, found)
    if author is None or ctx.type_of(author) not in _AUTHOR_TYPES or is_court(ctx.label(author)):
        return None
    return author


# a sentence that starts with a document as its subject, with at most a parenthesis before the verb: "An open letter,
# organised by A and signed by B, accused …", "The report by X says …", "The letter says …"
_DOC_NOUNS = r"letter|petition|report|study|analysis|memo|audit|review|investigation|paper|survey|" + _OPINION
_DOC_NP = r"(?:an?|the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:" + _DOC_NOUNS + r")"
_DOC_SUBJECT = re.compile(r"\s*" + _DOC_NP + r"(?:\s*,[^,;:“”\"]{1,160},|\s+(?:by|from)\s+[^,;:“”\"]{1,80}?|"
                          r"\s+(?:\w+\s+){0,2}?(?:published|released|issued|written|sent|signed)\b[^,;:“”\"]{0,80}?)?"
                          r"\s*(?:also\s+|\w+ly\s+)?$", re.I)
# "X sent a letter …", "X published a report": the document told before, and its author at the verb
_PUT_OUT = re.compile(r"\b(?:sent|sends|wrote|writes|published|publishes|released|releases|issued|issues|penned|"
                      r"signed|circulated|submitted)\s+(?:[\w-]+\s+){0,3}?(" + _DOC_NOUNS + r")s?\b", re.I)
_BACK = 5  # how many sentences back a document told before is looked for
# '“…,” the letter says': the document right after a quote, then its verb
_QUOTED_DOC = re.compile(r"[,\s]*(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(" + _DOC_NOUNS +
                         r")\s+(?:also\s+|\w+ly\s+)?[a-z]+[ \t]*", re.I)


def document_author(ix: CriticIndex, sent: int, pos: int, found: Found) -> str | None:
    """Who speaks when a document (a letter, a report, a study) is the subject of the verb at ``pos``: the author the
    subject names ("An open letter, organised by A, …", "a report by X"), else the author of the latest such document
    told in the sentences before ("X sent a letter …. The letter says …", '“…,” the letter says'); None when no
    document is the subject."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    subject = _DOC_SUBJECT.fullmatch(text, s.start, pos) or \
        _DOC_SUBJECT.fullmatch(text, ctx.clause_start(sent, pos), pos)
    if subject is None:
        said = _quoted_document(text, s.start, pos)
        return _told_author(ix, sent, said.group(1), found) if said else None
    named = [x for x in ctx.mentions(sent, subject.start(), pos) if x.type in ("Person", "Organization")
             and ctx.is_head(x)]
    if named:
        return named[0].key
    noun = re.search(r"(" + _DOC_NOUNS + r")\s*$",
                     text[subject.start():subject.start() + len(subject.group(0).rstrip(" ,"))].split(",")[0]
                     .strip(), re.I)
    return _told_author(ix, sent, noun.group(1) if noun else None, found)


def _quoted_document(text: str, start: int, pos: int) -> re.Match[str] | None:
    """'“…,” the letter says' before ``pos`` (after its verb), the sentence starting at ``start``: the document
    right after the quote's close, its noun the group."""
    closed = max(text.rfind("”", start, pos), text.rfind('"', start, pos))
    return _QUOTED_DOC.fullmatch(text, closed + 1, pos) if closed >= 0 else None


def _told_author(ix: CriticIndex, sent: int, noun: str | None, found: Found) -> str | None:
    """The author of the latest document (of the kind ``noun``, any when None) told in the sentences before ``sent``:
    "X sent a letter …" gives X."""
    ctx, text = ix.ctx, ix.text
    for si in range(sent - 1, max(-1, sent - _BACK - 1), -1):
        for m in reversed(list(_PUT_OUT.finditer(text, ctx.sentence(si).start, ctx.sentence(si).end))):
            if noun is None or m.group(1).lower() == noun.lower():
                return ix.critic_at(si, m.start(), found)
    return None


def _author(ix: CriticIndex, sent: int, cs: int, pos: int) -> str | None:
    """The organisation a document before ``pos`` speaks for: its owner ("X's report"), the name that modifies it
    ("a WIRED investigation") or the name after "by" ("a report by X")."""
    ctx, text = ix.ctx, ix.text
    doc = None
    for d in _DOCUMENT.finditer(text, cs, pos):
        doc = d
    if doc is None:
        return None
    names: list[ResolvedMention] = [x for x in ctx.mentions(sent, cs, pos) if x.type in _AUTHOR_TYPES]
    for x in names:
        before_doc = x.end <= doc.start() and re.fullmatch(r"(?:[’']s?)?\s+(?:own\s+)?(?:[\w-]+\s+){0,2}",
                                                            text[x.end:doc.start()])
        after_by = x.start >= doc.end() and _BY.search(text, doc.end(), x.start)
        if before_doc or after_by:
            return x.key
    return None


# "…, according to a new report by X", "…, according to an X investigation", "…, according to the complaint": the
# clause before it is the document's finding (a clause after "According to X," is reported speech's)
_ACCORDING_NOUN = (r"reports?|stud(?:y|ies)|investigations?|analys[ie]s|audits?|reviews?|surveys?|(?:legal\s+)?"
                   r"opinions?|complaints?|lawsuits?|suits?|filings?|letters?|research|findings|assessments?|papers?|"
                   r"inquiry|probes?|report\s+cards?")
_ACCORDING_NOUNS = frozenset({"report", "reports", "study", "studies", "investigation", "investigations", "analysis",
                              "analyses", "audit", "audits", "review", "reviews", "survey", "surveys", "opinion",
                              "opinions", "complaint", "complaints", "lawsuit", "lawsuits", "suit", "suits", "filing",
                              "filings", "letter", "letters", "research", "findings", "assessment", "assessments",
                              "paper", "papers", "inquiry", "probe", "probes"})
_ACCORDING = re.compile(r",\s*according\s+to\s+(?:(an?|the|this|that|its|their)\s+)?((?:[\w.&’'-]+\s+){0,4}?)"
                        r"(" + _ACCORDING_NOUN + r")\b", re.I)
# the author after the noun: "a report by X", "a study published Monday by the news-rating service X", "commissioned
# by X"; never a document someone only saw or obtained ("a memo seen by Reuters")
_AUTHOR_AFTER = re.compile(r"\s+(?:(?:[\w-]+\s+){0,4}?(?:by|from)|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
_ONLY_SEEN = re.compile(r"\b(?:seen|obtained|reviewed|cited|quoted|viewed|shared|leaked)\b", re.I)
# the clause's own subject observed, found or said it ("Apollo observed Y …, according to X's report"): its finding
_SPEAKING = re.compile(r"\b(?:observed|found|finds|noted|notes|said|says|saw|discovered|documented|reported|told|"
                       r"warned|concluded|tested|measured|recorded)\b", re.I)
_LEGAL_NOUN = re.compile(r"complaints?|lawsuits?|suits?|filings?", re.I)
# an outlet judges in its own investigation or analysis; its "report" only reports
_OUTLET_VERDICT = re.compile(r"investigation|analys|stud|review|audit|survey|research|assessment", re.I)


def according_document(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"Y misled its users, according to a report by X": the document's author criticises the clause's first party
    when the clause judges."""
    ctx, text = ix.ctx, ix.text
    acc = Collected(ix, found)
    s = ctx.sentence(sent)
    for m in _ACCORDING.finditer(text, s.start, s.end):
        cs = ctx.clause_start(sent, m.start())
        if m.start() - cs < 20 or not ix.judged_text(text[cs:m.start()]) or _SPEAKING.search(text, cs, m.start()):
            continue
        critic = _according_author(ix, sent, m, found)
        if critic is None:
            continue
        targets = targets_in(ix, sent, cs, m.start(), critic, subject_only=True)
        acc.add(critic, targets, None, "according to " + m.group(3).lower(), cs, m.end(), sent, rule=ACCORDING_DOCUMENT)
    return acc.out


def _according_author(ix: CriticIndex, sent: int, m: re.Match[str], found: Found) -> str | None:
    """Whom the document of "according to <document>" speaks for: the name before its noun ("an X investigation"),
    the name after "by" or "from", else the author of the document of that kind told before; never a court, and an
    outlet only for its own investigation or analysis."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    names = [x for x in ctx.mentions(sent, m.start(2), s.end) if x.type in ("Person", "Organization")
             and ctx.is_head(x)]
    author: str | None = None
    for x in names:
        if x.end <= m.start(3):
            author = x.key  # "a Business Insider report", "the Guardian's analysis"
        elif x.start >= m.end() and x.start - m.end() < 90 and _AUTHOR_AFTER.match(text[m.end():x.start]) and \
                not _ONLY_SEEN.search(text, m.end(), x.start):
            author = x.key
        break
    if author is None and (m.group(1) or "").lower() in ("the", "this", "that") and not m.group(2).strip():
        noun = m.group(3).lower()
        if _LEGAL_NOUN.fullmatch(noun):
            author = next(iter(plaintiffs(ix, m.start(), found)), None)
        else:
            author = _told_before(ix, sent, noun, found)
    if author is None or is_court(ctx.label(author)) or ctx.type_of(author) not in ("Person", "Organization"):
        return None
    if speaker_refs.is_outlet(ctx, author) and not _OUTLET_VERDICT.search(m.group(3)):
        return None
    return author


def _told_before(ix: CriticIndex, sent: int, noun: str, found: Found) -> str | None:
    """The author of the latest document of this kind put out in the sentences before ("X published a report …")."""
    ctx, text = ix.ctx, ix.text
    for si in range(sent, max(-1, sent - _BACK - 1), -1):
        for p in reversed(list(_PUT_OUT.finditer(text, ctx.sentence(si).start, ctx.sentence(si).end))):
            if p.group(1).lower().rstrip("s") == noun.rstrip("s"):
                return ix.critic_at(si, p.start(), found)
    return None
