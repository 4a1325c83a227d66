"""Stage helper: the money figures of a funding sentence sorted into rounds, each one's amount, valuation and
running total ("$200M at $1.5B, after raising $50M at $400M": two rounds)."""

from __future__ import annotations

import re
from itertools import pairwise

from loaders.extract.funding_money import VALUATION_BEFORE, past_value, restated_value, round_figures
from loaders.extract.quantities import MoneyMatch

# (amount, valuation, running total) of one round; any may be missing
RoundFigures = tuple[MoneyMatch | None, MoneyMatch | None, MoneyMatch | None]

# a figure a valuation follows ("a $2B post-money valuation"; funding.py reads it in later sentences too)
VALUATION_AFTER = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?valuation", re.I)
# the approximations most figures here may follow ("about $2B", "nearly $1B"): each pattern adds its own extras
_NEAR = r"(?:about|around|roughly|nearly)\s+"
# a running total ("bringing its total funding to"), a sum that is no raise ("revenue of"), a raise's own words
_TOTAL_BEFORE = re.compile(r"\btotal\b[^$€£¥₹.;]{0,40}?\b(?:to|of|at)\s*$|\bin\s+total\s*$|\baltogether\s*$", re.I)
_NOT_FUNDING = re.compile(r"(?:price|priced at|cost|costs|revenue|revenues|sales|profit|loss|losses|spend|spent|"
                          r"salary|fine|fined|deal worth|acquir\w+|bought|buy|paid|pay|budget|market cap\w*|capex|"
                          r"subscription|charges?|income|earnings|penalty|settlement)\s*(?:of\s+)?(?:a\s+|an\s+)?$",
                          re.I)
# "backed OpenAI with $1 billion", "The round, worth €600 million, values X at": a backer's money, a round's size
_BACKED_WITH = re.compile(r"\b(?:backed|funded|financed|bankrolled|seeded)\s+[^.;$€£¥₹]{1,40}?\s+with\s+"
                          rf"(?:{_NEAR}|another\s+|an\s+additional\s+)?$|"
                          r"\b(?:round|raise|investment|financing|funding)\s*,?\s+worth\s+$", re.I)
# a company's own bonds or shares sold: "sold $27.3 billion in bonds to investors", "issued $2 billion of notes"
_SOLD_SECURITIES = re.compile(r"^\s*(?:(?:in|of)\s+(?:new\s+|senior\s+|corporate\s+|convertible\s+)?"
                              r"(?:bonds|notes|debt|shares|stock)|(?:worth\s+of\s+)?(?:new\s+)?shares)\b", re.I)
_SOLD_BEFORE = re.compile(r"\b(?:sold|sells|selling|issued|issues|issuing)\s+"
                          rf"(?:{_NEAR}|more\s+than\s+)?$", re.I)
# a figure raised that is no money taken in: "raised its revenue forecast to $4.6B", "raising its spending target by
# $15bn"; a figure of market value or sales ("wiping out $900 billion in market value")
_NOT_FUNDING_RAISE = re.compile(r"\b(?:forecast|target|guidance|outlook|estimate|projection|prices?|bid|offer|"
                                rf"budget)s?\s+(?:to|by|of|from)\s+(?:{_NEAR})?$", re.I)
_NOT_FUNDING_AFTER = re.compile(r"^\s+(?:in|of)\s+(?:(?:stock\s+)?market\s+(?:value|capitali[sz]ation|cap)|revenue|"
                                r"sales|profits?|losses)\b", re.I)
_AMOUNT_BEFORE = re.compile(r"(?:rais\w*|secur\w+|clos\w+|land\w*|bag\w+|garner\w+|backing|funding|financing|"
                            r"investment|invest\w*|round|injection|infusion|pour\w*|pump\w*|inject\w*|"
                            r"committ(?:ed|ing)|commits|pledg(?:ed|es|ing)|contribut(?:ed|es|ing)|donat(?:ed|es|ing))\b"
                            r"[^.;$€£¥₹]{0,40}$", re.I)
_AMOUNT_AFTER = re.compile(r"^\s*(?:in\s+(?:new\s+|fresh\s+|additional\s+)?(?:seed\s+|series\s+[a-h]\s+|venture\s+|"
                           r"equity\s+|growth\s+)?(?:funding|financing|capital|investment|equity|a\s+round|"
                           r"venture)|(?:[\w-]+\s+){0,2}(?:funding|financing|seed|series|round|investment|raise|"
                           # a listing's proceeds: "its HKD6 billion (USD769 million) initial public offering"
                           r"IPO|initial\s+public\s+offering|listing|share\s+(?:sale|offering)|flotation)\b|"
                           # "the $40 billion it raised in March": the sum a relative clause says was raised
                           r"(?:that\s+|which\s+)?(?:it|they|the\s+company)\s+(?:has\s+|had\s+|just\s+|recently\s+)*"
                           r"(?:raised|secured|closed|landed)\b)",
                           re.I)
