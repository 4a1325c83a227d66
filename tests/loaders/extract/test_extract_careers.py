"""Affiliations told as career moves, backers and back-references (loaders.extract.careers), on invented sentences."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans

from loaders.extract import extract


def _roles(text: str) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(person, organisation) -> (role, rule) of the affiliated_with relations of a text."""
    ex = extract(text)
    check_spans(text, ex)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]): (r.role, r.rule) for r in ex.relations if r.predicate == "affiliated_with"}


@pytest.mark.parametrize(("text", "pair", "role", "rule"), [
    ("Tara Lind became interim chief executive of Orvane Robotics in March.", ("Tara Lind", "Orvane Robotics"),
     "chief executive", "relation.appointed.v1"),
    ("Tara Lind was named chief financial officer of Orvane Robotics last week.", ("Tara Lind", "Orvane Robotics"),
     "chief financial officer", "relation.appointed.v1"),
    ("Orvane Robotics appointed Tara Lind as its chief financial officer.", ("Tara Lind", "Orvane Robotics"),
     "chief financial officer", "relation.appointed.v1"),
    ("Tara Lind, who stepped down as Orvane Robotics' chief executive, said the board erred.",
     ("Tara Lind", "Orvane Robotics"), "former chief executive", "relation.departed.v1"),
    ("Tara Lind, formerly of Harbor Ventures, said the chips were late.", ("Tara Lind", "Harbor Ventures"), "former",
     "relation.departed.v1"),
    ("Meanwhile, Orvane Robotics, led by CEO Tara Lind and backed by Ben Cole and Harbor Ventures, is raising "
     "money.", ("Ben Cole", "Orvane Robotics"), "investor", "relation.person_backer.v1"),
    ("Orvane Robotics, whose investors include Ben Cole, raised money.", ("Ben Cole", "Orvane Robotics"), "investor",
     "relation.person_backer.v1"),
    ("The House Select Committee on Trade met on Monday. Representative Dana Whitcombe, who chairs the committee, "
     "wrote to the agency.", ("Dana Whitcombe", "House Select Committee on Trade"), "chair",
     "relation.chairs_the.v1"),
    ("Tara Lind, Orvane Robotics' former chief technology officer, set up Quillbyte Labs last year.",
     ("Tara Lind", "Quillbyte Labs"), "founder", "relation.founded_by_subject.v1"),
    ("Harbor Ventures, the private investment firm of Ben Cole, joined the round.", ("Ben Cole", "Harbor Ventures"),
     "founder", "relation.firm_of.v1"),
])
def test_career_moves_backers_and_back_references(text: str, pair: tuple[str, str], role: str, rule: str) -> None:
    assert _roles(text).get(pair) == (role, rule), _roles(text)


def test_a_title_shared_by_two_organisations_affiliates_with_both() -> None:
    roles = _roles("Tara Lind, the Orvane Robotics and Harbor Ventures chief executive, sued Zentrix Labs.")
    assert {("Tara Lind", "Orvane Robotics"), ("Tara Lind", "Harbor Ventures")} <= set(roles)
    assert ("Tara Lind", "Zentrix Labs") not in roles


def test_the_ceo_in_a_led_by_clause_heads_the_organisation() -> None:
    roles = _roles("Orvane Robotics, led by CEO Tara Lind, is raising money.")
    assert roles.get(("Tara Lind", "Orvane Robotics"), (None, ""))[0] == "CEO"


@pytest.mark.parametrize("text", [
    "Tara Lind, who chairs the company, said Orvane Robotics and Harbor Ventures would merge.",
    "Orvane Robotics, backed by Harbor Ventures, hired Tara Lind.",
    "Tara Lind became a critic of Orvane Robotics in March.",
])
def test_no_affiliation_without_a_stated_role(text: str) -> None:
    assert ("Tara Lind", "Orvane Robotics") not in _roles(text) and ("Tara Lind", "Harbor Ventures") not in _roles(text)


def test_a_product_launch_founds_nothing() -> None:
    assert _roles("Tara Lind launched Quillbyte Labs' new model at an event in Oslo.") == {}


@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Tara Lind left Kestrel Systems. Lind remains a professor at Velmora University.",
     ("Tara Lind", "Velmora University"), "professor"),
    ("Tara Lind is the chief executive of Orvane Robotics.", ("Tara Lind", "Orvane Robotics"), "chief executive"),
    ("Tara Lind is CEO of Orvane Robotics.", ("Tara Lind", "Orvane Robotics"), "CEO"),
    ("Tara Lind was previously head of research at Orvane Robotics.", ("Tara Lind", "Orvane Robotics"),
     "former head of research"),
    ("Tara Lind serves as general counsel at Orvane Robotics.", ("Tara Lind", "Orvane Robotics"), "general counsel"),
])
def test_a_role_stated_as_the_predicate(text: str, pair: tuple[str, str], role: str) -> None:
    assert _roles(text).get(pair) == (role, "relation.role_predicate.v1")


@pytest.mark.parametrize("text", [
    "Tara Lind is a longtime critic of Orvane Robotics.",
    "Tara Lind was the first investor in Orvane Robotics.",
])
def test_a_predicate_with_no_role_places_no_one(text: str) -> None:
    assert ("Tara Lind", "Orvane Robotics") not in _roles(text)
