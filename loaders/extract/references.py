"""What a passage's definite descriptions and pronouns refer to ("the chipmaker", "the regulator", "the model",
"it", "she"): the last entity named before them that fits, built once per document and read-only afterwards."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from loaders.extract.text import after_the
from loaders.extract.typing_platforms import PLATFORMS

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.schema import ResolvedMention

# nouns an organisation is described by: "Nvidia, the chipmaker", "the chipmaker Nvidia", "chipmaker Nvidia"
ORG_NOUNS = frozenset({"company", "firm", "startup", "start-up", "group", "giant", "business", "lab", "developer",
                       "maker", "chipmaker", "carmaker", "automaker", "retailer", "publisher", "broadcaster",
                       "newspaper", "outlet", "platform", "insurer", "bank", "conglomerate", "unicorn", "provider",
                       "operator", "supplier", "manufacturer", "agency", "commission", "regulator", "watchdog",
                       "authority", "ministry", "department", "union", "nonprofit", "charity", "organisation",
                       "organization", "coalition", "institute", "university"})
# nouns that describe a public body: they refer to a regulator-like organisation, and "the company" never does
PUBLIC_NOUNS = frozenset({"agency", "commission", "regulator", "watchdog", "authority", "ministry", "department"})
_PUBLIC_LABEL = re.compile(r"\b(?:Commission|Authority|Agency|Administration|Office|Commissioner|Ministry|"
                           r"Department|Government|Regulat\w*|Autorit\w*|Inspectorate|Directorate|Bureau|Watchdog|"
                           r"Council|Parliament|Senate|Congress)\b")
# the nouns that refer to the last organisation of their kind even when the article never used them of it
_KIND_NOUNS = frozenset({"company", "firm", "startup", "start-up", "chipmaker", "agency", "commission", "regulator",
                         "watchdog"})
# nouns a product is described by: "the model", "the chatbot"
_PLATFORM_NOUNS = frozenset({"app", "apps", "service", "services", "platform", "platforms"})
PRODUCT_NOUNS = frozenset({"model", "chatbot", "assistant", "app", "device", "tool", "product", "software",
                           "feature", "headset", "gadget", "robot", "robots", "system", "service", "glasses"})
_THE_NOUN = re.compile(r"\bthe\s+(?!(?:last|previous|other|earlier|next|rival|competing|former)\b)"
                       r"(?:[\w-]+\s+){0,2}?(" + "|".join(sorted(ORG_NOUNS | PRODUCT_NOUNS,
                       key=len, reverse=True)) + r")\b", re.I)
_WHO = re.compile(r"\bwho(?:m|se)?\b", re.I)
# "it is clear that", "it's time": a pronoun that refers to nothing
_PRONOUN = re.compile(r"\b(?:(it)|(he|him)|(she|her))\b(?!\s+(?:is|was|'s|’s|would be|will be|"
                      r"seems|remains)\s+(?:not\s+)?(?:clear|unclear|time|likely|unlikely|possible|important|hard|"
                      r"difficult|easy|true|worth|too|no|not)\b)", re.I)
_EXPLETIVE_BEFORE = re.compile(r"\b(?:make|makes|made|find|found)\s+$", re.I)  # "made it hard to": not a reference
# the word right before a name ("U.S. District Judge X", "soft drinks giant X", "Gov. X"); a word further back may
# belong to another phrase ("The lawsuit said X")
_WORDS_BEFORE = re.compile(r"\b[\w-]+\.?\s+$")
# "Nvidia, the chipmaker,", "LMArena, the benchmark site where …": the noun that ends the apposition
_APPOSED = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?([a-z][\w-]*)(?:\s*[,.;]|\s+(?:where|that|which|"
                      r"who|whose)\b)")
_ABBREVIATED = {"gov": "governor", "sen": "senator", "rep": "representative", "atty": "attorney", "dr": "doctor",
                "prof": "professor", "pres": "president", "sec": "secretary", "ceo": "executive"}
# nouns a person's title may be referred back by ("Sen. X" ... "the lawmaker")
_LAWMAKER = frozenset({"senator", "representative", "congressman", "congresswoman", "lawmaker", "legislator"})
_SAME = {**{w: _LAWMAKER for w in _LAWMAKER}, "judge": frozenset({"judge", "justice"}),
         "justice": frozenset({"judge", "justice"})}
# a description far back in the story still fits when the entity was so described
_DESCRIBED_REACH = 15
# how far back a reference looks, in sentences
_REACH = 6
# a plural definite description of organisations: "these companies", "the video game studios", "our employers"; not
# a generic plural ("companies", "many firms", "other companies")
PLURAL_DESCRIPTION = re.compile(r"\b(?:these|those|the|our|their)\s+(?!(?:other|rival|many|some|smaller|larger|biggest|"
                         r"largest|major|big|leading|top)\b)(?:[\w-]+\s+){0,2}?(companies|firms|studios|publishers|"
                         r"employers|startups|labs|developers|platforms|giants)\b(?![’'])"
                         # "the companies were disappointed by …": the ones who feel it judge, they are not judged
                         r"(?!\s+(?:were|are|remain(?:ed)?|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:disappointed|"
                         r"concerned|worried|troubled|frustrated|saddened|surprised|dismayed|alarmed)\b)", re.I)
# the organisations a plural description refers to are listed together in one sentence: "A, B, C and D" (a name whose
# first words were not recognised, "Take 2 │Productions", still continues the list)
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:[A-Z0-9][\w’'-]*\s+){0,2}")
_LISTED_AT_LEAST = 3
# how far back the list a plural description refers to may be, in sentences
_LIST_REACH = 20


@dataclass(frozen=True, slots=True)
class Reference:
    """One description or pronoun and the entity it refers to."""

    start: int
    end: int
    words: str
    key: str


class References:
    """The document's reference index: each organisation's descriptors and each person's gender, found once."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.descriptors: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        for ms in ctx.by_sentence.values():
            for m in ms:
                if m.type in ("Person", "Organization") and ctx.is_head(m):
                    for noun in _described_as(ctx.doc.clean, m):
                        self.descriptors.setdefault(m.key, set()).add(noun)
        for key, e in ctx.entities.items():
            if e.type == "Person":
                self.gender[key] = _gender(e.label)

    def in_span(self, start: int, end: int, exclude: set[str], *, pronouns: bool = False,
                kinds: bool = False) -> list[Reference]:
        """The references in [start, end), in text order, each resolved to an entity not in ``exclude`` (one that
        refers to an excluded entity, the critic's own side, is dropped rather than passed on to the next one).
        Descriptions only by default: ``pronouns`` adds "it", "he", "she"; ``kinds`` lets "the company" or "the
        regulator" refer to the last organisation of that kind not so described (both cost precision as
        criticism targets, see tests/loaders/extract/test_references.py)."""
        text = self.ctx.doc.clean
        # "someone who hasn't worn the device": what a relative clause says of a person is not what is judged
        who = _WHO.search(text, start, end)
        found: list[tuple[re.Match[str], str | None]] = [
            (m, self.described(m.group(1).lower(), m.start(), kinds=kinds))
            for m in _THE_NOUN.finditer(text, start, who.start() if who else end)]
        for m in _PRONOUN.finditer(text, start, min(len(text), end + 40)) if pronouns else ():
            if m.start() >= end:
                break
            if not _EXPLETIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                found.append((m, self.pronoun(m)))
        out = [Reference(m.start(), m.end(), m.group(0), key) for m, key in found
               if key is not None and key not in exclude]
        # the pattern looks past the description ("… were disappointed"): the search reads on beyond ``end``
        for m in PLURAL_DESCRIPTION.finditer(text, start, min(len(text), end + 60)):
            if m.start() >= end:
                break
            out += [Reference(m.start(), m.end(), m.group(0), key) for key in self.listed(m.start(), exclude)]
        return sorted(out, key=lambda r: r.start)

    def listed(self, pos: int, exclude: set[str]) -> list[str]:
        """The organisations a plural description at ``pos`` ("these companies") refers to: those of the last list
        of at least three named together before it ("A, B, C and D"), within the last sentences, none of
        ``exclude`` (the speaker's side)."""
        ctx = self.ctx
        text = ctx.doc.clean
        sent = ctx.sentence_at(pos)
        for si in range(sent, max(-1, sent - _LIST_REACH), -1):
            orgs = [m for m in ctx.mentions(si) if m.end <= pos and m.type == "Organization" and ctx.is_head(m)]
            runs: list[list[ResolvedMention]] = []
            for m in orgs:
                if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, m.start):
                    runs[-1].append(m)
                else:
                    runs.append([m])
            for run in reversed(runs):
                keys = list(dict.fromkeys(x.key for x in run if x.key not in exclude))
                if len(keys) >= _LISTED_AT_LEAST:
                    return keys
        return []

    def described(self, noun: str, pos: int, *, kinds: bool = False) -> str | None:
        """What "the <noun>" at ``pos`` refers to: the last organisation so described, else the last one of the
        right kind (a public body for "the regulator", a company for "the company"), the last product for "the
        model"."""
        if noun in PRODUCT_NOUNS:  # the product a story is about is named at its start, often long before
            # (a social platform is "the app" or "the service", never "the robots" or "the model")
            return self._last(pos, lambda m: m.type == "Product" and (noun in _PLATFORM_NOUNS or
                                                                      self.ctx.label(m.key) not in PLATFORMS),
                              _DESCRIBED_REACH)
        own = self._last(pos, lambda m: noun in self.descriptors.get(m.key, ()), _DESCRIBED_REACH)
        if noun not in ORG_NOUNS or own is not None or not kinds or noun not in _KIND_NOUNS:
            return own
        public = noun in PUBLIC_NOUNS
        return self._last(pos, lambda m: m.type == "Organization" and
                          bool(_PUBLIC_LABEL.search(self.ctx.label(m.key))) == public)

    def pronoun(self, m: re.Match[str]) -> str | None:
        """What "it" (an organisation or product) or "he"/"she" (a person whose first name is of that gender)
        refers to."""
        if m.group(1):
            return self._last(m.start(), lambda x: x.type in ("Organization", "Product"))
        want = "male" if m.group(2) else "female"
        return self._last(m.start(), lambda x: x.type == "Person" and
                          self.gender.get(x.key) == want)

    def _last(self, pos: int, fits: Callable[[ResolvedMention], bool], reach: int = _REACH) -> str | None:
        """The last head mention before ``pos`` (within ``reach`` sentences) that fits."""
        ctx = self.ctx
        sent = ctx.sentence_at(pos)
        for si in range(sent, max(-1, sent - reach), -1):
            for m in reversed(ctx.mentions(si)):
                if m.end <= pos and ctx.is_head(m) and fits(m):
                    return m.key
        return None


