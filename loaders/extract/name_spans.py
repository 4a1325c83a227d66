"""Stage 2 helper: token ranges the capitalised-run reading of :mod:`loaders.extract.mention_runs` would cut or glue.

Well-known multi-word names with a digit, a possessive or a lower-case word inside ("404 Media", "King's College
London", "Fidelity Management and Research Company") are read whole; a quoted title of a work ("Blood in the
Machine") and a title-cased headline the heading test missed ("Duolingo Flooded With Pledges To Quit App") make no
names of their own.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from loaders.extract.lexicon import Lexicon, fold
from loaders.extract.lexicon import lines as lexicon_lines
from loaders.extract.lexicon import words as word_list
from loaders.extract.text import tokens

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

Tok = tuple[int, int, str]

_APOSTROPHES = frozenset({"'", "’"})
# the possessive a well-known name ends in ("Moody's", "Sotheby's")
_OWN_POSSESSIVE = frozenset({"'s", "’s"})
_QUOTES_OPEN = "\"“‘'"
_QUOTES_CLOSE = "\"”’'"
_PUNCT = frozenset({",", ".", "?", "!", ":"})
# lower-case words of a title-cased title ("Blood in the Machine", "Skip the Links")
_TITLE_SMALL_WORDS = word_list(_MENTION_WORDS, "title_small_words")
# function words written capitalised only in a title-cased headline ("Flooded With Pledges To Quit")
_CAPITAL_FUNCTION_WORDS = word_list(_MENTION_WORDS, "capital_function_words")


@lru_cache(maxsize=1)
def _known_firsts() -> tuple[frozenset[str], int]:
    """First tokens of the lexicons' multi-word names that a digit, a possessive, a lower-case word or a "+" inside
    would cut ("404 Media", "King's College London", "Copilot+ PCs"), and of the one-word names written in lower case
    that no capitalised run starts ("o1"); and the most tokens such a name spans."""
    firsts: set[str] = set(_lower_names())
    longest = 1
    for fname in ("orgs.txt", "products.txt"):  # people's names: the apostrophe rules read them
        for line in lexicon_lines(fname):
            parts = [p.strip() for p in line.split("|")]
            # a product line's second field is its developer, not another writing of the product
            for surface in (parts[:1] + parts[2:]) if fname == "products.txt" else parts:
                toks = tokens(surface, 0, len(surface))
                if len(toks) > 1 and any(t[2][0].isdigit() or t[2][0] in _APOSTROPHES or t[2].islower() or
                                         t[2] == "+" for t in toks):
                    firsts.add(toks[0][2])
                    longest = max(longest, len(toks))
    return frozenset(firsts), longest


@lru_cache(maxsize=1)
def _lower_names() -> frozenset[str]:
    """The lexicons' one-token names written without a capital letter ("o1", "o3-mini")."""
    out = set()
    for fname in ("orgs.txt", "products.txt"):
        for line in lexicon_lines(fname):
            parts = [p.strip() for p in line.split("|")]
            for surface in (parts[:1] + parts[2:]) if fname == "products.txt" else parts:
                if surface[:1].islower() and surface == surface.lower() and len(tokens(surface, 0, len(surface))) == 1:
                    out.add(surface)
    return frozenset(out)


def known_spans(text: str, toks: list[Tok], texts: list[str], lex: Lexicon) -> dict[int, int]:
    """Start -> end token indices of the well-known names of a sentence that a run would cut or miss."""
    firsts, longest = _known_firsts()
    lower = _lower_names()
    n = len(toks)
    out: dict[int, int] = {}
    for k in compress(range(n), map(firsts.__contains__, texts)):
        # "Chris Christie's": a person's surname in the possessive, no "Christie's" auction house
        after_name = k > 0 and texts[k - 1][:1].isupper() and text[toks[k - 1][1]:toks[k][0]] == " "
        for m in range(min(n, k + longest), k if texts[k] in lower else k + 1, -1):
            if after_name and m == k + 2 and texts[m - 1] in _OWN_POSSESSIVE:
                continue
            # a name ends in a word ("Run:ai" in a lower-case one) or a possessive of its own ("McDonald's"),
            # never in the full stop fold() drops
            if (texts[m - 1][0].isalnum() or texts[m - 1] in _OWN_POSSESSIVE) and \
                    fold(text[toks[k][0]:toks[m - 1][1]]) in lex.known:
                out[k] = m
                break
    return out


def work_titles(texts: list[str], lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks that read as the title of a work: two to eight title-cased words with a
    lower-case function word between them ("Blood in the Machine", "Skip the Links"), not a known name."""
    out: list[tuple[int, int]] = []
    n = len(texts)
    for i in compress(range(n), map(_QUOTES_OPEN.__contains__, texts)):
        j = next((k for k in range(i + 1, min(n, i + 11)) if texts[k] in _QUOTES_CLOSE), None)
        if j is None:
            continue
        inner = [t for t in texts[i + 1:j] if t not in _PUNCT]
        if not 2 <= len(inner) <= 8 or not inner[0][0].isupper() or not inner[-1][0].isupper():
            continue
        small = [t for t in inner[1:-1] if t in _TITLE_SMALL_WORDS]
        if small and all(t in _TITLE_SMALL_WORDS or t[0].isupper() or t[0].isdigit() for t in inner) and \
                lex.known.get(fold(" ".join(inner))) is None:
            out.append((i + 1, j))
    return out


def title_cased(texts: list[str], a: int, b: int) -> bool:
    """A long run with two or more capitalised function words inside: a headline's words, not one name."""
    return b - a >= 5 and sum(1 for t in texts[a + 1:b - 1] if t in _CAPITAL_FUNCTION_WORDS) >= 2


# words that a capital letter labels ("Series C", "Phase B", "Class A"): never a given name before an initial
_LETTER_LABELS = word_list(_MENTION_WORDS, "letter_labels")


def given_name(w: str, starts_run: bool, lex: Lexicon, lower_vocab: frozenset[str]) -> bool:
    """Whether a word can be a given name before a middle initial: a known first name, or an unknown capitalised word
    that starts the run and that the text never writes in lower case ("Max A. Cherney")."""
    if w in lex.first_names:
        return True
    low = w.lower()
    return starts_run and w.isalpha() and len(w) > 1 and w[0].isupper() and w[1:].islower() and \
        w not in _LETTER_LABELS and low not in lower_vocab and low not in lex.stopwords and \
        w not in lex.generic_caps and lex.known.get(fold(w)) is None
