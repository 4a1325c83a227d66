"""Stage 3 helpers: what the typing rules read around a mention — the context patterns, the cue words before it,
an apposition after it — computed once per mention and only when a rule asks (:class:`MentionCues`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from loaders.extract.lexicon import Lexicon, alternation, caseless, fold, lexicon
from loaders.extract.lexicon import words as word_list
from loaders.extract.rules import register
from loaders.extract.schema import Mention, Sentence, TextDoc

_TYPING_WORDS = "typing_words.txt"  # the lexicon file of this module's word lists (sections read with words())

PRODUCT_HEADS = word_list(_TYPING_WORDS, "product_heads")
MODEL_CODE = re.compile(r"^(?:[A-Z][A-Za-z]*-\d[\w.]*|[A-Z]{1,3}\d{1,4}[a-z]?|[A-Z][a-z]+-[A-Z]\d\w*)$")
# letters of Latin-script names, accented ones included ("Lucía", "Thiessen", "Çelik")
_UP, _LO = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
# a lone unknown word after a determiner or possessive and before a common noun modifies the noun ("its Erfurt
# fulfilment centre", "the Pro plan"); a company so written is named with a stronger cue elsewhere
MODIFIER_USE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+$", re.I)
NOUN_NEXT = re.compile(r"^\s+(?!(?:group|party|bloc|caucus|alliance|coalition|union|network|firm|company|"
                       r"foundation|is|was|has|had|have|will|would|said|says|and|or|of|to|in|on|at|for|with)\b)"
                       r"[a-z][a-z-]+\b")
# a single unknown word after a place preposition that names a city of this size (thousands) reads as the place
# ("hospital groups in Paris and Lyon", "Senator Jim Banks of Indiana"); "led by Toyota" stays a company
PLACE_DEFAULT_POP = 100
PLACE_PREP = re.compile(r"\b(?:in|of|near|and|across|outside|around|at)\s+(?:(?:north|south|east|west|central|"
                        r"northern|southern|eastern|western|northeast|northwest|southeast|southwest|rural|upstate|"
                        r"downtown)\s+)?$", re.I)
APPOS_PREP = re.compile(r"\b(?:at|for|with|from|of|in|on|by)\s", re.I)
# a capitalised name and "of" right before: "Justin Nelson of Susman Godfrey"
NAME_OF = re.compile(r"[A-Z][\w’'.-]+\s+of\s+$")
# nobiliary particles inside a personal name ("Max von Thun", "Kim van Sparrentak")
PARTICLES = word_list(_TYPING_WORDS, "particles")
NAME_WORD = re.compile(rf"^(?:[{_UP}][{_LO}]+(?:[-’'][{_UP}]?[{_LO}]+)*|[{_UP}][{_LO}]?[{_UP}][{_LO}]+|"
                       rf"Mc[A-Z][a-z]+|(?:[A-Z]\.)+|[{_UP}][’'][{_UP}][{_LO}]+)$")  # "O’Reilly", "D’Angelo"
# a two-word name and "of" just before a mention, which the mention stage cut there as a person then an organisation
# ("Carolina Milanesi of Creative Strategies")
PERSON_OF = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][A-Za-z’'-]+ of $")
MEDIA_AFTER = re.compile(r"^\s+(?:podcast|show|newsletter|channel|series|programme|program|documentary|vlog)\b")
MODEL_TAIL = re.compile(r"^[A-Z]{1,3}\d{1,4}[a-z]?$")
CALLED = re.compile(r"\b(?:called|named|dubbed|branded|known as)\s*[\"“‘]?$", re.I)
ORG_HEAD_INSIDE = word_list(_TYPING_WORDS, "org_heads_inside")
# capitalised modifiers written before a title at a sentence's start ("Tech YouTuber X"): not organisations
TITLE_MODIFIERS = word_list(_TYPING_WORDS, "title_modifiers")
SPEECH_NEAR = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|wrote|writes|tweeted|added|argued|noted|stated|asked|"
                         r"replied|responded|explained|acknowledged|emphasized|emphasised|continued|countered|"
                         r"clarified|retorted|remarked|who|whose)\b")
# "said resident X": one lower-case noun may describe the speaker between the verb and the name
SPEECH_BEFORE = re.compile(r"\b(?:said|says|wrote|writes|asked|added)"
                           r"(?:\s+(?!(?:the|a|an|his|her|its|their|this|that|on|in|at|to|by|of|for|and)\b)[a-z]+)?\s*$")
# romanised two-part given names ("Mei-Ling", "Ji-hoon"): a person's name without a first-name lexicon entry
HYPHEN_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}$")
# kinship nouns: "her son, Sewell Setzer" names a person
KIN_BEFORE = re.compile(r"\b(?:son|daughter|wife|husband|mother|father|brother|sister|widow|widower|fianc[ée]e?|"
                        r"grandson|granddaughter|niece|nephew|cousin|stepson|stepdaughter)\s*,?\s*$", re.I)
# product line words that end a product's name, not a person's ("Medibot Pro")
VERSION_WORDS = word_list(_TYPING_WORDS, "version_words")
# determiners and relative pronouns: inside an apposition they mean a clause ("X, called the app ..."), not a noun
DET_WORDS = r"(?:the|a|an|its|his|her|their|this|that|these|those|whose|who|which|our|my|your)"
APPOS_CLAUSE = re.compile(rf"\b{DET_WORDS}\b", re.I)
# a capitalised name in the possessive right before a mention ("Nvidia's H100", "the Commissioner's Office")
POSS_NAME = re.compile(r"[A-Z][\w-]*[’']s?\s$")
# the object of a release verb names a product ("Zentrix launched Quillbot Pro")
LAUNCHED = re.compile(r"\b(?:launch(?:ed|es)|unveil(?:ed|s)|releas(?:ed|es)|introduc(?:ed|es)|debut(?:ed|s)|"
                      r"builds|makes|sells|ships|shipped)\s+"
                      r"(?:its\s+|their\s+|the\s+|a\s+|an\s+)?(?:(?:new|latest|first)\s+)?$", re.I)
MADE_BY = re.compile(r"^\s*,?\s+(?:(?:is|was)\s+)?(?:developed|made|built|created|designed)\s+by\s+(?:the\s+)?[A-Z]|"
                     r"^\s+(?:maker|developer|creator)\s+[A-Z]")
CAP_BEFORE = re.compile(r"[A-Z][\w-]*[’']?s?[’']?\s*,?\s*[\"“‘]?$")
LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")
# words before a name that make it a place ("in Trondheim", "on the outskirts of Limerick")
PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|around|throughout|to|from|outskirts of|suburb of|"
                          r"city of|town of|county of|province of|state of|based in|headquartered in)\s+$", re.I)
STAKE_IN = re.compile(r"\b(?:invest(?:s|ed|ing|ment|ments)?|stakes?|shares|holdings?|interest|position|"
                      r"deal|partnership|talks|confidence|trust|faith)\s+(?:in|with|to|from)\s+$", re.I)
PLACE_WORDS = word_list(_TYPING_WORDS, "place_words")
# the officials of a place ("mayor of X") and a firm's facilities in a town ("its X factory")
PLACE_OFFICES = word_list(_TYPING_WORDS, "place_offices")
_FACILITY_WORDS = word_list(_TYPING_WORDS, "facility_words")
FACILITY_AFTER = re.compile(rf"^\s+(?:{alternation(_FACILITY_WORDS)})s?\b")
# a place written "City, State" ("Cambridge, Massachusetts")
PLACE_AFTER = re.compile(r"^,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
# articles of other languages that start the names of newspapers and institutions ("Le Monde", "Die Zeit")
FOREIGN_ARTICLES = word_list(_TYPING_WORDS, "foreign_articles")
# legal forms: a written "Alphabet Inc." keeps the lexicon's label; "Samsung Electronics" is a fuller name
LEGAL_FORMS = word_list(_TYPING_WORDS, "legal_forms")
CODE_PREFIX = re.compile(r"^[A-Z]\d{1,3}$")
ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
DET_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+$", re.I)
THE_BEFORE = re.compile(r"[a-z,]\s+The\s+$")
ACRONYM_AFTER = re.compile(r"^\s+\(([A-Z][A-Za-z]{1,6})\)")
ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.I)
CAP_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]*\s$")
PLURAL_VERB = re.compile(r"\s+(?:are|were|have)\b")


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """Context regexes built from the lexicons (compiled once)."""
    lex = lexicon()

    # tries: the same matches as longest-first alternations of the words, several times faster
    roles, pcues, ocues = alternation(lex.roles), alternation(lex.product_cues), alternation(lex.org_cues)
    return {
        # "X chatbot", "X AI model" — not "X panned the device" (a verb and its object) nor "X chip designer"
        "product_after": re.compile(rf"^\s+(?:(?!{DET_WORDS}\s)[a-z][\w-]*\s+){{0,2}}(?:{pcues})\b"
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
        # "in an article for X", "wrote in an op-ed for X": the publication a piece appeared in, never a person
        "publication_before": re.compile(r"\b(?:writ(?:ing|es)\s+(?:in|for)|wrote\s+(?:in|for)|published\s+in|"
                                         r"(?:article|piece|column|op-ed|essay|editorial)\s+(?:for|in))\s+"
                                         r"(?:the\s+)?$", re.I),
        "source_after": re.compile(r"^\s+(?:reported|reports|first reported|reporter|journalist|columnist|"
                                   r"said in a report|wrote in)\b"),
        "admin_after": re.compile(r"^\s+(administration|government|campaign|foundation)\b"),
        "list_cue": re.compile(r"\b(?:such as|including|include|includes|included|like|namely)\s*:?\s*$", re.I),
    }


TAIL = re.compile(r"[A-Za-z][\w-]*")
# words without which CALLED, LAUNCHED and the "source_before" pattern cannot match: tested first, in C
CALLED_WORDS = ("called", "named", "dubbed", "branded", "known as")
LAUNCHED_WORDS = ("launch", "unveil", "releas", "introduc", "debut", "builds", "makes", "sells", "ship")
SOURCE_WORDS = ("according", "told", "report", "cited", "interview", "speaking", "writing", "published")
PUBLICATION_WORDS = ("writ", "wrote", "published", "article", "piece", "column", "op-ed", "essay", "editorial")
SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())  # what \s matches


def may_hold(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a text whose caseless() form is ``low`` can hold one of ``words`` (always, when it cannot tell)."""
    return low is None or any(map(low.__contains__, words))