def _described_as(text: str, m: ResolvedMention) -> set[str]:
    """The nouns beside a name that describe it: "the chipmaker Nvidia", "Nvidia, the chipmaker", "Judge Jane Doe",
    "Gov. Gavin Newsom", "Jane Doe, a columnist"."""
    words = _WORDS_BEFORE.search(text, max(0, m.start - 40), m.start)
    out = {_ABBREVIATED.get(w, w) for w in re.findall(r"[a-z][\w-]*", words.group(0).lower())} if words else set()
    after = _APPOSED.match(text, m.end, m.end + 60)
    if after:
        out.add(after.group(1).lower())
    return {w for n in out for w in _SAME.get(n, {n})}


@cache
def _detector() -> object:
    """gender-guesser's detector (its name table is read once)."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def _gender(label: str) -> str:
    """"male", "female" or "unknown" for a person's name, from the first name."""
    first = label.split()[0] if label.split() else ""
    g = _detector().get_gender(first)  # type: ignore[attr-defined]
    return {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}.get(g, "unknown")


_last_built: tuple[DocContext, References] | None = None
_lock = threading.Lock()


def references(ctx: DocContext) -> References:
    """The reference index of ``ctx``'s document (built on first use; the last document's is kept)."""
    global _last_built
    with _lock:
        if _last_built is None or _last_built[0] is not ctx:
            _last_built = (ctx, References(ctx))
        return _last_built[1]


