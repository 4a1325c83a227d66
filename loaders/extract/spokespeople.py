"""Whom an unnamed spokesperson speaks for when the text does not say: the organisation that the sentence before
introduced as the one responding ("The BBC welcomed the decision. “We're pleased …,” a spokesperson said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.criticism_found import Found
    from loaders.extract.criticism_index import CriticIndex

_QUOTE_OPENERS = "“\"‘'"
_LOOK_BACK = 3


def lead_in_org(ix: CriticIndex, pos: int, found: Found) -> str | None:
    """The organisation that is the subject of the sentence leading in to a spokesperson's statement at ``pos``
    (sentences of the statement's own quote passed over), in its paragraph or the one before; not one that has just
    criticised someone in that sentence ("X sued Y. A spokesperson said …" may be Y's reply: the caller decides)."""
    ctx = ix.ctx
    sent = ctx.sentence_at(pos)
    para = ctx.sentence(sent).paragraph
    for si in range(sent - 1, max(-1, sent - 1 - _LOOK_BACK), -1):
        s = ctx.sentence(si)
        if s.paragraph < para - 1:
            return None
        if ix.text[s.start] in _QUOTE_OPENERS:
            continue  # the statement's own quote, begun in an earlier sentence
        key = ctx.subject(si, s.end, ("Organization",))
        first = next((m for m in ctx.mentions(si) if ctx.is_head(m)), None)
        if key is None or first is None or first.key != key:
            return None  # the organisation must open the sentence as its subject
        if any(f.sent == si and f.critic == key for f in found):
            return None
        return key
    return None
