"""Clause-level polarity of attributed statements: VADER's SentimentIntensityAnalyzer (its negation, booster and "but"
rules), its lexicon adjusted to business news, plus the project's negative phrases and evaluative cues ("called it a
...", "dismissed ... as ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

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
    """VADER's analyzer reporting the valence sum it would normalise: the project's thresholds are on that scale."""

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        """The sum of VADER's word valences (after its negation, booster, "but" and idiom rules)."""
        return {"sum": float(sum(sentiments))}


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