# a definite description of a party standing where a name would ("accusing the company of", "fined the startup"); "the
# developer of X" names its party after "of", so it is left to the name that follows
_PARTY_AT = re.compile(r"(?:the|this)\s+(?:[a-z-]+\s+){0,2}?(company|firm|startup|start-up|chipmaker|carmaker|"
                       r"automaker|lab|giant|platform|app|chatbot|parent|(?:developer|maker|owner)(?![ \t]+of\b))\b",
                       re.I)


# a plural description of the parties named before: "the two companies", "both firms", "the companies"
_PARTIES_AT = re.compile(r"(?:the\s+(?:two\s+|three\s+)?|both\s+|all\s+three\s+)(?:companies|firms|startups|"
                         r"start-ups)\b(?![’'])", re.I)


def parties_at(ctx: DocContext, pos: int, exclude: set[str],
               skip: Callable[[str], bool]) -> tuple[list[str], int] | None:
    """The parties a description right at ``pos`` refers to, and where it ends: :func:`party_at`'s one, or for "the
    two companies", "both firms" the organisations the last sentence naming at least two of them names (never one
    of ``exclude`` nor one ``skip`` rules out)."""
    pos = _before_the(ctx.doc.clean, pos)
    m = _PARTIES_AT.match(ctx.doc.clean, pos)
    if m is None:
        one = party_at(ctx, pos, exclude, skip)
        return ([one[0]], one[1]) if one else None
    counted = re.search(r"three|two|both", m.group(0), re.I)
    want = (3 if counted.group(0).lower() == "three" else 2) if counted else 4
    sent = ctx.sentence_at(pos)
    for si in range(sent, max(-1, sent - 4), -1):
        orgs = list(dict.fromkeys(x.key for x in ctx.mentions(si) if x.end <= pos and x.type == "Organization" and
                                  ctx.is_head(x) and x.key not in exclude and not skip(x.key)))
        if len(orgs) >= 2:
            return orgs[-want:] if len(orgs) > want else orgs, m.end()
    return None


