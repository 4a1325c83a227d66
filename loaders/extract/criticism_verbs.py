"""Criticism rules of the verb family: "X criticised Y", "X accused Y of", "Y was slammed by X", "X called for Y to
resign", "X urged Y to withdraw the feature"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from loaders.extract import judgements
from loaders.extract.critic_roles import co_listed, co_subjects, listed_with
from loaders.extract.criticism_found import Collected, Finding, Found
from loaders.extract.criticism_targets import object_end, place_object, same_critic, targets_in, topic
from loaders.extract.judgements import ACT_NOUN, DECISION, REBUTTED, SAID_COMPANY
from loaders.extract.lexicon import Folded, lexicon
from loaders.extract.rules import Trigger, register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex

# (each trigger names the word list its rule's patterns need, defined below: see rules.Trigger; verb_object makes
# VERB_OBJECT, VERB_PASSIVE and REBUTTED_CRITIC, urged makes URGED and APPEALED)
_VERB_WORDS = Trigger(lambda: _verb_first_words())
VERB_OBJECT = register("criticism.verb_object.v2", "A criticism verb with its object: 'X criticised Y', 'X accused Y "
                       "of'", __name__, _VERB_WORDS)
VERB_PASSIVE = register("criticism.verb_passive.v1", "A criticism verb in the passive: 'Y was slammed by X'", __name__,
                        _VERB_WORDS)
CALLED_FOR = register("criticism.called_for.v1", "'X called for Y to resign'", __name__, _VERB_WORDS)
URGED = register("criticism.urged_undo.v1", "'X urged Y to withdraw the feature', 'asked a court to block Y'", __name__,
                 Trigger(lambda: _URGE_WORDS))
APPEALED = register("criticism.appealed_to_authority.v1", "'X sent a letter to the attorneys general, asking them to "
                    "… block the restructuring': an appeal to an authority to stop or examine what a party does",
                    __name__, Trigger(lambda: _URGE_WORDS))
REBUTTED_CRITIC = register("criticism.rebutted_critic.v1", "'X rejected Y's criticism', 'X disputed the claims "
                           "made by Y': Y criticised X (and X criticises Y only where it also judges Y)", __name__,
                           _VERB_WORDS)
_CRITICISM_NOUN = (r"(?:criticism|criticisms|critique|accusations?|allegations?|claims?|complaints?|charges?|"
                   r"attacks?|concerns|characteri[sz]ation|assertions?)")
# "Senator Ada Pike's criticism", "the senator's latest accusations": whose criticism is rejected
_OWNED_CRITICISM = re.compile(r"\s*(?:the\s+)?(?P<who>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)[’']s?\s+"
                              r"(?:[a-z-]+\s+){0,2}?" + _CRITICISM_NOUN + r"\b")
# what follows a claim that is a party's own assertion ("Y's claim that it …", "claim of 41 new materials"), not a
# charge against the rebutter; a criticism's object follows "against" or "about", not these
_OWN_CLAIM = re.compile(r"(?:claims?|assertions?)$")
_CLAIM_CONTENT = re.compile(r"\s+(?:that|of|to)\b")
# "criticism from Senator Ada Pike", "the allegations made by Harbor Media"
_CRITICISM_FROM = re.compile(r"\s*(?:the\s+|recent\s+|fresh\s+)*(?:[a-z-]+\s+){0,2}?" + _CRITICISM_NOUN +
                             r"\s+(?:(?:made|levell?ed|raised|voiced)\s+)?(?:from|by)\s+(?:the\s+)?"
                             r"(?P<who>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)")
_BENCH = re.compile(r"\b(?:[Jj]udges?|[Jj]ustices?|[Mm]agistrates?|[Cc]ourts?|[Tt]ribunals?|[Aa]rbitrators?)\b")
# a condition or an open question the verb is in, up to its subject: "if X criticised", "whether she would sue"
_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\s+(?:[\w.’'-]+\s+){0,6}?(?:(?:would|could|will|might|"
                        r"should|did|does|do|had|has|have)\s+)?$")
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
# (a plain "asked X to stop …" is as much a demand to undo as "urged": _TO_UNDO keeps "asked X to help" out)
_URGE = Folded(r"\b(?:urg(?:ed|es|ing|e)|press(?:ed|es|ing)|pressur(?:ed|es|ing|e)|call(?:ed|s|ing)? on|"
               r"ask(?:ed|s|ing)?|demand(?:ed|s|ing)? that)\s+(?:the\s+)?", anchors=("urg", "press", "call", "ask",
                                                                                 "demand"))
_URGE_WORDS = frozenset({"urged", "urges", "urging", "urge", "pressed", "presses", "pressing", "pressured", "asked",
                         "asks", "asking", "ask", "petitioned", "petitions", "petitioning",
                         "pressures", "pressuring", "pressure", "on", "demanded", "demands", "demanding"})
# "asked a federal court to block the conversion": legal action against the story's subject
_ASK_COURT = Folded(r"\b(?:ask(?:ed|s|ing)?|petition(?:ed|s|ing)?|urg(?:ed|es|ing))\s+(?:a|the)\s+"
                    r"(?:[\w.-]+\s+){0,2}?(?:court|judge|regulators?|commission)\s+to\s+(?:block|halt|stop|bar|"
                    r"reject|void|suspend|freeze|unwind)\b", anchors=("court", "judge", "regulator", "commission"))
# "asking them to use their authority to protect … and block the planned restructuring": an appeal to an authority
# (named by its role, or by a pronoun after one) to act against a party, the act within a few words of "to"
_ADDRESSEE = (r"(?:them|him|her|(?:the\s+|state\s+|federal\s+|top\s+|two\s+|both\s+)*"
              r"(?:attorneys?[- ]generals?|attorneys general|regulators?|officials|authorities|lawmakers|"
              r"legislators|prosecutors?|watchdogs?))")
_APPEAL = Folded(r"\b(?:ask(?:ed|s|ing)?|urg(?:ed|es|ing)|petition(?:ed|s|ing)?|call(?:ed|s|ing)?\s+on)\s+" +
                 _ADDRESSEE + r"\s+to\s+(?:[\w’'-]+\s+){0,10}?(?:block|halt|stop|bar|reject|void|suspend|freeze|unwind|"
                 r"investigate|probe|scrutini[sz]e|prevent)\b", anchors=("ask", "urg", "petition", "call"))
_AUTHORITY_WORD = re.compile(r"\b(?:attorneys?[- ]generals?|attorneys general|regulators?|officials|authorities|"
                             r"lawmakers|legislators|prosecutors?|watchdogs?|commission|agency|minister|secretary|"
                             r"governor|senators?)\b", re.I)
# what the urged party should stop or undo: a criticism of what it did, not a request for help
_TO_UNDO = re.compile(r"[’']?s?\s+to\s+(?:immediately\s+)?(?:stop|halt|withdraw|remove|pull|scrap|drop|suspend|pause|"
                      r"abandon|rethink|reverse|reconsider|disable|end|ban|cease|retract|recall|delay|shut|take down|"
                      r"apologi[sz]e|resign|step down|fix|explain|stop using)\b", re.I)
# "… and mocked": a verb joined to the one before with no subject of its own
_AND_BEFORE = re.compile(r"(?<![A-Za-z])(?:,\s*)?and\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?$")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|\w+ly\s+){0,2}$", re.I)
# "In a statement it said … and expressed dismay at …": a pronoun subject of the first of two joined verbs
_JOINED_PRONOUN = re.compile(r"(?:^|[\s)])(it|he|she)\s+(?:has\s+|had\s+|also\s+)?(?:said|says|wrote|[a-z]+ed)\b"
                             r"[^;:]{0,200}?\s+and\s+(?:also\s+|then\s+|later\s+)?$")
# "They have also accused Ms X of …" opening a sentence: the group that was the last sentence's subject
_THEY_BEFORE = re.compile(r"\s*They\s+(?:also\s+|later\s+|then\s+|have\s+|had\s+|\w+ly\s+){0,3}$")
# an object that refers back to what is being discussed rather than naming it
_ABOUT_TOPIC = re.compile(r"\s*(?:whether|that|if|how|the|its|their|this|these|those)\b", re.I)
# "“…,” he wrote, faulting …": a quote's attribution, then a participle
_QUOTE_SPEAKER = re.compile(r"[”\"]\s*,?\s*([^,”\"“]{1,60}?)\s+(?:said|says|wrote|writes|added|adds|posted|tweeted|"
                            r"told\s+[^,]{1,40}?)\s*,\s*$")
_GERUND_AFTER = re.compile(r"\b(?:for|of|about|against|from|without)\s+$", re.I)
_THAT_CLAUSE = re.compile(r"\s*that\s+")
# "accused the UK of …": a proper name the resolver does not know is no topic
_UNKNOWN_NAME = re.compile(r"\s*the\s+(?!C[EFTO]O\b)(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:\s+(?:of|for|over)\b|\s*$)")
# "the PC's proposals": a party's thing, the party named by a short name the resolver does not know (not the topic)
_UNKNOWN_OWNER = re.compile(r"\s*the\s+[A-Z][\w.&-]*[’']s\b")
# "accusing them of": the parties just named by the same critic in the sentence
_THEM_OBJECT = re.compile(r"\s*(?:them|both)\b", re.I)
_ATTACK = re.compile(r"(?:hit|hits|hitting|fire|fired|fires|shot|shoots|lash)", re.I)
_PLAINTIFFS = re.compile(r"\s*the\s+(?:plaintiffs|claimants|complainants)\b", re.I)
# criticism verbs that are also nouns ("the ban", "a probe"): after a determiner they name the act
_NOUN_USE = re.compile(r"(?:ban|bans|probe|probes|jab|jabs|mock|rebuke|sue)$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|this|that|their|his|her|any|new|proposed)\s+(?:[\w-]+\s+)?$", re.I)
_BARE_OF = re.compile(r"\s+of\b")
# "a senior official alleged DeepSeek was assisting …": the verb with a named clause and no "that"
_ALLEGED_NAME = re.compile(r"\b(?:alleged|alleges)\s+(?=[A-Z][a-z])")
_DET_OR_POSSESSIVE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|[’']s?)\s+$", re.I)


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

# ---- rules (each runs on one sentence and returns what it finds)
def verb_object(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"X criticised Y", "X accused Y of", "X joked about Y", "Y was slammed by X"."""
    ctx, text = ix.ctx, ix.text
    acc = Collected(ix, found)
    s = ctx.sentence(sent)
    alleged = [a for a in _ALLEGED_NAME.finditer(text, s.start, s.end)
               if not _DET_OR_POSSESSIVE.search(text, max(s.start, a.start() - 12), a.start())]
    for m in list(ix.p["verb"].finditer(text, s.start, s.end)) + list(_HARSH_NOUN.finditer(text, s.start, s.end)) + \
            alleged:
        if _NEGATION.search(text[max(s.start, m.start() - 20):m.start()]):
            continue
        if _in_direct_quote(ctx, m.start()):
            continue  # '"… right call in banning the H20," he wrote': the quote's speaker judges, not a name in it
        if _CONDITION.search(text, max(s.start, m.start() - 70), m.start()):
            continue  # "If the senator criticised X, …", "asked whether she would sue X": nobody has yet
        if _NOUN_USE.match(m.group(0)) and _DETERMINER.search(text, max(s.start, m.start() - 12), m.start()):
            continue  # "the ban would cost the firm": a noun, not the verb
        if _GERUND_AFTER.search(text, max(s.start, m.start() - 10), m.start()) and \
                m.group(0).split()[0].lower().endswith("ing"):
            continue  # "arguments for dismissing the risk", "accused X of suing Y": a gerund with a subject of its own
        if ix.p["passive"].search(text, max(s.start, m.start() - 16), min(s.end, m.end() + 4)):
            _passive(ix, acc, sent, m)
            continue
        if _BARE_OF.match(text, m.end()) and m.group(0).lower().startswith("accused"):
            continue  # "xAI accused of polluting": a passive without its agent names no critic
        _active(ix, acc, sent, m)
    return acc.out


