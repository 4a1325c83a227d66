"""Stage 2: role titles inside a capitalised run — "OpenAI CEO Sam Altman" read as an organisation, a title and a
person — and the words a run starts with that are not the name's (a sentence's first common word, "The")."""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.extract.lexicon import fold
from loaders.extract.lexicon import words as word_list
from loaders.extract.mention_ends import PLURAL_ACRONYM
from loaders.extract.mention_runs import INSTITUTIONS, OF_THE_HEADS, OFFICE_HEADS
from loaders.extract.mention_tokens import FIRM_ENDINGS, TEXT, SentenceTokens, abbreviated_title
from loaders.extract.schema import Sentence

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

# records the mention of tokens a..b-1 (title, org_before, initial and keep by keyword) and returns its index
Emit = Callable[..., int | None]

# company suffixes after which a sentence-initial common word is the company's own ("Scale AI", "News Corp")
_NAME_SUFFIXES = word_list(_MENTION_WORDS, "name_suffixes")
_ADJECTIVE = re.compile(r"(?:ive|al|ic|ous|ed|ing|able|ible|ful|ary|ent|ant)$")
_CODE_START = re.compile(r"^[A-Z]\d{1,3}$")  # a model code or a quarter starting a run ("Q1", "H2")


# the endings of a word naming what someone does ("Astrophysicist", "Whistleblower", "Novelist", "Historian")
_OCCUPATION = re.compile(r"[a-z](?:ist|er|or|ian|ant|ent)$")


def _descriptor(st: SentenceTokens, a: int, b: int, initial: set[int]) -> bool:
    """Whether the sentence's first word describes the person named after it ("Astrophysicist Ethan Siegel",
    "Whistleblower Edward Snowden"): an occupation's ending, no given name or known name itself, a given name and a
    surname after it; a title is split_titles' to read ("Commissioner Stephen King")."""
    lex, t = st.lex, st.toks[a][2]
    return a in initial and b - a == 3 and t.istitle() and bool(_OCCUPATION.search(t)) and \
        t not in lex.first_names and st.lows[a] not in lex.role_words and lex.known.get(fold(t)) is None and \
        st.toks[a + 1][2] in lex.first_names and \
        st.toks[a + 2][2].istitle()


# compass words of the generic capitals that open a region's name ("South Wales")
_COMPASS = frozenset({"North", "South", "East", "West"})


def strip_start(st: SentenceTokens, a: int, b: int, initial: set[int]) -> int:
    """Index of the first token worth keeping: drop sentence-initial common words, determiners, calendar words."""
    toks, lex, lows = st.toks, st.lex, st.lows
    while a < b:
        t = toks[a][2]
        low = lows[a]
        if len(t) <= 5 and _CODE_START.match(t) and a + 1 < b and toks[a + 1][2] not in lex.generic_caps:
            break  # "Q1 Tessera" may be a product's name: typing decides whether "Q1" is a quarter
        # a common word capitalised only because it starts the sentence (tested last: the costliest test)
        # "US" is the country's abbreviation (as "U.S."), not the pronoun: "US Securities and Exchange Commission"
        # ("of Not Boring Software": a capitalised stopword mid-sentence before a firm's suffix is the name's)
        # (a lower-case stopword never starts a name: "CEO of Kestrel Systems" keeps "Kestrel Systems")
        stop = low in lex.stopwords and t != "US" and not (t[:1].isupper() and b - a >= 3 and
                                                           toks[b - 1][2] in FIRM_ENDINGS and (
            a not in initial or (a == 0 and _named_mid_sentence(st, t, toks[a + 1][2]))))
        # (a name the text writes mid-sentence too keeps its first word: "Sports Illustrated published")
        # ("Copyright Office", "Democratic Party": a generic word naming an institution with its head word)
        # ("South Wales Police": a compass word opening a body's name over a place keeps it)
        generic = t in lex.generic_caps and t != "AI" and not (
            t.istitle() and a + 1 < b and toks[a + 1][2] in lex.org_suffixes) and not (
            t in _COMPASS and b - a == 3 and toks[b - 1][2] in lex.org_suffixes and toks[a + 1][2].istitle())
        if stop or t in {"The", "A", "An"} or generic or _descriptor(st, a, b, initial) or \
                (a in initial and (low in st.lower_vocab or low in lex.group_nouns)
                 and low not in lex.role_words and lex.known.get(fold(t)) is None
                 and not (a + 1 < b and toks[a + 1][2] in _NAME_SUFFIXES and not _ADJECTIVE.search(low))
                 and not (a == 0 and a + 1 < b and _named_mid_sentence(st, t, toks[a + 1][2]))):
            # ("Scale AI CEO X said", "News Corp sued": a common word before a company suffix is the name's)
            a += 1
        else:
            break
    return a


def _named_mid_sentence(st: SentenceTokens, first: str, second: str) -> bool:
    """Whether the document also writes "first second" capitalised after a lower-case word: then a sentence's
    first word is the name's own ("Sports Illustrated published ...", "the Sports Illustrated website")."""
    if not second[:1].isupper():
        return False
    pattern = re.compile(rf"[a-z][,;:]? {re.escape(first)} {re.escape(second)}\b")
    return pattern.search(st.text) is not None


