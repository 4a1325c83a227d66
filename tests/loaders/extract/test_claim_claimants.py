"""Who a claim is credited to: the organisation a "Name-led company" is, the first of two joint speakers, and never
a public body or a news outlet for "the company"."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from tests.loaders.extract.test_extract_claims import claims_of


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # the leader's name describes the company that speaks
    ("Zentrix Labs chief executive Ada Pike spoke in Paris on Monday. The Ada Pike-led company told the committee "
     "that its models answer 40% of customer questions.", "Zentrix Labs",
     "its models answer 40% of customer questions"),
    # joint speakers: the first named
    ("A study by Zentrix Labs and Halden University found that 40% of the chatbot answers were wrong.",
     "Zentrix Labs", "40% of the chatbot answers were wrong"),
    ("Introducing the model, Zentrix's Ada Pike and Ben Okafor wrote that Orbi shows strong reasoning abilities "
     "on medical questions.", "Ada Pike", "Orbi shows strong reasoning abilities"),
])  # fmt: skip
def test_the_claimant_is_who_speaks(text: str, claimant: str, statement: str) -> None:
    found = claims_of(extract(text))
    assert any(c[0] == claimant and statement in c[1] for c in found), found


def test_the_company_is_no_regulator() -> None:
    """"The company said …" after a regulator's complaint about a company the typing reads as a person: no company
    the article introduces speaks, and the regulator does not."""
    text = ("The Federal Trade Commission said Halvorsen used facial recognition in its stores without telling "
            "customers. The company said the technology had been part of a pilot program in a few stores.")
    found = claims_of(extract(text))
    assert not any(c[0] == "Federal Trade Commission" and "pilot program" in c[1] for c in found), found
