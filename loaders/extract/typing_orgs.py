"""Stage 3: typing rules that read a name as an organisation or a place — a title's "at"/"of", an institution's
head word, an organisation cue word, a legal suffix, a place context, and a lone unknown capitalised word."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from loaders.extract.lexicon import Lexicon, fold, lexicon, nation_level, place_population
from loaders.extract.lexicon import words as word_list
from loaders.extract.mention_ends import INSTRUMENTS
from loaders.extract.name_cues import LOWER_NEXT, first_name, is_place, name_of_place
from loaders.extract.schema import TypedMention
from loaders.extract.typing_cues import (
    ACRONYM_AFTER,
    CALLED,
    CALLED_WORDS,
    CAP_WORD_BEFORE,
    FACILITY_AFTER,
    FOREIGN_ARTICLES,
    MODIFIER_USE,
    NOUN_NEXT,
    ORG_HEAD_INSIDE,
    PERSON_OF,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_DEFAULT_POP,
    PLACE_OFFICES,
    PLACE_PREP,
    PLACE_WORDS,
    PLURAL_VERB,
    STAKE_IN,
    THE_BEFORE,
    VERB_NEXT,
    MentionCues,
    ends_with,
    last_run,
    may_hold,
    name_like,
    name_words,
    registered,
    single_org_like,
    tail_words,
)


@registered("typing.person_of.v1")
def person_of(c: MentionCues) -> TypedMention | None:
    """"analyst Carolina Milanesi of Creative Strategies said": the person's organisation, not a second person."""
    before = c.before
    if before.endswith(" of ") and PERSON_OF.search(before) and not first_name(c.words[0], c.lex) and \
            place_population(c.surface) is None:
        return TypedMention(mention=c.m, type="Organization", cue="person-of", label=c.surface)
    return None


# a government post's title after its portfolio and before its holder's name ("Health Secretary Wes Streeting")
_PORTFOLIO_TITLE = re.compile(r"^\s+(?:Deputy\s+)?(?:Minister|Secretary|Commissioner)\s+[A-Z]")


@registered("typing.portfolio.v1")
@name_words(1, 3)
def portfolio(c: MentionCues) -> TypedMention | None:
    """"Health Secretary Wes Streeting", "Information Commissioner John Edwards": common words before a post's title
    and its holder's name are the post's portfolio, no body."""
    if _PORTFOLIO_TITLE.match(c.after) and all(
            not w.isupper() and (w.lower() in c.lex.common_words or w.lower() in c.doc.lower_vocab) for w in c.words) \
            and not _named_alone(c.surface, c.doc.clean):
        return TypedMention(mention=c.m, cue="portfolio")
    return None


# a government or regulator's post and "for" before its portfolio ("Minister for Border Security", "Executive Director
# for Payments", "Secretary of State for Digitalisation"), and the portfolio's further fields ("... and Asylum")
_POST_FOR = re.compile(r"\b(?:Minister|Secretary|Commissioner|Director)(?:\s+of\s+State)?\s+for\s+"
                       r"(?:[A-Z][\w-]*\s+(?:(?:and|&)\s+)?)*$")


@registered("typing.portfolio_after.v1")
def portfolio_after(c: MentionCues) -> TypedMention | None:
    """"the Minister for Border Security and Asylum": the words after a post's title and "for" are its portfolio, no
    body, unless an organisation's head word ends them ("Minister for the Cabinet Office"), an acronym or a given name
    is one of them ("Minister for Children Dana Whitcombe")."""
    if _POST_FOR.search(c.before[-60:]) and c.last not in c.lex.org_suffixes and \
            not any((w.isupper() and len(w) > 1) or w in c.lex.first_names for w in c.words):
        return TypedMention(mention=c.m, cue="portfolio")
    return None


def _named_alone(surface: str, text: str) -> bool:
    """Whether the text also writes the name alone, with no capitalised word after it ("the Met's tests" beside "Met
    Commissioner X"; not "Information Commissioner's Office"): then it names a body."""
    pattern = re.compile(rf"\b{re.escape(surface)}\b(?!\s+[A-Z])")
    return pattern.search(text) is not None


