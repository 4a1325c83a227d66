"""The plural nouns of people a speaker may be described by (loaders.extract.plural_speakers)."""

from __future__ import annotations

import pytest

from loaders.extract.plural_speakers import plural_noun


@pytest.mark.parametrize(("phrase", "noun"), [
    ("lawmakers", "lawmakers"),
    ("the three Senators", "senators"),
    ("authors", "authors"),
    ("analysts", None),  # a firm's voice, not a list of named persons
    ("the company", None),
    ("", None),
])
def test_plural_noun(phrase: str, noun: str | None) -> None:
    assert plural_noun(phrase) == noun
