"""Clause-level polarity of attributed statements: the VADER valence lexicon with negation and "but" handling,
plus the project's negative-judgement lexicon and evaluative cues ("called it a ...", "dismissed ... as ...")."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from loaders.extract.lexicon import alternation, lexicon, lines, words

# VADER's own scalars: a negated word keeps about three quarters of its valence, reversed; "but" shifts the weight
# of a sentence to what follows it
_NEGATED = -0.74
_BEFORE_BUT, _AFTER_BUT = 0.5, 1.5
_TOKEN = re.compile(r"[a-z][a-z'’-]*")
# a statement at or below this sum is a negative judgement (one clearly negative word such as "wrong" or "lazy")
THRESHOLD = -1.4
# "a carefully edited clip, not a product", "surveillance, not management": a dismissive contrast
_CONTRAST = re.compile(r"\w,\s+(?:and\s+)?not\s+(?:a|an|the|just|some)?\s*[\w-]+")
# "That is not innovation.", "This isn't testing": a verdict that denies a positive description (not a hedge such as
# "that is not clear")
_DENIED = re.compile(r"\b(?:that|this)(?:\s+is|\s+was|[’']s|\s+isn[’']t|\s+wasn[’']t)\s+(?:not\s+)?"
                     r"(?:a\s+|an\s+|real\s+)?(?!(?:clear|known|yet|possible|necessary|surprising|new|unusual|over|"
                     r"done|the case|enough|unique|unprecedented|easy|certain|likely|about|problem|issue|concern|"
                     r"worry)\b)[a-z][\w-]*\s*[.!;]", re.I)
_PHRASE_FILE = "evaluative_phrases.txt"
# words VADER scores as negative that, in business news, name a topic rather than judge one ("lawsuit", "risk")
_NEUTRAL_FILE = "sentiment_neutral.txt"
_NEGATORS_FILE = "negators.txt"
# evaluative frames around a quoted judgement: "called it “...”", "dismissed X as “...”", "derided Y as ..."
EVALUATIVE = re.compile(r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)\b[^,.;“\"]{0,40}?\bas|dismiss(?:ed|es|ing)\b"
                        r"[^,.;“\"]{0,60}?\bas|derid(?:ed|es|ing)\b[^,.;“\"]{0,60}?\bas|branded|branding|labell?ed|"
                        r"pann(?:ed|ing)\b[^,.;“\"]{0,60}?\bas|rejected\b[^,.;“\"]{0,60}?\bas|what (?:he|she|they|it) "
                        r"call(?:ed|s))\b[^,.;“\"]{0,60}?[“\"]$", re.I)


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """The VADER lexicon (word -> mean valence, -4..4), read from the installed package's data file."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isascii() and parts[0][:1].isalpha():
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    # the project's judgement words count as clearly negative even where VADER does not list them ("deceptive")
    for w in lexicon().negative:
        if " " not in w:
            out[w] = min(out.get(w, 0.0), -2.0)
    for w in words(_NEUTRAL_FILE):
        out.pop(w, None)
    return out


@lru_cache(maxsize=1)
def negative_words() -> frozenset[str]:
    """Words whose valence alone can make a statement negative: a cheap pre-filter on a sentence's word set."""
    return frozenset(w for w, v in valences().items() if v <= THRESHOLD)


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


_SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("ness", ""))


@lru_cache(maxsize=1 << 16)
def _valence(word: str) -> float:
    """A word's valence, by its form or a simple de-inflection (cached: news reuses few words)."""
    lex = valences()
    v = lex.get(word)
    if v is not None:
        return v
    # simple de-inflection: VADER lists base forms more often than inflected ones
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 3:
            v = lex.get(word[: -len(suf)] + rep)
            if v is not None:
                return v
    return 0.0


def polarity(text: str) -> float:
    """Sum of word valences of a clause, negated words reversed, the part after "but" weighted up."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    scores: list[float] = []
    negators = words(_NEGATORS_FILE)
    but_at = -1
    for i, tok in enumerate(tokens):
        if tok == "but":
            but_at = len(scores)
        v = _valence(tok)
        if v and any(t in negators or t.endswith("n't") for t in tokens[max(0, i - 3):i]):
            v *= _NEGATED
        scores.append(v)
    if but_at >= 0:
        scores = [v * _BEFORE_BUT for v in scores[:but_at]] + [v * _AFTER_BUT for v in scores[but_at:]]
    total = sum(scores)
    low = text.lower().replace("’", "'")  # "doesn’t work" is listed as "doesn't work"
    total -= 3.5 * len(_phrase_regex().findall(low))
    if _CONTRAST.search(text):
        total -= 2.0
    if ("not" in tokens or "isn't" in tokens or "wasn't" in tokens) and (d := _DENIED.search(text)) and \
            re.search(r"\bnot\b|n[’']t\b", d.group(0)):
        total -= 2.0
    return total


def is_negative(text: str) -> bool:
    """Whether a statement holds a negative judgement."""
    return polarity(text) <= THRESHOLD