@registered("typing.at_org.v2")
def at_org(c: MentionCues) -> TypedMention | None:
    """"a researcher at X", "director of the X": the organisation a title is held at ("TD for Limerick": a place)."""
    tail, roles, words = c.tail, c.lex.roles, c.words
    if len(tail) >= 2 and tail[-1] in {"at", "of", "for", "with", "from", "the"} and \
            (ends_with(tail[:-1], roles, 3) or (tail[-1] == "the" and len(tail) > 2 and
                                               tail[-2] in {"at", "of", "for", "with", "from"} and
                                               ends_with(tail[:-2], roles, 2))):
        if ((tail[-1] in {"for", "from"} and len(words) == 1) or (tail[-1] == "of" and tail[-2] in PLACE_OFFICES)) \
                and place_population(c.surface) is not None:  # "TD for Limerick", "mayor of Moreno Valley"
            return TypedMention(mention=c.m, type="Place", cue="gazetteer", label=c.surface)
        return TypedMention(mention=c.m, type="Organization", cue="at-org", label=c.surface)
    return None


@registered("typing.institution.v1")
@name_words(2)
def institution(c: MentionCues) -> TypedMention | None:
    """An institution's shape: an acronym and a city ("ETH Zurich"), a head word before "on"/"for"/"of"
    ("Committee on ..."), a body named after a place ("Northern District of California", "NewsGuild of New York")."""
    m, words, lex = c.m, c.words, c.lex
    if len(words) == 2 and 2 <= len(words[0]) <= 5 and words[0].isupper() and words[0].isalpha() and \
            words[0] not in lex.generic_caps and place_population(words[1]) is not None:
        return TypedMention(mention=m, type="Organization", cue="org-place", label=c.surface)
    if len(words) > 2 and any(w in ORG_HEAD_INSIDE and words[k + 1] in {"on", "for", "of"}
                              for k, w in enumerate(words[:-1])):
        return TypedMention(mention=m, type="Organization", cue="org-head", label=c.surface)
    if len(words) > 2 and words[0] in _LEADING_HEADS and words[1] not in {"of", "for", "on"} and \
            words[-1] not in _STREET_WORDS and all(w[:1].isupper() for w in words):
        return TypedMention(mention=m, type="Organization", cue="org-head", label=c.surface)  # "Alliance Defending
        # Freedom", "Coalition Against Surveillance": a body's head word opens its name
    if name_of_place(words, lex, c.doc.lower_vocab):
        return TypedMention(mention=m, type="Organization", cue="of-place", label=c.surface)
    return None


# head words that open a body's name ("Alliance Defending Freedom"); the street words that end a place's
_LEADING_HEADS = frozenset({"Alliance", "Coalition", "Association", "Federation", "Council", "Foundation", "Institute",
                            "Center", "Centre", "League", "Society", "Campaign", "Committee"})
_STREET_WORDS = frozenset({"Square", "Street", "Avenue", "Park", "Road", "Station", "Hill", "Island", "Bridge",
                           "Boulevard", "Place", "Plaza"})


@registered("typing.administration.v1")
def administration(c: MentionCues) -> TypedMention | None:
    """"the Biden administration", "X Foundation": the name and the body after it."""
    if am := c.p["admin_after"].match(c.after):
        # the mention spans the body's word too: "Trump" of "the Trump administration" is no writing of the person's
        # name (so neither an alias of the body nor a surface a later "Trump said" could join)
        end = c.m.end + am.end(1)
        body = replace(c.m, end=end, text=c.text[c.m.start:end])
        return TypedMention(mention=body, type="Organization", cue="admin", label=f"{c.surface} {am.group(1)}")
    return None


@registered("typing.field.v1")
@name_words(2)
def field(c: MentionCues) -> TypedMention | None:
    """"to advance Chinese AI", "the San Francisco AI lab": a nationality or a place, then the field, no company."""
    words, lex = c.words, c.lex
    if c.last != "AI" or len(words) < 2:
        return None
    if len(words) == 2 and words[0] in lex.demonyms:
        return TypedMention(mention=c.m, cue="field")
    if LOWER_NEXT.match(c.after) and is_place(" ".join(words[:-1]), lex):
        return TypedMention(mention=c.m, cue="field")
    return None