def last_run(text: str, trailing: str) -> int:
    """Offset of the last run of non-space characters once ``trailing`` characters and spaces are cut from the end:
    a match that ends the text, holds no space and is followed only by such characters starts there or later."""
    kept = text.rstrip(SPACES + trailing)
    return len(kept) - len(kept.rsplit(None, 1)[-1]) if kept else len(text)

# "Apple Park", "Google Campus": a maker's name before a site word names a place
SITE_WORDS = word_list(_TYPING_WORDS, "site_words")


def tail_words(before: str, n: int = 4) -> list[str]:
    """The last few lower-case words before a mention, and whether only a comma/quote separates them."""
    return [w.lower() for w in TAIL.findall(before[-50:])[-n:]]


def ends_with(tail: list[str], phrases: frozenset[str], max_words: int = 3) -> bool:
    """Whether the tail ends with one of the phrases (1..max_words words)."""
    return any(" ".join(tail[-k:]) in phrases for k in range(1, min(max_words, len(tail)) + 1))


VERB_NEXT = re.compile(r"^(?:[’']s\s+\w+\s+)?\s+(?:(?:is|are|was|were)\s+\w+ing\b|(?:has\s+|have\s+|had\s+)?"
                       r"(?:said|says|announced|raised|raises|"
                       r"launched|launches|released|releases|unveiled|filed|sued|secured|acquired|introduced|"
                       r"warned|argued|claimed|reported|denied|confirmed|declined|criticised|criticized|slammed))\b")
