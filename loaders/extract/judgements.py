"""Criticism rules of indirect judgement (an attitude, "under fire from X", parties to a suit, a warning letter, an
authority acting against a party) and the helpers that read the findings so far: a judgement going on with one
just made, a rebuttal's critics, a legal document's plaintiffs, a decision's maker, an act's doer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.criticism_found import Collected, Finding, Found
from loaders.extract.criticism_targets import ON_BEFORE, PLATFORMS, harmed, object_end, targets_in, topic
from loaders.extract.lexicon import Folded
from loaders.extract.rules import Trigger, register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex
    from loaders.extract.schema import ResolvedMention

# (each trigger names the word list its rule's patterns need, defined below: see rules.Trigger)
UNDER_FIRE = register("criticism.under_fire.v1", "'Y is under fire from X', 'Y has faced criticism from X'", __name__,
                      Trigger(frozenset({"from"}), lambda: DRAWN_WORDS))
LAWSUIT = register("criticism.lawsuit.v3", "A party suing or filing a complaint against a defendant", __name__,
                   Trigger(lambda: PARTY_WORDS))
WARNED_OFF = register("criticism.warned_off.v2", "A cease-and-desist letter, 'warned against Y', 'told staff not to "
                      "use Y'", __name__, Trigger(lambda: LETTER_WORDS))
REGULATOR_ACTION = register("criticism.regulator_action.v2", "An authority acting against a party: 'opened an inquiry "
                            "this summer into Y', 'is preparing to charge Y with', 'ordered Y to stop'", __name__,
                            Trigger(lambda: ACTION_WORDS))
ATTITUDE = register("criticism.attitude.v2", "'Asked about Y, X was dismissive': a critic's stated attitude", __name__,
                    Trigger(lambda: ATTITUDE_WORDS))
LEARNED_JUDGEMENT = register("criticism.learned_judgement.v1", "A quote with no judgement word that the learned "
                             "scorer (judgement_model) reads as a negative judgement", __name__)
# the learned scorer decides quotes the word lists leave undecided (measured in tools/train_judgement.py's commit)
USE_LEARNED = True

# "the company disagrees with the decision": the decision's maker (a judge, a court, a regulator) is the target
DECISION = re.compile(r"\s*(?:the|this|that|today['’]s|the court['’]s)\s+(?:\w+\s+)?(?:decision|ruling|order|verdict|"
                       r"judgment|judgement)\b", re.I)
# "called the veto a setback": an act named by its noun judges whoever did it ("Newsom vetoed the bill")
ACT_NOUN = re.compile(r"\s*(?:the|this|that|his|her|its|their)\s+(?:\w+\s+)?(veto|ban|takeover|layoffs|firing|"
                      r"ouster)\b", re.I)
_ACT_VERB = {"veto": r"vetoe[ds]|vetoing", "ban": r"bann(?:ed|ing)|bans", "takeover": r"took over|acquired|bought",
             "layoffs": r"laid off|cut\s+(?:\w+\s+){0,3}jobs", "firing": r"fired|ousted", "ouster": r"fired|ousted"}
_DECIDER = re.compile(r"\b(?:judge|justice|court|commission|regulator|tribunal|agency|authority)\b", re.I)
# "X said the company disagrees": the clause's subject is the speaker's organisation
SAID_COMPANY = re.compile(r"\b(?:said|says|added|stated)\s+(?:that\s+)?(?:the\s+(?:company|firm|startup)|it)\s+"
                           r"(?:\w+ly\s+)?$", re.I)
# "X was dismissive": a judgement stated as the critic's attitude
_ATTITUDE = re.compile(r"\b(?:was|were|is|are|has been|have been|remained|remains)\s+(?:\w+ly\s+)?"
                       r"(?:among\s+(?:those|the \w+)\s+)?(?:dismissive|"
                       r"scathing|unimpressed|withering|scornful|contemptuous|unconvinced|skeptical|sceptical|"
                       r"doubtful|critical of|(?:not|less|far from|hardly)\s+(?:so\s+|as\s+|entirely\s+)?"
                       r"(?:convinced|impressed|persuaded|enthusiastic))\b", re.I)
# "X, who has said she would back Y if ..., was scathing": a relative clause about the critic names no target
_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,;]*(?:,[^,;]*)??,", re.I)
# "Meta is under fire from open-source advocates", "has drawn condemnation from unions": the sources of the fire
# are the critics, the clause's subject the target
_DRAWN = re.compile(r"\b(?:under fire|(?:criticism|criticisms|condemnation|opposition|backlash|objections?|complaints|"
                    r"scrutiny|pushback|outrage|anger|ire|protests?|mockery|ridicule)(?:\s+(?:and|or)\s+\w+)?)\s+"
                    r"from\s+(?:the\s+|some\s+|many\s+|several\s+)?", re.I)
DRAWN_WORDS = frozenset({"fire", "criticism", "criticisms", "condemnation", "opposition", "backlash", "objections",
                         "objection", "complaints", "scrutiny", "pushback", "outrage", "anger", "ire", "protest",
                         "protests", "mockery", "ridicule"})
# "The claim is led by X and backed by Y", "X, which joined the suit": parties to a legal action against its defendant
_LEGAL_NOUN = r"(?:lawsuit|suit|claim|case|complaint|legal action|action|class action|litigation|challenge)"
# "filed on Friday in federal court in San Francisco by X": a time and a place may come between
_PARTY_BY = re.compile(r"\b(?:led|brought|filed|backed|supported|funded|joined)(?:\s+(?:last|this|earlier|on|in|at|"
                       r"before)\b[^,;.]{0,60}?)?\s+by\s+", re.I)
_JOINED = re.compile(rf"\b(?:joined|joins|join|has joined|signed on to)\s+(?:the|this|that|their)\s+(?:\w+\s+)?"
                     rf"{_LEGAL_NOUN}\b", re.I)
_LEGAL_SUBJECT = re.compile(rf"\b(?:the|this|that|their|a)\s+(?:[\w-]+\s+){{0,2}}?{_LEGAL_NOUN}\b|"
                            r"\bthe\s+(?:plaintiffs|claimants|complainants)\b", re.I)
_AGAINST_LEGAL = re.compile(rf"\b(?:{_LEGAL_NOUN}|proceedings)\s+against\s+(?:the\s+)?|\bsu(?:ed|es|ing)\s+", re.I)
_AGAINST_BY = re.compile(r"\b(?:brought|filed|lodged)\s+against\s+(?:the\s+)?", re.I)
_BY = re.compile(r"[^,;.]{0,25}?\bby\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}")
_LETTER = re.compile(r"\bsen[dt]s?\s+(?:[^,;.]{1,40}?\s+)?an?\s+(?:similar\s+|formal\s+|legal\s+)?"
                     r"(?:cease-and-desist\s+letter|letter\s+(?:threatening|demanding|accusing|warning)|"
                     r"(?:similar|legal|warning)\s+letter|(?:formal|legal|warning)\s+notice|notice\s+(?:demanding|"
                     r"ordering|requiring))", re.I)
_NOT_TO_USE = re.compile(r"\b(?:told|warned|instructed|advised|ordered|urged|asked)\s+[^,;.]{0,40}?\bnot to "
                         r"(?:use|download|install|trust|rely on)\s+(?:the\s+)?", re.I)
LETTER_WORDS = frozenset({"letter", "not", "notice"})
# "by artists H. Southworth, …": nothing but a name's initials between a group noun and the name
_INITIALS = re.compile(r"\s*(?:[A-Z]\.\s*)*")
_FUNDING_NOUN = re.compile(r"\b(?:round|funding|financing|investment|raise|series)\b", re.I)
PARTY_WORDS = frozenset({"led", "brought", "filed", "backed", "supported", "funded", "joined", "joins", "join",
                         "lodged"})
ATTITUDE_WORDS = frozenset({"dismissive", "scathing", "unimpressed", "withering", "scornful", "contemptuous",
                            "unconvinced", "skeptical", "sceptical", "doubtful", "critical", "convinced", "impressed",
                            "persuaded", "enthusiastic"})
# "Not everyone is sold.", "X was not convinced.": what the next attributed statements say is dissent
DISSENT = Folded(r"\bnot (?:everyone|everybody|all\s+\w+)\s+(?:is|was|are|were)\s+(?:so\s+)?(?:convinced|impressed|"
                 r"sold|persuaded|buying (?:it|that|the (?:story|hype|pitch|argument|premise|narrative|claims?))|"
                 r"happy|pleased|enthusiastic|a fan|placated|satisfied|reassured)|"
                 r"\b(?:not|less|far from|hardly)\s+(?:so\s+|as\s+|entirely\s+|fully\s+)?(?:convinced|"
                 r"impressed|persuaded|sold|enthusiastic|sanguine)\b|\bunconvinced\b|\bunimpressed\b|"
                 r"\bs[ck]eptic(?:al|s)?\b|\bdoubters?\b|\bcritics\s+(?:say|said|argue|argued|note|noted|warn|"
                 r"warned|contend|point)",
                 anchors=("not", "less", "far from", "hardly", "unconvinced", "unimpressed", "eptic", "doubter",
                          "critics"))
# what a rebuttal answers: the critics themselves or their words ("rejected the allegations", "the skeptics are ...")
REBUTTED = re.compile(r"\b(?:critics|critic|skeptics|sceptics|detractors|naysayers|doubters|claimants|plaintiffs|"
                      r"complainants|accusers|(?:the|that|this|these|"
                      r"those|their|its|his|her)\s+(?:\w+\s+)?(?:criticism|criticisms|claims?|allegations?|complaint|"
                      r"lawsuit|suit|account|characteri[sz]ation|conclusions?|findings|report|study|analysis|comments|"
                      r"accusations?|assertions?|remarks|version of events|critique|downgrade|note|"
                     r"short report))\b", re.I)
_LEGAL = re.compile(r"\b(?:su(?:e|es|ed|ing)|lawsuit|suit|complaint|claims against|class action|legal action|"
                    r"proceedings|case against|claim against)\b", re.I)
# "The complaint accuses ...", "a class action accusing ...": the document speaks for the parties who brought it
_DOC_SUBJECT = re.compile(r"^\s*(?:the|this|that|their|its|a|an)\s+(?:[\w-]+\s+){0,3}?(?:lawsuit|suit|complaint|"
                          r"filing|class action|petition|legal action)\b", re.I)
_QUOTE_CLOSE = re.compile(r"[”\"]\s*,?")  # a closing quote and the comma after it
_DOC_PARTICIPLE = re.compile(r"\b(?:lawsuit|suit|complaint|filing|class action|petition|legal action)\s*,?\s*$", re.I)
_RULING_SUBJECT = re.compile(r"^\s*(?:the|this|that|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:decision|ruling|opinion|"
                             r"order|judgment|judgement|verdict)\b", re.I)
_FILED_BY = re.compile(r"\b(?:filed|brought|lodged)\b[^.;]{0,80}?\bby\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")
# the gap between two names of a list: a comma or "and", and at most a short role ("and the artist")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[a-z-]+\s+){0,2}")
# "opened an inquiry this summer into", "launched a formal antitrust investigation of": the inquiry's object is
# acted against (the fixed wordings are criticism verbs of the lexicon; this one allows modifiers and a time)
_INQUIRY = re.compile(r"\b(?:open|launch|start|beg[iau]n|announc)\w*\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:investigation|inquiry|probe|examination)\s+(?:(?:this|last|earlier|late|early|in|on)\s+"
                      r"\w+\s+)?(?:into|of)\s+", re.I)
# "is preparing to charge Nvidia with", "ordered DeepSeek to block its chatbot"
_CHARGE = re.compile(r"\bcharg(?:e|es|ed|ing)\s+(?=[A-Z])")
_ORDERED = re.compile(r"\b(?:order|summon)(?:ed|s|ing)?\s+(?=[A-Z])")  # "ordered X to stop", "summoned X to explain"
_ORDER_TO = re.compile(r"\s+to\s+(?:immediately\s+)?(?:stop|halt|block|cease|suspend|remove|delete|destroy|pay|"
                       r"withdraw|divest|limit|restrict|preserve|retain|hand over|disclose|explain|fix|change)\b", re.I)
# "issued orders on Thursday to A, B and C": an authority's demand to each party listed
_ISSUED_TO = re.compile(r"\b(?:issued|sent|served)\s+(?:\w+\s+){0,2}?(?:orders?|subpoenas?|demands?|"
                        r"warning letters?)\s+(?:on\s+\w+\s+|last\s+\w+\s+)?to\s+(?:the\s+)?", re.I)
ACTION_WORDS = frozenset({"issued", "served", "sent", "investigation", "inquiry", "probe", "examination", "charge",
                          "charges", "charged", "charging", "ordered", "orders", "order", "ordering", "summoned",
                          "summons", "summon"})


# "We're pleased that X has listened to our concerns": a statement of approval judges nobody (unless negated, "not
# pleased", or turned by a contrast, "I appreciate the engineers, but ...")
_APPROVAL = Folded(r"\b(?:pleased|glad|delighted|grateful|thankful|heartened|welcome[sd]?|welcoming|"
                   r"applaud(?:s|ed)?|commend(?:s|ed|able)?|appreciat(?:e[sd]?|ive)|proud|praise[sd]?|praising|"
                   r"(?:confidence|confident)\s+in|(?:the\s+)?right\s+(?:call|decision|move|strategy|thing)|"
                   r"on\s+track)\b",
                   anchors=("pleased", "glad", "delighted", "grateful", "thankful", "heartened", "welcom", "applaud",
                            "commend", "appreciat", "proud", "prais", "confiden", "right", "on track"))
# left out: "impressive" ("to highlight how impressive X is" mocks) and "outperform" (a company's claim about itself)
_CONTRAST = re.compile(r"\b(?:but|however|yet|although|though|while|whereas|nevertheless|despite|still)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|hardly|less|no longer|far from)\s+(?:\w+\s+)?$|n[’']t\s+(?:\w+\s+)?$", re.I)


def approving(text: str) -> bool:
    """Whether a statement approves (an approval word, not negated, and no contrast after which a judgement
    could come): it then criticises nobody."""
    m = _APPROVAL.search(text)
    return m is not None and not _NEGATED.search(text, max(0, m.start() - 24), m.start()) and \
        not _CONTRAST.search(text)


# a named party as the subject of a refusal, a failure, a negated auxiliary or a missed duty: "X refused to",
# "X can't deliver", "X should have made it clearer", "X's reading of our policy did not match" (a possessive and a
# short noun phrase may come between); left out: a negated "be" ("X is not the only one" describes), a future or a
# "never" (a promise, "OpenAI will not store requests", or a fact, "never wrote it"), and a reply withheld ("did not
# comment")
FAILED = re.compile(r"(?:[’']s?\s+(?:[\w-]+\s+){1,5}?)?\s*(?:still\s+|simply\s+|just\s+|now\s+)?(?:(?:has|have|had|"
                    r"could|can|did|does|do)(?:\s+not|n[’']t)|cannot|can[’']t|should(?:\s+not|n[’']t)?\s+have|"
                    r"refus(?:ed|es|ing)|fail(?:ed|s|ing)?)\b"
                    r"(?!\s+(?:\w+ly\s+)?(?:to\s+)?(?:respond|comment|reply|return|immediately)\b)", re.I)
# what may come before the subject of a reported clause: "said (that) (the) X …"
_CLAUSE_OPEN = re.compile(r"\W*(?:that\s+)?(?:the\s+)?", re.I)
# a condition is no verdict: "… if OpenAI does not complete its restructuring"
_CONDITION = re.compile(r"\b(?:if|unless|whether|when|once|until)\s+(?:the\s+)?$", re.I)
FAIL_CUE = Folded(r"\b(?:not|never|cannot|refus\w+|fail\w*|should)\b|n[’']t\b",
                  anchors=("not", "never", "refus", "fail", "should", "n’t", "n't"))


def failed_party(ix: CriticIndex, speaker: str, first: int, last: int, start: int, end: int, *,
                 subject_only: bool = False) -> list[str]:
    """The party a statement in [start, end) of sentences first..last says refused, failed, did not or should have
    done something: the first such named subject that is not the speaker's side (``subject_only``: only the
    statement's first name), else []."""
    ctx = ix.ctx
    side = ix.excluded(speaker) | ix.allies.get(speaker, set())
    for si in range(first, last + 1):
        for m in ctx.mentions(si, start, end):
            if not ctx.is_head(m) or m.type not in ("Person", "Organization", "Product"):
                continue
            opens = not subject_only or _CLAUSE_OPEN.fullmatch(ix.text, start, m.start) is not None
            if m.key not in side and opens and FAILED.match(ix.text, m.end, end) and \
                    not _CONDITION.search(ix.text, max(start, m.start - 10), m.start):
                return [m.key]
            if subject_only:
                return []
    return []