@registered("typing.org_before.v1")
def org_before(c: MentionCues) -> TypedMention | None:
    """An organisation cue word right before ("the startup X"), or "called" after one ("a startup called X"), unless
    a given name starts a personal name."""
    words = c.words
    called = not c.cue_org and c.glued and may_hold(c.low_before, CALLED_WORDS) and CALLED.search(c.before) and \
        ends_with(tail_words(CALLED.sub("", c.before)), c.lex.org_cues, 2)
    if (c.cue_org or called) and (not name_like(words[:1]) or words[0] not in c.lex.first_names):
        return TypedMention(mention=c.m, type="Organization", cue="org-before", label=c.surface)
    return None


# an owner written before a name ("its", "the app's"): the name is then a part of what it owns
OWNER_BEFORE = re.compile(r"(?:\b(?:its|his|her|their|our)|[’']s)\s+$", re.I)


@registered("typing.ampersand.v1")
@name_words(2)
def ampersand(c: MentionCues) -> TypedMention | None:
    """Names joined by "&" ("Allen & Overy", "Procter & Gamble"): in the news a firm's name, not two people."""
    words = c.words
    if "&" not in words[1:-1] or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    if OWNER_BEFORE.search(c.before[-12:]) and NOUN_NEXT.match(c.after):
        return None  # "the app's Data & Privacy settings": a part of something owned, not a firm
    if not all(w.lower() in c.lex.common_words for w in words if w != "&"):
        return TypedMention(mention=c.m, type="Organization", cue="ampersand", label=c.surface)
    return None


@registered("typing.org_suffix.v1")
def org_suffix(c: MentionCues) -> TypedMention | None:
    """A name ending in an organisation's word ("Veyra Labs", "example.ai"); "Austin Independent School District"
    (a school district is a body, a court's or voters' district is not)."""
    last, words = c.last, c.words
    if c.m.sentence_initial and len(words) == 2 and last == "AI" and words[0].lower() in c.lex.common_words and \
            LOWER_NEXT.match(c.after):
        return None  # "Independent AI researcher X" opening a sentence: an adjective and a field, not a company
    if (last in c.lex.org_suffixes or ".ai" in last.lower() or last.endswith(".com") or
            (last == "District" and len(words) > 2 and words[-2] == "School")) and \
            (len(words) > 1 or "." in last):
        return TypedMention(mention=c.m, type="Organization", cue="org-suffix", label=c.surface)
    return None


def _the_name(c: MentionCues) -> bool:
    """Whether a name written after a capitalised "The" mid-sentence can be a title ("The Verge")."""
    lex, words = c.lex, c.words
    return len(words) <= 3 and name_like(words) and not any(
        w in lex.generic_caps or w in lex.demonyms or w.lower() in c.doc.lower_vocab for w in words)


@registered("typing.the_name.v1")
def the_name(c: MentionCues) -> TypedMention | None:
    """"by The Verge": a publication's name with its article."""
    if not c.m.sentence_initial and "The" in c.before and THE_BEFORE.search(c.before) and _the_name(c):
        return TypedMention(mention=c.m, type="Organization", cue="the-name", label=c.surface)
    return None


# a region right after a name: "Reno, Nevada-based", "Tampa, Florida, said", "Santa Clara, California, where"
_REGION_AFTER = re.compile(r"^,\s+(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:-based\b|\s*[,.;:)]|\s+[a-z]|$)")


@registered("typing.city_of_region.v1")
def city_of_region(c: MentionCues) -> TypedMention | None:
    """"the Reno, Nevada-based company": a name followed by its state or country is a town, whatever the apposition
    after it says."""
    m = c.m
    r = _REGION_AFTER.match(c.after) if c.after[:1] == "," else None
    if r is None or m.possessive or m.quoted or r.group("region") == m.text:
        return None
    region = c.lex.known.get(fold(r.group("region")))
    if region is None or region.type != "Place" or place_population(m.text) is None:
        return None
    return TypedMention(mention=m, type="Place", cue="city-of-region", label=c.surface)


# a city this large is a place even in the possessive, where a company's name would be read ("Phoenix's summer")
_POSSESSIVE_CITY_POP = 1000
# surnames many people share: one written alone in the possessive is a person's ("Medina's lawyer")
_SURNAMES = word_list("common_surnames.txt")


