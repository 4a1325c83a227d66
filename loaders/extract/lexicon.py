"""Lexicons of general language and well-known entities, loaded once from data files and cached."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

_DIR = Path(__file__).parent / "lexicons"


def lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a lexicon file."""
    path = _DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


_FOLD = re.compile(r"[\s.\-’'·]+")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A lookup key for a name: lower case, no spaces, dots or hyphens ("Open AI" == "OpenAI", "U.S." == "US")."""
    # cached: the stages fold the same few hundred surfaces of a document tens of thousands of times
    return _FOLD.sub("", name.lower())


# the only characters outside ASCII that re.IGNORECASE equates with ASCII letters: "İ" (i), the dotless i, the long
# s and the Kelvin sign (k); with none of them in a text, its lower case shows every ASCII word a re.I pattern can see
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def caseless(text: str) -> str | None:
    """``text`` in lower case, where ``word in caseless(text)`` tells exactly whether a re.I pattern can find the ASCII
    ``word`` in ``text`` (a cheap test before a costly scan); None for the rare text where it could not tell."""
    # (written out rather than any() over _CASE_ODD: a third of the time, and this runs before every folded scan)
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:
        return None
    return text.lower()


# how far before ``pos`` a folded pattern's lookbehind or \b may look (Python's lookbehinds have a fixed width)
_LOOK_BACK = 100
# a text longer than this (a document, searched a few hundred times in slices) is lowered whole, once
_WHOLE_ABOVE = 1000
# the last long text lowered and its lower case (None where the lower case would not tell): one tuple, read and
# replaced whole, so that threads sharing it never see one text with another's lower case
_last_whole: tuple[str, str | None] = ("", "")


def _whole_lower(text: str) -> tuple[str, int] | None:
    """A long text's lower case (kept for the next call on the same text) and 0; None where it would not tell (see
    caseless) or would not keep its offsets, or where a final sigma makes a character's lower case depend on where
    the text is cut."""
    global _last_whole
    last = _last_whole
    if last[0] is not text:
        low = caseless(text)
        if low is not None and (len(low) != len(text) or "\u03a3" in text):
            low = None
        last = _last_whole = (text, low)
    return None if last[1] is None else (last[1], 0)


class Folded:
    """A case-insensitive pattern written in lower case, found as a case-sensitive one in the lower-cased text.

    ``re.I`` compares both cases of every letter at every position, and the fact stages run their word-list patterns
    over every sentence; in a text that caseless() can lower, the case-sensitive pattern finds the same matches at the
    same offsets (no character of the pattern is upper case: checked), and each is returned as the re.I pattern's
    own match, made again at its start in the original text (so its groups hold the text as written). ``anchors``:
    words one of which every match holds (in lower case); a text holding none is not scanned at all.
    """

    __slots__ = ("anchor_scan", "anchors", "ci", "cs", "pattern")

    def __init__(self, pattern: str, anchors: tuple[str, ...] = ()) -> None:
        if any(c.isupper() for c in re.sub(r"\\.", "", pattern + "".join(anchors))):
            raise ValueError(f"a folded pattern is written in lower case: {pattern[:80]!r}")
        self.pattern, self.anchors = pattern, anchors
        self.ci = re.compile(pattern, re.I)
        self.cs = re.compile(pattern)
        # several anchors are looked for in one scan (a trie) rather than one str.find each
        self.anchor_scan = re.compile(alternation(anchors)) if len(anchors) > 1 else None

    def _unanchored(self, low_text: str, pos: int, endpos: int) -> bool:
        """Whether ``low_text[pos:endpos]`` holds none of the anchors (then no match can be in it)."""
        if not self.anchors:
            return False
        if self.anchor_scan is None:
            return low_text.find(self.anchors[0], pos, endpos) < 0
        return self.anchor_scan.search(low_text, pos, endpos) is None

    def _lowered(self, text: str, pos: int, endpos: int) -> tuple[str, int] | None:
        """text[origin:endpos] in lower case and its origin (a bounded look back before ``pos``), or a long text's
        whole lower case and 0; None where the lower case would not tell (see caseless)."""
        if len(text) > _WHOLE_ABOVE:
            return _whole_lower(text)
        origin = max(0, pos - _LOOK_BACK)
        seg = text[origin:endpos]
        low = caseless(seg)
        return (low, origin) if low is not None and len(low) == len(seg) else None

    def _again(self, text: str, start: int, endpos: int) -> re.Match[str]:
        m = self.ci.match(text, start, endpos)
        if m is None:  # cannot happen for a pattern written in lower case (see the class docstring)
            raise RuntimeError(f"folded pattern {self.pattern[:80]!r} disagrees with re.I at {start}")
        return m

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.search under re.I."""
        pos, endpos = max(0, pos), max(0, min(endpos, len(text)))
        low = self._lowered(text, pos, endpos)
        if low is None:
            return self.ci.search(text, pos, endpos)
        low_text, origin = low
        if self._unanchored(low_text, pos - origin, endpos - origin):
            return None
        m = self.cs.search(low_text, pos - origin, endpos - origin)
        return None if m is None else self._again(text, m.start() + origin, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As re.Pattern.finditer under re.I."""
        pos, endpos = max(0, pos), max(0, min(endpos, len(text)))
        low = self._lowered(text, pos, endpos)
        if low is None:
            yield from self.ci.finditer(text, pos, endpos)
            return
        low_text, origin = low
        if self._unanchored(low_text, pos - origin, endpos - origin):
            return
        for m in self.cs.finditer(low_text, pos - origin, endpos - origin):
            yield self._again(text, m.start() + origin, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.match under re.I (anchored at ``pos``: the lower case would save nothing)."""
        return self.ci.match(text, pos, endpos)


def alternation(words: Iterable[str]) -> str:
    """A regex matching exactly what ``"|".join(longest first)`` matches, written as a trie (several times faster).

    Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a trie tests one character
    class per position instead. Two words can only both match at one position when one is a prefix of the other,
    and the trie tries the longer continuation first (a greedy ``(?:...)?``), so every match, its end included, is
    the same as with the longest-first alternation. Words whose characters differ only in case fall back to the
    plain alternation (under ``re.I`` their branches could both match, in another order).
    """
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    root: dict[str, dict] = {}
    for w in ordered:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str | None:
        keys = sorted(k for k in node if k)
        if len({k.casefold() for k in keys}) != len(keys) or any(len(k.casefold()) != 1 for k in keys):
            return None
        branches = []
        for k in keys:
            rest = render(node[k])
            if rest is None:
                return None
            branches.append(re.escape(k) + rest)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    trie = render(root) if ordered else None
    return trie if trie is not None else "|".join(re.escape(w) for w in ordered)


@dataclass(frozen=True)
class KnownEntity:
    """A well-known entity from a lexicon."""

    label: str
    type: str
    developer: str | None = None


@dataclass
class Lexicon:
    """All lexicons the rule-based stages use."""

    known: dict[str, KnownEntity] = field(default_factory=dict)  # fold(surface) -> entity
    # fold(surface) of the platforms the lexicons list both as a company and as its parent's product ("Instagram")
    company_products: frozenset[str] = frozenset()
    known_max_tokens: int = 1
    product_makers: frozenset[str] = frozenset()  # organisations whose name starts product names ("Google Meet")
    org_suffixes: frozenset[str] = frozenset()
    org_cues: frozenset[str] = frozenset()
    product_cues: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()  # single words occurring in role titles, lower case
    role_modifiers: frozenset[str] = frozenset()
    generic_caps: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    criticism_verbs: tuple[str, ...] = ()
    speech_verbs: frozenset[str] = frozenset()
    negative: tuple[str, ...] = ()
    demonyms: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()  # English words usually written in lower case ("pressure", "smaller")


def _first_names(stop: frozenset[str], generic: frozenset[str], common: frozenset[str]) -> frozenset[str]:
    """First names from gender-guesser's name dictionary (falls back to empty if the package is absent)."""
    try:
        import gender_guesser

        path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
        data = path.read_bytes()
    except (ImportError, OSError):
        return frozenset()
    names = set()
    # the dictionary is UTF-8 in fixed byte columns: the name is bytes 3-29 (read as Latin-1, "François" was lost)
    for line in data.splitlines():
        if not line or line[:1] in b"#=":
            continue
        name = line[3:29].decode("utf-8", "ignore").strip()
        if name and name.isalpha() and name[0].isupper():
            names.add(name)
            # the press often drops the accents ("Francois", "Jose")
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            # (not "Sren" for "Søren", "Indiana" for "Indíana" nor "Fortune" for "Fortuné")
            if plain != name and len(plain) == len(name) and place_population(plain) is None \
                    and plain.lower() not in common:
                names.add(plain)
    # words that are names but far more often something else at the start of a capitalised run
    names -= {w.capitalize() for w in stop} | generic | {
        "Will", "May", "June", "April", "August", "Major", "Long", "Young", "Price", "Hope", "Rose", "Grace",
        "Sky", "Summer", "Winter", "Autumn", "Chance", "Page", "Love", "Joy", "Faith", "Star", "Sun", "King",
        "Queen", "Prince", "Princess", "Royal", "Earl", "Duke", "Baron", "Justice", "Bill", "Mark", "Art",
        "Pat", "Rich", "Guy", "Doc", "Harmony", "Trinity", "Liberty", "Unity", "Crystal", "Amber", "Ruby",
        "Jade", "Pearl", "Diamond", "Golden", "Silver", "China", "India", "Georgia", "Florida", "Virginia",
        "Carolina", "Dakota", "Apple", "Claude", "Gemini", "Siri", "Alexa", "Cruise", "Tesla", "Mercedes",
        "Porsche", "Ford", "Lincoln", "Jordan", "Israel", "Kenya", "Chad", "Cuba", "Paris", "Sydney",
        "Victoria", "Austin", "Houston", "Dallas", "Phoenix", "Berlin", "Vienna", "Florence", "Orlando",
        "Nvidia", "Meta", "Amazon", "Oracle", "Llama", "Grok", "Sora", "Nova", "Aurora", "Atlas", "Echo",
        "Iris", "Luna", "Stella", "Maya", "Ada", "Alpha", "Delta", "Omega", "Sigma", "Titan", "Max", "Pro",
        "Plus", "Mini", "Ultra", "Air", "Home", "Search", "Open", "Safe", "Stable", "Deep", "Black", "White",
        "Green", "Brown", "Gray", "Grey", "Red", "Blue", "Wall", "Street", "Silicon", "Valley", "Judge",
        "President", "Senator", "Governor", "General", "Chief", "Prime", "Vice", "Director", "Dean", "Chair",
        "Project", "Her", "His", "Anthropic", "Opus", "Sonnet", "Haiku",
    }
    return frozenset(names)


def _inflected(entries: list[str]) -> list[str]:
    """Expand lexicon lines: "a b c" lists single-word forms, "x y|x z" lists multi-word forms."""
    out: list[str] = []
    for line in entries:
        out.extend(line.split("|") if "|" in line else line.split())
    return out


def _section(entries: list[str], name: str, section: str) -> list[str]:
    """The lines of one ``[section]`` of a word-list file (up to the next section's header)."""
    out: list[str] | None = None
    for line in entries:
        if line.startswith("[") and line.endswith("]"):
            if out is not None:
                break
            out = [] if line[1:-1] == section else None
        elif out is not None:
            out.append(line)
    if out is None:
        raise KeyError(f"lexicon {name} has no [{section}] section")
    return out


@cache
def words(name: str, section: str | None = None) -> frozenset[str]:
    """The entries of a word-list file, or of one ``[section]`` of it (several words a line, or "x y|x z|" for
    phrases), loaded once."""
    entries = lines(name) if section is None else _section(lines(name), name, section)
    return frozenset(w for w in _inflected(entries) if w)



@cache
def kind_of_organisation(words_before: int) -> str:
    """An optional regex for what kind of organisation the name after it is, with up to ``words_before`` words
    before the noun ("the AI music generator " in "CEO of the AI music generator X"): lexicons/org_kinds.txt."""
    return rf"(?:(?:[\w-]+\s+){{0,{words_before}}}?(?:{alternation(words('org_kinds.txt'))})\s+)?"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicons, loaded once per process."""
    lex = Lexicon()
    known: dict[str, KnownEntity] = {}
    org_keys: set[str] = set()
    max_tokens = 1
    for fname, etype in (("places.txt", "Place"), ("people.txt", "Person"), ("orgs.txt", "Organization"),
                         ("products.txt", "Product")):
        for line in lines(fname):
            parts = [p.strip() for p in line.split("|")]
            if etype == "Product":
                label, developer, aliases = parts[0], (parts[1] if len(parts) > 1 else None) or None, parts[2:]
            else:
                label, developer, aliases = parts[0], None, parts[1:]
            ent = KnownEntity(label=label, type=etype, developer=developer)
            for surface in (label, *aliases):
                # later files win: a product named like its maker is still a product ("Perplexity" aside)
                if etype == "Organization":
                    org_keys.add(fold(surface))
                known[fold(surface)] = ent
                max_tokens = max(max_tokens, len(surface.split()))
    lex.known = known
    lex.company_products = frozenset(k for k in org_keys if known[k].type == "Product")
    lex.known_max_tokens = max_tokens
    lex.product_makers = frozenset(k.developer for k in known.values() if k.developer)
    lex.org_suffixes = frozenset(lines("org_suffixes.txt"))
    lex.org_cues = frozenset(lines("org_cues.txt"))
    lex.product_cues = frozenset(lines("product_cues.txt"))
    roles = lines("roles.txt")
    lex.roles = frozenset(roles)
    lex.role_words = frozenset(r.split()[-1] for r in roles) | {"vice", "chief", "co-founder"}
    lex.role_modifiers = frozenset(w.lower() for w in lines("role_modifiers.txt"))
    lex.generic_caps = frozenset(lines("generic_caps.txt"))
    lex.group_nouns = frozenset(lines("group_nouns.txt"))
    lex.stopwords = frozenset(lines("stopwords.txt"))
    lex.demonyms = frozenset(w for line in lines("demonyms.txt") for w in line.split())
    lex.common_words = frozenset(lines("common_words.txt"))
    lex.first_names = _first_names(lex.stopwords, lex.generic_caps, lex.common_words)
    # longest phrases first, so "called out" wins over "call"
    lex.criticism_verbs = tuple(sorted(set(_inflected(lines("criticism_verbs.txt"))), key=len, reverse=True))
    lex.speech_verbs = frozenset(_inflected(lines("speech_verbs.txt")))
    lex.negative = tuple(sorted(set(lines("negative_words.txt")), key=len, reverse=True))
    return lex


def known_entity(surface: str) -> KnownEntity | None:
    """The well-known entity a surface form names, if any."""
    return lexicon().known.get(fold(surface))


def _ascii_fold(name: str) -> str:
    """fold() of a name with its accents removed ("Zürich" is "zurich"), uncached (used for bulk loading)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _FOLD.sub("", plain.lower())


# population given to countries, US states and continents: always large enough to count as a place
_ALWAYS = 1 << 30


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, int]:
    """Folded place name -> population in thousands, from the generated GeoNames list (loaded on first use)."""
    out: dict[str, int] = {}
    for line in lines("gazetteer.txt"):
        name, _, pop = line.rpartition("|")
        key = _ascii_fold(name)
        out[key] = max(out.get(key, 0), _ALWAYS if pop == "*" else int(pop))
    return out


def nation_level(surface: str) -> bool:
    """Whether the gazetteer lists a name as a country, a US state or a continent ("Louisiana", "Chad")."""
    return (place_population(surface) or 0) >= _ALWAYS


@lru_cache(maxsize=1 << 14)
def place_population(surface: str) -> int | None:
    """Population (thousands) of the largest gazetteer place named ``surface``, or None when it names none."""
    # cached: folding a name (Unicode decomposition and a regex) costs more than the lookup, and names recur
    return gazetteer().get(_ascii_fold(surface))
