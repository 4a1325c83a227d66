"""Courts, outlets and local bodies typed as organisations (invented sentences, well-known names only as cues)."""

from __future__ import annotations

import pytest
from extract_helpers import labels

from loaders.extract import extract


@pytest.mark.parametrize(("text", "name"), [
    ("Judge Dana Whitcombe of the Northern District of California ruled against Zentrix Labs.",
     "Northern District of California"),
    ("Members of the WriterGuild of New York accused Quillbyte of cutting jobs.", "WriterGuild of New York"),
    ("The report was followed by Orvane, a product review site owned by Zentrix Labs.", "Orvane"),
    ('"We follow the rules," the minister said in an interview with France Inter.', "France Inter"),
    ("Then Android Authority reported that the device ran an ordinary phone app.", "Android Authority"),
    ("The Harrowgate Literary Festival dropped the sponsor, organisers said.", "Harrowgate Literary Festival"),
    ("The effects were made by Kelbrook Digital, the studio said.", "Kelbrook Digital"),
    ("The Marlowe Register reported that the bishop banned the app.", "Marlowe Register"),
])
def test_courts_outlets_and_local_bodies_are_organisations(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Orvane, a chatbot app for companies, was fined.", "Orvane", "Product"),
    ("Dana Whitcombe of New York said the deal was unfair.", "Dana Whitcombe", "Person"),
])
def test_a_product_or_a_person_keeps_its_type(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Speaking to Labour MPs on Monday, the minister warned Zentrix Labs.", "Labour", "Organization"),
    ("In a memo, Quillbyte Gaming chief executive Dana Whitcombe said the studio would close.", "Quillbyte Gaming",
     "Organization"),
    ("Racing game maker Turnstile 10 was cut in half.", "Turnstile 10", "Organization"),
])
def test_the_organisation_before_a_title_or_after_an_organisation_noun(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


def test_the_first_words_of_a_laws_name_are_no_person() -> None:
    text = "The suit is a collective action under the Age Discrimination in Employment Act, Zentrix Labs said."
    assert not labels(extract(text), "Person"), labels(extract(text))
    assert "Labour MPs" not in labels(extract("Speaking to Labour MPs, the minister warned Zentrix Labs."))


@pytest.mark.parametrize(("text", "name"), [
    ("The probe follows a complaint by the Children's Online Safety Coalition, which accused Zentrix Labs.",
     "Children's Online Safety Coalition"),
    ("Friends of the Corrib, a local environmental group, has condemned the plan.", "Friends of the Corrib"),
    ("The International Committee of the Nordic Lakes said the drones were unlawful.",
     "International Committee of the Nordic Lakes"),
])
def test_a_possessive_or_of_the_inside_an_institutions_name_keeps_it_whole(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The case is prosecuted by the Oregon Attorney General's Office, which accused Zentrix Labs of fraud.",
     "Oregon Attorney General's Office", "Organization"),
    ("Zentrix Labs will work with the Village of Caledonia on a new site.", "Village of Caledonia", "Organization"),
    ("The complaint was filed with the Colorado Civil Rights Division on Tuesday.", "Colorado Civil Rights Division",
     "Organization"),
    ("Dana Whitcombe, a professor at the University of California, Berkeley, said the plan was flawed.",
     "University of California, Berkeley", "Organization"),
    ("Dana Whitcombe of Legal Advocates for Safe Science and Technology signed the letter.",
     "Legal Advocates for Safe Science and Technology", "Organization"),
])
def test_offices_local_governments_campuses_and_for_names_stay_whole(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Kramer was working for Rep. Dean Whitcombe of Ohio, who denied any knowledge of the calls.", "Dean Whitcombe"),
    ('"It is too big for a zoning change," said resident Hollister Quill. "We were not heard."', "Hollister Quill"),
    ('"We have parted ways with him. Soumar Chintavelli will be the new CTO of Zentrix Labs," she wrote.',
     "Soumar Chintavelli"),
])
def test_a_title_word_after_an_abbreviated_title_or_a_noun_after_said_names_a_person(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Person", labels(extract(text))


@pytest.mark.parametrize("text", [
    "The lawsuit was filed by Soumar Chintavelli, 34, a former engineer.",
    "Soumar Chintavelli told Reuters the plan was flawed.",
    "Soumar Chintavelli, who led the team, left in May.",
    "The company hired Soumar Chintavelli as its new chief scientist.",
    "Soumar Chintavelli resigned on Friday.",
])
def test_a_name_no_first_name_list_knows_is_a_person_by_what_only_people_do(text: str) -> None:
    assert labels(extract(text)).get("Soumar Chintavelli") == "Person", labels(extract(text))


def test_an_organisation_that_told_someone_stays_an_organisation() -> None:
    assert labels(extract("Quantum Dynamics told investors it would grow.")).get("Quantum Dynamics") == "Organization"


@pytest.mark.parametrize("text", [
    "Zentrix Labs says it still wants to invest in southeast Wisconsin and will look for a different site.",
    "Zentrix Labs opened an office in northern Ohio last year.",
])
def test_a_state_after_a_preposition_and_a_direction_is_a_place(text: str) -> None:
    assert not {k for k, v in labels(extract(text)).items() if v == "Organization"} - {"Zentrix Labs"}, \
        labels(extract(text))


@pytest.mark.parametrize(("text", "full"), [
    ("The Brightwater Energy Commission opened a review of Zentrix Labs. Critics urged the Commission to act.",
     "Brightwater Energy Commission"),
    ("The Harbor Valley Journal reported the deal first. Zentrix Labs told the Journal it would appeal.",
     "Harbor Valley Journal"),
])
def test_a_definite_short_name_is_the_one_longer_name_ending_with_it(text: str, full: str) -> None:
    found = labels(extract(text))
    assert full in found and full.split()[-1] not in found, found


def test_a_definite_short_name_shared_by_two_longer_names_joins_neither() -> None:
    text = ("The Brightwater Energy Commission and the Northfield Trade Commission both opened reviews of Zentrix "
            "Labs. Critics urged the Commission to act.")
    ex = extract(text)
    for e in ex.entities:
        if e.label.endswith("Energy Commission") or e.label.endswith("Trade Commission"):
            assert len(e.mentions) == 1, e


@pytest.mark.parametrize(("text", "name"), [
    # a ministry's last field after "and"
    ("The Ministry of Energy and Digital said it would review the tender.", "Ministry of Energy and Digital"),
    ("The Department of Industry, Science and Resources published the guidance.",
     "Department of Industry, Science and Resources"),
    # a body of members after a modifier and "of": its members' plural ends the name
    ("The National Union of Painters and Sculptors sued Zentrix Labs.", "National Union of Painters and Sculptors"),
])
def test_an_institutions_name_goes_on_over_and_to_its_last_field_or_members(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


def test_two_firms_coordinated_stay_two() -> None:
    got = labels(extract("The suit was filed by Harbor Star Newspapers and Vox Media last week."))
    assert "Harbor Star Newspapers and Vox Media" not in got, got


@pytest.mark.parametrize(("text", "name"), [
    ("The Harrowgate Police have trialled the cameras, the force said.", "Harrowgate Police"),
    ("The Morvanian Navy has awarded Zentrix Labs a contract for undersea drones.", "Morvanian Navy"),
    ("Officers from Counter Fraud Policing reviewed the clip, a spokesperson said.", "Counter Fraud Policing"),
    ("Spokespeople for Zentrix Labs and the Morvania Embassy did not respond.", "Morvania Embassy"),
    ("The Vellmoor Observatory released the image in 2004, the agency said.", "Vellmoor Observatory"),
    ("Harrowgate Public Schools was one of the first districts to test the tutor.", "Harrowgate Public Schools"),
    ("The Metropolitan Police and South Harrowgate Police have both trialled the cameras.",
     "South Harrowgate Police"),
])
def test_a_body_named_by_its_head_word_is_an_organisation(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name"), [
    ("An examination by the agency's Division of Examinations found that the firm made no model.",
     "Division of Examinations"),
    ("The bill now goes to the Chamber of Deputies, the senator said.", "Chamber of Deputies"),
    ("Dana Whitcombe, chief of research at the Library of Morvania, said the citations were invented.",
     "Library of Morvania"),
    ("At the end of last year the Faculty of Philosophy decided not to renew the contracts.", "Faculty of Philosophy"),
    ("The decision was taken at the Conference of Interior Ministers, Dana Whitcombe said.",
     "Conference of Interior Ministers"),
])
def test_a_head_word_before_of_names_an_institution(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))
