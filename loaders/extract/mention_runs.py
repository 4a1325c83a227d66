"""Stage 2: runs of capitalised tokens — where a name starts and over which words, commas and marks it goes on
("Ministry of Trade, Industry and Energy", "Warner Bros. Discovery", 'Chungin "Roy" Lee', "Andrew N. Ferguson")."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress
from operator import not_

from loaders.extract.lexicon import fold, place_population
from loaders.extract.lexicon import words as word_list
from loaders.extract.mention_tokens import (
    APOSTROPHES,
    FIRM_SUFFIXES,
    QUOTE_MARKS,
    SentenceTokens,
    abbreviated_title,
    is_name_token,
)
from loaders.extract.name_spans import given_name, known_spans

_MENTION_WORDS = "name_words.txt"  # the lexicon file of this module's word lists (sections read with words())

_CONNECTORS = word_list(_MENTION_WORDS, "connectors")
_FOR_HEADS = word_list(_MENTION_WORDS, "for_heads")
# heads of institutions whose names list their fields ("Department for Science, Innovation and Technology")
_LIST_HEADS = word_list(_MENTION_WORDS, "list_heads")
_CHAMBERS = word_list(_MENTION_WORDS, "chambers")  # their committees list fields before the head
_COMMA_LEGAL = word_list(_MENTION_WORDS, "comma_legal_forms")
_CIRCUITS = word_list(_MENTION_WORDS, "circuits")
_DISTRICT_WORDS = word_list(_MENTION_WORDS, "district_words")
# heads whose name goes on over "of the" ("Office of the Privacy Commissioner", "Department of the Treasury")
OF_THE_HEADS = word_list(_MENTION_WORDS, "of_the_heads")
# plural nouns whose possessive starts an institution's name ("Children's Digital Rights Coalition")
_PLURAL_OWNERS = word_list(_MENTION_WORDS, "plural_owners")
OFFICE_HEADS = word_list(_MENTION_WORDS, "office_heads")  # "Attorney General's Office"
_DOTTED_NAME_WORDS = word_list(_MENTION_WORDS, "dotted_name_words")  # abbreviations that a name goes on after
INSTITUTIONS = word_list(_MENTION_WORDS, "institutions")
# heads of institutions whose names go on over "and" ("Securities and Exchange Commission")
_AND_HEADS = word_list(_MENTION_WORDS, "and_heads")
# bodies of members ("Alliance of ...", "Institute of ..."), whose names end in the members' plural ("... Producers")
_MEMBER_HEADS = word_list(_MENTION_WORDS, "member_heads")
_MEMBERS = re.compile(r"^[A-Z][a-z]+(?:ers|ors|ists|ians)$")
# heads whose "of"/"for" names the fields an institution covers ("Institute for AI Policy and Strategy")
_HEAD_OF = _FOR_HEADS | _LIST_HEADS | INSTITUTIONS

# the legal forms a firm's name ends in, besides FIRM_SUFFIXES ("Cigna Corporation")
_LEGAL_ENDINGS = frozenset({"Corporation", "Company", "Co", "Co.", "Limited", "PLC", "plc", "AG", "SA", "GmbH"})

# lower-case words a step may join a name over (_phrase_joins, _word_step)
_JOINERS = _CONNECTORS | {"for", "of", "on", "without", "and"}

# a step reads the tokens after a run's token j-1 and says where the run goes on to (0: it does not go on that way)
Step = Callable[[SentenceTokens, int, int], int]


def runs(st: SentenceTokens) -> list[tuple[int, int]]:
    """(first, last+1) token index ranges of capitalised runs."""
    toks, texts, text = st.toks, st.texts, st.text
    out: list[tuple[int, int]] = []
    n = len(toks)
    # the tokens that can start a run, found in one pass (most tokens are lower-case words)
    # a name token holds an upper-case letter: lower-case words, most tokens, are not even looked up
    starts = [k for k in compress(range(n), map(not_, map(str.islower, texts)))
              if texts[k][0].isalpha() and is_name_token(texts[k])]
    known_at = known_spans(st.text, toks, texts, st.lex)
    if known_at:
        starts = sorted({*starts, *known_at})
    j = 0
    for i in starts:
        if i < j:
            continue  # inside the previous run
        j = max(i + 1, known_at.get(i, 0))
        while j < n:
            t = texts[j]
            if text[toks[j - 1][1]:toks[j][0]] == " " and j not in known_at:
                # the common cases, first: a capitalised name word after a space goes on, a lower-case word that
                # joins no name ends the run (no step reads either otherwise)
                if t[0].isupper() and is_name_token(t):
                    j += 1
                    continue
                if t.islower() and t not in _JOINERS:
                    break
            nxt = _next_end(st, i, j, known_at)
            if nxt <= j:
                break  # the run ends here (0), and a step that would not move on must never loop
            j = nxt
        out.append((i, j))
    return out


def _next_end(st: SentenceTokens, i: int, j: int, known_at: dict[int, int]) -> int:
    """Where the run that starts at token i goes on to from token j, or 0 where it ends before j."""
    gap = st.gap(j)
    if not gap:
        # a mark glued to the name: a comma, a possessive, an abbreviation's or an initial's full stop
        steps = _GLUED_COMMA if st.toks[j][2] == "," else _GLUED
        return next((end for step in steps if (end := step(st, i, j))), 0)
    if gap == " ":
        if j in known_at:
            return known_at[j]  # a well-known name goes on over a digit or a possessive ("Microsoft 365 Copilot")
        skip = _phrase_joins(st, j) or (3 if _nickname_at(st, j) else 0)
        if skip:
            return j + skip  # "Court for the Southern District", "Office of the", 'Chungin "Roy" Lee'
    elif gap.strip() or len(gap) > 3:
        return 0  # names continue over single spaces (or a zero-width/odd space turned into spaces)
    return _word_step(st, i, j)


def _word_step(st: SentenceTokens, i: int, j: int) -> int:
    """A name word after a space continues the run, and so does a connector before one ("Bank of England")."""
    toks = st.toks
    t = toks[j][2]
    if is_name_token(t):
        return j + 1
    nxt_ok = j + 1 < len(toks) and is_name_token(toks[j + 1][2]) and st.gap(j + 1) == " "
    if not nxt_ok:
        return 0
    if t == "of" and _person_then_org(st, i, j):
        return 0  # "Beatrix Holm of Morningstar": a person, then the organisation
    if t in _CONNECTORS or (t in {"for", "on", "without"} and toks[j - 1][2] in _FOR_HEADS) or \
            (t == "and" and _and_joins(st, i, j)):
        return j + 2
    return 0


def _field_list(st: SentenceTokens, i: int, j: int) -> int:
    """"Ministry of Trade, Industry and Energy", "Committee on Science, Space and ...": a head's listed fields."""
    toks = st.toks
    if j + 1 < len(toks) and any(x[2] in _LIST_HEADS for x in toks[i:i + 2]) and \
            any(x[2] in {"of", "for", "on"} for x in toks[i:j]):
        return _field_list_end(st, j)
    return 0


