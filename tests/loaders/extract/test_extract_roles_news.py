"""Roles as real news writes them: ranked titles, long role phrases, a second title in the apposition, a reporter at
an outlet, titles naming a council or a committee, and two names in one organisation's possessive."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans

from loaders.extract import extract


def _roles(text: str) -> dict[tuple[str, str], str | None]:
    ex = extract(text)
    check_spans(text, ex)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]): r.role for r in ex.relations if r.predicate == "affiliated_with"}


@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Kestrel Robotics associate director Maren Olsby said the tests were late.", ("Maren Olsby", "Kestrel Robotics"),
     "associate director"),
    ("Veltrix Labs deputy general counsel Tomas Rieger declined to comment.", ("Tomas Rieger", "Veltrix Labs"),
     "deputy general counsel"),
    ("Ines Varga, an assistant professor in the department of physics and applied mathematics at Northwood "
     "University, ran the study.", ("Ines Varga", "Northwood University"),
     "assistant professor in the department of physics and applied mathematics"),
    ("Paul Brandt, director of the Data Policy Center at Northwood University and a former FTC chair, said the rule "
     "was late.", ("Paul Brandt", "Federal Trade Commission"), "former chair"),
    ("According to reporting by Lena Marsh at The Verge, the model misnamed a bone.", ("Lena Marsh", "The Verge"),
     None),
    ("As Oskar Lind reported for The Information, the startup has no product yet.", ("Oskar Lind", "The Information"),
     "writer"),
    ("The Rivermoor City Council voted on Monday. Councilwoman Dana Pruitt said the plan was rushed.",
     ("Dana Pruitt", "Rivermoor City Council"), "Councilwoman"),
    ("The House Oversight Committee met on Friday. Tom Reyes of Ohio, the committee's top Democrat, said the fee was "
     "wrong.", ("Tom Reyes", "House Oversight Committee"), "top Democrat"),
    ("Marta Kowal, the ranking member of the Senate Banking Committee, wrote to the company.",
     ("Marta Kowal", "Senate Banking Committee"), "ranking member"),
])
def test_a_role_written_the_way_news_copy_writes_it(text: str, pair: tuple[str, str], role: str | None) -> None:
    roles = _roles(text)
    assert pair in roles
    assert roles[pair] == role


def test_two_names_in_one_organisations_possessive_both_belong_to_it() -> None:
    roles = _roles("Kestrel Robotics's Maren Olsby and Tomas Rieger wrote that the arm was safe.")
    assert ("Maren Olsby", "Kestrel Robotics") in roles and ("Tomas Rieger", "Kestrel Robotics") in roles


@pytest.mark.parametrize(("text", "pair"), [
    ("Lena Marsh at the Apple event said the phone was late.", ("Lena Marsh", "Apple")),
    ("Writing in The Atlantic, Lena Marsh said the deal was bad.", ("Lena Marsh", "The Atlantic")),
    ("Lena Marsh testified at the Senate Commerce Committee on Tuesday.", ("Lena Marsh", "Senate Commerce Committee")),
])
def test_a_person_near_an_organisation_without_a_role_is_not_placed_there(text: str, pair: tuple[str, str]) -> None:
    assert pair not in _roles(text)


@pytest.mark.parametrize(("text", "pair", "not_pair"), [
    # a well-known leader's bare title means the organisation they lead, not the story's company
    ("Safe Superintelligence hired staff. Safe Superintelligence raised money. Safe Superintelligence grew. "
     "Its founder left OpenAI months after the brief ouster of CEO Sam Altman.", ("Sam Altman", "OpenAI"),
     ("Sam Altman", "Safe Superintelligence")),
    ("OpenAI lost staff. OpenAI said so. OpenAI grew. Microsoft, which has invested in OpenAI, says it is committed. "
     "CEO Satya Nadella: \"We have a long-term agreement.\"", ("Satya Nadella", "Microsoft"),
     ("Satya Nadella", "OpenAI")),
])
def test_a_known_leaders_bare_title_names_the_organisation_they_lead(
        text: str, pair: tuple[str, str], not_pair: tuple[str, str]) -> None:
    roles = _roles(text)
    assert pair in roles and not_pair not in roles


@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Dana Pruitt now runs a new research division, Kestrel Labs, which builds robot arms.",
     ("Dana Pruitt", "Kestrel Labs"), "head"),
    ("Dana Pruitt leads the nonprofit Open Data Alliance.", ("Dana Pruitt", "Open Data Alliance"), "head"),
    ("The House Oversight Committee wrote on Monday. Representative Tom Reyes (R-OH), who chairs the committee, "
     "signed it.", ("Tom Reyes", "House Oversight Committee"), "chair"),
])
def test_a_person_who_runs_or_chairs_an_organisation(text: str, pair: tuple[str, str], role: str) -> None:
    assert _roles(text).get(pair) == role


def test_leading_an_organisations_lawsuit_is_not_leading_the_organisation() -> None:
    assert ("Dana Pruitt", "Open Data Alliance") not in _roles("Dana Pruitt leads the Open Data Alliance lawsuit "
                                                                "against Meta.")


@pytest.mark.parametrize(("text", "pair"), [
    ("The Department for Education published a tender. Education Secretary Dana Pruitt said tutoring would help.",
     ("Dana Pruitt", "Department for Education")),
    ("The US Department of Commerce set rules, as did China's Ministry of Commerce. \"We need them,\" said commerce "
     "secretary Dana Pruitt.", ("Dana Pruitt", "US Department of Commerce")),
    ("The Justice Department charged two men. \"This is theft,\" Assistant Attorney General Tom Reyes said.",
     ("Tom Reyes", "Department of Justice")),
    ("Village President Tom Reyes was sharp with the crowd. Microsoft later wrote to the Village of Mount Pleasant, "
     "which had approved the plan.", ("Tom Reyes", "Village of Mount Pleasant")),
    ("Kestrel Robotics dropped its plan. Kestrel Robotics said so. Kestrel Robotics will stay private. Dana Pruitt, "
     "chief executive, told staff the decision was final.", ("Dana Pruitt", "Kestrel Robotics")),
    ("Kestrel Robotics installed its chief executive, Dana Pruitt, to lead a new research division, Kestrel Labs.",
     ("Dana Pruitt", "Kestrel Labs")),
])
def test_a_title_that_names_its_department_council_or_company(text: str, pair: tuple[str, str]) -> None:
    assert pair in _roles(text)


@pytest.mark.parametrize(("text", "pair"), [
    # a state's attorney general is not the federal Justice Department's; a state secretary names no department
    ("The Justice Department charged two men. California Attorney General Tom Reyes said he would also act.",
     ("Tom Reyes", "Department of Justice")),
    ("The Commerce Department and the State Department met. State Secretary Tom Reyes spoke.",
     ("Tom Reyes", "Department of State")),
])
def test_a_ministers_title_names_no_department_it_does_not_head(text: str, pair: tuple[str, str]) -> None:
    assert pair not in _roles(text)


@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Dana Pruitt, who had briefly joined Veltrix Labs, became Kestrel Robotics's chief scientist in May.",
     ("Dana Pruitt", "Kestrel Robotics"), "chief scientist"),
    ("Dana Pruitt was named Kestrel Robotics' new chief executive.", ("Dana Pruitt", "Kestrel Robotics"),
     "chief executive"),
    ("Kestrel Robotics raised money. The startup, founded in February by Dana Pruitt and Tom Reyes, makes arms.",
     ("Tom Reyes", "Kestrel Robotics"), "founder"),
])
def test_a_role_taken_at_an_organisations_possessive_or_a_described_founding(
        text: str, pair: tuple[str, str], role: str) -> None:
    assert _roles(text).get(pair) == role


def test_being_an_organisations_critic_is_no_role_there() -> None:
    assert ("Dana Pruitt", "Kestrel Robotics") not in _roles("Dana Pruitt is now Kestrel Robotics' biggest critic.")


@pytest.mark.parametrize(("text", "founders", "not_founders"), [
    ("Tom Reyes, Dana Pruitt and Ana Silva co-founded Kestrel Robotics in 2019.",
     {"Tom Reyes", "Dana Pruitt", "Ana Silva"}, set()),
    ("Microsoft hired Tom Reyes, and Dana Pruitt founded Kestrel Robotics.", {"Dana Pruitt"}, {"Tom Reyes"}),
    ("Dana Pruitt, who ran research at Google, left to found Kestrel Robotics with Tom Reyes, and Microsoft later "
     "hired Ana Silva.", {"Dana Pruitt", "Tom Reyes"}, {"Ana Silva"}),
])
def test_the_founders_of_a_clause_are_its_subjects_and_partners(text: str, founders: set[str],
                                                                 not_founders: set[str]) -> None:
    placed = {person for (person, org) in _roles(text) if org == "Kestrel Robotics"}
    assert founders <= placed and not placed & not_founders
