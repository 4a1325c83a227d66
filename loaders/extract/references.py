"""What a passage's definite descriptions and pronouns refer to ("the chipmaker", "the regulator", "the model",
"it", "she"): the last entity named before them that fits, built once per document and read-only afterwards."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from loaders.extract.context import unfronted
from loaders.extract.lexicon import words as word_list
from loaders.extract.text import after_the
from loaders.extract.typing_platforms import PLATFORMS

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.schema import ResolvedMention

# the nouns of descriptions, by what they describe (lexicons/described_nouns.txt, general language)
_NOUNS = "described_nouns.txt"
ORG_NOUNS = word_list(_NOUNS, "organisation")
PUBLIC_NOUNS = word_list(_NOUNS, "public")
_PUBLIC_LABEL = re.compile(r"\b(?:Commission|Authority|Agency|Administration|Office|Commissioner|Ministry|"
                           r"Department|Government|Regulat\w*|Autorit\w*|Inspectorate|Directorate|Bureau|Watchdog|"
                           r"Council|Parliament|Senate|Congress)\b")
_KIND_NOUNS = word_list(_NOUNS, "kind")
BODY_NOUNS = word_list(_NOUNS, "body")
NAME_HEADS = word_list(_NOUNS, "name_heads")
_PLATFORM_NOUNS = word_list(_NOUNS, "platform")
PRODUCT_NOUNS = word_list(_NOUNS, "product")
# the nouns any organisation may be referred back by, whether or not the article so described it
_ANY_ORG_NOUNS = ORG_NOUNS | BODY_NOUNS | NAME_HEADS
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


def refers_back(ctx: DocContext, noun: str, pos: int, *, kinds: bool = False, opening: int | None = None,
                any_noun: bool = False, regulator: bool = True,
                types: tuple[str, ...] = ("Person", "Organization")) -> str | None:
    """What "the <noun>" at ``pos`` refers back to, the one answer every stage reads: the last party the article so
    described ("Nvidia, the chipmaker"), else the last organisation whose name ends in the noun ("the union" after
    "Atlantic Union"), else (``regulator``) the regulator "the regulator" describes, else (``kinds``) the last
    organisation of the noun's kind, else (``opening``: the sentence of ``pos``) for a body noun the organisation
    opening one of the sentences before; None where that is not of ``types``. A noun outside the lexicon's ("the
    band", "the site", "the district") is read only with ``any_noun``, where it is known to be the whole subject of
    a verb of speech (a clause's first noun, "the anonymous client", is often no description of a party)."""
    noun = noun.lower()
    refs = references(ctx)
    key = (refs.described(noun, pos) if any_noun or noun in _ANY_ORG_NOUNS else None) or \
        named_by_noun(ctx, noun, pos, any_noun=any_noun) or (ctx.authority(f"the {noun}") if regulator else None) or \
        (refs.described(noun, pos, kinds=True) if kinds else None) or \
        (opening_organisation(ctx, opening) if opening is not None and noun in BODY_NOUNS else None)
    return key if key is not None and ctx.type_of(key) in types else None


def named_by_noun(ctx: DocContext, noun: str, pos: int, *, any_noun: bool = False, reach: int = 12) -> str | None:
    """What "the <noun>" at ``pos`` refers to when the noun ends a name told before ("the union" after "Atlantic
    Union"; with ``any_noun`` also a noun no institution's name usually ends in, "the district"): the last
    organisation so named within ``reach`` sentences."""
    head = noun.lower()
    if not any_noun and head not in NAME_HEADS:
        return None
    return references(ctx)._last(pos, lambda m: m.type == "Organization" and _name_ends_in(ctx.label(m.key), head),
                                 reach)


def _name_ends_in(label: str, head: str) -> bool:
    """Whether a name of several words ends in the capitalised noun ``head`` ("Open Code Foundation")."""
    words = label.split()
    return len(words) > 1 and words[-1].isalpha() and words[-1][0].isupper() and words[-1].lower() == head


def opening_organisation(ctx: DocContext, sent: int) -> str | None:
    """The organisation that opens one of the few sentences before ``sent`` ("The Teamsters held a rally …", after at
    most a short fronted phrase naming nobody, "On Tuesday, X condemned …"): what "the union" or "the group" refers
    back to when no name ends in that noun."""
    text = ctx.doc.clean
    for si in range(sent - 1, max(-1, sent - 4), -1):
        s = ctx.sentence(si)
        heads = [m for m in ctx.mentions(si) if ctx.is_head(m)]
        if heads and heads[0].type == "Organization" and _OPENS.fullmatch(text, s.start, heads[0].start):
            # named more than once: a topic of the article, not a fragment of a name read as one
            return heads[0].key if len(ctx.entities[heads[0].key].mentions) > 1 else None
    return None


_OPENS = re.compile(r"\s*(?:[^,;“\"]{1,40},\s+)?(?:the\s+)?", re.I)
# the first noun of a clause's subject: "the union" in "the union also accused"
_SUBJECT_NOUN = re.compile(r"\bthe\s+([a-z]+)\b")
# a clause whose whole subject is a definite description: "The site said", "In a post, the band said"
_WHOLE_SUBJECT = re.compile(r"(?:[^,]{0,60},\s*)?the\s+(?:[a-z-]+\s+)?([a-z]+)(?:\s+(?:also|\w+ly))?\s*", re.I)


def described_subject(ctx: DocContext, sent: int, pos: int, *, whole: bool = False, body: bool = False) -> str | None:
    """The party a definite description as the subject of the clause ending at ``pos`` refers to (:func:`refers_back`:
    "the union", "The site said" after "LMArena, the AI benchmark site"), else the regulator it describes ("Ireland's
    data watchdog"). ``whole``: only where the description is the whole subject, no name in it and not a plural
    ("the companies said" stands for several); ``body``: a body noun may refer to the organisation opening a
    sentence before (the critic stage's reading)."""
    text = ctx.doc.clean
    cs = ctx.clause_start(sent, pos)
    if whole:
        m = _WHOLE_SUBJECT.fullmatch(text, cs, pos)
        if m is None or ctx.mentions(sent, cs, pos) or is_plural(m.group(1)):
            return None
        return refers_back(ctx, m.group(1), cs, any_noun=True)
    noun = _SUBJECT_NOUN.match(unfronted(text[cs:pos].strip().lower()))
    key = refers_back(ctx, noun.group(1), cs, opening=sent if body else None, regulator=False) if noun else None
    return key or ctx.authority(text[cs:pos])


def is_plural(noun: str) -> bool:
    """Whether a description's noun is a plural ("the companies said"), which stands for several parties (not
    "the business")."""
    return noun.endswith("s") and not noun.endswith("ss")


def _before_the(text: str, pos: int) -> int:
    """``pos``, or the start of the "the " a verb's pattern took in before it ("asked the │companies")."""
    return pos - 4 if after_the(text, pos) else pos