def _possessive_place(c: MentionCues) -> bool:
    """Whether a name in the possessive is a place: a country, a state, a multi-word place or a city of a million
    people ("Burkina Faso's junta", "Cape Town's mayor"), never a given name or a surname written alone."""
    words = c.words
    pop = place_population(c.m.text)
    if pop is None or words[0] in c.lex.first_names or (len(words) == 1 and words[0] in _SURNAMES):
        return False
    return len(words) > 1 or pop >= _POSSESSIVE_CITY_POP


def _place(c: MentionCues) -> bool:
    """Whether a name with no person or organisation cue reads as a place (gazetteer, "in X", "X County")."""
    m, words = c.m, c.words
    if m.quoted:
        return False
    if m.possessive:
        return _possessive_place(c)
    if len(words) == 2 and (words[0] in PLACE_WORDS or words[1] in PLACE_WORDS) and \
            (words[0] not in c.lex.first_names or place_population(words[0]) is not None):
        return True  # "County Clare", "Orange County", "Tulsa County" (a given name too, but a known city)
    if len(words) > 2 and words[-1] in PLACE_WORDS and place_population(" ".join(words[:-1])) is not None:
        return True  # "Los Angeles County", "San Gabriel Valley": a known place's county or valley
    pop = place_population(m.text)
    if pop is None:
        return False
    if len(words) > 1:
        return True  # "Santa Clara", "Las Vegas": multi-word place names rarely name anything else
    if m.sentence_initial or VERB_NEXT.match(c.after) or m.text.lower() in c.doc.lower_vocab:
        return False  # "Phoenix raised $5m": a company; "Reading" is a common word
    # a single word is a place in a place context, or when it names a large city ("Oslo", "Warsaw")
    # a single word is a place only in a place context: many companies are named after cities ("Toyota")
    before = c.before
    # a facility after a city's name ("its Fremont factory"); a small town's name is as often a firm's ("Hudson")
    return bool((PLACE_BEFORE.search(before) and not STAKE_IN.search(before)) or PLACE_AFTER.match(c.after) or
                (pop >= PLACE_DEFAULT_POP and FACILITY_AFTER.match(c.after)))


@registered("typing.place.v2")
def place(c: MentionCues) -> TypedMention | None:
    """A place the gazetteer knows, read as one in its context."""
    if _place(c):
        return TypedMention(mention=c.m, type="Place", cue="gazetteer", label=c.surface)
    return None


# words that start a region's name rather than a company's ("Southern California", "Greater China")
_REGION_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                           "Greater", "Upper", "Lower", "New", "Rural", "Coastal", "Inner", "Outer", "Mainland",
                           "Continental", "Downtown", "Old", "Little", "Great"})


# the endings of adjectives written before a country ("Communist China", "Imperial Japan", "Soviet Russia")
_ADJECTIVE_END = re.compile(r"(?:ist|ian|ese|ish|ic|ial|ern|iet)$")


# words before a name that only a place follows ("the suburb of X", "residents of X", "a firm based in X")
_PLACE_ONLY_BEFORE = re.compile(r"\b(?:suburbs?|villages?|towns?|city|county|province|department|region|residents|"
                                r"outskirts|municipality|neighbou?rhood)\s+of\s+$|\b(?:based|headquartered)\s+in\s+$")
