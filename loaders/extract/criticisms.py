"""Stage: criticisms — who criticised whom or what, with the quote and the date.

Three rule families: verbs of criticism/accusation/mockery/doubt/legal action with their subject and object;
attributed speech (direct quotes before/after the speaker, "X said that ...", "according to X") whose content holds
a negative judgement; and critical replies in an exchange ("X fired back, ...") aimed at the other party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Criticism, DateRef, Event, Relation
from loaders.extract.context import DocContext
from loaders.extract.dates import first_date
from loaders.extract.judgements import ATTITUDE_WORDS, DECISION, SAID_COMPANY, JudgementMixin
from loaders.extract.lexicon import alternation, lexicon

_QUOTE = re.compile(r"“([^”]{2,2000})”|\"([^\"]{2,2000})\"")
_REPLY_VERBS = re.compile(r"\b(?:replied|responded|retorted|countered|fired back|hit back|shot back|clarified|"
                          r"snapped|quipped)\b", re.I)
_CRITICAL_REPLY = re.compile(r"\b(?:retorted|fired back|hit back|shot back|snapped)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|n[’']t|no longer|declined to|refused to)\s+(?:\w+\s+)?$", re.I)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "board",
                     "leadership", "lawyers", "attorneys", "executives", "management"})
_OWNER_NOUNS = re.compile(r"^[’']s?\s+(?:company|firm|startup|employer|board|leadership|management|lawyers|"
                          r"attorneys|team|spokesperson|executives)\b", re.I)
_REL_PRONOUN = re.compile(r"(?:,\s*)?(?<![Tt]o )\b(?:who|which)\s+(?:\w+\s+)?$")
_CALL_FOR_ON = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|on)\s+", re.I)
_CALL_FOR = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|on)\s+$", re.I)
_HARSH_NOUN = re.compile(r"\b(?:scathing|harsh|sharp|blistering|damning|withering|stinging|fierce|brutal)\s+"
                         r"(?:evaluation|review|critique|assessment|criticism|rebuke|attack|takedown|response)\s+"
                         r"(?:of|on|against)\b", re.I)
# "called on the Commission to investigate": a request to an authority, not a criticism of it
_ASK_TO_ACT = re.compile(r"^\s+to\s+(?:investigate|probe|act|intervene|regulate|review|examine|look into|step in|"
                         r"open|launch|enforce|protect|ensure|help|support|consider|adopt|pass|introduce)\b", re.I)
_THEY = re.compile(r"\b(?:they|them|their)\b", re.I)
_CALLED_QUOTE = re.compile(r"\bcall(?:ed|s|ing)\s+[^,.;“\"]{1,40}$", re.I)
_AND_VERB = re.compile(r"^[,.]?\s*(?:,\s*)?and\s", re.I)
_DISAGREE = re.compile(r"\bdisagree|\bthat(?:[’']s| is) (?:wrong|false|not true)\b|\bnonsense\b", re.I)
_EPITHET = re.compile(r"\bthe\s+(?:[\w-]+\s+){1,3}?(?:of|at|for)\s+(?:the\s+)?$")
_PUB_REF = re.compile(r"^[’']s?\s+(?:\w+\s+){0,2}(?:blog post|blog|post|article|paper|report|essay|letter)\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    # tries of the word lists: the same matches as longest-first alternations, several times faster
    verbs, speech, neg = alternation(lex.criticism_verbs), alternation(lex.speech_verbs), alternation(lex.negative)
    return {
        "verb": re.compile(rf"\b(?:{verbs})\b", re.I),
        "speech": re.compile(rf"\b(?:{speech})\b"),
        "negative": re.compile(rf"(?<![\w-])(?:{neg})(?:s|es|d|ed|ing|ly)?(?![\w-])", re.I),
        "speech_before_quote": re.compile(rf"\b(?:{speech})\b[^.“\"]{{0,60}}?[,:]?\s*$"),
        "speech_after_quote": re.compile(rf"^[,.!?]?\s*(?:(?:{speech})\b|[^.,;“\"]{{1,80}}?\b(?:{speech})\b)"),
        "said_that": re.compile(rf"\b(?:{speech})\b(?:\s+\w+ly)?(?:\s+(?:on|in)\s+[^,]{{1,40}}?)?\s*(?:,\s*)?"
                                r"(?:that\s+)?"),
        "according": re.compile(r"\baccording to\s+(?:the\s+)?", re.I),
        "passive": re.compile(rf"\b(?:was|were|been|being|is|are|has been|have been)\s+(?:{verbs})\s+by\b", re.I),
    }


_WORDS = re.compile(r"[a-z][a-z-]*")


@lru_cache(maxsize=1)
def _negative_index() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single negative words with their inflections, and the multi-word negative phrases."""
    single, phrases = set(), []
    for w in lexicon().negative:
        if " " in w:
            phrases.append(w)
        else:
            single.update({w, w + "s", w + "es", w + "d", w + "ed", w + "ing", w + "ly"})
    return frozenset(single), tuple(phrases)


