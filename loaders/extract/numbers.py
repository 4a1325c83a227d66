"""English number words to numbers: "zero", "thirty", "twenty-five", "three hundred and twelve", "two million"."""

from __future__ import annotations

import re

from loaders.extract.lexicon import Folded, alternation

_UNITS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"))}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                                 "ninety"))}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SMALL = {**_UNITS, **_TENS}
# a trie of the words (the same matches as their longest-first alternation, faster)
_WORD = rf"(?:{alternation([*_SMALL, 'hundred', *_SCALES])})"
# a run of number words joined by spaces, hyphens or "and" ("three hundred and twelve", "twenty-five")
NUMBER_WORDS = Folded(rf"\b{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD})*\b")
_SPLIT = re.compile(r"[\s-]+")


def words_to_number(text: str) -> float | None:
    """The value of a run of English number words, or None when it is not one well-formed number."""
    total, group, last, scale = 0.0, 0.0, "", float("inf")
    words = [w for w in _SPLIT.split(text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    for w in words:
        if w in _UNITS:
            if last in _UNITS or (last in _TENS and w in _UNITS and _UNITS[w] >= 10) or (last and w == "zero"):
                return None  # "two three", "twenty eleven", "one zero": not one number
            group += _UNITS[w]
        elif w in _TENS:
            if last in _SMALL:
                return None
            group += _TENS[w]
        elif w == "hundred":
            if last not in _SMALL or group >= 100:
                return None
            group *= 100
        elif w in _SCALES:
            if not last or last in _SCALES or group == 0 or _SCALES[w] >= scale:
                return None  # "million thousand", "zero million", "two thousand three million"
            scale = _SCALES[w]
            total += group * scale
            group = 0.0
        else:
            return None
        last = w
    return total + group
