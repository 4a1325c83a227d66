"""Personal names with a middle initial or an apostrophe, and generic capitalised words (invented sentences)."""

from __future__ import annotations

import pytest
from extract_helpers import labels

from loaders.extract import extract
from loaders.extract.mentions import find_mentions
from loaders.extract.text import prepare


@pytest.mark.parametrize(("text", "name"), [
    ("The review was ordered by agency chairman Andrew T. Hollis on Monday.", "Andrew T. Hollis"),
    ("The company hired George K. Marlow, who led its rival's chip unit.", "George K. Marlow"),
    ("Quillbyte chief executive Adam D’Amaro said the deal was fair.", "Adam D’Amaro"),
    ("Board member Tess O’Rourke said she would vote against the plan.", "Tess O’Rourke"),
    ("Novelists Dana Whitcombe, Harold P.J. Vance and 12 other writers sued Quillbyte.", "Harold P.J. Vance"),
    ("The office of Daewon Group chairman Park Seung-hoon did not respond.", "Park Seung-hoon"),
    ("Choi Young-min, a researcher at Daewon Labs, said the model was weak.", "Choi Young-min"),
    ("Dario T Okonkwo, a state senator for the district, said the permit was rushed.", "Dario T Okonkwo"),
    ("(Reporting by Brack A. Tolliver in Austin; Editing by Quin Marlowe)", "Brack A. Tolliver"),
    ("The mother of 14-year-old Tobin Garrow III, who died last year, sued Quillbyte.", "Tobin Garrow III"),
    ("The case was assigned to Judge Ysolde K. Marren. The plaintiff is a novelist.", "Ysolde K. Marren"),
    ("Deputy President Wanjiru Kamau'wa said the levy would hurt start-ups.", "Wanjiru Kamau'wa"),
    ("Zhou Lin'an, the founder of Daewon Labs, said the model was weak.", "Zhou Lin'an"),
    ("Rosaria delli Fonti, a lawyer at Open Data Watch, said the fine was small.", "Rosaria delli Fonti"),
    ("The film's director, Ettore della Vigna, called the model a forgery.", "Ettore della Vigna"),
])
def test_names_with_an_initial_or_an_apostrophe_are_one_person(text: str, name: str) -> None:
    people = labels(extract(text), "Person")
    assert any(p.replace("'", "’") == name.replace("'", "’") for p in people), people


@pytest.mark.parametrize("text", ["Quillbyte'll win the contract, Marlow said.", "Marlow'd have sold it, he said."])
def test_a_contraction_is_no_part_of_a_name(text: str) -> None:
    assert not any("'" in label for label in labels(extract(text))), labels(extract(text))


@pytest.mark.parametrize(("text", "not_a_name"), [
    ("Sutskever announced the venture on the social media platform X. Investors include Harbor Ventures.",
     "X. Investors"),
    ("The company said it would switch to Plan B. Then the board met again.", "B. Then"),
])
def test_a_full_stop_after_a_capital_still_ends_the_sentence(text: str, not_a_name: str) -> None:
    assert not any(not_a_name in label for label in labels(extract(text)))


@pytest.mark.parametrize("compound", ["Well-known", "Real-time", "Year-long", "High-end"])
def test_hyphenated_english_compounds_are_not_given_names(compound: str) -> None:
    text = f"{compound} tools from Quillbyte Labs were shown, the firm said."
    assert not any(compound in label for label in labels(extract(text)))


