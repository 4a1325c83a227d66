"""Stage 3: typing — Person, Organization, Product, Place or Group for each mention, from lexicons and context cues."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from loaders.extract.lexicon import Lexicon, alternation, caseless, fold, lexicon, place_population
from loaders.extract.name_cues import (
    LAW_AFTER,
    LOWER_NEXT,
    PERSON_AFTER,
    PERSON_BY,
    PERSON_OBJECT,
    ROLE_PREDICATE,
    STRONG_ORG_SUFFIXES,
    capital_title_before,
    first_name,
    honorific_name,
    is_place,
    name_of_place,
    of_org_after,
    orgs_before_titles,
)
from loaders.extract.schema import Mention, MentionSet, TextDoc, TypedMention, TypedMentions

_PRODUCT_HEADS = frozenset({"Pin", "Phone", "Watch", "Glasses", "Buds", "Pad", "Book", "Pod", "Pods", "Headset",
                            "Speaker", "Ring", "Band", "Pencil", "Console", "Chip", "Copilot", "Assistant", "Bot",
                            "GPT", "Model", "Agent", "Studio", "OS"})
_MODEL_CODE = re.compile(r"^(?:[A-Z][A-Za-z]*-\d[\w.]*|[A-Z]{1,3}\d{1,4}[a-z]?|[A-Z][a-z]+-[A-Z]\d\w*)$")
# letters of Latin-script names, accented ones included ("Lucía", "Thiessen", "Çelik")
_UP, _LO = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
# a lone unknown word after a determiner or possessive and before a common noun modifies the noun ("its Erfurt
# fulfilment centre", "the Pro plan"); a company so written is named with a stronger cue elsewhere
_MODIFIER_USE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+$", re.I)
_NOUN_NEXT = re.compile(r"^\s+(?!(?:group|party|bloc|caucus|alliance|coalition|union|network|firm|company|"
                        r"foundation|is|was|has|had|have|will|would|said|says|and|or|of|to|in|on|at|for|with)\b)"
                        r"[a-z][a-z-]+\b")
# a single unknown word after a place preposition that names a city of this size (thousands) reads as the place
# ("hospital groups in Paris and Lyon", "Senator Jim Banks of Indiana"); "led by Toyota" stays a company
_PLACE_DEFAULT_POP = 100
_PLACE_PREP = re.compile(r"\b(?:in|of|near|and|across|outside|around|at)\s+(?:(?:north|south|east|west|central|"
                         r"northern|southern|eastern|western|northeast|northwest|southeast|southwest|rural|upstate|"
                         r"downtown)\s+)?$", re.I)
_APPOS_PREP = re.compile(r"\b(?:at|for|with|from|of|in|on|by)\s", re.I)
# a capitalised name and "of" right before: "Justin Nelson of Susman Godfrey"
_NAME_OF = re.compile(r"[A-Z][\w’'.-]+\s+of\s+$")
# nobiliary particles inside a personal name ("Max von Thun", "Kim van Sparrentak")
_PARTICLES = frozenset({"von", "van", "der", "den", "bin", "ibn"})
_NAME_WORD = re.compile(rf"^(?:[{_UP}][{_LO}]+(?:[-’'][{_UP}]?[{_LO}]+)*|[{_UP}][{_LO}]?[{_UP}][{_LO}]+|"
                        rf"Mc[A-Z][a-z]+|(?:[A-Z]\.)+|[{_UP}][’'][{_UP}][{_LO}]+)$")  # "O’Reilly", "D’Angelo"
# a two-word name and "of" just before a mention, which the mention stage cut there as a person then an organisation
# ("Carolina Milanesi of Creative Strategies")
_PERSON_OF = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][A-Za-z’'-]+ of $")
_MEDIA_AFTER = re.compile(r"^\s+(?:podcast|show|newsletter|channel|series|programme|program|documentary|vlog)\b")
_MODEL_TAIL = re.compile(r"^[A-Z]{1,3}\d{1,4}[a-z]?$")
_CALLED = re.compile(r"\b(?:called|named|dubbed|branded|known as)\s*[\"“‘]?$", re.I)
_ORG_HEAD_INSIDE = frozenset({"Committee", "Commission", "Council", "Ministry", "Department", "Institute", "Center",
                              "Centre", "Agency", "Office", "Bureau", "Foundation", "University", "Association",
                              "School", "College", "Academy", "Alliance", "Coalition", "Federation", "Society",
                              "Union", "Bank", "Museum", "Court", "League", "Board", "Fund", "Friends"})
# capitalised modifiers written before a title at a sentence's start ("Tech YouTuber X"): not organisations
_TITLE_MODIFIERS = frozenset({"Tech", "Industry", "Former", "Senior", "Veteran", "Popular", "Prominent", "Famous",
                              "Local", "Fellow", "Rival", "Independent", "Longtime", "Retired", "Acting", "Then"})
_SPEECH_NEAR = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|wrote|writes|tweeted|added|argued|noted|stated|asked|"
                          r"replied|responded|explained|acknowledged|emphasized|emphasised|continued|countered|"
                          r"clarified|retorted|remarked|who|whose)\b")
# "said resident X": one lower-case noun may describe the speaker between the verb and the name
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|wrote|writes|asked|added)"
                            r"(?:\s+(?!(?:the|a|an|his|her|its|their|this|that|on|in|at|to|by|of|for|and)\b)[a-z]+)?\s*$")
# romanised two-part given names ("Mei-Ling", "Ji-hoon"): a person's name without a first-name lexicon entry
_HYPHEN_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}$")
# kinship nouns: "her son, Sewell Setzer" names a person
_KIN_BEFORE = re.compile(r"\b(?:son|daughter|wife|husband|mother|father|brother|sister|widow|widower|fianc[ée]e?|"
                         r"grandson|granddaughter|niece|nephew|cousin|stepson|stepdaughter)\s*,?\s*$", re.I)
# product line words that end a product's name, not a person's ("Medibot Pro")
_VERSION_WORDS = frozenset({"Pro", "Max", "Ultra", "Mini", "Plus", "Turbo", "Lite", "Flash", "Nano", "Preview"})
# determiners and relative pronouns: inside an apposition they mean a clause ("X, called the app ..."), not a noun
_DET_WORDS = r"(?:the|a|an|its|his|her|their|this|that|these|those|whose|who|which|our|my|your)"
_APPOS_CLAUSE = re.compile(rf"\b{_DET_WORDS}\b", re.I)
# a capitalised name in the possessive right before a mention ("Nvidia's H100", "the Commissioner's Office")
_POSS_NAME = re.compile(r"[A-Z][\w-]*[’']s?\s$")
# the object of a release verb names a product ("Zentrix launched Quillbot Pro")
_LAUNCHED = re.compile(r"\b(?:launch(?:ed|es)|unveil(?:ed|s)|releas(?:ed|es)|introduc(?:ed|es)|debut(?:ed|s)|"
                       r"builds|makes|sells|ships|shipped)\s+"
                       r"(?:its\s+|their\s+|the\s+|a\s+|an\s+)?(?:(?:new|latest|first)\s+)?$", re.I)
_MADE_BY = re.compile(r"^\s*,?\s+(?:(?:is|was)\s+)?(?:developed|made|built|created|designed)\s+by\s+(?:the\s+)?[A-Z]|"
                      r"^\s+(?:maker|developer|creator)\s+[A-Z]")
_CAP_BEFORE = re.compile(r"[A-Z][\w-]*[’']?s?[’']?\s*,?\s*[\"“‘]?$")
_LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")
# words before a name that make it a place ("in Trondheim", "on the outskirts of Limerick")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|around|throughout|to|from|outskirts of|suburb of|"
                           r"city of|town of|county of|province of|state of|based in|headquartered in)\s+$", re.I)
_STAKE_IN = re.compile(r"\b(?:invest(?:s|ed|ing|ment|ments)?|stakes?|shares|holdings?|interest|position|"
                       r"deal|partnership|talks|confidence|trust|faith)\s+(?:in|with|to|from)\s+$", re.I)
_PLACE_WORDS = frozenset({"County", "Province", "Prefecture", "Region", "District", "Oblast", "Canton", "Shire"})
# a place written "City, State" ("Cambridge, Massachusetts")
_PLACE_AFTER = re.compile(r"^,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
# articles of other languages that start the names of newspapers and institutions ("Le Monde", "Die Zeit")
_FOREIGN_ARTICLES = frozenset({"Le", "La", "Les", "L’", "Der", "Die", "Das", "El", "Los", "Il", "Lo", "Het", "De"})
# legal forms: a written "Alphabet Inc." keeps the lexicon's label; "Samsung Electronics" is a fuller name
_LEGAL_FORMS = frozenset({"Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "LLP", "PLC", "plc", "GmbH", "AG",
                          "SA", "S.A.", "NV", "Co.", "Company", "Corporation"})
_CODE_PREFIX = re.compile(r"^[A-Z]\d{1,3}$")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_DET_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+$", re.I)
_THE_BEFORE = re.compile(r"[a-z,]\s+The\s+$")
_ACRONYM_AFTER = re.compile(r"^\s+\(([A-Z][A-Za-z]{1,6})\)")
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_CAP_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]*\s$")
_PLURAL_VERB = re.compile(r"\s+(?:are|were|have)\b")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Context regexes built from the lexicons (compiled once)."""
    lex = lexicon()

    # tries: the same matches as longest-first alternations of the words, several times faster
    roles, pcues, ocues = alternation(lex.roles), alternation(lex.product_cues), alternation(lex.org_cues)
    return {
        # "X chatbot", "X AI model" — not "X panned the device" (a verb and its object) nor "X chip designer"
        "product_after": re.compile(rf"^\s+(?:(?!{_DET_WORDS}\s)[a-z][\w-]*\s+){{0,2}}(?:{pcues})\b"
                                    rf"(?!\s+(?:manager|lead|chief|head|designer|developer|{ocues})\b)"),
        "product_before": re.compile(rf"\b(?:{pcues})\s*,?\s*[\"“‘]?$", re.I),
        "org_before": re.compile(rf"\b(?:{ocues})\s*,?\s*$", re.I),
        "role_before": re.compile(rf"\b(?:{roles})\s*,?\s*$", re.I),
        "appos": re.compile(r"^\s*,\s+(?:(?:a|an|the|another|its|his|her|their)\s+)?((?:[\w’'&.-]+\s+){0,6}?)"
                            rf"(?:(?P<role>{roles})|(?P<org>{ocues})(?![’'])|(?P<product>{pcues}))\b"
                            # "a chip designer", "a product review site": the product word modifies the head noun
                            rf"(?P<noun_after>\s+(?:(?!(?:for|of|to|by|from|with|in|on|at|and|or)\b)[a-z][\w-]*\s+)?"
                            rf"(?:designer|developer|{ocues})\b)?", re.I),
        "org_after_role": re.compile(rf"\b(?:{roles})\s+(?:at|of|for|with|from)\s+(?:the\s+)?$", re.I),
        "source_before": re.compile(r"\b(?:according to|told|reported by|cited by|interview with|speaking to|"
                                    r"writing in|published in|report by|reporting by)\s+(?:the\s+)?$", re.I),
        "source_after": re.compile(r"^\s+(?:reported|reports|first reported|reporter|journalist|columnist|"
                                   r"said in a report|wrote in)\b"),
        "admin_after": re.compile(r"^\s+(administration|government|campaign|foundation)\b"),
        "list_cue": re.compile(r"\b(?:such as|including|include|includes|included|like|namely)\s*:?\s*$", re.I),
    }


