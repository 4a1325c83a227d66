"""Workplaces named after a person: an occupation outside the role lexicon, a department before the employer, a
description before the organisation, "X of Y" (loaders/extract/workplaces.py), on invented names."""

from __future__ import annotations

import pytest
from real_news_cases import check_roles

from loaders.extract import extract


@pytest.mark.parametrize(("text", "pairs"), [
    ('"The paper should be retracted," says Dana Holt, a solid-state chemist at Halvex University.',
     [("Dana Holt", "Halvex University")]),
    ("Omar Reyes, head of equity trading at Kestrel Capital, drew the same parallel.",
     [("Omar Reyes", "Kestrel Capital")]),
    ("Lena Marsh of the consumer advocacy group Fairwater Trust went further.", [("Lena Marsh", "Fairwater Trust")]),
    ("Dana Holt, a general partner at robotics-focused VC firm Kestrel Ventures and a co-founder of Quill Labs, said "
     "the market was small.", [("Dana Holt", "Kestrel Ventures"), ("Dana Holt", "Quill Labs")]),
    ("Omar Reyes, a materials scientist at Halvex National Laboratory (HNL) and Kestrel University, stands by it.",
     [("Omar Reyes", "Halvex National Laboratory"), ("Omar Reyes", "Kestrel University")]),
    # an organisation written with "The"; two organisations after one title
    ("The firm took aim at Dana Holt, a consultant oncologist at The Halvex Foundation Trust.",
     [("Dana Holt", "Halvex Foundation Trust")]),
    ("Omar Reyes, co-founder and CEO of Halvex and Kestrel Labs, said he was thrilled.",
     [("Omar Reyes", "Halvex"), ("Omar Reyes", "Kestrel Labs")]),
    # a relative clause with a copula: "who is now", "who is Y's ... and a ... at Z", "who served as Y commissioner"
    ("Dana Holt, a former executive at Halvex who is now chief executive of Kestrel Trust, said it was late.",
     [("Dana Holt", "Kestrel Trust")]),
    ("Omar Reyes, who is Halvex's chief AI scientist and a professor at Kestrel University, was speaking.",
     [("Omar Reyes", "Halvex"), ("Omar Reyes", "Kestrel University")]),
    ("According to Lena Marsh, who served as FTC commissioner between 2016 and 2017, the agency has changed.",
     [("Lena Marsh", "FTC")]),
    # the organisation before the occupation; a place's possessive or adjectives before it; "from"
    ("Omar Reyes, the Halvex Labs mathematician and chess champion who attended, urged caution.",
     [("Omar Reyes", "Halvex Labs")]),
    ("Lena Marsh, a spokesperson for Norland's Ministry of Digital Affairs, said it was fine.",
     [("Lena Marsh", "Ministry of Digital Affairs")]),
    ("Dana Holt, a lawmaker from the opposition Kestrel Party, said she had written to the regulator.",
     [("Dana Holt", "Kestrel Party")]),
    ("Omar Reyes from the University of Halvex said the companies wanted the sky.",
     [("Omar Reyes", "University of Halvex")]),
    # a title before an honorific: "Babylon's medical director Dr X" (relations.py)
    ("Speaking in London, Kestrel Health's medical director Dr Lena Marsh said the pass mark was 72%.",
     [("Lena Marsh", "Kestrel Health")]),
])
def test_the_workplace_is_found(text: str, pairs: list[tuple[str, str]]) -> None:
    check_roles(text, pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # a judgement, an appearance and a visit hold no job
    ("Dana Holt, a longtime critic of Halvex, spoke at Kestrel Systems on Monday.", ("Dana Holt", "Kestrel Systems")),
    ("Omar Reyes, speaking at Halvex University, said the rule was late.", ("Omar Reyes", "Halvex University")),
    ("Lena Marsh, who spoke at Kestrel Systems last week, said the rule was late.", ("Lena Marsh", "Kestrel Systems")),
    ("Dana Holt, who is a critic of Halvex, spoke.", ("Dana Holt", "Halvex")),
    ("Omar Reyes, a Kestrel driver, crashed on Monday.", ("Omar Reyes", "Kestrel")),
    # units named after "for" are no second employer; a possessive after "and" is another party's
    ("Dana Holt, its vice president for Halvex Search and Kestrel Strategy, is stepping down.",
     ("Dana Holt", "Kestrel Strategy")),
    ("Omar Reyes, the chief executive of Halvex and Kestrel's partner, spoke.", ("Omar Reyes", "Kestrel")),
])
def test_no_workplace_without_a_job(text: str, pair: tuple[str, str]) -> None:
    ex = extract(text)
    kl = {e.key: e.label for e in ex.entities}
    assert pair not in {(kl[r.subject], kl[r.object]) for r in ex.relations if r.predicate == "affiliated_with"}
