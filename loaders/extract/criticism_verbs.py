"""Criticism rules of the verb family: "X criticised Y", "X accused Y of", "Y was slammed by X", "X called for Y to
resign", "X urged Y to withdraw the feature" (functions over a ``CriticismFinder``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from loaders.extract.judgements import (
    ACT_NOUN,
    ACTION_WORDS,
    ATTITUDE_WORDS,
    DECISION,
    DRAWN_WORDS,
    LETTER_WORDS,
    PARTY_WORDS,
    REBUTTED,
    SAID_COMPANY,
)
from loaders.extract.lexicon import Folded, lexicon
from loaders.extract.rules import register

if TYPE_CHECKING:
    from loaders.extract.criticisms import CriticismFinder

VERB_OBJECT = register("criticism.verb_object.v2", "A criticism verb with its object: 'X criticised Y', 'X accused Y "
                       "of'", __name__)
VERB_PASSIVE = register("criticism.verb_passive.v1", "A criticism verb in the passive: 'Y was slammed by X'", __name__)
CALLED_FOR = register("criticism.called_for.v1", "'X called for Y to resign'", __name__)
URGED = register("criticism.urged_undo.v1", "'X urged Y to withdraw the feature', 'asked a court to block Y'", __name__)
_NEGATION = re.compile(r"\b(?:not|never|n[’']t|no longer|declined to|refused to)\s+(?:\w+\s+)?$", re.I)
_CALL_FOR_ON = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|on)\s+", re.I)
_HARSH_NOUN = Folded(r"\b(?:scathing|harsh|sharp|blistering|damning|withering|stinging|fierce|brutal)\s+"
                     r"(?:evaluation|review|critique|assessment|criticism|rebuke|attack|takedown|response)\s+"
                     r"(?:of|on|against)\b",
                     anchors=("evaluation", "review", "critique", "assessment", "criticism", "rebuke", "attack",
                              "takedown", "response"))
# "called on the Commission to investigate": a request to an authority, not a criticism of it
_ASK_TO_ACT = re.compile(r"^\s+to\s+(?:investigate|probe|act|intervene|regulate|review|examine|look into|step in|"
                         r"open|launch|enforce|protect|ensure|help|support|consider|adopt|pass|introduce)\b", re.I)
_CLAIMS_AGAINST = re.compile(r"\s+(?:the\s+|all\s+|some\s+|several\s+|most\s+)?(?:[\w’'-]+\s+){0,3}?(?:claims?|"
                             r"charges?|counts?|allegations?|case|lawsuit|suit)\s+(?:brought\s+)?against\b", re.I)
_IT_ALLEGES = re.compile(r"\b(?:it|the (?:lawsuit|suit|complaint|filing))\s+(?:also\s+)?$", re.I)
_AGAINST = re.compile(r"\bagainst\s+")
_REBUTTAL_VERB = re.compile(r"^(?:disput|reject|hit|hits|shot|shoots|fire|push|counter|dismiss|disagree)", re.I)
_URGE = Folded(r"\b(?:urg(?:ed|es|ing|e)|press(?:ed|es|ing)|pressur(?:ed|es|ing|e)|call(?:ed|s|ing)? on|"
               r"demand(?:ed|s|ing)? that)\s+(?:the\s+)?", anchors=("urg", "press", "call", "demand"))
_URGE_WORDS = frozenset({"urged", "urges", "urging", "urge", "pressed", "presses", "pressing", "pressured", "asked",
                         "asks", "petitioned",
                         "pressures", "pressuring", "pressure", "on", "demanded", "demands", "demanding"})
# "asked a federal court to block the conversion": legal action against the story's subject
_ASK_COURT = Folded(r"\b(?:ask(?:ed|s|ing)?|petition(?:ed|s|ing)?|urg(?:ed|es|ing))\s+(?:a|the)\s+"
                    r"(?:[\w.-]+\s+){0,2}?(?:court|judge|regulators?|commission)\s+to\s+(?:block|halt|stop|bar|"
                    r"reject|void|suspend|freeze|unwind)\b", anchors=("court", "judge", "regulator", "commission"))
# what the urged party should stop or undo: a criticism of what it did, not a request for help
_TO_UNDO = re.compile(r"[’']?s?\s+to\s+(?:immediately\s+)?(?:stop|halt|withdraw|remove|pull|scrap|drop|suspend|pause|"
                      r"abandon|rethink|reverse|reconsider|disable|end|ban|cease|retract|recall|delay|shut|take down|"
                      r"apologi[sz]e|resign|step down|fix|explain|stop using)\b", re.I)
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|\w+ly\s+){0,2}$", re.I)
# an object that refers back to what is being discussed rather than naming it
_ABOUT_TOPIC = re.compile(r"\s*(?:whether|that|if|how|the|its|their|this|these|those)\b", re.I)
# "accusing them of": the parties just named by the same critic in the sentence
_THEM_OBJECT = re.compile(r"\s*(?:them|both)\b", re.I)
_ATTACK = re.compile(r"(?:hit|hits|hitting|fire|fired|fires|shot|shoots|lash)", re.I)
_PLAINTIFFS = re.compile(r"\s*the\s+(?:plaintiffs|claimants|complainants)\b", re.I)
# criticism verbs that are also nouns ("the ban", "a probe"): after a determiner they name the act
_NOUN_USE = re.compile(r"(?:ban|bans|probe|probes|jab|jabs|mock|rebuke|sue)$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|this|that|their|his|her|any|new|proposed)\s+(?:[\w-]+\s+)?$", re.I)
_BARE_OF = re.compile(r"\s+of\b")
@lru_cache(maxsize=1)
def _verb_first_words() -> frozenset[str]:
    """First words of the criticism verb phrases (a cheap pre-filter before the big regex)."""
    lex = lexicon()
    extra = {"scathing", "harsh", "sharp", "blistering", "damning", "withering", "stinging", "fierce", "brutal",
             "call", "called", "calls", "calling"}
    # a phrase's first content word: "is investigating" must not make every sentence with "is" a candidate
    return frozenset(next((w for w in v.lower().split() if w not in _AUX), v.split()[0].lower())
                     for v in lex.criticism_verbs) | extra


_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "began", "a", "an", "the"})

# ---- rule families
def verbs(finder: CriticismFinder) -> None:
    """"X criticised Y", "X accused Y of", "X joked about Y", "Y was slammed by X", "X called for Y to"."""
    ctx, p = finder.ctx, finder.p
    firsts = _verb_first_words()
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        st_start, st_end = s.start, s.end
        if not words.isdisjoint(ATTITUDE_WORDS):
            finder._attitude(s.index)
        if "from" in words and not words.isdisjoint(DRAWN_WORDS):
            finder._drawn(s.index)
        if not words.isdisjoint(PARTY_WORDS):
            finder._parties(s.index)
        if not words.isdisjoint(_URGE_WORDS):
            urged(finder, s.index)
        if not words.isdisjoint(LETTER_WORDS):
            finder._warned_off(s.index)
        if not words.isdisjoint(ACTION_WORDS):
            finder._acted_against(s.index)
        if words.isdisjoint(firsts):
            continue
        for m in list(p["verb"].finditer(finder.text, st_start, st_end)) + \
                list(_HARSH_NOUN.finditer(finder.text, st_start, st_end)):
            if _NEGATION.search(finder.text[max(st_start, m.start() - 20):m.start()]):
                continue
            if _NOUN_USE.match(m.group(0)) and _DETERMINER.search(finder.text, max(st_start, m.start() - 12),
                                                                   m.start()):
                continue  # "the ban would cost the firm": a noun, not the verb
            passive = p["passive"].search(finder.text, max(st_start, m.start() - 16), min(st_end, m.end() + 4))
            if passive:
                agents = [x for x in ctx.mentions(s.index, m.end(), st_end) if ctx.is_head(x)]
                critic = finder._actor(agents[0].key, s.index, m.end()) if agents else None
                targets = []
                subj = ctx.subject(s.index, m.start(), ("Person", "Organization", "Product"))
                if subj:
                    targets = [subj]
                elif critic and _REBUTTAL_VERB.match(m.group(0)) and \
                        REBUTTED.search(finder.text, ctx.clause_start(s.index, m.start()), m.start()):
                    # "That claim was disputed by Unite": the claim's maker, the subject just before
                    prior = ctx.recent_subject(st_start, ("Person", "Organization"), finder._excluded(critic))
                    targets = [prior] if prior else []
                finder.add(critic, targets, None, m.group(0), m.start(), m.end(), s.index, rule=VERB_PASSIVE)
                continue
            if _BARE_OF.match(finder.text, m.end()) and m.group(0).lower().startswith("accused"):
                continue  # "xAI accused of polluting": a passive without its agent names no critic
            voices = finder.legal_voice(s.index, m.start())
            critic = finder.critic_at(s.index, m.start()) if voices is None else next(iter(voices), None)
            if voices is None and m.group(0).split()[0].lower().endswith("ing") and \
                    re.search(r",\s*$", finder.text[st_start:m.start()]):
                # "… have sued Anthropic, alleging that …": the participle's subject is the main verb's
                main = [f for f in finder.found if f.sent == s.index and f.start < m.start()]
                if main:
                    critic = main[-1].critic
                elif p["verb"].search(finder.text, ctx.clause_start(s.index, m.start()), m.start()):
                    continue
            if critic is None and (pron := _PRONOUN_BEFORE.search(finder.text, max(st_start, m.start() - 40),
                                                                  m.start())):
                # "In his own newsletter this week he mocked ...": the pronoun right before the verb
                critic = ctx.person_pronoun(m.start() - len(pron.group(0)))
            if critic is None:
                continue
            if SAID_COMPANY.search(finder.text, st_start, m.start()):
                critic = finder._speaker_org(critic, m.start())  # "X said the company disagrees with ..."
                if critic is None:
                    continue
            cue = m.group(0).lower()
            obj_start = m.end()
            if cue.endswith("complaint with"):  # "a complaint with the FTC against Y": the target follows
                against = _AGAINST.search(finder.text, m.end(), st_end)
                if against is None:
                    continue
                obj_start = against.end()
            obj_end = finder._object_end(obj_start, st_end)
            targets = finder.targets_in(s.index, obj_start, obj_end, critic, own_side=True)
            if _PLAINTIFFS.match(finder.text, obj_start):  # "faulted the plaintiffs": the parties who sued
                targets = [t for t in finder.plaintiffs(m.start()) if t != critic] or targets
            if _THEM_OBJECT.match(finder.text, obj_start):
                targets = finder._same_critic(critic, s.index, m.start()) or targets
            rebuttal = bool(_REBUTTAL_VERB.match(cue)) and not DECISION.match(finder.text, m.end(), st_end)
            if cue.startswith("dismiss") and _CLAIMS_AGAINST.match(finder.text, m.end(), obj_end):
                continue  # "dismissed claims against X": a ruling for X, not a judgement of X
            if cue.startswith("alleg") and _IT_ALLEGES.search(finder.text, st_start, m.start()):
                continue  # "It alleges that ...": "it" is the lawsuit or complaint, not a party
            if rebuttal and (not targets or REBUTTED.match(finder.text, obj_start, obj_end)):
                # "X hit back", "Meta rejected the foundation’s conclusions as “junk”": at whoever criticised X's
                # side; a plain denial ("rejected the accusations") answers a critic without judging them
                attack = _ATTACK.match(cue) or finder.negative(finder.text[obj_start:st_end])
                targets = (finder._rebutted(critic, m.start()) if attack else []) or targets
            elif not targets and not rebuttal and _ABOUT_TOPIC.match(finder.text, obj_start, obj_end) and \
                    not DECISION.match(finder.text, m.end(), st_end):
                # "questioned whether the video was edited", "took a swipe at the valuation": the subject at hand
                targets = finder.topic(m.start(), critic)
            if not targets and cue.startswith(("expressed", "voiced")):
                # "expressed shock, anger and disbelief upon hearing the demo of OpenAI's model": the listed
                # feelings are not the object; what they are about comes after
                end = re.search(r",\s+(?:which|who)\b|,\s+and\s+(?:from|by)\b|;|$", finder.text[m.end():st_end])
                targets = finder.targets_in(s.index, m.end(), m.end() + end.start(), critic)  # type: ignore[union-attr]
            act = ACT_NOUN.match(finder.text, m.end(), st_end)
            if not targets and act:
                doer = finder._doer(act.group(1), m.start(), critic)  # "criticised the veto": whoever vetoed
                targets = [doer] if doer else []
            if not targets and DECISION.match(finder.text, m.end(), st_end):
                decider = finder._decider(m.start(), critic)
                targets = [decider] if decider else []
            finder.add(critic, targets, None, cue, m.start(), obj_end, s.index, rule=VERB_OBJECT)
            for other in (voices or [])[1:] + finder._co_subjects(s.index, critic, m.start()):
                finder.add(other, [t for t in targets if t not in finder._excluded(other)], None, cue, m.start(),
                         obj_end, s.index, rule=VERB_OBJECT)  # "Dow Jones and the New York Post sued Perplexity"
        # (every match holds "call", whose letters have no other case forms: a plain substring test is exact)
        calls = _CALL_FOR_ON.finditer(finder.text[st_start:st_end]) if "call" in ctx.slower(s.index) else ()
        for m in calls:
            a = st_start + m.end()
            nxt = [x for x in ctx.mentions(s.index, a, st_end) if x.type in ("Person", "Organization")]
            if nxt and nxt[0].start - a < 40 and re.match(r"^\s+to\b", finder.text[nxt[0].end:nxt[0].end + 4]) \
                    and not _ASK_TO_ACT.match(finder.text[nxt[0].end:nxt[0].end + 30]):
                critic = finder.critic_at(s.index, st_start + m.start())
                finder.add(critic, [nxt[0].key], None, "called for", st_start + m.start(), nxt[0].end, s.index,
                         rule=CALLED_FOR)


def urged(finder: CriticismFinder, sent: int) -> None:
    """"X urged Apple to withdraw the feature": asking someone to stop or undo what they did."""
    ctx = finder.ctx
    s = ctx.sentence(sent)
    for m in _ASK_COURT.finditer(finder.text, s.start, s.end):
        critic = finder.critic_at(sent, m.start())
        if critic is not None:
            obj_end = finder._object_end(m.end(), s.end)
            targets = finder.targets_in(sent, m.end(), obj_end, critic, own_side=True) or finder.topic(m.start(),
                                                                                                   critic)
            finder.add(critic, targets, None, "asked a court to block", m.start(), obj_end, sent, rule=URGED)
    for m in _URGE.finditer(finder.text, s.start, s.end):
        nxt = [x for x in ctx.mentions(sent, m.end(), s.end) if ctx.is_head(x)]
        if not nxt or nxt[0].start - m.end() > 12 or nxt[0].type not in ("Person", "Organization"):
            continue
        if not _TO_UNDO.match(finder.text, nxt[0].end):
            continue
        critic = finder.critic_at(sent, m.start())
        finder.add(critic, [nxt[0].key], None, m.group(0).strip(), m.start(), nxt[0].end, sent, rule=URGED)
