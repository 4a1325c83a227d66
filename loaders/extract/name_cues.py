"""Context cues of the typing stage that read a name from the words around it: titles, "of" and a firm, places
before a field word, courts' districts and bodies named after a place (kept apart from classify.py for its size)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from loaders.extract.lexicon import Lexicon, alternation, fold, lexicon, place_population
from loaders.extract.lexicon import words as word_list
from loaders.extract.schema import TypedMention

_TYPING_WORDS = "typing_words.txt"  # the lexicon file of this module's word lists (sections read with words())

LOWER_NEXT = re.compile(r"^\s+[a-z]")
# the rest of a law's name after a preposition ("Age Discrimination in Employment Act"): the name is the law's
LAW_AFTER = re.compile(r"^\s+(?:in|on|for)\s+(?:[A-Z][\w’'-]*\s+){0,4}Act\b")
_DISTRICT_SIDES = word_list(_TYPING_WORDS, "district_sides")
# "of" and a capitalised name after a personal name ("Ashu Garg of Foundation Capital")
_OF_NAME_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)")
# who hosts, presents, writes or directs a work is a person when the name is shaped as one
PERSON_BY = re.compile(r"\b(?:hosted|presented|co-hosted|written|directed|narrated|authored|edited)\s+by\s+$")
# honorifics written before a personal name ("Prince Alwaleed Bin Talal", "Sheikh Tahnoun bin Zayed", "Sir Nick Clegg")
_HONORIFICS = word_list(_TYPING_WORDS, "honorifics")
# particles inside Arabic and European names
_NAME_PARTICLES = word_list(_TYPING_WORDS, "name_particles")
# a body of an organisation's people, not the organisation: "Sports Illustrated Union", "Acme Foundation"
DISTINCT_BODIES = frozenset({"Union", "Guild", "Board", "Foundation", "Party", "Association", "Federation", "Council",
                             "Committee", "Subcommittee", "League", "Caucus"})
# organisation suffixes that are never a surname ("Veyra Labs", however "Veyra" reads)
STRONG_ORG_SUFFIXES = word_list(_TYPING_WORDS, "strong_org_suffixes")


def first_name(w: str, lex: Lexicon) -> bool:
    """A known first name, accents folded ("Lucía" is "Lucia")."""
    if w in lex.first_names:
        return True
    plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    return plain != w and plain in lex.first_names


def is_place(name: str, lex: Lexicon) -> bool:
    """Whether a name is a place of the gazetteer or the lexicon ("San Francisco", "U.S.")."""
    known = lex.known.get(fold(name))
    return known.type == "Place" if known is not None else place_population(name) is not None


def capital_title_before(tail: list[str], before: str, lex: Lexicon, role_before: re.Pattern[str]) -> bool:
    """Whether a capitalised title ends right before the name, with or without a comma ("Digital Affairs
    Minister, X"): the title's capital hides it from the lower-case cue test."""
    return bool(tail) and tail[-1] in lex.role_words and before.rstrip(" ,")[-len(tail[-1]):].istitle() \
        and role_before.search(before) is not None


def of_org_after(after: str, lex: Lexicon) -> bool:
    """Whether "of" and an organisation's name follow ("X of Foundation Capital"): a well-known organisation or
    a name ending in a firm's suffix."""
    m = _OF_NAME_AFTER.match(after)
    if m is None:
        return False
    name = m.group(1)
    known = lex.known.get(fold(name))
    return (known is not None and known.type == "Organization") or name.split()[-1] in STRONG_ORG_SUFFIXES


# "X will be the new CTO of Y", "X is the company's chief executive": a title only a person holds, as the predicate
ROLE_PREDICATE = re.compile(r"^\s+(?:will\s+be|would\s+be|is|was|became|becomes|has\s+been|had\s+been|remains|"
                            r"will\s+become|will\s+remain)\s+(?:the|its|their|a|an|[A-Z][\w-]*[’']s)\s+"
                            r"(?:(?:new|former|current|interim|acting|first|founding|incoming|outgoing|longtime)\s+)?"
                            r"(?:ceo|cto|cfo|coo|chief\s+[a-z]+|president|chair(?:man|woman|person)?|co-?founder|"
                            r"founder|spokes(?:person|man|woman)|professor|secretary|minister|senator|director|"
                            r"head)\b", re.I)

# what only a person does or is, right after a name ("X, 34,", "X told Reuters", "X resigned", "X, who ...")
PERSON_AFTER = re.compile(r"^(?:\s*,\s*(?:\d{2}|aged\s+\d{2})\s*,|\s*,\s+who\s|\s+(?:told|resigned|retired|tweeted|"
                          r"testified|recalled|quit|stepped\s+down|was\s+(?:born|fired|hired|appointed|promoted|"
                          r"elected)|(?:has|had)\s+(?:resigned|quit|retired|stepped\s+down))\b)")
# what is done only to a person, right before a name ("hired X", "fired X as", "appointed X")
PERSON_OBJECT = re.compile(r"\b(?:hired|fired|appointed|promoted|poached|ousted|dismissed|elected)\s+$")

_MUNICIPAL = word_list(_TYPING_WORDS, "municipal")


def name_of_place(words: list[str], lex: Lexicon, lower_vocab: frozenset[str]) -> bool:
    """Whether a name is a court's district or an unknown one-word body "of" a place: "Northern District of
    California", "NewsGuild of New York" (not a person's, a role's or a place's own name)."""
    if len(words) < 3 or (words[1:3] != ["District", "of"] and words[1] != "of"):
        return False
    if words[1] == "District":
        return words[0] in _DISTRICT_SIDES and is_place(" ".join(words[3:]), lex)
    w, low = words[0], words[0].lower()
    if w in _MUNICIPAL and is_place(" ".join(words[2:]), lex):
        return True  # "Village of Caledonia", "City of Austin": the local government (a party, a signatory)
    return is_place(" ".join(words[2:]), lex) and not is_place(w, lex) and low not in lex.role_words and \
        not first_name(w, lex) and low not in lex.common_words and low not in lower_vocab


@lru_cache(maxsize=1)
def role_between() -> re.Pattern[str]:
    """A lower-case title alone between two names (" chief executive ")."""
    return re.compile(rf"\s+(?:{alternation(lexicon().roles)})\s+")


def orgs_before_titles(items: list[TypedMention], text: str, line_cues: frozenset[str]) -> None:
    """An untyped name or a maker's line before a lower-case title and a person's name is the person's organisation
    ("Microsoft Gaming chief executive Phil Spencer", "Veltrix spokesperson Dana Whitcombe")."""
    between = role_between()
    for k in range(len(items) - 1):
        t, nxt = items[k], items[k + 1]
        if nxt.type != "Person" or nxt.mention.sentence != t.mention.sentence or t.mention.group or \
                not ((t.type is None and t.cue != "portfolio") or (t.type == "Product" and t.cue in line_cues)):
            continue  # ("Health Secretary X": typing.portfolio read the post's portfolio, no body)
        if t.mention.text in lexicon().demonyms:
            continue  # "Scottish actor X", "former Irish president X": a nationality, no organisation
        if not t.mention.sentence_initial and between.fullmatch(text[t.mention.end:nxt.mention.start]):
            items[k] = replace(t, type="Organization", cue="title-org", label=t.mention.text)


def honorific_name(words: list[str], lex: Lexicon) -> bool:
    """Whether a name is an honorific and a personal name: "Prince Alwaleed Bin Talal", "Crown Prince Mohammed bin
    Salman", "Sir Demis Hassabis" (not "Queen Mary University", "Lord & Taylor")."""
    k = 2 if words[:2] == ["Crown", "Prince"] else 1
    if len(words) <= k or words[0] not in _HONORIFICS or (words[0] == "Crown" and k == 1):
        return False
    rest = words[k:]
    return all(w in _NAME_PARTICLES or (w[:1].isupper() and w.isalpha() and w[1:].islower() and
                                        w.lower() not in lex.stopwords and w not in lex.generic_caps)
               for w in rest) and rest[0] not in _NAME_PARTICLES and rest[-1] not in lex.org_suffixes
