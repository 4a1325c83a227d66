"""Affiliations from longer appositions, relative clauses, lists of names and modified titles (invented sentences)."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans

from loaders.extract import extract


def _roles(text: str) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(person, organisation) -> (role, rule) of every affiliated_with relation, spans checked."""
    ex = extract(text)
    check_spans(text, ex)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]): (r.role, r.rule) for r in ex.relations if r.predicate == "affiliated_with"}


@pytest.mark.parametrize(("text", "person", "org", "rule"), [
    ("Marta Quell, Dunmore Robotics's chief executive, said the robots were ready.", "Marta Quell",
     "Dunmore Robotics", "relation.possessive_apposition.v1"),
    ("“We will appeal,” said Omar Lindqvist, Verantis’s co-founder and chief operating officer.", "Omar Lindqvist",
     "Verantis", "relation.possessive_apposition.v1"),
    ("Teodor Hale, a professor of computer vision at the University of Tasmania, doubted the figures.",
     "Teodor Hale", "University of Tasmania", "relation.role_phrase_at.v1"),
    ("Ines Farrow, co-founder of the Lisbon-based recipe site Quillbyte, said costs fell.", "Ines Farrow", "Quillbyte",
     "relation.role_phrase_at.v1"),
    ("Ravi Solberg, vice president of AI partnerships at Kestrel Systems, disagreed.", "Ravi Solberg",
     "Kestrel Systems", "relation.role_phrase_at.v1"),
    ("Nadia Brook, a policy researcher at the think tank Civic Futures Lab, criticised the plan.", "Nadia Brook",
     "Civic Futures Lab", "relation.role_phrase_at.v1"),
    ("Pavel Marsh, who now runs the nonprofit Open Ledger Foundation, was unimpressed.", "Pavel Marsh",
     "Open Ledger Foundation", "relation.who_clause.v1"),
    ("Lise Amundsen, a security researcher who previously worked at Zentrix Labs, found the flaw.", "Lise Amundsen",
     "Zentrix Labs", "relation.who_clause.v1"),
    ("Carla Mendes, a partner at Fenwick Ventures, who sits on Orvell Labs's board, praised the team.",
     "Carla Mendes", "Orvell Labs", "relation.who_clause.v1"),
    ("Tallgrass Robotics is led by founder Tomasz Berg.", "Tomasz Berg", "Tallgrass Robotics", "relation.led_by.v1"),
    ("Zentrix Labs marketing chief Greta Olsen said the launch would slip.", "Greta Olsen", "Zentrix Labs",
     "relation.modified_title.v1"),
])
def test_apposition_rules(text: str, person: str, org: str, rule: str) -> None:
    got = _roles(text)
    assert (person, org) in got, got
    assert got[(person, org)][1] == rule


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Ada Whitfield, Orvell Labs's chief executive and a former research lead at Kestrel Systems, spoke.",
     "Ada Whitfield", "Kestrel Systems"),
    ("Pipework, a Halifax-based company founded in 2020 by former Zentrix researchers Anna Kole, Ben Ruiz and "
     "Cleo Park, sells tools.", "Cleo Park", "Pipework"),
    ("Founded in 2019 by Mirela Dunn (CEO) and Oskar Vane (CTO), Tallgrass Robotics builds arms.", "Oskar Vane",
     "Tallgrass Robotics"),
    ("Zentrix Labs hired Orvell Labs's founders, Anna Kole and Ben Ruiz, in May.", "Ben Ruiz", "Orvell Labs"),
    ("Cloud provider Vantor Compute said it would deploy the chips, and its CEO, Lina Park, praised them.",
     "Lina Park", "Vantor Compute"),
])
def test_longer_forms_reach_the_right_organisation(text: str, person: str, org: str) -> None:
    assert (person, org) in _roles(text)


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Gary Lowe, a longtime critic of Zentrix Labs, said the plan would fail.", "Gary Lowe", "Zentrix Labs"),
    ("Zentrix Labs told engineer Mira Holt to stop.", "Mira Holt", "Zentrix Labs"),
    ("Tomasz Berg, an investor, met Ada Whitfield, a lawyer who sued Orvell Labs last year.", "Ada Whitfield",
     "Orvell Labs"),
])
def test_no_affiliation_without_a_role_held_there(text: str, person: str, org: str) -> None:
    assert (person, org) not in _roles(text)


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Dana Moss, a cryptographer at Halden University, says the design is sound.", "Dana Moss", "Halden University"),
    ("Ivo Brandt, a senior fellow at the Civic Futures Institute, disagreed.", "Ivo Brandt", "Civic Futures Institute"),
])
def test_academic_titles_make_affiliations(text: str, person: str, org: str) -> None:
    assert (person, org) in _roles(text)


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Halden Group Inc.'s head of global research, Mara Quist, argued that the boom would fade.", "Mara Quist",
     "Halden Group Inc"),
    ("Congressmember Dana Pruitt, D-San Jose, who helms the Zentrix Oversight Committee, applauded.", "Dana Pruitt",
     "Zentrix Oversight Committee"),
    ("MEP Jonas Veldt, who sits with the Civic Renewal Alliance group in the European Parliament, objected.",
     "Jonas Veldt", "Civic Renewal Alliance"),
    ("Ivan Brandt, an early Zentrix Labs investor, criticised the board.", "Ivan Brandt", "Zentrix Labs"),
    ("In a letter to Kestrel Systems executive vice-president Linda Park, critics objected.", "Linda Park",
     "Kestrel Systems"),
])
def test_more_role_wordings(text: str, person: str, org: str) -> None:
    assert (person, org) in _roles(text)


