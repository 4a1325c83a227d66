"""Funding rounds: amount, valuation, recipient and investors from the usual ways news reports a raise."""

from __future__ import annotations

import re
from itertools import pairwise

from kg.model import DateRef, Event, Money, Participant, Span
from loaders.extract import funding_parties as parties
from loaders.extract.context import DocContext
from loaders.extract.funding_backed import backed_rounds
from loaders.extract.funding_figures import PART_BEFORE, VALUATION_AFTER, RoundFigures, classify, respective
from loaders.extract.funding_money import VALUATION_BEFORE, merge_rounds, past_value
from loaders.extract.funding_parties import described, sole_previous
from loaders.extract.quantities import MoneyMatch, parse_money
from loaders.extract.rules import register
from loaders.extract.schema import ResolvedMention, Sentence
from loaders.extract.topic import topic_org

RAISED_AMOUNT = register("funding.raised_amount.v2", "A sum raised, invested or valued beside its recipient: 'X raised "
                         "$2 billion led by Y'", __name__)
RESPECTIVE = register("funding.respective_list.v1", "'Udio and Suno had raised $10 million and $125 million "
                      "respectively': a round for each name listed before, in order", __name__)

# words one of which every funding sentence holds (a set test before any regex)
_FUNDING_WORDS = frozenset([
    "raise", "raises", "raised", "raising", "secure", "secures", "secured", "securing", "close", "closes", "closed",
    "closing", "land", "lands", "landed", "bag", "bags", "bagged", "garner", "garners", "garnered", "complete",
    "completes", "completed", "completing", "funding", "financing", "backing", "investment", "series", "seed",
    "valuing", "valued", "valuation", "values", "value", "round", "invested", "invests", "invest", "total",
    "poured", "pumped", "injected", "investors", "committed", "commits", "pledged", "pledges",
    "received", "receives", "receiving", "brought", "pulled", "drew", "drawn", "attracted", "ipo", "listing",
    "offering", "flotation", "stake", "worth", "backed", "funded", "financed", "contributed", "contributes",
    "contributing", "donated", "donates", "donating", "sold", "sells", "issued", "issues",
])
_MONEY_HINT = frozenset("$€£¥₹") | frozenset("0123456789")
_FUNDING_CUE = re.compile(r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed)?|"
                          r"bag(?:s|ged)|garner(?:s|ed)|complet(?:e|es|ed|ing)|funding|financing|backing|"
                          r"investment|invest(?:s|ed)?|series [a-h]\b|seed round|valu(?:ing|ed|es|ation)|round|"
                          r"poured|pumped|committed|commits|pledged|pledges|receiv(?:ed|es|ing)\s+(?:[^.;]|\.(?=\d)){0,40}?\bfrom|"
                          # a stake bought: "buy $335 million worth of X shares", "took a 49% stake in X for $14B"
                          r"worth\s+of\s+[^.;]{0,40}?\b(?:shares|stock)|stake\s+in\b[^.;]{0,50}?\bfor|"
                          r"injected|(?:brought|pulled)\s+in|drew|drawn|attracted|ipo|listing|offering|flotation|"
                          r"contribut(?:ed|es|ing)|donat(?:ed|es|ing)|(?:backed|funded|financed)\s+[^.;]{1,40}?\bwith|"
                          # "sold $27.3 billion in bonds to investors", "issued $2 billion of notes"
                          r"(?:sold|sells|issued|issues)\s+(?:[^.;]|\.(?=\d)){0,30}?\b(?:bonds|notes|debt|shares))\b",
                          re.I)
# "X's $75M round": the recipient written as a possessive right before the amount
_POSS_GAP = re.compile(r"^[’']s?\s*(?:(?:new|latest|recent|fresh|first|second|\w+-stage)\s+)?$")
_ANAPHOR = re.compile(r"^\s*(?:[\"“]\s*)?(?:(?:in|on|by|last|this|earlier|later)\s+(?:\w+\s+){0,2}?\w+,?\s+|"
                      # "A year ago it raised", "Two months later, the company closed"
                      r"(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:years?|months?|weeks?|days?)\s+"
                      r"(?:ago|earlier|later|before|after),?\s+|"
                      r"(?:when|after|before|as|while|since|where|and|but)\s+)?"
                      # "the Reno, Nevada-based company": a town and its state may stand before the noun
                      r"(?:it|they|we|the\s+(?:[\w-]+,?\s+){0,3}?(?:company|startup|start-up|firm|lab|"
                      r"business|maker|developer|chipmaker|outfit|venture|unicorn|group|platform)|"
                      r"(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:company|startup|start-up|firm|business)\s+(?:that|which))\b",
                      re.I)
