"""What a criticism rule finds, and a rule's own list of what it has found so far in one call.

A rule is a function ``(index, sentence, found) -> list[Finding]`` (or ``(index, found)`` for a whole-document
rule): it reads the document through :class:`loaders.extract.criticism_index.CriticIndex`, reads the findings of the
rules run before it (``found``: some rules go on with a criticism just made, "sued X, accusing them of …"), and
returns what it finds; it changes neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.model import Criticism
from loaders.extract.lexicon import lines

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex

# a court, a tribunal or a judge rules on a dispute and is no party to it: it neither sues nor accuses
COURT = re.compile(r"\b(?:" + "|".join(map(re.escape, lines("court_words.txt"))) + r")\b")
_PARTY_ACT = re.compile(r"\b(?:accus|sue|sued|suing|alleg|lawsuit|complaint)", re.I)


def is_court(label: str) -> bool:
    """Whether a name is that of a court, a tribunal or a judge ("the Court of Appeals", "Judge Alsup")."""
    return COURT.search(label) is not None


_JUDGE_BEFORE = re.compile(r"\b(?:[Jj]udge|Justice|[Mm]agistrate|[Tt]ribunal member|[Aa]rbitrator)\s+"
                           r"(?:[A-Z][\w.]*\s+){0,2}$")
# a piece of each of _JUDGE_BEFORE's words: a document without any of them names no judge before anyone
_JUDGE_PIECES = ("udge", "Justice", "agistrate", "ribunal member", "rbitrator")


@lru_cache(maxsize=4)
def _names_judges(text: str) -> bool:
    """Whether a document may write a judge's title before a name (read once per document, not once per mention)."""
    return any(piece in text for piece in _JUDGE_PIECES)


def is_judicial(ctx: DocContext, key: str, memo: dict[str, bool]) -> bool:
    """Whether an actor is a court or a judge ("Judge William Alsup", "the Civil Resolution Tribunal")."""
    if key not in memo:
        text = ctx.doc.clean
        ent = ctx.entities[key]
        memo[key] = is_court(ent.label) if ent.type == "Organization" else _names_judges(text) and any(
            _JUDGE_BEFORE.search(text, max(0, m.start - 40), m.start) for m in ent.mentions)
    return memo[key]


@dataclass(frozen=True, slots=True)
class Finding:
    """One criticism a rule found: a critic, what it criticised, and where."""

    critic: str
    targets: tuple[str, ...]
    quote: str | None
    cue: str
    start: int
    end: int
    sent: int
    rule: str


Found = Sequence[Finding]


def finding(ix: CriticIndex, critic: str | None, targets: Sequence[str], quote: str | None, cue: str, start: int,
            end: int, sent: int, rule: str) -> Finding | None:
    """What ``rule`` found, unless the critic cannot be one (none, a court suing, a product, a place) or nothing
    but the critic is left to criticise."""
    if critic is None or not targets:
        return None
    if ix.ctx.type_of(critic) not in ("Person", "Organization", "Group"):
        return None
    if is_court(ix.ctx.label(critic)) and _PARTY_ACT.search(cue):
        return None  # a court rules, but never sues or accuses: "the lawsuit, filed in the District Court, accuses …"
    kept = tuple(t for t in targets if t != critic)
    return Finding(critic, kept, stored_quote(ix, quote, start, end), cue, start, end, sent, rule) if kept else None


def stored_quote(ix: CriticIndex, quote: str | None, start: int, end: int) -> str | None:
    """The quote as the stored text writes it: the rules read the cleaned view (its single quotation marks made
    double, its entities decoded), but the fact quotes the article's own characters."""
    at = ix.text.find(quote, start, end) if quote else -1
    return ix.ctx.doc.text[at:at + len(quote)] if quote and at >= 0 else quote


class Collected:
    """What one rule has found so far in one call, and the findings before it that its helpers read (a rule's own
    scratch list, returned at its end; nothing else sees it)."""

    def __init__(self, ix: CriticIndex, found: Found) -> None:
        self.ix = ix
        self.seen: list[Finding] = list(found)
        self.out: list[Finding] = []

    def add(self, critic: str | None, targets: Sequence[str], quote: str | None, cue: str, start: int, end: int,
            sent: int, *, rule: str) -> None:
        """Keep what ``rule`` found (see :func:`finding`)."""
        f = finding(self.ix, critic, targets, quote, cue, start, end, sent, rule)
        if f is not None:
            self.out.append(f)
            self.seen.append(f)


Pair = tuple[str, str, int]  # (critic, target, sentence)


@dataclass(frozen=True, slots=True)
class Known:
    """What the rules run before one have found: the criticisms in order, and their (critic, target, sentence)
    pairs (a rule adds no pair found before)."""

    criticisms: Sequence[Criticism]
    pairs: AbstractSet[Pair]


class LegalCollected:
    """What one legal rule has found so far in one call (a rule's own scratch list, returned at its end)."""

    def __init__(self, ctx: DocContext, known: Known) -> None:
        self.ctx = ctx
        self.known = known
        self.out: list[Criticism] = []
        self._mine: set[Pair] = set()

    @property
    def history(self) -> list[Criticism]:
        """Every criticism found before, in order, this rule's last."""
        return [*self.known.criticisms, *self.out]

    def add(self, critics: Iterable[str | None], targets: Iterable[str], start: int, end: int, sent: int, cue: str,
            rule: str) -> None:
        """Keep each critic–target pair not found before in the sentence."""
        ctx = self.ctx
        for critic in dict.fromkeys(c for c in critics if c is not None):
            if ctx.type_of(critic) not in ("Person", "Organization", "Group"):
                continue
            for target in dict.fromkeys(targets):
                pair = (critic, target, sent)
                if target == critic or pair in self.known.pairs or pair in self._mine:
                    continue
                self._mine.add(pair)
                self.out.append(Criticism(
                    critic=critic, target=target, summary=f"{ctx.label(critic)} criticised {ctx.label(target)} "
                    f"({cue})", date=ctx.date(sent), reported=ctx.published, source=ctx.span(start, end, sent),
                    rule=rule))
