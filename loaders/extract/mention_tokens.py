"""Stage 2 helpers: the tokens of a sentence as the mention stage reads them — which can be part of a name, which
start a sentence or a quoted segment, and hyphenated compounds cut around a name ("Dhabi-backed", "Nvidia-powered")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from loaders.extract.lexicon import Lexicon, fold
from loaders.extract.lexicon import words as word_list

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

Tok = tuple[int, int, str]
TEXT = itemgetter(2)  # the text of a token

_OPENERS = frozenset({'"', "“", "‘", "'", "-", "–", "—", "•", "*", ":", "(", "[", "·", ";"})
APOSTROPHES = frozenset({"'", "’"})
QUOTES_OPEN = "\"“‘'"
QUOTE_MARKS = frozenset(QUOTES_OPEN)
_COURTESY_TITLES = word_list(_MENTION_WORDS, "courtesy_titles")  # written without a full stop in British English
# the last words of a firm's name, never of a place or an institution named "of" something
FIRM_SUFFIXES = word_list(_MENTION_WORDS, "firm_suffixes")
FIRM_ENDINGS = FIRM_SUFFIXES | word_list(_MENTION_WORDS, "firm_endings")
# a well-known name inside a compound: "Nvidia-powered", "Uber-type", "then-Apple", "ex-OpenAI"
_KNOWN_COMPOUND = re.compile(r"^(?:(?:[Tt]hen|[Ee]x|[Ff]ormer|[Pp]re|[Pp]ost|[Nn]on|[Aa]nti)-)?"
                             r"(?P<name>[A-Z][A-Za-z0-9]+)"
                             r"(?:-(?:based|backed|owned|led|funded|founded|run|controlled|operated|supported|"
                             r"powered|made|built|style|type|like|era|branded|designed|developed|linked))?$")


# prefixes of hyphenated words that are English compounds, not given names ("Pre-trained", "Co-founder")
_HYPHEN_PREFIXES = word_list(_MENTION_WORDS, "hyphen_prefixes")
# a name's last word glued to a participle: "Dhabi-backed", "Francisco-based", "Horowitz-led"
_NAME_COMPOUND = re.compile(r"^([A-Z][A-Za-z]+)-(?:based|backed|owned|led|funded|founded|headquartered|run|controlled|"
                            r"operated|supported|affiliated|linked|made|built|powered|born)$")
# one romanised East Asian syllable ("sang", "seung", "hyun", "woo"): longer halves of hyphenated given names
# must be one ("Lee Sang-woo"), which English compounds ("Well-known", "Real-time") are not
_SYLLABLE = re.compile(r"^(?:[bcdghjkmnpstw]h?|[kpt]{2}|ss|jj)?[wy]?(?:[aeiou]{1,3})(?:ng|n|m|k|p|l)?$")


@dataclass(slots=True)
class SentenceTokens:
    """The tokens of one sentence and what reading them needs: the document's text, lexicons and vocabulary (read
    only; not frozen, as a frozen dataclass costs a slow __init__ for every sentence)."""

    text: str  # the document's clean text (token offsets point into it)
    lex: Lexicon
    lower_vocab: frozenset[str]  # words the document writes in lower case
    toks: list[Tok]
    texts: list[str]
    lows: list[str]  # the lower-cased token texts

    def gap(self, k: int) -> str:
        """The characters between token k-1 and token k."""
        return self.text[self.toks[k - 1][1]:self.toks[k][0]]


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


def initial_positions(toks: list[Tok], texts: list[str]) -> set[int]:
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
        if t in APOSTROPHES and i and toks[i - 1][1] == toks[i][0] and texts[i - 1].endswith("s"):
            continue  # "Zentrix Labs' Quillbot": a plural possessive, not an opening quote
        if t in _OPENERS or (t[0].isdigit() and i + 1 < n and texts[i + 1] in {".", ")"} and i < 2):
            expect = True
            continue
        if expect and t not in {".", ")"}:
            out.add(i)
            expect = False
    return out



def abbreviated_title(st: SentenceTokens, k: int) -> str | None:
    """The abbreviated title written right before token k ("Rep." of "Rep. Dean Phillips", "Ms" of British
    "Ms Phillipson"), else None."""
    toks = st.toks
    if k >= 1 and toks[k - 1][2] in _COURTESY_TITLES and st.text[toks[k - 1][1]:toks[k][0]] == " ":
        return toks[k - 1][2]
    if k >= 2 and toks[k - 1][2] == "." and toks[k - 1][0] == toks[k - 2][1] and \
            st.lows[k - 2] + "." in st.lex.role_words and toks[k - 2][2][:1].isupper():
        return toks[k - 2][2] + "."
    return None


def split_compounds(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Tokens with "Dhabi-backed", "Francisco-based" after a name's first word cut into the name's last word, the
    hyphen and the participle, so that the name is read whole ("Abu Dhabi", "Andreessen Horowitz") rather than cut
    before its last word; a well-known one-word name is cut out of its compound too ("Nvidia-powered servers",
    "an Uber-type setup", "the then-Apple board"); an unknown one-word owner ("Zentrix-owned") stays a modifier."""
    if not any("-" in t[2] for t in toks):
        return toks
    out: list[Tok] = []
    for i, (start, end, t) in enumerate(toks):
        m = _NAME_COMPOUND.match(t) if "-" in t else None  # (most tokens of the sentence hold no hyphen)
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