# "... a company that raised", "Inkwell, which has raised": the noun before the relative pronoun
_RELATIVE = re.compile(r"(?P<np>\b(?:company|startup|start-up|firm|lab|business|maker)\b)?\s*,?\s*(?:which|that|who)\s+"
                       r"(?:has\s+|had\s+|have\s+|recently\s+|also\s+|previously\s+|already\s+|just\s+|last\s+\w+\s+)*$",
                       re.I)
_VERB = re.compile(r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed)|bag(?:s|ged)|"
                   r"garner(?:s|ed)|complet(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|got|gets|announc(?:e|es|ed)|"
                   r"sold|sells|issued|issues)\b",
                   re.I)
_PRONOUN_VERB = re.compile(r"\b(?:when|after|as|and|but|since|because|where)\s+(?:it|they|we)\s+"
                           r"(?:has\s+|had\s+|have\s+|also\s+|recently\s+|just\s+|last\s+\w+\s+)*(?:rais|secur|clos|land|bag|garner|"
                           r"complet|receiv)\w*\s+(?:\w+\s+){0,2}$", re.I)
_ROUND_IN = re.compile(r"^(?:[^.;]|\.(?=\d)){0,40}?\b(?:round|investment|stake|series\s+[a-h]|funding|financing|"
                       # "a $50 million investment by Harbor Ventures in X"
                       r"seed)\s+(?:(?:by|from)\s+[^,;()]{1,40}?\s+)?"
                       r"(?:in|into|for)\s+(?:the\s+)?$|"
                       # "$335 million worth of X shares": the company whose shares are bought
                       r"^(?:[^.;]|\.(?=\d)){0,30}?\bworth\s+of\s+(?:new(?:ly\s+issued)?\s+)?$", re.I)
_LED = re.compile(r"\b(?:led|co-led|lead|leads|leading|co-lead|co-leads|co-leading|joined|joins|"
                  r"(?:participated|participates|took\s+part|takes\s+part)\s+in)\s+"
                  # a figure and its twin in brackets count as one word: "leading a 1.7 billion euro ($2 billion)"
                  r"(?:(?:[$€£]?\d[\d.,]*\s+(?:million|billion|trillion)(?:\s+(?:euros?|dollars|pounds))?|"
                  r"\([^()]{1,30}\)|[\w’'$.-]+)\s+){0,4}?"
                  r"(?:round|raise|investment|series\s+[a-h]|seed|"
                  r"financing|funding)\b", re.I)
_BASED_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?-based\b")
# "the $6.6 billion round that OpenAI closed", "The $1 billion round, which X announced on Monday": the organisation
# whose raise the relative clause names (not the round's backers before it)
_ROUND_THAT = re.compile(r"^(?:[^.;]|\.(?=\d)){0,30}?\b(?:round|raise|funding|financing|investment|"
                         r"series\s+[a-h])\s*,?\s+(?:that|which)\s+$", re.I)
_THAT_RAISED = re.compile(r"\s+(?:(?:has|had|have|just|recently|also)\s+)*(?:closed|raised|secured|announced|landed|"
                          r"completed|unveiled|disclosed|confirmed)\b", re.I)
_VALUES_ORG = re.compile(r"\bvalu(?:es|ed|ing)\s+$", re.I)
# investors named anywhere in the sentence, who are never the recipient ("The funding, led by X, values Y at")
_INVESTOR_CUES = (r"led by|co-led by|backed by|with participation from|participation of|"
                  r"(?:investment|funding|financing|backing|stake)\s+(?:by|from)")
_STRICT_INVESTOR = re.compile(
    rf"\b(?:{_INVESTOR_CUES}|investors?\b[^.;]{{0,60}}?\b(?:include|included|including|such as))\s", re.I
)
_LIST_GAP = re.compile(r"^(?:[’']s?)?\s*(?:,\s*(?:and\s+|as well as\s+|plus\s+)?|\s*and\s+|\s*as well as\s+|\s*&\s+|"
                       r"\s*,?\s*(?:with|alongside|along with)\s+(?:participation\s+from\s+)?)(?:the\s+)?$")
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|announced|announces|confirmed|confirms|wrote|writes)"
                        r"(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?\s+", re.I)
_RAISES_AFTER = re.compile(r"^\s+(?:(?:has|had|have|is|was|also|just|recently|now)\s+)*"
                           # a raise under way or planned: "is in talks to raise", "plans to raise"
                           r"(?:(?:in\s+(?:early\s+|advanced\s+|final\s+)?talks|seeking|looking|aiming|planning|"
                           r"hoping|set|poised|expected|about|plans|aims|seeks|hopes|wants|intends|looks)\s+to\s+)?"
                           r"(?:rais|secur|clos|land|bag|garner|complet)\w*\s+(?:[\w-]+\s+){0,3}$", re.I)
# between a reporter and its verb: nothing, an adverb or a date ("The FT on Tuesday reported")
_REPORTED_GAP = re.compile(r"^\s*(?:(?:also|first|later|earlier|previously|on\s+\w+day|,\s*citing\s+[^,]+,)\s*)*$",
                           re.I)