def _in_direct_quote(ctx: DocContext, pos: int) -> bool:
    """Whether a position lies inside a direct quote (not a short scare quote) of the document."""
    return any(not q.short and q.qs < pos < q.qe for q in ctx.quote_parts or ())


def _passive(ix: CriticIndex, acc: Collected, sent: int, m: re.Match[str]) -> None:
    """"Y was slammed by X": the agent criticised the clause's subject."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    agents = [x for x in ctx.mentions(sent, m.end(), s.end) if ctx.is_head(x)]
    critic = ix.actor(agents[0].key, sent, m.end(), acc.seen) if agents else None
    targets = []
    subj = ctx.subject(sent, m.start(), ("Person", "Organization", "Product"))
    if subj:
        targets = [subj]
    elif critic and _REBUTTAL_VERB.match(m.group(0)) and \
            REBUTTED.search(text, ctx.clause_start(sent, m.start()), m.start()):
        # "That claim was disputed by Unite": the claim's maker, the subject just before
        prior = ctx.recent_subject(s.start, ("Person", "Organization"), ix.excluded(critic))
        targets = [prior] if prior else []
    acc.add(critic, targets, None, m.group(0), m.start(), m.end(), sent, rule=VERB_PASSIVE)


def _active(ix: CriticIndex, acc: Collected, sent: int, m: re.Match[str]) -> None:
    """"X criticised Y": the clause's subject (or a legal document's plaintiffs) and the verb's object."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    voices = judgements.legal_voice(ix, sent, m.start(), acc.seen)
    critic = _verb_critic(ix, acc, sent, m, voices)
    if critic is None:
        return
    cue = m.group(0).lower()
    obj_start = m.end()
    if cue.endswith("complaint with"):  # "a complaint with the FTC against Y": the target follows
        against = _AGAINST.search(text, m.end(), s.end)
        if against is None:
            return
        obj_start = against.end()
    obj_end = object_end(ix, obj_start, s.end)
    if cue.startswith("dismiss") and _CLAIMS_AGAINST.match(text, m.end(), obj_end):
        return  # "dismissed claims against X": a ruling for X, not a judgement of X
    if cue.startswith("alleg") and _IT_ALLEGES.search(text, s.start, m.start()):
        return  # "It alleges that ...": "it" is the lawsuit or complaint, not a party
    if _rebutted_critic(ix, acc, sent, m, critic, obj_start, obj_end):
        return
    others = (voices or [])[1:] + co_subjects(ix, sent, critic, m.start())
    others += [k for k in co_listed(ix, sent, critic, m.start()) if k not in others]
    side = frozenset(others + listed_with(ix, sent, critic, m.start()))
    charge = _BARE_OF.search(text, obj_start, obj_end) if cue.startswith("accus") else None
    # "accused the company of anti-competitive behavior …, and Slack filed …": what follows "of" is the charge
    targets = _verb_targets(ix, acc, sent, m, critic, obj_start, charge.start() if charge else obj_end, side)
    acc.add(critic, targets, None, cue, m.start(), obj_end, sent, rule=VERB_OBJECT)
    for other in others:
        acc.add(other, [t for t in targets if t not in ix.excluded(other)], None, cue, m.start(), obj_end, sent,
                rule=VERB_OBJECT)  # "Dow Jones and the New York Post sued Perplexity"


