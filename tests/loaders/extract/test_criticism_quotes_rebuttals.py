"""A quote rebutting criticism ("This complaint is misleading") judges whoever made it; where no such critic was found,
it judges nobody rather than the subject at hand (the speaker's own side, a venue or a bystander)."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label

from loaders.extract import extract
from loaders.extract.criticism_quotes import QUOTED_JUDGEMENT

_SPEAKER = "said Mara Quist, a Zentrix Labs spokeswoman."
_VENUE = ("The European Commission confirmed on Monday that it had received the filing, and the European Commission "
          "will review it.\n\n")


def _quote_pairs(text: str) -> set[tuple[str, str]]:
    """The (critic, target) pairs the quote rule found."""
    ex = extract(text)
    check_spans(text, ex)
    names = key_label(ex)
    return {(names[c.critic], names[c.target]) for c in ex.criticisms if c.rule == QUOTED_JUDGEMENT}


@pytest.mark.parametrize("text", [
    "Publishers have taken their case about Zentrix Labs to the European Commission. " + _VENUE +
    "“This complaint is misleading and ignores the billions of visits we send to publishers,” " + _SPEAKER,
    "Zentrix Labs faces pressure from publishers in Brussels. " + _VENUE +
    "“The accusations are false and misleading,” " + _SPEAKER,
])
def test_rebuttal_of_unnamed_critics_judges_nobody(text: str) -> None:
    assert ("Mara Quist", "European Commission") not in _quote_pairs(text)


def test_rebuttal_judges_its_critic() -> None:
    text = ("Analyst Tom Reyes accused Zentrix Labs of misleading users about its chatbot.\n\n"
            "“These claims are false and misleading,” " + _SPEAKER)
    assert ("Mara Quist", "Tom Reyes") in _quote_pairs(text)