_PRONOUN_START = re.compile(r"^\s*(?:[\"“]\s*)?(?:it|they|we)\b", re.I)
# a finite verb right after a name: the name is a clause's subject ("X raised", "X has", "X said on Monday")
_CLAUSE_VERB = re.compile(r"\s+(?:has|have|had|is|was|are|were|will|would|said|says|also|recently|now|just|"
                          r"[a-z]+ed|[a-z]+es)\b")
_REPORTED_AFTER = re.compile(r"\s+(?:reported|reports|said|says|wrote|writes|noted|first\s+reported)\b")
# "Sequoia and Nvidia backed X": an active verb whose subject invests and whose object raises
_BACKED_ACTIVE = re.compile(r"(?<![-\w])(?:backed|funded|financed|bankrolled)\s+(?:the\s+)?$", re.I)
_BACKED_SUBJECT = re.compile(r"(?<![-\w])(?:backed|funded|financed|bankrolled)\s+(?!by\b)", re.I)
_INVEST_WORD = re.compile(r"\b(?:invest(?:s|ed|ing)?|backed|funded|financed|committed|pledged|poured|pumped|"
                          r"injected|(?:brought|pulled)\s+in|drew|drawn|attracted)\b", re.I)
_AUX_GAP = re.compile(r"^\s+(?:(?:has|had|have|also|recently|previously|will|would|just|is|was|are|were|agreed|"
                      r"plans|set|to|already)\s+)*$", re.I)
# "Nvidia said it invested": the organisation reporting its own investment ("it" is the speaker)
_SAID_IT_GAP = re.compile(r"^\s+(?:said|says|announced|announces|confirmed|confirms|disclosed|added)\s+"
                          r"(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?(?:it|they)\s+(?:(?:has|had|have|also|will|would|"
                          r"plans\s+to|agreed\s+to|is|was)\s+)*$", re.I)
_INVEST_VERB = re.compile(r"\b(?:invest(?:s|ed|ing)?|committ(?:ed|ing)|commits|pledg(?:ed|es|ing)|poured|pumped|"
                          # "OpenAI is contributing $8 million in funding": a backer's verbs of giving
                          r"injected|contribut(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|"
                          r"put(?:s|ting)?\s+in|chipp(?:ed|ing)\s+in)\b"
                          r"(?:[^.;]|\.(?=\d)){0,60}$", re.I)
# "X's $2B investment in Y", "a $500M stake in Y": the money goes into the organisation after "in"
_STAKE_INTO = re.compile(r"^(?:[^.;]|\.(?=\d)){0,40}?\b(?:investment|stake|bet|commitment|injection)\s+(?:in|into)\s+"
                         r"(?:the\s+)?$", re.I)
# "$4 billion in it", "$2 billion into the company": the money goes to a company the text talked about
_INTO_IT = re.compile(r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|into|to)\s+(?:it|them|the\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:company|startup|start-up|firm|lab|business|round))\b", re.I)
_STAKE_IN_BEFORE = re.compile(r"\bstake\s+in\s+(?:the\s+)?$", re.I)
_FOR_GAP = re.compile(r"\s+for\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?")
_IN_ORG = re.compile(r"^\s*(?:in(?:to)?|on|to)\s+(?:the\s+)?$", re.I)
_INVESTOR_IN = re.compile(rf"\b(?:{_INVESTOR_CUES}|"
                          r"from(?:\s+(?:investors|backers))?(?:\s+(?:including|such as|like))?|"
                          r"investors?\b[^.;]{0,60}?\b(?:include|included|including|such as|are|were|like))\s",
                          re.I)
_INVESTOR_LATER = re.compile(r"\b(?:led|co-led|(?:is|are|was|were)\s+(?:co-)?leading|(?:co-)?leads)\s+"
                             r"(?:a|the|an|this|that)\s+(?:[\w$.-]+\s+){0,3}?(?:funding\s+)?"
                             r"(?:round|raise|investment)\b|\b(?:also\s+)?(?:participated|joined|invested)\b",
                             re.I)
_SAME_ROUND = re.compile(r"^\s*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:round|deal|raise|investment|funding|"
                         r"financing)\b", re.I)
_THE_COMPANY = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:company|startup|start-up|firm|lab|business)\b", re.I)
# "According to OpenAI, the company has received $1.4 billion": the source of a report is not who raised
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
_NEXT_WORDS = frozenset({"investor", "investors", "led", "co-led", "backed", "participation", "participated",
                         "joined", "invested", "values", "valued", "valuing", "valuation", "backers", "leading",
                         "leads", "co-leading"})