def _rebutted_critic(ix: CriticIndex, acc: Collected, sent: int, m: re.Match[str], rebutter: str, obj_start: int,
                     obj_end: int) -> bool:
    """"X rejected Y's criticism", "X disputed the allegations by Y": Y criticised X. Whether the verb's object is
    such a criticism (then X criticises Y only where it also judges Y: "rejected Y's claims as absurd")."""
    if not _REBUTTAL_VERB.match(m.group(0)) or _ATTACK.match(m.group(0)):
        return False
    ctx, text = ix.ctx, ix.text
    if _BENCH.search(text, ctx.clause_start(sent, m.start()), m.start()):
        return False  # "Judge X dismissed claims by Y": a ruling on Y's claims, which judges Y
    obj = _OWNED_CRITICISM.match(text, obj_start, obj_end) or _CRITICISM_FROM.match(text, obj_start, obj_end)
    if obj is None or (_OWN_CLAIM.search(obj.group(0)) and _CLAIM_CONTENT.match(text, obj.end())):
        return False  # "rejected OpenAI's claim that o3 exceeds human performance": a claim of its own, not a charge
    named = [x for x in ctx.mentions(sent, obj.start("who"), obj.end("who")) if ctx.is_head(x)]
    if not named or named[0].type not in ("Person", "Organization"):
        return False
    critic = ix.actor(named[0].key, sent, named[0].start, acc.seen)
    if critic is None or critic in ix.side(rebutter):
        return False
    acc.add(critic, [rebutter], None, m.group(0).lower(), m.start(), obj_end, sent, rule=REBUTTED_CRITIC)
    if ix.negative(text[obj.end():obj_end]) is not None:
        acc.add(rebutter, [critic], None, m.group(0).lower(), m.start(), obj_end, sent, rule=VERB_OBJECT)
    return True