_TAIL = re.compile(r"[A-Za-z][\w-]*")
# words without which _CALLED, _LAUNCHED and the "source_before" pattern cannot match: tested first, in C
_CALLED_WORDS = ("called", "named", "dubbed", "branded", "known as")
_LAUNCHED_WORDS = ("launch", "unveil", "releas", "introduc", "debut", "builds", "makes", "sells", "ship")
_SOURCE_WORDS = ("according", "told", "report", "cited", "interview", "speaking", "writing", "published")
_SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())  # what \s matches


def _may_hold(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a text whose caseless() form is ``low`` can hold one of ``words`` (always, when it cannot tell)."""
    return low is None or any(map(low.__contains__, words))


def _last_run(text: str, trailing: str) -> int:
    """Offset of the last run of non-space characters once ``trailing`` characters and spaces are cut from the end:
    a match that ends the text, holds no space and is followed only by such characters starts there or later."""
    kept = text.rstrip(_SPACES + trailing)
    return len(kept) - len(kept.rsplit(None, 1)[-1]) if kept else len(text)

# "Apple Park", "Google Campus": a maker's name before a site word names a place
_SITE_WORDS = frozenset({"Park", "Campus", "Center", "Centre", "Square", "Tower", "Towers", "Street", "Road",
                         "Building", "Headquarters", "HQ", "Arena", "Stadium", "Plaza", "Hall", "Village", "Island",
                         "Way"})


def _tail(before: str, n: int = 4) -> list[str]:
    """The last few lower-case words before a mention, and whether only a comma/quote separates them."""
    return [w.lower() for w in _TAIL.findall(before[-50:])[-n:]]


def _ends_with(tail: list[str], phrases: frozenset[str], max_words: int = 3) -> bool:
    """Whether the tail ends with one of the phrases (1..max_words words)."""
    return any(" ".join(tail[-k:]) in phrases for k in range(1, min(max_words, len(tail)) + 1))


_VERB_NEXT = re.compile(r"^(?:[’']s\s+\w+\s+)?\s+(?:(?:is|are|was|were)\s+\w+ing\b|(?:has\s+|have\s+|had\s+)?"
                        r"(?:said|says|announced|raised|raises|"
                        r"launched|launches|released|releases|unveiled|filed|sued|secured|acquired|introduced|"
                        r"warned|argued|claimed|reported|denied|confirmed|declined|criticised|criticized|slammed))\b")
_DEMONYM = re.compile(r"(?:an|ese|ish|ians?|ans)$")


def _single_org_like(w: str, lex: Lexicon, lower_vocab: frozenset[str]) -> bool:
    """An unknown single word that can stand for an organisation ("Zentrix", "CHM"), not a demonym or common word."""
    if len(w) < 2 or not w[0].isupper() or w in lex.generic_caps or w in lex.first_names:
        return False
    low = w.lower()
    if low in lower_vocab or low in lex.stopwords or low in lex.role_words or low in lex.group_nouns:
        return False
    if w.isupper():
        return 2 <= len(w) <= 6 and w.isalpha()
    return (w[1:].islower() and w.isalpha() and not _DEMONYM.search(w)) or any(c.isupper() for c in w[1:])


_NICKNAME = re.compile(r"^[\"“‘'][A-Z][a-z]+[\"”’']$")


def name_like(words: list[str]) -> bool:
    """Every word looks like part of a personal name ("Mark", "LeCun", "O’Brien", "J.", "van" inside)."""
    # inside a name, a particle or a middle initial written without its full stop ("Justin J Pearson")
    # (or a quoted nickname: 'Chungin "Roy" Lee')
    return all(_NAME_WORD.match(w) or (0 < k < len(words) - 1 and (w in _PARTICLES or (len(w) == 1 and w.isupper())
                                                                   or _NICKNAME.match(w) is not None))
               for k, w in enumerate(words))


class _Typer:
    """Types the mentions of one document."""

    def __init__(self, doc: TextDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.p = _patterns()
        self.cue_starts = _ASCII_LOWER | {c[:1] for c in lex.product_cues}

    def _known(self, m: Mention, surface: str, ext: str) -> TypedMention | None:
        lex = self.lex
        for cand in (ext, surface):
            k = lex.known.get(fold(cand))
            if k:
                if cand != ext and k.type == "Product":
                    return TypedMention(mention=m, type="Product", cue="product-line", label=ext)
                if k.type == "Organization" and ext != surface and ext[len(surface):].strip().isdigit():
                    return TypedMention(mention=m)  # "Fortune 500", "Russell 2000": a ranking, not the publisher
                label = cand if self._fuller(cand, k.label) else k.label
                if "'" in label and cand.replace("’", "'") == label:
                    label = cand  # "Adam D’Angelo" as written: a scorer drops "’" but reads "'" as a space
                return TypedMention(mention=m, type=k.type, cue="lexicon", label=label)  # type: ignore[arg-type]
        words = surface.split()
        if surface.endswith("s") and (k := lex.known.get(fold(surface[:-1]))) and k.type == "Product":
            return TypedMention(mention=m, type="Product", cue="lexicon-plural", label=k.label)
        if len(words) > 1 and words[-1] == "AI" and (k := lex.known.get(fold(" ".join(words[:-1])))) \
                and k.type == "Product":
            return TypedMention(mention=m, type="Product", cue="lexicon", label=k.label)
        # a known product followed by more name or version words is a product too ("Claude Opus 3")
        head = lex.known.get(fold(words[0]))
        if head and head.type == "Product" and (len(words) > 1 or ext != surface) and \
                not (len(words) > 2 and words[1] in {"of", "for", "on"}):  # "Office of the Privacy Commissioner"
            return TypedMention(mention=m, type="Product", cue="product-line", label=ext)
        if head and head.type == "Organization" and len(words) > 1 and not _MODEL_CODE.match(words[-1]) and \
                (k := lex.known.get(fold(ext[len(words[0]):]))) and k.type == "Product" and \
                (k.developer is None or fold(k.developer) == fold(head.label)):
            # "Google Gemini", "Anthropic Claude": the maker before its own known product names that product (a model
            # code keeps the maker in the label: "Nvidia H100")
            return TypedMention(mention=m, type="Product", cue="lexicon", label=k.label)
        return None

    def _fuller(self, written: str, label: str) -> bool:
        """Whether a written alias is a fuller name than the lexicon label: "Samsung Electronics" (an org suffix
        after the name) or "GitHub Copilot" (a known maker before a product)."""
        words, lwords = written.split(), label.split()
        if len(words) <= len(lwords) or fold(written) == fold(label):
            return False
        if words[-1] in self.lex.org_suffixes and words[-1] not in _LEGAL_FORMS and words[:len(lwords)] == lwords:
            return True
        maker = self.lex.known.get(fold(words[0]))
        return maker is not None and maker.type == "Organization" and fold(" ".join(words[1:])) == fold(label)

    def _place(self, m: Mention, words: list[str], before: str, after: str) -> bool:
        """Whether a name with no person or organisation cue reads as a place (gazetteer, "in X", "X County")."""
        if m.possessive or m.quoted:
            return False
        if len(words) == 2 and (words[0] in _PLACE_WORDS or words[1] in _PLACE_WORDS) and \
                words[0] not in self.lex.first_names:
            return True  # "County Clare", "Orange County"
        pop = place_population(m.text)
        if pop is None:
            return False
        if len(words) > 1:
            return True  # "Santa Clara", "Las Vegas": multi-word place names rarely name anything else
        if m.sentence_initial or _VERB_NEXT.match(after) or m.text.lower() in self.doc.lower_vocab:
            return False  # "Phoenix raised $5m": a company; "Reading" is a common word
        # a single word is a place in a place context, or when it names a large city ("Oslo", "Warsaw")
        # a single word is a place only in a place context: many companies are named after cities ("Toyota")
        return bool((_PLACE_BEFORE.search(before) and not _STAKE_IN.search(before)) or _PLACE_AFTER.match(after))

    def _product_after(self, after: str) -> bool:
        """"X chatbot", "X AI model": a product cue after the name."""
        # the pattern needs a space and then a lower-case letter or a cue's first character: most text after a
        # name fails that cheaper test
        return after[:1].isspace() and after.lstrip()[:1] in self.cue_starts and \
            self.p["product_after"].match(after) is not None

    def _the_name(self, words: list[str]) -> bool:
        """Whether a name written after a capitalised "The" mid-sentence can be a title ("The Verge")."""
        return len(words) <= 3 and name_like(words) and not any(
            w in self.lex.generic_caps or w in self.lex.demonyms or w.lower() in self.doc.lower_vocab for w in words)

    def type_one(self, m: Mention) -> TypedMention:
        """Type one mention from the strongest available cue, keeping a leading model code for products."""
        words = m.text.split()
        if len(words) > 1 and _CODE_PREFIX.match(words[0]) and words[0] in self.lex.generic_caps:
            # "Q1 Tessera" is a product's name; otherwise "Q1" is a quarter and the name starts after it
            typed = self._type_one(m)
            if typed.type == "Product":
                return typed
            start = m.start + m.text.index(words[1])
            return self._type_one(replace(m, start=start, text=" ".join(words[1:]), sentence_initial=False))
        return self._type_one(m)

    def _type_one(self, m: Mention) -> TypedMention:
        """Type one mention from the strongest available cue."""
        if m.group:
            return TypedMention(mention=m, type="Group", cue="group", label=m.group)
        lex, p = self.lex, self.p
        text = self.doc.clean
        s = self.doc.sentences[m.sentence]
        surface = m.text
        ext = text[m.start:m.version_end] if m.version_end else surface
        words = surface.split()
        after = text[m.end:min(s.end, m.end + 120)]
        known = self._known(m, surface, ext)
        if known:
            if known.type == "Place" and (am := p["admin_after"].match(after)):
                return TypedMention(mention=m, type="Organization", cue="admin", label=f"{surface} {am.group(1)}")
            if known.type == "Product" and len(words) == 1 and surface in lex.org_suffixes and \
                    _POSS_NAME.search(text[max(s.start, m.start - 40):m.start]):
                return TypedMention(mention=m)  # "the Information Commissioner's Office": no Microsoft Office
            return known
        if all(w in lex.generic_caps for w in words) or (len(words) == 1 and surface in lex.demonyms) or \
                LAW_AFTER.match(after):
            return TypedMention(mention=m)  # ("Age Discrimination in Employment Act": the first words of a law)
        if len(words) == 1 and m.sentence_initial and not m.possessive and surface.lower() in lex.common_words:
            # "Pressure is building", "Smaller, specialized models": a sentence's first word is capitalised whatever
            # it is, and an unknown one that English writes in lower case is that word, not a name
            return TypedMention(mention=m)
        if " for " in surface and surface.split(" for ", 1)[0].split()[-1] in lex.org_suffixes:
            # "State Administration for Market Regulation": the institution's head comes before "for"
            return TypedMention(mention=m, type="Organization", cue="head-for", label=surface)
        # the context cues are only needed (and only computed) once the lexicons have not decided
        before = text[max(s.start, m.start - 80):m.start]
        tail = _tail(before)
        glued = not before.rstrip(" ,\"“‘").endswith((".", ";", ":", ")", "!", "?"))  # nothing but a comma between
        # the last one, two and three words before the mention, joined once for the three lexicon lookups
        ends = [" ".join(tail[-k:]) for k in range(1, min(3, len(tail)) + 1)] if glued else []
        if ends and _CAP_BEFORE.search(before, _last_run(before, ",\"“‘")):
            ends = []  # "Zentrix Labs' Quillbot": the word before is part of a name, not a cue noun ("labs")
        cue_product = any(e in lex.product_cues for e in ends[:2])
        cue_org = any(e in lex.org_cues for e in ends[:2])
        # a plural title before a list of names is each one's ("commissioners Mark Christie and ...")
        cue_role = any(e in lex.roles for e in ends) or (
            bool(ends) and ends[0].endswith("s") and ends[0][:-1] in lex.roles)
        last = words[-1]
        if _MEDIA_AFTER.match(after) and _DET_BEFORE.search(before):
            return TypedMention(mention=m, type="Product", cue="media-name", label=surface)  # "the Core Memory podcast"
        if len(words) == 3 and _NICKNAME.match(words[1]) and name_like(words):
            return TypedMention(mention=m, type="Person", cue="nickname", label=surface)  # 'Chungin "Roy" Lee'
        if honorific_name(words, lex):
            return TypedMention(mention=m, type="Person", cue="honorific", label=surface)  # "Prince Alwaleed Bin Talal"
        if m.title and (len(words) > 1 or words[0] not in lex.generic_caps) and not (
                last in lex.org_suffixes and len(words) > 1 and (words[0] not in lex.first_names or
                                                                 last in STRONG_ORG_SUFFIXES)):
            return TypedMention(mention=m, type="Person", cue=f"title:{m.title}", label=surface)
        if before.endswith(" of ") and _PERSON_OF.search(before) and not first_name(words[0], lex) and \
                place_population(surface) is None:
            # "analyst Carolina Milanesi of Creative Strategies said": the person's organisation, not a second person
            return TypedMention(mention=m, type="Organization", cue="person-of", label=surface)
        if ext != surface and not m.sentence_initial and name_like(words[-1:]):
            if last in lex.org_suffixes or cue_org:
                # "Vision Fund 2", "Forza Motorsport developer Turn 10": a numbered organisation
                return TypedMention(mention=m, type="Organization", cue="numbered-org", label=ext)
            return TypedMention(mention=m, type="Product", cue="version", label=ext)  # "Aurelia Max 2"
        maker = lex.known.get(fold(words[0])) if len(words) == 2 else None
        if maker is not None and maker.type == "Organization" and (_MODEL_TAIL.match(last) or _MODEL_CODE.match(last)):
            return TypedMention(mention=m, type="Product", cue="maker-code", label=ext)  # "Nvidia H100"
        if maker is not None and maker.label in lex.product_makers and last not in lex.org_suffixes and \
                last not in lex.generic_caps and last not in _SITE_WORDS and not m.possessive and \
                fold(last) not in lex.known:
            return TypedMention(mention=m, type="Product", cue="maker-line", label=ext)  # "Google Meet"
        if len(words) > 1 and _MODEL_TAIL.match(last) and name_like(words[:-1]) and not m.sentence_initial:
            return TypedMention(mention=m, type="Product", cue="model-tail", label=ext)  # "Rabbit R1"
        if words[0] == "Project" and len(words) > 1:
            return TypedMention(mention=m, type="Product", cue="project", label=surface)
        if _MODEL_CODE.match(ext.replace(" ", "-") if ext != surface else surface) and (
                "-" in surface or self._product_after(after) or cue_product or _POSS_NAME.search(before)):
            return TypedMention(mention=m, type="Product", cue="model-code", label=ext)
        low_before = caseless(before)
        called = not cue_product and glued and _may_hold(low_before, _CALLED_WORDS) and _CALLED.search(before) and \
            _ends_with(_tail(_CALLED.sub("", before)), lex.product_cues, 2)
        if (cue_product or called) and not m.possessive:
            return TypedMention(mention=m, type="Product", cue="product-before", label=ext)
        if len(tail) >= 2 and tail[-1] in {"at", "of", "for", "with", "from", "the"} and \
                (_ends_with(tail[:-1], lex.roles, 3) or (tail[-1] == "the" and len(tail) > 2 and
                                                        tail[-2] in {"at", "of", "for", "with", "from"} and
                                                        _ends_with(tail[:-2], lex.roles, 2))):
            if tail[-1] in {"for", "from"} and len(words) == 1 and place_population(surface) is not None:
                return TypedMention(mention=m, type="Place", cue="gazetteer", label=surface)  # "TD for Limerick"
            return TypedMention(mention=m, type="Organization", cue="at-org", label=surface)
        if len(words) == 2 and 2 <= len(words[0]) <= 5 and words[0].isupper() and words[0].isalpha() and \
                words[0] not in lex.generic_caps and place_population(words[1]) is not None:
            return TypedMention(mention=m, type="Organization", cue="org-place", label=surface)  # "ETH Zurich"
        if len(words) > 2 and any(w in _ORG_HEAD_INSIDE and words[k + 1] in {"on", "for", "of"}
                                  for k, w in enumerate(words[:-1])):
            return TypedMention(mention=m, type="Organization", cue="org-head", label=surface)
        if name_of_place(words, self.lex, self.doc.lower_vocab):
            # "Northern District of California" (a federal court), "NewsGuild of New York" (a body's local branch)
            return TypedMention(mention=m, type="Organization", cue="of-place", label=surface)
        if am := p["admin_after"].match(after):
            return TypedMention(mention=m, type="Organization", cue="admin", label=f"{surface} {am.group(1)}")
        if _MADE_BY.match(after) and not m.possessive and last not in lex.org_suffixes:
            return TypedMention(mention=m, type="Product", cue="made-by", label=ext)  # "Y, developed by X"
        if last == "AI" and len(words) == 2 and words[0] in lex.demonyms:
            # "to advance Chinese AI", "Israeli AI startups": a field, not a company
            return TypedMention(mention=m, cue="field")
        if last == "AI" and len(words) > 1 and LOWER_NEXT.match(after) and is_place(" ".join(words[:-1]), lex):
            # "the San Francisco AI lab", "U.S. AI experts": a place, then the field
            return TypedMention(mention=m, cue="field")
        # an apposition starts with a comma: most names are followed by none
        appos = p["appos"].match(after) if after.lstrip()[:1] == "," else None
        cue_word = appos and (appos.group("org") or appos.group("product") or "")
        if appos and (_APPOS_CLAUSE.search(appos.group(1)) or
                      (not appos.group("role") and (_APPOS_PREP.search(appos.group(1)) or cue_word[:1].isupper()))):
            # "Matthew Green, a cryptographer at Johns Hopkins University", "X, an early Zentrix Labs investor": the
            # cue is another name's
            appos = None
        if appos:
            if appos.group("product") and appos.group("noun_after"):
                # "X, a Santa Clara chip designer", "X, a British chip startup": the product word is a modifier
                return TypedMention(mention=m, type="Organization", cue="appos-org", label=surface)
            # ("Nick Frosst, sells AI tools": a person's name ends a list before the verb, no product is named)
            if appos.group("product") and not (len(words) == 1 and surface.lower() in self.doc.lower_vocab) and \
                    not (len(words) > 1 and first_name(words[0], lex) and name_like(words)):
                return TypedMention(mention=m, type="Product", cue="appos-product", label=ext)
            if appos.group("org"):
                return TypedMention(mention=m, type="Organization", cue="appos-org", label=surface)
            if appos.group("role") and _NAME_OF.search(before):
                # "Justin Nelson of Susman Godfrey, a lawyer for the authors": the role is the person's
                return TypedMention(mention=m, type="Organization", cue="of-org", label=surface)
            if appos.group("role") and (len(words) > 1 or words[0] in lex.first_names) and name_like(words) \
                    and last not in lex.org_suffixes:
                return TypedMention(mention=m, type="Person", cue="appos-role", label=surface)
        if cue_org and (not name_like(words[:1]) or words[0] not in lex.first_names):
            return TypedMention(mention=m, type="Organization", cue="org-before", label=surface)
        if last in _PRODUCT_HEADS and len(words) > 1:
            return TypedMention(mention=m, type="Product", cue="product-head", label=ext)
        # ("Austin Independent School District": a school district is a body, a court's or voters' district is not)
        if (last in lex.org_suffixes or ".ai" in last.lower() or last.endswith(".com") or
                (last == "District" and len(words) > 2 and words[-2] == "School")) and \
                (len(words) > 1 or "." in last):
            return TypedMention(mention=m, type="Organization", cue="org-suffix", label=surface)
        if not m.possessive and not m.sentence_initial and self._product_after(after):
            return TypedMention(mention=m, type="Product", cue="product-after", label=ext)
        if glued and not m.possessive and not m.sentence_initial and last not in lex.org_suffixes and \
                _may_hold(low_before, _LAUNCHED_WORDS) and _LAUNCHED.search(before) and not first_name(words[0], lex):
            return TypedMention(mention=m, type="Product", cue="launch-object", label=ext)  # "X unveiled Y"
        if m.quoted and self._product_after(text[m.end + 1:min(s.end, m.end + 100)]):
            return TypedMention(mention=m, type="Product", cue="quoted-product", label=surface)
        if len(words) > 1 and last in _VERSION_WORDS and name_like(words[:-1]) and \
                not any(w in lex.generic_caps for w in words[:-1]) and not first_name(words[0], lex):
            return TypedMention(mention=m, type="Product", cue="product-line-tail", label=ext)  # "Medibot Pro"
        if not m.sentence_initial and "The" in before and _THE_BEFORE.search(before) and \
                self._the_name(words):
            return TypedMention(mention=m, type="Organization", cue="the-name", label=surface)  # "by The Verge"
        if self._place(m, words, before, after):
            return TypedMention(mention=m, type="Place", cue="gazetteer", label=surface)
        if len(words) >= 2 and words[0] in _FOREIGN_ARTICLES and not m.sentence_initial and name_like(words[1:]):
            return TypedMention(mention=m, type="Organization", cue="foreign-article", label=surface)  # "Le Monde"
        person_like = 2 <= len(words) <= 4 and name_like(words) and not any(
            (w.lower() in lex.stopwords and w not in _PARTICLES) or w in lex.generic_caps or
            w.lower() in lex.role_words for w in words) \
            and last not in _VERSION_WORDS and last not in lex.org_suffixes
        if person_like and len(words) == 2 and (k := lex.known.get(fold(words[0]))) and \
                k.type in ("Organization", "Place"):
            person_like = False  # "Bloomberg Law reported", "France Inter": a known company's unit, a country's outlet
        if person_like and len(words) == 3 and words[1] in _PARTICLES:
            return TypedMention(mention=m, type="Person", cue="particle", label=surface)  # "Max von Thun"
        if person_like and first_name(words[0], lex):
            return TypedMention(mention=m, type="Person", cue="first-name", label=surface)
        if person_like and (cue_role or capital_title_before(tail, before, lex, p["role_before"]) or
                            of_org_after(after, lex) or PERSON_BY.search(before[-20:]) or ROLE_PREDICATE.match(after)):
            # "Digital Affairs Minister, X", "X of Foundation Capital went further", "the podcast, hosted by X"
            return TypedMention(mention=m, type="Person", cue="role-before", label=surface)
        if (_may_hold(low_before, _SOURCE_WORDS) and p["source_before"].search(before)) or \
                p["source_after"].match(after):
            w0 = words[0]
            # ("Schools Week reported": a plural common noun starts a publication's name, not a person's)
            if person_like and not (w0.endswith("s") and w0[:-1].lower() in lex.common_words and
                                    not first_name(w0, lex)):
                return TypedMention(mention=m, type="Person", cue="source-person", label=surface)
            return TypedMention(mention=m, type="Organization", cue="source", label=surface)
        acr = _ACRONYM_AFTER.match(after)
        if acr and len(words) > 1 and acr.group(1) not in lex.generic_caps:
            return TypedMention(mention=m, type="Organization", cue="acronym-defined", label=surface)
        if person_like and not m.heading and not _ARTICLE_BEFORE.search(before) and \
                not any(w.lower() in self.doc.lower_vocab for w in words) and \
                (PERSON_AFTER.match(after) or PERSON_OBJECT.search(before[-20:])):
            return TypedMention(mention=m, type="Person", cue="person-verb", label=surface)  # "X, 34,", "hired X"
        if person_like and not m.heading and (not m.sentence_initial or m.possessive) \
                and not _ARTICLE_BEFORE.search(before) \
                and not any(w.lower() in self.doc.lower_vocab for w in words) \
                and (m.possessive or _SPEECH_NEAR.match(after) or _SPEECH_BEFORE.search(before) or
                     _KIN_BEFORE.search(before) or (len(words) == 2 and _HYPHEN_GIVEN.match(words[0]))):
            return TypedMention(mention=m, type="Person", cue="name-shape", label=surface)
        # a lone unknown capitalised word mid-sentence in tech news is most often a company (surnames and
        # product short names were resolved to their full names before this reading is used)
        in_title = bool(_CAP_WORD_BEFORE.search(before[-30:], _last_run(before[-30:], ""))) or \
            (after.lstrip().startswith(":") and m.start - s.start < 60) \
            or after.lstrip("…. ")[:1].isupper()
        verb_next = _VERB_NEXT.match(after)
        if verb_next and m.sentence_initial and surface.endswith("s") and _PLURAL_VERB.match(after):
            verb_next = None  # "Workers are being ...": a plural noun; a company takes a singular verb
        camel = surface.isalpha() and not surface.isupper() and any(c.isupper() for c in surface[1:])
        if len(words) == 1 and (not m.sentence_initial or verb_next or camel) and not m.heading and not m.quoted and \
                not in_title and _single_org_like(surface, lex, self.doc.lower_vocab):
            nxt = after.split(None, 1)[0].lower() if after.strip() else ""
            if _MODIFIER_USE.search(before[-12:]) and _NOUN_NEXT.match(after) and nxt not in lex.role_words:
                return TypedMention(mention=m)  # "its Superalignment team", "a Faraday cage": a modifier, not a firm
            pop = place_population(surface)
            if pop is not None and pop >= _PLACE_DEFAULT_POP and not verb_next and _PLACE_PREP.search(before[-24:]):
                # "hospital groups in Paris and Lyon", "Senator Jim Banks of Indiana": a known city or state
                return TypedMention(mention=m, type="Place", cue="gazetteer-default", label=surface)
            return TypedMention(mention=m, type="Organization", cue="single-default", label=surface)
        return TypedMention(mention=m)

    def propagate_lists(self, items: list[TypedMention]) -> None:
        """Untyped names coordinated with typed ones take their type ("such as NATO, Euroclear and SWIFT")."""
        text = self.doc.clean
        i = 0
        n = len(items)
        while i < n:
            j = i
            while j + 1 < n and items[j + 1].mention.sentence == items[i].mention.sentence and \
                    not items[j].mention.group and not items[j + 1].mention.group and \
                    _LIST_SEP.match(text[items[j].mention.end:items[j + 1].mention.start]):
                j += 1
            if j > i:
                group = items[i:j + 1]
                types = [t.type for t in group if t.type in ("Organization", "Person", "Product")]
                if types:
                    best = max(set(types), key=types.count)
                    # (places vote too: "in Tokyo, Osaka and Fukuoka" is a list of cities)
                    votes = Counter(t.type for t in group if t.type in ("Organization", "Person", "Product", "Place")
                                    and t.cue != "single-default").most_common(2)
                    strong = votes[0][0] if votes and votes[0][1] >= 2 and (len(votes) == 1 or
                                                                            votes[1][1] < votes[0][1]) else None
                    for k in range(i, j + 1):
                        if strong and items[k].cue == "single-default" and items[k].type != strong:
                            # "behind TurboTax, QuickBooks and Mint": a lone unknown word takes its list's type
                            items[k] = replace(items[k], type=strong, cue="list")
                        elif items[k].type is None and not items[k].mention.sentence_initial and \
                                items[k].mention.text not in self.lex.demonyms and \
                                items[k].mention.text.lower() not in self.doc.lower_vocab and \
                                (best != "Person" or self._person_shaped(items[k].mention.text)):
                            # "Defendants" is a common word; a list of people takes only names shaped as one
                            # ("Sarah Silverman and Ta-Nehisi Coates", "artists Gerald Brom, Jingna Zhang")
                            items[k] = replace(items[k], type=best, cue="list", label=items[k].mention.text)
            i = j + 1

    def _person_shaped(self, text: str) -> bool:
        """Two or three capitalised name words, none a common word of the text, the last no organisation's suffix."""
        words = text.split()
        lex = self.lex
        return 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words) and \
            words[-1] not in lex.org_suffixes and _ORG_HEAD_INSIDE.isdisjoint(words) and \
            not any(w.lower() in self.doc.lower_vocab or w.lower() in lex.stopwords or w in lex.generic_caps
                    for w in words)


