"""Titles before personal names, title words inside organisations' names, abbreviations inside names
(invented sentences)."""

from __future__ import annotations

import pytest
from extract_helpers import labels

from loaders.extract import extract


@pytest.mark.parametrize(("text", "person", "absorbed"), [
    ("Treasurer Dana Whitcombe thinks the new models will lift productivity.", "Dana Whitcombe",
     "Treasurer Dana Whitcombe"),
    ("In a post, Lakeport Supervisor Harold Vance accused Zentrix of hiding crash data.", "Harold Vance",
     "Lakeport Supervisor Harold Vance"),
    ("Commissioner Tessa King says the country can unlock the benefits of data.", "Tessa King",
     "Commissioner Tessa King"),
    # an occupation's word starting the sentence, and a portfolio after "of" before the holder's name
    ("Astrophysicist Dana Whitcombe, writing for a magazine, called the project a mirage.", "Dana Whitcombe",
     "Astrophysicist Dana Whitcombe"),
    ("Whistleblower Harold Vance responded within days.", "Harold Vance", "Whistleblower Harold Vance"),
    ("She wrote in a letter to Secretary of Commerce Harold Vance on Monday.", "Harold Vance",
     "Secretary of Commerce Harold Vance"),
    ("The final debate was between Cuomo, Democratic nominee Zorvan Mamdeli and Republican Curtis Sliwa.",
     "Zorvan Mamdeli", "Democratic nominee Zorvan Mamdeli"),
])
def test_a_title_before_a_name_is_not_the_persons(text: str, person: str, absorbed: str) -> None:
    found = labels(extract(text))
    assert found.get(person) == "Person", found
    assert absorbed not in found, found


@pytest.mark.parametrize(("text", "org"), [
    ("Three groups, Encode, the Quillbyte Alliance and the Digital Justice Law Project, filed a complaint.",
     "Digital Justice Law Project"),
    ("The Association of Artist Managers followed on Thursday with a statement.",
     "Association of Artist Managers"),
])
def test_a_title_word_inside_an_organisations_name_keeps_it_whole(text: str, org: str) -> None:
    found = labels(extract(text))
    assert found.get(org) == "Organization", found


@pytest.mark.parametrize(("text", "org"), [
    ("Marlow Bros. Pictures filed a complaint against Zentrix Labs in federal court.", "Marlow Bros. Pictures"),
    ("Zentrix Labs was sued by Marlow Bros. Discovery Inc. in federal court on Monday.",
     "Marlow Bros. Discovery"),
])
def test_an_abbreviations_full_stop_does_not_cut_a_name(text: str, org: str) -> None:
    found = labels(extract(text))
    assert any(label.startswith(org) and kind == "Organization" for label, kind in found.items()), found
    assert "Discovery" not in found, found


@pytest.mark.parametrize("title", ["commissioners", "senators", "analysts"])
def test_a_plural_title_before_a_name_types_it_a_person(title: str) -> None:
    text = f"The board voted 2 to 1, with {title} Mark Quillon and Dana Whitcombe voting against the deal."
    found = labels(extract(text))
    assert found.get("Mark Quillon") == "Person", found


@pytest.mark.parametrize(("text", "person", "not_an_org"), [
    ("German Economy Minister Karl Wendt had stressed the importance of the chips.", "Karl Wendt", "German Economy"),
    ("The remarks by Japanese Prime Minister Kenji Mori were noted by Zentrix.", "Kenji Mori", "Japanese Prime"),
])
def test_a_nationality_and_a_portfolio_before_a_title_are_no_organisation(text: str, person: str,
                                                                          not_an_org: str) -> None:
    found = labels(extract(text))
    assert found.get(person) == "Person", found
    assert not_an_org not in found, found


def test_a_company_named_with_a_nationality_stays_before_its_executives_title() -> None:
    found = labels(extract("British Airways CEO Sean Doyle said the carrier would use the tool."))
    assert found.get("British Airways") == "Organization", found


@pytest.mark.parametrize(("text", "org"), [
    ("The Copyright Agency says the country should not allow text and data mining.", "Copyright Agency"),
    ("Zentrix Labs wrote to the Copyright Bureau on Monday, and the bureau replied.", "Copyright Bureau"),
])
def test_a_generic_word_before_an_institutions_head_is_the_names(text: str, org: str) -> None:
    found = labels(extract(text))
    assert found.get(org) == "Organization", found


def test_a_copyright_line_still_names_only_the_company() -> None:
    found = labels(extract("Copyright 2024 Zentrix Labs. All rights reserved."))
    assert not any(label.startswith("Copyright") for label in found), found


def test_an_institution_named_after_a_person_keeps_the_possessive() -> None:
    found = labels(extract("Jane Marlow, head of Quillon's School in south London, said the tools help."))
    assert found.get("Quillon's School") == "Organization", found
    assert "Quillon" not in found, found


@pytest.mark.parametrize("unit", ["MW", "GW", "GCSEs"])
def test_units_and_exams_are_no_organisations(unit: str) -> None:
    found = labels(extract(f"Zentrix said the 900 {unit} plan, announced in May, was on track."))
    assert unit not in found, found
