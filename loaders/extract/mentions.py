"""Stage 2: candidate mentions — runs of capitalised tokens, split at role titles, plus unnamed group actors."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter, not_

from loaders.extract.lexicon import Lexicon, fold, lexicon, place_population
from loaders.extract.name_spans import given_name, known_spans, title_cased, work_titles
from loaders.extract.schema import Mention, MentionSet, Sentence, TextDoc
from loaders.extract.text import tokens

Tok = tuple[int, int, str]
_TEXT = itemgetter(2)  # the text of a token

_CONNECTORS = frozenset({"of", "&", "de", "van", "von", "der", "den", "da", "al", "bin", "du", "la", "le", "y"})
_FOR_HEADS = frozenset({"Center", "Centre", "Institute", "Coalition", "Alliance", "Campaign", "Council", "Committee",
                        "Foundation", "Society", "Association", "Partnership", "Fund", "Commission", "Office",
                        "Department", "Ministry", "Agency", "Reporters", "Doctors", "Engineers", "Scientists",
                        "Administration", "Authority", "Bureau", "Commissioner", "Network", "Initiative", "Advocates",
                        "Solidarity", "Action", "Citizens"})
# company suffixes after which a sentence-initial common word is the company's own ("Scale AI", "News Corp")
_NAME_SUFFIXES = frozenset({"AI", "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Labs", "Holdings", "Capital",
                            "Ventures", "Partners", "Technologies"})
_ADJECTIVE = re.compile(r"(?:ive|al|ic|ous|ed|ing|able|ible|ful|ary|ent|ant)$")
# heads of institutions whose names list their fields ("Department for Science, Innovation and Technology")
_LIST_HEADS = frozenset({"Ministry", "Department", "Committee", "Subcommittee", "Commission", "Council"})
_CHAMBERS = frozenset({"Senate", "House"})  # their committees list fields before the head
_COMMA_LEGAL = frozenset({"Inc", "LLC", "Ltd", "Corp", "Co", "PLC", "LLP", "GmbH", "AG", "SA", "NV"})
_CIRCUITS = frozenset({"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                       "Eleventh", "Federal", "D.C."})
_DISTRICT_WORDS = frozenset({"District", "Northern", "Southern", "Eastern", "Western", "Central", "Middle"})
# heads whose name goes on over "of the" ("Office of the Privacy Commissioner", "Department of the Treasury")
_OF_THE_HEADS = frozenset({"Office", "Ministry", "Department", "University", "Institute", "Bank", "Court", "Museum",
                           "Secretary", "Commissioner", "Council", "Academy", "School", "College", "Friends"})
# plural nouns whose possessive starts an institution's name ("Children's Digital Rights Coalition")
_PLURAL_OWNERS = frozenset({"Children", "Women", "Men", "People", "Citizens", "Workers", "Writers", "Artists",
                            "Parents", "Veterans", "Teachers", "Nurses", "Musicians", "Authors", "Consumers"})
_OPENERS = frozenset({'"', "“", "‘", "'", "-", "–", "—", "•", "*", ":", "(", "[", "·", ";"})
_OFFICE_HEADS = frozenset({"Office", "Department", "Bureau", "Division"})  # "Attorney General's Office"
_APOSTROPHES = frozenset({"'", "’"})
# a number before one of these is an amount, not a version ("fined Replika 5 million euros")
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "percent", "per", "%", "m", "bn",
                           "euros", "dollars", "pounds", "yen", "yuan", "times", "years", "months", "weeks", "days"})
_COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr"})  # written without a full stop in British English
_DOTTED_NAME_WORDS = frozenset({"Bros", "St"})  # abbreviations that a name goes on after
_INSTITUTIONS = frozenset({"University", "College", "School", "Hospital", "Institute", "Museum", "Library", "Academy"})
_TAIL_DROPS = frozenset({"of", "&", "for", "on"})  # words that never end a name
_QUOTES_OPEN = "\"“‘'"
_QUOTE_MARKS = frozenset(_QUOTES_OPEN)
_QUOTES_CLOSE = "\"”’'"
# the last words of a firm's name, never of a place or an institution named "of" something
_FIRM_SUFFIXES = frozenset({"Capital", "Ventures", "Partners", "Labs", "Inc", "Inc.", "LLC", "LLP", "Ltd", "Ltd.",
                            "Corp", "Corp.", "Holdings", "Technologies", "Robotics", "Advisors", "Associates"})
_FIRM_ENDINGS = _FIRM_SUFFIXES | {"Software", "Systems", "Media", "Studios", "Games", "Group"}
# a well-known name inside a compound: "Nvidia-powered", "Uber-type", "then-Apple", "ex-OpenAI"
_KNOWN_COMPOUND = re.compile(r"^(?:(?:[Tt]hen|[Ee]x|[Ff]ormer|[Pp]re|[Pp]ost|[Nn]on|[Aa]nti)-)?"
                             r"(?P<name>[A-Z][A-Za-z0-9]+)"
                             r"(?:-(?:based|backed|owned|led|funded|founded|run|controlled|operated|supported|"
                             r"powered|made|built|style|type|like|era|branded|designed|developed|linked))?$")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,5}s$")
_CODE_START = re.compile(r"^[A-Z]\d{1,3}$")  # a model code or a quarter starting a run ("Q1", "H2")
_VERSION = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-zA-Z]?|[A-Z]?\d+[A-Z]?)$")  # "2.0", "v2.5", "R1"
_VERSION_SUFFIX = frozenset({"Pro", "Max", "Ultra", "Mini", "mini", "Plus", "Turbo", "Lite", "Flash", "Nano", "SE",
                             "XL", "Air", "Sonnet", "Opus", "Haiku", "Preview", "Instant", "Thinking"})
_DETERMINERS = frozenset({"a", "an", "the", "some", "many", "other", "several", "few", "one", "another", "two",
                          "three", "most", "numerous", "its", "their", "his", "her", "our", "these", "those"})
_GROUP_SUBJECTS = frozenset({"Some", "Many", "Others", "Critics", "Netizens", "Skeptics", "Sceptics", "Observers",
                             "Analysts", "Experts", "Investors", "Developers", "Users", "Supporters", "Opponents",
                             "Detractors", "Commentators", "Employees", "Researchers", "Fans", "Insiders"})
_GROUP_PREMODS = ("social media", "online", "internet", "reddit", "former", "senior", "angry", "prominent", "tech",
                  "industry", "independent", "ai", "outside", "other")
_GROUP_PREMOD_WORDS = tuple((mod, mod.split()) for mod in _GROUP_PREMODS)


# prefixes of hyphenated words that are English compounds, not given names ("Pre-trained", "Co-founder")
_HYPHEN_PREFIXES = frozenset({"pre", "non", "co", "re", "ex", "mid", "sub", "bi", "tri", "pro", "neo", "off", "set",
                              "run", "end", "top", "low", "big", "two", "one", "ten", "six", "all", "far", "old",
                              "new", "day", "hot", "key", "own", "add", "log", "opt", "web", "ai", "e", "x", "de"})
# a name's last word glued to a participle: "Dhabi-backed", "Francisco-based", "Horowitz-led"
_NAME_COMPOUND = re.compile(r"^([A-Z][A-Za-z]+)-(?:based|backed|owned|led|funded|founded|headquartered|run|controlled|"
                            r"operated|supported|affiliated|linked|made|built|powered|born)$")
# one romanised East Asian syllable ("sang", "seung", "hyun", "woo"): longer halves of hyphenated given names
# must be one ("Lee Sang-woo"), which English compounds ("Well-known", "Real-time") are not
_SYLLABLE = re.compile(r"^(?:[bcdghjkmnpstw]h?|[kpt]{2}|ss|jj)?[wy]?(?:[aeiou]{1,3})(?:ng|n|m|k|p|l)?$")
# stopwords that never end a name even when capitalised
_FUNCTION_TAILS = frozenset({"the", "and", "for", "of", "on", "its", "his", "her", "their", "our", "an", "but", "or",
                             "this", "that", "these", "those", "was", "were", "has", "have", "had", "says", "said",
                             "who", "which", "when", "where", "while", "with", "from", "into", "than", "then", "also",
                             "will", "would", "can", "could", "may", "might", "should", "must", "does", "did", "not",
                             "all", "any", "some", "each", "every", "both", "more", "most", "other", "such", "only",
                             "just", "very", "here", "there", "today", "yesterday", "after", "before", "about"})
# heads of institutions whose names go on over "and" ("Securities and Exchange Commission")
_AND_HEADS = frozenset({"Commission", "Committee", "Subcommittee", "Council", "Studies", "Affairs", "Services",
                        "Sciences", "Security", "Technology", "Energy", "Trade", "Development", "Research", "Industry",
                        "Exchange", "Safety", "Health", "Justice", "Innovation", "Education", "Authority", "Society",
                        "Institute", "Association", "Foundation", "Agency", "Board", "Office", "ICT", "Regulation",
                        "Markets", "Standards", "Transportation", "Transport", "Environment", "Labor", "Labour",
                        "Pensions", "Agriculture", "Infrastructure", "Welfare", "Defense", "Defence"})


@lru_cache(maxsize=65536)
def is_name_token(t: str) -> bool:
    """A token that can be part of a name: capitalised, camel-cased ("xAI", "iPhone") or a model code ("R1")."""
    c = t[0]
    if "-" in t and t.rsplit("-", 1)[1].isalpha() and t.rsplit("-", 1)[1].islower():
        # "AI-powered", "London-based" are not names, but romanised given names are ("Ji-hoon", "Seo-yeon")
        pre, suf = t.split("-", 1)
        if not (c.isupper() and pre.isalpha() and 2 <= len(pre) <= 5 and 2 <= len(suf) <= 4 and "-" not in suf
                and pre.lower() not in _HYPHEN_PREFIXES
                and (len(pre) <= 3 or (_SYLLABLE.match(pre.lower()) and _SYLLABLE.match(suf)))):
            return False
    if c.isupper():
        return True
    return c.islower() and len(t) > 1 and any(ch.isupper() for ch in t[1:]) and t.isalnum()


def _initial_positions(toks: list[Tok], texts: list[str]) -> set[int]:
    """Indices of tokens that start a sentence or a quoted/listed segment (their capital proves nothing)."""
    out: set[int] = set()
    expect = True
    n = len(texts)
    openers = list(compress(range(n), map(_OPENERS.__contains__, texts)))
    i = -1
    while i + 1 < n:
        i += 1
        if not expect and i > 1:
            # once a start is found only an opener (or a list number up front) can start another: go to the next one
            k = bisect_left(openers, i)
            if k == len(openers):
                break
            i = openers[k]
        t = texts[i]
        if not expect and t not in _OPENERS and (i > 1 or not t[0].isdigit()):
            continue
        if t in _APOSTROPHES and i and toks[i - 1][1] == toks[i][0] and texts[i - 1].endswith("s"):
            continue  # "Zentrix Labs' Quillbot": a plural possessive, not an opening quote
        if t in _OPENERS or (t[0].isdigit() and i + 1 < n and texts[i + 1] in {".", ")"} and i < 2):
            expect = True
            continue
        if expect and t not in {".", ")"}:
            out.add(i)
            expect = False
    return out


class _Builder:
    """Builds the mentions of one document."""

    def __init__(self, doc: TextDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.clean
        self.mentions: list[Mention] = []
        self.body_surfaces: set[str] = set()
        # the names written in the body are only looked up in headings: without headings they need not be collected
        self.has_headings = any(s.heading for s in doc.sentences)
        self.lows: list[str] = []  # the lower-cased tokens of the sentence being read

    # ---- runs
    def _runs(self, toks: list[Tok], texts: list[str]) -> list[tuple[int, int]]:
        """(first, last+1) token index ranges of capitalised runs."""
        runs: list[tuple[int, int]] = []
        n = len(toks)
        text = self.text
        # the tokens that can start a run, found in one pass (most tokens are lower-case words)
        # a name token holds an upper-case letter: lower-case words, most tokens, are not even looked up
        starts = [k for k in compress(range(n), map(not_, map(str.islower, texts)))
                  if texts[k][0].isalpha() and is_name_token(texts[k])]
        known_at = known_spans(self.text, toks, texts, self.lex)
        if known_at:
            starts = sorted({*starts, *known_at})
        j = 0
        for i in starts:
            if i < j:
                continue  # inside the previous run
            j = max(i + 1, known_at.get(i, 0))
            while j < n:
                gap = text[toks[j - 1][1]:toks[j][0]]
                if j in known_at and gap == " ":
                    j = known_at[j]  # a well-known name goes on over a digit or a possessive ("Microsoft 365 Copilot")
                    continue
                if toks[j][2] == "," and not gap and j + 1 < n and \
                        any(x[2] in _LIST_HEADS for x in toks[i:i + 2]) and \
                        any(x[2] in {"of", "for", "on"} for x in toks[i:j]):
                    end = self._field_list_end(toks, j)
                    if end:
                        j = end  # "Ministry of Trade, Industry and Energy", "Committee on Science, Space and ..."
                        continue
                if toks[j][2] == "," and not gap and j - i <= 3 and toks[j - 1][2] not in _CHAMBERS and \
                        any(x[2] in _CHAMBERS for x in toks[i:i + 2]):
                    end = self._field_list_end(toks, j)
                    if end and toks[end - 1][2] in {"Committee", "Subcommittee"}:
                        j = end  # "Senate Banking, Housing, and Urban Affairs Committee": the fields, then the head
                        continue
                if toks[j][2] == "," and not gap and j + 1 < n and toks[j + 1][2].rstrip(".") in _COMMA_LEGAL and \
                        text[toks[j][1]:toks[j + 1][0]] == " ":
                    j += 2  # "NYP Holdings, Inc."
                    continue
                if toks[j][2] == "," and not gap and self._campus_after(toks, i, j):
                    j += 2  # "University of California, Berkeley": a campus of a state university system
                    continue
                skip = self._phrase_joins(toks, j) if gap == " " else 0
                if skip:
                    j += skip  # "District Court for the Southern District", "Office of the", "Autorite de la"
                    continue
                if not gap and toks[j][2] in {"'s", "’s", "'", "’"} and toks[j - 1][2] in _PLURAL_OWNERS and \
                        j + 1 < n and is_name_token(toks[j + 1][2]) and text[toks[j][1]:toks[j + 1][0]] == " ":
                    j += 2  # "Children's Digital Rights Coalition": a plural's possessive inside the name
                    continue
                if not gap and toks[j][2] in {"'s", "’s"} and j == i + 1 and j + 1 < n and \
                        toks[j + 1][2] in _INSTITUTIONS and self.lex.known.get(fold(toks[i][2])) is None and \
                        text[toks[j][1]:toks[j + 1][0]] == " ":
                    j += 2  # "Alleyn's School", "King's College": an institution named after its founder or patron
                    continue
                if not gap and toks[j][2] in {"'s", "’s"} and j + 1 < n and toks[j + 1][2] in _OFFICE_HEADS and \
                        not self.lex.role_words.isdisjoint(self.lows[i:j]) and text[toks[j][1]:toks[j + 1][0]] == " ":
                    j += 2  # "New Hampshire Attorney General's Office": an office named after its holder's title
                    continue
                if not gap and toks[j][2] == "." and toks[j - 1][2] in _DOTTED_NAME_WORDS and j + 1 < n and \
                        is_name_token(toks[j + 1][2]) and text[toks[j][1]:toks[j + 1][0]] == " ":
                    j += 2  # "Warner Bros. Discovery", "St. Louis": the abbreviation's full stop is the name's
                    continue
                if gap == " " and self._nickname_at(toks, j):
                    j += 3  # 'Chungin "Roy" Lee': a quoted nickname between a given name and a surname
                    continue
                if not gap and self._initial_joins(toks, j, i):
                    j += 1 if toks[j][2][0] in _APOSTROPHES else 2  # "Andrew N. Ferguson", "Adam D’Angelo"
                    continue
                if gap != " " and (not gap or gap.strip() or len(gap) > 3):
                    break  # names continue over single spaces (or a zero-width/odd space turned into spaces)
                t = toks[j][2]
                if is_name_token(t):
                    j += 1
                    continue
                nxt_ok = j + 1 < n and is_name_token(toks[j + 1][2]) and text[toks[j][1]:toks[j + 1][0]] == " "
                if nxt_ok and t == "of" and self._person_then_org(toks, i, j):
                    break  # "Beatrix Holm of Morningstar": a person, then the organisation
                if nxt_ok and (t in _CONNECTORS or (t in {"for", "on", "without"} and toks[j - 1][2] in _FOR_HEADS)
                               or (t == "and" and self._and_joins(toks, i, j))):
                    j += 2
                    continue
                break
            runs.append((i, j))
        return runs

    def _nickname_at(self, toks: list[Tok], j: int) -> bool:
        """Whether a quoted capitalised word at j follows a given name and precedes a capitalised word (the surname)."""
        if j + 3 >= len(toks) or toks[j][2] not in _QUOTE_MARKS or toks[j + 2][2] not in _QUOTE_MARKS | {"”", "’"}:
            return False
        nick, last = toks[j + 1][2], toks[j + 3][2]
        text = self.text
        given = toks[j - 1][2]
        lex = self.lex
        # the word before is a given name, or an unknown capitalised word ("Chungin"), not a common or generic one
        if given not in lex.first_names and not (given.istitle() and given.isalpha() and given not in lex.generic_caps
                                                 and given.lower() not in lex.common_words
                                                 and given.lower() not in lex.stopwords):
            return False
        return nick.istitle() and nick.isalpha() and \
            toks[j][1] == toks[j + 1][0] and toks[j + 1][1] == toks[j + 2][0] and \
            text[toks[j + 2][1]:toks[j + 3][0]] == " " and last.istitle() and is_name_token(last)

    def _campus_after(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether the comma at j joins "University of <place>" to one place word naming its campus, not a list."""
        n = len(toks)
        if not (j - i >= 3 and toks[i][2] == "University" and toks[i + 1][2] == "of" and j + 1 < n):
            return False
        nxt = toks[j + 1][2]
        after = [t[2] for t in toks[j + 2:j + 4]]
        return nxt.istitle() and nxt.isalpha() and place_population(nxt) is not None and \
            not (after[:1] == ["and"] or (after[:1] == [","] and after[1:2] and after[1][:1].isupper()))

    def _field_list_end(self, toks: list[Tok], j: int) -> int:
        """End of ", A, B and C" from the comma at j when it lists an institution's fields and ends in a typical
        head ("..., Innovation and Technology"); 0 otherwise."""
        k, n, seen_and = j, len(toks), False
        while k < n:
            t = toks[k][2]
            if t == "," or (t == "and" and not seen_and):
                seen_and = seen_and or t == "and"
                k += 1
                continue
            if not (is_name_token(t) and t[0].isupper()):
                break
            k += 1
        while k > j and toks[k - 1][2] in {",", "and"}:
            k -= 1  # "..., Space and Technology, applauded": the comma after the name is not part of it
        return k if seen_and and toks[k - 1][2] in _AND_HEADS and k - j <= 8 else 0

    def _phrase_joins(self, toks: list[Tok], j: int) -> int:
        """How many lower-case tokens from j continue an institution's name before a capitalised word: "for the" in
        "Court for the Southern District", "of the" after "Office", "de la" in "Autorite de la Concurrence"."""
        n = len(toks)
        words = [t[2] for t in toks[j:j + 3]]
        if len(words) < 3 or not is_name_token(words[2]) or not words[2][0].isupper() or \
                any(self.text[toks[k][1]:toks[k + 1][0]] != " " for k in range(j, min(n - 1, j + 2))):
            return 0
        prev = toks[j - 1][2]
        if words[:2] == ["for", "the"] and prev == "Court" and words[2] in _DISTRICT_WORDS:
            return 2
        if words[:2] == ["for", "the"] and prev == "Appeals" and words[2] in _CIRCUITS:
            return 2  # "Court of Appeals for the Third Circuit"
        if words[:2] == ["of", "the"] and prev in _OF_THE_HEADS:
            return 2
        if words[0] in _CONNECTORS and words[1] in _CONNECTORS and words[0] != "of":
            return 2
        return 0

    def _initial_joins(self, toks: list[Tok], j: int, start: int = -1) -> bool:
        """Whether the token at j continues a name after a one-letter initial: the full stop of "N." before a
        capitalised word that is not a function word, or the apostrophe part of "D’Angelo"."""
        prev, t = toks[j - 1][2], toks[j][2]
        if len(prev) != 1 or not prev.isupper():
            return False
        # a first initial after a title, "by" or a list's comma ("artists H. Southworth, Gerald Brom")
        before = toks[start - 1][2].lower() if j - 1 == start and start > 0 else ""
        first_initial = before in {",", "and", "by"} or (len(before) > 3 and before.rstrip("s") in self.lex.role_words)
        if t == "." and not first_initial and (j < 2 or not given_name(toks[j - 2][2], j - 2 == start, self.lex,
                                                                       self.doc.lower_vocab)):
            return False  # only a middle initial after a given name: "platform X. Investors" ends a sentence
        if t[0] in _APOSTROPHES:
            return len(t) > 2 and t[1].isupper()
        if t != "." or j + 1 >= len(toks) or self.text[toks[j][1]:toks[j + 1][0]] != " ":
            return False
        nxt = toks[j + 1][2]
        # "on X. Investors said": a word the text also writes in lower case starts a new sentence
        return is_name_token(nxt) and nxt[0].isupper() and len(nxt) > 1 and nxt.lower() not in self.lex.stopwords \
            and nxt.lower() not in self.doc.lower_vocab

    def _abbreviated_title(self, toks: list[Tok], k: int) -> str | None:
        """The abbreviated title written right before token k ("Rep." of "Rep. Dean Phillips", "Ms" of British
        "Ms Phillipson"), else None."""
        if k >= 1 and toks[k - 1][2] in _COURTESY_TITLES and self.text[toks[k - 1][1]:toks[k][0]] == " ":
            return toks[k - 1][2]
        if k >= 2 and toks[k - 1][2] == "." and toks[k - 1][0] == toks[k - 2][1] and \
                self.lows[k - 2] + "." in self.lex.role_words and toks[k - 2][2][:1].isupper():
            return toks[k - 2][2] + "."
        return None

    def _person_then_org(self, toks: list[Tok], a: int, j: int) -> bool:
        """Whether tokens a..j-1 read as a personal name (first name first) rather than an institution's head."""
        words = [t[2] for t in toks[a:j]]
        if a and (self.lows[a - 1] in self.lex.role_words or self._abbreviated_title(toks, a)) and \
                2 <= len(words) <= 3 and \
                all(w[0].isupper() and w.isalpha() for w in words):
            return True  # "analyst Carolina Milanesi of Creative Strategies": a title names a person
        k = next((x for x, w in enumerate(words) if w in self.lex.first_names), None)
        if k is None and len(words) == 2 and self._firm_after_of(toks, j):
            # "Ashu Garg of Foundation Capital": two name words, then a firm's name
            return all(w.isalpha() and w[0].isupper() and w.lower() not in self.doc.lower_vocab for w in words) \
                and words[-1] not in self.lex.org_suffixes and words[-1] not in _FOR_HEADS
        return k is not None and 1 <= len(words) - k <= 3 and words[-1] not in self.lex.org_suffixes \
            and words[-1] not in _FOR_HEADS

    def _firm_after_of(self, toks: list[Tok], j: int) -> bool:
        """Whether the capitalised words after "of" at j end in a firm's suffix ("of Foundation Capital")."""
        k = j + 1
        while k < len(toks) and is_name_token(toks[k][2]) and self.text[toks[k - 1][1]:toks[k][0]] == " ":
            k += 1
        return k - j - 1 >= 1 and toks[k - 1][2] in _FIRM_SUFFIXES

    def _and_joins(self, toks: list[Tok], a: int, j: int) -> bool:
        """Whether "and" at j continues an institution's name: the capitalised run after it ends in a typical head."""
        k = j + 1
        while k < len(toks) and is_name_token(toks[k][2]) and self.text[toks[k - 1][1]:toks[k][0]] == " ":
            k += 1
        if toks[k - 1][2] == "Act" and k - j - 1 <= 3:
            return True  # "Chips and Science Act": one law's name (not an actor: dropped whole)
        if k - j - 1 > 3 or toks[k - 1][2] not in _AND_HEADS:
            return False
        # two names coordinated ("Google and Samsung Electronics") are not one institution
        return self.lex.known.get(fold(" ".join(t[2] for t in toks[a:j]))) is None

    def _strip(self, toks: list[Tok], a: int, b: int, initial: set[int]) -> int:
        """Index of the first token worth keeping: drop sentence-initial common words, determiners, calendar words."""
        lex = self.lex
        lows = self.lows
        while a < b:
            t = toks[a][2]
            low = lows[a]
            if len(t) <= 5 and _CODE_START.match(t) and a + 1 < b and toks[a + 1][2] not in lex.generic_caps:
                break  # "Q1 Tessera" may be a product's name: typing decides whether "Q1" is a quarter
            # a common word capitalised only because it starts the sentence (tested last: the costliest test)
            # "US" is the country's abbreviation (as "U.S."), not the pronoun: "US Securities and Exchange Commission"
            # ("of Not Boring Software": a capitalised stopword mid-sentence before a firm's suffix is the name's)
            stop = low in lex.stopwords and t != "US" and not (b - a >= 3 and toks[b - 1][2] in _FIRM_ENDINGS and (
                a not in initial or (a == 0 and self._named_mid_sentence(t, toks[a + 1][2]))))
            # (a name the text writes mid-sentence too keeps its first word: "Sports Illustrated published")
            # ("Copyright Office", "Democratic Party": a generic word naming an institution with its head word)
            generic = t in lex.generic_caps and t != "AI" and not (
                t.istitle() and a + 1 < b and toks[a + 1][2] in lex.org_suffixes)
            if stop or t in {"The", "A", "An"} or generic or \
                    (a in initial and (low in self.doc.lower_vocab or low in lex.group_nouns)
                     and low not in lex.role_words and lex.known.get(fold(t)) is None
                     and not (a + 1 < b and toks[a + 1][2] in _NAME_SUFFIXES and not _ADJECTIVE.search(low))
                     and not (a == 0 and a + 1 < b and self._named_mid_sentence(t, toks[a + 1][2]))):
                # ("Scale AI CEO X said", "News Corp sued": a common word before a company suffix is the name's)
                a += 1
            else:
                break
        return a

    def _named_mid_sentence(self, first: str, second: str) -> bool:
        """Whether the document also writes "first second" capitalised after a lower-case word: then a sentence's
        first word is the name's own ("Sports Illustrated published ...", "the Sports Illustrated website")."""
        if not second[:1].isupper():
            return False
        pattern = re.compile(rf"[a-z][,;:]? {re.escape(first)} {re.escape(second)}\b")
        return pattern.search(self.text) is not None

    def _known_prefix(self, texts: list[str], a: int, b: int) -> tuple[int, int]:
        """(start, end) of the longest well-known name of two or more words that starts the run at a (or after its
        "The"), else (a, 0): stripping, title splitting and tail trimming must not cut it ("USA Today publisher",
        "Scale AI CEO", "Getty Images")."""
        known = self.lex.known
        best = (a, 0)
        # "The Verge" is known only with its article, "Wall Street Journal" also without (read so): the longer name
        # wins ("The Information" must not cut "The Information Commissioner's Office")
        for start in ((a + 1, a) if texts[a] in {"The", "A", "An"} else (a,)):
            for k in range(min(b, start + self.lex.known_max_tokens), start + 1, -1):
                if fold(" ".join(texts[start:k])) in known:
                    if k > best[1]:
                        best = (start, k)
                    break
        return best

    def _stop_tail(self, t: str, n: int) -> bool:
        """A stopword ending a run that is not part of the name: lower case, short, or a function word; a longer
        capitalised one after a name is the name's own word ("Access Now")."""
        low = t.lower()
        if low not in self.lex.stopwords:
            return False
        return n == 1 or t.islower() or len(t) < 3 or low in _FUNCTION_TAILS

    def _emit(self, s: Sentence, toks: list[Tok], a: int, b: int, *, title: str | None = None,
              org_before: int | None = None, initial: bool = False, keep: int = 0) -> int | None:
        """Record a mention for tokens a..b-1 (its end not trimmed below ``keep``); returns its index."""
        generic = self.lex.generic_caps
        while b > max(a, keep):
            w = toks[b - 1][2]
            if w == "Act" and b - a > 1:
                return None  # "the GAIN AI Act", "the Chips and Science Act": a law, not an actor
            if w in _TAIL_DROPS or self._stop_tail(w, b - a) or (w in generic and w != "AI"):
                b -= 1
            else:
                break
        if b <= a:
            return None
        if b - a == 1 and _PLURAL_ACRONYM.match(toks[a][2]):
            return None  # "20,000 different SKUs", "GPUs": a plural of a common acronym, not a name
        words = list(map(_TEXT, toks[a:b]))
        if generic.issuperset(words) and b > keep:
            return None
        start, end = toks[a][0], toks[b - 1][1]
        text = self.text
        possessive = b < len(toks) and toks[b][2] in {"’s", "'s", "’", "'"} and toks[b][0] == end
        if not possessive and b + 1 < len(toks) and toks[b][2] == "." and toks[b][0] == end and \
                toks[b + 1][2] in {"’s", "'s"} and toks[b + 1][0] == toks[b][1]:
            possessive = True  # "Goldman Sachs Group Inc.'s head of research"
        version_end = None
        k = b
        if k < len(toks) and text[toks[k - 1][1]:toks[k][0]] == " " and _VERSION.match(toks[k][2]) and \
                not (k + 1 < len(toks) and toks[k + 1][2].lower() in _AMOUNT_WORDS):
            version_end = toks[k][1]
            k += 1
            while k < len(toks) and toks[k][2] in _VERSION_SUFFIX and text[toks[k - 1][1]:toks[k][0]] == " ":
                version_end = toks[k][1]
                k += 1
        quoted = start > 0 and text[start - 1] in _QUOTES_OPEN and end < len(text) and text[end] in _QUOTES_CLOSE
        self.mentions.append(Mention(start=start, end=end, text=" ".join(text[start:end].split()), sentence=s.index,
                                     title=title, org_before=org_before, possessive=possessive,
                                     sentence_initial=initial, heading=s.heading, quoted=quoted,
                                     version_end=version_end))
        if self.has_headings and not s.heading:
            self.body_surfaces.add(fold(" ".join(words)))
            if len(words) > 1:
                self.body_surfaces.update(fold(w) for w in words if w[0].isupper() and len(w) > 2
                                          and w.lower() not in self.doc.lower_vocab)
        return len(self.mentions) - 1

    def _org_with_title_word(self, toks: list[Tok], a: int, b: int, last: int) -> bool:
        """Whether a run holding a title word is one organisation's name: it starts "<head> of" ("Association of
        Artist Managers") or ends in an organisation's head word with no given name after the title word."""
        org_suffixes = self.lex.org_suffixes
        if toks[a][2] in org_suffixes and a + 2 < b and toks[a + 1][2] == "of":
            return True
        return last < b - 1 and toks[b - 1][2] in org_suffixes and \
            toks[last + 1][2] not in self.lex.first_names and b - a >= 3

    def _portfolio(self, toks: list[Tok], a: int, b: int, keep: int) -> bool:
        """Whether the words before a title are a nationality and a portfolio, no organisation ("German Economy
        Minister", "French Digital Minister"): a demonym, then only common words."""
        lex = self.lex
        return b - a >= 2 and keep <= a and toks[a][2] in lex.demonyms and all(
            (self.lows[k] in self.doc.lower_vocab or self.lows[k] in lex.common_words)
            and toks[k][2] not in lex.org_suffixes for k in range(a + 1, b))

    def _split_titles(self, s: Sentence, toks: list[Tok], a: int, b: int, initial: bool, keep: int = 0) -> None:
        """Split "OpenAI CEO Sam Altman" into an organisation, a title and a person name (tokens before ``keep``,
        a well-known name, stay whole)."""
        lex = self.lex
        lows, role_words = self.lows, lex.role_words
        # a title, or the plural of an abbreviated one ("Labour MPs", "Green MEPs")
        role_idx = [k for k in range(max(a, keep), b) if lows[k] in role_words or lows[k].rstrip(".") in role_words
                    or (_PLURAL_ACRONYM.match(toks[k][2]) and lows[k][:-1] in role_words)]
        # a title ends a run only as an upper-case abbreviation ("Green Party TD"), never as a surname ("Son")
        role_idx = [k for k in role_idx if k < b - 1 or (toks[k][2].rstrip("s").isupper() and k > a)]
        # a title word right after an abbreviated title starts the name: a given name ("Rep. Dean Phillips")
        role_idx = [k for k in role_idx if not (k + 1 < b and self._abbreviated_title(toks, k) and
                                                toks[k][2].istitle())]
        if toks[a][2] in _OF_THE_HEADS and a + 2 < b and toks[a + 1][2] == "of":
            role_idx = []  # "Office of the Privacy Commissioner of Canada": an institution named after its head
        elif role_idx and self._org_with_title_word(toks, a, b, role_idx[-1]):
            role_idx = []  # "Tech Justice Law Project", "Association of Artist Managers": a title word in a name
        if not role_idx or (role_idx[-1] + 1 < b and all(t[2] in lex.org_suffixes for t in toks[role_idx[-1] + 1:b])) \
                or any(t[2] in _INSTITUTIONS for t in toks[role_idx[-1] + 1:b]) or \
                (b - a > 2 and toks[b - 2][2] in {"'s", "’s"} and toks[b - 1][2] in _OFFICE_HEADS):
            # no title, or the title word heads an institution's name ("Justice Department") or starts one named
            # after a person ("Queen Mary University")
            self._emit(s, toks, a, b, initial=initial, keep=keep, title=self._abbreviated_title(toks, a))
            return
        last = role_idx[-1]
        # the title starts at the first role word, extended back over modifiers ("Senior", "District")
        first = role_idx[0]
        while first > max(a, keep) and toks[first - 1][2].lower() in lex.role_modifiers:
            first -= 1
        name_a = last + 1
        if name_a < b and toks[name_a][2] == "of":
            # "Vice President of Government Affairs Ned Finkle": the name starts at a first name, else last two
            cands = [k for k in range(name_a + 1, b) if toks[k][2] in lex.first_names]
            name_a = cands[0] if cands else max(name_a + 1, b - 2)
        title = self.text[toks[first][0]:toks[last][1]]
        org_idx = None
        if first > a and not self._portfolio(toks, a, first, keep):
            org_idx = self._emit(s, toks, a, first, initial=initial, keep=keep)
        # a title word ending the name after a given name is a surname ("Commissioner Stephen King")
        name_b = b - 1 if b - name_a >= 2 and toks[b - 2][2] in lex.first_names else b
        if name_a < b and role_words.isdisjoint(lows[name_a:name_b]) and lex.generic_caps.isdisjoint(
                map(_TEXT, toks[name_a:b])):
            self._emit(s, toks, name_a, b, title=title, org_before=org_idx, initial=False)
        elif name_a == b and first > a and toks[last][2].rstrip("s").isupper():
            pass  # "Anthropic CEO" with no name: the organisation alone was kept

    def sentence(self, s: Sentence) -> None:
        """Mentions of one sentence."""
        toks = tokens(self.text, s.start, s.end)
        if self.text.find("-", s.start, s.end) >= 0:  # (every character but a space is a token's)
            toks = _split_compounds(toks, self.lex)
        if not toks:
            return
        texts = list(map(_TEXT, toks))
        self.lows = lows = list(map(str.lower, texts))
        initial = _initial_positions(toks, texts)
        # (a token is a quotation mark alone, or holds a word: one in _QUOTES_OPEN is one of its characters)
        titles = work_titles(texts, self.lex) if not _QUOTE_MARKS.isdisjoint(texts) else ()
        for a, b in self._runs(toks, texts):
            if self.mentions and self.mentions[-1].version_end and toks[a][0] < self.mentions[-1].version_end:
                continue  # consumed as a version tail ("iPhone 15 Pro")
            if any(lo <= a < hi for lo, hi in titles):
                continue  # a word of a quoted title ("Blood in the Machine"): not a name of its own
            if (s.heading and not (a and texts[a - 1] == "by" and b - a <= 3)) or title_cased(texts, a, b):
                # a byline ("Additional reporting by X") names its reporter; a title-cased headline the heading
                # test missed ("Duolingo Flooded With Pledges To Quit App") keeps only names known from elsewhere
                self._heading_run(s, toks, a, b)
                continue
            a2 = self._strip(toks, a, b, initial)
            known_start, known_end = self._known_prefix(texts, a, b)
            if known_end:
                a2 = min(a2, known_start)
            if a2 < b:
                self._split_titles(s, toks, a2, b, a2 in initial, keep=max(known_end, a2))
        if not s.heading:
            self._groups(s, toks, lows)

    def _heading_run(self, s: Sentence, toks: list[Tok], a: int, b: int) -> None:
        """In a title-case heading keep only names known from the body or the lexicons (longest match)."""
        known = self.lex.known
        i = a
        while i < b:
            for j in range(min(b, i + 5), i, -1):
                key = fold(" ".join(t[2] for t in toks[i:j]))
                if key in self.body_surfaces or (key in known and toks[i][2] not in self.lex.generic_caps):
                    self._emit(s, toks, i, j)
                    i = j
                    break
            else:
                i += 1

    def _named_ending_at(self, sent: int, end: int) -> int | None:
        """Index of the latest name mention of sentence ``sent`` that ends at ``end``."""
        # the body's sentences are read in order, so the sentence's mentions are the last ones recorded
        mentions = self.mentions
        for k in range(len(mentions) - 1, -1, -1):
            m = mentions[k]
            if m.sentence != sent:
                return None
            if m.end == end and not m.group:
                return k
        return None

    def _groups(self, s: Sentence, toks: list[Tok], lows: list[str]) -> None:
        """Unnamed actors: "an X user", "critics", "a Microsoft product manager", "Some suspect ..."."""
        lex = self.lex
        n = len(toks)
        # most sentences name no group: test that in C before looking at any token
        if lex.group_nouns.isdisjoint(lows):
            return
        firsts = _group_firsts(lex.group_nouns)
        # only a group noun or the first word of a two-word one can start a group
        for i in [k for k, low in enumerate(lows) if low in lex.group_nouns or low in firsts]:
            _, end, t = toks[i]
            low = lows[i]
            two = f"{low} {toks[i + 1][2].lower()}" if i + 1 < n else ""
            if two in lex.group_nouns:
                noun_end, noun_text = toks[i + 1][1], two
            elif low in lex.group_nouns and (t.islower() or t in _GROUP_SUBJECTS):
                noun_end, noun_text = end, low
            else:
                continue
            # "some", "many", "others" only as a subject: "Some suspect", "Others believe"
            if noun_text in {"some", "many", "others"} and not (
                    t[0].isupper() and i + 1 < n and toks[i + 1][2].islower() and toks[i + 1][2] != "of"):
                continue
            if i > 0 and toks[i - 1][2].lower() in lex.group_nouns and toks[i - 1][2].islower():
                continue  # second word of a two-word group noun already taken
            first = i
            # pre-modifier: an organisation name ("Microsoft product manager") or "social media"
            affiliation = None
            label_parts = [noun_text]
            prev = self._named_ending_at(s.index, toks[i - 1][1]) if i > 0 else None
            if prev is not None and toks[i - 1][2][0].isupper():
                affiliation = prev
                label_parts.insert(0, self.mentions[prev].text)
                first = next((k for k in range(i) if toks[k][0] == self.mentions[prev].start), i)
            else:
                for mod, mw in _GROUP_PREMOD_WORDS:
                    if i >= len(mw) and lows[i - len(mw):i] == mw:
                        label_parts.insert(0, mod)
                        first = i - len(mw)
                        break
            # "a spokesperson for Stability", "a professor from Wharton University"
            if affiliation is None and i + 2 < n and toks[i + 1][2] in {"for", "from", "at"}:
                nxt = [k for k, m in enumerate(self.mentions) if m.start == toks[i + 2][0]]
                if nxt:
                    affiliation = nxt[0]
                    label_parts.insert(0, self.mentions[nxt[0]].text)
            has_det = first > 0 and toks[first - 1][2].lower() in _DETERMINERS
            plural_or_det = has_det or low.endswith("s") or t[0].isupper() or affiliation is not None
            if not plural_or_det:
                continue
            label = " ".join(label_parts)
            gstart = toks[first][0]
            self.mentions.append(Mention(start=gstart, end=noun_end, text=" ".join(self.text[gstart:noun_end].split()),
                                         sentence=s.index, org_before=affiliation, group=label))


