"""Bare titles of office before a name (loaders/extract/office_titles.py) and the bare-title and union readings of
loaders/extract/affiliations.py, on invented names."""

from __future__ import annotations

import pytest
from real_news_cases import check_roles

from loaders.extract import extract


def _pairs(text: str) -> set[tuple[str, str]]:
    ex = extract(text)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]) for r in ex.relations if r.predicate == "affiliated_with"}


@pytest.mark.parametrize(("text", "pairs"), [
    # the one body of the text whose name holds the title's word (its qualifier first)
    ("The Office of the Data Protection Commissioner opened an inquiry into Halvex on Monday. Data Commissioner "
     "Dana Holt will oversee the exercise.", [("Dana Holt", "Office of the Data Protection Commissioner")]),
    ("The Halvex Unified School District bought the tool in March. Superintendent Omar Reyes called it a game "
     "changer.", [("Omar Reyes", "Halvex Unified School District")]),
    # a union the text never names as one: the story's topic
    ("The Kestrel Actors Federation said on Monday that its members would strike. The Kestrel Actors Federation "
     "has bargained with Halvex Games for a year. The Kestrel Actors Federation wants AI protections.\n\nLena Marsh, "
     "the union's national executive director, said talks had failed.", [("Lena Marsh", "Kestrel Actors Federation")]),
])
def test_the_office_is_found(text: str, pairs: list[tuple[str, str]]) -> None:
    check_roles(text, pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # a judge's court and a mayor's city are often another one of the text
    ("The Halvex District Court heard the case. Judge Dana Holt of Kestrel ruled on Monday.",
     ("Dana Holt", "Halvex District Court")),
    # two bodies of the title's word: none is chosen
    ("The Halvex Commission and the Kestrel Commission met. Commissioner Omar Reyes spoke first.",
     ("Omar Reyes", "Halvex Commission")),
    # a capitalised word before a bare executive title names the title's own body, not the story's company
    ("Halvex Robotics said its robots were safe. Halvex Robotics tested them for a year. Halvex Robotics will "
     "resume. University spokesperson Lena Marsh said the campus had asked for a pause.",
     ("Lena Marsh", "Halvex Robotics")),
])
def test_no_office_without_its_one_body(text: str, pair: tuple[str, str]) -> None:
    assert pair not in _pairs(text)