@pytest.mark.parametrize(("text", "name"), [
    ("He filed a complaint with the US Securities and Exchange Commission on Monday.",
     "US Securities and Exchange Commission"),
    ("The chair of the US House Select Committee on Trade wrote to Zentrix Labs.",
     "US House Select Committee on Trade"),
])
def test_a_us_prefix_stays_in_an_institutions_name(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize("prefix", ["US", "U.S."])
def test_a_country_prefixed_institution_is_one_entity_with_its_acronym(prefix: str) -> None:
    text = (f"The {prefix} Federal Trade Commission (FTC) opened an inquiry into Zentrix Labs. "
            "The FTC said the firm had ignored earlier warnings.")
    orgs = [e for e in extract(text).entities if "Trade Commission" in e.label or "FTC" in e.aliases]
    assert len(orgs) == 1, orgs
    assert f"{prefix} Federal Trade Commission" in (orgs[0].label, *orgs[0].aliases)


@pytest.mark.parametrize(("text", "name"), [
    ("The story ran in a paper owned by USA Today publisher Gannett last year.", "USA Today"),
    ("Scale AI CEO Alexandr Wang told reporters that data costs were rising.", "Scale AI"),
    ("The photographs were licensed from Getty Images, Zentrix Labs said.", "Getty Images"),
])
def test_a_well_known_name_is_not_cut_by_a_title_or_a_generic_word(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name"), [
    ("The bill passed. Actor Dominic Ashgrove-Reyes was among those who criticised it.", "Dominic Ashgrove-Reyes"),
    ("Novelist Marguerite Okonjo said the model copied her books.", "Marguerite Okonjo"),
    ("Illustrator Tobias Wrenfield joined the suit against Zentrix Labs.", "Tobias Wrenfield"),
])
def test_an_occupation_starting_a_sentence_is_a_title_not_part_of_the_name(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Person", labels(extract(text))


@pytest.mark.parametrize("name", ["Senate Banking, Housing, and Urban Affairs Committee",
                                  "Senate Commerce, Science and Transportation Committee",
                                  "House Energy, Trade, and Markets Subcommittee"])
def test_a_chambers_committee_listing_its_fields_is_one_organisation(name: str) -> None:
    text = f"Zentrix Labs will testify before the {name} next week, its lawyers said."
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


def test_a_chamber_in_a_list_of_names_is_not_a_committee() -> None:
    found = labels(extract("The Senate, Zentrix Labs, and the Oversight Committee met on Monday."))
    assert "Senate" in found and not any(label.startswith("Senate,") for label in found), found


@pytest.mark.parametrize(("text", "org", "not_org"), [
    ("Tech analyst Odile Marchetti of Creative Vectors said both devices were early experiments.",
     "Creative Vectors", None),
    ("Analyst Odile Marchetti of Keen Insight said the devices were early.", "Keen Insight", None),
    ("Sen. Harlan Voss of Louisiana questioned the chief executive on the issue.", None, "Louisiana"),
])
def test_the_name_after_a_person_and_of_is_their_organisation(text: str, org: str | None,
                                                              not_org: str | None) -> None:
    found = labels(extract(text))
    if org:
        assert found.get(org) == "Organization", found
    if not_org:
        assert found.get(not_org) != "Organization", found


@pytest.mark.parametrize(("text", "name", "fragment"), [
    ("The round drew Abu Dhabi-backed MGX and two other funds.", "Abu Dhabi", "Abu"),
    ("Andreessen Horowitz-led investors put $40 million into Zentrix Labs.", "Andreessen Horowitz", "Andreessen"),
    ("The San Francisco-based startup Zentrix Labs hired 40 engineers.", "San Francisco", "San"),
])
def test_a_name_glued_to_a_participle_is_read_whole(text: str, name: str, fragment: str) -> None:
    found = labels(extract(text))
    assert name in found and fragment not in found, found


@pytest.mark.parametrize(("text", "word"), [
    ("The grant to Zentrix Labs came under the Chips and Science Act last year.", "Chips"),
    ("Like Judge Harlan Voss, the court found that training was fair use.", "Like"),
])
def test_parts_of_laws_and_sentence_initial_prepositions_are_not_entities(text: str, word: str) -> None:
    assert word not in labels(extract(text))


@pytest.mark.parametrize(("text", "word"), [
    ("Zentrix Labs said its Quorvale fulfilment centre would close.", "Quorvale"),
    ("Customers complained about the Prolix plan after the change.", "Prolix"),
    ("Regulators in the West have moved faster than Zentrix Labs expected.", "West"),
    ("All times Pacific. Zentrix Labs opened the event at noon.", "Pacific"),
    ("The union has reached agreements covering AI with Hollywood studios and Zentrix Labs.", "Hollywood"),
    ("The regulator said it would allege in Court that Zentrix Labs misled buyers.", "Court"),
    ("Zentrix Labs raised the price of its Personal and Family plans by 30 per cent.", "Family"),
    ("He said the ruling violated the Constitution of the United States, and Zentrix Labs agreed.", "Constitution"),
    ("He sued to stop the state from enforcing the law, AB 2839, after posting a video.", "AB"),
    ("The governor vetoed SB 1047 last year, and Zentrix Labs welcomed it.", "SB"),
    ("Senior U.S. District Judge Dana Pruitt wrote that the law was flawed.", "Senior U.S."),
    ("Rep. Dana Pruitt, D-Calif., said Zentrix Labs had misled the committee.", "D-Calif"),
    ("The ruling deepened the Musk-Newsom row over Zentrix Labs' deepfake ads.", "Musk-Newsom"),
])
def test_generic_and_modifying_capitalised_words_are_not_organisations(text: str, word: str) -> None:
    assert labels(extract(text)).get(word) != "Organization"


@pytest.mark.parametrize(("text", "place"), [
    ("The ban passed, according to the Los Angeles County registrar, and Zentrix Labs objected.", "Los Angeles County"),
    ("Voters across the San Gabriel Valley rejected the data centre that Zentrix Labs proposed.", "San Gabriel Valley"),
])
def test_a_known_places_county_or_valley_is_a_place(text: str, place: str) -> None:
    assert labels(extract(text)).get(place) == "Place", labels(extract(text))


@pytest.mark.parametrize(("text", "place"), [
    ("The hospital groups in Marseille and Lyon use the Zentrix Labs software.", "Lyon"),
    ("The letter from Senator Dana Pruitt of Indiana asked Zentrix Labs to stop.", "Indiana"),
])
def test_a_known_city_or_state_after_a_place_preposition_is_a_place(text: str, place: str) -> None:
    assert labels(extract(text)).get(place) == "Place"


@pytest.mark.parametrize(("text", "name"), [
    ("Zentrix Labs said McDonald's has tested its voice ordering, and Wendy's has too.", "McDonald's"),
    ("Artists urged Christie's to cancel the sale that Zentrix Labs had backed.", "Christie's"),
    ("Moody's downgraded Zentrix Labs on Monday.", "Moody's"),
])
def test_a_well_known_name_ending_in_a_possessive_is_read_whole(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


def test_a_persons_surname_in_the_possessive_is_no_well_known_firm() -> None:
    found = labels(extract("Former governor Dana Christie's remarks were cited by Zentrix Labs."))
    assert "Christie's" not in found, found


def test_a_company_named_like_a_city_stays_a_company() -> None:
    assert labels(extract("The round was led by Toyota, with participation from Zentrix Labs."))["Toyota"] \
        == "Organization"


@pytest.mark.parametrize(("text", "name"), [
    ("The Department for Energy, Industry and Technology said it was reviewing the deal.",
     "Department for Energy, Industry and Technology"),
    ("Dana Pruitt, who chairs the Senate Committee on Commerce, Science and Transportation, objected.",
     "Senate Committee on Commerce, Science and Transportation"),
    ("The suit was filed in the U.S. District Court for the Western District of Texas on Friday.",
     "U.S. District Court for the Western District of Texas"),
    ("In May, the Office of the Information Commissioner of Ruritania opened an inquiry into Zentrix Labs.",
     "Office of the Information Commissioner of Ruritania"),
    ("The head of the Conseil de la Concurrence warned Zentrix Labs on Monday.", "Conseil de la Concurrence"),
    ("Talvane Holdings, Inc. sued Zentrix Labs for copyright infringement.", "Talvane Holdings, Inc"),
    ("The union struck a deal with the Alliance of Stage and Screen Producers last year.",
     "Alliance of Stage and Screen Producers"),
    ("He joined the Association of Film and Television Editors in May.", "Association of Film and Television Editors"),
])
def test_institution_names_go_on_over_lists_and_small_words(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


def test_a_body_of_members_and_a_second_name_stay_apart() -> None:
    got = labels(extract("The Association of Film met Zentrix Labs and Quillbyte Engineers on Monday."))
    assert "Association of Film" in got and "Zentrix Labs and Quillbyte Engineers" not in got, got


@pytest.mark.parametrize(("text", "name"), [
    ("Zentrix Labs responded on Monday.\n\nMax van Rensburg, policy director at the Open Futures Institute, said "
     "it was bad.", "Max van Rensburg"),
    ("Zentrix Labs denied it.\n\nAdditional reporting by Javier Ortuño in Madrid\n", "Javier Ortuño"),
    ("Congressmember Dana Pruitt applauded the veto of the Zentrix Labs bill.", "Dana Pruitt"),
    ("Tech analyst Carolina Vestri of Halden Research said both products were early experiments.",
     "Carolina Vestri"),
])
def test_people_named_with_particles_titles_and_bylines(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Person", labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The round was led by SoftBank Vision Fund 2 and Harbor Ventures.", "SoftBank Vision Fund 2", "Organization"),
    ("Zentrix Labs sued Kestrel PBC in federal court.", "Kestrel PBC", "Organization"),
    ("Dana Moss, a cryptographer at Halden University, says the design is sound.", "Dana Moss", "Person"),
    ("“This settlement is historic,” Dana Moss of Pryor Whitcombe, a lawyer for the authors, said.",
     "Pryor Whitcombe", "Organization"),
])
def test_typing_cues_that_belong_to_the_name(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


def test_a_curly_apostrophe_writing_is_kept_as_an_alias() -> None:
    ex = extract("Quora chief executive Adam D’Angelo joined the board of Zentrix Labs.")
    person = next(e for e in ex.entities if e.type == "Person")
    assert "Adam D’Angelo" in (person.label, *person.aliases)


@pytest.mark.parametrize("text", [
    "Zentrix Labs lobbied against the GAIN AI Act in the Senate.",
    "The Digital Services Act applies to Zentrix Labs from next year.",
])
def test_a_law_is_not_an_organisation(text: str) -> None:
    assert not any(label.endswith(("AI", "Services")) for label, t in labels(extract(text)).items()
                   if t == "Organization"), labels(extract(text))


def test_a_sentence_initial_common_word_before_a_company_suffix_is_kept() -> None:
    text = "The news was bad for the paper. News Corp CEO Dana Moss did not mince words."
    assert labels(extract(text)).get("News Corp") == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name"), [
    ("The case is brought by the Dana Moss Law Firm together with two lawyers.", "Dana Moss Law Firm"),
    ("The judge said he felt misled, Bloomberg Tax reported on Friday.", "Bloomberg Tax"),
])
def test_firms_and_units_of_known_companies_are_not_people(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "word"), [
    ("The defendants denied it. Through Zentrix Labs's Copilot and Kestrel's Quill, Defendants seek to free-ride.",
     "Defendants"),
    ("Zentrix Labs said smaller models matter. \"Smaller, specialized models may emerge,\" the governor wrote.",
     "Smaller"),
    ("The inquiry under Section 110 of the Data Act was opened by the regulator into Zentrix Labs.", "Section 110"),
])
def test_common_words_and_numbered_sections_are_not_products(text: str, word: str) -> None:
    assert word not in labels(extract(text)), labels(extract(text))


