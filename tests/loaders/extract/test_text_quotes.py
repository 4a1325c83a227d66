"""Single quotes as quotation marks in the cleaned view: British '…' / ‘…’ read as “…”, apostrophes left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.extract import extract
from loaders.extract.text import clean

_WORDS = st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), min_size=1, max_size=6).map(" ".join)


@pytest.mark.parametrize(("raw", "view"), [
    ("He called it 'a disaster' today.", "He called it “a disaster” today."),
    ("‘This is bad,’ she said.", "“This is bad,” she said."),
    ("warned: 'AI is no substitute'.", "warned: “AI is no substitute”."),
    ("the 'Sky' voice", "the “Sky” voice"),
    ("‘It is “awful” really.’", "“It is ‘awful’ really.”"),  # the quote within the quote becomes the single one
    ("said: 'A is bad.\n\n'B is worse.'", "said: “A is bad.\n\n“B is worse.”"),  # goes on in the next paragraph
    ("Meta calls it 'overreach'\n\nHe said 'no' today.", "Meta calls it 'overreach'\n\nHe said “no” today."),
    ("He said 'no'.\n\nShe said 'yes'.", "He said “no”.\n\nShe said “yes”."),  # a first line that is prose
])
def test_single_quotes_become_double(raw: str, view: str) -> None:
    assert clean(raw) == view


@pytest.mark.parametrize("raw", [
    "don't, won't, it's, Altman's",
    "the companies' data and the users' rights",
    "rock 'n' roll in the '90s",
    "back in '24 they sued",
    "'Tis the season, 'cause of 'em",
    "“She was like, 'So we're doing it,' and left.”",  # a quote within a double-quoted one stays single
    "an opening ' with no word after it",
    "it's 'unclosed at the end",
])
def test_apostrophes_and_inner_quotes_stay(raw: str) -> None:
    assert clean(raw) == raw


@settings(max_examples=200, deadline=None)
@given(_WORDS, _WORDS, st.sampled_from(["'", "’"]))
def test_apostrophes_inside_words_never_change(a: str, b: str, mark: str) -> None:
    raw = f"{a}{mark}s {b}{mark}t {a}s{mark} {b}"
    assert clean(raw) == raw


# words that an opening mark before them elides ("'em", "'tis", "rock 'n' roll"): a quote starting with one is ambiguous
_ELIDED = frozenset({"n", "em", "til", "cause", "cos", "tis", "twas", "bout", "round"})
_PHRASES = _WORDS.filter(lambda phrase: phrase.split()[0].lower() not in _ELIDED)


@settings(max_examples=200, deadline=None)
@given(_WORDS, _PHRASES, st.sampled_from([("'", "'"), ("‘", "’")]), st.sampled_from([".", ",", "", "!"]))
def test_a_quoted_phrase_is_marked_at_its_own_offsets(before: str, body: str, marks: tuple[str, str],
                                                       stop: str) -> None:
    raw = f"{before} {marks[0]}{body}{stop}{marks[1]} she said."
    view = clean(raw)
    assert len(view) == len(raw)
    opened = len(before) + 1
    closed = opened + len(body) + len(stop) + 1
    assert (view[opened], view[closed]) == ("“", "”")
    assert view[:opened] + view[opened + 1:closed] + view[closed + 1:] == \
        raw[:opened] + raw[opened + 1:closed] + raw[closed + 1:]


def test_british_quote_is_attributed_like_a_double_one() -> None:
    """The same statement in either style gives the same criticism, its evidence an exact span of the stored text."""
    base = "Vantage Robotics launched its chatbot on Monday. Lena Ortiz said: {o}Vantage Robotics has misled " \
           "its users and its chatbot is a dangerous failure.{c}"
    found = []
    for o, c in (("“", "”"), ("'", "'")):
        text = base.format(o=o, c=c)
        ex = extract(text)
        labels = {e.key: e.label for e in ex.entities}
        found.append(sorted((labels[x.critic], labels[x.target]) for x in ex.criticisms))
        # the quote is the article's own characters, not the cleaned view's
        assert all(x.quote is None or x.quote in text for x in ex.criticisms)
    assert found[0] == found[1] == [("Lena Ortiz", "Vantage Robotics")]
