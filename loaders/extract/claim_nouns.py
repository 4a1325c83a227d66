"""Claims named by a noun: "X's claim that …", "his assertion that …", "the company's estimate that …". The owner of
the noun makes the claim, whoever reports, disputes or criticises it ("Y criticised X over his claims that …" is
X's claim, not Y's). A publication named by its author ("a Wired report that …", "the agency's study that …") is
the author's claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from loaders.extract.attribution import Attribution
from loaders.extract.claim_company import company_referent
from loaders.extract.rules import register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

NOUN_CLAIM = register("claim.noun_claim.v1", "A statement named by its owner's noun of saying: 'X's claim that …', "
                      "'his assertion that …', 'the company's estimate that …'", __name__)

NOUN_WORDS = frozenset({"claim", "claims", "assertion", "assertions", "contention", "estimate", "estimates",
                        "prediction", "predictions", "insistence", "report", "study", "survey", "analysis",
                        "investigation"})
# the owner, then the noun and "that": a name's possessive, a possessive pronoun, "the company's"
_NOUN_CLAIM = re.compile(r"(?P<owner>\b(?:his|her|its)|\bthe (?:company|firm|startup)[’']s|[’']s?)\s+"
                         r"(?:(?:repeated|earlier|previous|public|recent|latest|own|oft-repeated)\s+)?"
                         r"(?:claims?|assertions?|contention|estimates?|predictions?|insistence)\s+that\s+|"
                         # "a Wired report that …", "the agency's study that …": a publication named by its author
                        r"(?P<author>[’']s|(?<=\w))\s+(?:report|study|survey|analysis|investigation)\s+that\s+", re.I)
# where the statement ends: a new clause of the sentence's own ("…, prompting", "…, which", "…, but")
_CLAUSE_END = re.compile(r",\s+(?:which|who|but|while|although|though|and|as|prompting|saying|adding|citing|"
                         r"according)\b|;|\s+[—–]\s+")
_SPEAKERS = ("Person", "Organization")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:new\s+|recent\s+|earlier\s+|latest\s+)?$", re.I)


def noun_attributions(ctx: DocContext, sent: int) -> Iterator[Attribution]:
    """Every "<owner>'s claim that <statement>" of a sentence, spoken by the owner."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    for m in _NOUN_CLAIM.finditer(text, s.start, s.end):
        speaker = _owner(ctx, sent, m)
        if speaker is None:
            continue
        end = _CLAUSE_END.search(text, m.end(), s.end)
        stop = end.start() if end else s.end
        if stop - m.end() < 8:
            continue
        yield Attribution(speaker, "reported", m.end(), stop, sent, sent, None, text[m.end():stop])


def _owner(ctx: DocContext, sent: int, m: re.Match[str]) -> str | None:
    """The owner of the noun: the name right before "'s", the person "his" or "her" stands for, the company "its" or
    "the company's" stands for."""
    if m.group("author") is not None:
        return _author(ctx, sent, m)
    word = m.group("owner").lower()
    if word in ("his", "her"):
        return ctx.person_pronoun(m.start())
    if word == "its" or word.startswith("the "):
        return company_referent(ctx, sent, m.start())
    named = [x for x in ctx.mentions(sent, ctx.sentence(sent).start, m.start() + 1) if x.end == m.start()]
    return named[-1].key if named and named[-1].type in _SPEAKERS else None


def _author(ctx: DocContext, sent: int, m: re.Match[str]) -> str | None:
    """The person or organisation named right before a publication's noun, as a possessive ("X's study that") or
    after an article ("a Wired report that"); None where the word before is no such name."""
    text = ctx.doc.clean
    named = [x for x in ctx.mentions(sent, ctx.sentence(sent).start, m.start()) if x.end == m.start()]
    if not named or named[-1].type not in _SPEAKERS:
        return None
    article = _ARTICLE_BEFORE.search(text, max(0, named[-1].start - 16), named[-1].start)
    return named[-1].key if m.group("author") or article else None