@pytest.mark.parametrize("text", [
    "The chips could be used to advance Chinese AI and military interests, Zentrix Labs warned.",
    "Beijing approved the purchase of Israeli AI chipmaker Kestrel Systems by Zentrix Labs.",
])
def test_a_nationality_before_ai_is_not_a_company(text: str) -> None:
    assert not any(label.endswith(" AI") for label in labels(extract(text))), labels(extract(text))


def test_a_lexicon_name_keeps_the_texts_curly_apostrophe_as_its_label() -> None:
    ex = extract("Quora chief executive Adam D’Angelo joined the board of Zentrix Labs.")
    assert "Adam D’Angelo" in labels(ex, "Person")


@pytest.mark.parametrize(("text", "name"), [
    ("Buscaglia told the tech news site 404 Media that he had not checked.", "404 Media"),
    ("A lecturer at King's College London said the claimants faced a hard case.", "King's College London"),
    ("Staff were told to use Microsoft 365 Copilot for their drafts.", "Microsoft 365 Copilot"),
])
def test_a_well_known_name_with_a_digit_or_a_possessive_is_read_whole(text: str, name: str) -> None:
    assert name in labels(extract(text)), labels(extract(text))


def test_a_sentence_initial_word_of_a_name_written_mid_sentence_elsewhere_is_kept() -> None:
    text = ("Readers of the Harbor Chronicle were upset. Harbor Chronicle published the pieces without bylines, "
            "critics at the harbor said.")
    doc = prepare(text)
    second = text.index("Harbor Chronicle published")
    assert any(m.start == second and m.text == "Harbor Chronicle" for m in find_mentions(doc).mentions)