# "..., and B committed $2B to the same startup": the company of the sentence's first round
_SAME_RECIPIENT = re.compile(r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|into|to|for)\s+the\s+same\s+(?:[\w-]+\s+)?"
                             r"(?:company|startup|"
                             r"start-up|firm|lab|business|developer|maker)\b", re.I)


def _same_round_lead(st: str) -> bool:
    """Whether the sentence, or the clause a reporting verb opens it with, starts with "the round" ("The round
    valued ...", "The CEO said the round valued ...")."""
    if _SAME_ROUND.match(st):
        return True
    rep = _REPORTING.search(st, 0, 80)
    return rep is not None and bool(_SAME_ROUND.match(st[rep.end():]))


def _date(ctx: DocContext, sent: int) -> DateRef | None:
    return ctx.date(sent)


def _orgs(ms: list[ResolvedMention], exclude: set[str]) -> list[ResolvedMention]:
    return [m for m in ms if m.type == "Organization" and m.key not in exclude]


def _round_event(ctx: DocContext, n: int, recipient: str, parts: tuple[Participant, ...], date: DateRef | None,
                 source: Span, rule: str, *, amount: Money | None, valuation: Money | None) -> Event:
    """The ``n``-th funding round of the document, raised by ``recipient``."""
    return Event(key=f"ev{n}", type="FundingRound", label=f"{ctx.label(recipient)} funding round", date=date,
                 participants=parts, amount=amount, valuation=valuation, source=source, rule=rule)


