"""Stage: claims — statements attributed to an actor that carry quantities ("Anthropic said that over 80% ...")."""

from __future__ import annotations

import re

from kg.model import Claim
from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation
from loaders.extract.quantities import parse_quantities
from loaders.extract.rules import register

QUANTIFIED_STATEMENT = register("claim.quantified_statement.v1", "A sentence with figures attributed to its speaker "
                                "('X said that over 80% ...')", __name__)

_ATTRIBUTION_PHRASES = (
    "according to", "said", "says", "say", "claim", "claims", "claimed", "revealed", "reveals", "noted", "notes",
    "stated", "states", "reported", "reports", "disclosed", "estimated", "estimates", "found", "finds", "showed",
    "shows", "announced", "argued", "argues", "believe", "believes", "highlighted", "pointed to", "explained", "added",
    "wrote", "writes",
)
# a trie of the phrases (faster than a plain alternation; the trailing \b lets only one phrase match at a position)
_ATTRIBUTION = re.compile(rf"\b(?:{alternation(_ATTRIBUTION_PHRASES)})\b", re.I)
_ATTR_WORDS = frozenset([
    "according", "said", "says", "say", "claim", "claims", "claimed", "revealed", "reveals", "noted", "notes",
    "stated", "states", "reported", "reports", "disclosed", "estimated", "estimates", "found", "finds", "showed",
    "shows", "announced", "argued", "argues", "believe", "believes", "highlighted", "pointed", "explained", "added",
    "wrote", "writes"
])
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*]|\d+[.)])\s+")


def extract_claims(ctx: DocContext) -> list[Claim]:
    """Claims with normalised quantities, attributed to the speaker of their sentence (or of the list they are in)."""
    claims: list[Claim] = []
    last_claimant: str | None = None
    last_sentence = -10
    kinds = ("Person", "Organization")
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        st = ctx.stext(s.index)
        attributed = not words.isdisjoint(_ATTR_WORDS)
        if not attributed and not _LIST_ITEM.match(st):
            continue
        att = _ATTRIBUTION.search(st) if attributed else None
        claimant = None
        if att:
            if att.group(0).lower() == "according to":
                names = [m for m in ctx.mentions(s.index, s.start + att.end(), s.end) if m.type in kinds]
                claimant = names[0].key if names else None
            else:
                claimant = ctx.subject(s.index, s.start + att.start(), kinds)
        if claimant is None and _LIST_ITEM.match(st) and last_claimant and s.index - last_sentence <= 4:
            claimant = last_claimant  # items of a list introduced by an attributed sentence
        if claimant is not None and ctx.type_of(claimant) in kinds:
            last_claimant, last_sentence = claimant, s.index
        if claimant is None or ctx.type_of(claimant) not in kinds:
            continue
        # the quantities (the costliest part) only for sentences that have a claimant
        quantities = [q for q in parse_quantities(st) if q[2].unit != "count" or q[2].value >= 10]
        if not quantities:
            continue
        about = tuple(dict.fromkeys(m.key for m in ctx.mentions(s.index) if m.key != claimant
                                    and m.type in ("Person", "Organization", "Product")))
        claims.append(Claim(claimant=claimant, text=s.text.strip(), about=about,
                            quantities=tuple(q for _, _, q in quantities),
                            source=ctx.span(s.start, s.end, s.index), rule=QUANTIFIED_STATEMENT))
    return claims