# a share price's move: the valuations of its sentence are market values, not a round's
_SHARE_MOVE = re.compile(r"\b(?:shares|stock|stocks)\b[^.;]{0,60}?\b(?:rose|fell|jumped|climbed|dropped|slid|surged|"
                         r"soared|sank|closed|gained|lost|traded|tumbled|plunged|rallied)\b", re.I)
# words that start the report of another round: a valuation and an amount on both sides of one belong to two rounds
_OTHER_ROUND = re.compile(r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b|\b(?:previous|prior|earlier|last)\s+"
                          r"(?:round|raise|funding|valuation)\b|\bafter\s+raising\b|\bfollowing\s+(?:a|its)\b|"
                          r"\b(?:a\s+year|months)\s+(?:earlier|ago|later)\b|\band\s+then\b|;|,\s+(?:while|whereas)\b|"
                          r",\s+and\s+(?:another\s+)?(?=(?:US)?[$€£¥₹]\s?\d[^.;]{0,40}?\b(?:series|round|seed)\b)|"
                          # "agreed to invest $100B in X, days after pledging $5B to Y": Y's own round
                          r",\s+(?:\w+\s+){0,2}(?:after|before)\s+(?=(?:pledging|investing|committing)\b)|"
                          # "..., after a $105M round at $2.5B in January"
                          r"\b(?:after|before)\s+(?:a|an|its)\s+(?=(?:US)?[$€£¥₹]\s?\d[^.;$€£¥₹]{0,30}?\b(?:round|raise|"
                          r"series|seed|funding)\b)|"
                          # "$100M in January at a $1.5B valuation and $300M in June at $3B"
                          r",?\s+and\s+(?=(?:US)?[$€£¥₹]\s?\d[\w.]*(?:\s+(?:million|billion|trillion))?(?:\s+(?:in|last|this)\s+"
                          r"\w+(?:\s+\d{4})?,?)?\s+at\s+(?:a\s+|an\s+)?(?:US)?[$€£¥₹]\s?\d)",
                          re.I)
# a round the sentence names inside a running total: "raised at least $220M, including $133M in July 2024 from ..."
# ("raised about $100M in 12 months, most recently a $60M Series C")
_PART_CUE = r",\s+(?:including|among\s+them|of\s+which|most\s+recently|(?:the\s+)?latest\s+(?:being\s+)?)"
_PART_ROUND = re.compile(rf"{_PART_CUE}\s*(?:a\s+|an\s+)?(?=(?:US)?[$€£¥₹]\s?\d)", re.I)
PART_BEFORE = re.compile(rf"{_PART_CUE}\s*(?:a\s+|an\s+)?$", re.I)
# another party's own round after a clause break: "A invested $4B in X, and B committed $2B to ...", "X raised $100M,
# and Y raised $50M at a $400M valuation"
_NEW_INVESTOR = re.compile(r"(?:[,;]\s+(?:and|while|whereas|but)|\s+(?:while|whereas))\s+"
                           r"(?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*"
                           r"(?:\s*,\s+(?:a|an|the)\s+[^,;]{1,40},)?\s+(?:(?:has|had|also|later|"
                           r"then|separately|itself)\s+)*(?:agreed\s+to\s+invest|committed|commits|pledged|pledges|"
                           r"invested|invests|poured|put|raised|raises|secured|secures|closed|closes|landed|lands)\b")
# an amount written with its round's name right after it ("$21 million Series A", "a $5 million seed round")
_NAMED_ROUND = re.compile(r"\s+(?:(?:pre-?)?seed\s+(?:round|funding)|[Ss]eries\s+[A-H]\b)")
# "X has received $8 billion from Amazon": money received from someone (not revenue, not a fine)
_RECEIVED_BEFORE = re.compile(rf"\breceiv(?:ed|es|ing)\s+(?:{_NEAR}|more\s+than\s+|"
                              r"over\s+|up\s+to\s+|an?\s+)?$", re.I)
_FROM_AFTER = re.compile(r"^\s+(?:(?:in|of)\s+(?:new\s+)?(?:funding|investment|financing|capital|backing)\s+)?from\s+"
                         r"(?:the\s+)?[A-Z]")
