"""Claims: the subject a verb of saying has right before it, where it is a definite description ("after the actress
said …", "the newspaper group said …"): the speaker is whom the description refers to, not the subject of the
sentence around it; a description nothing in the article answers to leaves the statement without a known speaker."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.claim_speech import verb_position
from loaders.extract.references import references

if TYPE_CHECKING:
    from loaders.extract.attribution import Attribution
    from loaders.extract.context import DocContext

# "the actress said", ", the newspaper group said", "after the regulator said": a definite description that is the
# whole subject of the verb's clause (it opens the sentence or follows a comma or a word that opens a clause)
_DESCRIBED_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:after|when|while|as|because|since|but|and|though|although|before|until|whereas|so)\s+)"
    r"[Tt]he\s+(?:([a-z][a-z-]*)\s+)?([a-z]+)\s+(?:(?:also|has|had|have|later|then|previously|again|now)\s+)*$")
# a document speaks for its authors ("the letter says", "the report found"): other stages find who they are
_DOCUMENT_NOUNS = frozenset({"letter", "report", "statement", "filing", "complaint", "lawsuit", "suit", "study",
                             "survey", "post", "paper", "document", "memo", "analysis", "research", "ruling", "order",
                             "petition", "release", "data", "figures", "numbers", "website", "blog", "bill", "law",
                             "court", "judge", "decision", "notice", "proposal", "plan", "rules", "policy"})
_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "it"})
_SPEAKER_TYPES = ("Person", "Organization")
_UNKNOWN = ""  # the description refers to nobody the article names


def described_speaker(ctx: DocContext, a: Attribution) -> str | None:
    """Whom a definite description right before a reported verb of saying refers to: None where no such subject
    stands there, "" where one does but the article names nobody it fits (no speaker then), else the key."""
    if a.kind != "reported" or not a.verb:
        return None
    at = verb_position(ctx, a)
    if at < 0:
        return None
    start = ctx.sentence(a.sent).start
    m = _DESCRIBED_BEFORE.search(ctx.doc.clean[start:at])
    if m is None:
        return None
    modifier, noun = (m.group(1) or "").lower(), m.group(2).lower()
    if noun in _DOCUMENT_NOUNS or noun in _WORDS or modifier in _WORDS or \
            (noun.endswith("s") and not noun.endswith("ss")):
        return None  # a document's voice, no noun phrase, or a plural standing for several
    pos = start + m.start()
    key = references(ctx).described(noun, pos, kinds=True) or ctx.named_by_noun(noun, pos)
    return key if key is not None and ctx.type_of(key) in _SPEAKER_TYPES else _UNKNOWN