def party_at(ctx: DocContext, pos: int, exclude: set[str], skip: Callable[[str], bool]) -> tuple[str, int] | None:
    """The party a description right at ``pos`` refers to, and where the description ends: the organisation so
    described before ("Nvidia, the chipmaker"), else the one the last sentences name most (a product for "the app"),
    never one of ``exclude`` (the clause's own actors) nor one ``skip`` rules out (an authority, a court)."""
    pos = _before_the(ctx.doc.clean, pos)
    m = _PARTY_AT.match(ctx.doc.clean, pos)
    if m is None:
        return None
    noun = m.group(1).lower()
    kind = "Product" if noun in PRODUCT_NOUNS else "Organization"
    own = references(ctx).described(noun, pos) if kind == "Organization" else None
    if own is not None and own not in exclude and not skip(own):
        return own, m.end()
    barred = exclude | {k for k, e in ctx.entities.items() if e.type == kind and skip(k)}
    # near first; else the story's party, named most since its start ("the company" a story is about is named in
    # its opening and described ever after)
    key = ctx.salient(pos, barred, kind) or ctx.salient(pos, barred, kind, ctx.sentence_at(pos) + 1)
    return (key, m.end()) if key is not None else None


def plural_listed(ctx: DocContext, start: int, end: int, exclude: set[str]) -> list[str]:
    """The organisations the first plural description between ``start`` and ``end`` ("these companies") refers to:
    the last list of three or more named before it (:meth:`References.listed`), or none."""
    m = PLURAL_DESCRIPTION.search(ctx.doc.clean, start, min(len(ctx.doc.clean), end + 60))
    return references(ctx).listed(m.start(), exclude) if m and m.start() < end else []


def named_by_head(ctx: DocContext, noun: str, pos: int, reach: int = 12) -> str | None:
    """What "the <noun>" at ``pos`` refers to when the noun ends a name told before ("the district" after "Austin
    Independent School District"): the last organisation so named within ``reach`` sentences."""
    head = noun.lower()
    return references(ctx)._last(pos, lambda m: m.type == "Organization" and
                                 ctx.label(m.key).split()[-1].lower() == head, reach)


def _before_the(text: str, pos: int) -> int:
    """``pos``, or the start of the "the " a verb's pattern took in before it ("asked the │companies")."""
    return pos - 4 if after_the(text, pos) else pos