_FROM_INVESTORS = re.compile(r"^\s+from\s+(?:(?:new|existing|its|their|private|institutional|outside)\s+)?"
                             r"(?:investors|backers|venture\s+capitalists|shareholders)\b", re.I)
# "X has drawn $75 million from investors" (not "brought in $2B from Apple in fees"): money taken from backers
_DRAWN_BEFORE = re.compile(r"\b(?:(?:brought|pulled|took)\s+in|dr(?:ew|awn)|attracted)\s+(?:about\s+|around\s+|"
                           r"roughly\s+|nearly\s+|more\s+than\s+|over\s+|an?\s+)?$", re.I)
# a stake bought: "agreed to buy $335 million worth of X shares", "took a 49% stake in X for $14.3 billion" (a purchase
# of the company's own shares is its round; "buy" alone is no raise)
_BUY = r"(?:buy|buys|buying|bought|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|tak(?:e|es|ing)|took)"
_SHARES_AFTER = re.compile(r"^\s*(?:worth\s+)?of\s+(?:new(?:ly\s+issued)?\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}"
                           r"(?:shares|stock|equity)\b")
_STAKE_FOR = re.compile(rf"\b{_BUY}\s+(?:an?\s+)?(?:[\w%.-]+\s+){{0,3}}?stake\s+in\s+[^.;$€£¥₹]{{1,50}}?\s+for\s+"
                        rf"(?:{_NEAR}|some\s+)?$", re.I)
_BUY_BEFORE = re.compile(rf"\b{_BUY}\s+(?:{_NEAR}|up\s+to\s+)?$", re.I)
# "$200 million at $1.5 billion": a sum, then the valuation it was raised at
# (a time may stand between: "$300 million in June at $3 billion")
_WHEN = r"(?:\s+(?:in|last|this)\s+\w+(?:\s+\d{4})?,?)?"
# "at a valuation of about": what stands between a sum and the valuation it was raised at
_AT = r"\s+at\s+(?:a\s+|an\s+)?(?:valuation\s+of\s+)?(?:about\s+|around\s+|roughly\s+)?"
_AT_VALUATION = re.compile(rf"^{_WHEN}{_AT}(?:US)?[$€£¥₹]\s?\d")
_AT_BEFORE = re.compile(rf"\d[\w.]*(?:\s+(?:thousand|million|billion|trillion))?"
                        rf"(?:\s+(?:funding\s+|seed\s+)?(?:round|raise|investment)|\s+[Ss]eries\s+[A-H])?"
                        rf"{_WHEN}{_AT}(?:US)?$")


# an investor's share of a round named right after it: "committed $2B as part of a $5B equity round", "$1.2B of the
# record $6.6B round"
_SHARE_OF = re.compile(r"\s+(?:as\s+(?:its\s+|their\s+)?(?:part|share)\s+of|of)\s+(?:a|an|the|its|their)\s+"
                       r"(?:(?:new|record|latest|total|larger|wider|overall)\s+)?", re.I)


def _without_shares(st: str, kept: list[MoneyMatch]) -> list[MoneyMatch]:
    """The figures of a sentence less an investor's share written before the round it is part of."""
    return [mm for mm, nxt in zip(kept, [*kept[1:], None], strict=False)
            if nxt is None or not (_SHARE_OF.fullmatch(st, mm.end, nxt.start) and
                                   _AMOUNT_AFTER.match(st[nxt.end:nxt.end + 50]))]


# "had raised $10 million and $125 million respectively": one figure for each of the names listed before
_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
_AND_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def respective(st: str, monies: list[MoneyMatch]) -> tuple[list[MoneyMatch], bool] | None:
    """The figures of a list that "respectively" ends, and whether they are valuations ("valued at $1B and $2B
    respectively") rather than amounts raised; None when the sentence has no such list."""
    kept = round_figures(st, monies)
    for j, mm in enumerate(kept):
        if not _RESPECTIVELY.match(st, mm.end):
            continue
        i = j
        while i > 0 and _AND_GAP.fullmatch(st, kept[i - 1].end, kept[i].start):
            i -= 1
        before = st[max(0, kept[i].start - 70):kept[i].start]
        if i == j or not (VALUATION_BEFORE.search(before) or _AMOUNT_BEFORE.search(before)):
            return None
        return kept[i:j + 1], bool(VALUATION_BEFORE.search(before))
    return None