def _split_compounds(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Tokens with "Dhabi-backed", "Francisco-based" after a name's first word cut into the name's last word, the
    hyphen and the participle, so that the name is read whole ("Abu Dhabi", "Andreessen Horowitz") rather than cut
    before its last word; a well-known one-word name is cut out of its compound too ("Nvidia-powered servers",
    "an Uber-type setup", "the then-Apple board"); an unknown one-word owner ("Zentrix-owned") stays a modifier."""
    if not any("-" in t[2] for t in toks):
        return toks
    out: list[Tok] = []
    for i, (start, end, t) in enumerate(toks):
        m = _NAME_COMPOUND.match(t)
        if m and out and out[-1][1] == start - 1 and out[-1][2][0].isupper() and is_name_token(out[-1][2]) and \
                out[-1][2].lower() not in lex.stopwords:
            cut = start + m.end(1)
            out += [(start, cut, m.group(1)), (cut, cut + 1, "-"), (cut + 1, end, t[m.end(1) + 1:])]
        elif "-" in t and (k := _KNOWN_COMPOUND.match(t)) and _owner_of_a_thing(toks, i, lex) and \
                getattr(lex.known.get(fold(k.group("name"))), "type", None) == "Organization":
            a, b = start + k.start("name"), start + k.end("name")
            if k.start("name"):
                out += [(start, a - 1, t[:a - start - 1]), (a - 1, a, "-")]
            out.append((a, b, k.group("name")))
            if b < end:
                out += [(b, b + 1, "-"), (b + 1, end, t[b - start + 1:])]
        else:
            out.append((start, end, t))
    return out


def _owner_of_a_thing(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """Whether the compound at i modifies a common noun or a title ("Nvidia-powered servers", "ex-Google CEO X"), not
    a name, which stays the clause's subject ("Salesforce-owned Slack filed a complaint")."""
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    return not nxt[:1].isupper() or nxt.lower() in lex.role_words


@lru_cache(maxsize=4)
def _group_firsts(nouns: frozenset[str]) -> frozenset[str]:
    """First words of the two-word group nouns ("social" of "social media users")."""
    return frozenset(w.split(" ", 1)[0] for w in nouns if " " in w)


def find_mentions(doc: TextDoc) -> MentionSet:
    """Stage 2: candidate name mentions and group mentions of the document, in text order."""
    builder = _Builder(doc, lexicon())
    for s in doc.sentences:
        if not s.heading:
            builder.sentence(s)
    for s in doc.sentences:
        if s.heading:
            builder.sentence(s)
    mentions = sorted(builder.mentions, key=lambda m: (m.start, m.end))
    # org_before indices refer to the unsorted list: remap them
    position = {id(m): i for i, m in enumerate(mentions)}
    remapped = []
    for m in mentions:
        if m.org_before is not None:
            m = replace(m, org_before=position[id(builder.mentions[m.org_before])])
        remapped.append(m)
    return MentionSet(mentions=remapped)
