"""Stage 1: a same-length cleaned view of the text, sentence splitting and tokenisation.

The cleaned view keeps every character offset of the stored text, so spans found in it are spans of
the text itself: odd spaces become spaces and HTML entities become their character padded with spaces.
"""

from __future__ import annotations

import html
import re

from kg.model import DateRef
from loaders.extract.schema import Sentence, TextDoc

# odd spaces and control characters, each replaced by a space (one pattern: one scan of the text)
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff\u00ad\t\r\f\v"
                        r"\x00-\x08\x0e-\x1f\x7f]")
_LINE_SEPS = "\u2028\u2029\u0085"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a sentence ends at . ! ? (and closing quotes/brackets) before whitespace and an upper-case start,
# or at a full stop glued to the next sentence ("intervention.Some"); the break is group 1 (matching the stop
# itself, rather than looking behind for it, lets the engine skip quickly to the next stop)
_SENT_END = re.compile(r"[.!?]([\"”’')\]]*(?:\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?=[A-Z][a-z])))")
_ABBREV = frozenset(
    [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "e.g", "i.e", "no", "gen",
        "sen", "rep", "gov", "prof", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "fig", "approx", "est", "mt", "ft", "dept", "univ", "bros", "a.m", "p.m", "u.n", "d.c"
    ]
)
_LOOK_BACK = 100
# dotted initials ("R.R.", "J.K."): part of a name, not a sentence's end (an abbreviation like "U.S." also reads so)
_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
# a "sentence" longer than this is not prose (the longest in the seed, dev and test articles has 391 characters):
# it is cut into pieces of at most this length, so that the rules, which read a sentence once per trigger word,
# stay linear in the text
MAX_SENTENCE_CHARS = 2_000
# where a long sentence is best cut: after a clause's punctuation, else at a dash, else at any space
_CLAUSE_CUT = re.compile(r"[;:,)\]”\"](?=\s)|\s[–—-](?=\s)")
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[.\-&/+]\w+)*(?:\.(?=\w))?|['’]s\b|['’]\w+|\S")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def clean(text: str) -> str:
    """A view of ``text`` with the same length whose odd spaces, controls and HTML entities are plain."""
    if "&" in text:
        def _entity(m: re.Match[str]) -> str:
            decoded = html.unescape(m.group(0))
            if len(decoded) != 1 or decoded == m.group(0):
                return m.group(0)
            decoded = " " if decoded in "\u00a0\u200b" else decoded
            return decoded + " " * (len(m.group(0)) - 1)

        text = _ENTITY.sub(_entity, text)
    text = _ODD_SPACE.sub(" ", text)
    if any(c in text for c in _LINE_SEPS):
        text = text.translate({ord(c): "\n" for c in _LINE_SEPS})
    return _single_quotes(text) if "'" in text or "‘" in text else text


# the marks a quotation may be made of, and the line ends that close what is open: scanned for these alone (most
# characters are none), each single quote then read by its neighbours: it opens a quotation after a space or bracket
# and before a word, closes one after a word and before a space or punctuation; between two letters ("don't") it
# does neither. A single quote inside a double-quoted span is a quote within a quote and stays one.
_MARKS = re.compile(r"['‘’\"“”\n]")
_OPEN_AFTER = frozenset("([—–/-")
_CLOSE_BEFORE = frozenset(".,;:!?)]—–-")
_QUOTE_CHARS = frozenset("'‘’\"“”")
# the next paragraph opens with a quotation mark: the quote open at a paragraph's end goes on there
_REOPENED = re.compile(r"\s+['‘](?=\w)")
_ELISION = re.compile(r"(?:n['’](?!\w)|(?:\d\d?s?|em|til|cause|cos|tis|twas|bout|round)\b)", re.I)


def _headline_end(text: str) -> int:
    """Where the text's first line ends when that line is a headline (followed by a blank line and not ended by a
    full stop), else 0."""
    end = text.find("\n")
    if end < 0 or not text.startswith("\n", end + 1) or text[:end].rstrip().endswith("."):
        return 0
    return end