# ---- helpers that read the findings so far
def learned_negative(text: str) -> bool:
    """Whether the learned scorer reads a statement the word lists left undecided as a negative judgement."""
    if not USE_LEARNED:
        return False
    from loaders.extract.judgement_model import is_judgement  # lazy: loads the embeddings on first use

    return is_judgement(text)


def continued(ix: CriticIndex, found: Found, critic: str, sent: int) -> list[str]:
    """A judgement naming no target that goes on with one the critic (or its organisation) just made."""
    ctx = ix.ctx
    side = {critic} | {o for o in ix.allies.get(critic, ()) if ctx.type_of(o) == "Organization"}
    for f in reversed(found):
        if f.sent < sent - 3 or f.sent > sent:
            continue
        if f.critic in side:
            return [t for t in f.targets if t not in ix.excluded(critic)][:1]
    return []


def rebutted(ix: CriticIndex, found: Found, speaker: str, pos: int) -> list[str]:
    """The critics a rebuttal answers: who criticised the speaker's side (itself, its organisation, its products) in
    the sentences before."""
    ctx = ix.ctx
    side = {speaker} | ix.allies.get(speaker, set())
    for o in list(side):
        if ctx.type_of(o) == "Organization":
            side |= ix.allies.get(o, set())
    sent = ctx.sentence_at(pos)
    out: list[str] = []
    legal: list[str] = []
    for f in reversed(found):
        if f.start >= pos or sent - f.sent > 15 or f.critic in side:
            continue
        if side & set(f.targets) and ctx.type_of(f.critic) in ("Person", "Organization") and f.critic not in out:
            out.append(f.critic)
            legal.extend([f.critic] if _LEGAL.search(f.cue) else [])
    # "disputed the claims in the lawsuit": the one who sued; else the first critic (the one the story leads with,
    # which a rebuttal mostly answers; the latest is often a side remark)
    if legal and _LEGAL.search(ix.text[pos:pos + 80]):
        return legal[-1:]
    return out[-1:]


