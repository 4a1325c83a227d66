"""Claims: the subject a verb of saying has right before it, where it is a definite description ("after the actress
said …", "the newspaper group said …"): the speaker is whom the description refers to, not the subject of the
sentence around it; a description nothing in the article answers to leaves the statement without a known speaker."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.extract.claim_speech import verb_position
from loaders.extract.references import is_plural, refers_back

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
# words a description's noun or modifier slot may take that make no noun phrase ("the and", "the of")
NO_NOUN_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from",
                           "it"})
_SPEAKER_TYPES = ("Person", "Organization")
# "the Anthropic chief", "the OpenAI boss", "the Cabinet Office secretary": a role the organisation's name describes
_HELD_ROLE = re.compile(r"\s+(?P<role>chief|boss|ceo|founder|co-founder|cofounder|head|chairman|chairwoman|chair|"
                        r"president|secretary|minister|director|leader|commissioner)(?:\s+executive)?\s+"
                        r"(?:(?:also|has|had|later|then|previously|again|now)\s+)*", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
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
    if noun in _DOCUMENT_NOUNS or noun in NO_NOUN_WORDS or modifier in NO_NOUN_WORDS or is_plural(noun):
        return None  # a document's voice, no noun phrase, or a plural standing for several
    pos = start + m.start()
    key = refers_back(ctx, noun, pos, kinds=True, any_noun=True, types=_SPEAKER_TYPES)
    return key if key is not None else _UNKNOWN


def role_holder(ctx: DocContext, a: Attribution, employers: dict[str, set[str]],
                roles: dict[tuple[str, str], str]) -> str | None:
    """'the Anthropic chief forecast …', 'the Cabinet Office secretary said …': the person the article ties to that
    organisation (``employers``: person -> organisations; the one, else the one whose role, in ``roles``, holds the
    word) speaks, not the organisation."""
    text = ctx.doc.clean
    at = verb_position(ctx, a) if a.kind == "reported" else -1
    if at < 0:
        return None
    s = ctx.sentence(a.sent)
    for m in ctx.mentions(a.sent, s.start, at):
        # the speaker so described: the subject right before the verb, or the one a second verb shares ("the
        # Anthropic chief forecast that … and said …")
        role = _HELD_ROLE.match(text, m.end, at)
        if m.type != "Organization" or role is None or (role.end() != at and m.key != a.speaker) or \
                not _THE_BEFORE.search(text, max(s.start, m.start - 5), m.start):
            continue
        people = [p for p, orgs in employers.items() if m.key in orgs and ctx.type_of(p) == "Person"]
        word = role.group("role").lower()
        found = people if len(people) == 1 else [p for p in people if word in roles.get((p, m.key), "")]
        return found[0] if len(found) == 1 else None
    return None
