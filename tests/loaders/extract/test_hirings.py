"""Hirings, joinings, past jobs, founders after "set up by", staff lists and successions
(loaders/extract/hirings.py), on invented names."""

from __future__ import annotations

import pytest
from real_news_cases import check_roles

from loaders.extract import extract


@pytest.mark.parametrize(("text", "pairs"), [
    ("Kestrel Systems has hired former Halvex researcher Dana Holt to lead its robotics unit.",
     [("Dana Holt", "Kestrel Systems")]),
    ("Kestrel Systems appointed Dana Holt, its longest-serving engineer, as head of research.",
     [("Dana Holt", "Kestrel Systems")]),
    ("Dana Holt said on Monday that she will be joining Kestrel Systems as chief technology officer.",
     [("Dana Holt", "Kestrel Systems")]),
    ("Dana Holt joined Kestrel Systems in 2019 after spending six years at Halvex.",
     [("Dana Holt", "Kestrel Systems"), ("Dana Holt", "Halvex")]),
    ("Kestrel Systems is run by Dana Holt, an engineer who used to work at Halvex.", [("Dana Holt", "Halvex")]),
    ("Quill Labs was set up by former Halvex researchers Dana Holt, Omar Reyes and Lena Marsh.",
     [("Dana Holt", "Quill Labs"), ("Omar Reyes", "Quill Labs"), ("Lena Marsh", "Quill Labs")]),
    ("Quill Labs has hired a roster of former Halvex staff including co-founder Dana Holt and former vice-president "
     "Omar Reyes.", [("Dana Holt", "Halvex"), ("Omar Reyes", "Halvex")]),
    ("Omar Reyes, who succeeded Dana Holt as Halvex's policy chief last year, said the rule was late.",
     [("Dana Holt", "Halvex"), ("Omar Reyes", "Halvex")]),
])
def test_the_role_is_found(text: str, pairs: list[tuple[str, str]]) -> None:
    check_roles(text, pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # a past joining told in a relative clause, with no role and no date, is left to other rules
    ("Omar Reyes, who had briefly joined Halvex, became the lab's chief scientist.", ("Omar Reyes", "Halvex")),
    # "named" without a role after the person is no appointment
    ("Kestrel Systems named Dana Holt in its lawsuit on Monday.", ("Dana Holt", "Kestrel Systems")),
])
def test_no_role_without_its_cue(text: str, pair: tuple[str, str]) -> None:
    ex = extract(text)
    kl = {e.key: e.label for e in ex.entities}
    assert pair not in {(kl[r.subject], kl[r.object]) for r in ex.relations if r.predicate == "affiliated_with"}
