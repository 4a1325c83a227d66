"""What the speaker did to another party, in its own account: an action (an event), not a claim (GOLD_SCHEMA: "the
actor's own … announcements of its own actions or decisions" are not claims).

"The DMV said it notified Cruise of the suspension", "Cloudflare said it removed Perplexity from its verified bot
list": the speaker ("it", "we", "he", "she", "they") as subject, a verb in the past, and another named actor as its
object. What the speaker reports about others, its results or its standing ("it had overtaken Google", "it had 1,000
customers") keeps its claim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

# a pronoun subject, then a verb in the past (regular, or a common irregular verb of doing), then the object
_SELF_ACTION = re.compile(
    r"(?:that\s+)?(?:it|we|he|she|they)\s+(?:(?:has|had|have)\s+)?(?:(?:also|since|already|now|then|later|"
    r"previously|first|\w+ly)\s+)?[\"“]?(?P<verb>[a-z]{3,}ed|told|sent|gave|met|paid|sought|took|brought|"
    r"let|left|hit|cut|struck|won|sold)[\"”]?\s+(?:the\s+)?", re.I)
# verbs that compare or measure the speaker against another party: a statement of its standing, a claim
_COMPARING = re.compile(r"(?:out\w+|surpassed|overtook|overtaken|exceeded|trailed|matched|rivall?ed|lagged|"
                        r"passed|topped|beaten|eclipsed|edged)$", re.I)
_ACTORS = ("Person", "Organization")


def own_action(ctx: DocContext, speaker: str, sent: int, start: int, end: int) -> bool:
    """Whether a statement is the speaker's own past action on another named person or organisation ("it notified
    Cruise of the suspension"): an event it reports of itself, not a claim."""
    m = _SELF_ACTION.match(ctx.doc.clean, start, end)
    if m is None or _COMPARING.match(m.group("verb")):
        return False
    first = next(iter(ctx.mentions(sent, m.end(), end)), None)
    return first is not None and first.start == m.end() and first.type in _ACTORS and first.key != speaker


# '“PJM insists that the amendments were …,” the Commission said': the quote relays another party's position
_RELAYING = re.compile(r"[\s“\"]*(?:\S+\s+){0,3}?(?:insists|insisted|says|said|argues|argued|claims|claimed|contends|"
                       r"contended|maintains|maintained|asserts|asserted|believes|alleges)\s+that\b", re.I)


def relayed(ctx: DocContext, speaker: str, sent: int, start: int, end: int) -> bool:
    """Whether a statement opens by giving another named party's position ("PJM insists that …"): the speaker
    reports what that party holds, not a fact of its own."""
    first = next(iter(ctx.mentions(sent, start, end)), None)
    if first is None or first.type not in _ACTORS or first.key == speaker or \
            re.fullmatch(r"[\s“\"]*(?:the\s+)?", ctx.doc.clean[start:first.start], re.I) is None:
        return False
    return _RELAYING.match(ctx.doc.clean, first.end, end) is not None
