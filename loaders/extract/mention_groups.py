"""Stage 2: unnamed group actors — "critics", "an X user", "a Microsoft product manager", "Some suspect ..."."""

from __future__ import annotations

from functools import lru_cache

from loaders.extract.lexicon import words as word_list
from loaders.extract.mention_tokens import SentenceTokens
from loaders.extract.schema import Mention, Sentence

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

_DETERMINERS = word_list(_MENTION_WORDS, "group_determiners")
_GROUP_SUBJECTS = word_list(_MENTION_WORDS, "group_subjects")
_GROUP_PREMODS = ("social media", "online", "internet", "reddit", "former", "senior", "angry", "prominent", "tech",
                  "industry", "independent", "ai", "outside", "other")
_GROUP_PREMOD_WORDS = tuple((mod, mod.split()) for mod in _GROUP_PREMODS)


@lru_cache(maxsize=4)
def _group_firsts(nouns: frozenset[str]) -> frozenset[str]:
    """First words of the two-word group nouns ("social" of "social media users")."""
    return frozenset(w.split(" ", 1)[0] for w in nouns if " " in w)


def _named_ending_at(mentions: list[Mention], sent: int, end: int) -> int | None:
    """Index of the latest name mention of sentence ``sent`` that ends at ``end``."""
    # the body's sentences are read in order, so the sentence's mentions are the last ones recorded
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        if m.sentence != sent:
            return None
        if m.end == end and not m.group:
            return k
    return None


def _group_noun(st: SentenceTokens, i: int) -> tuple[int, str] | None:
    """(end offset, text) of the group noun that starts at token i ("critics", "social media users"), or None."""
    toks, lows, nouns = st.toks, st.lows, st.lex.group_nouns
    n = len(toks)
    _, end, t = toks[i]
    low = lows[i]
    two = f"{low} {toks[i + 1][2].lower()}" if i + 1 < n else ""
    if two in nouns:
        noun_end, noun_text = toks[i + 1][1], two
    elif low in nouns and (t.islower() or t in _GROUP_SUBJECTS):
        noun_end, noun_text = end, low
    else:
        return None
    # "some", "many", "others" only as a subject: "Some suspect", "Others believe"
    if noun_text in {"some", "many", "others"} and not (
            t[0].isupper() and i + 1 < n and toks[i + 1][2].islower() and toks[i + 1][2] != "of"):
        return None
    if i > 0 and toks[i - 1][2].lower() in nouns and toks[i - 1][2].islower():
        return None  # second word of a two-word group noun already taken
    return noun_end, noun_text


def _premodifier(st: SentenceTokens, s: Sentence, mentions: list[Mention], i: int,
                 label_parts: list[str]) -> tuple[int, int | None]:
    """(first token, affiliated mention) of a group noun at i with what is written before it: an organisation's
    name ("Microsoft product manager") or a modifier ("social media"), added to ``label_parts``."""
    toks, lows = st.toks, st.lows
    prev = _named_ending_at(mentions, s.index, toks[i - 1][1]) if i > 0 else None
    if prev is not None and toks[i - 1][2][0].isupper():
        label_parts.insert(0, mentions[prev].text)
        return next((k for k in range(i) if toks[k][0] == mentions[prev].start), i), prev
    for mod, mw in _GROUP_PREMOD_WORDS:
        if i >= len(mw) and lows[i - len(mw):i] == mw:
            label_parts.insert(0, mod)
            return i - len(mw), None
    return i, None


def add_groups(st: SentenceTokens, s: Sentence, mentions: list[Mention]) -> None:
    """Append the unnamed actors of sentence ``s`` to ``mentions`` (which holds its name mentions, last)."""
    lex, toks, lows = st.lex, st.toks, st.lows
    n = len(toks)
    # most sentences name no group: test that in C before looking at any token
    if lex.group_nouns.isdisjoint(lows):
        return
    firsts = _group_firsts(lex.group_nouns)
    # only a group noun or the first word of a two-word one can start a group
    for i in [k for k, low in enumerate(lows) if low in lex.group_nouns or low in firsts]:
        noun = _group_noun(st, i)
        if noun is None:
            continue
        noun_end, noun_text = noun
        label_parts = [noun_text]
        first, affiliation = _premodifier(st, s, mentions, i, label_parts)
        # "a spokesperson for Stability", "a professor from Wharton University"
        if affiliation is None and i + 2 < n and toks[i + 1][2] in {"for", "from", "at"}:
            nxt = [k for k, m in enumerate(mentions) if m.start == toks[i + 2][0]]
            if nxt:
                affiliation = nxt[0]
                label_parts.insert(0, mentions[nxt[0]].text)
        has_det = first > 0 and toks[first - 1][2].lower() in _DETERMINERS
        t = toks[i][2]
        if not (has_det or lows[i].endswith("s") or t[0].isupper() or affiliation is not None):
            continue
        gstart = toks[first][0]
        mentions.append(Mention(start=gstart, end=noun_end, text=" ".join(st.text[gstart:noun_end].split()),
                                sentence=s.index, org_before=affiliation, group=" ".join(label_parts)))