def _verb_critic(ix: CriticIndex, acc: Collected, sent: int, m: re.Match[str],
                 voices: list[str] | None) -> str | None:
    """Who uses the criticism verb at ``m``: a legal document's first plaintiff, the clause's subject, the main
    verb's subject for a participle, a pronoun's person; a spokesperson's organisation for "said the company"."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    critic = ix.critic_at(sent, m.start(), acc.seen) if voices is None else next(iter(voices), None)
    quoted = _QUOTE_SPEAKER.search(text, max(s.start, m.start() - 90), m.start()) if voices is None else None
    if quoted and m.group(0).split()[0].lower().endswith("ing"):
        # "“… Field's response,” he wrote, faulting the CEO …": the quote's speaker, not a name inside the quote
        return _speaker_of(ix, sent, quoted, acc)
    if voices is None and m.group(0).split()[0].lower().endswith("ing") and \
            re.search(r",\s*$", text[s.start:m.start()]):
        # "… have sued Anthropic, alleging that …": the participle's subject is the main verb's
        main = [f for f in acc.seen if f.sent == sent and f.start < m.start()]
        if main:
            critic = main[-1].critic
        elif ix.p["verb"].search(text, ctx.clause_start(sent, m.start()), m.start()):
            return None
    if voices is None and _AND_BEFORE.search(text, max(s.start, m.start() - 20), m.start()):
        # "He accused Corvalis of … and mocked the company's chart": the second verb shares the first one's subject
        first = [f for f in acc.seen if f.sent == sent and f.start < m.start() and f.rule == VERB_OBJECT]
        if first:
            critic = first[-1].critic
    if critic is None and (pron := _PRONOUN_BEFORE.search(text, max(s.start, m.start() - 40), m.start())):
        # "In his own newsletter this week he mocked ...": the pronoun right before the verb
        critic = ctx.person_pronoun(m.start() - len(pron.group(0)))
    if critic is None and (joined := _JOINED_PRONOUN.search(text, s.start, m.start())):
        at = joined.start(1)
        critic = ctx.person_pronoun(at) if joined.group(1) != "it" else \
            ctx.recent_subject(at, ("Organization",), max_sentences=2) or ctx.recent(at, ("Organization",), None, 2)
    if critic is None and _THEY_BEFORE.fullmatch(text, s.start, m.start()):
        # the group that criticised in the sentence before ("Campaigners warn …. They have also accused …")
        prev = ctx.sentence(sent - 1) if sent else None
        said = ix.p["speech"].search(text, prev.start, prev.end) if prev else None
        group = ix.critic_at(sent - 1, said.start(), acc.seen) if said else None
        critic = group if group and ctx.type_of(group) == "Group" else None
    if critic is not None and SAID_COMPANY.search(text, s.start, m.start()):
        critic = judgements.speaker_org(ix, critic, m.start())  # "X said the company disagrees with ..."
    return critic


def _speaker_of(ix: CriticIndex, sent: int, said: re.Match[str], acc: Collected) -> str | None:
    """Who "he wrote" or "the senator said" after a quote names."""
    if said.group(1).lower() in ("he", "she"):
        # resolved where the quote opens: a person the quote names is not its speaker
        s = ix.ctx.sentence(sent)
        opened = max(ix.text.rfind("“", s.start, said.start()), ix.text.rfind('"', s.start, said.start()))
        return ix.ctx.person_pronoun(opened if opened >= 0 else said.start(1))
    named = [x for x in ix.ctx.mentions(sent, said.start(1), said.end(1)) if ix.ctx.is_head(x)]
    return ix.actor(named[0].key, sent, named[0].start, acc.seen) if named else None


def _verb_targets(ix: CriticIndex, acc: Collected, sent: int, m: re.Match[str], critic: str, obj_start: int,
                  obj_end: int, allies: frozenset[str] = frozenset()) -> list[str]:
    """What the verb at ``m`` criticises: its object, else whom a rebuttal answers, the subject at hand, the doer of
    an act it names, a decision's maker."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    cue = m.group(0).lower()
    # (the critic's co-subjects are its side: "A, B and C filed a complaint accusing the company" is not about B)
    # "alleged that the four conspired to export Nvidia chips": the clause's subject is accused, not every name in it
    that = _THAT_CLAUSE.match(text, obj_start, obj_end)
    targets = targets_in(ix, sent, that.end() if that else obj_start, obj_end, critic, own_side=True, allies=allies,
                         subject_only=bool(that) or cue.endswith(" that"))
    if _PLAINTIFFS.match(text, obj_start):  # "faulted the plaintiffs": the parties who sued
        targets = [t for t in judgements.plaintiffs(ix, m.start(), acc.seen) if t != critic] or targets
    if _THEM_OBJECT.match(text, obj_start):
        targets = same_critic(acc.seen, critic, sent, m.start()) or targets
    if not targets:  # "accused the UK of …", "criticised the kingdom for …"
        targets = place_object(ix, sent, obj_start, obj_end, ix.excluded(critic) | {critic})
    rebuttal = bool(_REBUTTAL_VERB.match(cue)) and not DECISION.match(text, m.end(), s.end)
    if rebuttal and (not targets or REBUTTED.match(text, obj_start, obj_end)):
        # "X hit back", "Meta rejected the foundation’s conclusions as “junk”": at whoever criticised X's side; a
        # plain denial ("rejected the accusations") answers a critic without judging them
        attack = _ATTACK.match(cue) or ix.negative(text[obj_start:s.end])
        targets = (judgements.rebutted(ix, acc.seen, critic, m.start()) if attack else []) or targets
    elif not targets and not rebuttal and _ABOUT_TOPIC.match(text, obj_start, obj_end) and \
            not _UNKNOWN_OWNER.match(text, obj_start, obj_end) and not DECISION.match(text, m.end(), s.end) and \
            not (cue.startswith(("accus", "blam", "fault", "su")) and _UNKNOWN_NAME.match(text, obj_start, obj_end)):
        # "questioned whether the video was edited", "took a swipe at the valuation": the subject at hand
        targets = topic(ix, m.start(), critic)
    if not targets and cue.startswith(("expressed", "voiced")):
        # "expressed shock, anger and disbelief upon hearing the demo of OpenAI's model": the listed feelings are
        # not the object; what they are about comes after
        end = re.search(r",\s+(?:which|who)\b|,\s+and\s+(?:from|by)\b|;|$", text[m.end():s.end])
        targets = targets_in(ix, sent, m.end(), m.end() + end.start(), critic)  # type: ignore[union-attr]
    act = ACT_NOUN.match(text, m.end(), s.end)
    if not targets and act:
        did = judgements.doer(ix, act.group(1), m.start(), critic)  # "criticised the veto": whoever vetoed
        targets = [did] if did else []
    if not targets and DECISION.match(text, m.end(), s.end):
        made = judgements.decider(ix, m.start(), critic)
        targets = [made] if made else []
    return targets


