"""Criticism rules of direct quotes: a quote holding a negative judgement of what it names, a sarcastic quote going on
with a criticism just made, a critical reply, a stance announced before it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from loaders.extract.critic_roles import addressee, co_speakers
from loaders.extract.criticism_found import Collected, Finding, Found
from loaders.extract.criticism_targets import letter_addressee, medium, targets_in, topic
from loaders.extract.judgements import (
    ACT_NOUN,
    DISSENT,
    FAILED,
    LEARNED_JUDGEMENT,
    REBUTTED,
    continued,
    doer,
    failed_party,
    learned_negative,
    rebutted,
)
from loaders.extract.references import plural_listed
from loaders.extract.rules import register
from loaders.extract.sentiment import THRESHOLD

if TYPE_CHECKING:
    from loaders.extract.attribution import Attribution
    from loaders.extract.criticism_index import CriticIndex

QUOTED_MOCKERY = register("criticism.quoted_mockery.v1", "A sarcastic quote going on with a criticism just made",
                          __name__)
QUOTED_JUDGEMENT = register("criticism.quoted_judgement.v3", "A direct quote holding a negative judgement of what it "
                            "names", __name__)
_REPLY_VERBS = re.compile(r"\b(?:replied|responded|retorted|countered|fired back|hit back|shot back|clarified|"
                          r"snapped|quipped)\b", re.I)
_CRITICAL_REPLY = re.compile(r"\b(?:retorted|fired back|hit back|shot back|snapped)\b", re.I)
_MOCKING = re.compile(r"\b(?:joked|quipped|scoffed|sneered|mocked|sniped|jeered)\b", re.I)
_THEY = re.compile(r"\b(?:they|them|their)\b", re.I)
_DISAGREE = re.compile(r"\bdisagree|\bthat(?:[’']s| is) (?:wrong|false|not true)\b|\bnonsense\b", re.I)
# a quote judging "this"/"it"/"they" is about the subject at hand; one naming nothing may be a general remark
QUOTED_STANCE = register("criticism.quoted_stance.v1", "A quote after a sentence giving its speaker's critical stance: "
                         "'X issued a blistering statement. “…,” X said'", __name__)
QUOTED_PRONOUN = register("criticism.quoted_pronoun.v1", "A critical quote whose subject is 'he' or 'she': the person "
                          "referred to, not a name later in the sentence", __name__)
# "issued a blistering statement", "was far harsher": the speaker's stance announced before the quote
_STANCE = re.compile(r"\b(?:far|much|even|rather|considerably)\s+(?:harsher|blunter|less charitable|less diplomatic|"
                     r"more critical|more scathing)\b|\b(?:was|were|has been|have been)\s+(?:equally\s+|just as\s+|"
                     r"similarly\s+)?(?:blunter|harsher|scathing|withering|unsparing|more critical|less charitable|"
                     r"less diplomatic|more pointed)\b|\b(?:scathing|blistering|withering|stinging|sharply worded|"
                     r"strongly worded|damning|furious|angry)\s+(?:statement|response|letter|rebuke|post|thread|"
                     r"critique|reply|tweet|message|memo)\b", re.I)
# "We don't …", "Perplexity is not ignoring …": the speaker's side denying what it is accused of
_OWN_SUBJECT = re.compile(r"[\s“\"‘']*(?:we|our)\b", re.I)
# a negation, but not of an opinion: "we do not think they can be relied upon" judges others
_DENIED = re.compile(r"\b(?:not|never|n[’']t|no longer)\b(?!\s+(?:\w+ly\s+)?(?:think|believe|see|accept|agree|"
                     r"trust|understand|want)\b)", re.I)
# a quoted sentence whose subject is "he"/"she": "“He's now sneaking in …”"
_PRONOUN_SUBJECT = re.compile(r"[\s“\"‘']*(?:He|She)(?:[’']s)?\b")
_CALLED_THE = re.compile(r"call\w*\s+(?:the|this|that|these|those)\s+[a-z]", re.I)
_REFERRING = re.compile(r"\b(?:this|that|these|those|they|their|them|the company|the firm|the product)\b", re.I)
_PRODUCT_NOUN = re.compile(r"\b(?:the|this|that|its)\s+(?:new\s+)?(?:feature|device|product|app|tool|model|chatbot|"
                           r"assistant|service|gadget|system|glasses|headset|phone|chip|software|update)\b", re.I)
# a government described, not named, in a quote ("the government has committed to …")
_THE_GOVERNMENT = re.compile(r"\bthe\s+(?:government|administration|ministry|department)\b")
_GOVERNMENT_LABEL = re.compile(r"\b(?:government|administration|department|ministry|cabinet|white house)\b", re.I)
_COMPANY = re.compile(r"\b(?:company|companies|firm|startup|start-up|corporation|lab)\b", re.I)
# "We are sorry that we didn't ...": an apology judges the speaker, not another party
_APOLOGY = re.compile(r"\b(?:we|I)\s+(?:are|am|were|was)?\s*(?:sorry|apologi[sz]e|regret)\b|"
                      r"\b(?:we|I)\s+(?:got it wrong|made a mistake|messed up|screwed up|(?:was|were) wrong)\b|"
                      r"\bof me\b|\bI(?:[’']m| am)\s+(?:really\s+|so\s+|deeply\s+)?(?:embarrassed|ashamed)\b", re.I)
# verbs whose scare-quoted complement is a verdict against what they name ("derided Chorus as “…”")
_NEG_FRAME = re.compile(r"(?:dismiss|derid|pann|reject|brand|label)", re.I)
_CALLED_ACT = re.compile(rf"call(?:ed|s|ing)?\s*{ACT_NOUN.pattern[3:]}", re.I)
# 'called the plan "…"' as a verdict, not 'called for'/'called on' (a demand) nor 'called in' (a summons)
_CALLED_OBJECT = re.compile(r"call(?:ed|s|ing)?\s+(?!(?:for|on|upon|in|out|off|up|back|it quits)\b)\w", re.I)
# words that judge by their form: excess ("overbroad", "overhyped") or too little ("barely usable")
_LABEL_CUE = re.compile(r"\b(?:over(?!all|seas|view|night|time|sight)[a-z]{4,}|barely|hardly|scarcely)\b", re.I)
# a critic going further than the last one: "X went further, calling …"
_ESCALATION = re.compile(r"\b(?:went|goes|go|going)\s+(?:even\s+|a step\s+)?further\b", re.I)
_DENYING = re.compile(r"\b(?:den(?:y|ies|ied|ying)|disput\w+|refut\w+|rebut\w*|defend\w*)\b", re.I)
# 'called the ads a “…”': the head noun of the thing called, before an article opening the label
_CALLED_THING = re.compile(r"call\w*\s+(?:the|this|that|these|those)\s+(?:[\w$-]+\s+){0,3}?([a-z][a-z-]{2,})\s+"
                           r"(?:(?:an?|the)\s+)?$")
# "X, who has long described Y as “…”": the relative clause's antecedent is who called
_WHO_BEFORE = re.compile(r",\s+who\s+(?:has\s+|had\s+|have\s+)?(?:\w+\s+){0,2}$", re.I)
# "the regulator's proposals": a possessor right before the thing (an adjective or two between)
_POSSESSED = re.compile(r"(\S)['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")
CALLED_LABEL = register("criticism.called_label.v1", "A neutral-worded label given to something ('called the app “a "
                        "slot machine”') in a passage already criticising, or worded as excess or lack", __name__)
# the outlet a statement was given to, or a document shown to: "told the BBC.", "said in an interview with Wired,"
# (not "told Nvidia on Friday that it must …": one told what to do is a party)
_OUTLET_BEFORE = re.compile(r"\b(?:told|telling|speaking\s+(?:to|with)|interview\s+with|statement\s+to|"
                            r"(?:reviewed|obtained|seen)\s+by)\s+(?:the\s+)?$", re.I)
_OUTLET_AFTER = re.compile(r"\s*(?:[.,;:)”\"]|$)|\s+(?:on|last|this|earlier)\s+\w+\s*[.,]|\s+(?:in|on|via|during)\s+"
                           r"(?:an?\s+|the\s+)?(?:\w+\s+)?(?:interview|statement|email|e-mail|call|podcast|post|"
                           r"briefing)\b")
QUOTED_FAILURE = register("criticism.quoted_failure.v1", "A quote saying that a party it names refused, failed or did "
                          "not do something: '“Qantas refused to provide any protections”'", __name__)
_THEY_SUBJECT = re.compile(r"\b(?:[Tt]hey|(?:these|those|the|their)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|studios|"
                           r"publishers|employers|corporations|platforms|labs|developers|startups))\b")
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|whether|when|once|until)\s+$", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_GENERIC_YOU = re.compile(r"\b(?:if|when|whenever|unless|once)\s+$", re.I)


def _kind_named(text: str) -> str | None:
    """The kind of thing a judgement speaks of: "the company" (an organisation), "the feature" (a product)."""
    if _COMPANY.search(text):
        return "Organization"
    if _PRODUCT_NOUN.search(text):
        return "Product"
    return None


def quotes(ix: CriticIndex, attributions: Sequence[Attribution], found: Found) -> list[Finding]:
    """Direct quotes (see attribution), critical when they hold a negative judgement."""
    acc = Collected(ix, found)
    for a in attributions:
        _judge_quote(ix, acc, _relative_speaker(ix, a))
    return acc.out


def _relative_speaker(ix: CriticIndex, a: Attribution) -> Attribution:
    """The speaker of "X, who has described Y as “…”": X, where the speaker found is Y, the one called."""
    if a.called < 0 or not any(m.key == a.speaker for m in ix.ctx.mentions(a.sent, a.called, a.start)):
        return a
    s = ix.ctx.sentence(a.sent)
    who = _WHO_BEFORE.search(ix.text, s.start, a.called)
    if who is None:
        return a
    before = [m for m in ix.ctx.mentions(a.sent, s.start, who.start() + 1) if ix.ctx.is_head(m) and
              m.end <= who.start() and m.type in ("Person", "Organization")]
    return replace(a, speaker=before[-1].key) if before and before[-1].key != a.speaker else a


def _judge_quote(ix: CriticIndex, acc: Collected, a: Attribution) -> None:
    """Keep a quote that judges: a negative word or polarity, dissent or a critical stance before it, a critical
    reply, a sarcastic aside, or (where the word lists say nothing) the learned scorer."""
    ctx = ix.ctx
    qs, qe, speaker, verb_text, sent_a = a.start, a.end, a.speaker, a.verb, a.sent
    body = ix.text[qs + 1:qe - 1]
    neg = ix.negative(body)
    dissent = ix.dissent(sent_a)
    negative = bool(neg) or _judged(ix, body, a.called) or dissent
    rule = QUOTED_JUDGEMENT
    if not negative and _stance_before(ix, speaker, sent_a):
        negative, rule = True, QUOTED_STANCE
    if not negative and _critical_label(ix, a, body):
        negative, rule = True, CALLED_LABEL
    critical_reply = _critical_reply(ix, a, body)
    if verb_text and re.match(r"\W*ask", verb_text, re.I) and body.rstrip().endswith("?"):
        return  # a reporter's or host's question
    learned = not negative and not critical_reply and \
        learned_negative(ctx.stext(sent_a) if sent_a == a.last_sent else body)  # a judgement no word list names
    if learned:
        negative, rule = True, LEARNED_JUDGEMENT
    failing = [] if negative or critical_reply else failed_party(ix, a.speaker, a.sent, a.last_sent, qs, qe)
    if failing or (not negative and not critical_reply and _they_failed(body)):
        negative, rule = True, QUOTED_FAILURE  # the target of "they" / "these companies": the fallbacks below
    if not negative and not critical_reply and verb_text and _MOCKING.search(verb_text):
        # '“Truly a masterpiece,” he joked': sarcasm going on with the speaker's criticism just made
        acc.add(speaker, continued(ix, acc.seen, speaker, sent_a), body.strip(), "mockery", qs, qe, a.last_sent,
                rule=QUOTED_MOCKERY)
        return
    if (not negative and not critical_reply) or _APOLOGY.search(body) or _denial(ix, qs, qe, speaker):
        return
    if not negative and ix.polarity(body) > 0.5:
        return  # '“…,” it retorted, and “remains open to a conversation”': a warm line is no criticism
    targets, named_rule = (failing, None) if failing else _named_targets(ix, acc, a, body)
    if learned and not targets:
        # a learned judgement must name what it judges (the fallbacks below guess too much for it), or speak of
        # "these companies" after a list of them
        targets = _listed_parties(ix, a)
        if not targets:
            return
    rule = named_rule or rule
    targets = targets or _fallback_targets(ix, acc, a, body, bool(neg), negative, critical_reply, dissent)
    cue = neg.group(0) if neg else ("judgement" if negative else "retort")
    for who in [speaker, *co_speakers(ix, speaker, a.last_sent, qe)]:  # '“…,” Warren and Kim wrote'
        acc.add(who, [t for t in dict.fromkeys(targets) if t not in ix.excluded(who)], body.strip(), cue, qs, qe,
                a.last_sent, rule=rule)


def _critical_reply(ix: CriticIndex, a: Attribution, body: str) -> bool:
    """Whether a quote is a critical reply: "fired back", said right after the speaker fired back, or a reply
    disagreeing ('To which X replied: “We disagree on what my job is.”')."""
    ctx, verb_text, sent_a = ix.ctx, a.verb, a.sent
    if verb_text and _CRITICAL_REPLY.search(verb_text):
        return True
    if sent_a > 0 and ctx.sentence(sent_a - 1).paragraph == ctx.sentence(sent_a).paragraph and \
            _CRITICAL_REPLY.search(ctx.stext(sent_a - 1)) and \
            ctx.subject(sent_a - 1, ctx.sentence(sent_a - 1).end) == a.speaker:
        return True  # "X fired back on Monday. “...,” she wrote"
    return bool(verb_text and _REPLY_VERBS.search(verb_text) and _DISAGREE.search(body))


def _named_targets(ix: CriticIndex, acc: Collected, a: Attribution, body: str) -> tuple[list[str], str | None]:
    """What a quote names: whom a "you" addresses, the person a "he"/"she" subject is (with its rule), else the
    names inside the quote, sentence by sentence."""
    qs, qe, speaker = a.start, a.end, a.speaker
    targets: list[str] = []
    if _addressed(body):
        # "We urge you to stop …" in a letter: at whom it was written to; "Why are you …?" after a criticism just
        # made: at the one it addressed
        targets = letter_addressee(ix, qs, speaker) or continued(ix, acc.seen, speaker, a.sent)
    for si in range(a.sent, a.last_sent + 1) if not targets else ():
        s = ix.ctx.sentence(si)
        person = _pronoun_subject(ix, max(qs, s.start), speaker)
        if person is not None:
            return [person], QUOTED_PRONOUN
        targets += targets_in(ix, si, max(qs, s.start), min(qe, s.end), speaker)
        if targets:
            break
    return targets, None


def _addressed(body: str) -> bool:
    """Whether a quote speaks to someone: a "you" outside a condition ("Why are you using …?"; not the generic
    "… to still allow this if you're willing to pay")."""
    return any(not _GENERIC_YOU.search(body, max(0, m.start() - 12), m.start())
               for m in _SECOND_PERSON.finditer(body))


def _fallback_targets(ix: CriticIndex, acc: Collected, a: Attribution, body: str, neg: bool, negative: bool,
                      critical_reply: bool, dissent: bool) -> list[str]:
    """What a judging quote that names nothing is about: who brought what it rebuts, the doer of an act it calls
    names, the names of its frame or sentence, the story's company for "they", the other party of an exchange, the
    target of a criticism just made, the subject at hand."""
    ctx, text, qs, speaker = ix.ctx, ix.text, a.start, a.speaker
    called = a.called >= 0
    targets: list[str] = []
    if called and REBUTTED.search(text, a.called, qs):
        targets = rebutted(ix, acc.seen, speaker, a.called)  # 'calling the lawsuit “a ploy”': at who brought it
    if not targets and REBUTTED.search(body):
        targets = rebutted(ix, acc.seen, speaker, qs)  # "the skeptics are comparing slides they haven't read"
    act = _CALLED_ACT.match(text, a.called) if called else None
    if not targets and act:
        did = doer(ix, act.group(1), a.called, speaker)  # 'called the veto “a setback”': at who vetoed
        targets = [did] if did else []
    elif not targets and called:
        targets = targets_in(ix, a.sent, a.called, qs, speaker)  # called Shenlan "a threat"
    elif not targets and a.sent == a.last_sent:
        # a partial quote: the sentence around it carries the target ("OpenAI did not dispute that it “...”")
        s = ctx.sentence(a.sent)
        verbs = list(ix.p["speech"].finditer(text, s.start, qs))
        # the target follows the last speech verb ("X of Y said Pallas was “...”")
        targets = targets_in(ix, a.sent, verbs[-1].end() if verbs else s.start, qs, speaker)
    if not targets and negative:
        targets = _listed_parties(ix, a)  # "these companies" after "A, B, C and D"
    if not targets and negative and _THE_GOVERNMENT.search(body):
        targets = _government(ix, a)  # "the government has committed to …": the public body the story names
    return targets or _exchange_targets(ix, acc, a, body, neg, negative, critical_reply, dissent)


def _government(ix: CriticIndex, a: Attribution) -> list[str]:
    """The public body "the government" in a quote refers to: the government, ministry or department the document
    names most before the quote (none on the speaker's side; a regulator is not "the government")."""
    ctx = ix.ctx
    side = ix.excluded(a.speaker) | ix.allies.get(a.speaker, set()) | {a.speaker}
    counts: dict[str, int] = {}
    for si in range(a.sent + 1):
        for m in ctx.mentions(si):
            if m.end <= a.start and m.key not in side and ctx.is_head(m) and ctx.type_of(m.key) == "Organization" \
                    and _GOVERNMENT_LABEL.search(ctx.label(m.key)):
                counts[m.key] = counts.get(m.key, 0) + 1
    return [max(counts, key=lambda k: (counts[k], k))] if counts else []


def _they_failed(body: str) -> bool:
    """Whether a quote lays a failure at "they" or at a plural description of parties ("They did not agree with our
    assessment", "these studios refuse to …"), outside a condition ("if they don't …")."""
    for m in _THEY_SUBJECT.finditer(body):
        if FAILED.match(body, m.end()) and not _CONDITION_BEFORE.search(body, max(0, m.start() - 10), m.start()):
            return True
    return False


def _listed_parties(ix: CriticIndex, a: Attribution) -> list[str]:
    """The organisations a quote's "these companies" refers to (the latest list of three or more named before it),
    none on the speaker's side."""
    return plural_listed(ix.ctx, a.start, a.end, ix.excluded(a.speaker) | ix.allies.get(a.speaker, set()))


def _exchange_targets(ix: CriticIndex, acc: Collected, a: Attribution, body: str, neg: bool, negative: bool,
                      critical_reply: bool, dissent: bool) -> list[str]:
    """The last fallbacks of a judging quote: the story's company for "they", the other party of an exchange, the
    person a "you" is said to, the target of a criticism just made, the subject at hand."""
    ctx, qs, speaker, verb_text = ix.ctx, a.start, a.speaker, a.verb
    called = a.called >= 0
    if negative and not called and _THEY.search(a.judged):
        # "“They are burning cash ...,” said X": the organisation the article is about
        excluded = ix.excluded(speaker)
        org = ctx.recent_subject(qs + 1, ("Organization",), excluded) or _topic_org(ix, excluded)
        if org:
            return [org]
    if critical_reply or (re.search(r"\b(?:you|your|his|him|he|she|her)\b", body, re.I) and verb_text and
                          _REPLY_VERBS.search(verb_text)):
        other = addressee(ix, qs, speaker, acc.seen)  # "X fired back. “..., ” she wrote": at the other party
        if other:
            return [other]
    if neg and re.search(r"\byou(?:r|’re|'re)?\b", body, re.I):
        # a judgement addressed to "you": the person just named in the exchange (a few sentences back)
        other = ctx.recent(qs, ("Person",), ix.excluded(speaker), max_sentences=3)
        if other:
            return [other]
    if not negative:
        return []
    targets = continued(ix, acc.seen, speaker, a.sent)
    frame = ix.text[a.called:qs] if called else body
    # 'called the content “appalling”': the content at hand
    if not targets and called and _CALLED_THE.match(frame):
        targets = _owner_of_thing(ix, frame, a.called, speaker)  # 'called the ads “…”': whose ads the text said
    if not targets and REBUTTED.search(body):
        # "This complaint is misleading": a rebuttal whose critics were not found; the subject at hand is mostly the
        # speaker's own side, the venue or a bystander, not who is rebutted
        return []
    if not targets and (neg or dissent or _REFERRING.search(body) or (called and _CALLED_THE.match(frame))):
        targets = topic(ix, qs, speaker, _kind_named(frame) or _kind_named(body))
        # the story's most-named organisation may be the outlet that reports it ("told KXAN", "reviewed by KXAN"):
        # a quote that names nothing does not judge the outlet it was given to (and picking the next most-named
        # organisation instead measured no better: it was wrong as often)
        targets = [t for t in targets if t not in _outlets(ix)]
    return targets


def _outlets(ix: CriticIndex) -> frozenset[str]:
    """The organisations the document names somewhere as the outlet a statement was given to or a document shown to
    ("Lehrman told the BBC.", "in an interview with Wired", "videos reviewed by KXAN"): outlets, not parties."""
    ctx, text = ix.ctx, ix.text
    return frozenset(m.key for si in range(len(ctx.doc.sentences)) for m in ctx.mentions(si)
                     if m.type == "Organization" and _OUTLET_BEFORE.search(text, max(0, m.start - 30), m.start)
                     and _OUTLET_AFTER.match(text, m.end))


def _critical_label(ix: CriticIndex, a: Attribution, body: str) -> bool:
    """Whether a label given with "called X “…”" judges though its words are neutral: worded as excess or lack, or
    given in a paragraph that already criticises (so a praising label in a warm passage stays out)."""
    if a.called < 0 or not _CALLED_OBJECT.match(ix.text, a.called) or ix.polarity(body) > 0 or \
            len(body.split()) > 10 or _DENIED.search(body):
        return False  # 'calling the claim “simply not true”': a denial rebuts, and is handled as one
    ctx = ix.ctx
    s = ctx.sentence(a.sent)
    if _DENYING.search(ix.text, s.start, a.called):
        return False  # 'X denied that …, calling the report “…”': the speaker defends their own side
    if _LABEL_CUE.search(body):
        return True
    if _ESCALATION.search(ix.text, s.start, a.called):
        return True
    for si in range(a.sent - 1, -1, -1):
        prev = ctx.sentence(si)
        if prev.paragraph != s.paragraph:
            return False
        if ix.judged_text(ctx.stext(si)) or DISSENT.search(ctx.stext(si)):
            return True
    return False


def _owner_of_thing(ix: CriticIndex, frame: str, at: int, speaker: str) -> list[str]:
    """Whose thing a "called the ads “…”" judges: the organisation (else product) named in the last earlier sentence
    that speaks of the same thing ("The ads are part of a campaign by Acme")."""
    m = _CALLED_THING.match(frame)
    if m is None or _COMPANY.fullmatch(m.group(1)):
        return []  # "the company" is the topic's business, not a thing owned
    noun = m.group(1).lower()
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    word = re.compile(rf"\b{re.escape(stem)}(?:s|es)?\b", re.I)
    ctx, excluded = ix.ctx, ix.excluded(speaker) | {speaker}
    sent = ctx.sentence_at(at)
    for si in range(sent - 1, max(-1, sent - 12), -1):
        hit = word.search(ctx.stext(si))
        if hit is None:
            continue
        names = [x for x in ctx.mentions(si) if ctx.is_head(x) and x.key not in excluded and not medium(ix, x)]
        base = ctx.sentence(si).start
        owner = _POSSESSED.search(ctx.stext(si), 0, hit.start())
        if owner is not None:
            # "the PC's proposals": the text says whose; another name of that sentence (a critic of them) is not it
            return [x.key for x in names if x.end == base + owner.end(1)][:1]
        for kind in ("Organization", "Product"):
            found = [x.key for x in names if x.type == kind]
            if found:
                return found[:1]
    return []


def _stance_before(ix: CriticIndex, speaker: str, sent: int) -> bool:
    """Whether the sentence before a quote names its speaker with a critical stance ("Warren issued a blistering
    statement.", "Democrats were far harsher. Warren said …"), in the quote's paragraph or just before it."""
    ctx = ix.ctx
    para = ctx.sentence(sent).paragraph
    for si in range(sent - 1, max(-1, sent - 3), -1):
        s = ctx.sentence(si)
        if s.paragraph < para - 1:
            break
        if any(m.key == speaker for m in ctx.mentions(si)):
            return bool(_STANCE.search(ctx.stext(si)) or DISSENT.search(ctx.stext(si)))
    return False


def _pronoun_subject(ix: CriticIndex, start: int, speaker: str) -> str | None:
    """The person a quoted sentence opening with "he"/"she" is about: the last person named before it other than the
    speaker and the speaker's side."""
    m = _PRONOUN_SUBJECT.match(ix.text, start)
    if m is None:
        return None
    return ix.ctx.recent(start, ("Person",), ix.excluded(speaker), max_sentences=4)


def _judged(ix: CriticIndex, body: str, called: int) -> bool:
    """A negative judgement by polarity, or a scare-quoted verdict framed as one ("dismissed it as “…”")."""
    score = ix.polarity(body)
    if score <= THRESHOLD:
        return True
    if called >= 0 and _NEG_FRAME.match(ix.text, called):
        return score < 1.0  # "derided X as “…”": negative by its verb unless the words are clearly warm
    return False


def _topic_org(ix: CriticIndex, excluded: set[str]) -> str | None:
    """The organisation the article is about: the one named most often (at least three times)."""
    orgs = [e for e in ix.ctx.entities.values() if e.type == "Organization" and e.key not in excluded]
    best = max(orgs, key=lambda e: len(e.mentions), default=None)
    return best.key if best is not None and len(best.mentions) >= 3 else None


def _denial(ix: CriticIndex, qs: int, qe: int, speaker: str) -> bool:
    """Whether a quote is the speaker's side denying an accusation: its first clause has the speaker's side as its
    subject ("we", or the speaker's organisation or product) and a negation ("Acme is not ignoring the protocol and
    then lying about it", "We don't rely on …")."""
    ctx = ix.ctx
    sent = ctx.sentence_at(qs + 1)
    end = min(qe, ctx.sentence(sent).end)
    clause = ix.text[qs:end]
    cut = re.search(r"[,;:]|\s[–—-]\s", clause)
    head = clause[:cut.start()] if cut else clause
    if not _DENIED.search(head):
        return False
    if _OWN_SUBJECT.match(head):
        return True
    names = [m for m in ctx.mentions(sent, qs, qs + len(head)) if ctx.is_head(m)]
    side = ix.excluded(speaker) | ix.allies.get(speaker, set())
    return bool(names) and names[0].start - qs < 4 and names[0].key in side
