"""A statement whose speaker is an organisation described, not named: "The group said it had gathered …", "…, the
department said." (the claims stage's reported speech; who the description refers to is references.refers_back's)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.attribution import Attribution
from loaders.extract.claim_subjects import NO_NOUN_WORDS
from loaders.extract.references import is_plural, refers_back

if TYPE_CHECKING:
    from loaders.extract.context import DocContext

# words that may stand between the description and its verb ("the group also said", "the agency had said")
_BEFORE_VERB = "also|later|then|previously|again|now|has|had"
_SPEECH = r"(?:said|says|added|adds|noted|notes|stated|states|wrote|writes|estimated|estimates|argued|argues|" \
          r"explained|explains|maintained|maintains|confirmed|confirms)"
# "The group said it had gathered …", "In a statement, the department also said …": a definite description opening
# the sentence (after at most a short phrase) as the subject of a verb of saying
_DESCRIBED_SAID = re.compile(rf"[\s“\"]*(?:[^,“\"]{{1,60}},\s+)?[Tt]he\s+(?:(?P<mod>[a-z][\w-]*)\s+)?"
                             rf"(?P<noun>(?!(?:{_BEFORE_VERB})\b)[a-z]+)\s+(?:(?:{_BEFORE_VERB})\s+)*"
                             rf"{_SPEECH}\s+(?:(?:on|in|last|this)\s+\w+\s+)?(?:that\s+)?")
# "…, the company said.", "…, the department said in a statement.": the description closing the sentence
_DESCRIBED_AFTER = re.compile(rf",\s+the\s+(?:(?P<mod>[a-z][\w-]*)\s+)?(?P<noun>(?!(?:{_BEFORE_VERB})\b)[a-z]+)\s+"
                              rf"(?:also\s+)?{_SPEECH}"
                              rf"(?:\s+(?:in|on|at|to|last|this|earlier)\b[^,.;“”\"]{{0,40}})?[.!]?\s*$")
_MIN_STATEMENT = 8  # characters a statement needs besides its speaker


def described_attribution(ctx: DocContext, sent: int) -> Attribution | None:
    """'The group said it had gathered …', '…, the department said.': the organisation the description refers back
    to states the rest of the sentence; None where it refers to none, or where it is a plural ("the companies
    said": several parties)."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    m = _DESCRIBED_SAID.match(text, s.start, s.end)
    speaker_last = m is None  # then the statement comes first: '…, the department said.'
    if speaker_last:
        m = _DESCRIBED_AFTER.search(text, s.start, s.end)
    if m is None:
        return None
    noun, mod = m.group("noun"), m.group("mod") or ""
    if mod in NO_NOUN_WORDS or is_plural(noun) or \
            ctx.mentions(sent, m.start("noun") - len(mod) - 5, m.end("noun")):
        return None  # no noun phrase, a plural, or a name (attribution's to read)
    key = refers_back(ctx, noun, m.start("noun"), kinds=True, any_noun=True, types=("Organization",))
    if key is None:
        return None
    start, end = (s.start, m.start()) if speaker_last else (m.end(), s.end)
    if end - start < _MIN_STATEMENT:
        return None
    return Attribution(key, "reported", start, end, sent, sent, None, text[start:end])
