"""Indirect affiliations (anaphors, relative clauses, bare executive titles), each rule on short sentences."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, rels

from loaders.extract import extract


def _aff(text: str) -> set[tuple[str, str]]:
    ex = extract(text)
    check_spans(text, ex)
    return rels(ex, "affiliated_with")


def _roles(text: str) -> dict[tuple[str, str], str | None]:
    ex = extract(text)
    kl = {e.key: e.label for e in ex.entities}
    return {(kl[r.subject], kl[r.object]): r.role for r in ex.relations if r.predicate == "affiliated_with"}


def test_bare_executive_title_names_the_articles_company() -> None:
    text = ("Veltrix Labs raised money on Monday. Veltrix Labs will hire staff. Veltrix Labs is based in Oslo. "
            "\"We are ready,\" Chief Executive Officer Oona Brandt said in an interview.")
    assert _roles(text).get(("Oona Brandt", "Veltrix Labs")) == "Chief Executive Officer"


def test_the_companys_role_after_the_name() -> None:
    text = "Veltrix Labs raised money on Monday. Raymond Menon, the company's chief technology officer, said so."
    assert _roles(text).get(("Raymond Menon", "Veltrix Labs")) == "chief technology officer"


def test_its_role_before_the_name_and_named_commission() -> None:
    assert ("Ada Pike", "Kestrel Robotics") in _aff("Kestrel Robotics disputed it. Its chief executive, Ada Pike, "
                                                     "said the report was old.")
    text = "The Nordic Fair Trade Commission fined Zentrix. The commission chairman, Lars Holt, spoke on Monday."
    assert ("Lars Holt", "Nordic Fair Trade Commission") in _aff(text)


def test_possessive_role_comma_and_spokesperson_for() -> None:
    text = "Kestrel Robotics's head of hardware, Jonas Thiessen, said it was hard."
    assert ("Jonas Thiessen", "Kestrel Robotics") in _aff(text)
    assert ("Mia Stone", "Zentrix") in _aff("A spokesperson for Zentrix, Mia Stone, declined to comment.")


def test_relative_clause_and_person_of_org() -> None:
    assert ("Lena Ortiz", "Corvane") in _aff("Among the signatories is Lena Ortiz, who led Corvane's safety team.")
    assert ("Beatrix Holm", "Morningstar") in _aff("Analyst Beatrix Holm of Morningstar said the deal was costly.")


def test_former_and_ex_affiliations() -> None:
    text = "Ilya Sokol co-founded Pallas with Dan Gray, formerly a leader in Apple's AI efforts, and Tom Levy."
    aff = _aff(text)
    assert ("Dan Gray", "Apple") in aff
    assert ("Dan Gray", "Pallas") in aff and ("Tom Levy", "Pallas") in aff
    assert _roles("Microsoft hired people. Tom Levy, another ex-Microsoft employee, joined.").get(
        ("Tom Levy", "Microsoft")) == "former employee"


def test_run_by_whose_firm_and_his_startup() -> None:
    assert ("Dan Gray", "NFDG") in _aff("Backers include NFDG, a partnership co-run by Zentrix executive Dan Gray.")
    assert ("Colm Brennan", "Tidewater Capital") in _aff("Investor Colm Brennan, whose firm Tidewater Capital backs "
                                                         "neither company, was unimpressed.")
    assert ("Elon Musk", "xAI") in _aff("Elon Musk invited followers to join his AI startup, xAI, on Monday.")


def test_founded_by_with_date_and_co_founded_the_company() -> None:
    aff = _aff("Veyra Labs, founded in 2022 by Camille Ferrand and Tomasz Wielgosz, raised money.")
    assert ("Camille Ferrand", "Veyra Labs") in aff and ("Tomasz Wielgosz", "Veyra Labs") in aff
    aff = _aff("Orbital Compute Inc. filed to list. Rafael Quintana co-founded the company in 2019 with Mei-Ling Zhou.")
    assert ("Mei-Ling Zhou", "Orbital Compute Inc") in aff


def test_plural_title_covers_both_names_and_epithet_speaker() -> None:
    aff = _aff("Lumenfold Labs co-founders Nadia Haddad and Oskar Lindgren will join Pallas.")
    assert ("Nadia Haddad", "Lumenfold Labs") in aff and ("Oskar Lindgren", "Lumenfold Labs") in aff
    text = "Ruth Abernathy was asked about it. “It is a demo,” said the founding partner of Ridgeline Ventures."
    assert ("Ruth Abernathy", "Ridgeline Ventures") in _aff(text)


def test_no_affiliation_from_a_mere_mention() -> None:
    aff = _aff("Zentrix shipped a model. Critics including Ada Pike said it was slow, and OpenAI declined to comment.")
    assert ("Ada Pike", "Zentrix") not in aff and ("Ada Pike", "OpenAI") not in aff
    assert not _aff("Zentrix won the contract. President Joe Biden praised the deal.")


def test_a_bare_title_names_the_company_the_previous_sentence_was_about() -> None:
    text = ("Harbor Ventures backs many startups. Harbor Ventures invested in Zentrix Labs. Harbor Ventures is based "
            "in Oslo. Veltrix Labs, the startup behind the Quill editor, is trying to calm angry users. In a blog "
            "post on Friday, CEO Oona Brandt apologized.")
    roles = _roles(text)
    assert ("Oona Brandt", "Veltrix Labs") in roles and ("Oona Brandt", "Harbor Ventures") not in roles, roles



@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Quillbyte Labs hired its chief executive, 28-year-old Oona Brandt, in May.", ("Oona Brandt", "Quillbyte Labs"),
     "chief executive"),
    ("The only data comes from Oona Brandt, who advises Quillbyte Labs on safety.", ("Oona Brandt", "Quillbyte Labs"),
     "adviser"),
    ("Rivals include Quillbyte Labs, the startup launched by former Harbor Ventures partner Oona Brandt.",
     ("Oona Brandt", "Quillbyte Labs"), "founder"),
])
def test_ages_advisers_and_startups_launched_by(text: str, pair: tuple[str, str], role: str) -> None:
    assert _roles(text).get(pair) == role, _roles(text)


def test_a_title_before_the_next_name_of_a_list_is_that_names() -> None:
    roles = _roles("The group is led by Quillbyte's Oona Brandt, Harbor Ventures president Raymond Menon and others.")
    assert ("Oona Brandt", "Harbor Ventures") not in roles and ("Raymond Menon", "Harbor Ventures") in roles, roles


@pytest.mark.parametrize(("text", "pair", "role"), [
    ("Ken Brackett of Oracle called the framework overbroad.", ("Ken Brackett", "Oracle"), None),
    ("Ashu Whitcombe of Foundation Capital went further in an essay.", ("Ashu Whitcombe", "Foundation Capital"), None),
    ("Eric Whitcombe, a producer at Zentrix Online Studios whose project was cut, said it was sad.",
     ("Eric Whitcombe", "Zentrix Online Studios"), "producer"),
    ("The letter was signed by former Zentrix Labs researchers including Steven Whitcombe and Daniel Brackett.",
     ("Daniel Brackett", "Zentrix Labs"), "former researcher"),
    ("Helen Whitcombe, one of the four Zentrix Labs board members who voted to fire its CEO, spoke.",
     ("Helen Whitcombe", "Zentrix Labs"), "board member"),
    ("The Village of Caledonia rejected it. He and village trustee Nancy Whitcombe said they were open to it.",
     ("Nancy Whitcombe", "Village of Caledonia"), "trustee"),
    ("The Personal Information Protection Commission warned users. \"Be careful,\" Nam Brackett, a commission "
     "official, told reporters.", ("Nam Brackett", "Personal Information Protection Commission"), "official"),
    ("The Harbor Environmental Law Center, acting for residents, said it would sue Zentrix Labs. Patrick Whitcombe, "
     "a senior attorney at the centre, said the turbines were illegal.",
     ("Patrick Whitcombe", "Harbor Environmental Law Center"), "senior attorney"),
    ("Zentrix Labs named new leaders. Michelle Whitcombe, who runs the company's products group, was named interim "
     "co-CEO.", ("Michelle Whitcombe", "Zentrix Labs"), "head of products group"),
    ("Reporters Without Borders urged Zentrix Labs to remove it. Vincent Whitcombe, the head of the group's "
     "technology desk, said it was bad.", ("Vincent Whitcombe", "Reporters Without Borders"), "head"),
    ("On June 6, the Ledger Times published an investigative article by reporters Sarah Whitcombe and Rich Brackett "
     "about a drone project.", ("Rich Brackett", "Ledger Times"), "reporter"),
    ("Not everyone was satisfied. Writing in the Ledger Times, columnist Jason Whitcombe argued it was the point.",
     ("Jason Whitcombe", "Ledger Times"), "columnist"),
])
def test_of_org_before_a_verb_members_of_a_plural_title_and_a_noun_naming_the_org(
        text: str, pair: tuple[str, str], role: str | None) -> None:
    roles = _roles(text)
    assert pair in roles and roles[pair] == role, roles


def test_a_noun_before_a_title_that_names_no_organisation_of_the_text_links_nothing() -> None:
    assert _aff("The plan was approved. He and village trustee Nancy Whitcombe said they were open to it.") == set()


def test_a_guest_writing_in_an_outlet_is_not_its_staff() -> None:
    assert _aff("Writing in the Ledger Times, Dana Whitcombe said the plan was flawed.") == set()


@pytest.mark.parametrize(("text", "person", "org", "not_org"), [
    ("Veltrix Labs sells agents. CEO Oona Brandt, a former engineering director at Stripe, co-founded the company in "
     "2022 with Raymond Menon, its chief technology officer.", "Raymond Menon", "Veltrix Labs", "Stripe"),
    ("Veltrix Labs sells agents. Veltrix Labs has 40 staff. Veltrix Labs is growing. CEO Oona Brandt, a former "
     "engineering director at Stripe, said the money would go to hiring.", "Oona Brandt", "Veltrix Labs", None),
])
def test_an_employer_of_a_former_role_is_not_the_company_talked_about(text: str, person: str, org: str,
                                                                       not_org: str | None) -> None:
    aff = _aff(text)
    assert (person, org) in aff
    assert not_org is None or (person, not_org) not in aff


def test_an_interviewers_labels_do_not_make_the_outlet_the_company() -> None:
    text = ("Veltrix Labs cut staff in 2024. Veltrix Labs then hired again, and Veltrix Labs grew. Since then the "
            "lender has shrunk its headcount. This month, CEO Oona Brandt surprised many. Wired spoke to her.\n\n"
            "Wired: Why now?\n\nBrandt: Demand.\n\nWired: And the agents?\n\nBrandt: They stay.\n\n"
            "Wired: Any regrets?\n\nBrandt: None.\n\nWired: Thanks.")
    aff = _aff(text)
    assert ("Oona Brandt", "Veltrix Labs") in aff and ("Oona Brandt", "Wired") not in aff


@pytest.mark.parametrize(("text", "pairs", "not_pairs"), [
    ("Veltrane Labs was founded in 2020 by Dana Whitcombe, who serves as chief scientist, Harold Vance, a former "
     "Google researcher who is its principal engineer, and Quin Marlowe, who previously led chips at Apple.",
     {("Dana Whitcombe", "Veltrane Labs"), ("Harold Vance", "Veltrane Labs"), ("Quin Marlowe", "Veltrane Labs")},
     set()),
    ("Veltrane Labs was founded by Dana Whitcombe, a former colleague of Tess Okafor, and Harold Vance.",
     {("Dana Whitcombe", "Veltrane Labs"), ("Harold Vance", "Veltrane Labs")}, {("Tess Okafor", "Veltrane Labs")}),
    ("Tess Okafor founded Harlow Robotics in 2019, and Dana Whitcombe and Harold Vance left to found Veltrane Labs.",
     {("Tess Okafor", "Harlow Robotics"), ("Dana Whitcombe", "Veltrane Labs"), ("Harold Vance", "Veltrane Labs")},
     {("Tess Okafor", "Veltrane Labs")}),
    ("On Friday Dana Whitcombe, one of Veltrane Labs' most senior safety researchers, said she had resigned.",
     {("Dana Whitcombe", "Veltrane Labs")}, set()),
])
def test_founders_listed_with_appositions_or_founding_after_leaving(
        text: str, pairs: set[tuple[str, str]], not_pairs: set[tuple[str, str]]) -> None:
    found = _aff(text)
    assert pairs <= found, found
    assert not not_pairs & found, found


def test_the_companys_title_refers_past_a_name_quoted_in_a_slogan() -> None:
    text = ("Veltrane Labs is running ads. Critics called them bleak. Commuters mocked them. The ads are part of "
            "a campaign by Veltrane Labs, a startup that sells AI agents. Its flagship product is an agent named "
            "Ava. Other slogans include \"Veltrane Labs' Zoom cameras will never fail.\"\n\nThe company's "
            "chief executive, Dana Whitcombe, said the campaign was designed to get attention.")
    found = _aff(text)
    assert ("Dana Whitcombe", "Veltrane Labs") in found, found
    assert ("Dana Whitcombe", "Zoom") not in found, found


@pytest.mark.parametrize(("text", "pairs"), [
    ("The Harlow Energy Commission rejected the deal. The Commission voted 2 to 1, with commissioners Dana "
     "Whitcombe and Tess Okafor voting against it.",
     {("Dana Whitcombe", "Harlow Energy Commission"), ("Tess Okafor", "Harlow Energy Commission")}),
    ("The Veltrane Productivity Commission released a report. Commissioner Harold Vance says the rules are weak.",
     {("Harold Vance", "Veltrane Productivity Commission")}),
    ("The House Harlow Committee held a hearing. Committee chair Quin Marlowe noted that denials were overturned.",
     {("Quin Marlowe", "House Harlow Committee")}),
    ("The Harlow Trade Commission opened an inquiry. The Harlow Trade Commission wants data. The Harlow Trade "
     "Commission said so. The Veltrane Commission is also looking at the deal. Commissioner Dana Whitcombe said "
     "the agency had to learn from its mistakes.", {("Dana Whitcombe", "Harlow Trade Commission")}),
])
def test_a_title_naming_its_body_is_a_member_of_that_body(text: str, pairs: set[tuple[str, str]]) -> None:
    found = _aff(text)
    assert pairs <= found, found


@pytest.mark.parametrize(("text", "pair"), [
    # a named noun the organisation's own name lacks: the text's description of it ("the actors' union")
    ("Fairwater Guild, the actors' union, approved the deal. The union's president, Dana Holt, called it fair.",
     ("Dana Holt", "Fairwater Guild")),
    ("The actors' union Fairwater Guild approved the deal. The union's president, Dana Holt, called it fair.",
     ("Dana Holt", "Fairwater Guild")),
    # "the bank's", "the paper's" refer like "the company's"; a "co-" title is the title
    ("Kestrel Capital is advising clients. Omar Reyes, co-head of the bank's advisory business, sees AI as a tool.",
     ("Omar Reyes", "Kestrel Capital")),
])
def test_a_described_organisation_and_a_co_title(text: str, pair: tuple[str, str]) -> None:
    assert pair in _aff(text)


@pytest.mark.parametrize(("text", "pair"), [
    # a company's officer named bare after the company was just named
    ("Halvex Robotics held its annual meeting on Thursday. Halvex Robotics shareholders backed the plan. Halvex "
     "Robotics shares rose. Board chair Lena Marsh sounded more sceptical.", ("Lena Marsh", "Halvex Robotics")),
    # a product's name before a bare title: its maker is the story's company
    ("Halvex Robotics raised money on Monday. Halvex Robotics will hire staff. Halvex Robotics makes the chatbot Orbo. "
     "Orbo founder Dana Holt said the money would pay for chips.", ("Dana Holt", "Halvex Robotics")),
])
def test_an_officers_or_a_products_bare_title_names_the_company(text: str, pair: tuple[str, str]) -> None:
    assert pair in _aff(text)


@pytest.mark.parametrize(("text", "pair"), [
    # an officer's bare title with another organisation named in the sentence is not read
    ("Halvex Robotics held its annual meeting. Halvex Robotics shares rose. Halvex Robotics will pay a dividend. "
     "Kestrel Capital hired executive director Lena Marsh last year.", ("Lena Marsh", "Halvex Robotics")),
    ("Halvex Robotics held its annual meeting. Halvex Robotics shares rose. Halvex Robotics will pay a dividend. "
     "Executive director Lena Marsh said Kestrel Capital would vote against it.", ("Lena Marsh", "Halvex Robotics")),
    # a place's name before a bare title is the title's own body, even where a mention ends there
    ("Halvex Robotics raised money on Monday. Halvex Robotics will hire staff. Hong Kong Chief Executive Dana Holt "
     "welcomed the plan.", ("Dana Holt", "Halvex Robotics")),
])
def test_a_bare_title_of_another_body_names_no_company(text: str, pair: tuple[str, str]) -> None:
    assert pair not in _aff(text)
