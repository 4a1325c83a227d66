"""The parts of the mention stage one at a time: runs of name words, title splitting, name ends, group actors
(invented sentences)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from loaders.extract.lexicon import lexicon
from loaders.extract.mention_ends import name_end
from loaders.extract.mention_groups import add_groups
from loaders.extract.mention_runs import runs
from loaders.extract.mention_titles import known_prefix, split_titles, strip_start
from loaders.extract.mention_tokens import SentenceTokens, initial_positions, is_name_token, split_compounds
from loaders.extract.mentions import find_mentions
from loaders.extract.schema import Mention
from loaders.extract.text import prepare, tokens


def _sentence(text: str) -> SentenceTokens:
    """The tokens of a one-sentence text as the mention stage reads them."""
    doc = prepare(text)
    s = doc.sentences[0]
    toks = split_compounds(tokens(doc.clean, s.start, s.end), lexicon())
    texts = [t[2] for t in toks]
    return SentenceTokens(doc.clean, lexicon(), doc.lower_vocab, toks, texts, [t.lower() for t in texts])


def _run_texts(text: str) -> list[str]:
    st = _sentence(text)
    return [st.text[st.toks[a][0]:st.toks[b - 1][1]] for a, b in runs(st)]


@pytest.mark.parametrize(("text", "run"), [
    ("Exports fell, the Ministry of Trade, Industry and Energy said on Monday.",
     "Ministry of Trade, Industry and Energy"),
    ("The deal was signed with Warner Bros. Discovery in June.", "Warner Bros. Discovery"),
    ('The startup was founded by Chungin "Roy" Lee in the spring of that year.', 'Chungin "Roy" Lee'),
    ("The complaint was filed by Andrew N. Ferguson in the morning.", "Andrew N. Ferguson"),
    ("A lawyer for NYP Holdings, Inc. said the claim had no merit.", "NYP Holdings, Inc"),
    ("Students at the University of California, Berkeley protested on Friday.", "University of California, Berkeley"),
    ("An inquiry was opened by the Securities and Exchange Commission last week.",
     "Securities and Exchange Commission"),
    ("Savers were warned by the Office of Investor Education and Advocacy.",
     "Office of Investor Education and Advocacy"),
    ("The suit names Veltrix Health and Life Insurance Company as defendant.",
     "Veltrix Health and Life Insurance Company"),
    # a head's fields go on over "and" with words of the language; a common head ends a name after "and"
    ("Researchers at the Institute for Quantum Policy and Strategy wrote it.",
     "Institute for Quantum Policy and Strategy"),
    ("A report by the Hope and Courage Collective came out.", "Hope and Courage Collective"),
])
def test_a_run_goes_on_over_the_marks_and_words_inside_a_name(text: str, run: str) -> None:
    assert run in _run_texts(text)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The fund was praised by Beatrix Holm of Morningstar in a note.", "Beatrix Holm", "Morningstar"),
    ("We met Google and Samsung Electronics at the show.", "Google", "Samsung Electronics"),
    ("The suit names Veltrix Corporation and Veltrix Life Insurance Company.", "Veltrix Corporation",
     "Veltrix Life Insurance Company"),
    # a known name after "and" is a second actor, not a field of the first
    ("A deal by the Department of Justice and Google ended it.", "Department of Justice", "Google"),
])
def test_a_run_stops_between_two_names(text: str, first: str, second: str) -> None:
    found = _run_texts(text)
    assert first in found and second in found, found


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text", ["Data came from the Ministry of Transport, and ride-hailing grew.",
                                  "It cited the Department of Energy, and, later, others."])
def test_a_head_before_a_comma_and_a_lower_case_word_ends_the_run(text: str) -> None:
    # these once looped for ever: the field list after the comma was empty, so the run never moved on
    assert _run_texts(text)[-1].endswith(("Transport", "Energy"))


# a head of an institution, then what may or may not list its fields, then whatever comes next
_HEADS = ("the Ministry of Transport", "Department of Energy", "Senate Banking", "Committee on Science",
          "Bank of England", "Court for the Southern District", "Office of the", "Ada Lovelace", "Microsoft 365")
_LIST_PARTS = (",", ", and", " and", ", and,", " Space", ", Space", " Technology", "'s", " J.", ' "Roy"', " Inc.")
_AFTER = ("ride-hailing grew", "Technology said", "and others", ", later,", "of the", "for", "")


@pytest.mark.timeout(60)
@settings(max_examples=300, deadline=None)
@given(hs.sampled_from(_HEADS), hs.lists(hs.sampled_from(_LIST_PARTS), max_size=5), hs.sampled_from(_AFTER))
def test_runs_move_forward_and_never_overlap(head: str, parts: list[str], after: str) -> None:
    spans = runs(_sentence(f"It cited the {head}{''.join(parts)} {after} today."))
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


@pytest.mark.parametrize(("token", "name"), [("Ji-hoon", True), ("AI-powered", False), ("Pre-trained", False),
                                            ("xAI", True), ("R1", True), ("model", False)])
def test_name_tokens(token: str, name: bool) -> None:
    assert is_name_token(token) is name


def test_a_quoted_segment_starts_anew() -> None:
    st = _sentence('He said: "Regulators are slow," and left.')
    starts = initial_positions(st.toks, st.texts)
    assert st.texts.index("Regulators") in starts and st.texts.index("He") in starts


def test_a_known_compound_is_cut_around_the_name() -> None:
    assert "Nvidia" in _sentence("The Nvidia-powered servers were shipped on time.").texts


def _split(text: str, keep_from: int = 0) -> list[Mention]:
    """The mentions split_titles records for the first run of a sentence."""
    st = _sentence(text)
    doc_sentence = prepare(text).sentences[0]
    a, b = runs(st)[0]
    recorded: list[Mention] = []

    def emit(s: object, x: int, y: int, *, title: str | None = None, org_before: int | None = None,
             initial: bool = False, keep: int = 0) -> int:
        recorded.append(Mention(start=st.toks[x][0], end=st.toks[y - 1][1], text=" ".join(st.texts[x:y]),
                                sentence=0, title=title, org_before=org_before))
        return len(recorded) - 1

    a2 = strip_start(st, a, b, initial_positions(st.toks, st.texts))
    split_titles(st, doc_sentence, a2, b, a2 == 0, emit, keep=max(keep_from, a2))
    return recorded


def test_a_title_splits_an_organisation_from_a_person() -> None:
    org, person = _split("Quillbyte CEO Dana Whitcombe said the deal was fair.")
    assert (org.text, person.text, person.title, person.org_before) == ("Quillbyte", "Dana Whitcombe", "CEO", 0)


@pytest.mark.parametrize("text", ["The Justice Department sued the company.",
                                  "The Office of the Privacy Commissioner of Canada opened an inquiry."])
def test_a_title_word_inside_an_institution_does_not_split_it(text: str) -> None:
    assert len(_split(text)) == 1


def test_a_sentence_initial_common_word_is_stripped() -> None:
    st = _sentence("Regulators Quillbyte and others met.")
    assert st.texts[strip_start(st, 0, 2, {0})] == "Quillbyte"


def test_a_known_name_starting_a_run_is_kept_whole() -> None:
    st = _sentence("Getty Images sued the startup.")
    assert known_prefix(st, 0, 2) == (0, 2)


@pytest.mark.parametrize(("text", "words"), [("Quillbyte Labs of", 2), ("Chips and Science Act", None),
                                             ("GPUs", None)])
def test_a_name_ends_before_words_that_never_end_one(text: str, words: int | None) -> None:
    st = _sentence(text)
    assert name_end(st, 0, len(st.toks)) == words


@pytest.mark.parametrize(("text", "group"), [
    ("Critics said the app was unsafe.", "critics"),
    ("Some suspect the deal was rushed.", "some"),
    ("A Quillbyte product manager said it was fine.", "Quillbyte product manager"),
])
def test_group_actors(text: str, group: str) -> None:
    groups = [m.group for m in find_mentions(prepare(text)).mentions if m.group]
    assert groups == [group]


def test_groups_need_a_group_noun() -> None:
    st = _sentence("The board met on Monday.")
    found: list[Mention] = []
    add_groups(st, prepare("The board met on Monday.").sentences[0], found)
    assert found == []
