"""Stage 3: agreement between the typed mentions of one document — a name before a title is an organisation,
coordinated names share a type, and one surface read weakly takes the type of its strongest readings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from loaders.extract.lexicon import Lexicon, alternation, fold, lexicon, nation_level, place_population
from loaders.extract.lexicon import words as word_list
from loaders.extract.name_cues import DISTINCT_BODIES, is_place, orgs_before_titles, role_between
from loaders.extract.resolution import acronym_like
from loaders.extract.schema import Mention, TextDoc, TypedMention
from loaders.extract.typing_cues import (
    LIST_SEP,
    NAME_WORD,
    ORG_HEAD_INSIDE,
    PLACE_DEFAULT_POP,
    TITLE_MODIFIERS,
    plural_common,
    registered,
)
from loaders.extract.typing_platforms import platform_products
from loaders.extract.typing_products import called_products, owned_products

_TYPING_WORDS = "typing_words.txt"  # the lexicon file of this module's word lists (sections read with words())


def _person_shaped(text: str, doc: TextDoc, lex: Lexicon) -> bool:
    """Two or three capitalised name words, none a common word of the text, the last no organisation's suffix."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(NAME_WORD.match(w) for w in words) and \
        words[-1] not in lex.org_suffixes and ORG_HEAD_INSIDE.isdisjoint(words) and \
        not any(w.lower() in doc.lower_vocab or w.lower() in lex.stopwords or w in lex.generic_caps
                for w in words)


_AND = re.compile(r"\s+(?:and|&|or)\s+")  # (not "Consequently, OpenAI": a comma after an opening adverb)


def _uncommon(m: Mention, lex: Lexicon) -> bool:
    """A name opening a sentence that cannot be an ordinary word written there ("Casetext and Klarity are ..."): one
    word, no common word, stopword or given name."""
    w = m.text
    return " " not in w and w.isalpha() and w.lower() not in lex.common_words and \
        w.lower() not in lex.stopwords and w not in lex.first_names and w not in lex.generic_caps


def _list_end(items: list[TypedMention], i: int, text: str) -> int:
    """Index of the last name coordinated with the name at i in one list ("NATO, Euroclear and SWIFT")."""
    j, n = i, len(items)
    while j + 1 < n and items[j + 1].mention.sentence == items[i].mention.sentence and \
            not items[j].mention.group and not items[j + 1].mention.group and \
            LIST_SEP.match(text[items[j].mention.end:items[j + 1].mention.start]):
        j += 1
    return j


def _nearest_type(items: list[TypedMention], i: int, j: int, k: int, tied: set[str]) -> str:
    """The type a list's untyped name k takes: the list's most frequent type, or where types tie, that of the
    nearest name typed with one of them (the earlier on equal distance), so that the reading never depends on
    the order in which a set is iterated."""
    if len(tied) == 1:
        return next(iter(tied))
    near = sorted((abs(n - k), n) for n in range(i, j + 1) if items[n].type in tied)
    return str(items[near[0][1]].type)


