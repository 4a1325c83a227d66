"""The title patterns of loaders/extract/relations.py: a kind of organisation before its name, and a portfolio that
is no organisation, on invented names."""

from __future__ import annotations

import pytest
from extract_helpers import rels
from real_news_cases import check_roles

from loaders.extract import extract


def test_a_kind_of_organisation_between_the_preposition_and_the_name() -> None:
    check_roles("Dana Holt, executive director of the privacy coalition Kestrel Alliance, said the rule was weak.",
                [("Dana Holt", "Kestrel Alliance")])


@pytest.mark.parametrize(("text", "pair"), [
    # "Interior Minister X" makes no entity of "Interior": a name the mention stage keeps is the case to test
    ("Health and Social Care Secretary Dana Holt said the police would use the tool.", ("Dana Holt", "Social Care")),
    ("Treasury Secretary Omar Reyes met Halvex executives.", ("Omar Reyes", "Treasury")),
])
def test_a_ministers_portfolio_is_no_organisation(text: str, pair: tuple[str, str]) -> None:
    assert pair not in rels(extract(text), "affiliated_with")