def test_a_union_of_an_organisations_staff_is_not_the_organisation() -> None:
    text = ("Writers at Quillmark Weekly were angry. The Quillmark Weekly Union said it was horrified by "
            "the articles that Quillmark Weekly published.")
    union = next(e for e in extract(text).entities if e.label == "Quillmark Weekly Union")
    assert "Quillmark Weekly" not in union.aliases, union


@pytest.mark.parametrize(("text", "not_names"), [
    ('Tech writer Dana Whitcombe, author of "Blood in the Machine," said the mood had turned.', {"Blood", "Machine"}),
    ('Publishers say the "Skip the Links" promise of Quillbyte Labs uses their work.', {"Links", "Skip the Links"}),
    ("The arm built by Quillbyte Labs can handle 20,000 different SKUs without retraining.", {"SKUs"}),
    ("Shares of Quillbyte Labs, the chipmaker, fell 2.5% in New York.", {"Shares of Quillbyte Labs"}),
    ("Independent AI researcher Dana Whitcombe said the benchmark was flawed.", {"Independent AI"}),
    ("The ruling was taken by the Commissioners for Data Protection, Dana Whitcombe and Harold Vance.",
     {"Commissioners"}),
    ("Quin Marlowe, Quillbyte's vice president for Windows and Devices, said the feature would not ship.",
     {"Devices"}),
])
def test_quoted_titles_plural_acronyms_and_shares_are_not_names(text: str, not_names: set[str]) -> None:
    found = labels(extract(text))
    assert not not_names & set(found), found