# how much a typing cue is worth when one name is typed differently in one document ("Helix Mind announced" reads
# as a person's name, "chief executive of Helix Mind" says organisation): weak readings give way to strong ones
_WEAK_CUES = {"gazetteer": 1, "foreign-article": 2, "name-shape": 1, "single-default": 1, "list": 1, "first-name": 2,
              "product-after": 2, "role-before": 2, "person-verb": 2,
              "source": 2, "source-person": 2, "version": 2, "model-tail": 2, "launch-object": 2}


def _cue_weight(cue: str) -> int:
    return _WEAK_CUES.get(cue, 3)


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
_COMPANY_ENDINGS = frozenset({"Studios", "Publishing", "Productions", "Entertainment", "Pictures", "Records",
                              "Authority", "Institute", "University", "Foundation", "Commission", "Council",
                              "Association", "Society", "Union", "Alliance", "Coalition", "Guild", "Bureau",
                              "Holdings", "Group", "Inc", "Inc.", "Corp", "Corp.", "LLC", "Ltd", "Ltd.", "PLC", "GmbH"})


def _org_suffixed_lines(items: list[TypedMention]) -> None:
    """A name read as a product line from its first word is a company when it ends in a company's word."""
    for i, t in enumerate(items):
        if t.type == "Product" and t.cue in _LINE_CUES and t.mention.text.split()[-1] in _COMPANY_ENDINGS:
            items[i] = replace(t, type="Organization", cue="company-ending", label=t.mention.text)


