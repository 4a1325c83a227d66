"""The header stage: an article's own headline and date, read where no metadata gives them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import DateRef
from loaders.dateline import read_header
from loaders.documents import RawDocument
from loaders.pipeline import build_document

BODY = "\n\nThe company said on Thursday that critics were wrong. Analysts disagreed."


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("LONDON, June 4, 2025 (Reuters) - Anthropic said on Thursday it had raised money.", "2025-06-04"),
        ("Regulator fines chatbot maker\nPublished: 12 March 2024" + BODY, "2024-03-12"),
        ("Authors sue AI lab over books\nUpdated Jan. 3, 2025 10:04 AM ET" + BODY, "2025-01-03"),
        ("Authors sue AI lab over books\nWed 4 Jun 2025 10.00 BST" + BODY, "2025-06-04"),
        ("Authors sue AI lab over books\n2025-06-04" + BODY, "2025-06-04"),
        ("Authors sue AI lab over books\nBy Jane Roe, Reuters\nMay 2, 2024 (AP) — The suit says" + BODY, "2024-05-02"),
    ],
)
def test_the_header_dates_the_article(text: str, date: str) -> None:
    published = read_header(text).published
    assert published is not None and published.value == date and published.inferred


@pytest.mark.parametrize(
    "text",
    [
        "The company said on June 4, 2025 that it had raised money." + BODY,  # an event's date, in a sentence
        "SAN FRANCISCO, June 4 (AP) — OpenAI said things." + BODY,  # no year: not a date to rely on
        "Headline of a story\n\nFirst paragraph.\n\nSecond.\n\nThird.\n\nFourth.\nJune 4, 2025",  # too far down
    ],
)
def test_dates_that_do_not_date_the_article(text: str) -> None:
    assert read_header(text).published is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("OpenAI hits back at NYT: you hacked our chatbot" + BODY, "OpenAI hits back at NYT: you hacked our chatbot"),
        ("OpenAI said on Monday it would appeal the ruling." + BODY, None),  # a sentence, not a headline
        ("June 4, 2025" + BODY, None),  # a date line
        ("Short" + BODY, None),
    ],
)
def test_a_headline_first_line_is_the_title(text: str, title: str | None) -> None:
    assert read_header(text).title == title


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=300))
def test_no_digit_no_date(text: str) -> None:
    """A header without a single digit can name no day: nothing is inferred."""
    assert read_header(text).published is None


def test_metadata_wins_and_the_header_fills_the_gaps() -> None:
    text = "Regulator fines chatbot maker\nPublished: 12 March 2024" + BODY
    inferred = build_document(RawDocument(text=text, origin="a.txt")).meta
    assert inferred.title == "Regulator fines chatbot maker"
    assert inferred.published is not None and inferred.published.value == "2024-03-12"
    assert inferred.published.inferred
    stated = DateRef(value="2024-03-13", precision="day")
    given_meta = build_document(RawDocument(text=text, origin="a.txt", title="T", published=stated)).meta
    assert given_meta.title == "T" and given_meta.published is not None
    assert given_meta.published.value == "2024-03-13" and not given_meta.published.inferred
