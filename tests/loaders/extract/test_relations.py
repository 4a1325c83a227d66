"""The title patterns of loaders/extract/relations.py: a kind of organisation before its name, and a portfolio that
is no organisation, on invented names."""

from __future__ import annotations

import pytest
from extract_helpers import rels
from real_news_cases import check_roles

from loaders.extract import extract
from loaders.extract.relations import _patterns


def test_a_kind_of_organisation_between_the_preposition_and_the_name() -> None:
    check_roles("Dana Holt, executive director of the privacy coalition Kestrel Alliance, said the rule was weak.",
                [("Dana Holt", "Kestrel Alliance")])


@pytest.mark.parametrize(("gap", "matches"), [
    (", executive director of the privacy coalition ", True),
    (", co-founder and CEO of AI music generator ", True),
    (", research director at the trading platform ", True),
    (", a partner at ", True),
    # the description ends in a kind of organisation, right before the name: not a clause that runs on
    (", executive director of the coalition that sued ", False),
])
def test_the_apposition_gap_allows_a_kind_of_organisation(gap: str, matches: bool) -> None:
    """The end-to-end case above is also read by another path of the same rule; this one fails without the kind."""
    assert bool(_patterns()["appos_of"].match(gap)) is matches


@pytest.mark.parametrize(("text", "pair"), [
    # "Interior Minister X" makes no entity of "Interior": a name the mention stage keeps is the case to test
    ("Health and Social Care Secretary Dana Holt said the police would use the tool.", ("Dana Holt", "Social Care")),
    ("Treasury Secretary Omar Reyes met Halvex executives.", ("Omar Reyes", "Treasury")),
])
def test_a_ministers_portfolio_is_no_organisation(text: str, pair: tuple[str, str]) -> None:
    assert pair not in rels(extract(text), "affiliated_with")