def legal_voice(ix: CriticIndex, sent: int, pos: int, found: Found) -> list[str] | None:
    """The parties a legal document speaks for when it is the subject of the verb at ``pos`` ("The complaint accuses
    ...", "a class action accusing ..."): its plaintiffs, [] when unknown; None when no document speaks."""
    ctx, text = ix.ctx, ix.text
    cs = ctx.clause_start(sent, pos)
    before = _after_quote(text[cs:pos])  # after a quote: '“…,” the lawsuit states'
    if not _DOC_SUBJECT.match(before) and not _DOC_PARTICIPLE.search(before):
        return None
    # "The complaint, filed on Wednesday by the Writers Alliance and eleven authors, accuses ...": named inside
    inside = [m for m in ctx.mentions(sent, cs, pos) if m.type in ("Person", "Organization") and ctx.is_head(m)
              and _FILED_BY.search(text, max(cs, m.start - 120), m.start)]
    parties = [m.key for m in inside[:1] + listed(ix, inside[:1], sent)] or plaintiffs(ix, pos, found)
    if parties:
        return parties
    # "a class action ... filed on Friday by shareholder Eric Tucker": named after it, in this or the next sentences
    for si in range(sent, min(sent + 3, len(ctx.doc.sentences))):
        for m in ctx.mentions(si):
            if m.start > pos and m.type in ("Person", "Organization") and ctx.is_head(m) and \
                    _FILED_BY.search(text, max(ctx.sentence(si).start, m.start - 120), m.start):
                return [m.key]
    return []


