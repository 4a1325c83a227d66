"""Typing fixes: gazetteer places, organisation suffixes and cues, name boundaries, non-name capitals."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, labels

from loaders.extract import extract
from loaders.extract.lexicon import gazetteer, place_population


def test_gazetteer_is_loaded_lazily_and_folds_accents() -> None:
    assert place_population("Santa Clara") is not None
    assert place_population("Zurich") == place_population("Zürich")
    assert place_population("Veltrixby") is None
    assert len(gazetteer()) > 10_000


def test_multi_word_place_is_not_a_person() -> None:
    text = "Orvane runs a test fleet in Las Vegas, and Quillon, a Santa Clara chip designer, is a rival."
    got = labels(extract(text))
    assert got.get("Las Vegas") == "Place"
    assert got.get("Santa Clara") == "Place"
    assert got["Quillon"] == "Organization"


def test_place_in_person_and_org_context_stays_a_place() -> None:
    text = "Dana Whitfield of Santa Clara said the plan failed. Zentrix, a Santa Clara-based chipmaker, agreed."
    got = labels(extract(text))
    assert got["Dana Whitfield"] == "Person"
    assert got.get("Santa Clara") == "Place"
    assert got["Zentrix"] == "Organization"


def test_single_word_city_needs_a_place_context() -> None:
    got = labels(extract("Velmora will open a lab on the outskirts of Limerick and hire staff in Trondheim."))
    assert got.get("Limerick") == "Place"
    assert got.get("Trondheim") == "Place"
    # a company named like a city, with no place cue, stays a company
    got = labels(extract("The round was led by Toyota with help from Brightwave Capital. Toyota said it was pleased."))
    assert got["Toyota"] == "Organization"


@pytest.mark.parametrize(("text", "city"), [
    ("She was at home when six Detroit police officers arrived with a warrant.", "Detroit"),
    ("Velmora drones deliver coffee in Gungahlin, Canberra, and in Logan.", "Canberra"),
    ("The probe comes at a tense moment between Ottawa and Washington over trade.", "Ottawa"),
    ("Velmora runs robotaxis in Wuhan. Liu Yi, a Wuhan resident, said the cars stall at junctions.", "Wuhan"),
])
def test_a_large_city_or_a_city_s_people_name_no_organisation(text: str, city: str) -> None:
    got = labels(extract(text))
    assert got.get(city) in (None, "Place")


def test_county_and_region_words() -> None:
    got = labels(extract("The wind farm in County Marlow will sell power across Scandinavia, Orvane said."))
    assert got.get("County Marlow") == "Place"
    assert got.get("Scandinavia") == "Place"


@pytest.mark.parametrize(("text", "town"), [
    ("Orvane raised money, the Santa Clara, California-based company said.", "Santa Clara"),
    ("The Reno, Nevada-based company sells chips to Orvane.", "Reno"),
    ("Dana Whitfield, who lives in Tampa, Florida, sued Orvane.", "Tampa"),
])
def test_a_town_followed_by_its_state_is_a_place(text: str, town: str) -> None:
    got = labels(extract(text))
    assert got.get(town) == "Place"
    assert got.get("Orvane") == "Organization"


@pytest.mark.parametrize(("text", "name"), [
    ("A critic called the ads a nightmare in an article for Creative Bloq, noting the irony.", "Creative Bloq"),
    ("Dana Whitfield wrote in an op-ed for Harbor Ledger that the plan failed.", "Harbor Ledger"),
    ("Dana Whitfield, writing for Quillon Weekly, disagreed.", "Quillon Weekly"),
])
def test_where_a_piece_appeared_is_a_publication(text: str, name: str) -> None:
    got = labels(extract(text))
    assert got.get(name) == "Organization"
    assert got.get("Dana Whitfield", "Person") == "Person"


@pytest.mark.parametrize("text", [
    "The board voted 2 to 1, with commissioners Dana Whitfield and Lindsay See voting to reject it.",
    "Researchers Dana Whitfield and Lindsay See wrote the paper.",
])
def test_a_stopword_surname_after_a_given_name(text: str) -> None:
    assert labels(extract(text)).get("Lindsay See") == "Person"


def test_a_company_before_a_country_possessive_is_not_a_town() -> None:
    got = labels(extract("Toyota, Japan's largest carmaker, backed Orvane."))
    assert got.get("Toyota") == "Organization"


@pytest.mark.parametrize("region", ["Bavaria", "Scotland", "New South Wales", "Guangdong", "Ontario"])
def test_a_first_level_division_abroad_is_a_place(region: str) -> None:
    got = labels(extract(f"In {region}, Orvane Robotics and Veltrix Labs opened offices, officials in {region} said."))
    assert got.get(region) == "Place"


def test_org_suffix_words_are_not_surnames() -> None:
    text = ("Regulators sued Paragon Talent on Monday. Its audits are run by an independent firm, Harlow Assurance, "
            "and it is insured by Wexford Insurance.")
    got = labels(extract(text))
    assert got["Paragon Talent"] == "Organization"
    assert got["Harlow Assurance"] == "Organization"
    assert got["Wexford Insurance"] == "Organization"
    assert "Person" not in got.values()


def test_foreign_article_and_the_names_are_organisations() -> None:
    text = "She said so in an interview with Le Quotidien, according to a recording reviewed by The Ledger."
    got = labels(extract(text))
    assert got["Le Quotidien"] == "Organization"
    assert got.get("Ledger") == "Organization" or got.get("The Ledger") == "Organization"
    # a quoted title after "The" is not an organisation
    got = labels(extract('He posted a video titled "The Worst Gadget I Own," and Orvane replied.'))
    assert "Worst Gadget" not in got


def test_think_tank_cue_and_title_before_department() -> None:
    text = "Mira Solberg, a researcher at the think tank Digitale Ordnung, praised the Justice Department."
    got = labels(extract(text))
    assert got["Digitale Ordnung"] == "Organization"
    assert got["Department of Justice"] == "Organization"  # the lexicon's name of the "Justice Department"
    assert "Department" not in got


def test_person_needs_a_first_name_or_a_person_context() -> None:
    got = labels(extract("The paper appeared in the journal Clinical Robotics on Monday."))
    assert got.get("Clinical Robotics") != "Person"
    got = labels(extract("Her son, Tobin Ravelle, was 14. On video, Vask Orlen, whose channel is popular, laughed."))
    assert got["Tobin Ravelle"] == "Person"
    assert got["Vask Orlen"] == "Person"


def test_code_prefix_kept_for_products_only() -> None:
    got = labels(extract("Quillon says its accelerator, the Q1 Tessel, is fast. Buyers ordered Q1 Tessel chips."))
    assert got["Q1 Tessel"] == "Product"
    assert "Tessel" not in got
    got = labels(extract("In its results, Orvane said Q1 Brightwave Capital invested more."))
    assert got.get("Brightwave Capital") == "Organization"


def test_product_line_tail_keeps_the_product_whole() -> None:
    text = ("Testers compared Claude with Medivo Pro from Sanix Health. Medivo Pro did worst, and Medivo's answers "
            "varied.")
    ex = extract(text)
    got = labels(ex)
    assert got["Medivo Pro"] == "Product"
    assert "Medivo" not in got
    check_spans(text, ex)


def test_maker_and_product_code() -> None:
    ex = extract("The startup bought 500 Nvidia H100 chips last year.")
    got = labels(ex)
    assert got["Nvidia H100"] == "Product"
    assert got["Nvidia"] == "Organization"
    product = next(e for e in ex.entities if e.label == "Nvidia H100")
    assert "H100" in product.aliases


def test_maker_then_known_product_is_one_product_labelled_in_full() -> None:
    ex = extract("Developers praised GitHub Copilot on Monday, and GitHub said usage doubled.")
    got = labels(ex)
    assert got["GitHub Copilot"] == "Product"
    assert got["GitHub"] == "Organization"
    assert "Copilot" in next(e for e in ex.entities if e.label == "GitHub Copilot").aliases


def test_longest_written_lexicon_name_is_the_label() -> None:
    ex = extract("Samsung Electronics reported profits. Samsung said demand rose.")
    orgs = [e for e in ex.entities if e.type == "Organization"]
    assert [e.label for e in orgs] == ["Samsung Electronics"]
    assert "Samsung" in orgs[0].aliases
    # a legal form keeps the lexicon's label
    assert labels(extract("Analysts watched Alphabet Inc. closely."))["Alphabet"] == "Organization"


def test_capitalised_stopword_ending_a_name() -> None:
    got = labels(extract("The digital rights group Access Forward called for a ban, and Relay Now agreed."))
    assert got["Access Forward"] == "Organization"
    got = labels(extract("The digital rights group Access Now called for a ban."))
    assert got["Access Now"] == "Organization"
    got = labels(extract("Copyright Orvane Press All rights reserved."))
    assert "Orvane Press All" not in got


def test_non_names_at_sentence_start_and_before_titles() -> None:
    text = ('Workers are being treated badly, the union said. Tech YouTuber Dmitri Volkan mocked it. '
            'Dutch MEP Pieter van Holt agreed, as did a Democrat from Oregon. "Hey Orbit" failed again.')
    got = labels(extract(text))
    for word in ("Workers", "Tech", "Dutch", "Democrat", "Hey Orbit"):
        assert word not in got
    assert got["Pieter van Holt"] == "Person"


@pytest.mark.parametrize(("text", "word"), [
    ("Zentrix Labs shipped a new model. Pressure is building on its rivals, analysts said.", "Pressure"),
    ('Orvane praised the model. "Smaller, specialized models may do as well," the governor wrote.', "Smaller"),
    ("Quillbyte was fined. Transport Secretary Dana Whitcombe said the fine was fair.", "Transport"),
])
def test_a_common_word_starting_a_sentence_is_not_a_name(text: str, word: str) -> None:
    assert word not in labels(extract(text)), labels(extract(text))


def test_a_common_word_mid_sentence_or_possessive_may_still_be_a_company() -> None:
    got = labels(extract("Orvane said Stability had raised $80 million. Stability's chief executive resigned."))
    assert got.get("Stability") == "Organization", got


def test_fortune_500_is_not_the_magazine() -> None:
    got = labels(extract("Kestrel sells to several Fortune 500 companies, Orvane said."))
    assert "Fortune" not in got


def test_acronym_then_city_is_an_institution_and_maker_possessive() -> None:
    got = labels(extract("Marcus Feld, a professor of robotics at ETH Zurich, was unconvinced."))
    assert got["ETH Zurich"] == "Organization"
    got = labels(extract("The pitch sounds familiar. Lumane's AI Pin flopped, reviewers said."))
    assert got.get("Lumane") == "Organization"


def test_green_party_title_and_place_after_for() -> None:
    got = labels(extract("Niamh Doyle, a Green Party TD for Limerick, decried the plan."))
    assert got["Green Party"] == "Organization"
    assert got.get("Limerick") == "Place"
    assert got["Niamh Doyle"] == "Person"


@pytest.mark.parametrize(("text", "person"), [
    ("The authors, who include Richard Kadrey, Sarah Silverman and Ta-Nehisi Coates, sued the company.",
     "Ta-Nehisi Coates"),
    ("The suit was joined by artists Gerald Brom, Jingna Zhang and Julia Kaye on Wednesday.", "Jingna Zhang"),
])
def test_a_name_shaped_item_of_a_list_of_people_is_a_person(text: str, person: str) -> None:
    assert labels(extract(text)).get(person) == "Person", labels(extract(text))


def test_an_institution_in_a_list_of_people_is_not_a_person() -> None:
    text = ("The inquiry was decided by the Commissioners for Data Protection, Des Hogan and Dale Sunderland, "
            "who notified the company of their data protection concerns.")
    assert labels(extract(text)).get("Data Protection") != "Person"


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The charge names Llama Productions, the Epic Games subsidiary that signs the deals.", "Llama Productions",
     "Organization"),
    ("Matt Turnbull, an executive producer at Xbox Game Studios Publishing, posted the advice.",
     "Xbox Game Studios Publishing", "Organization"),
    ("Developers build agents in Copilot Studio, Microsoft said.", "Copilot Studio", "Product"),
])
def test_a_product_line_name_ending_in_a_company_word_is_a_company(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "word"), [
    ("Orvane Labs, the San Francisco AI lab, raised $2 billion.", "San Francisco AI"),
    ("U.S. AI experts said the Zentrix chips could be tracked.", "U.S. AI"),
    ("Quillbyte built a data centre in a mostly Black neighbourhood of the city.", "Black"),
])
def test_a_place_or_an_adjective_before_a_field_is_no_organisation(text: str, word: str) -> None:
    assert word not in labels(extract(text), "Organization"), labels(extract(text))


@pytest.mark.parametrize(("text", "person"), [
    ('"Nobody uses the app," said Digital Affairs Minister, Ruvane Hadisto.', "Ruvane Hadisto"),
    ("Kesh Bandari of Foundation Capital went further in an essay.", "Kesh Bandari"),
    ("Speaking on the Circuit Hour podcast, hosted by Ravell Oduya, she said the board was misled.", "Ravell Oduya"),
    ('"Who is making this decision?" TikToker Dovan Kreel said in a video.', "Dovan Kreel"),
])
def test_a_person_with_an_unknown_given_name_is_read_from_the_context(text: str, person: str) -> None:
    assert labels(extract(text)).get(person) == "Person", labels(extract(text))


def test_a_firm_after_of_does_not_make_an_institution_a_person() -> None:
    got = labels(extract("Zentrix Labs sold a stake to Harbor Group of Sequoia Capital last year."))
    assert got.get("Harbor Group") != "Person", got


def test_an_unknown_word_in_a_list_of_places_is_a_place() -> None:
    text = "The three newspapers, headquartered in Tokyo, Marubashi and Fukuoka, operate separately from Zentrix."
    assert labels(extract(text)).get("Marubashi") == "Place", labels(extract(text))


def test_a_nationality_in_a_list_of_companies_is_no_company() -> None:
    text = ("Investors include Harbor Ventures, Quillbyte Capital and Swedish defence company Zentrix AB, "
            "the company said.")
    assert "Swedish" not in labels(extract(text)), labels(extract(text))


def test_a_school_district_is_an_organisation() -> None:
    text = "Cameras on Marlow Unified School District buses recorded 19 Zentrix robotaxis passing."
    assert labels(extract(text)).get("Marlow Unified School District") == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The trade title Teachers Weekly reported that schools were far behind Zentrix.", "Teachers Weekly",
     "Organization"),
    ("Dana Whitcombe reported that the Zentrix lab was far behind.", "Dana Whitcombe", "Person"),
])
def test_a_plural_common_noun_starts_a_publication_not_a_reporter(text: str, name: str, kind: str) -> None:
    assert labels(extract(text)).get(name) == kind, labels(extract(text))


@pytest.mark.parametrize("word", ["AV", "AVs"])
def test_autonomous_vehicle_abbreviations_are_no_names(word: str) -> None:
    text = f"Zentrix said it would study the {word}'s response to this kind of rare event."
    assert word not in labels(extract(text)), labels(extract(text))


@pytest.mark.parametrize(("text", "firm"), [
    ("Weinberg was a first-year associate at Corvell & Dunmore when he started.", "Corvell & Dunmore"),
    ("In February, Haskell & Trevor decided to integrate the tool.", "Haskell & Trevor"),
    ("The suit was filed by Eisenfeld & Marr LLP and two other firms.", "Eisenfeld & Marr LLP"),
])
def test_names_joined_by_an_ampersand_are_a_firm(text: str, firm: str) -> None:
    assert labels(extract(text)).get(firm) == "Organization", labels(extract(text))


def test_an_owned_section_joined_by_an_ampersand_is_not_a_firm() -> None:
    got = labels(extract("Users can switch it off in the app's Data & Privacy settings, Quillbyte said."))
    assert "Data & Privacy" not in got, got


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("After she declined, he contacted her agent, Dana Whitcombe, in mid-May.", "Dana Whitcombe", "Person"),
    ("He asked his longtime assistant Tobin Garrow to call the studio.", "Tobin Garrow", "Person"),
    ("Quillbyte launched an AI agent called Devin Marlo last year.", "Devin Marlo", "Product"),
])
def test_a_persons_agent_or_assistant_is_a_person_an_ai_agent_a_product(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The company is not alone. Lexvane and Klarity are among the firms building legal tools.", "Lexvane",
     "Organization"),
    # an ordinary word opening the sentence stays no name
    ("The rules are strict. Defendants and Quillbyte Labs are due in court.", "Defendants", None),
    ("They built the voice. Consequently, Quillbyte Labs agreed to take it down.", "Consequently", None),
])
def test_a_sentence_opening_name_takes_its_coordinated_partners_type(text: str, name: str,
                                                                     etype: str | None) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The tech press was less restrained. Gamevane summed up the case with a headline.", "Gamevane", "Organization"),
    # a common word opening the sentence before a past tense is no firm
    ("The press was less restrained. Nobody expected the case to settle.", "Nobody", None),
    # a plural noun takes a past tense too
    ("The vote was close. Protesters gathered outside the council chamber.", "Protesters", None),
])
def test_an_unknown_word_opening_a_sentence_before_a_past_tense_acts_as_a_firm(text: str, name: str,
                                                                             etype: str | None) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Lawyers with the Alliance Defending Freedom asked for the ban to be halted.", "Alliance Defending Freedom",
     "Organization"),
    ("The Coalition Against Stalkerware said the app was spyware.", "Coalition Against Stalkerware", "Organization"),
])
def test_a_bodys_head_word_opening_a_name_makes_an_organisation(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The launch post referred to the 2013 Brisk Zorvath film about a lonely writer.", "Brisk Zorvath", "Person"),
    ("Critics compared it to a Spike Tesk movie, Quillbyte said.", "Spike Tesk", "Person"),
])
def test_the_maker_named_before_a_film_is_a_person(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))