# a known place after a comma ("in Whitewater, Kansas", "in Gungahlin, Canberra")
_KNOWN_PLACE_AFTER = re.compile(r"^,\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


@registered("typing.unknown_place.v1")
def unknown_place(c: MentionCues) -> TypedMention | None:
    """A name the gazetteer lacks in a place's context: "the suburb of X", "residents of X", "based in X", "in X,
    Kansas" (a known place after the comma)."""
    m = c.m
    if m.possessive or m.quoted or c.last in c.lex.org_suffixes or not name_like(c.words):
        return None
    before = c.before
    if _PLACE_ONLY_BEFORE.search(before[-40:]):
        return TypedMention(mention=m, type="Place", cue="place-context", label=c.surface)
    after = _KNOWN_PLACE_AFTER.match(c.after)
    if after and PLACE_PREP.search(before[-24:]) and not STAKE_IN.search(before) and \
            place_population(after.group("place")) is not None:
        return TypedMention(mention=m, type="Place", cue="place-context", label=c.surface)
    return None


@registered("typing.national_arm.v1")
@name_words(2)
def national_arm(c: MentionCues) -> TypedMention | None:
    """"Entergy Louisiana", "Bayer India": an unknown name and a country or US state after it is a company's national
    arm, not a person ("Jim Jordan": a given name first; "Southern California": a region)."""
    words, lex = c.words, c.lex
    first = words[0]
    if len(words) != 2 or not nation_level(words[1]) or not name_like(words[:1]) or first in lex.first_names or \
            first in _REGION_WORDS or first in lex.demonyms or first in lex.generic_caps or \
            first.lower() in c.doc.lower_vocab or first.lower() in lex.common_words or \
            _ADJECTIVE_END.search(first) or place_population(first) is not None:
        return None
    return TypedMention(mention=c.m, type="Organization", cue="national-arm", label=c.surface)


@registered("typing.foreign_article.v1")
@name_words(2)
def foreign_article(c: MentionCues) -> TypedMention | None:
    """"Le Monde", "Die Zeit": another language's article starts a newspaper's or an institution's name."""
    words = c.words
    if len(words) >= 2 and words[0] in FOREIGN_ARTICLES and not c.m.sentence_initial and name_like(words[1:]):
        return TypedMention(mention=c.m, type="Organization", cue="foreign-article", label=c.surface)
    return None


@registered("typing.acronym_defined.v1")
@name_words(2)
def acronym_defined(c: MentionCues) -> TypedMention | None:
    """"Federal Trade Commission (FTC)": a name that defines an acronym is an organisation's."""
    acr = ACRONYM_AFTER.match(c.after)
    if acr and len(c.words) > 1 and acr.group(1) not in c.lex.generic_caps:
        return TypedMention(mention=c.m, type="Organization", cue="acronym-defined", label=c.surface)
    return None


# a number after a short acronym, not a year ("AB 2839", "SB 1047", "HR 5"): a bill's or a code's number
BILL_NUMBER = re.compile(r"^\s+(?!(?:19|20)\d\d\b)\d{1,5}\b")
# a verb in the past tense right after a sentence's first word ("Kotaku summed up the case"): the word acts
PAST_NEXT = re.compile(r"^\s+(?:also\s+)?[a-z]{2,}(?<!e)ed\b")


# the capitalised words right before an acronym in parentheses ("Interim Final Rule (")
_DEFINED_BEFORE = re.compile(r"((?:[A-Z][\w-]*\s+){1,6})\($")


def _instrument_acronym(surface: str, before: str) -> bool:
    """Whether an acronym in parentheses abbreviates the legal instrument written before it ("Interconnection
    Service Agreement (ISA)", "Interim Final Rule (IFR)")."""
    d = _DEFINED_BEFORE.search(before)
    words = d.group(1).split() if d else []
    return bool(words) and words[-1] in INSTRUMENTS and "".join(w[0] for w in words).endswith(surface)


@lru_cache(maxsize=1)
def _known_surnames() -> frozenset[str]:
    """The surnames of the lexicon's well-known people."""
    return frozenset(k.label.split()[-1] for k in lexicon().known.values() if k.type == "Person" and " " in k.label)


def _pair_of_names(surface: str, lex: Lexicon) -> bool:
    """Whether a hyphenated word joins two well-known names ("Musk-Newsom", "Biden-Xi", "OpenAI-Microsoft")."""
    parts = surface.split("-")
    return len(parts) == 2 and all(p[:1].isupper() and (p in _known_surnames() or lex.known.get(fold(p)) is not None)
                                   for p in parts)


def drop_instrument_acronyms(items: list[TypedMention], text: str) -> None:
    """Every writing of an acronym the text defines for a legal instrument is no name ("... Agreement (ISA)": the
    later "the ISA" too), unless a lexicon or a strong cue typed it."""
    acronyms = {t.mention.text for t in items if t.mention.text.isupper() and
                text[t.mention.start - 1:t.mention.start] == "(" and
                _instrument_acronym(t.mention.text, text[max(0, t.mention.start - 80):t.mention.start])}
    for i, t in enumerate(items):
        if t.mention.text in acronyms and t.cue in _DEFAULT_READINGS:
            items[i] = TypedMention(mention=t.mention)


def drop_nationalities(items: list[TypedMention], lex: Lexicon) -> None:
    """A nationality alone, or before "AI", names no actor whatever cue typed it ("Scottish actor X", "the
    Venezuelan fact-checking group X", "French AI start-up X"): the cues read it as the organisation of a role."""
    for i, t in enumerate(items):
        words = t.mention.text.split()
        if t.type is not None and words[0] in lex.demonyms and all(w == "AI" for w in words[1:]) and \
                not t.mention.possessive:
            items[i] = TypedMention(mention=t.mention)


# a city this large (thousands) is a place wherever its name stands alone ("six Detroit police officers", "in Gungahlin,
# Canberra", "between Ottawa and Washington"), unless it acts or owns or is also a given name
_LARGE_CITY_POP = 300

# the readings a name gets by default only (an unknown capitalised word, an item of a typed list, agreement)
_DEFAULT_READINGS = frozenset({"", "single-default", "list", "agree:single-default", "agree:list", "product-before"})


@registered("typing.single_default.v2")
@name_words(1, 1)
def single_default(c: MentionCues) -> TypedMention | None:
    """A lone unknown capitalised word mid-sentence: in tech news most often a company (surnames and product short
    names were resolved to their full names before this reading is used), a known city after a place preposition,
    or a modifier of a common noun ("its Superalignment team")."""
    m, surface, before, after = c.m, c.surface, c.before, c.after
    if len(c.words) != 1 or m.heading or m.quoted:
        return None
    in_title = bool(CAP_WORD_BEFORE.search(before[-30:], last_run(before[-30:], ""))) or \
        (after.lstrip().startswith(":") and m.start - c.s.start < 60) \
        or after.lstrip("…. ")[:1].isupper()
    # ("Protesters gathered": a plural noun takes a past tense too)
    verb_next = VERB_NEXT.match(after) or (m.sentence_initial and PAST_NEXT.match(after) and not surface.endswith("s")
                                           and surface.lower() not in c.lex.common_words)
    if verb_next and m.sentence_initial and surface.endswith("s") and PLURAL_VERB.match(after):
        verb_next = None  # "Workers are being ...": a plural noun; a company takes a singular verb
    camel = surface.isalpha() and not surface.isupper() and any(ch.isupper() for ch in surface[1:])
    # ("CFRA analyst X", "KDE's GitLab": an acronym is written in capitals wherever it stands in the sentence)
    # ("PAGA suits", "CRUD databases": an acronym before a common noun is a modifier)
    acronym = surface.isupper() and surface.isalpha() and m.sentence_initial and (
        m.possessive or (after.split(None, 1) or [""])[0] in c.lex.role_words)
    if not ((not m.sentence_initial or verb_next or camel or acronym) and not in_title and
            single_org_like(surface, c.lex, c.doc.lower_vocab)):
        return None
    if surface[1:].islower() and surface.lower() in c.lex.common_words and not (verb_next or m.possessive):
        return None  # "allege in Court", "its Family plan": a common word capitalised, unless it acts as a firm
    if _pair_of_names(surface, c.lex):
        return TypedMention(mention=m)  # "the Musk-Newsom row", "the Biden-Xi summit": two parties, no body
    if surface.isupper() and (BILL_NUMBER.match(after) or _instrument_acronym(surface, before)):
        # "AB 2839", "SB 1047": a bill's number; "Interim Final Rule (IFR)": an instrument's acronym; no body
        return TypedMention(mention=m)
    nxt = after.split(None, 1)[0].lower() if after.strip() else ""
    if MODIFIER_USE.search(before[-12:]) and NOUN_NEXT.match(after) and nxt not in c.lex.role_words:
        return TypedMention(mention=m)  # "its Superalignment team", "a Faraday cage": a modifier, not a firm
    pop = place_population(surface)
    if pop is not None and pop >= PLACE_DEFAULT_POP and not verb_next and \
            (PLACE_PREP.search(before[-24:]) or nation_level(surface) or
             (pop >= _LARGE_CITY_POP and not m.possessive and surface not in c.lex.first_names)):
        # "hospital groups in Paris and Lyon", "Senator Jim Banks of Indiana": a known city or state; a country or
        # US state needs no preposition ("Meta's Louisiana data center", "Entergy Louisiana's plan")
        return TypedMention(mention=m, type="Place", cue="gazetteer-default", label=surface)
    return TypedMention(mention=m, type="Organization", cue="single-default", label=surface)
