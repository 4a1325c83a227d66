"""Who a plural description of people refers to: "the senators wrote", "the authors said", "the lawmakers argued"
stand for the persons named earlier with a role of that kind ("Senator Jim Banks and Senator Elizabeth Warren",
"writers Andrea Bartz, Charles Graeber and Kirk Wallace Johnson")."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

_LEGISLATORS = (r"senators?|sen\.|sens\.|representatives?|rep\.|reps\.|lawmakers?|legislators?|congressm[ae]n|"
                r"congresswom[ae]n|congressional|mps?|meps?|members? of (?:parliament|congress)")
_WRITERS = r"authors?|writers?|novelists?|journalists?|poets?|comedians?|screenwriters?|biographers?|historians?"
# a plural noun of people, and the role words that introduce the persons it refers back to (general language)
_ROLES: dict[str, str] = {
    "senators": r"senators?|sen\.|sens\.",
    "lawmakers": _LEGISLATORS,
    "legislators": _LEGISLATORS,
    "congressmen": _LEGISLATORS,
    "representatives": r"representatives?|rep\.|reps\.|congressm[ae]n|congresswom[ae]n",
    "authors": _WRITERS,
    "writers": _WRITERS,
    "novelists": _WRITERS,
    "journalists": r"journalists?|reporters?|writers?|editors?",
    "artists": r"artists?|illustrators?|painters?|cartoonists?|photographers?|musicians?|singers?|songwriters?",
    "musicians": r"musicians?|singers?|songwriters?|artists?|rappers?",
    "researchers": r"researchers?|scientists?|professors?|academics?|economists?",
    "scientists": r"researchers?|scientists?|professors?",
    "founders": r"founders?|co-founders?|cofounders?",
    "actors": r"actors?|actresses|voice actors?|performers?",
}
# the list joining one named person to the next: "A, B and C", "A and B", and past the first one's apposition: "A,
# chair of the committee, and B"
_LIST_GAP = re.compile(r",\s*|,?\s+and\s+|\s+&\s+|,\s+[^,;“\"]{1,80}?,\s+and\s+")
_WINDOW_SENTENCES = 12


@cache
def _cue_before(noun: str) -> re.Pattern[str]:
    """A role word right before a name, with at most a qualifier between ("Democratic Senator ")."""
    return re.compile(rf"\b(?:{_ROLES[noun]})\s+(?:[A-Z][\w.’'-]*\s+)?$", re.I)


@cache
def _cue_after(noun: str) -> re.Pattern[str]:
    """A role in the apposition after a name (", a Republican senator from Indiana")."""
    return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_ROLES[noun]})\b", re.I)


def plural_noun(phrase: str) -> str | None:
    """The plural noun of people a phrase ends with ("lawmakers", "the three senators"), when one is known."""
    words = phrase.lower().split()
    return words[-1] if words and words[-1] in _ROLES else None


def members(ctx: DocContext, noun: str, pos: int) -> list[str]:
    """The persons a plural description ("the <noun>") at ``pos`` refers to: the last sentence before it that names
    at least two persons with a role of that kind (a role before a list covers the whole list)."""
    if noun not in _ROLES:
        return []
    text = ctx.doc.clean
    sent = ctx.sentence_at(pos)
    for si in range(sent, max(-1, sent - _WINDOW_SENTENCES), -1):
        s = ctx.sentence(si)
        people = [m for m in ctx.by_sentence.get(si, []) if m.type == "Person" and ctx.is_head(m) and m.end <= pos]
        tagged: list[str] = []
        prev_tagged = None
        for m in people:
            own = _cue_before(noun).search(text, max(s.start, m.start - 40), m.start) or \
                _cue_after(noun).match(text, m.end, min(s.end, m.end + 80))
            listed = prev_tagged is not None and _LIST_GAP.fullmatch(text, prev_tagged.end, m.start)
            if own or listed:
                tagged.append(m.key)
                prev_tagged = m
        found = list(dict.fromkeys(tagged))
        if len(found) >= 2:
            return found
    return []
