"""Stage 2: the end of a name mention — trimming words that never end a name, a version written after it
("iPhone 15 Pro"), and the mention itself with its possessive and quotation marks."""

from __future__ import annotations

import re

from loaders.extract.lexicon import fold
from loaders.extract.lexicon import words as word_list
from loaders.extract.mention_tokens import QUOTES_OPEN, TEXT, SentenceTokens
from loaders.extract.schema import Mention, Sentence

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,5}s$")
_QUOTES_CLOSE = "\"”’'"
# a number before one of these is an amount, not a version ("fined Replika 5 million euros")
_AMOUNT_WORDS = word_list(_MENTION_WORDS, "amount_words")
_TAIL_DROPS = word_list(_MENTION_WORDS, "tail_drops")  # words that never end a name
# the last words of legal instruments ("General Data Protection Regulation", "Paris Agreement"), which name no actor
INSTRUMENTS = word_list(_MENTION_WORDS, "instruments")
_BODY_HEADS = word_list("typing_words.txt", "org_heads_inside")
_VERSION = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-zA-Z]?|[A-Z]?\d+[A-Z]?)$")  # "2.0", "v2.5", "R1"
_VERSION_SUFFIX = word_list(_MENTION_WORDS, "version_suffixes")
# stopwords that never end a name even when capitalised
_FUNCTION_TAILS = word_list(_MENTION_WORDS, "function_tails")


def _stop_tail(st: SentenceTokens, t: str, n: int) -> bool:
    """A stopword ending a run that is not part of the name: lower case, short, or a function word; a longer
    capitalised one after a name is the name's own word ("Access Now")."""
    low = t.lower()
    if low not in st.lex.stopwords:
        return False
    return n == 1 or t.islower() or len(t) < 3 or low in _FUNCTION_TAILS


def name_end(st: SentenceTokens, a: int, b: int, keep: int = 0) -> int | None:
    """The end of the name written in tokens a..b-1 once words that never end a name are cut (not below ``keep``),
    or None where the tokens name no actor (a law, a plural acronym, only generic words)."""
    toks = st.toks
    generic = st.lex.generic_caps
    while b > max(a, keep):
        w = toks[b - 1][2]
        if w == "Act" and b - a > 1:
            return None  # "the GAIN AI Act", "the Chips and Science Act": a law, not an actor
        if w in INSTRUMENTS and b - a > 1 and \
                not any((x[2] in st.lex.org_suffixes and x[2] != "AI") or x[2] in _BODY_HEADS for x in toks[a:b - 1]):
            # "General Data Protection Regulation", "Interim Final Rule", "Paris Agreement": an instrument, no actor
            # (not "State Administration for Market Regulation": a body's name holds its head word)
            return None
        if w in _TAIL_DROPS or _stop_tail(st, w, b - a) or (w in generic and w != "AI"):
            b -= 1
        else:
            break
    if b <= a:
        return None
    if b - a == 1 and PLURAL_ACRONYM.match(toks[a][2]) and not _known_product(st, toks[a][2][:-1]):
        return None  # "20,000 different SKUs", "GPUs": a plural of a common acronym, not a name ("TPUs" is one)
    if generic.issuperset(map(TEXT, toks[a:b])) and b > keep:
        return None
    return b


def _known_product(st: SentenceTokens, word: str) -> bool:
    """Whether a word is the name of a well-known product (a plural of it names the product: "TPUs")."""
    k = st.lex.known.get(fold(word))
    return k is not None and k.type == "Product"


def _possessive(st: SentenceTokens, b: int, end: int) -> bool:
    """Whether the name ending at token b-1 (offset ``end``) is written in the possessive."""
    toks = st.toks
    if b < len(toks) and toks[b][2] in {"’s", "'s", "’", "'"} and toks[b][0] == end:
        return True
    # "Goldman Sachs Group Inc.'s head of research"
    return b + 1 < len(toks) and toks[b][2] == "." and toks[b][0] == end and \
        toks[b + 1][2] in {"’s", "'s"} and toks[b + 1][0] == toks[b][1]


def _version_end(st: SentenceTokens, b: int) -> int | None:
    """The end of a version written after the name ("iPhone 15 Pro", "GPT 4.5"), or None."""
    toks, text = st.toks, st.text
    k = b
    if not (k < len(toks) and text[toks[k - 1][1]:toks[k][0]] == " " and _VERSION.match(toks[k][2]) and
            not (k + 1 < len(toks) and toks[k + 1][2].lower() in _AMOUNT_WORDS)):
        return None
    version_end = toks[k][1]
    k += 1
    while k < len(toks) and toks[k][2] in _VERSION_SUFFIX and text[toks[k - 1][1]:toks[k][0]] == " ":
        version_end = toks[k][1]
        k += 1
    return version_end


def mention_of(st: SentenceTokens, s: Sentence, a: int, b: int, *, title: str | None, org_before: int | None,
               initial: bool) -> Mention:
    """The mention of tokens a..b-1 of sentence ``s``."""
    toks, text = st.toks, st.text
    start, end = toks[a][0], toks[b - 1][1]
    quoted = start > 0 and text[start - 1] in QUOTES_OPEN and end < len(text) and text[end] in _QUOTES_CLOSE
    return Mention(start=start, end=end, text=" ".join(text[start:end].split()), sentence=s.index,
                   title=title, org_before=org_before, possessive=_possessive(st, b, end),
                   sentence_initial=initial, heading=s.heading, quoted=quoted, version_end=_version_end(st, b))