def _chamber_fields(st: SentenceTokens, i: int, j: int) -> int:
    """"Senate Banking, Housing, and Urban Affairs Committee": a chamber's committee lists its fields, then its head."""
    toks = st.toks
    if j - i <= 3 and toks[j - 1][2] not in _CHAMBERS and any(x[2] in _CHAMBERS for x in toks[i:i + 2]):
        end = _field_list_end(st, j)
        if end and toks[end - 1][2] in {"Committee", "Subcommittee"}:
            return end
    return 0


def _comma_legal(st: SentenceTokens, i: int, j: int) -> int:
    """"NYP Holdings, Inc.": a legal form after a comma."""
    toks = st.toks
    if j + 1 < len(toks) and toks[j + 1][2].rstrip(".") in _COMMA_LEGAL and st.gap(j + 1) == " ":
        return j + 2
    return 0


def _campus(st: SentenceTokens, i: int, j: int) -> int:
    """"University of California, Berkeley": a campus of a state university system."""
    return j + 2 if _campus_after(st, i, j) else 0


def _possessive_joins(st: SentenceTokens, i: int, j: int) -> int:
    """A possessive inside a name: "Children's Digital Rights Coalition" (a plural's), "King's College" (a founder's
    or patron's), "New Hampshire Attorney General's Office" (an office named after its holder's title)."""
    toks = st.toks
    t = toks[j][2]
    if t not in {"'s", "’s", "'", "’"} or j + 1 >= len(toks) or st.gap(j + 1) != " ":
        return 0
    prev, nxt = toks[j - 1][2], toks[j + 1][2]
    if prev in _PLURAL_OWNERS and is_name_token(nxt):
        return j + 2
    if t not in {"'s", "’s"}:
        return 0
    if j == i + 1 and nxt in INSTITUTIONS and st.lex.known.get(fold(toks[i][2])) is None:
        return j + 2
    if nxt in OFFICE_HEADS and not st.lex.role_words.isdisjoint(st.lows[i:j]):
        return j + 2
    return 0