DEMONYM = re.compile(r"(?:an|ese|ish|ians?|ans)$")


def plural_common(w: str, lex: Lexicon) -> bool:
    """Whether a capitalised word is the plural of a common noun or a title ("Visitors", "Devices", "Commissioners")."""
    low = w.lower()
    return low.endswith("s") and w[1:].islower() and \
        (low in lex.common_words or low[:-1] in lex.common_words or low[:-1] in lex.role_words)


def single_org_like(w: str, lex: Lexicon, lower_vocab: frozenset[str]) -> bool:
    """An unknown single word that can stand for an organisation ("Zentrix", "CHM"), not a demonym or common word."""
    if len(w) < 2 or not w[0].isupper() or w in lex.generic_caps or w in lex.first_names:
        return False
    low = w.lower()
    if low in lower_vocab or low in lex.stopwords or low in lex.role_words or low in lex.group_nouns:
        return False
    if plural_common(w, lex):
        return False  # "Visitors, he adds", "Commissioners for Data Protection": a plural of a common noun
    if w.isupper():
        return 2 <= len(w) <= 6 and w.isalpha()
    return (w[1:].islower() and w.isalpha() and not DEMONYM.search(w)) or any(c.isupper() for c in w[1:])


NICKNAME = re.compile(r"^[\"“‘'][A-Z][a-z]+[\"”’']$")