def test_the_plural_of_a_well_known_product_acronym_is_that_product() -> None:
    ex = extract("Quillbyte Labs rents tensor processing units (TPUs) from Google to train its models.")
    tpu = next(e for e in ex.entities if e.label == "TPU")
    assert tpu.type == "Product" and "TPUs" in tpu.aliases, tpu


def test_a_quoted_well_known_name_is_still_a_name() -> None:
    assert "Sports Illustrated" in labels(extract('He had written for "Sports Illustrated" and other titles.'))


@pytest.mark.parametrize(("text", "name"), [
    ("The U.S. Court of Appeals for the Third Circuit heard the case on Monday.",
     "U.S. Court of Appeals for the Third Circuit"),
    ("Ashu Garg of Harbor Capital said the round was priced well.", "Harbor Capital"),
    ("Fidelity Management and Research Company joined the round.", "Fidelity Management & Research"),
])
def test_courts_of_appeals_firms_after_of_and_known_names_with_and(text: str, name: str) -> None:
    found = labels(extract(text))
    assert name in found and not any(" of Harbor" in label for label in found), found


@pytest.mark.parametrize(("text", "not_name"), [
    ("Defendant Quillbyte Labs denied the claims in a filing.", "Defendant Quillbyte Labs"),
    ("She earned a Ph.D in physics before joining Quillbyte Labs.", "Ph.D"),
])
def test_legal_roles_and_degrees_are_not_names(text: str, not_name: str) -> None:
    assert not_name not in labels(extract(text))


def test_an_acronym_before_the_same_suffix_is_the_long_name() -> None:
    text = ("Paris-based AMI Labs closed a round. The company, Advanced Machine Intelligence Labs, was founded by "
            "Yann LeCun.")
    orgs = [e for e in extract(text).entities if e.type == "Organization"]
    ami = [e for e in orgs if "AMI Labs" in (e.label, *e.aliases)]
    assert len(ami) == 1 and ami[0].label == "Advanced Machine Intelligence Labs", orgs