def _dotted_word(st: SentenceTokens, i: int, j: int) -> int:
    """"Warner Bros. Discovery", "St. Louis": the abbreviation's full stop is the name's."""
    toks = st.toks
    if toks[j][2] == "." and toks[j - 1][2] in _DOTTED_NAME_WORDS and j + 1 < len(toks) and \
            is_name_token(toks[j + 1][2]) and st.gap(j + 1) == " ":
        return j + 2
    return 0


def _initial(st: SentenceTokens, i: int, j: int) -> int:
    """"Andrew N. Ferguson", "Adam D’Angelo": a name goes on after a one-letter initial."""
    if _initial_joins(st, j, i):
        return j + (1 if st.toks[j][2][0] in APOSTROPHES else 2)
    return 0


_GLUED_COMMA: tuple[Step, ...] = (_field_list, _chamber_fields, _comma_legal, _campus)
# English contractions glued to a word ("Google'll", "Musk'd"): never part of a name
_CONTRACTIONS = frozenset({"s", "ll", "re", "ve", "d", "m", "t"})


def _apostrophe_part(st: SentenceTokens, i: int, j: int) -> int:
    """"Kimani Ichung'wah", "Tang Xiao'ou": an apostrophe inside a capitalised word, a lower-case syllable glued to
    it, is the word's (names transliterated from Kikuyu, Chinese, Arabic write one), not a quote or an elision."""
    toks = st.toks
    t, prev = toks[j][2], toks[j - 1][2]
    rest = t[1:]
    if t[0] not in APOSTROPHES or not rest.isalpha() or not rest.islower() or rest in _CONTRACTIONS or \
            len(prev) < 2 or not prev[0].isupper() or not prev.isalpha() or prev.isupper():
        return 0
    # a closing quote glued to the next word is no name's part: the syllable ends the word (a comma may follow)
    if j + 1 < len(toks) and not st.gap(j + 1):
        nxt = toks[j + 1][2]
        if nxt[0].isalnum() or nxt in APOSTROPHES:
            return 0
    return j + 1


_GLUED: tuple[Step, ...] = (_possessive_joins, _dotted_word, _initial, _apostrophe_part)


def _nickname_at(st: SentenceTokens, j: int) -> bool:
    """Whether a quoted capitalised word at j follows a given name and precedes a capitalised word (the surname)."""
    toks = st.toks
    if j + 3 >= len(toks) or toks[j][2] not in QUOTE_MARKS or toks[j + 2][2] not in QUOTE_MARKS | {"”", "’"}:
        return False
    nick, last = toks[j + 1][2], toks[j + 3][2]
    given = toks[j - 1][2]
    lex = st.lex
    # the word before is a given name, or an unknown capitalised word ("Chungin"), not a common or generic one
    if given not in lex.first_names and not (given.istitle() and given.isalpha() and given not in lex.generic_caps
                                             and given.lower() not in lex.common_words
                                             and given.lower() not in lex.stopwords):
        return False
    return nick.istitle() and nick.isalpha() and \
        toks[j][1] == toks[j + 1][0] and toks[j + 1][1] == toks[j + 2][0] and \
        st.gap(j + 3) == " " and last.istitle() and is_name_token(last)


