"""Money figures of funding sentences: the USD figure a text gives beside another currency, valuations, the
valuations of earlier rounds, and the merging of one round reported several times."""

from __future__ import annotations

import dataclasses
import re

from kg.model import Event, Money
from loaders.extract.quantities import MoneyMatch

# "valued at", "valuing it at", "values the company at", "a valuation of", "worth"
VALUATION_BEFORE = re.compile(r"(?:\bvalu(?:ed|es|ing|ation)\b[^$€£¥₹.;]{0,50}?\b(?:at|of|to|around|about)|"
                              r"\bworth)\s*$", re.I)
# a month or season after "last": "valued at $2.7 billion last September"
_PERIOD = (r"(?:spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|"
           r"October|November|December)")
# a valuation of an earlier round: "last valued at $10B", "a year after it was valued at", "$10B in its previous round"
_PAST_VALUE_BEFORE = re.compile(r"\b(?:(?:last|previously|once|formerly)\s+valued|after\s+(?:it\s+was|being)\s+valued)"
                                r"\b[^$€£¥₹.;]{0,20}$", re.I)
_PAST_VALUE_AFTER = re.compile(rf"^\s*(?:(?:in|at|during)\s+(?:its|a|the|their)\s+(?:previous|prior|earlier|last)\s+"
                               rf"(?:funding\s+)?(?:round|raise|funding)|(?:in\s+)?(?:last|the\s+previous)\s+"
                               rf"(?:year|{_PERIOD})|"
                               r"(?:a\s+year|\w+\s+months|\w+\s+years)\s+(?:ago|earlier))\b", re.I)
# rounds are larger than this; a figure with "a share" after it is a share price
_MIN_ROUND = 100_000
_PER_SHARE = re.compile(r"^\s*(?:(?:a|per|each)\s+(?:share|unit|ADS|ADR)\b|apiece\b|each\b)", re.I)
# an approximation before a figure: "about", "more than"
_ABOUT = r"(?:about|around|roughly|approximately|some|nearly|almost|close\s+to|more\s+than|over)"
# the USD figure a text gives beside another currency: "€500m ($540m)", "HK$780 million (US$100 million)"
_TWIN_GAP = re.compile(rf"^\s*(?:\(|,|—|–|-)?\s*(?:or\s+|(?:equivalent|equal)\s+to\s+|worth\s+)?{_ABOUT}?\s*$",
                       re.I)
# the USD twin written a few words later: "HK$4.3 billion in its listing, or about US$560 million", "€500 million in
# new funding (about $540 million)"
_TWIN_LATE = re.compile(rf"^[^$€£¥₹.;()]{{1,60}}?(?:,\s*or|\()\s*{_ABOUT}?\s*$", re.I)


# between the second and third figures of one sum in three currencies: "€600m (£510m; $690m)", "(£510m/$690m)"
_THIRD_GAP = re.compile(rf"\s*(?:;|,|/)\s*(?:or\s+)?{_ABOUT}?\s*", re.I)


# a dollar written as the US one: "US$169 million", "USD 169 million", "U.S. $169 million"
_US_DOLLAR = re.compile(rf"(?:{_ABOUT}\s*)?(?:US\$|USD|U\.S\.\s*\$)", re.I)
# a bare dollar sign, maybe after an approximation ("up to $240 million")
_BARE_DOLLAR = re.compile(r"(?:[A-Za-z]+(?:\s+[A-Za-z]+)?\s+)?\$")


def _foreign(st: str, mm: MoneyMatch, nxt: MoneyMatch) -> bool:
    """Whether ``mm`` is in another currency than the USD figure ``nxt``: a non-USD currency, or a bare "$" (a
    Canadian, Australian... dollar) beside a figure written in US dollars ("$240 million (US$169 million)")."""
    if mm.money.currency != "USD":
        return True
    return bool(_BARE_DOLLAR.match(st, mm.start, mm.end) and _US_DOLLAR.match(st, nxt.start, nxt.end))