def test_a_bare_plural_founders_title_lists_the_sentences_company() -> None:
    text = ("Zentrix Labs chief executive Anna Kole spoke on Monday. Zentrix Labs's reply was signed by co-founders "
            "Anna Kole, Ben Ruiz, Cleo Park and Dan Ortiz.")
    got = _roles(text)
    assert all((p, "Zentrix Labs") in got for p in ("Anna Kole", "Ben Ruiz", "Cleo Park", "Dan Ortiz")), got


def test_a_bare_spokesperson_speaks_for_the_articles_company() -> None:
    text = ("Zentrix Labs was fined on Monday. Zentrix Labs said it would appeal. Zentrix Labs has 40 staff. "
            "Spokesperson Maria Lund said the fine was unfair.")
    assert ("Maria Lund", "Zentrix Labs") in _roles(text)


@pytest.mark.parametrize(("text", "person", "org", "rule"), [
    ("A Commission spokesperson, Thomas Rijn, said the code remains voluntary.", "Thomas Rijn", "Commission",
     "relation.title_comma.v1"),
    ("Zentrix Labs's Kestrel Research Lab vice president Maria Lund mocked the rival device.", "Maria Lund",
     "Zentrix Labs", "relation.title_comma.v1"),
    ("Maria Lund left Zentrix Labs in June after three years.", "Maria Lund", "Zentrix Labs",
     "relation.joined_left.v1"),
    ("Anna Kole joined Kestrel Systems in 2019 as its first engineer.", "Anna Kole", "Kestrel Systems",
     "relation.joined_left.v1"),
    ("Dana Moss, a director of strategy at Halden University's Center for Civic Technology, spoke.", "Dana Moss",
     "Center for Civic Technology", "relation.role_phrase_at.v1"),
    ("In a separate piece, Zentrix Labs editor and chief content officer Ben Ruiz wrote that it was theft.",
     "Ben Ruiz", "Zentrix Labs", "relation.modified_title.v1"),
])
def test_titles_moves_and_units(text: str, person: str, org: str, rule: str) -> None:
    got = _roles(text)
    assert got.get((person, org), (None, None))[1] == rule, got


@pytest.mark.parametrize(("text", "person", "org", "not_org"), [
    ("Mira Quist, marketing director for the Ledger's parent company Harbor Media Group, said the list was licensed.",
     "Mira Quist", "Harbor Media Group", "Ledger"),
    ("Tomasz Berg, the boss of Quillbyte's creator Zentrix Labs, attacked the rules.", "Tomasz Berg", "Zentrix Labs",
     None),
    ("Nadia Brook, a partner at Kestrel Systems's law firm Marlowe Pike, said so.", "Nadia Brook", "Marlowe Pike",
     "Kestrel Systems"),
    ("Ines Farrow, head of policy at the school leaders' union NASU, said it was positive.", "Ines Farrow", "NASU",
     None),
])
def test_a_descriptor_after_a_possessive_names_the_employer(text: str, person: str, org: str,
                                                            not_org: str | None) -> None:
    roles = _roles(text)
    assert (person, org) in roles
    assert not_org is None or (person, not_org) not in roles


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Kestrel Systems's head of policy Ana Ruiz said the rules were vague.", "Ana Ruiz", "Kestrel Systems"),
    ("Kestrel Systems co-founder and CEO Ana Ruiz disagreed.", "Ana Ruiz", "Kestrel Systems"),
    ("Ana Ruiz, Kestrel Systems' CEO since 2021, disagreed.", "Ana Ruiz", "Kestrel Systems"),
    ("Ana Ruiz, who sits on the board of Kestrel Systems, disagreed.", "Ana Ruiz", "Kestrel Systems"),
    ("Ana Ruiz, an adviser to Kestrel Systems, disagreed.", "Ana Ruiz", "Kestrel Systems"),
    ("The union will sue Ana Ruiz's artificial intelligence company Kestrel Systems.", "Ana Ruiz", "Kestrel Systems"),
])
def test_more_wordings_of_a_role(text: str, person: str, org: str) -> None:
    assert (person, org) in _roles(text)


@pytest.mark.parametrize("text", [
    "Ana Ruiz, a longtime critic of Kestrel Systems, disagreed.",
    "Ana Ruiz, a threat to Kestrel Systems, disagreed.",
])
def test_a_phrase_with_no_role_places_no_one(text: str) -> None:
    assert ("Ana Ruiz", "Kestrel Systems") not in _roles(text)