def _campus_after(st: SentenceTokens, i: int, j: int) -> bool:
    """Whether the comma at j joins "University of <place>" to one place word naming its campus, not a list."""
    toks = st.toks
    n = len(toks)
    if not (j - i >= 3 and toks[i][2] == "University" and toks[i + 1][2] == "of" and j + 1 < n):
        return False
    nxt = toks[j + 1][2]
    after = [t[2] for t in toks[j + 2:j + 4]]
    return nxt.istitle() and nxt.isalpha() and place_population(nxt) is not None and \
        not (after[:1] == ["and"] or (after[:1] == [","] and after[1:2] and after[1][:1].isupper()))


def _field_list_end(st: SentenceTokens, j: int) -> int:
    """End of ", A, B and C" from the comma at j when it lists an institution's fields and ends in a typical
    head ("..., Innovation and Technology"); 0 otherwise."""
    toks = st.toks
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
    # nothing listed after the comma ("Ministry of Transport, and ride-hailing ..."): not a list, the run ends there
    return k if k > j and seen_and and toks[k - 1][2] in _AND_HEADS and k - j <= 8 else 0


def _phrase_joins(st: SentenceTokens, j: int) -> int:
    """How many lower-case tokens from j continue an institution's name before a capitalised word: "for the" in
    "Court for the Southern District", "of the" after "Office", "de la" in "Autorite de la Concurrence"."""
    toks = st.toks
    n = len(toks)
    words = [t[2] for t in toks[j:j + 3]]
    if len(words) < 3 or not is_name_token(words[2]) or not words[2][0].isupper() or \
            any(st.text[toks[k][1]:toks[k + 1][0]] != " " for k in range(j, min(n - 1, j + 2))):
        return 0
    prev = toks[j - 1][2]
    if words[:2] == ["for", "the"] and prev == "Court" and words[2] in _DISTRICT_WORDS:
        return 2
    if words[:2] == ["for", "the"] and prev == "Appeals" and words[2] in _CIRCUITS:
        return 2  # "Court of Appeals for the Third Circuit"
    if words[:2] == ["of", "the"] and prev in OF_THE_HEADS:
        return 2
    if words[0] in _CONNECTORS and words[1] in _CONNECTORS and words[0] != "of":
        return 2
    return 0


def _initial_joins(st: SentenceTokens, j: int, start: int = -1) -> bool:
    """Whether the token at j continues a name after a one-letter initial: the full stop of "N." before a
    capitalised word that is not a function word, or the apostrophe part of "D’Angelo"."""
    toks, lex = st.toks, st.lex
    prev, t = toks[j - 1][2], toks[j][2]
    if len(prev) != 1 or not prev.isupper():
        return False
    # a first initial after a title, "by" or a list's comma ("artists H. Southworth, Gerald Brom")
    before = toks[start - 1][2].lower() if j - 1 == start and start > 0 else ""
    first_initial = before in {",", "and", "by"} or (len(before) > 3 and before.rstrip("s") in lex.role_words)
    # the given name starts the run, or follows a capitalised title that does ("Judge Eumi K. Lee")
    starts = j - 2 == start or (j - 3 == start and st.lows[start] in lex.role_words)
    if t == "." and not first_initial and (j < 2 or not given_name(toks[j - 2][2], starts, lex, st.lower_vocab)):
        return False  # only a middle initial after a given name: "platform X. Investors" ends a sentence
    if t[0] in APOSTROPHES:
        return len(t) > 2 and t[1].isupper()
    if t != "." or j + 1 >= len(toks) or st.gap(j + 1) != " ":
        return False
    nxt = toks[j + 1][2]
    # "on X. Investors said": a word the text also writes in lower case starts a new sentence
    return is_name_token(nxt) and nxt[0].isupper() and len(nxt) > 1 and nxt.lower() not in lex.stopwords \
        and nxt.lower() not in st.lower_vocab


