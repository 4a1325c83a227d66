"""Legal acts told over several sentences: the defendants of a suit told before, and an authority pursuing a case
told before ("The Attorney General's Office is prosecuting the case") against its defendant (rules over
criticism_legal.LegalIndex, run by its collector)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.model import Criticism
from loaders.extract import criticism_authority as authority
from loaders.extract.criticism_found import Known, LegalCollected
from loaders.extract.rules import Trigger, register

if TYPE_CHECKING:
    from loaders.extract.legal_index import LegalIndex

PROSECUTED_CASE = register("criticism.legal_prosecuted_case.v1", "'The Attorney General's Office is prosecuting "
                           "the case': an authority against the defendant of a case told before",
                           __name__, Trigger(lambda: W_PROSECUTES))

# an authority pursuing a case told before; the party of that case, charged in a passive clause
_PROSECUTES_CASE = re.compile(r"\b(?:prosecut(?:es|ed|ing)|pursu(?:es|ed|ing)|handl(?:es|ed|ing))\s+(?:the|this)\s+"
                              r"(?:criminal\s+)?(?:case|charges|prosecution|indictment)\b", re.I)
_ACCUSED_PASSIVE = re.compile(r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:indicted|charged|"
                              r"arrested|prosecuted)\b", re.I)
W_PROSECUTES = frozenset({"prosecuting", "prosecutes", "prosecuted", "pursuing", "pursues", "handling", "handles"})
_W_ACCUSED = frozenset({"indicted", "charged", "arrested", "prosecuted"})


def defendants(lx: LegalIndex, acc: LegalCollected, sent: int) -> list[str]:
    """The defendants of the last legal act told in the eight sentences before ``sent`` (or in it): every
    target its critic was given in that sentence."""
    legal = re.compile(r"\((?:[^()]*\b(?:su(?:e|ed|es|ing)|lawsuit|suit|complaint|charge|claim|filed|"
                       r"legal)\b[^()]*)\)$", re.I)
    for c in reversed(acc.history):
        cs = lx.ctx.sentence_at(c.source.start)
        if sent - 8 <= cs <= sent and legal.search(c.summary):
            return list(dict.fromkeys(d.target for d in acc.history if d.critic == c.critic and
                                      lx.ctx.sentence_at(d.source.start) == cs))
    return []


def prosecuted_case(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The Attorney General's Office is prosecuting the case": an authority pursuing a case told before acts
    against its defendants (of the legal act found before, else the party that "was indicted" before)."""
    acc = LegalCollected(lx.ctx, known)
    for m in lx.find(_PROSECUTES_CASE, sent, W_PROSECUTES):
        critic = lx.critic(sent, m.start())
        if not authority.is_authority(lx.ctx, critic):
            continue
        targets = defendants(lx, acc, sent) or _accused_before(lx, sent)
        acc.add([critic], [t for t in targets if t != critic], m.start(), m.end(), sent, "prosecuting",
                PROSECUTED_CASE)
    return acc.out


def _accused_before(lx: LegalIndex, sent: int) -> list[str]:
    """The subject of the last "X was indicted", "X has been charged" in the three sentences before ``sent``."""
    for si in range(sent - 1, max(-1, sent - 4), -1):
        for m in reversed(list(lx.find(_ACCUSED_PASSIVE, si, _W_ACCUSED))):
            key = lx.ctx.subject(si, m.start(), ("Person", "Organization"))
            if key is not None:
                return [key]
    return []
