"""Stage: criticisms — who criticised whom or what, with the quote and the date.

Three rule families: verbs of criticism/accusation/mockery/doubt/legal action with their subject and object;
attributed speech (direct quotes before/after the speaker, "X said that ...", "according to X") whose content holds
a negative judgement; and critical replies in an exchange ("X fired back, ...") aimed at the other party.
This module holds the finder (critics, targets, the facts found); the rules live by family in criticism_verbs,
criticism_quotes and criticism_speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.model import Criticism, DateRef, Event, Relation
from loaders.extract.attribution import patterns
from loaders.extract.context import DocContext
from loaders.extract.critic_roles import RoleMixin
from loaders.extract.criticism_quotes import quotes
from loaders.extract.criticism_speech import labelled, reported
from loaders.extract.criticism_verbs import verbs
from loaders.extract.judgements import (
    ON_BEFORE,
    PLATFORMS,
    JudgementMixin,
)
from loaders.extract.sentiment import THRESHOLD, polarity

if TYPE_CHECKING:
    from loaders.extract.schema import ResolvedMention

_COURT = re.compile(r"\b(?:Court|Tribunal)\b")
_PARTY_ACT = re.compile(r"\b(?:accus|sue|sued|suing|alleg|lawsuit|complaint)", re.I)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "board",
                     "leadership", "lawyers", "attorneys", "executives", "management"})
# "analysts at Bernstein wrote": a firm's research speaks for the firm
_FIRM_VOICES = frozenset({"analyst", "analysts"})
_OWNER_NOUNS = re.compile(r"^[’']s?\s+(?:company|firm|startup|employer|board|leadership|management|lawyers|"
                          r"attorneys|team|spokesperson|executives)\b", re.I)
_REL_PRONOUN = re.compile(r"(?:,\s*)?(?<![Tt]o )\b(?:who|which)\s+(?:\w+\s+)?$")
_APPOSED = re.compile(r",\s+(?:a|an|the)\s[^,;()“\"]{2,90}$")
# a subordinate or coordinate clause with its own subject: "… after the commission raised concerns", "…, and X said"
_SUBORDINATOR = re.compile(r"(?:\b(?:after|before|when|until|since|although|though|unless|once|whereas)|"
                           r",\s+(?:and|but))\s+(?:the\s+)?")
# lowercase title words before the subject's name: "…, and technology minister Liz Kendall called …"
_TITLE_WORDS = re.compile(r"(?:(?!(?:that|which|who|whom|whose|it|this|these|those|then)\b)[a-z][\w-]*\s+){0,3}")
_CLAUSE_PUNCT = re.compile(r"[,;:()“\"]")
# "filed an unfair labor practice charge with the NLRB against X": the body an action is filed with is no target
_FILED_WITH = re.compile(r"\b(?:filed|lodged|brought|complaint|complaints|charge|charges|petition|grievance)\b"
                         r"[^.;,]{0,30}?\bwith\s+(?:the\s+)?$", re.I)
_LISTED_WITH = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:the\s+)?")
_PREP_BEFORE = re.compile(r"\b(?:with|against|to|from|into|at|on|for|by|over|about|of)\s+(?:the\s+)?$", re.I)
# "in a LinkedIn post", "on X": the medium of a criticism, not its target
_MEDIUM_AFTER = re.compile(r"\s+(?:post|posts|video|interview|podcast|statement|blog|thread|livestream|newsletter|"
                           r"op-ed|column|show|broadcast)\b", re.I)
# "in an interview with Bloomberg Television", "told Reuters": the outlet a criticism was voiced to, not its target
_MEDIUM_BEFORE = re.compile(r"\b(?:interview\s+with|told|telling|speaking\s+to|speaking\s+with|appearance\s+on)"
                            r"\s+(?:the\s+)?$", re.I)
_REPORTED_THAT = re.compile(r"\b(?:reported|reports|wrote|writes|revealed|disclosed)\s+(?:\w+\s+){0,3}?that\s+", re.I)
_AND_THEN = re.compile(r"\band\s+(?:\w+\s+)?$")  # "wrote that … and accused X": the writer's second verb
_FORMER = re.compile(r"\b(?:former|formerly|previously|ex-|left|quit|departed|resigned|fired|ousted)\b", re.I)
# a negator just before a judgement word ("never intended to harm", "is not lying")
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|nor|n[’']t)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "sued OpenAI and its chief executive, Sam Altman": both are objects
_AND_ITS = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:its\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,?\s*)?$")
_OWNED = re.compile(r"[’']s\s+(?:(?!(?:on|about|of|for|with|to|in|over|and)\b)[a-z-]+\s+){0,4}")
# "hopeless relative to what Google is spending", "worse than Apple": a yardstick, not what is judged
_COMPARED = re.compile(r"\b(?:than|relative to|compared (?:with|to)|unlike)\s+(?:what\s+|that of\s+|those of\s+)?"
                       r"(?:the\s+)?(?:[^,;.\s]+\s+(?:or|and)\s+)?$", re.I)
_PUB_REF = re.compile(r"^[’']s?\s+(?:\w+\s+){0,2}(?:blog post|blog|post|article|paper|report|essay|letter)\b", re.I)












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
                # "with the European Commission": an object of a preposition is not the subject, nor are the names
                # listed with it ("researchers from OpenAI, Anthropic and others")
                key = next((m.key for m in self._after_prep_object(heads, cs)
                            if m.type in ("Person", "Organization")), None)
            key = self._subordinate_subject(sent, cs, pos) or key
            key = self._titled_person(sent, key, pos)
            if key is not None and self._not_speaking(sent, key, cs, pos):
                return None
            if key is None:
                key = next((m.key for m in self._members(sent, pos)), None)
        return self._actor(key, sent, pos)

    def _after_prep_object(self, heads: list[ResolvedMention], cs: int) -> list[ResolvedMention]:
        """The names after a prepositional object and the names listed with it."""
        out: list[ResolvedMention] = []
        prev = heads[0]
        for m in heads[1:]:
            if _PREP_BEFORE.search(self.text, max(cs, m.start - 12), m.start) or \
                    _LISTED_WITH.fullmatch(self.text, prev.end, m.start):
                prev = m
                continue
            out.append(m)
        return out

    def _subordinate_subject(self, sent: int, cs: int, pos: int) -> str | None:
        """The subject of a subordinate clause the verb at ``pos`` is in: "Meta paused its plans after the Irish
        Data Protection Commission raised concerns" — the commission raised them, not Meta."""
        subs = list(_SUBORDINATOR.finditer(self.text, cs, pos))
        if not subs:
            return None
        sub = subs[-1]
        named = [m for m in self.ctx.mentions(sent, sub.end(), pos) if self.ctx.is_head(m)]
        if not named or not _TITLE_WORDS.fullmatch(self.text, sub.end(), named[0].start) or \
                named[0].type not in ("Person", "Organization", "Group"):
            return None
        # the name must be the clause's subject: only its own words (a title, a possessive) stand before the verb
        gap = self.text[named[0].end:pos]
        return named[0].key if len(gap.split()) <= 3 and not _CLAUSE_PUNCT.search(gap) else None

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
                 and not _COMPARED.search(self.text, max(start, m.start - 60), m.start)
                 and not _FILED_WITH.search(self.text, max(0, m.start - 50), m.start)]
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



    def _object_end(self, start: int, limit: int) -> int:
        """End of the object of a verb: the next clause break that is not an apposition."""
        seg = self.text[start:limit]
        m = re.search(r";|:|\s[–—-]\s|,\s+(?=[a-z])(?!and\s+[A-Z])|\s(?:because|after|while|which|who|that)\s|"
                      r",\s+and\s+(?:[A-Z][\w-]*\s+){1,3}(?:said|says|has|had|is|was|will)\b", seg)
        return start + m.start() if m else limit







    def topic(self, pos: int, critic: str, kind: str | None = None) -> list[str]:
        """What is being discussed: the subject of the last sentences (an organisation or product, or ``kind`` where
        one is named), not the critic's own side."""
        ctx = self.ctx
        excluded = self._excluded(critic) | {critic}
        sent = ctx.sentence_at(pos)
        # the last sentences, and the headline and lede, which name what the story is about
        window = {*range(max(0, sent - 5), sent + 1), *range(min(2, sent + 1))}
        cands = {m.key for si in window for m in ctx.mentions(si)
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
    verbs(finder)
    quotes(finder)
    reported(finder)
    labelled(finder)
    return finder.criticisms()
