"""Plural titles over a list of names and a funding round's listed investors (loaders/extract/role_lists.py), on
invented names."""

from __future__ import annotations

import pytest
from extract_helpers import rels
from real_news_cases import check_roles

from loaders.extract import extract


@pytest.mark.parametrize(("text", "pairs"), [
    # a plural leaders' title, a comma, then the list
    ("His fellow Halvex co-founders, Dana Holt and Omar Reyes, were researchers at Kestrel Labs.",
     [("Dana Holt", "Halvex"), ("Omar Reyes", "Halvex")]),
    # the list first, then the plural title and its organisation
    ("Dana Holt and Omar Reyes, co-founders of the startup Halvex Robotics, spoke on Monday.",
     [("Dana Holt", "Halvex Robotics"), ("Omar Reyes", "Halvex Robotics")]),
    # a past role shared by the list, whatever the title
    ("Kestrel Labs was launched in 2022 by Dana Holt and Omar Reyes, both former Halvex engineers.",
     [("Dana Holt", "Halvex"), ("Omar Reyes", "Halvex")]),
    # the people of a funding round's investor list
    ("Halvex Robotics has raised $100 million in a Series C round from investors including Kestrel Capital, "
     "Sequoia Capital and Dana Holt.", [("Dana Holt", "Halvex Robotics")]),
])
def test_a_listed_title_covers_every_name(text: str, pairs: list[tuple[str, str]]) -> None:
    check_roles(text, pairs)


def test_a_staff_list_is_not_read() -> None:
    """Only leaders' titles are read: the two may be the company's critics."""
    text = ("Halvex Robotics fired two Halvex representatives, Dana Holt and Omar Reyes, after they spoke to the "
            "press.")
    assert ("Omar Reyes", "Halvex Robotics") not in rels(extract(text), "affiliated_with")
