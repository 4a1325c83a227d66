"""Stage helper: the organisation an affiliation's words refer to: an anaphor ("its", "the company", "the
commission"), a noun that heads a name of the text ("the village"), a known leader's organisation, the article's
own company.

:class:`OrgReferents` holds one document's answers; :mod:`loaders.extract.affiliations` links people to them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.context import DocContext
from loaders.extract.lexicon import fold, lines
from loaders.extract.schema import ResolvedMention
from loaders.extract.topic import speaker_label

# anaphoric nouns for an organisation; the ones that are also part of official names are matched against the labels
COMPANY_NOUNS = ("company", "firm", "startup", "start-up", "lab", "group", "business", "chipmaker", "maker", "bank",
                 "newspaper", "paper", "broadcaster", "publisher", "insurer", "automaker", "carmaker", "airline")
NAMED_NOUNS = ("commission", "committee", "agency", "department", "ministry", "court", "university", "institute",
               "council", "regulator", "authority", "bureau", "foundation", "fund", "studio", "school", "village",
               "city", "town", "county", "board", "union", "centre", "center", "organisation", "organization",
               "association", "alliance", "coalition", "guild", "network")
_MEMBER_BODIES = frozenset({"union", "guild"})  # bodies of members, often named only by an acronym ("SAG-AFTRA")
_SPELLING = {"centre": "center", "organisation": "organization"}  # one spelling for a noun and a name's word
# the words of a past role ("X, a former director at Stripe,")
_FORMER_WORD = re.compile(r"\b(?:former|ex-|previously|formerly|onetime|one-time)\b", re.I)


def _head(label: str) -> str:
    """The head noun of an organisation's name, lower case: "village" of "Village of Caledonia", "board" of
    "Village Board"."""
    words = label.lower().split(" of ", 1)[0].split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _leaders() -> dict[str, list[frozenset[str]]]:
    """fold(leader's name) -> the folded names of each organisation they are known to lead (leaders.txt)."""
    out: dict[str, list[frozenset[str]]] = {}
    for line in lines("leaders.txt"):
        person, *orgs = (x.strip() for x in line.split("|"))
        out.setdefault(fold(person), []).append(frozenset(fold(o) for o in orgs))
    return out


class OrgReferents:
    """The organisations of one document that anaphors, nouns and titles refer to (computed once, cached)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.doc.clean
        self._topic: str | bool | None = False
        self._orgs: dict[str, str] | None = None

    def topic_org(self) -> str | None:
        """The organisation the article is about: the most often named one, when clearly ahead of the next."""
        if self._topic is False:
            text = self.text  # an interviewer's "BI:" labels do not make the outlet what the article is about
            counts = sorted(((sum(not speaker_label(text, x.start, x.end) for x in e.mentions), e.key)
                             for e in self.ctx.entities.values() if e.type == "Organization"), reverse=True)
            ok = counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] > counts[1][0])
            self._topic = counts[0][1] if ok else None
        return self._topic  # type: ignore[return-value]

    def org_by_name(self) -> dict[str, str]:
        """fold(name or alias) -> organisation key."""
        if self._orgs is None:
            self._orgs = {fold(n): e.key for e in self.ctx.entities.values() if e.type == "Organization"
                          for n in (e.label, *e.aliases)}
        return self._orgs

    def led_by_leader(self, person: str) -> set[str]:
        """The organisations of the text a well-known leader is known to lead: "CEO Sam Altman" in a story about
        Microsoft is OpenAI's when OpenAI is named (leaders.txt)."""
        known = _leaders().get(fold(self.ctx.label(person)), [])
        names = self.org_by_name()
        return {key for names_of in known for n in names_of if (key := names.get(n))}

    def only_headed_by(self, noun: str) -> str | None:
        """The one organisation of the text whose name the noun heads, wherever it is named ("Village President X"
        before "the Village of Caledonia" is first named); None when there is none or more than one."""
        want = _SPELLING.get(noun, noun)
        keys = {e.key for e in self.ctx.entities.values() if e.type == "Organization" and
                _SPELLING.get(_head(e.label), _head(e.label)) == want}
        return next(iter(keys)) if len(keys) == 1 else None

    def anaphor_org(self, noun: str | None, pos: int) -> str | None:
        """The organisation "its", "the company" or "the commission" refers to at ``pos``."""
        ctx = self.ctx
        if noun and noun.lower() in NAMED_NOUNS:
            # "the commission": the latest organisation whose name holds the noun ("Fair Trade Commission")
            want = _SPELLING.get(noun.lower(), noun.lower())
            holders = [m.key for si in range(ctx.sentence_at(pos), -1, -1) for m in reversed(ctx.mentions(si))
                       if m.end <= pos and m.type == "Organization" and
                       want in {_SPELLING.get(w, w) for w in ctx.label(m.key).lower().split()}]
            # the one the noun heads ("the village": "Village of Caledonia" before "Village Board")
            headed = [k for k in holders if _SPELLING.get(_head(ctx.label(k)), _head(ctx.label(k))) == want]
            # "the union's president" in a story about a union the text never calls one by name: the story's topic
            found = headed or holders or [self._described_as(want, pos)]
            return found[0] or (self._member_body(pos) if want in _MEMBER_BODIES else None)
        # "Vantage Compute said ..., and its CEO, X": an organisation earlier in the same sentence comes first
        orgs = [m for m in ctx.mentions(ctx.sentence_at(pos)) if m.end <= pos and m.type == "Organization"]
        past = {m.key for m in orgs if self._former_apposition(m)}
        here = [m for m in orgs if ctx.is_head(m) and m.key not in past]
        if here:
            return here[-1].key
        found = ctx.recent_subject(pos, ("Organization",)) or \
            ctx.recent(pos, ("Organization",), exclude=self._quoted_orgs(pos), max_sentences=2)
        return (found if found not in past else None) or self.topic_org()

    def _member_body(self, pos: int) -> str | None:
        """A union or guild of the text named before ``pos`` ("PEN Guild" for "the union"), else the story's topic."""
        ctx = self.ctx
        bodies = {m.key for si in range(ctx.sentence_at(pos) + 1) for m in ctx.mentions(si) if m.end <= pos and
                  m.type == "Organization" and not _MEMBER_BODIES.isdisjoint(ctx.label(m.key).lower().split())}
        return next(iter(bodies)) if len(bodies) == 1 else None if bodies else self.topic_org()

    def _described_as(self, noun: str, pos: int) -> str | None:
        """The latest organisation before ``pos`` that the text calls by the noun: "the actors' union SAG-AFTRA",
        "SAG-AFTRA, the actors' union" for "the union"."""
        ctx, text = self.ctx, self.text
        desc = rf"(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?{noun}s?"
        for si in range(ctx.sentence_at(pos), -1, -1):
            for m in reversed(ctx.mentions(si)):
                if m.end <= pos and m.type == "Organization" and (
                        re.search(rf"\b{desc}\s+$", text[max(0, m.start - 50):m.start], re.I) or
                        re.match(rf"\s*,\s+{desc}\b", text[m.end:m.end + 50], re.I)):
                    return m.key
        return None

    def _quoted_orgs(self, pos: int) -> set[str]:
        """Organisations named inside quotation marks in the sentences up to ``pos`` (a slogan's "Acme's Zoom
        cameras" is not what "the company" that follows refers to)."""
        ctx, text = self.ctx, self.text
        sent = ctx.sentence_at(pos)
        out: set[str] = set()
        for si in range(max(0, sent - 1), sent + 1):
            start = ctx.sentence(si).start
            out.update(m.key for m in ctx.mentions(si) if m.type == "Organization" and m.end <= pos and
                       sum(text.count(q, start, m.start) for q in '"“”') % 2)
        return out

    def _former_apposition(self, m: ResolvedMention) -> bool:
        """Whether an organisation is named in an apposition of a past role ("X, a former director at Stripe,"):
        "the company" and "its" after it refer to another one."""
        head = self.text[self.ctx.sentence(self.ctx.sentence_at(m.start)).start:m.start]
        return "," in head and bool(_FORMER_WORD.search(head[head.rfind(",") + 1:]))