def _person_then_org(st: SentenceTokens, a: int, j: int) -> bool:
    """Whether tokens a..j-1 read as a personal name (first name first) rather than an institution's head."""
    lex = st.lex
    words = st.texts[a:j]
    if a and (st.lows[a - 1] in lex.role_words or abbreviated_title(st, a)) and \
            2 <= len(words) <= 3 and \
            all(w[0].isupper() and w.isalpha() for w in words):
        return True  # "analyst Carolina Milanesi of Creative Strategies": a title names a person
    k = next((x for x, w in enumerate(words) if w in lex.first_names), None)
    if k is None and len(words) == 2 and _firm_after_of(st, j):
        # "Ashu Garg of Foundation Capital": two name words, then a firm's name
        return all(w.isalpha() and w[0].isupper() and w.lower() not in st.lower_vocab for w in words) \
            and words[-1] not in lex.org_suffixes and words[-1] not in _FOR_HEADS
    return k is not None and 1 <= len(words) - k <= 3 and words[-1] not in lex.org_suffixes \
        and words[-1] not in _FOR_HEADS


def _name_words_end(st: SentenceTokens, j: int) -> int:
    """The end of the name tokens written one space apart from j+1 on."""
    toks = st.toks
    k = j + 1
    while k < len(toks) and is_name_token(toks[k][2]) and st.text[toks[k - 1][1]:toks[k][0]] == " ":
        k += 1
    return k


def _firm_after_of(st: SentenceTokens, j: int) -> bool:
    """Whether the capitalised words after "of" at j end in a firm's suffix ("of Foundation Capital")."""
    k = _name_words_end(st, j)
    return k - j - 1 >= 1 and st.toks[k - 1][2] in FIRM_SUFFIXES


def _members_of(st: SentenceTokens, a: int, j: int, k: int) -> bool:
    """"Alliance of Motion Picture and Television Producers", "Institute of Electrical and Electronics Engineers": a
    body of members named "Head of A and B Members" (its members a plural agent noun)."""
    toks = st.toks
    # (the head may follow "The" and a modifier: "The National Union of Authors and Composers")
    heads = range(a, min(a + 3, j - 2))
    return any(toks[h][2] in _MEMBER_HEADS and toks[h + 1][2] == "of" for h in heads) and \
        _MEMBERS.search(toks[k - 1][2]) is not None


def _and_joins(st: SentenceTokens, a: int, j: int) -> bool:
    """Whether "and" at j continues an institution's name: the capitalised run after it ends in a typical head."""
    toks = st.toks
    k = _name_words_end(st, j)
    if toks[k - 1][2] == "Act" and k - j - 1 <= 3:
        return True  # "Chips and Science Act": one law's name (not an actor: dropped whole)
    if _field_after_head(st, a, j, k):
        return True
    if k - j - 1 > 3 or (toks[k - 1][2] not in _AND_HEADS and not _members_of(st, a, j, k)):
        return False
    # two names coordinated ("Google and Samsung Electronics", "Cigna Corporation and Cigna Health and Life
    # Insurance Company") are not one institution: the first a known name or ending as a firm's
    return st.lex.known.get(fold(" ".join(t[2] for t in toks[a:j]))) is None and \
        toks[j - 1][2] not in FIRM_SUFFIXES and toks[j - 1][2] not in _LEGAL_ENDINGS


def _field_after_head(st: SentenceTokens, a: int, j: int, k: int) -> bool:
    """"Institute for AI Policy and Strategy", "Ministry of Economic Affairs and Digital Transformation": after a
    head's "for"/"of", "and" adds one or two more fields, words the language writes in lower case (a proper name
    after "and" is a second actor: "University of Toronto and Princeton")."""
    toks, lex = st.toks, st.lex
    heads = range(a, min(a + 3, j - 2))
    if not any(toks[h][2] in _HEAD_OF and toks[h + 1][2] in {"for", "of"} for h in heads) or not 1 <= k - j - 1 <= 2:
        return False
    added = [t[2] for t in toks[j + 1:k]]
    return all(w.isalpha() and w.lower() in lex.common_words and w not in _HEAD_OF and fold(w) not in lex.known
               for w in added) and lex.known.get(fold(" ".join(t[2] for t in toks[a:j]))) is None