# "called for the feature to be withdrawn": what the story's party did, to be undone
_TO_BE_UNDONE = re.compile(r"(?:the|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?to\s+be\s+(?:immediately\s+)?"
                           r"(?:withdrawn|scrapped|pulled|removed|suspended|halted|banned|dropped|abandoned|reversed|"
                           r"shut down|taken down|disabled|paused|recalled)\b", re.I)


def called_for(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"X called for Y to resign" (not "called on the Commission to investigate": a request to act)."""
    ctx, text = ix.ctx, ix.text
    # (every match holds "call", whose letters have no other case forms: a plain substring test is exact)
    if "call" not in ctx.slower(sent):
        return []
    acc = Collected(ix, found)
    s = ctx.sentence(sent)
    for m in _CALL_FOR_ON.finditer(text[s.start:s.end]):
        a = s.start + m.end()
        nxt = [x for x in ctx.mentions(sent, a, s.end) if x.type in ("Person", "Organization")]
        if nxt and nxt[0].start - a < 40 and re.match(r"^\s+to\b", text[nxt[0].end:nxt[0].end + 4]) \
                and not _ASK_TO_ACT.match(text[nxt[0].end:nxt[0].end + 30]):
            critic = ix.critic_at(sent, s.start + m.start(), acc.seen)
            acc.add(critic, [nxt[0].key], None, "called for", s.start + m.start(), nxt[0].end, sent, rule=CALLED_FOR)
        elif (undo := _TO_BE_UNDONE.match(text, a, s.end)) and not ctx.mentions(sent, a, undo.end()):
            critic = ix.critic_at(sent, s.start + m.start(), acc.seen)
            if critic is not None:
                acc.add(critic, topic(ix, s.start + m.start(), critic), None, "called for", s.start + m.start(),
                        undo.end(), sent, rule=CALLED_FOR)
    return acc.out


def urged(ix: CriticIndex, sent: int, found: Found) -> list[Finding]:
    """"X urged Apple to withdraw the feature": asking someone to stop or undo what they did; "asked a court to
    block Y"."""
    ctx, text = ix.ctx, ix.text
    acc = Collected(ix, found)
    s = ctx.sentence(sent)
    for m in _ASK_COURT.finditer(text, s.start, s.end):
        critic = ix.critic_at(sent, m.start(), acc.seen)
        if critic is not None:
            obj_end = object_end(ix, m.end(), s.end)
            targets = targets_in(ix, sent, m.end(), obj_end, critic, own_side=True) or topic(ix, m.start(), critic)
            acc.add(critic, targets, None, "asked a court to block", m.start(), obj_end, sent, rule=URGED)
    for m in _URGE.finditer(text, s.start, s.end):
        nxt = [x for x in ctx.mentions(sent, m.end(), s.end) if ctx.is_head(x)]
        if not nxt or nxt[0].start - m.end() > 12 or nxt[0].type not in ("Person", "Organization"):
            continue
        if not _TO_UNDO.match(text, nxt[0].end):
            continue
        critic = ix.critic_at(sent, m.start(), acc.seen)
        acc.add(critic, [nxt[0].key], None, m.group(0).strip(), m.start(), nxt[0].end, sent, rule=URGED)
    for m in _APPEAL.finditer(text, s.start, s.end):
        pronoun = re.match(r"\w+\s+(?:them|him|her)\b", m.group(0))
        if pronoun and not _AUTHORITY_WORD.search(text, s.start, m.start()):
            continue  # "asked them to stop": an appeal to an authority only where one is named before
        critic = ix.critic_at(sent, m.start(), acc.seen)
        if critic is not None:
            obj_end = object_end(ix, m.end(), s.end)
            # whom the act is against: named after its verb, else in the appeal ("to protect X's purpose and block")
            # (former staff appeal against their former employer: the critic's own side may be named, as with "sued")
            targets = targets_in(ix, sent, m.end(), obj_end, critic, own_side=True) or \
                targets_in(ix, sent, text.find(" to ", m.start(), m.end()), obj_end, critic, own_side=True) or \
                topic(ix, m.start(), critic)
            acc.add(critic, targets, None, "appealed to an authority", m.start(), obj_end, sent, rule=APPEALED)
    return acc.out
