"""The read-only index of one resolved document that every criticism rule is given.

A rule (see :mod:`loaders.extract.criticism_found`) reads the document through the index and never changes it.
The attribution stage (loaders.extract.pipeline) builds one per document and attributes its quotes; the criticism
stage runs the rules on it in a declared order and merges what they return, and the claims stage finds the speakers
of statements through it. The index memoises what several rules and stages ask (a quote's negative word, its
polarity, the critic at a verb, the quotes' speakers); a memo never changes an answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, overload

from loaders.extract import critic_roles as roles
from loaders.extract import judgements
from loaders.extract.attribution import Attribution, patterns, quote_attributions
from loaders.extract.criticism_documents import document_author
from loaders.extract.criticism_found import Finding, Found
from loaders.extract.sentiment import THRESHOLD, polarity

if TYPE_CHECKING:
    from kg.model import Event, Relation
    from loaders.extract.context import DocContext

_FORMER = re.compile(r"\b(?:former|formerly|previously|ex-|left|quit|departed|resigned|fired|ousted)\b", re.I)
# after a person's name: that the person left the organisation ("resigned", "his reasons for quitting")
_EXIT = re.compile(r"\b(?:resign(?:s|ed|ing|ation)?|quit(?:s|ting)?|stepped\s+down|stepping\s+down|"
                   r"left\s+(?:the|his|her)\s+(?:company|firm|startup|lab|job|post|role|board)|departed|departure|"
                   r"(?:was|were|been)\s+(?:fired|ousted|pushed\s+out|forced\s+out))\b", re.I)
# a negator just before a judgement word ("never intended to harm", "is not lying")
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|nor|n[’']t)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "Mary Lee, a researcher at Acme Labs" / "Mary Lee, Acme’s chief executive": the organisation a person speaks from
_APPOSITION_AT = re.compile(r"^,\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,6}?(?:at|of|for|with|from)\s+(?:the\s+)?"
                            r"(?:[\w-]+\s+){0,3}$")
_APPOSITION_OWNER = re.compile(r"^,\s+$")
# 'about Meta's announcement," Newton wrote': a quote's end between them, the person is no owner's officer
_QUOTE_MARK = re.compile(r"[\"“”]")
_OWNER_ROLE = re.compile(r"^[’'](?:s)?\s+(?:[a-z-]+\s+){0,4}?(?:[a-z-]+)\s*(?:[,.;]|$)", re.I)


class CriticIndex:
    """The resolved document as the criticism rules read it: its text and context, who is allied with whom, what
    each organisation published, and memoised judgements. Built once per document by the attribution stage and read
    by the criticism and claims stages (the claims stage finds the speakers of statements with no findings: a
    spokesperson is then mapped from the story alone)."""

    def __init__(self, ctx: DocContext, relations: list[Relation], events: list[Event]) -> None:
        self.ctx = ctx
        self.p = patterns()
        self.text = ctx.doc.clean
        self.allies = _allies(ctx, relations)
        self.publications = {p.entity: ev.key for ev in events if ev.type == "Publication"
                             for p in ev.participants if p.role == "publisher"}
        # the same quote or clause is judged by several rules: its negative word and polarity are computed once
        self._neg: dict[str, re.Match[str] | None] = {}
        self._pol: dict[str, float] = {}
        self._dissent_hits: dict[int, bool] = {}
        self._critics: dict[tuple[int, int, int, Finding | None], str | None] = {}
        self._free_critics: dict[tuple[int, int], str | None] = {}  # the critics found without reading findings
        self._quoted: tuple[Attribution, ...] | None = None
        self._quoted_read = True  # whether attributing the quotes read the (empty) findings

    def quoted(self) -> tuple[Attribution, ...]:
        """The direct quotes' attributions with no findings (read by the claims stage, and by the criticism stage where
        they read no findings; attributed once)."""
        if self._quoted is None:
            watched = _Watched(())
            self._quoted = tuple(quote_attributions(self.speakers(watched)))
            self._quoted_read = watched.read
        return self._quoted

    def quoted_for(self, found: Found) -> list[Attribution]:
        """The direct quotes' attributions given the findings so far (read by the criticism stage): those of
        :meth:`quoted` where attributing them read no findings, as in most documents; else attributed again."""
        quoted = self.quoted()
        if not self._quoted_read:
            return list(quoted)
        return quote_attributions(self.speakers(found))

    def negative(self, text: str) -> re.Match[str] | None:
        """The first negative-judgement word of a text (memoised per document)."""
        if text in self._neg:
            return self._neg[text]
        # "No AI is perfect", "is not ignoring the protocol": a negated judgement word judges nothing
        m = next((x for x in self.p["negative"].finditer(text)
                  if not _NEGATED_BEFORE.search(text, max(0, x.start() - 24), x.start())), None)
        self._neg[text] = m
        return m

    def polarity(self, text: str) -> float:
        """The polarity of a text (memoised per document)."""
        v = self._pol.get(text)
        if v is None:
            v = self._pol[text] = polarity(text)
        return v

    def judged_text(self, text: str) -> bool:
        """A negative judgement in reported content: a judgement word, or a negative polarity."""
        return self.negative(text) is not None or self.polarity(text) <= THRESHOLD

    def dissent(self, sent: int) -> bool:
        """Whether the sentence follows a cue of dissent in its paragraph ("Not everyone is sold. “…,” said X")."""
        ctx = self.ctx
        para = ctx.sentence(sent).paragraph
        for si in range(sent, max(-1, sent - 3), -1):
            s = ctx.sentence(si)
            if s.paragraph != para and not (si == sent - 1 and judgements.alone(ctx, si)):
                break
            hit = self._dissent_hits.get(si)
            if hit is None:  # each sentence is asked about by up to three
                hit = self._dissent_hits[si] = judgements.DISSENT.search(ctx.stext(si)) is not None
            if hit:
                return True
        return False

    def side(self, key: str) -> set[str]:
        """The entity, its allies and, for an organisation among them, that organisation's allies: who speaks for
        whom."""
        side = {key} | self.allies.get(key, set())
        for o in list(side):
            if self.ctx.type_of(o) == "Organization":
                side |= self.allies.get(o, set())
        return side

    def excluded(self, critic: str) -> set[str]:
        """Whom a critic does not criticise: itself, a person's own organisation and its products, an organisation's
        own products."""
        type_of = self.ctx.type_of
        kind = "Organization" if type_of(critic) == "Person" else "Product"
        own = {k for k in self.allies.get(critic, set()) if type_of(k) == kind}
        if kind == "Organization":
            own |= {p for o in own for p in self.allies.get(o, set()) if type_of(p) == "Product"}
        return {critic} | own

    def critic_at(self, sent: int, pos: int, found: Found = ()) -> str | None:
        """The critic: subject of the clause before ``pos``, spokespeople mapped to their organisation."""
        # memoised: several rules and stages ask at the same verb. Most answers depend on the document alone: those
        # whose finding never read the findings so far are kept by position, for every later asker
        free = self._free_critics.get((sent, pos), _UNKNOWN)
        if free is not _UNKNOWN:
            return free  # type: ignore[return-value]
        # the others depend on the findings so far (a spokesperson's organisation), which the collector only
        # appends to, so their number and the last one complete the key (of the findings themselves where a caller
        # watches them: reading them for the key is no reading of the answer's)
        outer = found if isinstance(found, _Watched) else None
        plain = outer.found if outer is not None else found
        key = (sent, pos, len(plain), plain[-1] if plain else None)
        if key in self._critics:
            read = True  # kept by its findings: it read them
        else:
            watched = _Watched(plain)
            self._critics[key] = roles.critic_at(self, sent, pos, watched)
            read = watched.read
            if not read:
                self._free_critics[(sent, pos)] = self._critics[key]
        if read and outer is not None:
            outer.read = True
        return self._critics[key]

    def actor(self, key: str | None, sent: int, pos: int, found: Found = ()) -> str | None:
        """Who acts for the entity ``key`` named at ``pos`` (a spokesperson's organisation, a group's named member)."""
        return roles.actor(self, key, sent, pos, found)

    def document_voice(self, sent: int, pos: int, found: Found = ()) -> str | None:
        """Who speaks when a document is the subject at ``pos`` (a suit's plaintiff, a ruling's judge, the sender of a
        letter told before: '“…,” the letter says')."""
        return judgements.document_voice(self, sent, pos, found) or document_author(self, sent, pos, found)

    def speakers(self, found: Found) -> SpeakerView:
        """The index seen with the findings so far, as attribution asks for speakers (attribution.Speakers)."""
        return SpeakerView(self, found)


# a memo's "not known yet" (None is an answer: no critic)
_UNKNOWN = object()


class _Watched(Sequence[Finding]):
    """The findings so far, noting whether they were read: an answer found without reading them is the same for any
    findings (the finding of a critic reads nothing else that changes)."""

    __slots__ = ("found", "read")

    def __init__(self, found: Found) -> None:
        self.found, self.read = found, False

    def __len__(self) -> int:
        self.read = True
        return len(self.found)

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Finding]: ...
    def __getitem__(self, i: int | slice) -> Finding | Sequence[Finding]:
        self.read = True
        return self.found[i]

    def __iter__(self) -> Iterator[Finding]:
        self.read = True
        return iter(self.found)

    def __reversed__(self) -> Iterator[Finding]:
        self.read = True
        return reversed(self.found)


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """The criticism index with a snapshot of the findings so far, as attribution.Speakers."""

    ix: CriticIndex
    found: Found

    @property
    def ctx(self) -> DocContext:
        """The document's context."""
        return self.ix.ctx

    @property
    def text(self) -> str:
        """The document's clean text."""
        return self.ix.text

    @property
    def allies(self) -> dict[str, set[str]]:
        """Who is allied with whom."""
        return self.ix.allies

    def critic_at(self, sent: int, pos: int) -> str | None:
        """The critic at ``pos`` given the findings so far."""
        return self.ix.critic_at(sent, pos, self.found)

    def document_voice(self, sent: int, pos: int) -> str | None:
        """Who a document at ``pos`` speaks for, given the findings so far."""
        return self.ix.document_voice(sent, pos, self.found)

    def actor(self, key: str | None, sent: int, pos: int) -> str | None:
        """Who acts for the entity ``key`` named at ``pos``, given the findings so far."""
        return self.ix.actor(key, sent, pos, self.found)


