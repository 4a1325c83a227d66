"""Clause-level polarity of attributed statements: VADER's SentimentIntensityAnalyzer (its negation, booster and "but"
rules), its lexicon adjusted to business news, plus the project's negative phrases and evaluative cues ("called it a
...", "dismissed ... as ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    scalar_inc_dec,
)

from loaders.extract.lexicon import alternation, lexicon, lines, words

# a statement at or below this sum is a negative judgement (one clearly negative word such as "wrong" or "lazy")
THRESHOLD = -1.4
# "a carefully edited clip, not a product", "surveillance, not management": a dismissive contrast
_CONTRAST = re.compile(r"\w,\s+(?:and\s+)?not\s+(?:a|an|the|just|some)?\s*[\w-]+")
# words that, denied, hedge rather than judge ("that is not clear", "this is not new")
_HEDGES_FILE = "denial_hedges.txt"
_PHRASE_FILE = "evaluative_phrases.txt"
# words VADER scores as negative that, in business news, name a topic rather than judge one ("lawsuit", "risk")
_NEUTRAL_FILE = "sentiment_neutral.txt"
# evaluative frames around a quoted judgement: "called it “...”", "dismissed X as “...”", "derided Y as ..."
EVALUATIVE = re.compile(r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)\b[^,.;“\"]{0,40}?\bas|dismiss(?:ed|es|ing)\b"
                        r"[^,.;“\"]{0,60}?\bas|derid(?:ed|es|ing)\b[^,.;“\"]{0,60}?\bas|branded|branding|labell?ed|"
                        r"pann(?:ed|ing)\b[^,.;“\"]{0,60}?\bas|rejected\b[^,.;“\"]{0,60}?\bas|what (?:he|she|they|it) "
                        r"call(?:ed|s))\b[^,.;“\"]{0,60}?[“\"]$", re.I)


class _Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER's analyzer reporting the valence sum it would normalise: the project's thresholds are on that scale.

    ``polarity_scores`` gives VADER's own result (tests/loaders/extract/test_sentiment.py compares them on every
    sentence of the evaluation sets) without its quadratic cost: VADER lower-cases the whole statement again for
    every rule it applies to every sentiment word, which made it a tenth of the extraction's time."""

    def __init__(self) -> None:
        super().__init__()
        # VADER replaces single characters found in its emoji table: a text with none of them is left as it is
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        """The sum of VADER's word valences (after its negation, booster, "but" and idiom rules)."""
        return {"sum": float(sum(sentiments))}

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's polarity_scores, each word lower-cased once."""
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)  # type: ignore[no-any-return]
        text = text.strip()
        senti = SentiText(text)
        words = senti.words_and_emoticons
        lows = [w.lower() for w in words]
        lex, n = self.lexicon, len(words)
        sentiments: list[float] = []
        for i, low in enumerate(lows):
            if low in BOOSTER_DICT or low not in lex or (low == "kind" and i < n - 1 and lows[i + 1] == "of"):
                sentiments.append(0)  # VADER's int 0: _but_check finds values by equality
            else:
                sentiments.append(self._valence(words, lows, i, senti.is_cap_diff))
        return self.score_valence(self._but_check(words, sentiments), text)

    def _valence(self, words: list[str], lows: list[str], i: int, cap_diff: bool) -> float:
        """VADER's sentiment_valence of the lexicon word at i (its rules, in its order)."""
        lex, low = self.lexicon, lows[i]
        valence: float = lex[low]
        if low == "no" and i != len(words) - 1 and lows[i + 1] in lex:
            valence = 0.0  # "no" negates the next word rather than counting itself
        if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or \
                (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor")):
            valence = lex[low] * N_SCALAR
        if words[i].isupper() and cap_diff:
            valence += C_INCR if valence > 0 else -C_INCR
        for start_i in range(3):
            if i > start_i and lows[i - (start_i + 1)] not in lex:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = _negation(valence + s, lows, start_i, i)
                if start_i == 2:
                    valence = _idioms(valence, lows, i)
        return self._least_check(valence, words, i)  # type: ignore[no-any-return]


_NEGATE = frozenset(NEGATE)


def _negated(low: str) -> bool:
    """VADER's ``negated`` of one lower-case word."""
    return low in _NEGATE or "n't" in low


def _negation(valence: float, lows: list[str], start_i: int, i: int) -> float:
    """VADER's _negation_check on the statement's lower-case words."""
    before = lows[i - (start_i + 1)]
    if start_i == 0:
        return valence * N_SCALAR if _negated(before) else valence
    if start_i == 1:
        if lows[i - 2] == "never" and lows[i - 1] in ("so", "this"):
            return valence * 1.25
        if lows[i - 2] == "without" and lows[i - 1] == "doubt":
            return valence
        return valence * N_SCALAR if _negated(before) else valence
    if (lows[i - 3] == "never" and lows[i - 2] in ("so", "this")) or lows[i - 1] in ("so", "this"):
        return valence * 1.25
    if lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
        return valence
    return valence * N_SCALAR if _negated(before) else valence


def _idioms(valence: float, lows: list[str], i: int) -> float:
    """VADER's _special_idioms_check on the statement's lower-case words."""
    w3, w2, w1, w0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lows) - 1 > i and f"{w0} {lows[i + 1]}" in SPECIAL_CASES:
        valence = SPECIAL_CASES[f"{w0} {lows[i + 1]}"]
    if len(lows) - 1 > i + 1 and f"{w0} {lows[i + 1]} {lows[i + 2]}" in SPECIAL_CASES:
        valence = SPECIAL_CASES[f"{w0} {lows[i + 1]} {lows[i + 2]}"]
    for n_gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


_SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("ness", ""))


def _inflections(lex: dict[str, float]) -> dict[str, float]:
    """Inflected forms VADER does not list, valued as their base ("misleads" as "mislead"); the first suffix rule
    with a listed base wins."""
    out: dict[str, float] = {}
    bases = [w for w in lex if w.isascii() and w[:1].isalpha()]
    for suf, rep in _SUFFIXES:
        for base in bases:
            if base.endswith(rep):
                form = base[:len(base) - len(rep)] + suf
                if len(form) > len(suf) + 3 and form not in lex and form not in out:
                    out[form] = lex[base]
    return out


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER's analyzer, its lexicon adjusted to business news: the project's judgement words at least clearly
    negative, topic words neutral, inflections of listed words added."""
    a = _Analyzer()
    lex: dict[str, float] = a.lexicon
    # the project's judgement words count as clearly negative even where VADER does not list them ("deceptive")
    for w in lexicon().negative:
        if " " not in w:
            lex[w] = min(lex.get(w, 0.0), -2.0)
    for w in words(_NEUTRAL_FILE):
        lex.pop(w, None)
    lex.update(_inflections(lex))
    return a


@lru_cache(maxsize=1)
def negative_words() -> frozenset[str]:
    """Words whose valence alone can make a statement negative: a cheap pre-filter on a sentence's word set."""
    return frozenset(w for w, v in analyzer().lexicon.items() if v <= THRESHOLD)


@lru_cache(maxsize=1)
def _denied() -> re.Pattern[str]:
    """"That is not innovation.", "This isn't testing": a verdict that denies a positive description."""
    hedges = alternation(words(_HEDGES_FILE))
    return re.compile(r"\b(?:that|this)(?:\s+is|\s+was|[’']s|\s+isn[’']t|\s+wasn[’']t)\s+(?:not\s+)?"
                      rf"(?:a\s+|an\s+|real\s+)?(?!(?:{hedges})\b)[a-z][\w-]*\s*[.!;]", re.I)


@lru_cache(maxsize=1)
def _phrases() -> tuple[str, ...]:
    """Multi-word negative phrases and rhetorical frames of judgement, lower case."""
    frames = lines(_PHRASE_FILE)
    return tuple(dict.fromkeys([w for w in lexicon().negative if " " in w] + frames))


@lru_cache(maxsize=1)
def _phrase_regex() -> re.Pattern[str]:
    # trie-shaped: one character class per position instead of a hundred alternatives
    return re.compile(alternation(_phrases()))


@lru_cache(maxsize=1)
def _phrase_keys() -> frozenset[str]:
    """The longest word of each phrase: a sentence without any of them holds no phrase."""
    return frozenset(max(re.findall(r"[a-z0-9][a-z0-9-]*", ph), key=len) for ph in _phrases())


def has_phrase(words: frozenset[str], text_lower: str) -> bool:
    """Whether a lower-cased sentence (with its word set) holds a negative phrase or frame."""
    return not words.isdisjoint(_phrase_keys()) and _phrase_regex().search(text_lower.replace("’", "'")) is not None


def polarity(text: str) -> float:
    """VADER's valence sum of a clause, less the weight of the project's negative phrases and dismissive frames."""
    low = text.lower().replace("’", "'")  # "doesn’t work" is listed as "doesn't work"
    total: float = analyzer().polarity_scores(text.replace("’", "'"))["sum"]
    total -= 3.5 * len(_phrase_regex().findall(low))
    if _CONTRAST.search(text):
        total -= 2.0
    if ("not" in low or "n't" in low) and (d := _denied().search(text)) and re.search(r"\bnot\b|n[’']t\b", d.group(0)):
        total -= 2.0
    return total


def is_negative(text: str) -> bool:
    """Whether a statement holds a negative judgement."""
    return polarity(text) <= THRESHOLD