def type_mentions(doc: TextDoc, mentions: MentionSet) -> TypedMentions:
    """Stage 3: a type (or None) for every mention."""
    typer = _Typer(doc, lexicon())
    items = [typer.type_one(m) for m in mentions.mentions]
    mid_sentence = {m.text for m in mentions.mentions if not m.sentence_initial and not m.heading}
    # the name before a title ("Veltrix" in "Veltrix CEO Oona Brandt") is the person's organisation
    for m in mentions.mentions:
        if m.org_before is not None and (m.title or m.group):
            t = items[m.org_before]
            word = t.mention.text
            if t.cue == "field" or word in lexicon().demonyms or word in _TITLE_MODIFIERS or (
                    t.mention.sentence_initial and " " not in word and word not in mid_sentence and
                    (m.group or word.lower() in doc.lower_vocab or word.lower() in lexicon().common_words)):
                continue  # "Legal experts say", "Tech YouTuber X": a capitalised adjective, not an organisation
            if t.type is None or (t.type == "Product" and t.cue in _LINE_CUES):
                # "Microsoft Gaming chief executive X": a maker's line that has executives is a division
                items[m.org_before] = replace(t, type="Organization", cue="title-org", label=t.mention.text)
    _org_suffixed_lines(items)
    orgs_before_titles(items, doc.clean, _LINE_CUES)
    typer.propagate_lists(items)
    _agree(items)
    return TypedMentions(items=items)
