"""Stage 1: same-length cleaning, sentence splitting, headings."""

from __future__ import annotations

import pytest

from loaders.extract.text import clean, prepare


def test_clean_keeps_length_and_offsets() -> None:
    raw = "Foo&amp;Bar\u00a0said\u200b hi &eacute; &bogus; x"
    view = clean(raw)
    assert len(view) == len(raw)
    assert view.startswith("Foo&    Bar said  hi")
    assert "&bogus;" in view


def test_sentences_respect_abbreviations_and_keep_offsets() -> None:
    text = "Dr. Lena Ortiz moved to the U.S. last year. She joined Zentrix Inc. in May.\nNew paragraph here."
    doc = prepare(text)
    assert [s.text for s in doc.sentences] == [
        "Dr. Lena Ortiz moved to the U.S. last year.",
        "She joined Zentrix Inc. in May.",
        "New paragraph here.",
    ]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("name", ["Harold P.J. Vance", "J.K. Marlow", "Ana M.T. Ruiz"])
def test_dotted_initials_do_not_end_a_sentence(name: str) -> None:
    doc = prepare(f"The writers include {name} and others. They sued on Monday.")
    assert [s.text for s in doc.sentences] == [f"The writers include {name} and others.", "They sued on Monday."]


def test_glued_sentences_are_split() -> None:
    doc = prepare("The model improved.Some experts disagree.")
    assert len(doc.sentences) == 2


def test_title_case_line_is_a_heading() -> None:
    doc = prepare("Why Quantum Startups Are Raising Huge Rounds Again\nThe money keeps coming, analysts say.")
    assert doc.sentences[0].heading
    assert not doc.sentences[1].heading
