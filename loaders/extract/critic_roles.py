"""Criticism helpers for who speaks and who is meant: a title or a group noun before a name, names listed or joined
to the critic, "the ChatGPT maker", a letter's addressee, the other party of an exchange (mixed into the criticism
finder)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from loaders.extract.judgements import ON_BEFORE, PLATFORMS

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.schema import ResolvedMention

# "Critics, including Senator X, ...", "The authors — who include X": the named member of a group
_INCLUDING = re.compile(r"[^,;.]{0,40}(?:,\s+(?:including|among them|such as|notably)|\s*[—–(]\s*(?:who|which)\s+"
                        r"include[ds]?|\s*[—–(]\s*(?:including|among them))\s+")
# "its executive director, Paul Grady," / "the engineer Ann Lee": a group noun and the person it introduces
_APPOSED_NAME = re.compile(r"(?:\s+[\w-]+){0,3}\s*,\s*|\s+")
# the words between an organisation and a person it premodifies: a title ("analyst", "'s chief executive")
_TITLE_GAP = re.compile(r"(?:[’']s)?(?:\s+(?!(?:and|or|said|says|with|of|at|to|for|on|by|from)\b)[\w.&-]+){1,6}\s+")
_JOINED_NAME = re.compile(r"\s*,?\s+(?:and|&)\s+(?:the\s+)?|\s*,\s+(?:the\s+)?")
# the second name of "X and Y sued" is followed by the verb (or a short adverbial), not by more of the sentence
_VERB_NEXT = re.compile(r"(?:\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][^,;]{0,40}?)?\s*(?:(?:also|both|first|later|then|"
                        r"now|together|\w+ly|have|has|had|on \w+day|last \w+|this \w+)\s+){0,2}$")
# "the ChatGPT maker", "the iPhone maker": a definite description of the organisation behind a product
_MAKER_AFTER = re.compile(r"\s+(?:maker|developer|creator|owner|operator|parent)\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+\s+)?$", re.I)
# "Tesla shareholders have sued", "OpenAI and Anthropic researchers decry", "the parents of Adam Raine are suing":
# the name qualifies the unnamed subject
_GROUP_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
                          r"[’']?s?\s+(?:shareholders|investors|users|customers|employees|workers|staff|fans|"
                          r"critics|subscribers|drivers|residents|parents|families|post|posts|thread|commenters?|"
                          r"researchers|engineers|scientists|staffers|insiders)\b")
_KIN_OF = re.compile(r"\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:parents|family|families|relatives|widow|son|daughter|"
                     r"children|friends|fans|supporters|users|customers|shareholders|investors|neighbours|neighbors)\s+"
                     r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
# "The authors — who include A, B and C — sued": the members named in a dash parenthesis before the verb
_DASH_MEMBERS = re.compile(r"\s[—–]\s*(?:who|which)\s+include[ds]?\s+([^—–]{3,200}?)\s*[—–]\s*(?:[a-z]+\s+)?$")
# "The Republican chair of the House Committee on China has protested": a person described by a role speaks
_ROLE_OF = re.compile(r"\s*the\s+(?:[\w-]+\s+){0,3}?(?:chair|chairman|chairwoman|head|leader|member|president|director|"
                      r"secretary|minister|spokesperson|spokesman|spokeswoman)\s+of\s+(?:the\s+)?[^,;]{0,80}$", re.I)
# "wrote to Commerce Secretary X", "a letter to X": whom a quoted letter addresses
_WROTE_TO = re.compile(r"\b(?:wrote|writes|write|letter|letters)\s+to\s+", re.I)
# at most a title or two between a quote and its speaker ("“…,” Sen. Warren and Sen. Kim wrote")
_TITLES_ONLY = re.compile(r"^[,.!?]?\s*(?:[A-Z][\w.]*\s+){0,2}$")


class RoleMixin:
    """Methods of the criticism finder that pick the critic and the target among the names of a passage."""

    ctx: DocContext
    text: str
    found: list[Any]
    allies: dict[str, set[str]]
    p: dict[str, re.Pattern[str]]

    def _excluded(self, critic: str) -> set[str]:
        raise NotImplementedError

    def listed(self, first: list[ResolvedMention], sent: int) -> list[ResolvedMention]:
        raise NotImplementedError

    def true_list(self, first: ResolvedMention | None, sent: int, pos: int) -> list[ResolvedMention]:
        raise NotImplementedError

    def _not_speaking(self, sent: int, key: str, cs: int, pos: int) -> bool:
        """Whether the subject name only qualifies the real, unnamed subject: "users on Reddit", "Tesla
        shareholders", "the parents of Adam Raine"."""
        m = next((x for x in self.ctx.mentions(sent, cs, pos) if x.key == key), None)
        if m is None:
            return False
        if self.ctx.label(key) in PLATFORMS and ON_BEFORE.search(self.text, max(cs, m.start - 8), m.start):
            return True
        return bool(_GROUP_AFTER.match(self.text, m.end) or _KIN_OF.match(self.text, cs, m.start) or
                    _ROLE_OF.match(self.text, cs, m.start))

    def _titled_person(self, sent: int, key: str | None, pos: int) -> str | None:
        """"Morgan Stanley analyst Priya Raman", "Meta's vice president Ravi Menon": the person the organisation
        premodifies speaks, not the organisation."""
        ctx = self.ctx
        if key is None or ctx.type_of(key) != "Organization":
            return key
        ms = ctx.mentions(sent, None, pos)
        org = next((m for m in ms if m.key == key), None)
        if org is None:
            return key
        for m in ms:
            if m.start <= org.start:
                continue
            if m.type == "Person" and ctx.is_head(m) and _TITLE_GAP.fullmatch(self.text, org.end, m.start):
                return m.key
            if m.type == "Person" or m.start - org.end > 50:
                break
        return key

    def _co_subjects(self, sent: int, critic: str, pos: int) -> list[str]:
        """The names joined to the critic by "and" in the subject before ``pos``."""
        ctx = self.ctx
        ms = [m for m in ctx.mentions(sent, ctx.clause_start(sent, pos), pos) if ctx.is_head(m)]
        out: list[str] = []
        for a, b in pairwise(ms):
            if a.key in (critic, *out) and b.type in ("Person", "Organization") and b.key != critic and \
                    _JOINED_NAME.fullmatch(self.text, a.end, b.start) and _VERB_NEXT.match(self.text, b.end, pos):
                out.append(b.key)
        first = ms[0] if ms and ms[0].key == critic else None
        members = self._members(sent, pos)
        if first is None and members and members[0].key == critic:
            first = members[0]  # "The authors — who include A, B and C — sued"
        for m in self.true_list(first, sent, pos):  # "A, B, C and 14 other authors, in a suit ..., accused"
            if m.key not in out:
                out.append(m.key)
        return out

    def _members(self, sent: int, pos: int) -> list[ResolvedMention]:
        """The names of a subject's parenthesis just before ``pos``: "The authors — who include A, B and C — sued"."""
        s = self.ctx.sentence(sent)
        m = _DASH_MEMBERS.search(self.text, s.start, pos)
        if m is None:
            return []
        return [x for x in self.ctx.mentions(sent, m.start(1), m.end(1)) if x.type in ("Person", "Organization")]

    def _apposed_person(self, group: str, sent: int, pos: int) -> str | None:
        """The person a group noun introduces: "its executive director, Paul Grady," / "the engineer, Ann Lee,"."""
        ctx = self.ctx
        ms = ctx.mentions(sent, None, pos)
        for i, m in enumerate(ms):
            if m.key != group:
                continue
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt is not None and nxt.type == "Person" and _APPOSED_NAME.fullmatch(self.text, m.end, nxt.start):
                return nxt.key
            # "Critics in Washington, including Senator Elizabeth Warren, have accused": the named one speaks
            inc = _INCLUDING.match(self.text, m.end, pos)
            person = next((x for x in ms[i + 1:] if x.type == "Person" and inc and x.start >= inc.end() and
                           x.start - inc.end() < 25), None) if inc else None
            if person is not None:
                return person.key
        return None

    def _spoken_for(self, pos: int) -> str | None:
        """Whom an unaffiliated spokesperson speaks for: the organisation criticised last, else the story's."""
        ctx = self.ctx
        sent = ctx.sentence_at(pos)
        for f in reversed(self.found):
            if f.start < pos and sent - f.sent <= 12:
                org = next((t for t in f.targets if ctx.type_of(t) == "Organization"), None)
                if org is not None:
                    return org
        return ctx.salient(pos, set(), max_sentences=8)

    def _maker(self, m: ResolvedMention, excluded: set[str]) -> ResolvedMention:
        """"the ChatGPT maker": the organisation that makes the product (its developer, else the organisation the
        passage is about), as a mention over the same span."""
        ctx = self.ctx
        after = _MAKER_AFTER.match(self.text, m.end)
        if after is None or not _THE_BEFORE.search(self.text, max(0, m.start - 20), m.start):
            return m
        # "the Facebook parent", "the Instagram owner": an organisation's owner is another organisation
        owner = m.type == "Organization" and re.match(r"\s+(?:parent|owner)\b", after.group(0))
        if m.type != "Product" and not owner:
            return m
        devs = sorted(o for o in self.allies.get(m.key, ()) if ctx.type_of(o) == "Organization")
        key = devs[0] if devs else ctx.salient(m.start, excluded | {m.key}, max_sentences=8)
        if key is None or key in excluded:
            return m
        return replace(m, key=key, type="Organization", possessive=False)

    def _co_speakers(self, speaker: str, sent: int, qe: int) -> list[str]:
        """The names joined by "and" to the speaker named right after a quote ('“…,” Warren and Kim wrote')."""
        ctx = self.ctx
        ms = [m for m in ctx.mentions(sent, qe, min(ctx.sentence(sent).end, qe + 80)) if ctx.is_head(m)]
        if len(ms) < 2 or ms[0].key != speaker or not _TITLES_ONLY.match(self.text[qe:ms[0].start]):
            return []
        b = ms[1]
        joined = re.fullmatch(r"\s+and\s+(?:[A-Z][\w.]*\s+)?", self.text[ms[0].end:b.start])
        said = self.p["speech"].match(self.text, b.end + 1)
        return [b.key] if joined and said and b.type == "Person" and b.key != speaker else []

    def _letter_addressee(self, pos: int, critic: str) -> list[str]:
        """Whom a letter quoted at ``pos`` is written to ("wrote to Commerce Secretary X", "a letter to X"), named
        in its paragraph just before."""
        ctx = self.ctx
        sent = ctx.sentence_at(pos)
        para = ctx.sentence(sent).paragraph
        for si in range(sent, max(-1, sent - 4), -1):
            s = ctx.sentence(si)
            if s.paragraph < para - 1:
                break
            for w in _WROTE_TO.finditer(self.text, s.start, min(s.end, pos)):
                near = [m for m in ctx.mentions(si, w.end(), s.end) if ctx.is_head(m) and m.start - w.end() < 40
                        and m.type in ("Person", "Organization") and m.key not in self._excluded(critic)]
                if near:
                    return [near[0].key]
        return []

    def _same_critic(self, critic: str, sent: int, pos: int) -> list[str]:
        """The targets of the critic's last criticism in this or the previous sentence ("sued X and Y, accusing them
        of ...")."""
        for f in reversed(self.found):
            if f.critic == critic and sent - 1 <= f.sent <= sent and f.start < pos:
                return list(f.targets)
        return []

    def addressee(self, pos: int, critic: str) -> str | None:
        """In an exchange, the other party: who last criticised ``critic``, else the last other person named."""
        for f in reversed(self.found):
            if critic in f.targets and f.start < pos and self.ctx.type_of(f.critic) == "Person" \
                    and self.ctx.sentence_at(pos) - f.sent <= 8:
                return f.critic
        return self.ctx.recent(pos, ("Person",), self._excluded(critic), max_sentences=6)