def in_usd(st: str, monies: list[MoneyMatch]) -> list[MoneyMatch]:
    """The money expressions of a sentence, with a figure in another currency replaced by the USD figure written
    right after it, and the USD twin itself dropped."""
    out: list[MoneyMatch] = []
    skip = -1
    for i, mm in enumerate(monies):
        if i <= skip:
            continue
        nxt = monies[i + 1] if i + 1 < len(monies) else None
        third = monies[i + 2] if i + 2 < len(monies) else None
        if nxt is not None and third is not None and mm.money.currency != "USD" and \
                nxt.money.currency not in ("USD", mm.money.currency) and third.money.currency == "USD" and \
                _TWIN_GAP.match(st[mm.end:nxt.start]) and _THIRD_GAP.fullmatch(st[nxt.end:third.start]):
            # "€600m (£510m; $690m)": the USD figure of three, the other two the same sum
            close = third.end + 1 if st[third.end:third.end + 1] == ")" else third.end
            out.append(dataclasses.replace(mm, end=close, money=third.money))
            skip = i + 2
            continue
        if nxt is not None and nxt.money.currency == "USD" and _foreign(st, mm, nxt) and \
                (_TWIN_GAP.match(st[mm.end:nxt.start]) or _TWIN_LATE.match(st[mm.end:nxt.start])):
            # the pair is one expression: the words after it ("($690 million) Series D round") follow the twin
            close = nxt.end + 1 if st[nxt.end:nxt.end + 1] == ")" and "(" in st[mm.end:nxt.start] else nxt.end
            out.append(dataclasses.replace(mm, end=close, money=nxt.money))
            skip = i + 1
            continue
        out.append(mm)
    return out


def round_figures(st: str, monies: list[MoneyMatch]) -> list[MoneyMatch]:
    """The money expressions of a sentence that may be a round's figures, in USD where the text gives it; share
    prices ("closes at a record $207.15", "$34 a share") and small sums left out."""
    return [mm for mm in in_usd(st, monies)
            if mm.money.value >= _MIN_ROUND and not _PER_SHARE.match(st[mm.end:mm.end + 20])]


def past_value(before: str, after: str) -> bool:
    """Whether a money expression is the valuation of an earlier round ("last valued at", "in its previous round")."""
    return bool(_PAST_VALUE_BEFORE.search(before) or
                (VALUATION_BEFORE.search(before) and _PAST_VALUE_AFTER.match(after)))


# the same valuation restated: "valued the company at $10 billion before the investment, or about $12 billion"
_RESTATED = re.compile(rf"^[^$€£¥₹.;]{{0,50}}?,\s*or\s+{_ABOUT}?\s*$", re.I)
# a valuation before the new money; the one after it is the round's ("post-money")
_PRE_MONEY = re.compile(r"^\s*(?:pre-money\b|before\s+(?:the\s+)?(?:new\s+)?(?:investment|money|funding|round|raise))",
                        re.I)


def restated_value(st: str, valuation: MoneyMatch, mm: MoneyMatch) -> MoneyMatch | None:
    """The round's valuation when ``mm`` restates ``valuation`` after ", or about": the later one when the first is
    stated before the new money (pre-money), else the first; None when ``mm`` is no restatement."""
    if valuation.end > mm.start or not _RESTATED.match(st[valuation.end:mm.start]):
        return None
    return mm if _PRE_MONEY.match(st[valuation.end:mm.start]) else valuation


# how many earlier rounds of the same recipient a round may join (bounds the work on thousands of amounts)
_MERGE_WINDOW = 64


def _same_money(a: Money | None, b: Money | None) -> bool:
    """Whether two figures are the same within 2 % (a missing one matches any)."""
    return a is None or b is None or abs(a.value - b.value) <= 0.02 * max(a.value, b.value)


def merge_rounds(events: list[Event], apart: set[str] | frozenset[str] = frozenset()) -> list[Event]:
    """One event per recipient and amount: repeated reports of a round in one article are merged (an earlier
    round's valuation, keyed in ``apart``, joins no other round)."""
    out: list[Event] = []
    # the rounds kept so far, per recipient: an article reports a few rounds of a company; in a text of thousands a
    # round is compared with the latest few only
    kept: dict[str, list[int]] = {}
    for ev in events:
        rec = ev.participants[0].entity
        same = kept.setdefault(rec, [])
        for i in same[-_MERGE_WINDOW:]:
            prev = out[i]
            if not _same_money(prev.amount, ev.amount) or not _same_money(prev.valuation, ev.valuation):
                continue
            # a valuation-only mention joins the round reported before it
            if (prev.amount or ev.amount) is None and (prev.valuation is None or ev.valuation is None):
                continue
            if (ev.key in apart) != (prev.key in apart):
                continue  # "X raised $2B. It was last valued at $10B": two rounds
            have = {p.entity for p in prev.participants}
            extra = tuple(p for p in ev.participants if p.entity not in have)
            out[i] = prev.model_copy(update={"amount": prev.amount or ev.amount,
                                             "valuation": prev.valuation or ev.valuation,
                                             "date": prev.date or ev.date,
                                             "participants": prev.participants + extra})
            break
        else:
            same.append(len(out))
            out.append(ev)
    return out