def known_prefix(st: SentenceTokens, a: int, b: int) -> tuple[int, int]:
    """(start, end) of the longest well-known name of two or more words that starts the run at a (or after its
    "The"), else (a, 0): stripping, title splitting and tail trimming must not cut it ("USA Today publisher",
    "Scale AI CEO", "Getty Images")."""
    texts, lex = st.texts, st.lex
    known = lex.known
    best = (a, 0)
    # "The Verge" is known only with its article, "Wall Street Journal" also without (read so): the longer name
    # wins ("The Information" must not cut "The Information Commissioner's Office")
    for start in ((a + 1, a) if texts[a] in {"The", "A", "An"} else (a,)):
        for k in range(min(b, start + lex.known_max_tokens), start + 1, -1):
            if fold(" ".join(texts[start:k])) in known:
                if k > best[1]:
                    best = (start, k)
                break
    return best


def _org_with_title_word(st: SentenceTokens, a: int, b: int, last: int) -> bool:
    """Whether a run holding a title word is one organisation's name: it starts "<head> of" ("Association of
    Artist Managers") or ends in an organisation's head word with no given name after the title word."""
    toks = st.toks
    org_suffixes = st.lex.org_suffixes
    if toks[a][2] in org_suffixes and a + 2 < b and toks[a + 1][2] == "of":
        return True
    return last < b - 1 and toks[b - 1][2] in org_suffixes and \
        toks[last + 1][2] not in st.lex.first_names and b - a >= 3


def _portfolio(st: SentenceTokens, a: int, b: int, keep: int) -> bool:
    """Whether the words before a title are a nationality and a portfolio, no organisation ("German Economy
    Minister", "French Digital Minister"): a demonym, then only common words."""
    toks, lex = st.toks, st.lex
    return b - a >= 2 and keep <= a and toks[a][2] in lex.demonyms and all(
        (st.lows[k] in st.lower_vocab or st.lows[k] in lex.common_words)
        and toks[k][2] not in lex.org_suffixes for k in range(a + 1, b))


def _holder_named(st: SentenceTokens, k: int, b: int) -> bool:
    """Whether a title at k, "of" and a portfolio end in the holder's given name and surname ("Secretary of Commerce
    Howard Lutnick"), no institution's name."""
    toks = st.toks
    return b - k >= 4 and toks[k][2].lower() in st.lex.role_words and toks[k + 1][2] == "of" and \
        toks[b - 2][2] in st.lex.first_names and toks[b - 1][2].istitle() and toks[b - 1][2] not in st.lex.org_suffixes


def _title_words(st: SentenceTokens, a: int, b: int, keep: int) -> list[int]:
    """Indices of the title words of a run that can split it (none where the title word is part of a name)."""
    toks, lows, role_words = st.toks, st.lows, st.lex.role_words
    # a title, or the plural of an abbreviated one ("Labour MPs", "Green MEPs")
    role_idx = [k for k in range(max(a, keep), b) if lows[k] in role_words or lows[k].rstrip(".") in role_words
                or (PLURAL_ACRONYM.match(toks[k][2]) and lows[k][:-1] in role_words)]
    # a title ends a run only as an upper-case abbreviation ("Green Party TD"), never as a surname ("Son")
    role_idx = [k for k in role_idx if k < b - 1 or (toks[k][2].rstrip("s").isupper() and k > a)]
    # a title word right after an abbreviated title starts the name: a given name ("Rep. Dean Phillips")
    role_idx = [k for k in role_idx if not (k + 1 < b and abbreviated_title(st, k) and toks[k][2].istitle())]
    if toks[a][2] in OF_THE_HEADS and a + 2 < b and toks[a + 1][2] == "of" and not _holder_named(st, a, b):
        return []  # "Office of the Privacy Commissioner of Canada": an institution named after its head
    if role_idx and _org_with_title_word(st, a, b, role_idx[-1]):
        return []  # "Tech Justice Law Project", "Association of Artist Managers": a title word in a name
    return role_idx


def _heads_institution(st: SentenceTokens, a: int, b: int, last: int) -> bool:
    """Whether the title word at ``last`` heads an institution's name ("Justice Department") or starts one named
    after a person ("Queen Mary University")."""
    toks, org_suffixes = st.toks, st.lex.org_suffixes
    return (last + 1 < b and all(t[2] in org_suffixes for t in toks[last + 1:b])) \
        or (not _holder_named(st, last, b) and any(t[2] in INSTITUTIONS for t in toks[last + 1:b])) or \
        (b - a > 2 and toks[b - 2][2] in {"'s", "’s"} and toks[b - 1][2] in OFFICE_HEADS)


def split_titles(st: SentenceTokens, s: Sentence, a: int, b: int, initial: bool, emit: Emit, keep: int = 0) -> None:
    """Split "OpenAI CEO Sam Altman" into an organisation, a title and a person name (tokens before ``keep``,
    a well-known name, stay whole)."""
    toks, lex, lows = st.toks, st.lex, st.lows
    role_idx = _title_words(st, a, b, keep)
    if not role_idx or _heads_institution(st, a, b, role_idx[-1]):
        emit(s, a, b, initial=initial, keep=keep, title=abbreviated_title(st, a))
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
    title = st.text[toks[first][0]:toks[last][1]]
    org_idx = None
    if first > a and not _portfolio(st, a, first, keep):
        org_idx = emit(s, a, first, initial=initial, keep=keep)
    # a title word ending the name after a given name is a surname ("Commissioner Stephen King")
    name_b = b - 1 if b - name_a >= 2 and toks[b - 2][2] in lex.first_names else b
    if name_a < b and lex.role_words.isdisjoint(lows[name_a:name_b]) and lex.generic_caps.isdisjoint(
            map(TEXT, toks[name_a:b])):
        emit(s, name_a, b, title=title, org_before=org_idx, initial=False)
