"""Criticism helpers: attitudes ("X was dismissive"), decisions and their makers, spokespeople speaking for their
organisation, and judgements that go on with a criticism just made (mixed into the criticism finder)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from loaders.extract.lexicon import Folded
from loaders.extract.rules import register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.schema import ResolvedMention

UNDER_FIRE = register("criticism.under_fire.v1", "'Y is under fire from X', 'Y has faced criticism from X'", __name__)
LAWSUIT = register("criticism.lawsuit.v3", "A party suing or filing a complaint against a defendant", __name__)
WARNED_OFF = register("criticism.warned_off.v2", "A cease-and-desist letter, 'warned against Y', 'told staff not to "
                      "use Y'", __name__)
REGULATOR_ACTION = register("criticism.regulator_action.v2", "An authority acting against a party: 'opened an inquiry "
                            "this summer into Y', 'is preparing to charge Y with', 'ordered Y to stop'", __name__)
ATTITUDE = register("criticism.attitude.v2", "'Asked about Y, X was dismissive': a critic's stated attitude", __name__)
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
# "Mary Lee, a researcher at Acme Labs" / "Mary Lee, Acme’s chief executive": the organisation a person speaks from
_APPOSITION_AT = re.compile(r"^,\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,6}?(?:at|of|for|with|from)\s+(?:the\s+)?"
                            r"(?:[\w-]+\s+){0,3}$")
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
# "criticised the paper on Bluesky": a social platform after "on" is where a criticism was voiced, not its target
PLATFORMS = frozenset({"X", "Twitter", "Bluesky", "LinkedIn", "Threads", "Reddit", "TikTok", "YouTube", "Facebook",
                        "Instagram", "Substack", "Mastodon", "Truth Social", "Medium", "Hacker News", "Discord"})
ON_BEFORE = re.compile(r"\b(?:on|via)\s+$")
_APPOSITION_OWNER = re.compile(r"^,\s+$")
_OWNER_ROLE = re.compile(r"^[’'](?:s)?\s+(?:[a-z-]+\s+){0,4}?(?:[a-z-]+)\s*(?:[,.;]|$)", re.I)


class JudgementMixin:
    """Methods of the criticism finder for the less direct wordings of a judgement."""

    ctx: DocContext
    text: str
    found: list[Any]
    allies: dict[str, set[str]]
    _dissent_hits: dict[int, bool]  # DISSENT found in a sentence: each is asked about by up to three sentences

    def _excluded(self, critic: str) -> set[str]:
        raise NotImplementedError

    def _actor(self, key: str | None, sent: int, pos: int) -> str | None:
        raise NotImplementedError

    def critic_at(self, sent: int, pos: int) -> str | None:
        raise NotImplementedError

    def topic(self, pos: int, critic: str) -> list[str]:
        raise NotImplementedError

    def dissent(self, sent: int) -> bool:
        """Whether the sentence follows a cue of dissent in its paragraph ("Not everyone is sold. “…,” said X")."""
        ctx = self.ctx
        para = ctx.sentence(sent).paragraph
        for si in range(sent, max(-1, sent - 3), -1):
            s = ctx.sentence(si)
            if s.paragraph != para and not (si == sent - 1 and _alone(ctx, si)):
                break
            hit = self._dissent_hits.get(si)
            if hit is None:
                hit = self._dissent_hits[si] = DISSENT.search(ctx.stext(si)) is not None
            if hit:
                return True
        return False

    def add(self, critic: str | None, targets: list[str], quote: str | None, cue: str, start: int, end: int,
            sent: int, *, rule: str) -> None:
        raise NotImplementedError

    def learned_negative(self, text: str) -> bool:
        """Whether the learned scorer reads a statement the word lists left undecided as a negative judgement."""
        if not USE_LEARNED:
            return False
        from loaders.extract.judgement_model import is_judgement  # lazy: loads the embeddings on first use

        return is_judgement(text)

    def _continued(self, critic: str, sent: int) -> list[str]:
        """A judgement naming no target that goes on with one the critic (or its organisation) just made."""
        ctx = self.ctx
        side = {critic} | {o for o in self.allies.get(critic, ()) if ctx.type_of(o) == "Organization"}
        for f in reversed(self.found):
            if f.sent < sent - 3 or f.sent > sent:
                continue
            if f.critic in side:
                return [t for t in f.targets if t not in self._excluded(critic)][:1]
        return []

    def _rebutted(self, speaker: str, pos: int) -> list[str]:
        """The critics a rebuttal answers: who criticised the speaker's side (itself, its organisation, its products)
        in the sentences before."""
        ctx = self.ctx
        side = {speaker} | self.allies.get(speaker, set())
        for o in list(side):
            if ctx.type_of(o) == "Organization":
                side |= self.allies.get(o, set())
        sent = ctx.sentence_at(pos)
        out: list[str] = []
        legal: list[str] = []
        for f in reversed(self.found):
            if f.start >= pos or sent - f.sent > 15 or f.critic in side:
                continue
            if side & set(f.targets) and ctx.type_of(f.critic) in ("Person", "Organization") and f.critic not in out:
                out.append(f.critic)
                legal.extend([f.critic] if _LEGAL.search(f.cue) else [])
        # "disputed the claims in the lawsuit": the one who sued; else the first critic (the one the story leads
        # with, which a rebuttal mostly answers; the latest is often a side remark)
        if legal and _LEGAL.search(self.text[pos:pos + 80]):
            return legal[-1:]
        return out[-1:]

    def legal_voice(self, sent: int, pos: int) -> list[str] | None:
        """The parties a legal document speaks for when it is the subject of the verb at ``pos`` ("The complaint
        accuses ...", "a class action accusing ..."): its plaintiffs, [] when unknown; None when no document speaks."""
        ctx = self.ctx
        cs = ctx.clause_start(sent, pos)
        before = _after_quote(self.text[cs:pos])  # after a quote: '“…,” the lawsuit states'
        if not _DOC_SUBJECT.match(before) and not _DOC_PARTICIPLE.search(before):
            return None
        # "The complaint, filed on Wednesday by the Writers Alliance and eleven authors, accuses ...": named inside
        inside = [m for m in ctx.mentions(sent, cs, pos) if m.type in ("Person", "Organization") and ctx.is_head(m)
                  and _FILED_BY.search(self.text, max(cs, m.start - 120), m.start)]
        parties = [m.key for m in inside[:1] + self.listed(inside[:1], sent)] or self.plaintiffs(pos)
        if parties:
            return parties
        # "a class action ... filed on Friday by shareholder Eric Tucker": named after it, in this or the next sentences
        for si in range(sent, min(sent + 3, len(ctx.doc.sentences))):
            for m in ctx.mentions(si):
                if m.start > pos and m.type in ("Person", "Organization") and ctx.is_head(m) and \
                        _FILED_BY.search(self.text, max(ctx.sentence(si).start, m.start - 120), m.start):
                    return [m.key]
        return []

    def _apposition_allies(self) -> None:
        """Add "X, a researcher at Y" and "X, Y’s chief executive" (and "Y’s chief executive, X") to the allies."""
        ctx, text = self.ctx, self.text
        for ms in ctx.by_sentence.values():
            for i, a in enumerate(ms[:-1]):
                b = ms[i + 1]
                gap = text[a.end:b.start]
                if a.type == "Person" and b.type == "Organization" and len(gap) < 70 and (
                        _APPOSITION_AT.match(gap) or (_APPOSITION_OWNER.match(gap) and
                                                     _OWNER_ROLE.match(text[b.end:b.end + 50]))):
                    pair = (a.key, b.key)
                elif a.type == "Organization" and b.type == "Person" and a.possessive and \
                        _OWNER_ROLE.match(text[a.end:b.start] + ","):
                    pair = (b.key, a.key)
                else:
                    continue
                self.allies.setdefault(pair[0], set()).add(pair[1])
                self.allies.setdefault(pair[1], set()).add(pair[0])

    def _speaker_org(self, speaker: str, pos: int) -> str | None:
        """The organisation a spokesperson speaks for ("Google spokesperson X said the company ...")."""
        ctx = self.ctx
        if ctx.type_of(speaker) == "Organization":
            return speaker
        orgs = [o for o in self.allies.get(speaker, ()) if ctx.type_of(o) == "Organization"]
        if len(orgs) == 1:
            return orgs[0]
        return ctx.recent_subject(pos, ("Organization",))

    def _decider(self, pos: int, critic: str) -> str | None:
        """The maker of a decision: the latest judge, court or regulator named before ``pos``."""
        ctx = self.ctx
        excluded = self._excluded(critic) if critic else set()
        for si in range(ctx.sentence_at(pos), max(-1, ctx.sentence_at(pos) - 12), -1):
            for m in reversed(ctx.mentions(si)):
                if m.end > pos or m.key in excluded or m.type not in ("Person", "Organization"):
                    continue
                title = self.text[max(ctx.sentence(si).start, m.start - 30):m.start]
                if _DECIDER.search(ctx.label(m.key)) or (m.type == "Person" and _DECIDER.search(title)):
                    return m.key
        return None

    def _doer(self, noun: str, pos: int, critic: str) -> str | None:
        """Who did the act a noun names ("the veto"): the subject of the latest earlier verb of that act."""
        ctx = self.ctx
        verb = re.compile(rf"\b(?:{_ACT_VERB[noun.lower()]})\b", re.I)
        sent = ctx.sentence_at(pos)
        for si in range(sent, max(-1, sent - 30), -1):
            s = ctx.sentence(si)
            hits = [v for v in verb.finditer(self.text, s.start, min(s.end, pos))]
            for v in reversed(hits):
                key = ctx.subject(si, v.start(), ("Person", "Organization"))
                if key is not None and key not in self._excluded(critic):
                    return key
        return None

    def _acted_against(self, sent: int) -> None:
        """An authority acting against a party: an inquiry into it, charging it, ordering it to stop."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        for a in _INQUIRY.finditer(self.text, s.start, s.end):
            critic = self.critic_at(sent, a.start())
            if critic is None:
                continue
            end = self._object_end(a.end(), s.end)
            whether = re.match(r"\s*whether\s+", self.text[a.end():end])
            start = a.end() + (whether.end() if whether else 0)
            targets = self.targets_in(sent, start, min(end, start + 60), critic, own_side=True)
            self.add(critic, targets, None, "inquiry", a.start(), end, sent, rule=REGULATOR_ACTION)
        for a in _ISSUED_TO.finditer(self.text, s.start, s.end):
            near = [m for m in ctx.mentions(sent, a.end(), s.end) if m.start == a.end() and ctx.is_head(m)]
            critic = self.critic_at(sent, a.start()) if near else None
            if critic is not None and near[0].type in ("Person", "Organization"):
                parties = [m.key for m in near[:1] + self.listed(near[:1], sent)]
                self.add(critic, parties, None, "issued orders", a.start(), a.end(), sent, rule=REGULATOR_ACTION)
        for pat, follow in ((_CHARGE, re.compile(r"\s+with\b")), (_ORDERED, _ORDER_TO)):
            for a in pat.finditer(self.text, s.start, s.end):
                near = [m for m in ctx.mentions(sent, a.end(), s.end) if m.start == a.end() and ctx.is_head(m)]
                if not near or near[0].type not in ("Person", "Organization") or \
                        not follow.match(self.text, near[0].end):
                    continue
                critic = self.critic_at(sent, a.start())
                self.add(critic, [near[0].key], None, "charged" if pat is _CHARGE else "ordered", a.start(),
                         near[0].end, sent, rule=REGULATOR_ACTION)

    def _object_end(self, start: int, limit: int) -> int:
        raise NotImplementedError

    def _drawn(self, sent: int) -> None:
        """"Y is under fire from X", "Y has faced criticism from X": X criticised the subject Y."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        for d in _DRAWN.finditer(self.text, s.start, s.end):
            near = [m for m in ctx.mentions(sent, d.end(), s.end) if ctx.is_head(m) and m.start - d.end() < 40]
            if not near or near[0].type not in ("Person", "Organization", "Group"):
                continue
            if ctx.label(near[0].key) in PLATFORMS and ON_BEFORE.search(self.text, near[0].start - 8, near[0].start):
                continue  # "mockery from people on Reddit": the platform is where, not who
            critic = self._actor(near[0].key, sent, near[0].start)
            target = ctx.subject(sent, d.start(), ("Organization", "Product", "Person"))
            if critic is None or target is None or target in self._excluded(critic):
                continue
            self.add(critic, [target], None, d.group(0).strip(), d.start(), near[0].end, sent, rule=UNDER_FIRE)

    def _defendant(self, pos: int) -> list[str]:
        """The defendants of the legal action told about before ``pos``: the targets of its latest legal criticism."""
        ctx = self.ctx
        sent = ctx.sentence_at(pos)
        for f in reversed(self.found):
            if f.start < pos and sent - f.sent <= 8 and _LEGAL.search(f.cue):
                return list(f.targets)
        # the action's parties may be unnamed ("a group of illustrators has sued X"): whom it is against
        for si in range(sent, max(-1, sent - 4), -1):
            s = ctx.sentence(si)
            for a in _AGAINST_LEGAL.finditer(self.text, s.start, min(s.end, pos)):
                near = [m for m in ctx.mentions(si, a.end(), s.end) if ctx.is_head(m) and m.start - a.end() < 30]
                if near and near[0].type in ("Person", "Organization", "Product"):
                    return [near[0].key]
        return []

    def _parties(self, sent: int) -> None:
        """"The suit is led by X and backed by Y", "X, which joined the case": X and Y act against the defendant."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        critics: list[tuple[str, int]] = []
        for b in _PARTY_BY.finditer(self.text, s.start, s.end):
            before = self.text[max(s.start, b.start() - 90):b.start()]
            # "the claim, filed in London, is led by X", not "a funding round led by X" in a sentence about a suit
            if _LEGAL_SUBJECT.search(before) and not _FUNDING_NOUN.search(before):
                near = [m for m in ctx.mentions(sent, b.end(), s.end) if ctx.is_head(m) and m.start - b.end() < 40]
                if len(near) > 1 and near[0].type == "Group" and \
                        _INITIALS.fullmatch(self.text, near[0].end, near[1].start):
                    near = near[1:]  # "by authors Andrea Bartz, ...": the named ones
                for m in near[:1] + self.listed(near[:1], sent):  # "brought by authors A, B and C"
                    critic = self._actor(m.key, sent, m.start)
                    if critic is not None and ctx.type_of(critic) in ("Person", "Organization"):
                        critics.append((critic, b.start()))
        for b in _AGAINST_BY.finditer(self.text, s.start, s.end):
            # "a case brought against Meta by comedian Sarah Silverman": the party after "by" against the one before
            defendants = [m for m in ctx.mentions(sent, b.end(), s.end) if ctx.is_head(m) and m.start - b.end() < 20]
            by = _BY.match(self.text, defendants[0].end, min(s.end, defendants[0].end + 40)) if defendants else None
            near = [m for m in ctx.mentions(sent, by.end(), s.end) if ctx.is_head(m) and m.start - by.end() < 40] \
                if by else []
            critic = self._actor(near[0].key, sent, near[0].start) if near else None
            if critic is not None and ctx.type_of(critic) in ("Person", "Organization"):
                self.add(critic, [defendants[0].key], None, "lawsuit", b.start(), near[0].end, sent, rule=LAWSUIT)
        for j in _JOINED.finditer(self.text, s.start, s.end):
            critic = self.critic_at(sent, j.start())
            if critic is not None:
                critics.append((critic, j.start()))
        for critic, at in critics:
            # an action whose defendant is not named before is mostly against the company the story is about
            targets = [t for t in self._defendant(at) or self.topic(at, critic) if t not in self._excluded(critic)]
            self.add(critic, targets, None, "lawsuit", at, s.end, sent, rule=LAWSUIT)

    def document_voice(self, sent: int, pos: int) -> str | None:
        """Who speaks when a document is the subject at ``pos``: a suit's first plaintiff ("the complaint says"), a
        ruling's judge or court ("the decision states")."""
        before = self.text[self.ctx.clause_start(sent, pos):pos]
        before = _after_quote(before)  # after a quote: '“…,” the decision states'
        if _RULING_SUBJECT.match(before):
            return self._decider(pos, "")
        if _DOC_SUBJECT.match(before):
            return next(iter(self.legal_voice(sent, pos) or []), None)
        return None

    def plaintiffs(self, pos: int) -> list[str]:
        """The parties of the legal action told about just before ``pos`` (its critics), [] when none."""
        sent = self.ctx.sentence_at(pos)
        for f in reversed(self.found):
            if f.start < pos and sent - f.sent <= 8 and _LEGAL.search(f.cue):
                return list(dict.fromkeys(g.critic for g in self.found if g.sent == f.sent and g.cue == f.cue))
        return []

    def listed(self, first: list[ResolvedMention], sent: int) -> list[ResolvedMention]:
        """The names listed after ``first`` ("A, B and C", "A, the artist B, and C"), in order."""
        ctx = self.ctx
        if not first:
            return []
        out: list[ResolvedMention] = []
        last = first[0]
        for m in ctx.mentions(sent):
            if m.start <= last.start or not ctx.is_head(m):
                continue
            if m.type not in ("Person", "Organization") or not _LIST_GAP.fullmatch(self.text, last.end, m.start):
                break
            out.append(m)
            last = m
        return out

    def true_list(self, first: ResolvedMention | None, sent: int, pos: int) -> list[ResolvedMention]:
        """The names listed after ``first`` before ``pos`` when they form a list closed by "and" ("A, B and C"),
        none possessive ("A, B’s chief executive" is no list)."""
        if first is None or first.possessive:
            return []
        names = [m for m in self.listed([first], sent) if m.end <= pos]
        gaps = [self.text[a.end:b.start] for a, b in zip([first, *names], names, strict=False)]
        closed = any(re.search(r"\band\b", g) for g in gaps) or (
            names and re.match(r"\s*,?\s+and\s", self.text[names[-1].end:names[-1].end + 8]))  # "A, B and 14 others"
        if not names or any(m.possessive for m in names) or not closed:
            return []
        return names

    def _warned_off(self, sent: int) -> None:
        """"X sent Y a cease-and-desist letter", "X sent a similar letter", "X told staff not to use Y"."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        for w in _LETTER.finditer(self.text, s.start, s.end):
            critic = self.critic_at(sent, w.start())
            if critic is None:
                continue
            named = [m for m in ctx.mentions(sent, w.start(), w.end()) if ctx.is_head(m) and
                     m.type in ("Person", "Organization")]
            targets = [named[0].key] if named else self._last_letter(w.start())
            self.add(critic, [t for t in targets if t not in self._excluded(critic)], None, "letter", w.start(),
                     w.end(), sent, rule=WARNED_OFF)
        for w in _NOT_TO_USE.finditer(self.text, s.start, s.end):
            near = [m for m in ctx.mentions(sent, w.end(), s.end) if ctx.is_head(m) and m.start - w.end() < 5]
            critic = self.critic_at(sent, w.start())
            if near and critic is not None:
                self.add(critic, [near[0].key], None, "warned against", w.start(), near[0].end, sent, rule=WARNED_OFF)

    def _last_letter(self, pos: int) -> list[str]:
        """The targets of the last letter sent before ``pos`` ("sent a similar letter")."""
        for f in reversed(self.found):
            if f.cue == "letter" and f.start < pos:
                return list(f.targets)
        return []

    def _attitude(self, sent: int) -> None:
        """"Asked about Acme, X was dismissive": the critic's stated attitude towards what the sentence names."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        for a in _ATTITUDE.finditer(self.text, s.start, s.end):
            # the name right before the verb is the one judging ("Asked about Y by Z, X was dismissive")
            near = [m for m in ctx.mentions(sent, s.start, a.start()) if a.start() - m.end <= 2]
            critic = self._actor(near[-1].key, sent, a.start()) if near else self.critic_at(sent, a.start())
            if critic is None:
                continue
            excluded = self._excluded(critic)
            names = [m for m in ctx.mentions(sent) if m.key not in excluded and ctx.is_head(m) and
                     m.type in ("Person", "Organization", "Product") and not (m.start >= a.start() and
                                                                             m.start - a.end() > 40)]
            # what the critic was asked about or judged ("about Y", "of Y") beats a host or reporter named nearby
            about = [m for m in names if re.search(r"\b(?:about|of|on|over|at)\s+(?:the\s+)?$",
                                                    self.text[max(s.start, m.start - 12):m.start])]
            pick = about or [m for m in names if m.type != "Person"] or names
            # "X was not convinced.": about the subject at hand
            targets = [pick[0].key] if pick else self.topic(a.start(), critic)
            act = ACT_NOUN.match(self.text, a.end(), s.end)
            doer = self._doer(act.group(1), a.start(), critic) if act else None
            if doer is not None:
                targets = [doer]  # "critical of the veto": of whoever vetoed, not a name further on
            self.add(critic, targets, None, a.group(0), s.start, s.end, sent, rule=ATTITUDE)


def _after_quote(text: str) -> str:
    """The text after its last closing quote and the comma after it: re.split(_QUOTE_CLOSE, text)[-1] without the
    list (every quote character starts a match of its own, so the last match starts at the last one)."""
    i = max(text.rfind("”"), text.rfind('"'))
    return text if i < 0 else text[_QUOTE_CLOSE.match(text, i).end():]  # type: ignore[union-attr]


def _alone(ctx: DocContext, sent: int) -> bool:
    """A sentence that is a paragraph of its own ("Not everyone agreed.")."""
    para = ctx.sentence(sent).paragraph
    n = len(ctx.doc.sentences)
    return (sent == 0 or ctx.sentence(sent - 1).paragraph != para) and \
        (sent + 1 >= n or ctx.sentence(sent + 1).paragraph != para)