# a generational suffix after a surname ("Sewell Setzer III", "Robert Downey Jr.")
GENERATIONAL = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def name_like(words: list[str]) -> bool:
    """Every word looks like part of a personal name ("Mark", "LeCun", "O’Brien", "J.", "van" inside)."""
    # inside a name, a particle or a middle initial written without its full stop ("Justin J Pearson")
    # (or a quoted nickname: 'Chungin "Roy" Lee'); after a given name and a surname, a generational suffix
    last = len(words) - 1
    return all(NAME_WORD.match(w) or (0 < k < last and (w in PARTICLES or (len(w) == 1 and w.isupper())
                                                        or NICKNAME.match(w) is not None))
               or (k == last >= 2 and w in GENERATIONAL)
               for k, w in enumerate(words))



R = TypeVar("R", bound=Callable[..., object])
# the name lengths (in words) a typing rule can read, declared beside the rule: the stage skips it for other names
_NAME_LENGTHS: dict[Callable[..., object], tuple[int, int]] = {}


def name_words(least: int, most: int = 1 << 10) -> Callable[[R], R]:
    """Declare that a rule reads only names of ``least`` to ``most`` words (it returns None for any other)."""
    def mark(rule: R) -> R:
        _NAME_LENGTHS[rule] = (least, most)
        return rule
    return mark


def reads_length(rule: Callable[..., object], n: int) -> bool:
    """Whether a rule can read a name of ``n`` words (see name_words)."""
    least, most = _NAME_LENGTHS.get(rule, (1, 1 << 10))
    return least <= n <= most


# the registered name of each typing rule (see registered)
_RULE_NAMES: dict[Callable[..., object], str] = {}


def registered(name: str) -> Callable[[R], R]:
    """Register a typing rule under ``name`` ("typing.rule_name.vN"), described by its docstring."""
    def mark(rule: R) -> R:
        _RULE_NAMES[rule] = register(name, " ".join((rule.__doc__ or "").split()), rule.__module__)
        return rule
    return mark


def rule_name(rule: Callable[..., object]) -> str:
    """The registered name of a typing rule."""
    return _RULE_NAMES[rule]