def document_voice(ix: CriticIndex, sent: int, pos: int, found: Found) -> str | None:
    """Who speaks when a document is the subject at ``pos``: a suit's first plaintiff ("the complaint says"), a
    ruling's judge or court ("the decision states")."""
    before = _after_quote(ix.text[ix.ctx.clause_start(sent, pos):pos])  # '“…,” the decision states'
    if _RULING_SUBJECT.match(before):
        return decider(ix, pos, "")
    if _DOC_SUBJECT.match(before):
        return next(iter(legal_voice(ix, sent, pos, found) or []), None)
    return None


def plaintiffs(ix: CriticIndex, pos: int, found: Found) -> list[str]:
    """The parties of the legal action told about just before ``pos`` (its critics), [] when none."""
    sent = ix.ctx.sentence_at(pos)
    for f in reversed(found):
        if f.start < pos and sent - f.sent <= 8 and _LEGAL.search(f.cue):
            return list(dict.fromkeys(g.critic for g in found if g.sent == f.sent and g.cue == f.cue))
    return []


def _defendant(ix: CriticIndex, pos: int, found: Found) -> list[str]:
    """The defendants of the legal action told about before ``pos``: the targets of its latest legal criticism."""
    ctx = ix.ctx
    sent = ctx.sentence_at(pos)
    for f in reversed(found):
        if f.start < pos and sent - f.sent <= 8 and _LEGAL.search(f.cue):
            return list(f.targets)
    # the action's parties may be unnamed ("a group of illustrators has sued X"): whom it is against
    for si in range(sent, max(-1, sent - 4), -1):
        s = ctx.sentence(si)
        for a in _AGAINST_LEGAL.finditer(ix.text, s.start, min(s.end, pos)):
            near = [m for m in ctx.mentions(si, a.end(), s.end) if ctx.is_head(m) and m.start - a.end() < 30]
            if near and near[0].type in ("Person", "Organization", "Product"):
                return [near[0].key]
    return []


