"""Role checks on the document's finished criticisms: whoever found them, some parties cannot hold the role given.

Run last in the criticisms stage, over the rules', the legal rules' and the learned pair's criticisms alike:

- a court or a tribunal named as an organisation is neither critic nor target: it is where the parties' criticisms
  are heard, and what a party "told the court" or appeals against is the case, not a judgement of the court (a judge
  who rebukes a party in a ruling is a critic, and stays: a person);
- an organisation named only as the modifier of a person's role ("the Tesla and SpaceX chief sued …", "a former
  Facebook moderator, D., has sued …") is not who acted: the person is.

Tried and left out: dropping a learned pair whose target is a news outlet (speaker_refs.is_outlet) removed 6
wrong pairs and 2 right ones over the 32 tuning sets, and lowered their mean F1 (recall fell more than precision
rose: the test also takes companies for outlets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import Criticism
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import is_court

# "the Tesla chief", "a former Facebook moderator", "the Tesla and SpaceX chief": nouns of a person's role that an
# organisation's name can modify; not "spokesperson" (who speaks for the organisation) nor "board" or "lawyers"
_ROLE_AFTER = re.compile(r"(?:['’]s)?(?:\s+and\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)?\s+(?:former\s+)?"
                         r"(?:chief|boss|founder|co-?founder|moderator|employee|engineer|researcher|contractor|"
                         r"worker|staffer|veteran|alumnus)s?\b")
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ff]ormer|[Ee]x-)\s+(?:former\s+)?(?:[A-Z][\w.&-]*\s+and\s+)?$")


def checked(ctx: DocContext, criticisms: Sequence[Criticism]) -> list[Criticism]:
    """The criticisms whose critic and target can hold their roles (see the module's docstring)."""
    out = []
    for c in criticisms:
        if _court(ctx, c.critic) or _court(ctx, c.target):
            continue
        if _role_modifier_only(ctx, c):
            continue
        out.append(c)
    return out


def _court(ctx: DocContext, key: str) -> bool:
    """Whether an entity is a court or a tribunal named as an organisation ("the First Tier Tribunal")."""
    return ctx.type_of(key) == "Organization" and is_court(ctx.label(key))


def _role_modifier_only(ctx: DocContext, c: Criticism) -> bool:
    """Whether the critic, an organisation, is named in the criticism's sentence only as the modifier of a person's
    role ("the Tesla chief")."""
    if c.critic not in ctx.entities or ctx.type_of(c.critic) != "Organization":
        return False
    text = ctx.doc.clean
    own = [m for m in ctx.mentions(ctx.sentence_at(c.source.start)) if m.key == c.critic]
    return bool(own) and all(_ROLE_AFTER.match(text, m.end) and
                             _ROLE_BEFORE.search(text, max(0, m.start - 40), m.start) for m in own)
