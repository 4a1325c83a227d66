"""Normalisers for money ("$6.6B", "€15 million", "nearly $1 trillion") and quantities (%, x, counts, durations)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Money, Quantity
from loaders.extract.lexicon import Folded, alternation, caseless
from loaders.extract.numbers import NUMBER_WORDS, words_to_number

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12, "crore": 1e7, "lakh": 1e5}
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
             "¥": "JPY", "jpy": "JPY", "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "cny": "CNY",
             "rmb": "CNY", "yuan": "CNY", "dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "c$": "CAD",
             "a$": "AUD", "cad": "CAD", "aud": "AUD", "chf": "CHF", "won": "KRW", "yen": "JPY", "rupees": "INR",
             "krw": "KRW", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "hkd": "HKD", "hk$": "HKD", "sgd": "SGD",
             "s$": "SGD", "ils": "ILS", "brl": "BRL"}
# currency symbols and ISO codes written before the number, one alternation shared by the full and the cheap pattern
_CUR = r"US\$|HK\$|C\$|A\$|S\$|\$|€|£|¥|₹|USD|EUR|GBP|JPY|INR|CNY|RMB|CAD|AUD|CHF|KRW|SEK|NOK|DKK|HKD|SGD|ILS|BRL|Rs\.?"
_APPROX = r"(?P<approx>nearly|almost|about|around|roughly|approximately|approx\.?|close to|some|over|more than|" \
          r"upwards of|at least|up to|under|less than|just over|just under|~)?"
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?P<scale>trillion|billion|million|thousand|crore|lakh|bn|mn|mln|tn|[kKmMbBtT])?\b"
MONEY_SYMBOL = re.compile(
    rf"{_APPROX}\s*(?P<cur>{_CUR})\s*{_NUM}"
    rf"\s*{_SCALE_RE}",
    re.I,
)
# "half a billion euros": a number word before a scale word
_HALF = r"half\s+an?(?=\s+(?:trillion|billion|million)\b)"
_HALF_WORD = re.compile(_HALF, re.I)
MONEY_WORD = re.compile(
    rf"{_APPROX}\s*{_NUM[:-1]}|{_HALF})\s*(?P<scale>trillion|billion|million|thousand|bn|mn)?\s*"
    r"(?P<cur>dollars|euros|(?<=illion )euro|pounds|yuan|yen|rupees|won)\b",
    re.I,
)
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
             "hundred": 100, "a": 1, "an": 1, "half": 0.5, "a dozen": 12, "dozens": 24}
# number words as a trie: the same matches as their longest-first alternation, faster
_NUMBER = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{alternation(_WORD_NUM)})"
PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)
MULTIPLE = re.compile(rf"\b{_NUMBER}\s*(?:-\s*)?(?:times\b|x\b|fold\b)|"
                      r"\b(?P<verb>doubl|tripl|quadrupl)(?:ed|es|ing|e)\b|"
                      # "twice as fast", "twice the size": a multiple in a word ("twice a week" is a rate)
                      r"\b(?P<word>twice|thrice)\b(?=\s+(?:as|the|that|more|than|its|their|our)\b)",
                      re.I)
# "(?!-)": "a quarter-inch gap" is a length, not a duration; "three quarters of" a share
DURATION = re.compile(rf"\b{_NUMBER}\s+(?:and a half\s+)?(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|"
                      r"quarters?(?!\s+of\b)|years?|decades?)\b(?!-)", re.I)
# "a year" / "an hour" is a duration only after a word that measures time ("within an hour", "for a decade"); else a
# rate ("$5bn a year") or a point in time ("from a year earlier")
_A_DURATION_BEFORE = re.compile(r"\b(?:within|in|for|over|than|about|around|nearly|almost|under|after|took|takes|"
                                r"lasted|lasts|spent|past)\s+$", re.I)
_AGO = re.compile(r"\s+ago\b", re.I)  # "two years ago": a point in time, not a duration
_A_DURATION = re.compile(r"\b(?:half\s+)?an?\s+(?:second|minute|hour|day|week|month|quarter|year|decade)\b(?!-)", re.I)
# a share written as a fraction: "two-thirds of", "three quarters of", "half of", "cut by two-thirds"; not "the
# first half of 2024", "a quarter of a century" (time) or "half of this" (no whole counted)
FRACTION = re.compile(r"(?<!first )(?<!second )(?<!latter )(?<!\w)(?:(?P<num>an?|one|two|three|four|five|six|seven|"
                      r"eight|nine)(?:-(?P<hden>halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b(?!-)|"
                      r"\s+(?P<den>half|thirds?|quarters?|fourths?|fifths?|tenths?)(?=\s+of\b))|"
                      r"(?P<half>half)(?=\s+of\b))(?!\s+of\s+(?:an?\s+(?:century|decade|year|month|week|day|hour|"
                      r"minute|second|mile|point)|this|that|it|them|these|those|what|us|you)\b)", re.I)
# a share as a ratio: "one in four children" (25%), "4 in 10 adults", "one out of every five" (not "one in 2024")
_RATIO_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}"
RATIO = re.compile(rf"(?<![\w.,$€£-])(?P<a>{_RATIO_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{_RATIO_WORD}|twenty|"
                   r"a\s+hundred|100|1,000|a\s+thousand)\b(?![\w.,%-])", re.I)
_FRACTION_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9}
_DENOMINATOR = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
# a figure compounded with its measure: "a 500,000-square-foot plant", "a 10-year deal", "a 20-person team"
COMPOUND = re.compile(r"(?<![\w$€£.,-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[\s-](?P<scale>million|billion|"
                      r"thousand))?-(?P<measure>[a-z]+(?:-[a-z]+)?)\b(?!-)")
_DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade"})
# "100,000 U.S. jobs", "15 million searches": a number, up to two modifiers and the counted noun
COUNT = re.compile(r"(?<![\w$€£.,/])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>million|billion|thousand)?\s+"
                   r"(?P<noun>(?:(?!(?:with|of|for|in|on|at|to|from|by|and|or|the|a|an|than|per|as)\s)"
                   r"[A-Za-z][\w.-]*\s+){0,2}?(?:[a-z][\w-]*s(?<!ss)(?<!us)(?<!is)|[A-Z]{2,}s|people|children|"
                   r"staff|men|women))\b")
# "about thirty organisations", "two prospective investors", "a one-million-square-foot plant"
# after a run of number words: "about thirty organisations", "two prospective investors", "one-million-square-foot"
# (a plural ends in "s", but not in "ss", "us" or "is": "business customers", "analysis")
_COUNTED = re.compile(r"\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s(?<!ss)(?<!us)(?<!is))\b|"
                      r"-(?P<measure>[a-z]+(?:-[a-z]+)?)\b",
                      re.I)
# a score on a scale, in points: "an ELO score of 1417", "a rating of 4.5", "scored 87.5 on" (not "scored 90%")
SCORE = re.compile(r"\b(?:score|rating)\s+of\s+(?:about\s+|around\s+|nearly\s+)?"
                   r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|"
                   r"\bscored\s+(?:an?\s+)?(?P<m>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                   r"(?![\d.,]*\s*(?:%|percent|per cent))\b", re.I)
# the lower end of a range right before a quantity's number: "5 to 15 …", "2-3 million …", "between 20 and 30%"
_RANGE_LOW = re.compile(r"(?<![\w.,$€£-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:to|-|–|and)\s*$")
_LEADING_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
# "zero dollars", "a trillion dollars"
_WORD_CURRENCY = re.compile(r"\s+(?P<cur>dollars|euros|pounds|yuan|yen|rupees)\b", re.I)
_A_SCALE = re.compile(r"\ban?\s+(?P<scale>thousand|million|billion|trillion)\s+(?P<cur>dollars|euros|pounds|yuan|"
                      r"yen|rupees)\b", re.I)
# a number right after a name or code is part of an identifier ("SB 1047", "Section 230", "Llama 3", "GPT-4"): an
# upper-case word that is not the sentence's first, or a code in capitals, then a space or hyphen
_IDENTIFIER_BEFORE = re.compile(r"(?:(?<=[\w,;:’'\"”)] )[A-Z][\w.]*|\b[A-Z]{2,}[\w.]*)[\s-]$")
# function words and verbs ending in "s" that COUNT would read as a counted noun ("4 is", "10 has")
_NOT_NOUNS = frozenset({"is", "was", "has", "does", "as", "us", "its", "this", "his", "thus", "plus", "less",
                        "unless", "across", "whereas", "perhaps", "always", "sometimes", "says", "goes"})
_NOT_COUNTED = frozenset({"times", "percent", "years", "months", "weeks", "days", "hours", "minutes", "seconds",
                          "decades", "quarters", "dollars", "euros", "pounds", "yuan", "yen", "rupees", "of",
                          "halves", "thirds", "fourths", "fifths", "tenths"})


_HAS_DIGIT = re.compile(r"\d")
# a number written as a word (with _HAS_DIGIT: whether a text can hold a quantity at all)
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                 "million", "billion", "trillion", "half", "dozen", "doubl", "tripl", "quadrupl")
_NUMBER_WORD = Folded(rf"\b(?:{alternation(_NUMBER_WORDS)})")
# necessary parts of MONEY_SYMBOL and MONEY_WORD matches: cheap tests that spare most texts the full patterns
_SYMBOL_NUMBER = re.compile(rf"(?:{_CUR})\s*\d", re.I)
_CURRENCY_WORD = re.compile(r"(?:dollars|euros?|pounds|yuan|yen|rupees|won)\b", re.I)
_CURRENCY_STEMS = ("dollars", "euro", "pounds", "yuan", "yen", "rupees", "won")
_DIGIT_RUN = re.compile(r"\d+")
_APPROX_MAX = 13  # the longest word of _APPROX ("approximately")
_CUR_MAX = 3  # the longest currency of _CUR ("US$", "USD", "Rs.")
# words without which MULTIPLE and DURATION cannot match
_MULTIPLE_STEMS = ("times", "x", "fold", "doubl", "tripl", "quadrupl", "twice", "thrice")
_FRACTION_STEMS = ("half", "third", "quarter", "fourth", "fifth", "tenth")
_DURATION_STEMS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade")


def _num(text: str) -> float:
    """A number written with digits, thousands separators or as an English word."""
    t = text.lower().strip()
    if t.startswith("half"):
        return 0.5  # "half a (billion)"
    if t in _WORD_NUM:
        return float(_WORD_NUM[t])
    return float(t.replace(",", ""))


@dataclass(frozen=True)
class MoneyMatch:
    """A money expression found in text."""

    start: int
    end: int
    money: Money


def _symbol_matches(text: str) -> list[re.Match[str]]:
    """``list(MONEY_SYMBOL.finditer(text))``, with the scans started only near currencies written before a number.

    Scanning a whole sentence with MONEY_SYMBOL (or _SYMBOL_NUMBER) tries dozens of alternatives at every character.
    Every match holds a currency followed by spaces and a digit, so it starts at most _APPROX_MAX characters and a
    run of spaces before such a currency, and every such currency ends at most _CUR_MAX characters before the spaces
    in front of a run of digits: trying those few places, then searching from the earliest possible start, finds the
    same matches (the pattern looks at nothing before its start).
    """
    out: list[re.Match[str]] = []
    pos = 0
    for run in _DIGIT_RUN.finditer(text):
        if run.start() < pos:
            continue
        cur_end = run.start()
        while cur_end > pos and text[cur_end - 1].isspace():  # \s and str.isspace agree
            cur_end -= 1
        for q in range(max(pos, cur_end - _CUR_MAX), cur_end):
            if _SYMBOL_NUMBER.match(text, q):
                break
        else:
            continue
        # q: the first currency at or after pos followed by a number
        a = q
        while a > pos and text[a - 1].isspace():
            a -= 1
        m = MONEY_SYMBOL.search(text, max(pos, a - _APPROX_MAX))
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def parse_money(text: str) -> list[MoneyMatch]:
    """All money amounts in ``text``, normalised to units of their currency (USD by default)."""
    out: list[MoneyMatch] = []
    if not _HAS_DIGIT.search(text) and not _HALF_WORD.search(text):
        return out
    matches = _symbol_matches(text)
    low = caseless(text)
    if (low is None or any(stem in low for stem in _CURRENCY_STEMS)) and _CURRENCY_WORD.search(text):
        matches += [m for m in MONEY_WORD.finditer(text) if all(m.end() <= x.start() or m.start() >= x.end()
                                                                for x in matches)]
    for m in sorted(matches, key=lambda x: x.start()):
        try:
            value = _num(m.group("num"))
        except (TypeError, ValueError):
            continue
        scale_word = (m.group("scale") or "").lower()
        if scale_word in _SCALE:
            value *= _SCALE[scale_word]
        currency = _CURRENCY.get(m.group("cur").lower(), "USD")
        approx = m.group("approx")
        start = m.start("approx") if approx else min(m.start("cur"), m.start("num"))
        out.append(MoneyMatch(start=start, end=m.end(), money=Money(value=value, currency=currency,
                                                                    approximate=bool(approx))))
    return out


def parse_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Quantities in a claim: percentages, multiples, durations, money and counts, with their offsets."""
    out: list[tuple[int, int, Quantity]] = []
    taken: list[tuple[int, int]] = []
    digits = _HAS_DIGIT.search(text) is not None
    low = caseless(text)
    words = _NUMBER_WORD.search(text) is not None  # one scan of the number-word trie
    timed = low is None or any(w in low for w in _DURATION_STEMS)
    shares = low is None or any(w in low for w in _FRACTION_STEMS)
    multiples = low is None or any(w in low for w in _MULTIPLE_STEMS)
    if not digits and not words and not timed and not shares and not multiples:
        return out

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for mm in parse_money(text):
        out.append((mm.start, mm.end, Quantity(value=mm.money.value, unit=mm.money.currency)))
        taken.append((mm.start, mm.end))
    # PERCENT and COUNT need a digit, MULTIPLE and DURATION their words: a pattern that cannot match is not run
    for m in PERCENT.finditer(text) if digits else ():
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), Quantity(value=float(m.group("n")), unit="percent")))
            taken.append((m.start(), m.end()))
    for m in MULTIPLE.finditer(text) if multiples else ():
        if not free(m.start(), m.end()):
            continue
        if m.group("verb"):
            value = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}[m.group("verb").lower()]
        elif m.group("word"):
            value = 2.0 if m.group("word").lower() == "twice" else 3.0
        else:
            value = _num(m.group("n"))
        out.append((m.start(), m.end(), Quantity(value=value, unit="multiple")))
        taken.append((m.start(), m.end()))
    for a, b, share in _fractions(text) if shares else ():
        if share.value <= 100.0:  # "four-thirds of" is no share, nor a count of thirds
            out.append((a, b, share))
        taken.append((a, b))
    for a, b, share in _ratios(text) if (digits or words) and (" in " in text or " out of " in text) else ():
        if free(a, b):
            out.append((a, b, share))
            taken.append((a, b))
    for m in DURATION.finditer(text) if timed and (digits or words) else ():
        if _AGO.match(text, m.end()):
            taken.append((m.start(), m.end()))
            continue  # "six months ago": when, not how long (a date, like a calendar year)
        if not free(m.start(), m.end()) or m.group("n").lower() in ("a", "an"):
            continue  # "a year": below, where a word before it measures time
        unit = m.group("unit").lower().rstrip("s")
        value = _num(m.group("n")) + (0.5 if "and a half" in m.group(0).lower() else 0.0)
        out.append((m.start(), m.end(), Quantity(value=value, unit=unit)))
        taken.append((m.start(), m.end()))
    for a, b, q in _a_durations(text) if timed else ():
        if free(a, b):
            out.append((a, b, q))
            taken.append((a, b))
    for a, b, q in _compounds(text) if digits and "-" in text else ():
        if free(a, b):
            out.append((a, b, q))
            taken.append((a, b))
    for m in COUNT.finditer(text) if digits else ():
        if not free(m.start(), m.end()):
            continue
        n = m.group("n")
        if re.fullmatch(r"(19|20)\d\d", n):
            continue  # a year, not a count
        if _head(m.group("noun")) in _NOT_NOUNS or _IDENTIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "GPT-4 is", "SB 1047 establishes": an identifier, not a count
        value = _num(n) * _SCALE.get((m.group("scale") or "").lower(), 1.0)
        out.append((m.start(), m.end(), Quantity(value=value, unit=_head(m.group("noun")))))
        taken.append((m.start(), m.end()))
    for m in SCORE.finditer(text) if digits and ("scor" in text.lower() or "rating" in text.lower()) else ():
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), Quantity(value=_num(m.group("n") or m.group("m")), unit="points")))
            taken.append((m.start(), m.end()))
    for a, b, q in _word_quantities(text) if words else ():
        if free(a, b):
            out.append((a, b, q))
            taken.append((a, b))
    out += _range_starts(text, out)
    out.sort(key=lambda t: t[0])
    return out