def _single_kind(text: str, i: int, n: int) -> str:
    """Whether the single quote at ``i`` may open a quotation ("open"), close one ("close"), or neither ("none")."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < n else ""
    if (before.isspace() or before in _OPEN_AFTER) and after and not after.isspace() and after not in _QUOTE_CHARS:
        return "open" if text[i] != "’" else "none"
    if i and not before.isspace() and before not in _QUOTE_CHARS and (
            not after or after.isspace() or after in _CLOSE_BEFORE):
        return "close" if text[i] != "‘" else "none"
    return "none"


def _single_quotes(text: str) -> str:
    """``text`` with single quotes used as quotation marks turned into “ ”, so that every rule reads one kind of
    quotation mark: an opening mark paired with the next closing mark of its line; an unpaired mark is an apostrophe
    ("the companies' data"). A headline's single quotes are left alone: headlines quote that way in every style, and
    name an organisation for the person whose words the article then quotes."""
    chars: list[str] | None = None
    opened, in_double, inner = -1, False, []
    n = len(text)
    for m in _MARKS.finditer(text, _headline_end(text)):
        c, i = m.group(0), m.start()
        if 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue  # "don't", "Altman's": an apostrophe between letters, the most common mark by far
        kind = _single_kind(text, i, n) if c in "'‘’" else ""
        if kind == "open":
            if opened < 0 and not in_double and not _ELISION.match(text, i + 1):
                opened, inner = i, []
        elif kind == "close":
            if opened >= 0:
                chars = chars if chars is not None else list(text)
                chars[opened], chars[i], opened = "“", "”", -1
                for k, at in enumerate(inner):  # the quote within the quote swaps to single marks
                    chars[at] = "’" if text[at] == "”" or (text[at] == '"' and k % 2) else "‘"
        elif kind:
            continue  # an apostrophe
        elif c == "\n":
            if opened >= 0 and _REOPENED.match(text, i):
                # a quote going on in the next paragraph, which opens again: "said: 'A …¶'B …'"
                chars = chars if chars is not None else list(text)
                chars[opened] = "“"
            opened, in_double = -1, False  # else a single quote still open is an apostrophe after all
        elif opened >= 0:  # a double quote inside a single-quoted span is a quote within it
            inner.append(i)
        else:
            in_double = c == "“" or (c == '"' and not in_double)
    return "".join(chars) if chars is not None else text


_PROSE_END = ".:;,\"”'’)"


def _is_heading(words: list[str], last_char: str) -> bool:
    """Title-case lines without final punctuation (or with a question mark) are headings, not prose."""
    if len(words) < 2 or last_char in _PROSE_END or words[0] == "By":
        return False  # prose, or a byline ("By Blake Brittain")
    content = [w for w in words if len(w) > 3]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.7


def split_sentences(clean_text: str, original: str | None = None) -> list[Sentence]:
    """Sentences of the cleaned text: paragraphs (lines) split at sentence-final punctuation."""
    original = clean_text if original is None else original
    sentences: list[Sentence] = []
    p_index, next_start = -1, 0
    for p_text in clean_text.split("\n"):  # paragraphs: the non-empty lines
        p_start, next_start = next_start, next_start + len(p_text) + 1
        if not p_text:
            continue
        p_index += 1
        cut = 0
        pieces: list[tuple[int, int]] = []
        for m in _SENT_END.finditer(p_text):
            m_start, m_end = m.span(1)
            # the last word is all that is read: a bounded look back (no abbreviation is that long), so that a
            # paragraph of "Mr. Mr. Mr. ..." is not copied once per full stop
            before = p_text[max(cut, m_start - _LOOK_BACK):m_start].rstrip("\"”’')]")
            last = before.rsplit(None, 1)[-1] if before.strip() else ""
            stem = last.rstrip(".").lower()
            if last.endswith(".") and (stem in _ABBREV or (len(stem) == 1 and stem.isalpha())
                                       or _DOTTED_INITIALS.fullmatch(stem)):
                continue  # "Mr.", "U.S.", an initial, "George R.R. Martin"
            pieces.append((cut, m_start if m_end == m_start else m_end))
            cut = m_end
        pieces.append((cut, len(p_text)))
        for a, b, cut_piece in _capped(p_text, pieces):
            seg = p_text[a:b]
            stripped = seg.strip()
            if not stripped:
                continue
            lead = len(seg) - len(seg.lstrip())
            start = p_start + a + lead
            end = start + len(stripped)
            # most sentences end in punctuation and cannot be headings: their words need not be found; nor can a
            # piece of an over-long sentence be one
            heading = not cut_piece and stripped[-1] not in _PROSE_END and \
                _is_heading(_WORD.findall(stripped), stripped[-1])
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=original[start:end],
                                      heading=heading, paragraph=p_index))
    return sentences


def _capped(p_text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The pieces of a paragraph, each longer than MAX_SENTENCE_CHARS cut into shorter ones (flagged True)."""
    out = []
    for a, b in pieces:
        cut = b - a > MAX_SENTENCE_CHARS
        while b - a > MAX_SENTENCE_CHARS:
            end = _cut_point(p_text, a, a + MAX_SENTENCE_CHARS)
            out.append((a, end, True))
            a = end
        out.append((a, b, cut))
    return out


def _cut_point(p_text: str, a: int, limit: int) -> int:
    """Where to end a piece of a long sentence that starts at ``a``: after the last clause break (or else the last
    space) in the second half of [a, limit), else at ``limit`` itself (a text without spaces)."""
    half = a + (limit - a) // 2
    breaks = [m.end() for m in _CLAUSE_CUT.finditer(p_text, half, limit)]
    if breaks:
        return breaks[-1]
    space = p_text.rfind(" ", half, limit)
    return space if space > a else limit


# TOKEN with the whitespace before it: every non-space character starts a token, so the gaps between tokens are
# whitespace only, and offsets can be counted from the lengths (much cheaper than match objects). The alternatives
# are TOKEN's, written so that they match the same: the acronym branch starts with a character class (which the
# engine tests before entering it) and the repeats are possessive (TOKEN never backtracks into them: its optional
# tail "\.(?=\w)" cannot match after the greedy "(?:[.\-&/+]\w+)*" stopped); no group, so each match is one string
_SPACED_TOKEN = re.compile(r"\s*(?:[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*+|\w++(?:[.\-&/+]\w+)*+|['’]s\b|['’]\w+|\S)")


def after_the(text: str, pos: int) -> bool:
    """Whether the text just before ``pos`` is a definite article ("the │Commission")."""
    return text[max(0, pos - 4):pos].lower() == "the "


def tokens(clean_text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tokens (start, end, text) of a slice of the cleaned text."""
    out = []
    append = out.append
    pos = start
    for spaced in _SPACED_TOKEN.findall(clean_text, start, end):
        tok = spaced.lstrip()  # \s and str.lstrip agree on what whitespace is, and no token starts with it
        pos += len(spaced)
        append((pos - len(tok), pos, tok))
    return out


def prepare(text: str, published: DateRef | None = None) -> TextDoc:
    """Stage 1: clean view, sentences and the set of words written in lower case somewhere in the text."""
    view = clean(text)
    lower_vocab = frozenset(filter(str.islower, _WORD.findall(view)))
    return TextDoc(text=text, clean=view, sentences=split_sentences(view, text), published=published,
                   lower_vocab=lower_vocab)
