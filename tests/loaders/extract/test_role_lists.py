"""Plural titles over a list of names and a funding round's listed investors (loaders/extract/role_lists.py), a
company officer's bare title (loaders/extract/affiliations.py) and portfolios that are no organisation
(loaders/extract/relations.py), on invented names."""

from __future__ import annotations

import pytest
from real_news_cases import check_roles

from loaders.extract import extract


def _pairs(text: str) -> set[tuple[str, str]]:
    ex = extract(text)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]) for r in ex.relations if r.predicate == "affiliated_with"}


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
    # a company's officer named bare after the company was just named
    ("Halvex Robotics held its annual meeting on Thursday. Halvex Robotics shareholders backed the plan. Halvex "
     "Robotics shares rose. Board chair Lena Marsh sounded more sceptical.", [("Lena Marsh", "Halvex Robotics")]),
    # a kind of organisation between the title's preposition and the name
    ("Dana Holt, executive director of the privacy coalition Kestrel Alliance, said the rule was weak.",
     [("Dana Holt", "Kestrel Alliance")]),
    # the people of a funding round's investor list
    ("Halvex Robotics has raised $100 million in a Series C round from investors including Kestrel Capital, "
     "Sequoia Capital and Dana Holt.", [("Dana Holt", "Halvex Robotics")]),
])
def test_listed_and_bare_roles(text: str, pairs: list[tuple[str, str]]) -> None:
    check_roles(text, pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # a minister's portfolio is no organisation
    ("Interior Minister Dana Holt said the police would use the tool.", ("Dana Holt", "Interior")),
    ("Treasury Secretary Omar Reyes met Halvex executives.", ("Omar Reyes", "Treasury")),
    # a staff list is not read: the two may be the company's critics
    ("Halvex Robotics fired two Halvex representatives, Dana Holt and Omar Reyes, after they spoke to the press.",
     ("Omar Reyes", "Halvex Robotics")),
    # an officer's bare title with another organisation named in the sentence is not read
    ("Halvex Robotics held its annual meeting. Halvex Robotics shares rose. Halvex Robotics will pay a dividend. "
     "Kestrel Capital hired executive director Lena Marsh last year.", ("Lena Marsh", "Halvex Robotics")),
])
def test_roles_not_read(text: str, pair: tuple[str, str]) -> None:
    assert pair not in _pairs(text)