def _range_starts(text: str, found: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """The lower ends of ranges, in the upper end's unit and scale: "5 to 15 percentage points" (5), "2-3 million
    users" (2e6), "between 20 and 30%" (20); a year is no lower end."""
    out: list[tuple[int, int, Quantity]] = []
    for a, _b, q in found:
        upper = _LEADING_NUMBER.match(text, a)
        low = _RANGE_LOW.search(text, max(0, a - 24), a) if upper else None
        if upper is None or low is None or _YEAR.fullmatch(low.group("n")) or not _num(upper.group(0)) or \
                _IDENTIFIER_BEFORE.search(text, max(0, low.start() - 30), low.start()):
            continue  # ("SB 1047 to 20 percent": an identifier, not the lower end)
        value = _num(low.group("n")) * q.value / _num(upper.group(0))
        out.append((low.start(), low.end(), Quantity(value=round(value, 6), unit=q.unit)))
    return out


def _fractions(text: str) -> list[tuple[int, int, Quantity]]:
    """Shares written as fractions, in percent: "two-thirds of" (66.7), "a quarter of" (25), "half of" (50)."""
    out: list[tuple[int, int, Quantity]] = []
    for m in FRACTION.finditer(text):
        if m.group("half"):
            value = 50.0
        else:
            word = (m.group("den") or m.group("hden")).lower()
            den = 2 if word == "halves" else _DENOMINATOR[word.removesuffix("s")]
            value = round(100.0 * _FRACTION_NUM[m.group("num").lower()] / den, 2)
        out.append((m.start(), m.end(), Quantity(value=value, unit="percent")))
    return out


def _ratios(text: str) -> list[tuple[int, int, Quantity]]:
    """Shares written as ratios, in percent: "one in four" (25), "4 in 10" (40); a first term not below the second
    ("five in five") is no share."""
    out: list[tuple[int, int, Quantity]] = []
    for m in RATIO.finditer(text):
        a, b = (words_to_number(x) if not x[0].isdigit() else _num(x)
                for x in (m.group("a"), re.sub(r"\s+", " ", m.group("b"))))
        if a is not None and b and 0 < a < b:
            out.append((m.start(), m.end(), Quantity(value=round(100.0 * a / b, 2), unit="percent")))
    return out


def _a_durations(text: str) -> list[tuple[int, int, Quantity]]:
    """"within an hour", "for a decade", "in half a year": one (or half a) unit of time after a word that
    measures time."""
    out: list[tuple[int, int, Quantity]] = []
    for m in _A_DURATION.finditer(text):
        if _A_DURATION_BEFORE.search(text, max(0, m.start() - 12), m.start()) and not _AGO.match(text, m.end()):
            unit = m.group(0).split()[-1].lower()
            out.append((m.start(), m.end(), Quantity(value=0.5 if m.group(0).lower().startswith("half") else 1.0,
                                                     unit=unit)))
    return out


def _compounds(text: str) -> list[tuple[int, int, Quantity]]:
    """Figures compounded with their measure: "500,000-square-foot" (a count of the measure), "10-year" (a
    duration); not years ("2024-era"), ages ("22-year-old") or identifiers ("Section 230-style")."""
    out: list[tuple[int, int, Quantity]] = []
    for m in COMPOUND.finditer(text):
        n, measure = m.group("n"), m.group("measure").lower()
        if re.fullmatch(r"(19|20)\d\d", n) or measure.endswith("-old") or \
                _IDENTIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        value = _num(n) * _SCALE.get((m.group("scale") or "").lower(), 1.0)
        unit = measure.removesuffix("s") if measure.removesuffix("s") in _DURATION_UNITS else measure
        out.append((m.start(), m.end(), Quantity(value=value, unit=unit)))
    return out


def _head(noun: str) -> str:
    """The counted noun of a noun phrase: its last word, in lower case ("U.S. jobs" -> "jobs")."""
    return noun.split()[-1].lower()


def _word_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Counts and amounts written in words: "thirty organisations", "one-million-square-foot", "zero dollars"."""
    out: list[tuple[int, int, Quantity]] = [
        (m.start(), m.end(), Quantity(value=_SCALE[m.group("scale").lower()], unit=_CURRENCY[m.group("cur").lower()]))
        for m in _A_SCALE.finditer(text)]
    for w in NUMBER_WORDS.finditer(text):
        if (w.start() and (text[w.start() - 1].isalnum() or text[w.start() - 1] == "-")) or \
                any(a <= w.start() < b for a, b, _ in out):
            continue  # inside a word or a compound, or already read
        value = words_to_number(w.group(0))
        if value is None:
            continue
        cur = _WORD_CURRENCY.match(text, w.end())
        if cur:
            out.append((w.start(), cur.end(), Quantity(value=value, unit=_CURRENCY[cur.group("cur").lower()])))
            continue
        m = _COUNTED.match(text, w.end())
        if m is None:
            continue
        noun = m.group("noun")
        unit = noun.split()[-1].lower() if noun else m.group("measure").lower()
        if unit in _NOT_COUNTED or unit in _NOT_NOUNS or value == 1 or unit.endswith("-old"):
            continue  # "one of", "two years" (a duration), "one people", "one-time", "four-year-old": not a count
        out.append((w.start(), m.end(), Quantity(value=value, unit=unit)))
    return out