def _last_letter(found: Found, pos: int) -> list[str]:
    """The targets of the last letter sent before ``pos`` ("sent a similar letter")."""
    for f in reversed(found):
        if f.cue == "letter" and f.start < pos:
            return list(f.targets)
    return []


# ---- helpers that read the document only
def listed(ix: CriticIndex, first: list[ResolvedMention], sent: int) -> list[ResolvedMention]:
    """The names listed after ``first`` ("A, B and C", "A, the artist B, and C"), in order."""
    ctx = ix.ctx
    if not first:
        return []
    out: list[ResolvedMention] = []
    last = first[0]
    for m in ctx.mentions(sent):
        if m.start <= last.start or not ctx.is_head(m):
            continue
        if m.type not in ("Person", "Organization") or not _LIST_GAP.fullmatch(ix.text, last.end, m.start):
            break
        out.append(m)
        last = m
    return out


def true_list(ix: CriticIndex, first: ResolvedMention | None, sent: int, pos: int) -> list[ResolvedMention]:
    """The names listed after ``first`` before ``pos`` when they form a list closed by "and" ("A, B and C"), none
    possessive ("A, B’s chief executive" is no list)."""
    if first is None or first.possessive:
        return []
    text = ix.text
    names = [m for m in listed(ix, [first], sent) if m.end <= pos]
    gaps = [text[a.end:b.start] for a, b in zip([first, *names], names, strict=False)]
    closed = any(re.search(r"\band\b", g) for g in gaps) or (
        names and re.match(r"\s*,?\s+and\s", text[names[-1].end:names[-1].end + 8]))  # "A, B and 14 others"
    if not names or any(m.possessive for m in names) or not closed:
        return []
    return names