class _Funding:
    """The funding rounds of one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.doc.clean
        self._topic: str | bool | None = False  # False: not computed yet
        self.past_rounds: set[str] = set()  # keys of valuation-only events of an earlier round ("last valued at")
        self.rule = RAISED_AMOUNT  # the rule that found the current round's recipient
        self.events: list[Event] = []  # the rounds found so far, in text order
        self.first_backers: tuple[int, set[str]] = (-1, set())  # a sentence's first round's investors and owners

    def topic(self, exclude: set[str]) -> str | None:
        """The organisation the article is about: what "the company" and "it" refer to in a funding sentence."""
        if self._topic is False:
            self._topic = topic_org(self.ctx)
        return self._topic if self._topic not in exclude else None  # type: ignore[return-value]

    def recipient(self, sent: int, pos: int, exclude: set[str]) -> str | None:
        """The organisation that raised the money whose expression starts at ``pos``."""
        ctx, text = self.ctx, self.text
        s = ctx.sentence(sent)
        ms = ctx.mentions(sent)
        exclude = exclude | parties.currency_prefixes(ctx, ms)
        subject, inside = parties.apposed(ctx, sent, pos, exclude)
        exclude |= inside
        stake = parties.stake_in(ctx, sent, pos, exclude)
        if stake:
            self.rule = parties.STAKE_IN
            return stake[1]
        for rule, found in ((parties.VALUED_NAME, lambda: parties.valued_name(ctx, sent, pos, exclude)),
                            (parties.FOR_STARTUP, lambda: parties.for_startup(ctx, sent, pos, exclude)),
                            (parties.APPOSED_RAISER, lambda: subject),
                            (parties.INVESTED_IN_IT, lambda: parties.invested_in_it(
                                ctx, sent, pos, exclude, self._last_recipient(sent, exclude)))):
            key = found()
            if key:
                self.rule = rule
                return key
        named = self._named_beside(sent, pos, ms, exclude)
        if named:
            return named
        cs = ctx.clause_start(sent, pos)
        seg = text[cs:pos]
        verbs = list(_VERB.finditer(seg))
        if verbs:
            verb = verbs[-1]
            before_verb = text[cs:cs + verb.start()]
            rel = _RELATIVE.search(before_verb)
            if rel:
                named = parties.apposed_relative(ctx, sent, cs + rel.start(), exclude)
                if named:
                    return named  # "Granola, a note-taking app that recently raised $43M": the name apposed
                if rel.group("np"):
                    return self.topic(exclude)
                prev = _orgs([x for x in ms if x.end <= cs + rel.start() + 2], exclude)
                if prev and not text[prev[-1].end:cs + rel.start()].strip(" ,’'s"):
                    return prev[-1].key
        # "Microsoft invested $10 billion in OpenAI", "the US group has committed $13bn to OpenAI": the subject is
        # the investor, the organisation after "in"/"to" the recipient
        if _INVEST_VERB.search(seg):
            after = _orgs(ctx.mentions(sent, pos, s.end), exclude)
            for m in after:
                if _IN_ORG.match(text[m.start - 9 if m.start - 9 > pos else pos:m.start][-9:]) or \
                        re.search(r"\b(?:in|into|to)\s+(?:the\s+)?$", text[pos:m.start]):
                    return m.key
            backed = parties.backed_company(ctx, sent, pos, exclude)
            if backed:
                return backed  # "SpaceX is an xAI investor, having committed $2B": xAI
            if ctx.subject(sent, pos, ("Organization", "Person")) in exclude and not _ANAPHOR.match(seg) and \
                    not _INTO_IT.match(text, pos):
                return None  # "Microsoft expects to invest about $80B to build out data centres": in no company
        if _ANAPHOR.match(seg):
            return self._anaphor_recipient(sent, pos, cs, seg, exclude)
        if _PRONOUN_VERB.search(seg[-80:]):
            # "That was four times the valuation it fetched in January, when it raised $105 million": the company the
            # previous sentence was about
            return ctx.recent_subject(cs, ("Organization",), exclude) or self.topic(exclude)
        for m in _orgs([x for x in ms if x.end <= pos], exclude):
            if _BACKED_ACTIVE.search(text[max(s.start, m.start - 20):m.start]):
                return m.key  # "Sequoia and Nvidia backed X in a $300 million round"
        subj = ctx.subject(sent, pos, ("Organization", "Person"))
        if subj and ctx.type_of(subj) == "Organization" and subj not in exclude:
            reported = self._reported(sent, subj, pos, exclude)
            if reported:
                return reported  # "The Information reported that X raised": the name after the reporting verb
            if self._reports_anaphor(sent, subj, pos):
                return None  # "The FT reported that the round values the company at": the round talked about
            m = next((x for x in ms if x.key == subj and x.end <= pos), None)
            if m is not None and _BASED_AFTER.match(text, m.end):
                # "The Reno, Nevada-based company ... raised": the name is the place of the company talked about
                return self.topic(exclude | {subj}) or None
            return subj
        for_org = parties.for_startup(ctx, sent, pos, exclude, loose=True)
        if for_org:
            return for_org
        before = _orgs(ctx.mentions(sent, s.start, pos), exclude)
        poss = [m for m in before if m.possessive]
        if poss:
            return poss[-1].key
        if re.search(r"\b(?:the|its)\s+(?:[\w-]+\s+){0,2}(?:company|startup|firm|venture|lab)\b", text[s.start:s.end],
                     re.I):
            return described(self.ctx, text[s.start:pos], s.start, exclude) or self.topic(exclude) or \
                ctx.recent_subject(s.start, ("Organization",), exclude)
        heads = [m for m in before if ctx.is_head(m)]
        return heads[0].key if heads else None

    def _named_beside(self, sent: int, pos: int, ms: list[ResolvedMention], exclude: set[str]) -> str | None:
        """The organisation named right beside the money at ``pos`` as the one raising it: the last one before it
        (a stake's company, a possessive, the object of "values", the subject of a raise verb) or the first after the
        round ("a $20M Series A in X"); None where none is."""
        ctx, text = self.ctx, self.text
        s = ctx.sentence(sent)
        # "took a 49% stake in X for $14.3 billion": the company the stake is in
        for m in reversed(_orgs([x for x in ms if x.end <= pos], exclude)):
            if _FOR_GAP.fullmatch(text, m.end, pos) and _STAKE_IN_BEFORE.search(text, max(s.start, m.start - 20),
                                                                               m.start):
                return m.key
            break
        # "Y led X's $75M round" (but "X's $2B investment in Y": Y raises)
        for m in reversed(_orgs([x for x in ms if x.end <= pos], exclude)):
            if m.possessive and _POSS_GAP.match(text[m.end:pos]):
                into = next((x for x in _orgs(ctx.mentions(sent, pos, s.end), exclude)
                             if _STAKE_INTO.match(text[pos:x.start])), None)
                return into.key if into else m.key
            break
        # "a $20M Series A in X", "values X at $2B": the organisation named right after the round or the verb
        for m in _orgs(ctx.mentions(sent, pos, s.end), exclude):
            if _ROUND_IN.search(text[pos:m.start]) or \
                    (_ROUND_THAT.search(text[pos:m.start]) and _THAT_RAISED.match(text, m.end)) or \
                    (_VALUES_ORG.search(text[max(pos, m.start - 12):m.start]) and ";" not in text[pos:m.start]):
                return m.key  # "The $1 billion round, led by Sequoia, values X at $10 billion"
            break
        for m in reversed(_orgs([x for x in ms if x.end <= pos], exclude)):
            if _VALUES_ORG.search(text[max(s.start, m.start - 30):m.start]):
                return m.key
            break
        # "..., and Y raised $50M": the organisation right before the raise verb
        for m in reversed(_orgs([x for x in ms if x.end <= pos], exclude)):
            if ctx.is_head(m) and _RAISES_AFTER.match(text[m.end:pos]):
                return m.key
            break
        return None

    def _anaphor_recipient(self, sent: int, pos: int, cs: int, seg: str, exclude: set[str]) -> str | None:
        """The company "it", "the startup" or "the company" raising the money at ``pos`` refers to (the clause
        ``seg`` from ``cs`` opens with one)."""
        ctx = self.ctx
        startup = described(self.ctx, seg, cs, exclude)
        if startup:
            return startup  # "Mira Murati's AI startup X ... The startup closed a $2B round": that startup
        # "..., when it raised $105 million": the round's company just reported, the article's company, else the
        # organisation just talked about
        subj = ctx.subject(sent, pos, ("Organization",))
        return sole_previous(self.ctx, sent, cs, exclude) or self._last_recipient(sent, exclude) or \
            parties.it_subject(ctx, sent, cs, exclude) or self.topic(exclude) or \
            (subj if subj not in exclude else None) or ctx.recent_subject(cs, ("Organization",), exclude) or \
            parties.previous_subject(ctx, sent, exclude)

    def _last_recipient(self, sent: int, exclude: set[str]) -> str | None:
        """The recipient of the latest round reported in the two sentences before ``sent`` ("X raised $150M. The
        company is now valued at $2B": X), if not excluded."""
        ev = self.events[-1] if self.events else None
        if ev is None or not sent - 2 <= self.ctx.sentence_at(ev.source.start) < sent:
            return None
        rec = ev.participants[0].entity
        return rec if rec not in exclude else None

    def _right_before_verb(self, s: Sentence, st: str, anchor: int) -> list[str]:
        """The organisations written right before the last "invested"/"backed" ahead of the money ("A and B
        backed"), first to last; empty when the verb follows no name."""
        verbs = list(_INVEST_WORD.finditer(st, 0, anchor))
        if not verbs:
            return []
        v = s.start + verbs[-1].start()
        before = [m for m in self.ctx.mentions(s.index, s.start, v) if m.type != "Group"]
        if not before or before[-1].type != "Organization" or before[-1].possessive or \
                not (_AUX_GAP.match(self.text[before[-1].end:v]) or _SAID_IT_GAP.match(self.text[before[-1].end:v])):
            return []
        out = [before[-1]]
        for m in reversed(before[:-1]):
            if m.type != "Organization" or not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)",
                                                            self.text[m.end:out[0].start]):
                break
            out.insert(0, m)
        return [m.key for m in out]

    def _reported(self, sent: int, subj: str, pos: int, exclude: set[str]) -> str | None:
        """The organisation named after a reporting verb that follows the subject ("X reported that Y raised")."""
        ctx, text = self.ctx, self.text
        first = next((m for m in ctx.mentions(sent) if m.key == subj and m.end <= pos), None)
        if first is None:
            return None
        reps = list(_REPORTING.finditer(text, first.end, pos))
        if not reps:
            return None
        rep = reps[-1]
        # only the subject of the raise itself: "X said Microsoft would invest $10B in the company" names an investor
        later = [m for m in _orgs(ctx.mentions(sent, rep.end(), pos), exclude | {subj})
                 if ctx.is_head(m) and _RAISES_AFTER.match(text[m.end:pos])]
        return later[0].key if later else None

    def _reports_anaphor(self, sent: int, subj: str, pos: int) -> bool:
        """Whether the subject only reports a clause about "the round", "the company" or "it" ("X reported that the
        round values the company at"): the reporter is not the company that raised."""
        first = next((m for m in self.ctx.mentions(sent) if m.key == subj and m.end <= pos), None)
        reps = list(_REPORTING.finditer(self.text, first.end, pos)) if first is not None else []
        if not reps or not _REPORTED_GAP.match(self.text[first.end:reps[0].start()]):  # type: ignore[union-attr]
            return False
        rest = self.text[reps[-1].end():pos]
        # "X announced it had raised": a pronoun after the verb is the reporter itself
        return bool(_SAME_ROUND.match(rest) or (_ANAPHOR.match(rest) and not _PRONOUN_START.match(rest)))

    def investors(self, sent: int, start: int, exclude: set[str],
                  cues: re.Pattern[str] = _INVESTOR_IN) -> list[str]:
        """Organisations named after an investor cue ("led by", "from investors including") from ``start`` on."""
        ctx = self.ctx
        s = ctx.sentence(sent)
        out: list[str] = []
        for cue in cues.finditer(self.text, start, s.end):
            # the list right after the cue: "led by A, with B, C and D" — not every name up to the full stop
            prev = cue.end()
            fronted = not self.text[s.start:cue.start()].strip(" \"“'‘")
            for m in ctx.mentions(sent, cue.end(), s.end):
                gap = self.text[prev:m.start]
                if (prev != cue.end() and not _LIST_GAP.match(gap)) or (prev == cue.end() and len(gap) > 40):
                    break
                if fronted and gap.strip() == "," and _CLAUSE_VERB.match(self.text, m.end):
                    break  # "Backed by Nvidia, X raised $600M": the name after the phrase is the raise's subject
                prev = m.end
                if _REPORTED_AFTER.match(self.text, m.end):
                    break  # "from investors including Microsoft, Bloomberg reported": the outlet
                if m.type == "Organization" and m.key not in exclude and ctx.is_head(m) and m.key not in out:
                    out.append(m.key)
        return out

    def run(self) -> list[Event]:
        """All funding rounds, merged per recipient and amount, with investors of the next sentences."""
        ctx = self.ctx
        events: list[Event] = self.events
        for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
            if words.isdisjoint(_FUNDING_WORDS):
                continue
            st = ctx.stext(s.index)
            if (not _MONEY_HINT.intersection(st) and "half a" not in st) or not _FUNDING_CUE.search(st):
                continue
            monies = parse_money(st)
            if not monies or self._respective(s, monies):
                continue
            for i, (amount, valuation, total) in enumerate(classify(st, monies)):
                self._round(s, st, (amount, valuation, total), events, first=i == 0)
        merged = merge_rounds(events, self.past_rounds)
        self.attach_later(merged)
        return merged + backed_rounds(ctx, merged)

    def _round(self, s: Sentence, st: str, monies: RoundFigures,
               events: list[Event], *, first: bool) -> None:
        """The events of one round of a sentence (the first it reports, or an earlier one it compares), appended to
        ``events``."""
        ctx = self.ctx
        amount, valuation, total = monies
        anchor = amount or valuation or total
        assert anchor is not None
        # the investors named before the money belong to the sentence's first round
        investors = self.investors(s.index, s.start, set(), _STRICT_INVESTOR) if first else []
        # "Sequoia led the round": the subject of "led" is an investor, never the recipient
        led = _LED.search(st) if first else None
        if led:
            # the clause's subject and the names listed with it ("X and Y co-led"), and the names right before the
            # verb ("Harbor Group's Harbor Fund 2 led"); not every name of the clause ("X became the largest
            # shareholder in Y after leading ...": Y raised)
            cs = ctx.clause_start(s.index, s.start + led.start())
            ms = ctx.mentions(s.index, cs, s.start + led.start())
            subj = ctx.subject(s.index, s.start + led.start(), ("Organization", "Person"))
            near = parties.right_before(ctx, ms, s.start + led.start())
            listed = [subj, *parties.listed_with(ctx, ms, subj, set())] if subj else []
            investors += [k for k in dict.fromkeys(listed + near) if k not in investors]
        if _INVEST_VERB.search(st[:anchor.start]) or (first and _BACKED_SUBJECT.search(st[:anchor.start])):
            # "X's valuation rose after Nvidia invested $500M": the name right before the verb invests
            named = self._right_before_verb(s, st, anchor.start)
            subj = named[-1] if named else ctx.subject(s.index, s.start + anchor.start, ("Organization", "Person"))
            cs = ctx.clause_start(s.index, s.start + anchor.start)
            if subj and not _ANAPHOR.match(self.text[cs:s.start + anchor.start]):
                investors += [k for k in [*named[:-1], subj] if k not in investors]
        stake = parties.stake_in(ctx, s.index, s.start + anchor.start, set())
        if stake and stake[0] not in investors:
            investors.append(stake[0])  # "SoftBank's total investment in OpenAI": SoftBank invests
        self.rule = RAISED_AMOUNT
        sources = {m.key for m in ctx.mentions(s.index) if _ACCORDING_TO.search(self.text, max(s.start, m.start - 16),
                                                                                 m.start)}
        backers = set(investors) | self._owners(s.index, investors)
        if first:
            self.first_backers = (s.index, backers)
        elif self.first_backers[0] == s.index:
            # "... after SoftBank's Vision Fund 2 led a $639M round, and then $6.7B a year later": the backers of the
            # sentence's first round and their owners do not raise the next one
            backers |= self.first_backers[1]
        recipient = self.recipient(s.index, s.start + anchor.start, backers | sources)
        part = PART_BEFORE.search(st, 0, anchor.start)
        if not first and events and (_SAME_RECIPIENT.match(st, anchor.end) or part):
            recipient = None  # "..., and B committed $2B to the same startup": the sentence's first round's company
        elif first and events and _same_round_lead(st) and _THE_COMPANY.search(st):
            # "The round valued the company at $12B", "X said the round valued the company at $1B": the company of
            # the round just reported
            recipient = None
        if recipient is None and (not first or _same_round_lead(st) or self._reports_round(s, st)) and events:
            # "The round brings total funding to €71M, following a €23M Series A": the last round's company, which
            # for the second round of a sentence is its first round's
            recipient = next((p.entity for p in events[-1].participants if p.role == "recipient"), None)
            investors = [k for k in investors if k != recipient]
        if recipient is None:
            return
        investors += [k for k in self.investors(s.index, s.start + anchor.end, {recipient}) if k not in investors]
        investors = [k for k in investors if k != recipient]
        parts = [Participant(role="recipient", entity=recipient)]
        parts += [Participant(role="investor", entity=k) for k in investors if k != recipient]
        date = _date(ctx, s.index)
        past = amount is None and valuation is not None and \
            past_value(st[max(0, valuation.start - 70):valuation.start], st[valuation.end:valuation.end + 50])
        for money, val in ((amount, valuation), (total, None)) if amount else ((total or valuation, valuation),):
            if money is None:
                continue
            if past:
                self.past_rounds.add(f"ev{len(events)}")
            is_amount = money is not val
            events.append(_round_event(ctx, len(events), recipient, tuple(parts), date,
                                       ctx.span(s.start + money.start, s.start + money.end, s.index), self.rule,
                                       amount=money.money if is_amount else None,
                                       valuation=val.money if val else None))

    def _respective(self, s: Sentence, monies: list[MoneyMatch]) -> bool:
        """The rounds of a list of figures "respectively" ends, one for each of the organisations listed before it
        ("Udio and Suno had raised $10 million and $125 million respectively"); False when there is none."""
        found = respective(self.ctx.stext(s.index), monies)
        if found is None:
            return False
        figures, valuations = found
        ms = self.ctx.mentions(s.index, s.start, s.start + figures[0].start)
        keys = list(dict.fromkeys(m.key for m in _orgs(ms, parties.currency_prefixes(self.ctx, ms))
                                  if self.ctx.is_head(m)))
        if len(keys) < len(figures):
            return False
        for key, mm in zip(keys[-len(figures):], figures, strict=True):
            amount, valuation = (None, mm.money) if valuations else (mm.money, None)
            self.events.append(_round_event(self.ctx, len(self.events), key,
                                            (Participant(role="recipient", entity=key),), _date(self.ctx, s.index),
                                            self.ctx.span(s.start + mm.start, s.start + mm.end, s.index), RESPECTIVE,
                                            amount=amount, valuation=valuation))
        return True

    def _owners(self, sent: int, investors: list[str]) -> set[str]:
        """Organisations written as an investor's owner ("SoftBank's Vision Fund 2 led"): never the recipient."""
        ms = self.ctx.mentions(sent)
        return {a.key for a, b in pairwise(ms) if a.possessive and b.key in investors and
                re.fullmatch(r"[’']s?\s+", self.text[a.end:b.start])}

    def _reports_round(self, s: Sentence, st: str) -> bool:
        """Whether the sentence's subject reports something about "the round" or "the company"."""
        subj = self.ctx.subject(s.index, s.end, ("Organization", "Person"))
        return subj is not None and self._reports_anaphor(s.index, subj, s.end)

    def attach_later(self, events: list[Event]) -> None:
        """Valuations and investors stated in the sentences after a round ("The round values X at ...")."""
        ctx = self.ctx
        if not events:
            return
        firsts = [ctx.sentence_at(ev.source.start) for ev in events]
        # the latest round stated in each sentence: a sentence looks up the two before it, not every round
        latest = {si: i for i, si in enumerate(firsts)}
        for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
            if words.isdisjoint(_NEXT_WORDS):
                continue
            target = max((latest[si] for si in range(s.index - 2, s.index + 1) if si in latest), default=None)
            if target is None:
                continue
            ev = events[target]
            st = ctx.stext(s.index)
            have = {p.entity for p in ev.participants}
            recipient = ev.participants[0].entity
            if ev.valuation is None and s.index != firsts[target]:
                vals = [mm for mm in parse_money(st) if (VALUATION_BEFORE.search(st[max(0, mm.start - 70):mm.start])
                        or VALUATION_AFTER.match(st[mm.end:mm.end + 50]))
                        and not past_value(st[max(0, mm.start - 70):mm.start], st[mm.end:mm.end + 50])]
                mentioned = {m.key for m in ctx.mentions(s.index)}
                if vals and (recipient in mentioned or _SAME_ROUND.match(st) or _ANAPHOR.match(st)) and \
                        not (mentioned - {recipient}) & {m.key for m in _orgs(ctx.mentions(s.index), have)
                                                          if VALUATION_BEFORE.search(st)}:
                    ev = ev.model_copy(update={"valuation": vals[0].money})
            new: list[str] = []
            if s.index != firsts[target]:
                new = self.investors(s.index, s.start, have)
            for m in _INVESTOR_LATER.finditer(st):
                cs = ctx.clause_start(s.index, s.start + m.start())
                new += [x.key for x in _orgs(ctx.mentions(s.index, cs, s.start + m.start()), have)
                        if ctx.is_head(x) and not x.possessive and x.key not in new]
            if new:
                ev = ev.model_copy(update={"participants": ev.participants + tuple(
                    Participant(role="investor", entity=k) for k in dict.fromkeys(new) if k not in have)})
            events[target] = ev


def extract_funding(ctx: DocContext) -> list[Event]:
    """The FundingRound events of a document (local keys; the events stage renumbers them)."""
    return _Funding(ctx).run()