@pytest.mark.parametrize(("text", "name", "not_name"), [
    ("The plaintiffs were joined by artists H. Southworth, Dana Whitcombe and Gerald Brom.", "H. Southworth",
     "Southworth"),
    ("Andy Allen, founder of Not Boring Software, posted the results.", "Not Boring Software", "Boring Software"),
])
def test_a_first_initial_and_a_capitalised_stopword_stay_in_the_name(text: str, name: str, not_name: str) -> None:
    found = labels(extract(text))
    assert name in found and not_name not in found, found


def test_a_title_cased_headline_is_not_one_name() -> None:
    text = ("Quillbyte Flooded With Pledges To Quit App Following Decision To Replace Staff With AI\n\n"
            "Quillbyte Labs said on Monday it would replace contractors.")
    assert not any(len(label.split()) > 4 for label in labels(extract(text)))


@pytest.mark.parametrize(("text", "name"), [
    ("The company rents Nvidia-powered servers to developers.", "Nvidia"),
    ("The startup pilots an Uber-type setup for its agents.", "Uber"),
    ("The coup recalled how the then-Apple board pushed out its founder.", "Apple"),
])
def test_a_well_known_name_inside_a_compound_is_a_name(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


def test_a_compound_owner_before_a_name_stays_a_modifier() -> None:
    assert "Salesforce" not in labels(extract("Salesforce-owned Slack filed a complaint with the regulator."))


@pytest.mark.parametrize(("text", "name"), [
    ("The Verge's David Pierce was hardly kinder about the pin.", "The Verge"),
    ("Nvidia agreed to buy Run:ai, an Israeli start-up, last year.", "Run:ai"),
    ("The Information Commissioner's Office opened an inquiry into the bank.", "Information Commissioner's Office"),
])
def test_known_names_with_their_article_or_a_colon(text: str, name: str) -> None:
    assert name in labels(extract(text)), labels(extract(text))


def test_a_known_name_before_a_full_stop_ends_before_it() -> None:
    text = "The quote came from Professor Dana Whitcombe of the London School of Economics. She said more."
    org = next(e for e in extract(text).entities if e.type == "Organization")
    assert org.label == "London School of Economics" and all(not a.endswith(".") for a in org.aliases), org


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Investors include Harbor Ventures, Prince Karim Bin Naser and Orvane Holding.", "Prince Karim Bin Naser",
     "Person"),
    ("The fund is chaired by Sheikh Tamir bin Rashed, Zentrix Labs said.", "Sheikh Tamir bin Rashed", "Person"),
    ("Students at Queen Mary University protested against Zentrix Labs.", "Queen Mary University", "Organization"),
])
def test_an_honorific_before_a_personal_name_makes_a_person(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))


@pytest.mark.parametrize("quotes", ['""', "“”"])
def test_a_quoted_nickname_stays_inside_the_persons_name(quotes: str) -> None:
    text = (f"The round caps a good year for chief executive Qorvin {quotes[0]}Dee{quotes[1]} Whitcombe. "
            "Whitcombe founded Zentrix Labs in 2021.")
    people = [e for e in extract(text).entities if e.type == "Person"]
    assert len(people) == 1, people
    assert people[0].label.replace(quotes[0], "").replace(quotes[1], "") == "Qorvin Dee Whitcombe", people


def test_a_quoted_word_after_a_common_word_is_no_nickname() -> None:
    assert not any('"' in label for label in labels(extract('The word "Hello" Zentrix chose was odd.')))


@pytest.mark.parametrize(("text", "name"), [
    ("The privacy watchdog fined Quillbot 5 million euros on Monday.", "Quillbot"),
    ("Regulators fined Zentrix 20 percent of its revenue.", "Zentrix"),
])
def test_an_amount_after_a_name_is_no_version(text: str, name: str) -> None:
    found = labels(extract(text))
    assert name in found and not any(label.startswith(f"{name} ") for label in found), found