def _type_list(items: list[TypedMention], i: int, j: int, doc: TextDoc, lex: Lexicon) -> None:
    """The names i..j of one list take the list's type where they have none or only a weak one."""
    group = items[i:j + 1]
    types = [t.type for t in group if t.type in ("Organization", "Person", "Product")]
    if not types:
        return
    top = max(types.count(t) for t in types)
    tied = {t for t in types if types.count(t) == top}
    # (places vote too: "in Tokyo, Osaka and Fukuoka" is a list of cities)
    votes = Counter(t.type for t in group if t.type in ("Organization", "Person", "Product", "Place")
                    and t.cue != "single-default").most_common(2)
    strong = votes[0][0] if votes and votes[0][1] >= 2 and (len(votes) == 1 or
                                                            votes[1][1] < votes[0][1]) else None
    for k in range(i, j + 1):
        best = _nearest_type(items, i, j, k, tied)
        if strong and items[k].cue == "single-default" and items[k].type != strong:
            # "behind TurboTax, QuickBooks and Mint": a lone unknown word takes its list's type
            items[k] = replace(items[k], type=strong, cue="list")
        elif items[k].type is None and (not items[k].mention.sentence_initial or
                                         (_uncommon(items[k].mention, lex) and k < j and _AND.fullmatch(
                                             doc.clean, items[k].mention.end, items[k + 1].mention.start))) and \
                items[k].mention.text not in lex.demonyms and not plural_common(items[k].mention.text, lex) and \
                items[k].mention.text.lower() not in doc.lower_vocab and \
                (best != "Person" or _person_shaped(items[k].mention.text, doc, lex)):
            # "Defendants" is a common word; a list of people takes only names shaped as one
            # ("Sarah Silverman and Ta-Nehisi Coates", "artists Gerald Brom, Jingna Zhang")
            items[k] = replace(items[k], type=best, cue="list", label=items[k].mention.text)


@registered("typing.list.v1")
def propagate_lists(items: list[TypedMention], doc: TextDoc, lex: Lexicon) -> None:
    """Untyped names coordinated with typed ones take their type ("such as NATO, Euroclear and SWIFT")."""
    text = doc.clean
    i = 0
    while i < len(items):
        j = _list_end(items, i, text)
        if j > i:
            _type_list(items, i, j, doc, lex)
        i = j + 1


# how much a typing cue is worth when one name is typed differently in one document ("Helix Mind announced" reads
# as a person's name, "chief executive of Helix Mind" says organisation): weak readings give way to strong ones
_WEAK_CUES = {"gazetteer": 1, "foreign-article": 2, "name-shape": 1, "single-default": 1, "list": 1, "first-name": 2,
              "product-after": 2, "role-before": 2, "person-verb": 2,
              "source": 2, "source-person": 2, "version": 2, "model-tail": 2, "launch-object": 2,
              "owned-product": 2, "called-product": 2}


def _cue_weight(cue: str) -> int:
    return _WEAK_CUES.get(cue, 3)


@registered("typing.agreement.v1")
def _agree(items: list[TypedMention]) -> None:
    """Mentions of one surface typed by a weak cue take the type of its strongest readings in the document."""
    best: dict[str, tuple[int, dict[str, int]]] = {}
    for t in items:
        if t.type is None or t.type == "Group":
            continue
        w = _cue_weight(t.cue)
        prev = best.get(t.mention.text)
        if prev is None or w > prev[0]:
            best[t.mention.text] = (w, {t.type: 1})
        elif w == prev[0]:
            prev[1][t.type] = prev[1].get(t.type, 0) + 1
    # "Atlas" after "Atlas-7": the bare name of a versioned product is that product, not a company
    stems = {t.label.rsplit("-", 1)[0]: t.label for t in items if t.type == "Product" and "-" in t.label
             and _cue_weight(t.cue) == 3 and t.label.rsplit("-", 1)[1][:1].isdigit()}
    for i, t in enumerate(items):
        if stems and t.mention.text in stems and (t.type is None or _cue_weight(t.cue) < 3):
            items[i] = replace(t, type="Product", cue="agree:stem", label=stems[t.mention.text])
            continue
        if t.type is None or t.type == "Group":
            continue
        w, votes = best[t.mention.text]
        if w > _cue_weight(t.cue) and t.type not in votes and len(votes) == 1:
            items[i] = replace(t, type=next(iter(votes)), cue=f"agree:{t.cue}")  # type: ignore[arg-type]


# the cues that read a name as a product because it starts with a maker's or a product's name ("Xbox Game Studios")
_LINE_CUES = frozenset({"maker-line", "product-line"})
# last words only a company's name ends in: a product line never does ("Llama Productions", "Xbox Game Studios
# Publishing")
_COMPANY_ENDINGS = word_list(_TYPING_WORDS, "company_endings")


