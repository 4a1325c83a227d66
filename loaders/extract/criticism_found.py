"""What a criticism rule finds, and a rule's own list of what it has found so far in one call.

A rule is a function ``(index, sentence, found) -> list[Finding]`` (or ``(index, found)`` for a whole-document
rule): it reads the document through :class:`loaders.extract.criticism_index.CriticIndex`, reads the findings of the
rules run before it (``found``: some rules go on with a criticism just made, "sued X, accusing them of …"), and
returns what it finds; it changes neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.criticism_index import CriticIndex

_COURT = re.compile(r"\b(?:Court|Tribunal)\b")
_PARTY_ACT = re.compile(r"\b(?:accus|sue|sued|suing|alleg|lawsuit|complaint)", re.I)


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
    if _COURT.search(ix.ctx.label(critic)) and _PARTY_ACT.search(cue):
        return None  # a court rules, but never sues or accuses: "the lawsuit, filed in the District Court, accuses …"
    kept = tuple(t for t in targets if t != critic)
    return Finding(critic, kept, quote, cue, start, end, sent, rule) if kept else None


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