def has_negative(words: frozenset[str], text_lower: str) -> bool:
    """Whether a sentence holds a negative judgement word (fast pre-filter for the negative regex)."""
    single, phrases = _negative_index()
    return bool(words & single) or any(ph in text_lower for ph in phrases)


@lru_cache(maxsize=1)
def _verb_first_words() -> frozenset[str]:
    """First words of the criticism verb phrases (a cheap pre-filter before the big regex)."""
    lex = lexicon()
    extra = {"scathing", "harsh", "sharp", "blistering", "damning", "withering", "stinging", "fierce", "brutal",
             "call", "called", "calls", "calling"}
    return frozenset(v.split()[0].lower() for v in lex.criticism_verbs) | extra


@dataclass
class _Found:
    critic: str
    targets: list[str]
    quote: str | None
    cue: str
    start: int
    end: int
    sent: int


class _Finder(JudgementMixin):
    """Finds the criticisms of one document."""

    def __init__(self, ctx: DocContext, relations: list[Relation], events: list[Event]) -> None:
        self.ctx = ctx
        self.p = _patterns()
        self.text = ctx.doc.clean
        self.found: list[_Found] = []
        self.allies: dict[str, set[str]] = {}
        for r in relations:
            if r.predicate in ("affiliated_with", "developed_by"):
                self.allies.setdefault(r.subject, set()).add(r.object)
                self.allies.setdefault(r.object, set()).add(r.subject)
        self.publications = {p.entity: ev.key for ev in events if ev.type == "Publication"
                             for p in ev.participants if p.role == "publisher"}
        self.quote_speakers: list[tuple[int, str]] = []  # (offset, speaker) of attributed quotes

    # ---- actors
    def critic_at(self, sent: int, pos: int) -> str | None:
        """The critic: subject of the clause before ``pos``, spokespeople mapped to their organisation."""
        ctx = self.ctx
        before = self.text[ctx.sentence(sent).start:pos]
        rel = _REL_PRONOUN.search(before)
        if rel:
            prev = [m for m in ctx.mentions(sent, None, pos - len(rel.group(0)) + 1)
                    if m.end >= pos - len(rel.group(0)) - 2]
            key = prev[-1].key if prev else None
        else:
            key = ctx.subject(sent, pos)
        return self._actor(key, sent, pos)

    def _actor(self, key: str | None, sent: int, pos: int) -> str | None:
        ctx = self.ctx
        if key is None:
            return None
        ent = ctx.entities.get(key)
        if ent is None:
            return None
        if ent.type == "Group":
            noun = ent.label.split()[-1].lower()
            if ent.affiliation and noun in _SPOKES:
                return ent.affiliation  # "a BBC spokesperson said" speaks for the BBC
            return key
        # "Altman’s company", "OpenAI’s board": the organisation behind the possessive
        for m in ctx.mentions(sent, None, pos):
            if m.key == key and m.possessive and _OWNER_NOUNS.match(self.text[m.end:m.end + 30]) \
                    and ent.type == "Person":
                orgs = [o for o in self.allies.get(key, ()) if ctx.type_of(o) == "Organization"]
                return orgs[0] if len(orgs) == 1 else None
        return key

    def _excluded(self, critic: str) -> set[str]:
        # a person does not criticise their own organisation, nor an organisation its own products
        kind = "Organization" if self.ctx.type_of(critic) == "Person" else "Product"
        return {critic} | {k for k in self.allies.get(critic, set()) if self.ctx.type_of(k) == kind}

    def targets_in(self, sent: int, start: int, end: int, critic: str, *, subject_only: bool = False) -> list[str]:
        """Targets named in [start, end): the first name (and what it possesses), else "the company"."""
        ctx = self.ctx
        excluded = self._excluded(critic)
        cands = [m for m in ctx.mentions(sent, start, end)
                 if m.type in ("Person", "Organization", "Product") and m.key not in excluded and ctx.is_head(m)]
        if subject_only:
            head = self.text[start:end]
            lead = len(head) - len(head.lstrip(" ,“\"‘'"))
            words = head[lead:].split()
            limit = start + lead + len(" ".join(words[:6]))
            cands = [m for m in cands if m.start <= limit]
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
                if re.match(r"^\s*(?:,\s*)?(?:and|&)\s+(?:its\s+\w+\s*,?\s*)?$", self.text[first.end:m.start]):
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

    def addressee(self, pos: int, critic: str) -> str | None:
        """In an exchange, the other party: who last criticised ``critic``, else the last other person named."""
        for f in reversed(self.found):
            if critic in f.targets and f.start < pos and self.ctx.type_of(f.critic) == "Person" \
                    and self.ctx.sentence_at(pos) - f.sent <= 8:
                return f.critic
        return self.ctx.recent(pos, ("Person",), self._excluded(critic), max_sentences=6)

    def add(self, critic: str | None, targets: list[str], quote: str | None, cue: str, start: int, end: int,
            sent: int) -> None:
        if critic is None or not targets:
            return
        if self.ctx.type_of(critic) not in ("Person", "Organization", "Group"):
            return
        targets = [t for t in targets if t != critic]
        if targets:
            self.found.append(_Found(critic, targets, quote, cue, start, end, sent))

    # ---- rule families
    def verbs(self) -> None:
        """"X criticised Y", "X accused Y of", "X joked about Y", "Y was slammed by X", "X called for Y to"."""
        ctx, p = self.ctx, self.p
        firsts = _verb_first_words()
        for s in ctx.doc.sentences:
            st_start, st_end = s.start, s.end
            if not ctx.words(s.index).isdisjoint(ATTITUDE_WORDS):
                self._attitude(s.index)
            if not ctx.words(s.index) & firsts:
                continue
            for m in list(p["verb"].finditer(self.text, st_start, st_end)) + \
                    list(_HARSH_NOUN.finditer(self.text, st_start, st_end)):
                if _NEGATION.search(self.text[max(st_start, m.start() - 20):m.start()]):
                    continue
                passive = p["passive"].search(self.text, max(st_start, m.start() - 16), min(st_end, m.end() + 4))
                if passive:
                    agents = [x for x in ctx.mentions(s.index, m.end(), st_end) if ctx.is_head(x)]
                    critic = self._actor(agents[0].key, s.index, m.end()) if agents else None
                    targets = []
                    subj = ctx.subject(s.index, m.start(), ("Person", "Organization", "Product"))
                    if subj:
                        targets = [subj]
                    self.add(critic, targets, None, m.group(0), m.start(), m.end(), s.index)
                    continue
                critic = self.critic_at(s.index, m.start())
                if critic is None:
                    continue
                if SAID_COMPANY.search(self.text, st_start, m.start()):
                    critic = self._speaker_org(critic, m.start())  # "X said the company disagrees with ..."
                    if critic is None:
                        continue
                obj_end = self._object_end(m.end(), st_end)
                targets = self.targets_in(s.index, m.end(), obj_end, critic)
                cue = m.group(0).lower()
                if not targets and cue.startswith(("expressed", "voiced")):
                    # "expressed shock, anger and disbelief upon hearing the demo of OpenAI's model": the listed
                    # feelings are not the object; what they are about comes after
                    end = re.search(r",\s+(?:which|who)\b|;|$", self.text[m.end():st_end])
                    targets = self.targets_in(s.index, m.end(), m.end() + end.start(), critic)  # type: ignore[union-attr]
                if not targets and DECISION.match(self.text, m.end(), st_end):
                    decider = self._decider(m.start(), critic)
                    targets = [decider] if decider else []
                self.add(critic, targets, None, cue, m.start(), obj_end, s.index)
            # (every match holds "call", whose letters have no other case forms: a plain substring test is exact)
            calls = _CALL_FOR_ON.finditer(self.text[st_start:st_end]) if "call" in ctx.slower(s.index) else ()
            for m in calls:
                a = st_start + m.end()
                nxt = [x for x in ctx.mentions(s.index, a, st_end) if x.type in ("Person", "Organization")]
                if nxt and nxt[0].start - a < 40 and re.match(r"^\s+to\b", self.text[nxt[0].end:nxt[0].end + 4]) \
                        and not _ASK_TO_ACT.match(self.text[nxt[0].end:nxt[0].end + 30]):
                    critic = self.critic_at(s.index, st_start + m.start())
                    self.add(critic, [nxt[0].key], None, "called for", st_start + m.start(), nxt[0].end, s.index)

    def _object_end(self, start: int, limit: int) -> int:
        """End of the object of a verb: the next clause break that is not an apposition."""
        seg = self.text[start:limit]
        m = re.search(r";|:|\s[–—-]\s|,\s+(?=[a-z])(?!and\s+[A-Z])|\s(?:because|after|while|which|who|that)\s", seg)
        return start + m.start() if m else limit

    def quotes(self) -> None:
        """Direct quotes with their speaker before or after, critical when they hold a negative judgement."""
        ctx, p = self.ctx, self.p
        last_para, last_speaker, last_body = -1, None, ""
        for q in _QUOTE.finditer(self.text):
            body = q.group(1) or q.group(2) or ""
            qs, qe = q.start(), q.end()
            sent_a, sent_b = ctx.sentence_at(qs), ctx.sentence_at(max(qs, qe - 1))
            para = ctx.sentence(sent_a).paragraph
            continued = para == last_para and ctx.sentence(sent_a).start == qs
            called = _CALLED_QUOTE.search(self.text, ctx.sentence(sent_a).start, qs)
            if len(body.split()) < 5 and not continued and not called:
                continue  # scare quotes inside reported speech are handled with their sentence
            judged = f"{last_body} {body}" if continued else body
            last_body = body
            speaker, verb_text = self._speaker(sent_a, sent_b, qs, qe)
            if speaker is None and called:
                speaker = self.critic_at(sent_a, called.start())  # X called Y "a threat"
            if speaker is None and sent_a > 0:
                prev = ctx.sentence(sent_a - 1)
                if re.search(r"[:,]\s*$", ctx.stext(sent_a - 1)) and p["speech"].search(ctx.stext(sent_a - 1)):
                    speaker = self.critic_at(sent_a - 1, prev.end)  # "X said:" then the quote
            if speaker is None and last_speaker and (para == last_para or para == last_para + 1) and \
                    self.text[ctx.sentence(sent_a).start] in "“\"":
                speaker = last_speaker  # the quote goes on in the next paragraph
            if speaker is None:
                continue
            self.quote_speakers.append((qs, speaker))
            last_para, last_speaker = ctx.sentence(sent_b).paragraph, speaker
            negative = p["negative"].search(body)
            critical_reply = bool(verb_text and _CRITICAL_REPLY.search(verb_text))
            if not critical_reply and sent_a > 0 and ctx.sentence(sent_a - 1).paragraph == para and \
                    _CRITICAL_REPLY.search(ctx.stext(sent_a - 1)) and \
                    ctx.subject(sent_a - 1, ctx.sentence(sent_a - 1).end) == speaker:
                critical_reply = True  # "X fired back on Monday. “...,” she wrote"
            if not critical_reply and verb_text and _REPLY_VERBS.search(verb_text) and _DISAGREE.search(body):
                critical_reply = True  # 'To which X replied: “We disagree on what my job is.”'
            if not negative and not critical_reply:
                continue
            targets: list[str] = []
            for si in range(sent_a, sent_b + 1):
                s = ctx.sentence(si)
                targets += self.targets_in(si, max(qs, s.start), min(qe, s.end), speaker)
                if targets:
                    break
            if not targets and called:
                targets = self.targets_in(sent_a, called.start(), qs, speaker)  # called Shenlan "a threat"
            elif not targets and sent_a == sent_b:
                # a partial quote: the sentence around it carries the target ("OpenAI did not dispute that it “...”")
                s = ctx.sentence(sent_a)
                verbs = list(p["speech"].finditer(self.text, s.start, qs))
                # the target follows the last speech verb ("X of Y said Pallas was “...”")
                targets = self.targets_in(sent_a, verbs[-1].end() if verbs else s.start, qs, speaker)
            if not targets and negative and not called and _THEY.search(judged):
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
            if not targets and negative and re.search(r"\byou(?:r|’re|'re)?\b", body, re.I):
                # a judgement addressed to "you": the person just named in the exchange (a few sentences back)
                other = self.ctx.recent(qs, ("Person",), self._excluded(speaker), max_sentences=3)
                targets = [other] if other else []
            if not targets and negative:
                targets = self._continued(speaker, sent_a)
            cue = negative.group(0) if negative else "retort"
            self.add(speaker, list(dict.fromkeys(targets)), body.strip(), cue, qs, qe, sent_b)

    def _topic_org(self, excluded: set[str]) -> str | None:
        """The organisation the article is about: the one named most often (at least three times)."""
        orgs = [e for e in self.ctx.entities.values() if e.type == "Organization" and e.key not in excluded]
        best = max(orgs, key=lambda e: len(e.mentions), default=None)
        return best.key if best is not None and len(best.mentions) >= 3 else None

    def _speaker(self, sent_a: int, sent_b: int, qs: int, qe: int) -> tuple[str | None, str | None]:
        """The speaker of a quote: '..." said X' / '..." X said' after it, or 'X said, "...' before it."""
        ctx, p = self.ctx, self.p
        sb = ctx.sentence(sent_b)
        after = self.text[qe:sb.end]
        m = p["speech_after_quote"].match(after)
        if m and not _AND_VERB.match(after):  # '“...,” and noted that X': the speaker was named before
            names = [x for x in ctx.mentions(sent_b, qe, sb.end) if ctx.is_head(x)]
            if names and names[0].start - qe < 90:
                if names[0].type == "Organization" and _EPITHET.search(self.text, qe, names[0].start):
                    # the speaker is described by a role at an organisation: the person of that role named before
                    person = ctx.recent(qs, ("Person",), max_sentences=3)
                    if person and names[0].key in self.allies.get(person, ()):
                        return person, m.group(0)
                return self._actor(names[0].key, sent_b, names[0].start), m.group(0)
            if re.match(r"^[,.]?\s*(?:he|she)\b", after.strip(" ,"), re.I):
                key = ctx.recent(qs, ("Person",))  # '“...,” she wrote': a name inside the quote is not the speaker
            else:
                key = ctx.subject(sent_b, qe + m.end())
            return self._actor(key, sent_b, qe), m.group(0)
        sa = ctx.sentence(sent_a)
        before = self.text[sa.start:qs]
        m = p["speech_before_quote"].search(before)
        if m or re.search(r"[:]\s*$", before):
            pos = sa.start + (m.start() if m else len(before.rstrip(": ")))
            return self.critic_at(sent_a, pos), (m.group(0) if m else before[-40:])
        return None, None

    def reported(self) -> None:
        """"X said (that) <negative content about Y>", "According to X, ...", "<content>, X said"."""
        ctx, p = self.ctx, self.p
        quoted_sents = {ctx.sentence_at(qs) for qs, _ in self.quote_speakers}
        for s in ctx.doc.sentences:
            st = ctx.stext(s.index)
            if not has_negative(ctx.words(s.index), ctx.slower(s.index)) or not p["negative"].search(st):
                continue
            for m in p["speech"].finditer(st):
                pos = s.start + m.start()
                if s.index in quoted_sents and re.search(r"[“\"]", st[m.end():m.end() + 4]):
                    continue
                critic = self.critic_at(s.index, pos)
                if critic is None:
                    continue
                content_start = s.start + p["said_that"].match(st, m.start()).end()  # type: ignore[union-attr]
                if content_start >= s.end or not p["negative"].search(self.text, content_start, s.end):
                    # "<content>, X said." : the content is before the speaker
                    head = self.text[s.start:pos]
                    names = [x for x in ctx.mentions(s.index, s.start, pos) if x.key == critic]
                    if names and p["negative"].search(head) and re.search(r",\s*$", self.text[s.start:names[0].start]):
                        targets = self.targets_in(s.index, s.start, names[0].start, critic, subject_only=True)
                        self.add(critic, targets, None, "said", s.start, s.end, s.index)
                    continue
                targets = self.targets_in(s.index, content_start, s.end, critic, subject_only=True)
                neg = p["negative"].search(self.text, content_start, s.end)
                self.add(critic, targets, None, neg.group(0) if neg else "said", pos, s.end, s.index)
                break
            am = p["according"].search(st)
            if am:
                names = [x for x in ctx.mentions(s.index, s.start + am.end(), s.end) if ctx.is_head(x)]
                comma = st.find(",", am.end())
                if names and comma > 0 and names[0].end <= s.start + comma + 1:
                    content = st[comma + 1:]
                    if p["speech"].search(content) or p["verb"].search(content):
                        continue  # another speaker inside: "according to the FT, X said ..." names a source
                    critic = self._actor(names[0].key, s.index, names[0].start)
                    if critic and p["negative"].search(content):
                        targets = self.targets_in(s.index, s.start + comma + 1, s.end, critic, subject_only=True)
                        self.add(critic, targets, None, "according to", s.start + am.start(), s.end, s.index)

    # ---- output
    def criticisms(self) -> list[Criticism]:
        ctx = self.ctx
        out: list[Criticism] = []
        seen: set[tuple[str, str, int]] = set()
        published = ctx.published
        for f in self.found:
            sdate: DateRef | None = first_date(ctx.stext(f.sent), published)
            for t in f.targets:
                key = (f.critic, t, f.sent)
                if key in seen:
                    continue
                seen.add(key)
                tl = ctx.label(t) if t in ctx.entities else "a publication"
                summary = f"{ctx.label(f.critic)} criticised {tl} ({f.cue})"
                out.append(Criticism(critic=f.critic, target=t, quote=f.quote, summary=summary, date=sdate,
                                     reported=published, source=ctx.span(f.start, f.end, f.sent)))
        return out


def extract_criticisms(ctx: DocContext, relations: list[Relation], events: list[Event]) -> list[Criticism]:
    """All criticisms of the document: verb patterns, critical quotes and reported speech."""
    finder = _Finder(ctx, relations, events)
    finder.verbs()
    finder.quotes()
    finder.reported()
    return finder.criticisms()
