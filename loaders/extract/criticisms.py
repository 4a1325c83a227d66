"""Stage: criticisms — who criticised whom or what, with the quote and the date.

Three rule families: verbs of criticism/accusation/mockery/doubt/legal action with their subject and object;
attributed speech (direct quotes before/after the speaker, "X said that ...", "according to X") whose content holds
a negative judgement; and critical replies in an exchange ("X fired back, ...") aimed at the other party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.model import Criticism, DateRef, Event, Relation
from loaders.extract.attribution import patterns, quote_attributions, reported_attributions
from loaders.extract.context import DocContext
from loaders.extract.critic_roles import RoleMixin
from loaders.extract.judgements import (
    ACT_NOUN,
    ACTION_WORDS,
    ATTITUDE_WORDS,
    DECISION,
    DRAWN_WORDS,
    LETTER_WORDS,
    ON_BEFORE,
    PARTY_WORDS,
    PLATFORMS,
    REBUTTED,
    SAID_COMPANY,
    JudgementMixin,
)
from loaders.extract.lexicon import lexicon
from loaders.extract.rules import register
from loaders.extract.sentiment import THRESHOLD, has_phrase, negative_words, polarity

VERB_OBJECT = register("criticism.verb_object.v2", "A criticism verb with its object: 'X criticised Y', 'X accused Y "
                       "of'", __name__)
VERB_PASSIVE = register("criticism.verb_passive.v1", "A criticism verb in the passive: 'Y was slammed by X'", __name__)
CALLED_FOR = register("criticism.called_for.v1", "'X called for Y to resign'", __name__)
URGED = register("criticism.urged_undo.v1", "'X urged Y to withdraw the feature', 'asked a court to block Y'", __name__)
QUOTED_MOCKERY = register("criticism.quoted_mockery.v1", "A sarcastic quote going on with a criticism just made",
                          __name__)
QUOTED_JUDGEMENT = register("criticism.quoted_judgement.v2", "A direct quote holding a negative judgement of what it "
                            "names", __name__)
REPORTED_SPEECH = register("criticism.reported_speech.v2", "'X said (that) <negative content about Y>', 'according "
                           "to X'", __name__)
WARNED_THAT = register("criticism.warned_that.v1", "'X warned that Y could …': a warning about what its clause names",
                       __name__)
LABELLED_ANSWER = register("criticism.labelled_answer.v1", "A negative sentence of an interview answer under a "
                           "speaker label", __name__)

_REPLY_VERBS = re.compile(r"\b(?:replied|responded|retorted|countered|fired back|hit back|shot back|clarified|"
                          r"snapped|quipped)\b", re.I)
_CRITICAL_REPLY = re.compile(r"\b(?:retorted|fired back|hit back|shot back|snapped)\b", re.I)
_COURT = re.compile(r"\b(?:Court|Tribunal)\b")
_PARTY_ACT = re.compile(r"\b(?:accus|sue|sued|suing|alleg|lawsuit|complaint)", re.I)
_NEGATION = re.compile(r"\b(?:not|never|n[’']t|no longer|declined to|refused to)\s+(?:\w+\s+)?$", re.I)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "board",
                     "leadership", "lawyers", "attorneys", "executives", "management"})
# "analysts at Bernstein wrote": a firm's research speaks for the firm
_FIRM_VOICES = frozenset({"analyst", "analysts"})
_OWNER_NOUNS = re.compile(r"^[’']s?\s+(?:company|firm|startup|employer|board|leadership|management|lawyers|"
                          r"attorneys|team|spokesperson|executives)\b", re.I)
_REL_PRONOUN = re.compile(r"(?:,\s*)?(?<![Tt]o )\b(?:who|which)\s+(?:\w+\s+)?$")
_MOCKING = re.compile(r"\b(?:joked|quipped|scoffed|sneered|mocked|sniped|jeered)\b", re.I)
_APPOSED = re.compile(r",\s+(?:a|an|the)\s[^,;()“\"]{2,90}$")
_CALL_FOR_ON = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|on)\s+", re.I)
_CALL_FOR = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|on)\s+$", re.I)
_HARSH_NOUN = re.compile(r"\b(?:scathing|harsh|sharp|blistering|damning|withering|stinging|fierce|brutal)\s+"
                         r"(?:evaluation|review|critique|assessment|criticism|rebuke|attack|takedown|response)\s+"
                         r"(?:of|on|against)\b", re.I)
# "called on the Commission to investigate": a request to an authority, not a criticism of it
_ASK_TO_ACT = re.compile(r"^\s+to\s+(?:investigate|probe|act|intervene|regulate|review|examine|look into|step in|"
                         r"open|launch|enforce|protect|ensure|help|support|consider|adopt|pass|introduce)\b", re.I)
_THEY = re.compile(r"\b(?:they|them|their)\b", re.I)
_DISAGREE = re.compile(r"\bdisagree|\bthat(?:[’']s| is) (?:wrong|false|not true)\b|\bnonsense\b", re.I)
_PREP_BEFORE = re.compile(r"\b(?:with|against|to|from|into|at|on|for|by|over|about|of)\s+(?:the\s+)?$", re.I)
# "in a LinkedIn post", "on X": the medium of a criticism, not its target
_MEDIUM_AFTER = re.compile(r"\s+(?:post|posts|video|interview|podcast|statement|blog|thread|livestream|newsletter|"
                           r"op-ed|column|show|broadcast)\b", re.I)
# "in an interview with Bloomberg Television", "told Reuters": the outlet a criticism was voiced to, not its target
_MEDIUM_BEFORE = re.compile(r"\b(?:interview\s+with|told|telling|speaking\s+to|speaking\s+with|appearance\s+on)"
                            r"\s+(?:the\s+)?$", re.I)
# "Vasquez-Lund: Because …" — an interview answer under its speaker's label
_SPEAKER_LABEL = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s")
_CLAIMS_AGAINST = re.compile(r"\s+(?:the\s+|all\s+|some\s+|several\s+|most\s+)?(?:[\w’'-]+\s+){0,3}?(?:claims?|"
                             r"charges?|counts?|allegations?|case|lawsuit|suit)\s+(?:brought\s+)?against\b", re.I)
_IT_ALLEGES = re.compile(r"\b(?:it|the (?:lawsuit|suit|complaint|filing))\s+(?:also\s+)?$", re.I)
_OWN_SIDE = re.compile(r"\s*(?:the\s+(?:company|firm|startup)|it|we|our)\b", re.I)
_AGAINST = re.compile(r"\bagainst\s+")
_REBUTTAL_VERB = re.compile(r"^(?:disput|reject|hit|hits|shot|shoots|fire|push|counter|dismiss|disagree)", re.I)
# a quote judging "this"/"it"/"they" is about the subject at hand; one naming nothing may be a general remark
_REFERRING = re.compile(r"\b(?:this|that|these|those|they|their|them|the company|the firm|the product)\b", re.I)
_URGE = re.compile(r"\b(?:urg(?:ed|es|ing|e)|press(?:ed|es|ing)|pressur(?:ed|es|ing|e)|call(?:ed|s|ing)? on|"
                   r"demand(?:ed|s|ing)? that)\s+(?:the\s+)?", re.I)
_URGE_WORDS = frozenset({"urged", "urges", "urging", "urge", "pressed", "presses", "pressing", "pressured", "asked",
                         "asks", "petitioned",
                         "pressures", "pressuring", "pressure", "on", "demanded", "demands", "demanding"})
# "asked a federal court to block the conversion": legal action against the story's subject
_ASK_COURT = re.compile(r"\b(?:ask(?:ed|s|ing)?|petition(?:ed|s|ing)?|urg(?:ed|es|ing))\s+(?:a|the)\s+"
                        r"(?:[\w.-]+\s+){0,2}?(?:court|judge|regulators?|commission)\s+to\s+(?:block|halt|stop|bar|"
                        r"reject|void|suspend|freeze|unwind)\b", re.I)
# what the urged party should stop or undo: a criticism of what it did, not a request for help
_TO_UNDO = re.compile(r"[’']?s?\s+to\s+(?:immediately\s+)?(?:stop|halt|withdraw|remove|pull|scrap|drop|suspend|pause|"
                      r"abandon|rethink|reverse|reconsider|disable|end|ban|cease|retract|recall|delay|shut|take down|"
                      r"apologi[sz]e|resign|step down|fix|explain|stop using)\b", re.I)
_PRODUCT_NOUN = re.compile(r"\b(?:the|this|that|its)\s+(?:new\s+)?(?:feature|device|product|app|tool|model|chatbot|"
                           r"assistant|service|gadget|system|glasses|headset|phone|chip|software|update)\b", re.I)
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|\w+ly\s+){0,2}$", re.I)
_REPORTED_THAT = re.compile(r"\b(?:reported|reports|wrote|writes|revealed|disclosed)\s+(?:\w+\s+){0,3}?that\s+", re.I)
_AND_THEN = re.compile(r"\band\s+(?:\w+\s+)?$")  # "wrote that … and accused X": the writer's second verb
_FORMER = re.compile(r"\b(?:former|formerly|previously|ex-|left|quit|departed|resigned|fired|ousted)\b", re.I)
_COMPANY = re.compile(r"\b(?:company|companies|firm|startup|start-up|corporation|lab)\b", re.I)
# "We are sorry that we didn't ...": an apology judges the speaker, not another party
_APOLOGY = re.compile(r"\b(?:we|I)\s+(?:are|am|were|was)?\s*(?:sorry|apologi[sz]e|regret)\b|"
                      r"\b(?:we|I)\s+(?:got it wrong|made a mistake|messed up|screwed up|(?:was|were) wrong)\b|"
                      r"\bof me\b|\bI(?:[’']m| am)\s+(?:really\s+|so\s+|deeply\s+)?(?:embarrassed|ashamed)\b", re.I)
# a negator just before a judgement word ("never intended to harm", "is not lying")
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|nor|n[’']t)\s+(?:[\w-]+\s+){0,2}$", re.I)
# an object that refers back to what is being discussed rather than naming it
_ABOUT_TOPIC = re.compile(r"\s*(?:whether|that|if|how|the|its|their|this|these|those)\b", re.I)
# verbs whose scare-quoted complement is a verdict against what they name ("derided Chorus as “…”")
_NEG_FRAME = re.compile(r"(?:dismiss|derid|pann|reject|brand|label)", re.I)
# "accusing them of": the parties just named by the same critic in the sentence
_THEM_OBJECT = re.compile(r"\s*(?:them|both)\b", re.I)
# "sued OpenAI and its chief executive, Sam Altman": both are objects
_AND_ITS = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:its\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,?\s*)?$")
_CALLED_ACT = re.compile(rf"call(?:ed|s|ing)?\s*{ACT_NOUN.pattern[3:]}", re.I)
_ATTACK = re.compile(r"(?:hit|hits|hitting|fire|fired|fires|shot|shoots|lash)", re.I)
_PLAINTIFFS = re.compile(r"\s*the\s+(?:plaintiffs|claimants|complainants)\b", re.I)
# criticism verbs that are also nouns ("the ban", "a probe"): after a determiner they name the act
_NOUN_USE = re.compile(r"(?:ban|bans|probe|probes|jab|jabs|mock|rebuke|sue)$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|this|that|their|his|her|any|new|proposed)\s+(?:[\w-]+\s+)?$", re.I)
_WARN_WORDS = frozenset({"warn", "warns", "warned", "warning", "caution", "cautions", "cautioned", "cautioning"})
_OWNED = re.compile(r"[’']s\s+(?:(?!(?:on|about|of|for|with|to|in|over|and)\b)[a-z-]+\s+){0,4}")
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_BARE_OF = re.compile(r"\s+of\b")
_PARTICIPLE_BEFORE = re.compile(r",\s*(?:\w+ly\s+)?\w+ing\s+(?:that\s+)?$")
_DESCRIBED_THING = re.compile(r"\s*(?:the|this|that|its|their)\s+(?:new\s+|latest\s+)?(?:ad|advert|advertisement|"
                              r"campaign|commercial|feature|product|app|model|device|deal|move|plan|decision|policy|"
                              r"update|launch|rollout|chatbot|tool|service|settlement|video|system|summary|feed)\b",
                              re.I)
# "hopeless relative to what Google is spending", "worse than Apple": a yardstick, not what is judged
_COMPARED = re.compile(r"\b(?:than|relative to|compared (?:with|to)|unlike)\s+(?:what\s+|that of\s+|those of\s+)?"
                       r"(?:the\s+)?(?:[^,;.\s]+\s+(?:or|and)\s+)?$", re.I)
_PUB_REF = re.compile(r"^[’']s?\s+(?:\w+\s+){0,2}(?:blog post|blog|post|article|paper|report|essay|letter)\b", re.I)


@lru_cache(maxsize=1)
def _verb_first_words() -> frozenset[str]:
    """First words of the criticism verb phrases (a cheap pre-filter before the big regex)."""
    lex = lexicon()
    extra = {"scathing", "harsh", "sharp", "blistering", "damning", "withering", "stinging", "fierce", "brutal",
             "call", "called", "calls", "calling"}
    # a phrase's first content word: "is investigating" must not make every sentence with "is" a candidate
    return frozenset(next((w for w in v.lower().split() if w not in _AUX), v.split()[0].lower())
                     for v in lex.criticism_verbs) | extra


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    """Words of the speech verbs (a sentence without one attributes nothing)."""
    return frozenset(w.lower() for v in lexicon().speech_verbs for w in v.split()[:1])


_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "began", "a", "an", "the"})


def _kind_named(text: str) -> str | None:
    """The kind of thing a judgement speaks of: "the company" (an organisation), "the feature" (a product)."""
    if _COMPANY.search(text):
        return "Organization"
    if _PRODUCT_NOUN.search(text):
        return "Product"
    return None


def _anything(text: str) -> bool:
    return True


@dataclass
class _Found:
    critic: str
    targets: list[str]
    quote: str | None
    cue: str
    start: int
    end: int
    sent: int
    rule: str


class CriticismFinder(JudgementMixin, RoleMixin):
    """Finds the criticisms of one document; the claims stage uses a fresh one to find the speakers of statements
    (a fresh one: a spokesperson's organisation depends on the criticisms found so far)."""

    def __init__(self, ctx: DocContext, relations: list[Relation], events: list[Event]) -> None:
        self.ctx = ctx
        self.p = patterns()
        self.text = ctx.doc.clean
        self.found: list[_Found] = []
        self.allies: dict[str, set[str]] = {}
        for r in relations:
            if r.predicate == "affiliated_with" and _FORMER.search(self.text, r.source.start, r.source.end):
                continue  # "a researcher who previously worked at Microsoft" may well criticise it
            if r.predicate in ("affiliated_with", "developed_by"):
                self.allies.setdefault(r.subject, set()).add(r.object)
                self.allies.setdefault(r.object, set()).add(r.subject)
        self._apposition_allies()
        self.publications = {p.entity: ev.key for ev in events if ev.type == "Publication"
                             for p in ev.participants if p.role == "publisher"}
        self.quote_speakers: list[tuple[int, str]] = []  # (offset, speaker) of attributed quotes
        # the same quote or clause is judged by several rules: its negative word and polarity are computed once
        self._neg: dict[str, re.Match[str] | None] = {}
        self._pol: dict[str, float] = {}
        self._dissent_hits: dict[int, bool] = {}
        self._critics: dict[tuple[int, int, int], str | None] = {}

    def negative(self, text: str) -> re.Match[str] | None:
        """The first negative-judgement word of a text (memoised per document)."""
        if text in self._neg:
            return self._neg[text]
        # "No AI is perfect", "is not ignoring the protocol": a negated judgement word judges nothing
        m = next((x for x in self.p["negative"].finditer(text)
                  if not _NEGATED_BEFORE.search(text, max(0, x.start() - 24), x.start())), None)
        self._neg[text] = m
        return m

    def polarity(self, text: str) -> float:
        """The polarity of a text (memoised per document)."""
        v = self._pol.get(text)
        if v is None:
            v = self._pol[text] = polarity(text)
        return v

    def _judged_text(self, text: str) -> bool:
        """A negative judgement in reported content: a judgement word, or a negative polarity."""
        return self.negative(text) is not None or self.polarity(text) <= THRESHOLD

    # ---- actors
    def critic_at(self, sent: int, pos: int) -> str | None:
        """The critic: subject of the clause before ``pos``, spokespeople mapped to their organisation."""
        # memoised: several rules ask at the same verb; the answer depends on the document and on the criticisms
        # found so far (a spokesperson's organisation), which only grow, so their number completes the key
        key = (sent, pos, len(self.found))
        if key in self._critics:
            return self._critics[key]
        critic = self._critics[key] = self._critic_at(sent, pos)
        return critic

    def _critic_at(self, sent: int, pos: int) -> str | None:
        ctx = self.ctx
        before = self.text[ctx.sentence(sent).start:pos]
        voice = self.document_voice(sent, pos)
        if voice is not None:
            return voice  # "the complaint says", "the decision states"
        inner = _REPORTED_THAT.search(self.text, ctx.clause_start(sent, pos), pos)
        if inner is not None and not _AND_THEN.search(self.text, inner.end(), pos):
            # "Bloomberg reported that the department had sent subpoenas to X": the outlet only reports
            named = [x for x in ctx.mentions(sent, inner.end(), pos) if ctx.is_head(x)]
            return self._actor(named[0].key, sent, named[0].start) if named else \
                next(iter(ctx.anaphor_targets(inner.end(), pos, set())), None)
        # every match holds "who" or "which" (case-sensitive): most clauses have neither, and need no scan
        rel = _REL_PRONOUN.search(before) if "wh" in before else None
        if rel:
            rel_at = pos - len(rel.group(0))
            prev = [m for m in ctx.mentions(sent, None, rel_at + 1) if m.end >= rel_at - 2]
            key = prev[-1].key if prev else None
            # "Elena Varga, a researcher at Acme, who has criticised": the person the apposition describes
            person = next((m for m in ctx.mentions(sent, None, rel_at) if m.type == "Person" and
                           _APPOSED.match(self.text, m.end, rel_at)), None)
            if person is not None and key != person.key:
                key = person.key
        else:
            key = ctx.subject(sent, pos) or ctx.described_subject(sent, pos)
            cs = ctx.clause_start(sent, pos)
            heads = [m for m in ctx.mentions(sent, cs, pos) if ctx.is_head(m)]
            if heads and heads[0].key == key and _PREP_BEFORE.search(self.text, max(cs, heads[0].start - 12),
                                                                     heads[0].start):
                # "with the European Commission": an object of a preposition is not the subject
                key = next((m.key for m in heads[1:] if not _PREP_BEFORE.search(
                    self.text, max(cs, m.start - 12), m.start) and m.type in ("Person", "Organization")), None)
            key = self._titled_person(sent, key, pos)
            if key is not None and self._not_speaking(sent, key, cs, pos):
                return None
            if key is None:
                key = next((m.key for m in self._members(sent, pos)), None)
        return self._actor(key, sent, pos)

    def _actor(self, key: str | None, sent: int, pos: int) -> str | None:
        ctx = self.ctx
        if key is None:
            return None
        ent = ctx.entities.get(key)
        if ent is None:
            return None
        if ent.type == "Group":
            person = self._apposed_person(key, sent, pos)
            if person is not None:
                return person  # "Its executive director, Paul Grady, said": the named person speaks
            named = ctx.named_by_noun(ent.label, pos) if " " not in ent.label else None
            if named is None and " " not in ent.label:
                named = ctx.authority(f"the {ent.label.lower()}")  # "the regulator issued orders"
            if named is not None:
                return named  # "the union said": the union named before
            noun = ent.label.split()[-1].lower()
            if ent.affiliation and (noun in _SPOKES or noun in _FIRM_VOICES):
                return ent.affiliation  # "a BBC spokesperson said" speaks for the BBC
            if noun in _SPOKES and not ent.affiliation:
                return self._spoken_for(pos) or key
            return key
        # "Altman’s company", "OpenAI’s board": the organisation behind the possessive
        for m in ctx.mentions(sent, None, pos):
            if m.key == key and m.possessive and _OWNER_NOUNS.match(self.text[m.end:m.end + 30]) \
                    and ent.type == "Person":
                orgs = [o for o in self.allies.get(key, ()) if ctx.type_of(o) == "Organization"]
                return orgs[0] if len(orgs) == 1 else None
        return key

    def _excluded(self, critic: str) -> set[str]:
        # a person does not criticise their own organisation or its products, nor an organisation its own products
        type_of = self.ctx.type_of
        kind = "Organization" if type_of(critic) == "Person" else "Product"
        own = {k for k in self.allies.get(critic, set()) if type_of(k) == kind}
        if kind == "Organization":
            own |= {p for o in own for p in self.allies.get(o, set()) if type_of(p) == "Product"}
        return {critic} | own

    def targets_in(self, sent: int, start: int, end: int, critic: str, *, subject_only: bool = False,
                   own_side: bool = False) -> list[str]:
        """Targets named in [start, end): the first name (and what it possesses), else "the company"
        (``own_side``: the critic's own organisation may be named, as the object of "sued" or "accused" is)."""
        ctx = self.ctx
        excluded = {critic} if own_side else self._excluded(critic)
        cands = [m for m in ctx.mentions(sent, start, end)
                 if m.type in ("Person", "Organization", "Product") and m.key not in excluded and ctx.is_head(m)
                 and not _MEDIUM_AFTER.match(self.text, m.end, m.end + 14)
                 and not _MEDIUM_BEFORE.search(self.text, max(0, m.start - 24), m.start)
                 and not (ctx.label(m.key) in PLATFORMS and ON_BEFORE.search(self.text, max(0, m.start - 12),
                                                                               m.start))
                 and not _COMPARED.search(self.text, max(start, m.start - 60), m.start)]
        if subject_only:
            head = self.text[start:end]
            lead = len(head) - len(head.lstrip(" ,“\"‘'"))
            words = head[lead:].split()
            limit = start + lead + len(" ".join(words[:6]))
            cands = [m for m in cands if m.start <= limit]
        cands = [self._maker(m, excluded) for m in cands]
        if len(cands) > 1 and cands[0].possessive and cands[0].type == "Person" and cands[1].type != "Person" and \
                _OWNED.fullmatch(self.text, cands[0].end, cands[1].start):
            cands = cands[1:]  # "Elon Musk's social media platform X": the platform, not its owner
        out: list[str] = []
        if cands:
            first = cands[0]
            if not subject_only:
                out += ctx.anaphor_targets(start, first.start, excluded)[:1]  # "sued the company and ..., X"
            out.append(first.key)
            if first.possessive:
                for m in cands[1:3]:
                    gap = self.text[first.end:m.start]
                    if len(gap) < 45 and "," not in gap and m.type == "Product":
                        out.append(m.key)
                if first.key in self.publications and _PUB_REF.match(self.text[first.end:first.end + 40]):
                    out.append(self.publications[first.key])
            for m in cands[1:3]:
                if _AND_ITS.match(self.text[first.end:m.start]):
                    out.append(m.key)
        else:
            seg_end = end if not subject_only else min(end, start + 40)
            out = ctx.anaphor_targets(start, seg_end, excluded)[:1]
            plural = re.search(r"\bboth companies\b|\bthe companies\b", self.text[start:end])
            if not out and plural and not subject_only:
                orgs: list[str] = []
                for si in range(sent, max(-1, sent - 4), -1):
                    for m in reversed(ctx.mentions(si)):
                        if m.type == "Organization" and m.key not in orgs and m.key not in excluded and m.start < start:
                            orgs.append(m.key)
                out = orgs[:2]
        return list(dict.fromkeys(out))

    def add(self, critic: str | None, targets: list[str], quote: str | None, cue: str, start: int, end: int,
            sent: int, *, rule: str) -> None:
        """Record what ``rule`` found, unless the critic cannot be one (a court suing, a product, a place)."""
        if critic is None or not targets:
            return
        if self.ctx.type_of(critic) not in ("Person", "Organization", "Group"):
            return
        if _COURT.search(self.ctx.label(critic)) and _PARTY_ACT.search(cue):
            return  # a court rules, but never sues or accuses: "the lawsuit, filed in the District Court, accuses …"
        targets = [t for t in targets if t != critic]
        if targets:
            self.found.append(_Found(critic, targets, quote, cue, start, end, sent, rule))

    # ---- rule families
    def verbs(self) -> None:
        """"X criticised Y", "X accused Y of", "X joked about Y", "Y was slammed by X", "X called for Y to"."""
        ctx, p = self.ctx, self.p
        firsts = _verb_first_words()
        for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
            st_start, st_end = s.start, s.end
            if not words.isdisjoint(ATTITUDE_WORDS):
                self._attitude(s.index)
            if "from" in words and not words.isdisjoint(DRAWN_WORDS):
                self._drawn(s.index)
            if not words.isdisjoint(PARTY_WORDS):
                self._parties(s.index)
            if not words.isdisjoint(_URGE_WORDS):
                self._urged(s.index)
            if not words.isdisjoint(LETTER_WORDS):
                self._warned_off(s.index)
            if not words.isdisjoint(ACTION_WORDS):
                self._acted_against(s.index)
            if words.isdisjoint(firsts):
                continue
            for m in list(p["verb"].finditer(self.text, st_start, st_end)) + \
                    list(_HARSH_NOUN.finditer(self.text, st_start, st_end)):
                if _NEGATION.search(self.text[max(st_start, m.start() - 20):m.start()]):
                    continue
                if _NOUN_USE.match(m.group(0)) and _DETERMINER.search(self.text, max(st_start, m.start() - 12),
                                                                       m.start()):
                    continue  # "the ban would cost the firm": a noun, not the verb
                passive = p["passive"].search(self.text, max(st_start, m.start() - 16), min(st_end, m.end() + 4))
                if passive:
                    agents = [x for x in ctx.mentions(s.index, m.end(), st_end) if ctx.is_head(x)]
                    critic = self._actor(agents[0].key, s.index, m.end()) if agents else None
                    targets = []
                    subj = ctx.subject(s.index, m.start(), ("Person", "Organization", "Product"))
                    if subj:
                        targets = [subj]
                    elif critic and _REBUTTAL_VERB.match(m.group(0)) and \
                            REBUTTED.search(self.text, ctx.clause_start(s.index, m.start()), m.start()):
                        # "That claim was disputed by Unite": the claim's maker, the subject just before
                        prior = ctx.recent_subject(st_start, ("Person", "Organization"), self._excluded(critic))
                        targets = [prior] if prior else []
                    self.add(critic, targets, None, m.group(0), m.start(), m.end(), s.index, rule=VERB_PASSIVE)
                    continue
                if _BARE_OF.match(self.text, m.end()) and m.group(0).lower().startswith("accused"):
                    continue  # "xAI accused of polluting": a passive without its agent names no critic
                voices = self.legal_voice(s.index, m.start())
                critic = self.critic_at(s.index, m.start()) if voices is None else next(iter(voices), None)
                if voices is None and m.group(0).split()[0].lower().endswith("ing") and \
                        re.search(r",\s*$", self.text[st_start:m.start()]):
                    # "… have sued Anthropic, alleging that …": the participle's subject is the main verb's
                    main = [f for f in self.found if f.sent == s.index and f.start < m.start()]
                    if main:
                        critic = main[-1].critic
                    elif p["verb"].search(self.text, ctx.clause_start(s.index, m.start()), m.start()):
                        continue
                if critic is None and (pron := _PRONOUN_BEFORE.search(self.text, max(st_start, m.start() - 40),
                                                                      m.start())):
                    # "In his own newsletter this week he mocked ...": the pronoun right before the verb
                    critic = ctx.person_pronoun(m.start() - len(pron.group(0)))
                if critic is None:
                    continue
                if SAID_COMPANY.search(self.text, st_start, m.start()):
                    critic = self._speaker_org(critic, m.start())  # "X said the company disagrees with ..."
                    if critic is None:
                        continue
                cue = m.group(0).lower()
                obj_start = m.end()
                if cue.endswith("complaint with"):  # "a complaint with the FTC against Y": the target follows
                    against = _AGAINST.search(self.text, m.end(), st_end)
                    if against is None:
                        continue
                    obj_start = against.end()
                obj_end = self._object_end(obj_start, st_end)
                targets = self.targets_in(s.index, obj_start, obj_end, critic, own_side=True)
                if _PLAINTIFFS.match(self.text, obj_start):  # "faulted the plaintiffs": the parties who sued
                    targets = [t for t in self.plaintiffs(m.start()) if t != critic] or targets
                if _THEM_OBJECT.match(self.text, obj_start):
                    targets = self._same_critic(critic, s.index, m.start()) or targets
                rebuttal = bool(_REBUTTAL_VERB.match(cue)) and not DECISION.match(self.text, m.end(), st_end)
                if cue.startswith("dismiss") and _CLAIMS_AGAINST.match(self.text, m.end(), obj_end):
                    continue  # "dismissed claims against X": a ruling for X, not a judgement of X
                if cue.startswith("alleg") and _IT_ALLEGES.search(self.text, st_start, m.start()):
                    continue  # "It alleges that ...": "it" is the lawsuit or complaint, not a party
                if rebuttal and (not targets or REBUTTED.match(self.text, obj_start, obj_end)):
                    # "X hit back", "Meta rejected the foundation’s conclusions as “junk”": at whoever criticised X's
                    # side; a plain denial ("rejected the accusations") answers a critic without judging them
                    attack = _ATTACK.match(cue) or self.negative(self.text[obj_start:st_end])
                    targets = (self._rebutted(critic, m.start()) if attack else []) or targets
                elif not targets and not rebuttal and _ABOUT_TOPIC.match(self.text, obj_start, obj_end) and \
                        not DECISION.match(self.text, m.end(), st_end):
                    # "questioned whether the video was edited", "took a swipe at the valuation": the subject at hand
                    targets = self.topic(m.start(), critic)
                if not targets and cue.startswith(("expressed", "voiced")):
                    # "expressed shock, anger and disbelief upon hearing the demo of OpenAI's model": the listed
                    # feelings are not the object; what they are about comes after
                    end = re.search(r",\s+(?:which|who)\b|,\s+and\s+(?:from|by)\b|;|$", self.text[m.end():st_end])
                    targets = self.targets_in(s.index, m.end(), m.end() + end.start(), critic)  # type: ignore[union-attr]
                act = ACT_NOUN.match(self.text, m.end(), st_end)
                if not targets and act:
                    doer = self._doer(act.group(1), m.start(), critic)  # "criticised the veto": whoever vetoed
                    targets = [doer] if doer else []
                if not targets and DECISION.match(self.text, m.end(), st_end):
                    decider = self._decider(m.start(), critic)
                    targets = [decider] if decider else []
                self.add(critic, targets, None, cue, m.start(), obj_end, s.index, rule=VERB_OBJECT)
                for other in (voices or [])[1:] + self._co_subjects(s.index, critic, m.start()):
                    self.add(other, [t for t in targets if t not in self._excluded(other)], None, cue, m.start(),
                             obj_end, s.index, rule=VERB_OBJECT)  # "Dow Jones and the New York Post sued Perplexity"
            # (every match holds "call", whose letters have no other case forms: a plain substring test is exact)
            calls = _CALL_FOR_ON.finditer(self.text[st_start:st_end]) if "call" in ctx.slower(s.index) else ()
            for m in calls:
                a = st_start + m.end()
                nxt = [x for x in ctx.mentions(s.index, a, st_end) if x.type in ("Person", "Organization")]
                if nxt and nxt[0].start - a < 40 and re.match(r"^\s+to\b", self.text[nxt[0].end:nxt[0].end + 4]) \
                        and not _ASK_TO_ACT.match(self.text[nxt[0].end:nxt[0].end + 30]):
                    critic = self.critic_at(s.index, st_start + m.start())
                    self.add(critic, [nxt[0].key], None, "called for", st_start + m.start(), nxt[0].end, s.index,
                             rule=CALLED_FOR)

    def _urged(self, sent: int) -> None:
        """"X urged Apple to withdraw the feature": asking someone to stop or undo what they did."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        for m in _ASK_COURT.finditer(self.text, s.start, s.end):
            critic = self.critic_at(sent, m.start())
            if critic is not None:
                obj_end = self._object_end(m.end(), s.end)
                targets = self.targets_in(sent, m.end(), obj_end, critic, own_side=True) or self.topic(m.start(),
                                                                                                       critic)
                self.add(critic, targets, None, "asked a court to block", m.start(), obj_end, sent, rule=URGED)
        for m in _URGE.finditer(self.text, s.start, s.end):
            nxt = [x for x in ctx.mentions(sent, m.end(), s.end) if ctx.is_head(x)]
            if not nxt or nxt[0].start - m.end() > 12 or nxt[0].type not in ("Person", "Organization"):
                continue
            if not _TO_UNDO.match(self.text, nxt[0].end):
                continue
            critic = self.critic_at(sent, m.start())
            self.add(critic, [nxt[0].key], None, m.group(0).strip(), m.start(), nxt[0].end, sent, rule=URGED)

    def _object_end(self, start: int, limit: int) -> int:
        """End of the object of a verb: the next clause break that is not an apposition."""
        seg = self.text[start:limit]
        m = re.search(r";|:|\s[–—-]\s|,\s+(?=[a-z])(?!and\s+[A-Z])|\s(?:because|after|while|which|who|that)\s|"
                      r",\s+and\s+(?:[A-Z][\w-]*\s+){1,3}(?:said|says|has|had|is|was|will)\b", seg)
        return start + m.start() if m else limit

    def quotes(self) -> None:
        """Direct quotes (see attribution), critical when they hold a negative judgement."""
        ctx, p = self.ctx, self.p
        for a in quote_attributions(self):
            qs, qe, speaker, verb_text = a.start, a.end, a.speaker, a.verb
            sent_a, sent_b = a.sent, a.last_sent
            body = self.text[qs + 1:qe - 1]
            para = ctx.sentence(sent_a).paragraph
            self.quote_speakers.append((qs, speaker))
            neg = self.negative(body)
            dissent = self.dissent(sent_a)
            negative = bool(neg) or self._judged(body, a.called) or dissent
            critical_reply = bool(verb_text and _CRITICAL_REPLY.search(verb_text))
            if not critical_reply and sent_a > 0 and ctx.sentence(sent_a - 1).paragraph == para and \
                    _CRITICAL_REPLY.search(ctx.stext(sent_a - 1)) and \
                    ctx.subject(sent_a - 1, ctx.sentence(sent_a - 1).end) == speaker:
                critical_reply = True  # "X fired back on Monday. “...,” she wrote"
            if not critical_reply and verb_text and _REPLY_VERBS.search(verb_text) and _DISAGREE.search(body):
                critical_reply = True  # 'To which X replied: “We disagree on what my job is.”'
            if verb_text and re.match(r"\W*ask", verb_text, re.I) and body.rstrip().endswith("?"):
                continue  # a reporter's or host's question
            if not negative and not critical_reply and verb_text and _MOCKING.search(verb_text):
                # '“Truly a masterpiece,” he joked': sarcasm going on with the speaker's criticism just made
                self.add(speaker, self._continued(speaker, sent_a), body.strip(), "mockery", qs, qe, sent_b,
                         rule=QUOTED_MOCKERY)
                continue
            if (not negative and not critical_reply) or _APOLOGY.search(body):
                continue
            if not negative and self.polarity(body) > 0.5:
                continue  # '“…,” it retorted, and “remains open to a conversation”': a warm line is no criticism
            targets: list[str] = []
            if _SECOND_PERSON.search(body):
                # "We urge you to stop …" in a letter: at whom it was written to; "Why are you …?" after a criticism
                # just made: at the one it addressed
                targets = self._letter_addressee(qs, speaker) or self._continued(speaker, sent_a)
            for si in range(sent_a, sent_b + 1) if not targets else ():
                s = ctx.sentence(si)
                targets += self.targets_in(si, max(qs, s.start), min(qe, s.end), speaker)
                if targets:
                    break
            called = a.called >= 0
            if not targets and called and REBUTTED.search(self.text, a.called, qs):
                targets = self._rebutted(speaker, a.called)  # 'calling the lawsuit “a ploy”': at who brought it
            if not targets and (negative or critical_reply) and REBUTTED.search(body):
                targets = self._rebutted(speaker, qs)  # "the skeptics are comparing slides they haven't read"
            act = _CALLED_ACT.match(self.text, a.called) if called else None
            if not targets and act:
                doer = self._doer(act.group(1), a.called, speaker)  # 'called the veto “a setback”': at who vetoed
                targets = [doer] if doer else []
            elif not targets and called:
                targets = self.targets_in(sent_a, a.called, qs, speaker)  # called Shenlan "a threat"
            elif not targets and sent_a == sent_b:
                # a partial quote: the sentence around it carries the target ("OpenAI did not dispute that it “...”")
                s = ctx.sentence(sent_a)
                verbs = list(p["speech"].finditer(self.text, s.start, qs))
                # the target follows the last speech verb ("X of Y said Pallas was “...”")
                targets = self.targets_in(sent_a, verbs[-1].end() if verbs else s.start, qs, speaker)
            if not targets and negative and not called and _THEY.search(a.judged):
                # "“They are burning cash ...,” said X": the organisation the article is about
                excluded = self._excluded(speaker)
                org = ctx.recent_subject(qs + 1, ("Organization",), excluded) or self._topic_org(excluded)
                targets = [org] if org else []
            if not targets and critical_reply:
                other = self.addressee(qs, speaker)  # "X fired back. “..., ” she wrote": at the other party
                targets = [other] if other else []
            if not targets and re.search(r"\b(?:you|your|his|him|he|she|her)\b", body, re.I) and verb_text and \
                    _REPLY_VERBS.search(verb_text):
                other = self.addressee(qs, speaker)
                targets = [other] if other else []
            if not targets and neg and re.search(r"\byou(?:r|’re|'re)?\b", body, re.I):
                # a judgement addressed to "you": the person just named in the exchange (a few sentences back)
                other = self.ctx.recent(qs, ("Person",), self._excluded(speaker), max_sentences=3)
                targets = [other] if other else []
            if not targets and negative:
                targets = self._continued(speaker, sent_a)
                if not targets and (neg or dissent or _REFERRING.search(body)):
                    frame = self.text[a.called:qs] if called else body
                    targets = self.topic(qs, speaker, _kind_named(frame) or _kind_named(body))
            cue = neg.group(0) if neg else ("judgement" if negative else "retort")
            for who in [speaker, *self._co_speakers(speaker, sent_b, qe)]:  # '“…,” Warren and Kim wrote'
                self.add(who, [t for t in dict.fromkeys(targets) if t not in self._excluded(who)], body.strip(), cue,
                         qs, qe, sent_b, rule=QUOTED_JUDGEMENT)

    def _judged(self, body: str, called: int) -> bool:
        """A negative judgement by polarity, or a scare-quoted verdict framed as one ("dismissed it as “…”")."""
        score = self.polarity(body)
        if score <= THRESHOLD:
            return True
        if called >= 0 and _NEG_FRAME.match(self.text, called):
            return score < 1.0  # "derided X as “…”": negative by its verb unless the words are clearly warm
        return False

    def _topic_org(self, excluded: set[str]) -> str | None:
        """The organisation the article is about: the one named most often (at least three times)."""
        orgs = [e for e in self.ctx.entities.values() if e.type == "Organization" and e.key not in excluded]
        best = max(orgs, key=lambda e: len(e.mentions), default=None)
        return best.key if best is not None and len(best.mentions) >= 3 else None

    def reported(self) -> None:
        """"X said (that) <negative content about Y>", "According to X, ...", "<content>, X said"."""
        ctx = self.ctx
        quoted_sents = {ctx.sentence_at(qs) for qs, _ in self.quote_speakers}
        neg_words = negative_words()
        speech = _speech_words()
        for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
            # only sentences that attribute something and hold a negative word are worth attributing
            if words.isdisjoint(speech) and "according" not in words:
                continue
            dissent = self.dissent(s.index)
            warn = not words.isdisjoint(_WARN_WORDS)
            if not dissent and not warn and words.isdisjoint(neg_words) and not has_phrase(words, ctx.slower(s.index)):
                continue
            keep = _anything if dissent or warn else self._judged_text
            for a in reported_attributions(self, s.index, s.index in quoted_sents, keep):
                if a.verb and a.verb.lower().startswith("ask"):
                    continue  # "asked whether the launch was rushed": a question is not a verdict
                if a.kind == "reported" and _PARTICIPLE_BEFORE.search(self.text, s.start, a.start) and \
                        self.p["verb"].search(self.text, s.start, a.start):
                    # "… have sued X, alleging that …": the participle's subject is the main verb's, not X
                    main = [f for f in self.found if f.sent == s.index and f.start < a.start]
                    if not main:
                        continue
                    a = replace(a, speaker=main[-1].critic)
                neg = self.negative(a.judged)
                # "X warned that Y could …": a warning about what it names is a judgement of it
                warned = bool(a.verb) and a.kind == "reported" and a.verb.lower().startswith(("warn", "caution"))
                if warned and not _OWN_SIDE.match(a.judged):
                    targets = self.targets_in(s.index, a.start, a.end, a.speaker, subject_only=True)
                    self.add(a.speaker, targets, None, "warned", a.start, a.end, s.index, rule=WARNED_THAT)
                    if targets:
                        break
                    continue
                if not neg and not dissent and self.polarity(a.judged) > THRESHOLD:
                    continue
                if _OWN_SIDE.match(a.judged):
                    # "X said the company had fixed the flaw": about the speaker's own organisation; but "the company
                    # was “disappointed” by the decision and that Anthropic had ...": at the one named
                    if neg is None or not (DECISION.search(a.judged) or REBUTTED.search(a.judged)):
                        continue
                    targets = self.targets_in(s.index, a.start, a.end, a.speaker)
                else:
                    targets = self.targets_in(s.index, a.start, a.end, a.speaker, subject_only=True)
                if not targets and REBUTTED.search(a.judged):
                    targets = self._rebutted(a.speaker, a.start)  # "countered that the critics were ..."
                if not targets and (dissent or (neg and _DESCRIBED_THING.match(a.judged))):
                    # "Not everyone is sold. X said the valuation ...", "X said the ad was “so fake”": the subject at
                    # hand, reached through its definite description
                    targets = self.topic(a.start, a.speaker)
                cue = neg.group(0) if neg else "judgement"
                self.add(a.speaker, targets, None, a.verb if a.kind == "according" else cue, a.start, a.end, s.index,
                         rule=REPORTED_SPEECH)
                if targets:
                    break

    def labelled(self) -> None:
        """Interview answers under a speaker label ("Name: …"): each negative sentence of the answer criticises
        what it names."""
        ctx = self.ctx
        sents = ctx.doc.sentences
        speaker: str | None = None
        para = -1
        for s in sents:
            start = s.start
            if s.paragraph != para:
                para, speaker = s.paragraph, None
                m = _SPEAKER_LABEL.match(ctx.stext(s.index)) if ":" in ctx.stext(s.index)[:45] else None
                if m is None:
                    continue
                names = [x for x in ctx.mentions(s.index, s.start, s.start + m.end(1)) if ctx.is_head(x)]
                if not names or names[-1].end != s.start + m.end(1) or names[0].start != s.start:
                    continue
                speaker = self._actor(names[0].key, s.index, s.start)
                start = s.start + m.end()
            if speaker is None:
                continue
            body = self.text[start:s.end]
            if body.rstrip().endswith("?") or self._retold(s.index, start, body, speaker):
                continue  # a question, or others' words retold ("X called that claim misleading"): not the label's
            neg = self.negative(body)
            if not neg and self.polarity(body) > THRESHOLD:
                continue
            targets = self.targets_in(s.index, start, s.end, speaker)
            self.add(speaker, targets, body.strip(), neg.group(0) if neg else "judgement", start, s.end, s.index,
                     rule=LABELLED_ANSWER)

    def _retold(self, sent: int, start: int, body: str, speaker: str) -> bool:
        """Whether an answer retells what someone else said or did ("Gergely Orosz called that claim …")."""
        verb = self.p["speech"].search(body) or self.p["verb"].search(body)
        if verb is None:
            return False
        return any(m.key != speaker and m.type in ("Person", "Organization", "Group") and self.ctx.is_head(m)
                   for m in self.ctx.mentions(sent, start, start + verb.start()))

    def topic(self, pos: int, critic: str, kind: str | None = None) -> list[str]:
        """What is being discussed: the subject of the last sentences (an organisation or product, or ``kind`` where
        one is named), not the critic's own side."""
        ctx = self.ctx
        excluded = self._excluded(critic) | {critic}
        sent = ctx.sentence_at(pos)
        cands = {m.key for si in range(max(0, sent - 5), sent + 1) for m in ctx.mentions(si)
                 if m.start < pos and m.type in ("Organization", "Product") and m.key not in excluded
                 and ctx.is_head(m)}
        if kind is not None and any(ctx.type_of(k) == kind for k in cands):
            cands = {k for k in cands if ctx.type_of(k) == kind}
        # the article's subject is named most often: a name merely listed nearby ("Nvidia also invested") is not it
        best = max(cands, key=lambda k: (len(ctx.entities[k].mentions), k), default=None)
        return [best] if best else []

    # ---- output
    def criticisms(self) -> list[Criticism]:
        ctx = self.ctx
        out: list[Criticism] = []
        seen: set[tuple[str, str, int]] = set()
        published = ctx.published
        for f in self.found:
            sdate: DateRef | None = ctx.date(f.sent)
            for t in f.targets:
                key = (f.critic, t, f.sent)
                if key in seen:
                    continue
                seen.add(key)
                tl = ctx.label(t) if t in ctx.entities else "a publication"
                summary = f"{ctx.label(f.critic)} criticised {tl} ({f.cue})"
                out.append(Criticism(critic=f.critic, target=t, quote=f.quote, summary=summary, date=sdate,
                                     reported=published, source=ctx.span(f.start, f.end, f.sent), rule=f.rule))
        return out


def extract_criticisms(ctx: DocContext, relations: list[Relation], events: list[Event]) -> list[Criticism]:
    """All criticisms of the document: verb patterns, critical quotes and reported speech."""
    finder = CriticismFinder(ctx, relations, events)
    finder.verbs()
    finder.quotes()
    finder.reported()
    finder.labelled()
    return finder.criticisms()