def classify(st: str, monies: list[MoneyMatch]) -> list[RoundFigures]:
    """(amount, valuation, running total) of each round a sentence reports: the first, and another one started
    by "up from", "after raising", "in its previous round" ("$200M at $1.5B, after raising $50M at $400M")."""
    kept = _without_shares(st, round_figures(st, monies))
    if not kept or (_SHARE_MOVE.search(st) and not any(_AMOUNT_BEFORE.search(st[max(0, mm.start - 70):mm.start])
                                                        or _AMOUNT_AFTER.match(st[mm.end:mm.end + 50])
                                                        for mm in kept)):
        return []  # "Shares of X rose 5% to $950, valuing the company at $2.3 trillion": a market value
    named = [mm for mm in kept if _NAMED_ROUND.match(st, mm.end)]
    if len(named) > 1:
        # "from a $5M seed round to a $21M Series A and an $80M Series B at $715M": a round for each name
        bounds = [0, *(mm.start for mm in named[1:]), len(st)]
        rounds = [_one_round(st, [mm for mm in kept if lo <= mm.start < hi])
                  for lo, hi in pairwise(bounds)]
        return [r for r in rounds if any(r)]
    split = min((m for m in (_OTHER_ROUND.search(st, kept[0].end), _NEW_INVESTOR.search(st, kept[0].end),
                             _PART_ROUND.search(st, kept[0].end)) if m),
                key=lambda m: m.start(), default=None)
    cut = split.start() if split else len(st)
    rounds = [_one_round(st, [mm for mm in kept if mm.start < cut]),
              _one_round(st, [mm for mm in kept if mm.start >= cut], previous=split)]
    if split is not None and split.re is _PART_ROUND and rounds[0][0] is None:
        rounds.pop()  # "paid $7B in settlements, including a $5B penalty": a part of no raise is none
    return [r for r in rounds if any(r)]


def _one_round(st: str, monies: list[MoneyMatch], previous: re.Match[str] | None = None) -> RoundFigures:
    """The amount, the valuation and a running total among the money expressions of one round."""
    amount = valuation = total = None
    valuations: list[MoneyMatch] = []
    past: list[MoneyMatch] = []
    for mm in monies:
        before, after = st[max(0, mm.start - 70):mm.start], st[mm.end:mm.end + 50]
        if valuation is not None and (restated := restated_value(st, valuation, mm)) is not None:
            valuation = restated  # "at $10B before the investment, or about $12B": one valuation, twice
        elif amount is None and (_BACKED_WITH.search(before) or (_SOLD_BEFORE.search(before) and
                                                                  _SOLD_SECURITIES.match(after))):
            amount = mm
        elif amount is None and (_AT_VALUATION.match(after) or (previous is not None and
                                                               PART_BEFORE.search(st, 0, mm.start))):
            amount = mm  # "and then $200 million at $1.5 billion": an amount, its valuation after "at"
        elif past_value(before, after):
            past.append(mm)  # "X, last valued at $10B, is raising $2B": another round's valuation
        elif VALUATION_BEFORE.search(before) or VALUATION_AFTER.match(after) or \
                (amount is not None and _AT_BEFORE.search(before)) or \
                (previous is not None and mm.start - previous.end() < 3 and "valu" in st[:previous.start()] and
                 previous.group(0).lower().startswith(("up", "down", "compared", "and"))):
            valuation = valuation or mm  # "values X at $2B, up from $1B": the earlier valuation
            valuations.append(mm)
        elif _TOTAL_BEFORE.search(before):
            total = total or mm
        elif (_BUY_BEFORE.search(before) and _SHARES_AFTER.match(after)) or _STAKE_FOR.search(before):
            amount = amount or mm  # a stake bought in the company: its round
        elif _NOT_FUNDING.search(before[-30:]) or _NOT_FUNDING_RAISE.search(before) or \
                _NOT_FUNDING_AFTER.match(after):
            continue
        elif _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after) or \
                (_RECEIVED_BEFORE.search(before) and (_FROM_AFTER.match(after) or
                                                      _FROM_INVESTORS.match(after))) or \
                (_DRAWN_BEFORE.search(before) and _FROM_INVESTORS.match(after)):
            amount = amount or mm
    if amount is not None and len(valuations) > 1 and valuations[0].start < amount.start:
        # "X, valued at $10B last year, is raising $1B at a $20B valuation": the one stated with the amount
        valuation = next((v for v in valuations if v.start > amount.start), valuation)
    if past and amount is None and valuation is None and total is None:
        valuation = past[0]  # a sentence about that earlier valuation alone reports it (kept apart in _merge)
    return amount, valuation, total