def speaker_org(ix: CriticIndex, speaker: str, pos: int) -> str | None:
    """The organisation a spokesperson speaks for ("Google spokesperson X said the company ...")."""
    ctx = ix.ctx
    if ctx.type_of(speaker) == "Organization":
        return speaker
    orgs = [o for o in ix.allies.get(speaker, ()) if ctx.type_of(o) == "Organization"]
    if len(orgs) == 1:
        return orgs[0]
    return ctx.recent_subject(pos, ("Organization",))


def decider(ix: CriticIndex, pos: int, critic: str) -> str | None:
    """The maker of a decision: the latest judge, court or regulator named before ``pos``."""
    ctx = ix.ctx
    excluded = ix.excluded(critic) if critic else set()
    for si in range(ctx.sentence_at(pos), max(-1, ctx.sentence_at(pos) - 12), -1):
        for m in reversed(ctx.mentions(si)):
            if m.end > pos or m.key in excluded or m.type not in ("Person", "Organization"):
                continue
            title = ix.text[max(ctx.sentence(si).start, m.start - 30):m.start]
            if _DECIDER.search(ctx.label(m.key)) or (m.type == "Person" and _DECIDER.search(title)):
                return m.key
    return None


def doer(ix: CriticIndex, noun: str, pos: int, critic: str) -> str | None:
    """Who did the act a noun names ("the veto"): the subject of the latest earlier verb of that act."""
    ctx = ix.ctx
    verb = re.compile(rf"\b(?:{_ACT_VERB[noun.lower()]})\b", re.I)
    sent = ctx.sentence_at(pos)
    for si in range(sent, max(-1, sent - 30), -1):
        s = ctx.sentence(si)
        hits = [v for v in verb.finditer(ix.text, s.start, min(s.end, pos))]
        for v in reversed(hits):
            key = ctx.subject(si, v.start(), ("Person", "Organization"))
            if key is not None and key not in ix.excluded(critic):
                return key
    return None


