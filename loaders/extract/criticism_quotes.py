"""Criticism rules of direct quotes: a quote holding a negative judgement of what it names, a sarcastic quote going on
with a criticism just made (functions over a ``CriticismFinder``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.attribution import quote_attributions
from loaders.extract.judgements import ACT_NOUN, DISSENT, LEARNED_JUDGEMENT, REBUTTED
from loaders.extract.rules import register
from loaders.extract.sentiment import THRESHOLD

if TYPE_CHECKING:
    from loaders.extract.criticisms import CriticismFinder

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
                     r"more critical|more scathing)\b|\b(?:scathing|blistering|withering|stinging|sharply worded|"
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
_COMPANY = re.compile(r"\b(?:company|companies|firm|startup|start-up|corporation|lab)\b", re.I)
# "We are sorry that we didn't ...": an apology judges the speaker, not another party
_APOLOGY = re.compile(r"\b(?:we|I)\s+(?:are|am|were|was)?\s*(?:sorry|apologi[sz]e|regret)\b|"
                      r"\b(?:we|I)\s+(?:got it wrong|made a mistake|messed up|screwed up|(?:was|were) wrong)\b|"
                      r"\bof me\b|\bI(?:[’']m| am)\s+(?:really\s+|so\s+|deeply\s+)?(?:embarrassed|ashamed)\b", re.I)
# verbs whose scare-quoted complement is a verdict against what they name ("derided Chorus as “…”")
_NEG_FRAME = re.compile(r"(?:dismiss|derid|pann|reject|brand|label)", re.I)
_CALLED_ACT = re.compile(rf"call(?:ed|s|ing)?\s*{ACT_NOUN.pattern[3:]}", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
def _kind_named(text: str) -> str | None:
    """The kind of thing a judgement speaks of: "the company" (an organisation), "the feature" (a product)."""
    if _COMPANY.search(text):
        return "Organization"
    if _PRODUCT_NOUN.search(text):
        return "Product"
    return None



def quotes(finder: CriticismFinder) -> None:
    """Direct quotes (see attribution), critical when they hold a negative judgement."""
    ctx, p = finder.ctx, finder.p
    for a in quote_attributions(finder):
        qs, qe, speaker, verb_text = a.start, a.end, a.speaker, a.verb
        sent_a, sent_b = a.sent, a.last_sent
        body = finder.text[qs + 1:qe - 1]
        para = ctx.sentence(sent_a).paragraph
        finder.quote_speakers.append((qs, speaker))
        neg = finder.negative(body)
        dissent = finder.dissent(sent_a)
        negative = bool(neg) or _judged(finder, body, a.called) or dissent
        rule = QUOTED_JUDGEMENT
        if not negative and _stance_before(finder, speaker, sent_a):
            negative, rule = True, QUOTED_STANCE
        critical_reply = bool(verb_text and _CRITICAL_REPLY.search(verb_text))
        if not critical_reply and sent_a > 0 and ctx.sentence(sent_a - 1).paragraph == para and \
                _CRITICAL_REPLY.search(ctx.stext(sent_a - 1)) and \
                ctx.subject(sent_a - 1, ctx.sentence(sent_a - 1).end) == speaker:
            critical_reply = True  # "X fired back on Monday. “...,” she wrote"
        if not critical_reply and verb_text and _REPLY_VERBS.search(verb_text) and _DISAGREE.search(body):
            critical_reply = True  # 'To which X replied: “We disagree on what my job is.”'
        if verb_text and re.match(r"\W*ask", verb_text, re.I) and body.rstrip().endswith("?"):
            continue  # a reporter's or host's question
        learned = not negative and not critical_reply and \
            finder.learned_negative(ctx.stext(sent_a) if sent_a == sent_b else body)  # a judgement no word list names
        if learned:
            negative, rule = True, LEARNED_JUDGEMENT
        if not negative and not critical_reply and verb_text and _MOCKING.search(verb_text):
            # '“Truly a masterpiece,” he joked': sarcasm going on with the speaker's criticism just made
            finder.add(speaker, finder._continued(speaker, sent_a), body.strip(), "mockery", qs, qe, sent_b,
                     rule=QUOTED_MOCKERY)
            continue
        if (not negative and not critical_reply) or _APOLOGY.search(body) or _denial(finder, qs, qe, speaker):
            continue
        if not negative and finder.polarity(body) > 0.5:
            continue  # '“…,” it retorted, and “remains open to a conversation”': a warm line is no criticism
        targets: list[str] = []
        if _SECOND_PERSON.search(body):
            # "We urge you to stop …" in a letter: at whom it was written to; "Why are you …?" after a criticism
            # just made: at the one it addressed
            targets = finder._letter_addressee(qs, speaker) or finder._continued(speaker, sent_a)
        for si in range(sent_a, sent_b + 1) if not targets else ():
            s = ctx.sentence(si)
            person = _pronoun_subject(finder, max(qs, s.start), speaker)
            if person is not None:
                targets, rule = [person], QUOTED_PRONOUN
                break
            targets += finder.targets_in(si, max(qs, s.start), min(qe, s.end), speaker)
            if targets:
                break
        if learned and not targets:
            continue  # a learned judgement must name what it judges: the fallbacks below guess too much for it
        called = a.called >= 0
        if not targets and called and REBUTTED.search(finder.text, a.called, qs):
            targets = finder._rebutted(speaker, a.called)  # 'calling the lawsuit “a ploy”': at who brought it
        if not targets and (negative or critical_reply) and REBUTTED.search(body):
            targets = finder._rebutted(speaker, qs)  # "the skeptics are comparing slides they haven't read"
        act = _CALLED_ACT.match(finder.text, a.called) if called else None
        if not targets and act:
            doer = finder._doer(act.group(1), a.called, speaker)  # 'called the veto “a setback”': at who vetoed
            targets = [doer] if doer else []
        elif not targets and called:
            targets = finder.targets_in(sent_a, a.called, qs, speaker)  # called Shenlan "a threat"
        elif not targets and sent_a == sent_b:
            # a partial quote: the sentence around it carries the target ("OpenAI did not dispute that it “...”")
            s = ctx.sentence(sent_a)
            verbs = list(p["speech"].finditer(finder.text, s.start, qs))
            # the target follows the last speech verb ("X of Y said Pallas was “...”")
            targets = finder.targets_in(sent_a, verbs[-1].end() if verbs else s.start, qs, speaker)
        if not targets and negative and not called and _THEY.search(a.judged):
            # "“They are burning cash ...,” said X": the organisation the article is about
            excluded = finder._excluded(speaker)
            org = ctx.recent_subject(qs + 1, ("Organization",), excluded) or _topic_org(finder, excluded)
            targets = [org] if org else []
        if not targets and critical_reply:
            other = finder.addressee(qs, speaker)  # "X fired back. “..., ” she wrote": at the other party
            targets = [other] if other else []
        if not targets and re.search(r"\b(?:you|your|his|him|he|she|her)\b", body, re.I) and verb_text and \
                _REPLY_VERBS.search(verb_text):
            other = finder.addressee(qs, speaker)
            targets = [other] if other else []
        if not targets and neg and re.search(r"\byou(?:r|’re|'re)?\b", body, re.I):
            # a judgement addressed to "you": the person just named in the exchange (a few sentences back)
            other = finder.ctx.recent(qs, ("Person",), finder._excluded(speaker), max_sentences=3)
            targets = [other] if other else []
        if not targets and negative:
            targets = finder._continued(speaker, sent_a)
            frame = finder.text[a.called:qs] if called else body
            # 'called the content “appalling”': the content at hand
            if not targets and (neg or dissent or _REFERRING.search(body) or (called and _CALLED_THE.match(frame))):
                targets = finder.topic(qs, speaker, _kind_named(frame) or _kind_named(body))
        cue = neg.group(0) if neg else ("judgement" if negative else "retort")
        for who in [speaker, *finder._co_speakers(speaker, sent_b, qe)]:  # '“…,” Warren and Kim wrote'
            finder.add(who, [t for t in dict.fromkeys(targets) if t not in finder._excluded(who)], body.strip(), cue,
                     qs, qe, sent_b, rule=rule)


def _stance_before(finder: CriticismFinder, speaker: str, sent: int) -> bool:
    """Whether the sentence before a quote names its speaker with a critical stance ("Warren issued a blistering
    statement.", "Democrats were far harsher. Warren said …"), in the quote's paragraph or just before it."""
    ctx = finder.ctx
    para = ctx.sentence(sent).paragraph
    for si in range(sent - 1, max(-1, sent - 3), -1):
        s = ctx.sentence(si)
        if s.paragraph < para - 1:
            break
        if any(m.key == speaker for m in ctx.mentions(si)):
            return bool(_STANCE.search(ctx.stext(si)) or DISSENT.search(ctx.stext(si)))
    return False


def _pronoun_subject(finder: CriticismFinder, start: int, speaker: str) -> str | None:
    """The person a quoted sentence opening with "he"/"she" is about: the last person named before it other than the
    speaker and the speaker's side."""
    m = _PRONOUN_SUBJECT.match(finder.text, start)
    if m is None:
        return None
    return finder.ctx.recent(start, ("Person",), finder._excluded(speaker), max_sentences=4)


def _judged(finder: CriticismFinder, body: str, called: int) -> bool:
    """A negative judgement by polarity, or a scare-quoted verdict framed as one ("dismissed it as “…”")."""
    score = finder.polarity(body)
    if score <= THRESHOLD:
        return True
    if called >= 0 and _NEG_FRAME.match(finder.text, called):
        return score < 1.0  # "derided X as “…”": negative by its verb unless the words are clearly warm
    return False


def _topic_org(finder: CriticismFinder, excluded: set[str]) -> str | None:
    """The organisation the article is about: the one named most often (at least three times)."""
    orgs = [e for e in finder.ctx.entities.values() if e.type == "Organization" and e.key not in excluded]
    best = max(orgs, key=lambda e: len(e.mentions), default=None)
    return best.key if best is not None and len(best.mentions) >= 3 else None


def _denial(finder: CriticismFinder, qs: int, qe: int, speaker: str) -> bool:
    """Whether a quote is the speaker's side denying an accusation: its first clause has the speaker's side as its
    subject ("we", or the speaker's organisation or product) and a negation ("Acme is not ignoring the protocol and
    then lying about it", "We don't rely on …")."""
    ctx = finder.ctx
    sent = ctx.sentence_at(qs + 1)
    end = min(qe, ctx.sentence(sent).end)
    clause = finder.text[qs:end]
    cut = re.search(r"[,;:]|\s[–—-]\s", clause)
    head = clause[:cut.start()] if cut else clause
    if not _DENIED.search(head):
        return False
    if _OWN_SUBJECT.match(head):
        return True
    names = [m for m in ctx.mentions(sent, qs, qs + len(head)) if ctx.is_head(m)]
    side = finder._excluded(speaker) | finder.allies.get(speaker, set())
    return bool(names) and names[0].start - qs < 4 and names[0].key in side