def _allies(ctx: DocContext, relations: list[Relation]) -> dict[str, set[str]]:
    """Who is on whose side: affiliations, developers and their products, and appositions ("X, a researcher at Y")."""
    text = ctx.doc.clean
    allies: dict[str, set[str]] = {}
    gone = _departed(ctx, text)
    for r in relations:
        if r.predicate == "affiliated_with" and (_FORMER.search(text, r.source.start, r.source.end) or
                                                 r.subject in gone):
            continue  # "a researcher who previously worked at Microsoft" may well criticise it
        if r.predicate in ("affiliated_with", "developed_by"):
            allies.setdefault(r.subject, set()).add(r.object)
            allies.setdefault(r.object, set()).add(r.subject)
    for a, b in _apposed_pairs(ctx, text):
        if a in gone:
            continue
        allies.setdefault(a, set()).add(b)
        allies.setdefault(b, set()).add(a)
    return allies


def _departed(ctx: DocContext, text: str) -> set[str]:
    """The people the document says quit, resigned or were pushed out ("Jan Leike, one of X's researchers, went
    public with his reasons for quitting"): whom they worked for is no longer their side."""
    out: set[str] = set()
    for sent, ms in ctx.by_sentence.items():
        s = ctx.sentence(sent)
        for i, m in enumerate(ms):
            if m.type != "Person" or m.key in out:
                continue
            nxt = next((x.start for x in ms[i + 1:] if x.type == "Person" and x.key != m.key), s.end)
            exit_ = _EXIT.search(text, m.end, min(nxt, m.end + 120, s.end))
            if exit_ is not None:
                out.add(m.key)
    return out


def _apposed_pairs(ctx: DocContext, text: str) -> list[tuple[str, str]]:
    """"X, a researcher at Y" and "X, Y’s chief executive" (and "Y’s chief executive, X"): (person, organisation)."""
    out: list[tuple[str, str]] = []
    for ms in ctx.by_sentence.values():
        for a, b in pairwise(ms):
            gap = text[a.end:b.start]
            if a.type == "Person" and b.type == "Organization" and len(gap) < 70 and (
                    _APPOSITION_AT.match(gap) or (_APPOSITION_OWNER.match(gap) and
                                                 _OWNER_ROLE.match(text[b.end:b.end + 50]))):
                out.append((a.key, b.key))
            elif a.type == "Organization" and b.type == "Person" and a.possessive and \
                    not _QUOTE_MARK.search(gap) and _OWNER_ROLE.match(gap + ","):
                out.append((b.key, a.key))
    return out