# ---- rules (each runs on one sentence and returns what it finds)
def acted_against(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """An authority acting against a party: an inquiry into it, charging it, ordering it to stop."""
    ctx, text, acc = ix.ctx, ix.text, Collected(ix, found)
    s = ctx.sentence(sent)
    for a in _INQUIRY.finditer(text, s.start, s.end):
        critic = ix.critic_at(sent, a.start(), acc.seen)
        if critic is None:
            continue
        end = object_end(ix, a.end(), s.end)
        whether = re.match(r"\s*whether\s+", text[a.end():end])
        start = a.end() + (whether.end() if whether else 0)
        targets = targets_in(ix, sent, start, min(end, start + 60), critic, own_side=True)
        acc.add(critic, targets, None, "inquiry", a.start(), end, sent, rule=REGULATOR_ACTION)
    for a in _ISSUED_TO.finditer(text, s.start, s.end):
        near = [m for m in ctx.mentions(sent, a.end(), s.end) if m.start == a.end() and ctx.is_head(m)]
        critic = ix.critic_at(sent, a.start(), acc.seen) if near else None
        if critic is not None and near[0].type in ("Person", "Organization"):
            parties = [m.key for m in near[:1] + listed(ix, near[:1], sent)]
            acc.add(critic, parties, None, "issued orders", a.start(), a.end(), sent, rule=REGULATOR_ACTION)
    for pat, follow in ((_CHARGE, re.compile(r"\s+with\b")), (_ORDERED, _ORDER_TO)):
        for a in pat.finditer(text, s.start, s.end):
            near = [m for m in ctx.mentions(sent, a.end(), s.end) if m.start == a.end() and ctx.is_head(m)]
            if not near or near[0].type not in ("Person", "Organization") or not follow.match(text, near[0].end):
                continue
            critic = ix.critic_at(sent, a.start(), acc.seen)
            acc.add(critic, [near[0].key], None, "charged" if pat is _CHARGE else "ordered", a.start(),
                    near[0].end, sent, rule=REGULATOR_ACTION)
    return acc.out


def drawn(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"Y is under fire from X", "Y has faced criticism from X": X criticised the subject Y."""
    ctx, text, acc = ix.ctx, ix.text, Collected(ix, found)
    s = ctx.sentence(sent)
    for d in _DRAWN.finditer(text, s.start, s.end):
        near = [m for m in ctx.mentions(sent, d.end(), s.end) if ctx.is_head(m) and m.start - d.end() < 40]
        if not near or near[0].type not in ("Person", "Organization", "Group"):
            continue
        if ctx.label(near[0].key) in PLATFORMS and ON_BEFORE.search(text, near[0].start - 8, near[0].start):
            continue  # "mockery from people on Reddit": the platform is where, not who
        critic = ix.actor(near[0].key, sent, near[0].start, acc.seen)
        target = ctx.subject(sent, d.start(), ("Organization", "Product", "Person"))
        if critic is None or target is None or target in ix.excluded(critic) or \
                any(m.key == target and harmed(text, m.start) for m in ctx.mentions(sent, s.start, d.start())):
            continue  # "images of Taylor Swift have drawn condemnation": the images, not the one they show
        acc.add(critic, [target], None, d.group(0).strip(), d.start(), near[0].end, sent, rule=UNDER_FIRE)
    return acc.out


def parties(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"The suit is led by X and backed by Y", "X, which joined the case": X and Y act against the defendant."""
    ctx, text, acc = ix.ctx, ix.text, Collected(ix, found)
    s = ctx.sentence(sent)
    critics = _led_by(ix, sent, acc.seen)
    for b in _AGAINST_BY.finditer(text, s.start, s.end):
        # "a case brought against Meta by comedian Sarah Silverman": the party after "by" against the one before
        defendants = [m for m in ctx.mentions(sent, b.end(), s.end) if ctx.is_head(m) and m.start - b.end() < 20]
        by = _BY.match(text, defendants[0].end, min(s.end, defendants[0].end + 40)) if defendants else None
        near = [m for m in ctx.mentions(sent, by.end(), s.end) if ctx.is_head(m) and m.start - by.end() < 40] \
            if by else []
        critic = ix.actor(near[0].key, sent, near[0].start, acc.seen) if near else None
        if critic is not None and ctx.type_of(critic) in ("Person", "Organization"):
            acc.add(critic, [defendants[0].key], None, "lawsuit", b.start(), near[0].end, sent, rule=LAWSUIT)
    for j in _JOINED.finditer(text, s.start, s.end):
        critic = ix.critic_at(sent, j.start(), acc.seen)
        if critic is not None:
            critics.append((critic, j.start()))
    for critic, at in critics:
        # an action whose defendant is not named before is mostly against the company the story is about
        targets = [t for t in _defendant(ix, at, acc.seen) or topic(ix, at, critic) if t not in ix.excluded(critic)]
        acc.add(critic, targets, None, "lawsuit", at, s.end, sent, rule=LAWSUIT)
    return acc.out


def _led_by(ix: CriticIndex, sent: int, found: Found) -> list[tuple[str, int]]:
    """The parties of "the claim, filed in London, is led by X" (not "a funding round led by X" in a sentence about a
    suit), with where each is named."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    critics: list[tuple[str, int]] = []
    for b in _PARTY_BY.finditer(text, s.start, s.end):
        before = text[max(s.start, b.start() - 90):b.start()]
        if not _LEGAL_SUBJECT.search(before) or _FUNDING_NOUN.search(before):
            continue
        near = [m for m in ctx.mentions(sent, b.end(), s.end) if ctx.is_head(m) and m.start - b.end() < 40]
        if len(near) > 1 and near[0].type == "Group" and _INITIALS.fullmatch(text, near[0].end, near[1].start):
            near = near[1:]  # "by authors Andrea Bartz, ...": the named ones
        for m in near[:1] + listed(ix, near[:1], sent):  # "brought by authors A, B and C"
            critic = ix.actor(m.key, sent, m.start, found)
            if critic is not None and ctx.type_of(critic) in ("Person", "Organization"):
                critics.append((critic, b.start()))
    return critics


def warned_off(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"X sent Y a cease-and-desist letter", "X sent a similar letter", "X told staff not to use Y"."""
    ctx, text, acc = ix.ctx, ix.text, Collected(ix, found)
    s = ctx.sentence(sent)
    for w in _LETTER.finditer(text, s.start, s.end):
        critic = ix.critic_at(sent, w.start(), acc.seen)
        if critic is None:
            continue
        named = [m for m in ctx.mentions(sent, w.start(), w.end()) if ctx.is_head(m) and
                 m.type in ("Person", "Organization")]
        targets = [named[0].key] if named else _last_letter(acc.seen, w.start())
        acc.add(critic, [t for t in targets if t not in ix.excluded(critic)], None, "letter", w.start(), w.end(),
                sent, rule=WARNED_OFF)
    for w in _NOT_TO_USE.finditer(text, s.start, s.end):
        near = [m for m in ctx.mentions(sent, w.end(), s.end) if ctx.is_head(m) and m.start - w.end() < 5]
        critic = ix.critic_at(sent, w.start(), acc.seen)
        if near and critic is not None:
            acc.add(critic, [near[0].key], None, "warned against", w.start(), near[0].end, sent, rule=WARNED_OFF)
    return acc.out


def attitude(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"Asked about Acme, X was dismissive": the critic's stated attitude towards what the sentence names."""
    ctx, text, acc = ix.ctx, ix.text, Collected(ix, found)
    s = ctx.sentence(sent)
    for a in _ATTITUDE.finditer(text, s.start, s.end):
        # the name right before the verb is the one judging ("Asked about Y by Z, X was dismissive")
        near = [m for m in ctx.mentions(sent, s.start, a.start()) if a.start() - m.end <= 2]
        critic = ix.actor(near[-1].key, sent, a.start(), acc.seen) if near else \
            ix.critic_at(sent, a.start(), acc.seen)
        if critic is None:
            continue
        excluded = ix.excluded(critic)
        aside = [(r.start(), r.end()) for r in _ASIDE.finditer(text, s.start, a.start())]
        names = [m for m in ctx.mentions(sent) if m.key not in excluded and ctx.is_head(m) and
                 m.type in ("Person", "Organization", "Product") and not (m.start >= a.start() and
                                                                         m.start - a.end() > 40)
                 and not any(b <= m.start < e for b, e in aside)]
        # what the critic was asked about or judged ("about Y", "of Y") beats a host or reporter named nearby
        about = [m for m in names if re.search(r"\b(?:about|of|on|over|at)\s+(?:the\s+)?$",
                                                text[max(s.start, m.start - 12):m.start])]
        pick = about or [m for m in names if m.type != "Person"] or names
        # "X was not convinced.": about the subject at hand
        targets = [pick[0].key] if pick else topic(ix, a.start(), critic)
        act = ACT_NOUN.match(text, a.end(), s.end)
        did = doer(ix, act.group(1), a.start(), critic) if act else None
        if did is not None:
            targets = [did]  # "critical of the veto": of whoever vetoed, not a name further on
        acc.add(critic, targets, None, a.group(0), s.start, s.end, sent, rule=ATTITUDE)
    return acc.out


def _after_quote(text: str) -> str:
    """The text after its last closing quote and the comma after it: re.split(_QUOTE_CLOSE, text)[-1] without the
    list (every quote character starts a match of its own, so the last match starts at the last one)."""
    i = max(text.rfind("”"), text.rfind('"'))
    return text if i < 0 else text[_QUOTE_CLOSE.match(text, i).end():]  # type: ignore[union-attr]


def alone(ctx: DocContext, sent: int) -> bool:
    """A sentence that is a paragraph of its own ("Not everyone agreed.")."""
    para = ctx.sentence(sent).paragraph
    n = len(ctx.doc.sentences)
    return (sent == 0 or ctx.sentence(sent - 1).paragraph != para) and \
        (sent + 1 >= n or ctx.sentence(sent + 1).paragraph != para)
