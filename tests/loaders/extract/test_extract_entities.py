"""Mentions, typing and resolution: role titles, suffixes, product cues, first names, groups, generic words."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, labels

from loaders.extract import extract


def test_role_title_before_name_types_person_and_org() -> None:
    text = "Veltrix CEO Oona Brandt said the deal was done. Brandt later declined to comment."
    ex = extract(text)
    got = labels(ex)
    assert got["Oona Brandt"] == "Person"
    assert got["Veltrix"] == "Organization"
    person = next(e for e in ex.entities if e.label == "Oona Brandt")
    assert "Brandt" in person.aliases
    assert len(person.mentions) == 2
    check_spans(text, ex)


def test_lowercase_role_and_appositive() -> None:
    ex = extract("Security researcher Tomas Quill found the bug. Ravi Menon, chief scientist at Lumora Labs, agreed.")
    got = labels(ex)
    assert got["Tomas Quill"] == "Person"
    assert got["Ravi Menon"] == "Person"
    assert got["Lumora Labs"] == "Organization"


def test_company_suffix_and_descriptor_cues() -> None:
    ex = extract("Brightwave Capital invested in Kestrel, an emerging robotics company based in Austin.")
    got = labels(ex)
    assert got["Brightwave Capital"] == "Organization"
    assert got["Kestrel"] == "Organization"
    assert got.get("Austin") == "Place"


def test_product_cues_and_versions() -> None:
    text = ("Zentrix released its AI model Aurelia this week. The Project Nightjar effort uses Aurelia Max 2, "
            "and users compared it with GPT-4o and iPhone 15 Pro.")
    got = labels(extract(text), "Product")
    assert "Aurelia" in got
    assert "Project Nightjar" in got
    assert "Aurelia Max 2" in got or "Aurelia Max" in got
    assert "GPT-4o" in got
    assert "iPhone 15 Pro" in got


def test_product_suffix_short_form_resolves() -> None:
    ex = extract("Orbitly launched Orbitly Halo, a wearable device. Reviewers said Halo felt rushed.")
    product = next(e for e in ex.entities if e.type == "Product")
    assert product.label == "Orbitly Halo"
    assert "Halo" in product.aliases


def test_case_and_spacing_variants_are_one_entity() -> None:
    ex = extract("NVIDIA shares rose. Analysts said Nvidia would gain, and Open AI agreed with OpenAI staff.")
    orgs = [e for e in ex.entities if e.type == "Organization"]
    assert len([e for e in orgs if e.label.lower() == "nvidia"]) == 1
    assert len([e for e in orgs if e.label.replace(" ", "") == "OpenAI"]) == 1


def test_acronym_in_parentheses_is_an_alias() -> None:
    ex = extract("The Coalition for Honest Machines (CHM) published a letter. CHM wants audits.")
    org = next(e for e in ex.entities if e.type == "Organization")
    assert "CHM" in org.aliases


def test_groups_with_affiliation() -> None:
    text = "A Veltrix product manager argues, \"this is a ploy by Zentrix.\" Critics called the plan hype."
    ex = extract(text)
    groups = {e.label: e for e in ex.entities if e.type == "Group"}
    assert "Veltrix product manager" in groups
    aff = groups["Veltrix product manager"].affiliation
    assert aff is not None and next(e for e in ex.entities if e.key == aff).label == "Veltrix"


@pytest.mark.parametrize("text", [
    "However, AI stocks fell on Monday. In January the IPO was delayed. CEO pay rose.",
    "It is my fault for not insisting on a better QA process, he said. The model runs in FP16 on one chip.",
    'One user wrote: "WTF is this update?"',
    'The tool drafts NPC dialogue with TTS voices. "No consent seems to be the default UX," she said.',
    "Police registered an FIR over the video. Users must submit ID, and the GDPR applies.",
    "Generative AI is changing classrooms, and K-12 teachers are worried.",
])
def test_generic_capitalised_words_are_not_entities(text: str) -> None:
    ex = extract(text)
    assert not [e for e in ex.entities if e.type in ("Person", "Organization", "Product")], ex.entities


@pytest.mark.parametrize("text", [
    "The survey asked Americans and Filipinos about chatbots.",
    "He thanked Christians, Jews and Hindus for the letter.",
    "The app was built for Catholic readers, said Anna Reyes, and Protestant groups objected.",
    "Critics said Catholic AI tools were unreliable.",
])
def test_peoples_and_faiths_are_no_actors(text: str) -> None:
    ex = extract(text)
    assert not [e for e in ex.entities if e.type in ("Organization", "Product")], ex.entities


@pytest.mark.parametrize("name", ["Mark Zuckerberg", "Bill Gates", "Max Tegmark"])
def test_well_known_people_whose_first_name_is_also_a_word(name: str) -> None:
    text = f"{name} said the rules were wrong. Regulators disagreed."
    assert labels(extract(text)).get(name) == "Person"


@pytest.mark.parametrize(
    "name",
    ["Quorn Competition and Markets Authority", "State Administration for Market Regulation",
     "Design and Artists Copyright Society", "Ministry of Science and ICT"],
)
def test_institution_names_with_and_or_for(name: str) -> None:
    text = f"The {name} said on Monday it would examine the deal."
    assert labels(extract(text)).get(name) == "Organization"


def test_two_coordinated_names_stay_two() -> None:
    got = labels(extract("Google and Microsoft Research said on Monday they would work together."))
    assert got.get("Google") == "Organization" and got.get("Microsoft Research") == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Gemini is coming to Google Meet next month.", "Google Meet", "Product"),
        ("Staff met at Apple Park on Monday.", "Apple Park", None),
        ("Researchers at Microsoft Research disagreed on Monday.", "Microsoft Research", "Organization"),
    ],
)
def test_a_product_makers_name_before_another_word(text: str, name: str, etype: str | None) -> None:
    got = labels(extract(text))
    assert got.get(name) == etype or (etype is None and got.get(name) != "Product")


@pytest.mark.parametrize(("text", "person"), [
    ("Analysts were unimpressed, and Orvane wrote that Pichai had misjudged the market.", "Sundar Pichai"),
    ("Clearly Orvane, Pichai and their boards disagree, the newsletter said.", "Sundar Pichai"),
])
def test_a_well_known_persons_surname_alone_is_that_person(text: str, person: str) -> None:
    ex = extract(text)
    people = {e.label: e.aliases for e in ex.entities if e.type == "Person"}
    assert "Pichai" in people.get(person, ()), labels(ex)
    assert "Pichai" not in labels(ex, "Organization")


@pytest.mark.parametrize("text", [
    "Commissioners Rosner and Chang did not participate. Chang later said the vote was rushed.",
    "The report was written by Chen, a researcher in Taipei, who said the chips were late.",
])
def test_a_common_surname_alone_is_not_the_famous_person_of_that_name(text: str) -> None:
    # "Chang" or "Chen" written alone is anyone of that name, not Morris Chang or Mark Chen of the lexicon
    people = labels(extract(text), "Person")
    assert not {"Morris Chang", "Mark Chen"} & set(people), people


def test_an_acronym_defined_for_another_body_joins_it_in_every_writing() -> None:
    ex = extract("The Nordic Security Forum (NSF) criticised the plan. Later the NSF said more.")
    assert labels(ex, "Organization") == {"Nordic Security Forum": "Organization"}, labels(ex)


def test_a_surname_alone_is_the_person_not_the_firm_named_after_them() -> None:
    text = ("Investor Tomas Vantreight, co-founder of Vantreight Kessler, praised the model. "
            "Vantreight had earlier called it a breakthrough.")
    ex = extract(text)
    person = next(e for e in ex.entities if e.label == "Tomas Vantreight")
    assert "Vantreight" in person.aliases, labels(ex)
    assert "Vantreight" not in labels(ex)


def test_given_names_without_the_surname_join_the_full_name() -> None:
    text = ("The estate of actor Rowan Delby Marsh approved the voice. "
            '"Rowan Delby felt the voice was part of the story," the family said.')
    people = labels(extract(text), "Person")
    assert "Rowan Delby Marsh" in people and "Rowan Delby" not in people, people


def test_a_name_known_as_another_after_a_description_is_its_alias() -> None:
    text = "Then the reviews arrived. Darnell Okafor, the YouTuber known as DKTECH, called the device a scam."
    person = next(e for e in extract(text).entities if e.label == "Darnell Okafor")
    assert "DKTECH" in person.aliases
    assert "DKTECH" not in labels(extract(text))


def _entity_at(text: str, word: str, nth: int = 0) -> str:
    """The label of the entity the nth writing of ``word`` resolves to ("" when none)."""
    ex = extract(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return next((e.label for e in ex.entities if any(sp.start == start for sp in e.mentions)), "")


@pytest.mark.parametrize(("text", "nth", "label"), [
    # a surname acting on its own is the person's, not the body named after them
    ("President Dana Whitcombe signed the order. The Whitcombe administration said the rules would change. "
     "Whitcombe said he was pleased.", 2, "Dana Whitcombe"),
    # written as a modifier of a policy, or in the possessive, it stands for the administration
    ("President Dana Whitcombe signed the order. The Whitcombe administration defended it. "
     "Critics said the new Whitcombe rules would weaken exports.", 2, "Whitcombe administration"),
    ("President Dana Whitcombe signed the order. The Whitcombe administration defended it. "
     "His successor would repeal Whitcombe's AI rules.", 2, "Whitcombe administration"),
])
def test_a_bare_surname_is_the_person_unless_it_modifies_like_the_administration(text: str, nth: int,
                                                                                    label: str) -> None:
    assert _entity_at(text, "Whitcombe", nth) == label


def test_an_administration_named_after_a_person_does_not_take_the_surname_as_alias() -> None:
    ex = extract("President Dana Whitcombe signed it. The Whitcombe administration said the rules would change.")
    admin = next(e for e in ex.entities if e.label == "Whitcombe administration")
    assert "Whitcombe" not in admin.aliases


@pytest.mark.parametrize(("text", "label"), [
    # the subject written in full is who a later bare surname means, not a namesake inside a clause
    ("Tobin Garrow, whose son, Ezra Garrow, died in April, told senators the chatbot failed him. "
     '"It groomed my child," said Garrow, a father from Ohio.', "Tobin Garrow"),
    ("Ezra Garrow left the company in May, and his brother, Tobin Garrow, stayed. "
     "Garrow said on Monday that the board had been misled.", "Ezra Garrow"),
])
def test_a_surname_shared_by_two_people_is_the_one_last_named_as_a_subject(text: str, label: str) -> None:
    assert _entity_at(text, "Garrow", 2) == label


def test_a_surname_shared_by_two_people_named_only_in_clauses_is_no_one() -> None:
    text = "The suit names his son, Ezra Garrow, and his wife, Nadia Garrow. Garrow said the chatbot failed him."
    assert _entity_at(text, "Garrow", 2) == ""


@pytest.mark.parametrize(("text", "label", "short"), [
    # wire copy names a well-known company in full first: the document's fullest name is its label
    ("Italy's antitrust authority ordered Meta Platforms to suspend the terms. Meta said it would appeal.",
     "Meta Platforms", "Meta"),
    # a generic word after the name is no fuller name
    ("Meta said its Meta AI assistant had a billion users.", "Meta", None),
])
def test_a_well_known_company_is_labelled_by_the_fullest_name_the_text_writes(text: str, label: str,
                                                                              short: str | None) -> None:
    ex = extract(text)
    org = next(e for e in ex.entities if e.type == "Organization" and e.label.startswith("Meta"))
    assert org.label == label, [(e.label, e.aliases) for e in ex.entities]
    assert short is None or short in org.aliases


@pytest.mark.parametrize(("text", "label", "short"), [
    # the lexicon's longer alias, written by the text, is the fullest name
    ("Advanced Micro Devices (AMD) said it would sell the chips. AMD shares rose.", "Advanced Micro Devices", "AMD"),
    # a country before a well-known body's name
    ("The US Department of Justice sued the firm. The Department of Justice said more suits would follow.",
     "US Department of Justice", "Department of Justice"),
    # a legal form is no fuller name
    ("Microsoft Corp. said demand was strong. Microsoft shares rose.", "Microsoft", None),
])
def test_a_well_known_body_is_labelled_by_the_longer_form_the_text_writes(text: str, label: str,
                                                                         short: str | None) -> None:
    orgs = [e for e in extract(text).entities if e.type == "Organization"]
    assert [e.label for e in orgs] == [label], [(e.label, e.aliases) for e in orgs]
    assert short is None or short in orgs[0].aliases
