"""The read-only index the legal rules (criticism_legal) read a document through: who is the critic at a verb, the
names right after a verb, the parties a description or a list names (built once per document)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from loaders.extract import criticism_authority as authority
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import is_court
from loaders.extract.lexicon import lexicon
from loaders.extract.references import described_subject, named_by_noun, parties_at, refers_back
from loaders.extract.schema import ResolvedMention

ACTORS = ("Person", "Organization", "Group")
TARGETS = ("Organization", "Product", "Person")
# "acting for the NAACP", "on behalf of A": the party the plaintiff acts for sues too
_FOR_PARTY = re.compile(r"\b(?:on behalf of|acting for|representing)\s+(?:the\s+)?", re.I)
_CLAUSE_END = re.compile(r"[,;.:()\[\]—–]|\s-\s|\b(?:which|who|that|after|before|over|alleging|accusing|claiming|"
                         r"saying|because|while|for|in|on)\b")
# the gap between two names of a list: a comma, "and" or "together with", a short role ("and the artist"), or a name
# the mention finder did not read ("A, Jo Bloggs, and B")
_LIST_GAP = re.compile(r"\s*(?:,\s*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}\s*,\s*(?:and\s+)?|,\s*(?:and\s+)?|"
                       r"\s+and\s+(?:from\s+|by\s+)?|\s*&\s*|\s+(?:together|along)\s+with\s+)(?:the\s+)?"
                       r"(?:[a-z-]+\s+){0,2}")
# what may stand before a name right after a verb: a quote mark, "the", an initial
_GAP = re.compile(r"(\s*[“\"]?)(?:the\s+|[A-Z]\.\s+)?")  # "H. Southworth" where only the surname is a name
# what may stand between a listed subject and its verb: "A and B Inc. together sued"
_LIST_END = re.compile(r"\.?\s*(?:,\s*)?(?:(?:together|jointly|also|have|has|both)\s+)*")
# a clause whose subject is an authority described: "The agency ordered", "The regulator said it had"
_THE_AUTHORITY = re.compile(r"\s*(?:the|this)\s+(?:[a-z-]+\s+)?(?:agency|regulator|watchdog|commission|authority|"
                            r"ministry|department|government|bureau|office|commissioner)\b", re.I)
# a plural subject's members listed after it, and what closes the list before the verb
_INCLUDING = re.compile(r"\s*(?:[—–(]|,|\s-)\s*(?:who\s+include[sd]?|including|among\s+them|such\s+as)\s+")
_INCLUDED_END = re.compile(r"\s*(?:[—–)]|,|\s-)\s*(?:(?:together|jointly|also|have|has|had|both)\s+)*")
# a counted plural description the names follow in apposition: "two Chinese nationals, A and B"
_COUNTED = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[a-zA-Z-]+\s+){0,3}?"
                      r"[a-z]+s\s*,\s*")
# a clause whose subject is a description by a name's head noun: "The district asked"
_THE_HEAD = re.compile(r"\s*(?:The|the)\s+([a-z]+)\s+(?:(?:has|had|have|also|then|later|formally|\w+ly)\s+)*")
PRONOUN_SUBJECT = re.compile(r"\b(he|she|it)\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+|formally\s+)?$", re.I)
_REPORTED = re.compile(r"\b(?:reported|reports|wrote|writes|according to)\b", re.I)


class LegalIndex:
    """The resolved document as the legal rules read it: who is the critic at a verb, the names after a verb, lists
    of names (read-only; built once per document)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.doc.clean

    def critic(self, sent: int, pos: int) -> str | None:
        """The subject of the clause before ``pos`` (a description of a regulator resolved), never a court."""
        ctx = self.ctx
        cs = ctx.clause_start(sent, pos)
        if _REPORTED.search(self.text, cs, pos):
            return None  # "Reuters reported that X had sued": the outlet only reports
        key = ctx.subject(sent, pos, ACTORS) or described_subject(ctx, sent, pos)
        pronoun = PRONOUN_SUBJECT.search(self.text, cs, pos) if key is None else None
        if pronoun is not None:  # "In September he filed": a fronted time without a comma
            key = ctx.recent(pos, ("Person",)) if pronoun.group(1).lower() in ("he", "she") else \
                ctx.recent_subject(pos, ("Organization",))
        if key is not None and ctx.type_of(key) == "Group":
            noun = ctx.label(key).split()[-1].lower()
            key = refers_back(ctx, noun, pos, types=("Organization",)) or key
        head = _THE_HEAD.fullmatch(self.text, cs, pos) if key is None else None
        if head is not None:  # "The district asked": the organisation whose name ends in "District"
            key = named_by_noun(ctx, head.group(1), pos, any_noun=True)
        if (key is None or ctx.type_of(key) == "Group") and _THE_AUTHORITY.match(self.text, cs, pos):
            key = authority.recent_authority(ctx, sent, pos, 5) or key  # "The agency said it had summoned X"
        if key is None or is_court(ctx.label(key)) or self._modifies_group(sent, cs, pos, key):
            return None
        return key

    def _modifies_group(self, sent: int, start: int, end: int, key: str) -> bool:
        """Whether the name ``key`` in [start, end) only qualifies a group noun ("Tesla shareholders have filed"):
        the group, not the name, is the subject."""
        last = [m for m in self.ctx.mentions(sent, start, end) if m.key == key]
        word = re.match(r"\s+([a-z]+)\b", self.text[last[-1].end:end]) if last else None
        return word is not None and word.group(1) in lexicon().group_nouns

    def named_at(self, sent: int, pos: int, reach: int = 4,
                 types: tuple[str, ...] = TARGETS) -> ResolvedMention | None:
        """The head name starting within ``reach`` characters of ``pos`` (through "Musk's company xAI" to xAI)."""
        ctx = self.ctx
        heads = [m for m in ctx.mentions(sent, pos) if ctx.is_head(m)]
        gap = _GAP.fullmatch(self.text, pos, heads[0].start) if heads else None
        if gap is None or len(gap.group(1)) > reach:
            counted = _COUNTED.match(self.text, pos)  # "two Chinese nationals, A and B,": the names in apposition
            return self.named_at(sent, counted.end(), 2, types) if counted else None
        first = heads[0]
        if first.possessive and len(heads) > 1 and heads[1].start - first.end < 60 and \
                "," not in self.text[first.end:heads[1].start] and heads[1].type in types:
            return heads[1]  # "Elon Musk's artificial intelligence company xAI": the company
        return first if first.type in types else None

    def targets_at(self, sent: int, pos: int, critics: Sequence[str | None]) -> tuple[list[str], int] | None:
        """The parties named at ``pos`` ("A, B and C") and where they end, else the one a description there refers
        to ("accusing the company of"), never one of ``critics``, an authority or a court."""
        first = self.named_at(sent, pos)
        if first is not None:
            return [x.key for x in self.listed(first, sent)], first.end
        ctx = self.ctx
        return parties_at(ctx, pos, {c for c in critics if c},
                          lambda k: authority.is_authority(ctx, k) or is_court(ctx.label(k)))

    def described_at(self, sent: int, pos: int, types: tuple[str, ...] = TARGETS) -> ResolvedMention | None:
        """The first name within a short description after ``pos`` ("the Chinese app DeepSeek"), before any
        clause break."""
        ctx = self.ctx
        for m in ctx.mentions(sent, pos):
            if m.start - pos > 60 or _CLAUSE_END.search(self.text, pos, m.start):
                return None
            if ctx.is_head(m) and m.type in types:
                return m
        return None

    def listed(self, first: ResolvedMention, sent: int, types: tuple[str, ...] = TARGETS) -> list[ResolvedMention]:
        """``first`` and the names listed after it ("A, B and C", "A and from B")."""
        out, last = [first], first
        for m in self.ctx.mentions(sent, first.end):
            if not self.ctx.is_head(m) or m.start < last.end:
                continue
            if m.type not in types or not _LIST_GAP.fullmatch(self.text, last.end, m.start):
                break
            out.append(m)
            last = m
        return out

    def subject_list(self, sent: int, pos: int) -> list[str]:
        """Every name of a listed subject just before ``pos`` ("A and B together sued"), [] when there is no list."""
        ctx = self.ctx
        heads = [m for m in ctx.mentions(sent, ctx.sentence(sent).start, pos) if ctx.is_head(m)]
        if len(heads) < 2 or not _LIST_END.fullmatch(self.text, heads[-1].end, pos):
            return self.included(sent, pos)
        actors = ("Person", "Organization")
        for i, first in enumerate(heads[:-1]):
            names = self.listed(first, sent, actors)
            if names[-1] is heads[-1] and len(names) == len(heads) - i and not any(m.possessive for m in names):
                return [m.key for m in names if not is_court(ctx.label(m.key))]
        return []

    def included(self, sent: int, pos: int) -> list[str]:
        """The names a plural subject lists just before ``pos`` ("The authors — who include A, B and C — sued",
        "Several groups, including A and B, filed"): the group acts through each of them."""
        ctx, start = self.ctx, self.ctx.sentence(sent).start
        inc = _INCLUDING.search(self.text, start, pos)
        if inc is None or any(ctx.is_head(m) for m in ctx.mentions(sent, start, inc.start())):
            return []  # "A, including B": a name before the list is the subject itself
        actors = ("Person", "Organization")
        first = self.named_at(sent, inc.end(), 2, actors)
        names = self.listed(first, sent, actors) if first else []
        if not names or not _INCLUDED_END.fullmatch(self.text, names[-1].end, pos):
            return []
        return [m.key for m in names if not is_court(ctx.label(m.key))]

    def for_parties(self, sent: int, start: int, end: int) -> list[str]:
        """The parties a plaintiff acts for between ``start`` and ``end`` ("acting on behalf of the NAACP")."""
        out: list[str] = []
        for f in _FOR_PARTY.finditer(self.text, start, end):
            m = self.named_at(sent, f.end(), 2, ("Person", "Organization"))
            out += [x.key for x in self.listed(m, sent, ("Person", "Organization"))] if m else []
        return out

    def find(self, pat: re.Pattern[str], sent: int, *needs: frozenset[str]) -> Iterable[re.Match[str]]:
        """The matches of ``pat`` in a sentence that holds a word of each of ``needs`` (a cheap filter first)."""
        words = self.ctx.words(sent)
        if any(words.isdisjoint(n) for n in needs):
            return ()
        s = self.ctx.sentence(sent)
        return pat.finditer(self.text, s.start, s.end)

    def named_together(self, sent: int, exactly: int) -> list[str]:
        """The names of the latest list of people or organisations ("A and B") in the five sentences before
        ``sent`` (of ``exactly`` names when that is not 0)."""
        ctx = self.ctx
        actors = ("Person", "Organization")
        for si in range(sent - 1, max(-1, sent - 6), -1):
            heads = [m for m in ctx.mentions(si) if ctx.is_head(m) and m.type in actors]
            for i in range(len(heads) - 1, -1, -1):
                first = heads[i]
                if i and _LIST_GAP.fullmatch(self.text, heads[i - 1].end, first.start):
                    continue  # inside a longer list: "A, B and C" is not "B and C"
                names = self.listed(first, si, actors)
                if len(names) >= 2 and (not exactly or len(names) == exactly) and \
                        re.search(r"\band\b", self.text[names[-2].end:names[-1].start]):
                    return [x.key for x in names]
        return []

    def topic(self, sent: int, pos: int, exclude: list[str]) -> list[str]:
        """The organisation the last sentences name most (the story's company), not one of ``exclude``."""
        ctx = self.ctx
        cands = {m.key for si in range(max(0, sent - 5), sent + 1) for m in ctx.mentions(si)
                 if m.start < pos and m.type == "Organization" and m.key not in exclude and ctx.is_head(m)
                 and not authority.is_authority(ctx, m.key) and not is_court(ctx.label(m.key))}
        best = max(cands, key=lambda k: (len(ctx.entities[k].mentions), k), default=None)
        return [best] if best else []