@registered("typing.company_ending.v1")
def _org_suffixed_lines(items: list[TypedMention]) -> None:
    """A name read as a product line from its first word is a company when it ends in a company's word."""
    for i, t in enumerate(items):
        if t.type == "Product" and t.cue in _LINE_CUES and t.mention.text.split()[-1] in _COMPANY_ENDINGS:
            items[i] = replace(t, type="Organization", cue="company-ending", label=t.mention.text)



def _city_of_group(t: TypedMention, m: Mention, lex: Lexicon) -> bool:
    """Whether an untyped one-word name before a group noun is a known city ("Wuhan drivers", "Logan customers")."""
    word = t.mention.text
    return bool(m.group and not m.title and t.type is None and " " not in word and not t.mention.possessive and
                word not in lex.first_names and (place_population(word) or 0) >= PLACE_DEFAULT_POP)


@registered("typing.title_org.v1")
def title_orgs(items: list[TypedMention], mentions: list[Mention], doc: TextDoc, lex: Lexicon) -> None:
    """The name before a title ("Veltrix" in "Veltrix CEO Oona Brandt") is the person's organisation."""
    mid_sentence = {m.text for m in mentions if not m.sentence_initial and not m.heading}
    for m in mentions:
        if m.org_before is not None and (m.title or m.group):
            t = items[m.org_before]
            word = t.mention.text
            if t.cue == "field" or word in lex.demonyms or word in TITLE_MODIFIERS or (
                    t.mention.sentence_initial and " " not in word and word not in mid_sentence and
                    (m.group or word.lower() in doc.lower_vocab or word.lower() in lex.common_words)) or (
                    t.mention.sentence_initial and word not in mid_sentence and
                    all(w.lower() in lex.common_words or w in lex.generic_caps for w in word.split())) or (
                    " " in word and all(w.lower() in lex.role_modifiers or is_place(w, lex) for w in word.split())) or (
                    " " not in word and nation_level(word)) or _city_of_group(t, m, lex):
                # "Legal experts say", "Tech YouTuber X", "Independent AI researcher X": adjectives; "Senior U.S.
                # District Judge X": the title's own modifier and country; "Minnesota Secretary of State X": a state;
                # "Wuhan residents", "Wuhan drivers": a known city's people, no organisation's
                continue
            if (t.type is None and t.cue != "portfolio") or (t.type == "Product" and t.cue in _LINE_CUES):
                # "Microsoft Gaming chief executive X": a maker's line that has executives is a division
                items[m.org_before] = replace(t, type="Organization", cue="title-org", label=t.mention.text)


@registered("typing.org_short_form.v1")
def org_short_forms(items: list[TypedMention], lex: Lexicon) -> None:
    """A name of two or more words that starts an organisation's longer name in the document, the rest of which is
    an organisation's suffix ("Thinking Machines" of "Thinking Machines Lab"), is that organisation's short form."""
    longs: dict[tuple[str, ...], str] = {}
    for t in items:
        words = tuple(t.mention.text.split())
        if t.type == "Organization" and _cue_weight(t.cue) == 3 and len(words) > 2 and \
                words[-1] in lex.org_suffixes and words[-1] not in DISTINCT_BODIES:
            # (each shorter start whose remaining words are all suffixes: "Acme Robotics Labs Inc")
            for n in range(len(words) - 1, 1, -1):
                if all(w in lex.org_suffixes for w in words[n:]):
                    longs.setdefault(words[:n], t.label or t.mention.text)
    if not longs:
        return
    for i, t in enumerate(items):
        long = longs.get(tuple(t.mention.text.split()))
        if long is not None and long != t.mention.text and t.cue != "lexicon" and \
                (t.type in (None, "Organization") or _cue_weight(t.cue) < 3):
            # (a well-known name stays itself: "Electronic Arts" is not "Electronic Arts Productions")
            # a weak reading ("Thinking Machines' valuation" read as a person's possessive) gives way
            items[i] = replace(t, type="Organization", cue="org-short-form", label=long)


