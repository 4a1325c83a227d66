"""Claims: who speaks in reported speech (a named spokesperson set off by commas), what reported speech holds (a
colon's direct quote is judged as a quote), and which contents are no statement."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.extract.claim_filters import is_statement
from tests.loaders.extract.extract_helpers import key_label


def claims_of(text: str) -> list[tuple[str, str]]:
    """(claimant label, text) of every claim extracted from a text."""
    ex = extract(text)
    kl = key_label(ex)
    return [(kl[c.claimant], c.text) for c in ex.claims]


@pytest.mark.parametrize("opening", [
    "A spokesperson for Zentrix Labs, Ann Lee, said",
    "Zentrix Labs' head of communications, Ann Lee, said",
])
def test_a_named_spokesperson_set_off_by_commas_speaks(opening: str) -> None:
    found = claims_of(f"{opening} that the model has been trained on licensed data since 2023.")
    assert [c for c, _ in found] == ["Ann Lee"], found


def test_a_name_before_a_participle_of_speech_is_not_its_subject() -> None:
    text = ("Priya Raman said the voice was cast before any contact with Ann Lee, asserting that it was never meant to "
            "sound like her.")
    assert "Ann Lee" not in [c for c, _ in claims_of(text)]


def test_a_quote_after_a_colon_is_judged_as_a_quote() -> None:
    text = ("Priya Raman, the chief executive of Zentrix Labs, stated plainly: "
            "“Zentrix Labs is going to be agent-first.”")
    assert claims_of(text) == []


@pytest.mark.parametrize(("content", "expected"), [
    # after a possessive, an -s word is a noun: no clause
    ("Ann Lee's contributions in a post of her own", False),
    ("Ann Lee contributes to the project every week", True),
    # a stated focus is a purpose, not a fact
    ("its singular focus is building safe systems", False),
    ("its focus on safety has reduced incidents by half", True),
])
def test_contents_that_are_no_statement(content: str, expected: bool) -> None:
    assert is_statement(content) is expected