class MentionCues:
    """One mention as the typing rules read it: its words, the text after it and, once a rule asks, the text and
    cue words before it, an apposition after it and its shape (each read at most once, on first use)."""

    __slots__ = ("after", "appos", "before", "cue_org", "cue_product", "cue_role", "cue_starts", "doc", "ends",
                 "ext", "glued", "last", "lex", "low_before", "m", "p", "person_like", "s", "surface", "tail", "text",
                 "words")
    # read lazily (see __getattr__): most mentions are typed by the lexicons before any rule needs them
    before: str  # up to 80 characters of the sentence before the mention
    tail: list[str]  # the last few lower-case words before it
    glued: bool  # nothing but a comma or a quotation mark between it and the words before
    ends: list[str]  # the last one, two and three words before it, joined (empty where they are a name's)
    cue_product: bool  # a product cue word right before ("the chatbot X")
    cue_org: bool  # an organisation cue word right before ("the startup X")
    cue_role: bool  # a title right before, or a plural one before a list of names ("commissioners X and Y")
    low_before: str | None  # caseless(before)
    appos: re.Match[str] | None  # an apposition that describes the mention (", a chatbot"), not another name
    person_like: bool  # shaped as a personal name

    def __init__(self, m: Mention, doc: TextDoc, lex: Lexicon, p: dict[str, re.Pattern[str]],
                 cue_starts: frozenset[str]) -> None:
        self.m, self.doc, self.lex, self.p, self.cue_starts = m, doc, lex, p, cue_starts
        self.text = text = doc.clean
        self.s: Sentence = doc.sentences[m.sentence]
        self.surface = m.text
        self.ext = text[m.start:m.version_end] if m.version_end else m.text
        self.words = self.surface.split()
        self.last = self.words[-1]
        self.after = text[m.end:min(self.s.end, m.end + 120)]

    def __getattr__(self, name: str) -> object:
        """Read a lazy cue on its first use (an unset slot lands here; later reads are plain attribute reads)."""
        reader = _READERS.get(name)
        if reader is None:
            raise AttributeError(name)
        reader(self)
        return object.__getattribute__(self, name)

    def read_context(self) -> None:
        """Read every context cue at once (the typing stage does, once the lexicons have not decided; a rule called
        on its own reads each on its first use)."""
        self.read_before()
        self._read_low_before()
        self._read_appos()
        self._read_person_like()

    def read_before(self) -> None:
        """Read the text and the cue words before the mention."""
        text, s, m = self.text, self.s, self.m
        self.before = before = text[max(s.start, m.start - 80):m.start]
        self.tail = tail = tail_words(before)
        self.glued = glued = not before.rstrip(" ,\"“‘").endswith((".", ";", ":", ")", "!", "?"))
        ends = [" ".join(tail[-k:]) for k in range(1, min(3, len(tail)) + 1)] if glued else []
        if ends and CAP_BEFORE.search(before, last_run(before, ",\"“‘")):
            ends = []  # "Zentrix Labs' Quillbot": the word before is part of a name, not a cue noun ("labs")
        self.ends = ends
        lex = self.lex
        self.cue_product = any(e in lex.product_cues for e in ends[:2])
        self.cue_org = any(e in lex.org_cues for e in ends[:2])
        # a plural title before a list of names is each one's ("commissioners Mark Christie and ...")
        self.cue_role = any(e in lex.roles for e in ends) or (
            bool(ends) and ends[0].endswith("s") and ends[0][:-1] in lex.roles)

    def _read_low_before(self) -> None:
        self.low_before = caseless(self.before)

    def _read_appos(self) -> None:
        after = self.after
        self.appos = None
        # an apposition starts with a comma: most names are followed by none
        appos = self.p["appos"].match(after) if after.lstrip()[:1] == "," else None
        if appos is None:
            return
        cue_word = appos.group("org") or appos.group("product") or ""
        if APPOS_CLAUSE.search(appos.group(1)) or \
                (not appos.group("role") and (APPOS_PREP.search(appos.group(1)) or cue_word[:1].isupper())):
            # "Matthew Green, a cryptographer at Johns Hopkins University", "X, an early Zentrix Labs investor": the
            # cue is another name's
            return
        self.appos = appos

    def _read_person_like(self) -> None:
        """Two to four name words, none a stopword, generic word or title, the last no product line's or
        organisation's word, the first no known company or country ("Bloomberg Law", "France Inter")."""
        words, lex, last = self.words, self.lex, self.last
        # "Lindsay See" in the body: after a given name, a capitalised stopword is a surname
        surname_ok = len(words) == 2 and not (self.m.heading or self.m.sentence_initial) and \
            words[0] in lex.first_names
        person_like = 2 <= len(words) <= 4 and name_like(words) and not any(
            (w.lower() in lex.stopwords and w not in PARTICLES and not (surname_ok and i == 1)) or
            w in lex.generic_caps or w.lower() in lex.role_words for i, w in enumerate(words)) \
            and last not in VERSION_WORDS and last not in lex.org_suffixes
        if person_like and len(words) == 2 and (k := lex.known.get(fold(words[0]))) and \
                k.type in ("Organization", "Place"):
            person_like = False  # a known company's unit, a country's outlet
        self.person_like = person_like

    def product_after(self, after: str) -> bool:
        """"X chatbot", "X AI model": a product cue after the name."""
        # the pattern needs a space and then a lower-case letter or a cue's first character: most text after a
        # name fails that cheaper test
        return after[:1].isspace() and after.lstrip()[:1] in self.cue_starts and \
            self.p["product_after"].match(after) is not None


_BEFORE = ("before", "tail", "glued", "ends", "cue_product", "cue_org", "cue_role")
# which reader sets each lazy cue
_READERS: dict[str, Callable[[MentionCues], None]] = {
    **dict.fromkeys(_BEFORE, MentionCues.read_before),
    "low_before": MentionCues._read_low_before,
    "appos": MentionCues._read_appos,
    "person_like": MentionCues._read_person_like,
}