@lru_cache(maxsize=1)
def _role_of() -> re.Pattern[str]:
    """A role title and "of" or "at" just before a name ("co-founder of ", "head of ")."""
    return re.compile(rf"\b(?:{alternation(lexicon().roles)})\s+(?:of|at)\s+$", re.I)


def _as_company(items: list[TypedMention], k: int, text: str, lex: Lexicon) -> bool:
    """Whether the text treats the platform at k as the company: coordinated with organisations and no product,
    a role title and a person's name after it, or a role title and "of" before it."""
    t = items[k]
    nxt = items[k + 1] if k + 1 < len(items) else None
    if nxt is not None and nxt.type == "Person" and nxt.mention.sentence == t.mention.sentence and \
            role_between().fullmatch(text[t.mention.end:nxt.mention.start]):
        return True  # "Instagram co-founder Kevin Systrom"
    if _role_of().search(text, max(0, t.mention.start - 40), t.mention.start):
        return True  # "the head of WhatsApp"
    i, j = k, _list_end(items, k, text)
    while i > 0 and _list_end(items, i - 1, text) >= k:
        i -= 1
    others = [items[n].type for n in range(i, j + 1) if n != k]
    return others.count("Organization") >= 2 and "Product" not in others


@registered("typing.platform_company.v1")
def platform_companies(items: list[TypedMention], doc: TextDoc, lex: Lexicon) -> None:
    """A platform that is both a company and its parent's product ("Instagram", "WhatsApp") is read as the product,
    and as the company where the text treats it as one ("orders to Alphabet, Instagram, Meta and Snap")."""
    for k, t in enumerate(items):
        if t.type == "Product" and t.cue == "lexicon" and fold(t.mention.text) in lex.company_products and \
                _as_company(items, k, doc.clean, lex):
            items[k] = replace(t, type="Organization", cue="platform-company")


@registered("typing.defined_acronym.v1")
def defined_acronyms(items: list[TypedMention], doc: TextDoc, lex: Lexicon) -> None:
    """An acronym the text defines for another organisation ("the Nordic Security Forum (NSF)") names that one
    everywhere in the text, not the well-known body the lexicon spells the same way: its lexicon reading is dropped,
    and resolution joins its writings to the name it follows."""
    text, defined = doc.clean, set()
    for k in range(1, len(items)):
        t, prev = items[k], items[k - 1]
        known = lex.known.get(fold(t.mention.text)) if t.cue == "lexicon" else None
        # (a weak reading is no definition: "CARACAS, Venezuela (AFP)", the country read as a name by default)
        if known is None or prev.type != "Organization" or _cue_weight(prev.cue) < 3 or \
                is_place(prev.mention.text, lex) or not acronym_like(t.mention.text) or \
                text[prev.mention.end:t.mention.start].strip() != "(" or \
                text[t.mention.end:t.mention.end + 1] != ")":
            continue
        written = fold(prev.mention.text)
        # ("the US Federal Trade Commission (FTC)": the well-known body itself, written with more words)
        if lex.known.get(fold(prev.label or prev.mention.text)) is not known and fold(known.label) not in written:
            defined.add(t.mention.text)
    for k, t in enumerate(items):
        if t.mention.text in defined and t.cue == "lexicon":
            items[k] = replace(t, type=None, cue="", label="")


def agree(items: list[TypedMention], mentions: list[Mention], doc: TextDoc, lex: Lexicon) -> None:
    """The document-level agreement steps, in order."""
    org_short_forms(items, lex)
    title_orgs(items, mentions, doc, lex)
    _org_suffixed_lines(items)
    orgs_before_titles(items, doc.clean, _LINE_CUES)
    platform_companies(items, doc, lex)
    platform_products(items, doc)
    defined_acronyms(items, doc, lex)
    propagate_lists(items, doc, lex)
    owned_products(items, doc.clean, lex)
    called_products(items, doc.clean, lex)
    _agree(items)