@pytest.mark.parametrize("title", ["Mr", "Ms", "Dr"])
def test_a_british_courtesy_title_without_a_full_stop_types_a_person(title: str) -> None:
    found = labels(extract(f"{title} Kebrawi said the schools would use the Zentrix tool."))
    assert found.get("Kebrawi") == "Person", found


@pytest.mark.parametrize("text", [
    "Tara Lind is CEO of Orvane Systems.",
    "Tara Lind, founder and CEO of Orvane Systems, disagreed.",
])
def test_a_lower_case_of_after_a_title_is_not_the_name_s(text: str) -> None:
    got = labels(extract(text))
    assert got.get("Orvane Systems") == "Organization" and "of Orvane Systems" not in got


@pytest.mark.parametrize(("text", "full", "short"), [
    ("Few startups were hotter than Veltrane Robotics Lab. Investors who backed Veltrane Robotics' round were "
     "told little, and valuations like Veltrane Robotics' make no sense.", "Veltrane Robotics Lab",
     "Veltrane Robotics"),
    ("Harlow Quantum Labs opened an office. Critics said Harlow Quantum's plan was vague.", "Harlow Quantum Labs",
     "Harlow Quantum"),
])
def test_a_name_starting_an_organisations_name_is_its_short_form(text: str, full: str, short: str) -> None:
    ex = extract(text)
    assert labels(ex).get(full) == "Organization", labels(ex)
    assert short not in labels(ex)
    assert short in next(e.aliases for e in ex.entities if e.label == full)


def test_a_well_known_name_is_not_the_short_form_of_its_productions_company() -> None:
    ex = extract("The union signed with Electronic Arts Productions and Harlow Productions. Electronic Arts said "
                 "nothing about the agreement.")
    found = labels(ex, "Organization")
    assert {"Electronic Arts Productions", "Electronic Arts", "Harlow Productions"} <= set(found), found


@pytest.mark.parametrize("given", ["François", "Francois", "José", "Zoë", "Søren", "Björn", "Adrián"])
def test_accented_given_names_are_known_with_and_without_accents(given: str) -> None:
    from loaders.extract.lexicon import lexicon
    from loaders.extract.name_cues import first_name

    assert first_name(given, lexicon())


@pytest.mark.parametrize("name", ["François Delmare", "Björn Halvorsen", "José Quintaval"])
def test_a_sentence_initial_name_with_an_accented_given_name_is_a_person(name: str) -> None:
    text = f"{name}, creator of the Quillbench benchmark, separately rejected the company's claim."
    assert name in labels(extract(text), "Person")


@pytest.mark.parametrize("cue", ["startup", "company", "firm"])
def test_a_common_word_called_by_an_organisation_noun_is_an_organisation(cue: str) -> None:
    text = f"Subway cars were plastered with ads for an AI {cue} called Lantern. Lantern sells a $99 pendant."
    assert labels(extract(text)).get("Lantern") == "Organization"


@pytest.mark.parametrize(("text", "not_names"), [
    ("The regulator rejected an amended Interconnection Service Agreement (ISA) for the site. The ISA was "
     "filed by Zentrix Labs in May.", ("Interconnection Service Agreement", "ISA")),
    ("The Interim Final Rule (IFR) caps chip sales, Zentrix Labs said.", ("Interim Final Rule", "IFR")),
    ("Zentrix Labs breached the General Data Protection Regulation, the watchdog said.",
     ("General Data Protection Regulation",)),
])
def test_legal_instruments_and_their_acronyms_are_no_actors(text: str, not_names: tuple[str, ...]) -> None:
    got = labels(extract(text))
    assert not set(not_names) & set(got), got


def test_a_body_named_after_what_it_regulates_stays_a_body() -> None:
    got = labels(extract("The State Administration for Market Regulation fined Zentrix Labs on Monday."))
    assert got.get("State Administration for Market Regulation") == "Organization", got


@pytest.mark.parametrize("name", ["Syndicat des Auteurs Velmora", "Union des Editeurs de Quillbyte"])
def test_a_french_name_joined_by_des_is_one_mention(name: str) -> None:
    doc = prepare(f"The {name} sued Zentrix Labs in Paris, its lawyers said.")
    found = [m.text for m in find_mentions(doc).mentions]
    assert name in found, found
