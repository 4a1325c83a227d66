"""Criticisms of an open letter or a petition by each of its authors and signatories.

"The letter was written mainly by A; B, political director of X; and C", "Its more than 30 signatories include A
and B, …; C, a professor at Y; …", "A separate open letter, organised by A and signed by B, called on …". A letter
speaks for everyone who wrote or signed it: whatever the rules found the letter (or one of its named authors) to
criticise near the list, every person of the list criticises too. Only people are read from a list: the
organisations in it are those the signatories work for ("a professor at Y").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from loaders.extract.criticism_found import Collected, Finding, Found
from loaders.extract.lexicon import lexicon
from loaders.extract.rules import register

if TYPE_CHECKING:
    from loaders.extract.criticism_index import CriticIndex

LETTER_SIGNERS = register("criticism.letter_signers.v1", "Each author and signatory of a letter or petition "
                          "criticises what it criticises: 'The letter was written by A; B; and C', 'Its signatories "
                          "include A and B', 'an open letter, organised by A and signed by B, …'", __name__)

_LETTER = re.compile(r"\b(?:letters?|petitions?)\b", re.I)
# a list of authors or signatories starts here
_WRITTEN_BY = re.compile(r"\b(?:written|drafted|authored|penned|organi[sz]ed|signed|co-?signed|endorsed)\s+"
                         r"(?:[a-z]+\s+){0,2}?by\s+", re.I)
_SIGNATORIES = re.compile(r"\bsignatories\s*(?:include[sd]?|including|are|were|:)\s*|"
                          r"\b(?:among|including)\s+(?:the\s+|its\s+|their\s+)?signatories\s*(?:were|are|:)?\s*", re.I)
# "In a letter, more than 100 researchers including A and B urged …": the named members of the letter's group
_INCLUDING = re.compile(r"\s(?:including|among them)\s+", re.I)
_ADDRESSED = re.compile(r"\b(?:to|for|with)\b", re.I)
# the list ends where the sentence goes on with a verb: "…, called on the attorneys general to …"
_NEXT_CLAUSE = re.compile(r",\s+(?:and\s+)?([a-z]+)\b")
_WORDS = frozenset({"letter", "letters", "petition", "petitions", "signatories"})
_BEFORE, _AFTER = 3, 2  # the sentences around a list whose findings tell what the letter criticises


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Words that go on with a clause of their own after a list of names (verbs of saying and criticising)."""
    lex = lexicon()
    return frozenset(w.split()[0].lower() for w in (*lex.speech_verbs, *lex.criticism_verbs) if w) | {
        "called", "calls", "calling", "urged", "urges", "urging", "asked", "asks", "asking", "demanded", "demanding"}


def letter_signers(ix: CriticIndex, found: Found) -> list[Finding]:
    """Each person who wrote or signed a letter criticises what the letter (or a co-author) criticises near it."""
    ctx, acc = ix.ctx, Collected(ix, found)
    for s in ctx.doc.sentences:
        if ctx.words(s.index).isdisjoint(_WORDS):
            continue
        for start, signers in _lists(ix, s.index):
            targets = _letter_targets(ix, found, s.index, signers)
            for person in signers:
                acc.add(person, targets, None, "signed the letter", start, s.end, s.index, rule=LETTER_SIGNERS)
    return acc.out


def _lists(ix: CriticIndex, sent: int) -> list[tuple[int, list[str]]]:
    """Where each list of a letter's authors or signatories starts in a sentence, and the people it names."""
    ctx, text = ix.ctx, ix.text
    s = ctx.sentence(sent)
    letter_before = any(_LETTER.search(ctx.stext(i)) for i in range(max(0, sent - _BEFORE), sent))
    out: list[tuple[int, list[str]]] = []
    for m in [*_WRITTEN_BY.finditer(text, s.start, s.end), *_SIGNATORIES.finditer(text, s.start, s.end),
              *_INCLUDING.finditer(text, s.start, s.end)]:
        if m.re is _INCLUDING:
            letter = _LETTER.search(text, s.start, m.start())
            if letter is None or _ADDRESSED.search(text, letter.end(), m.start()):
                continue  # "a letter to lawmakers including Senator X": those it was sent to
        elif not (_LETTER.search(text, s.start, m.start()) or (m.re is _SIGNATORIES and letter_before)):
            continue  # "a law signed by the governor": no letter
        end = s.end
        for nxt in _NEXT_CLAUSE.finditer(text, m.end(), s.end):
            if nxt.group(1) in _verbs():
                end = nxt.start()
                break
        people = [x.key for x in ctx.mentions(sent, m.end(), end) if x.type == "Person" and ctx.is_head(x)]
        if people:
            out.append((m.start(), list(dict.fromkeys(people))))
    return out


def _letter_targets(ix: CriticIndex, found: Found, sent: int, signers: list[str]) -> list[str]:
    """What the letter criticises: the targets found near the list for one of its people or for a sentence about
    the letter."""
    ctx = ix.ctx
    out: list[str] = []
    for f in found:
        if not sent - _BEFORE <= f.sent <= sent + _AFTER:
            continue
        if f.critic in signers or _LETTER.search(ctx.stext(f.sent)):
            out += [t for t in f.targets if ctx.type_of(t) in ("Person", "Organization", "Product")]
    return list(dict.fromkeys(out))
