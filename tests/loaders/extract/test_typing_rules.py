"""The typing rules one at a time: each reads its cue in an invented sentence, and the rule order is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract
from loaders.extract.classify import RULES, type_mentions
from loaders.extract.lexicon import lexicon
from loaders.extract.mentions import find_mentions
from loaders.extract.rules import registry
from loaders.extract.schema import Mention
from loaders.extract.text import prepare
from loaders.extract.typing_cues import MentionCues, name_like, patterns, reads_length, rule_name


def _typed(text: str, surface: str) -> tuple[str | None, str]:
    """(type, cue) of the first mention of ``surface`` in ``text``."""
    doc = prepare(text)
    items = type_mentions(doc, find_mentions(doc)).items
    found = [t for t in items if t.mention.text == surface]
    assert found, [t.mention.text for t in items]
    return found[0].type, found[0].cue


@pytest.mark.parametrize(("text", "surface", "type_", "cue"), [
    ("The review was led by Quillbyte CEO Dana Whitcombe last year.", "Dana Whitcombe", "Person", "title:CEO"),
    ("The firm hired Prince Alwaleed Bin Talal as an adviser.", "Prince Alwaleed Bin Talal", "Person", "honorific"),
    ("Zentrix launched the chatbot Quillbot at the fair.", "Quillbot", "Product", "product-before"),
    ("The panel heard from a researcher at Veltrix on Monday.", "Veltrix", "Organization", "at-org"),
    ("Investors backed Veyra Labs in its first round.", "Veyra Labs", "Organization", "org-suffix"),
    ("Groups including the Sierra Club objected to the plan.", "Sierra Club", "Organization", "org-suffix"),
    ("The envoy met Premier Zhao Renwei on Monday.", "Zhao Renwei", "Person", "title:Premier"),
    ("Regulators praised Orvane, a startup based in Oslo.", "Orvane", "Organization", "appos-org"),
    ("The documents were reviewed by Max von Thun before the hearing.", "Max von Thun", "Person", "particle"),
    # a given name the list lacks before a frequent family name
    ("The complaint was filed by Orlinda Lee on Monday.", "Orlinda Lee", "Person", "first-name"),
    ("The fund was praised by Ilse zu Brandtberg on Monday.", "Ilse zu Brandtberg", "Person", "particle"),
    ("The Medibot Pro was recalled in March, the regulator said.", "Medibot Pro", "Product", "product-line-tail"),
    ("Shares rose after the Federal Bureau of Quotas (FBQ) approved the deal.", "Federal Bureau of Quotas",
     "Organization", "org-head"),
    ("The commission approved Veltrix Louisiana's plan on Wednesday.", "Veltrix Louisiana", "Organization",
     "national-arm"),
])
def test_a_rule_reads_its_cue(text: str, surface: str, type_: str, cue: str) -> None:
    assert _typed(text, surface) == (type_, cue)


@pytest.mark.parametrize(("text", "type_"), [
    ("Backers included Accel, Eric Schmidt and Quent Dean.", "Person"),
    ("Backers included Eric Schmidt, Accel and Quent Dean.", "Organization"),
    ("Backers included Quent Dean, Eric Schmidt and Accel.", "Person"),
])
def test_a_list_whose_types_tie_gives_an_untyped_name_its_nearest_neighbours_type(text: str, type_: str) -> None:
    # (the tie was once broken by the order a set of type names is iterated in: a different reading per process)
    assert _typed(text, "Quent Dean") == (type_, "list")


@pytest.mark.parametrize(("text", "surface", "type_"), [
    ("Teens spend hours on Instagram every day, the survey found.", "Instagram", "Product"),
    ("The regulator issued orders to Alphabet, Instagram, Meta and Snap on Thursday.", "Instagram", "Organization"),
    ("Instagram co-founder Dana Whitcombe warned about the feed.", "Instagram", "Organization"),
    ("She was the head of WhatsApp until 2019.", "WhatsApp", "Organization"),
    ("The authority said WhatsApp is dominant in messaging.", "WhatsApp", "Product"),
])
def test_a_platform_is_its_parents_product_unless_the_text_treats_it_as_a_company(text: str, surface: str,
                                                                                 type_: str) -> None:
    assert _typed(text, surface)[0] == type_


@pytest.mark.parametrize(("text", "type_"), [
    ("The Nordic Security Forum (NSF) criticised the plan.", None),
    ("The National Science Foundation (NSF) criticised the plan.", "Organization"),
    ("OSLO, Norway (NSF) - The plan was criticised on Monday.", "Organization"),  # a dateline defines nothing
])
def test_an_acronym_the_text_defines_for_another_body_loses_its_lexicon_reading(text: str, type_: str | None) -> None:
    assert _typed(text, "NSF")[0] == type_


@pytest.mark.parametrize(("text", "surface"), [
    ("The utility will serve the company's Louisiana data center from 2028.", "Louisiana"),
    ("The letter was led by Minnesota Secretary of State Dana Whitcombe on Monday.", "Minnesota"),
    ("Users in Missouri and Alabama saw the same answers, the group said.", "Alabama"),
    ("The case was moved to Tulsa County on Monday.", "Tulsa County"),  # a given name, but a known city
    ("The plant will serve a data center in Richland Parish, officials said.", "Richland Parish"),
])
def test_a_country_us_state_or_county_is_no_organisation(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] not in ("Organization", "Person")


@pytest.mark.parametrize(("text", "surface", "type_"), [
    ("Dana Reyes, mayor of Moreno Valley, sued Zentrix Labs.", "Moreno Valley", "Place"),  # a place's official
    ("Dana Reyes, director of Moreno Valley, sued Zentrix Labs.", "Moreno Valley", "Organization"),  # an employer
    ("Work goes on at the company's Fremont factory, Zentrix Labs said.", "Fremont", "Place"),  # a city's facility
    ("Work goes on at the Hudson factory, Zentrix Labs said.", "Hudson", None),  # a small town's name: a firm's too
])
def test_a_places_official_or_a_facility_in_a_city_makes_the_name_a_place(text: str, surface: str,
                                                                           type_: str | None) -> None:
    found = _typed(text, surface)[0]
    assert (found == "Place") == (type_ == "Place") and (type_ != "Organization" or found == type_), found


@pytest.mark.parametrize(("text", "surface", "type_"), [
    ("Burkina Faso's junta banned the Zentrix app last year.", "Burkina Faso", "Place"),  # a country
    ("Cape Town's mayor welcomed the Zentrix Labs plan.", "Cape Town", "Place"),  # a multi-word place
    ("Last summer was Phoenix's hottest on record, Zentrix Labs said.", "Phoenix", "Place"),  # a city of millions
    ("Toyota's profits rose, Zentrix Labs said.", "Toyota", None),  # a smaller city: a company's name too
    ("Dana Medina sued. Medina's lawyer spoke to Zentrix Labs.", "Medina", None),  # a surname alone
])
def test_a_place_in_the_possessive_is_a_place_only_where_no_company_or_person_shares_its_name(
        text: str, surface: str, type_: str | None) -> None:
    found = _typed(text, surface)[0]
    assert (found == "Place") == (type_ == "Place"), found


@pytest.mark.parametrize(("text", "surface"), [
    ("One case involves Scottish actor Dana Whitcombe, who sued.", "Scottish"),  # before a title and a person
    ("The head of the Venezuelan fact-checking group Veltrix Watch told reporters.", "Venezuelan"),  # at-org
    ("The letter was signed by Zentrix, Quillbyte and French AI start-up Veltrix.", "French AI"),  # in a list
])
def test_a_nationality_is_no_organisation_whatever_cue_typed_it(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] is None


@pytest.mark.parametrize(("text", "surface"), [
    ("Rep. Dana Jordan said the bill was rushed.", "Dana Jordan"),  # a given name first: a person
    ("Demand in Southern California rose in May.", "Southern California"),  # a region
    ("The bill keeps chips from adversaries like Communist China, he said.", "Communist China"),  # an adjective
])
def test_a_name_and_a_country_is_no_national_arm_after_a_given_name_or_a_region_word(text: str, surface: str) -> None:
    assert _typed(text, surface)[1] != "national-arm"


def test_a_group_mention_is_typed_as_a_group() -> None:
    assert _typed("Critics said the app was unsafe.", "Critics") == ("Group", "group")


def test_the_first_rule_with_a_reading_decides() -> None:
    text = "Zentrix launched the chatbot Quillbot at the fair."
    doc = prepare(text)
    m = next(m for m in find_mentions(doc).mentions if m.text == "Quillbot")
    # a cue word before it reads it as a product; the default for a lone unknown word, later, as a company
    readings = [r.__name__ for r in RULES if r(MentionCues(m, doc, lexicon(), patterns(), frozenset()))]
    assert readings == ["product_before", "single_default"]
    assert _typed(text, "Quillbot") == ("Product", "product-before")


def test_rules_are_unique_public_and_registered() -> None:
    names = [f"{r.__module__}.{r.__name__}" for r in RULES]
    assert len(set(names)) == len(names) and not any(r.__name__.startswith("_") for r in RULES)
    rules = registry()
    assert all(rules[rule_name(r)].family == "typing" and rules[rule_name(r)].module == r.__module__ for r in RULES)


@pytest.mark.parametrize(("words", "like"), [(["Mark", "LeCun"], True), (["Adam", "O’Brien"], True),
                                             (["Justin", "J", "Pearson"], True), (["quillbyte"], False),
                                             (["Max", "von", "Thun"], True), (["von", "Thun"], False)])
def test_name_like(words: list[str], like: bool) -> None:
    assert name_like(words) is like


def test_a_cue_is_read_only_when_asked() -> None:
    doc = prepare("Zentrix launched the chatbot Quillbot at the fair.")
    m: Mention = next(m for m in find_mentions(doc).mentions if m.text == "Quillbot")
    cues = MentionCues(m, doc, lexicon(), patterns(), frozenset())
    slot = MentionCues.__dict__["before"]  # the slot itself, without the lazy reading
    with pytest.raises(AttributeError):
        slot.__get__(cues, MentionCues)
    assert cues.cue_product and slot.__get__(cues, MentionCues).endswith("the chatbot ")
    with pytest.raises(AttributeError, match="no_such_cue"):
        cues.no_such_cue  # type: ignore[attr-defined]  # noqa: B018


def test_a_rule_reads_no_name_outside_the_lengths_it_declares(seeds_dir: Path, dev_articles_dir: Path) -> None:
    """The stage skips a rule for names of other lengths (classify._BY_LENGTH): that must not change what it reads."""
    declared = [r for r in RULES if not (reads_length(r, 1) and reads_length(r, 2))]
    assert declared  # the one-word default and the rules of personal and product names
    read = 0
    for path in sorted(seeds_dir.glob("*.txt")) + sorted(dev_articles_dir.glob("*.txt")):
        doc = prepare(path.read_text(encoding="utf-8"))
        for m in find_mentions(doc).mentions:
            if m.group:
                continue
            cues = MentionCues(m, doc, lexicon(), patterns(), frozenset())
            outside = [r for r in declared if not reads_length(r, len(cues.words))]
            assert [r.__name__ for r in outside if r(cues) is not None] == [], m.text
            read += len(outside)
    assert read > 1000


@pytest.mark.parametrize(("text", "surface", "type_", "cue"), [
    # a company's possessive before a name no cue typed: the company's product
    ("Analysts doubted that Zentrix's Quorvane would ship this year.", "Quorvane", "Product", "owned-product"),
    # a thing given a name: the name is a product's
    ("The lab trained it on a corpus called Velmora Stacks.", "Velmora Stacks", "Product", "called-product"),
    ("Users met an AI companion named Tavrik Blue on the site.", "Tavrik Blue", "Product", "called-product"),
])
def test_an_untyped_name_owned_by_a_company_or_given_to_a_thing_is_a_product(text: str, surface: str, type_: str,
                                                                              cue: str) -> None:
    assert _typed(text, surface) == (type_, cue)


@pytest.mark.parametrize(("text", "surface"), [
    ("Analysts doubted that Zentrix's Code of Quorvane would hold.", "Code of Quorvane"),  # a document's title
    ("He spoke at Zentrix's Velmora summit in Oslo on Monday.", "Velmora"),  # an event
    ("The firm hired a woman named Tavrik Blue to run the lab.", "Tavrik Blue"),  # a person named
    # a business: the name ends in the noun of a place of business
    ("The firm was founded by Olvar Brisk, the owner of Brisk's Velmora Cafe in Leeds.", "Velmora Cafe"),
    ("Zentrix opened Zentrix's Velmora Bar in Oslo last year.", "Velmora Bar"),
])
def test_an_owned_or_named_document_event_or_person_is_no_product(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] != "Product"


@pytest.mark.parametrize(("text", "surface"), [
    ("The rule is in Level 2 of the scheme, the agency said.", "Level"),
    ("The show returns for Season 4 in the spring, the studio said.", "Season"),
])
def test_a_common_word_before_a_number_is_no_product(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] != "Product"


@pytest.mark.parametrize(("text", "surface"), [
    ("Later that day Health Secretary Dana Whitcombe put the tool at the heart of the plan.", "Health"),
    ("Announcing the fine, Information Commissioner Quent Dean said the firm broke the law.", "Information"),
    ("The plan was backed by Education Minister Orlinda Lee and the teachers.", "Education"),
    ("At the time Data Protection Deputy Commissioner Quent Dean found the controls lacking.", "Data Protection"),
])
def test_a_portfolio_before_a_posts_title_and_its_holder_is_no_body(text: str, surface: str) -> None:
    assert _typed(text, surface) == (None, "portfolio")
    assert surface not in {e.label for e in extract(text).entities}


@pytest.mark.parametrize(("text", "surface"), [
    ("Dana Whitcombe, the Minister for Border Security and Asylum, said the tool works.", "Border Security"),
    ("Dana Whitcombe, the Minister for Border Security and Asylum, said the tool works.", "Asylum"),
    ("Quent Dean, Zentrix's Executive Director for Payments and Digital Finance, said so.",
     "Payments and Digital Finance"),
    ("A report by the Secretary of State for Digitalisation reached Zentrix Labs.", "Digitalisation"),
])
def test_a_portfolio_after_a_posts_title_and_for_is_no_body(text: str, surface: str) -> None:
    assert _typed(text, surface) == (None, "portfolio")


def test_an_office_after_a_posts_title_and_for_is_still_a_body() -> None:
    assert _typed("The Minister for the Cabinet Office, Dana Whitcombe, spoke to Zentrix.", "Cabinet Office")[0] \
        == "Organization"


@pytest.mark.parametrize(("text", "surface"), [
    ("Met Commissioner Quent Dean said the Met would review the clip.", "Met"),  # the body is named alone too
    ("The ruling was welcomed by Veltrix Commissioner Quent Dean.", "Veltrix"),  # no common word
    ("The deal was signed by Health Director Quent Dean on Monday.", "Health"),  # no post of a government
])
def test_a_body_or_another_title_is_no_portfolio(text: str, surface: str) -> None:
    assert _typed(text, surface)[1] != "portfolio"


@pytest.mark.parametrize(("text", "surface"), [
    ("Existing benchmarks such as Quillbench are not up to these threats.", "Quillbench"),
    ("Users can connect data from apps such as Veltrix Fit and Orvane, the company said.", "Orvane"),
    ("The system searches people-search sites such as Zentrofind for further details.", "Zentrofind"),
])
def test_a_name_listed_after_a_plural_product_noun_is_a_product(text: str, surface: str) -> None:
    assert _typed(text, surface) == ("Product", "such-as")


@pytest.mark.parametrize(("text", "surface"), [
    ("Firms such as Veltrix objected to the rule.", "Veltrix"),  # no product noun
    ("Services such as Orvane Labs were fined.", "Orvane Labs"),  # an organisation's suffix
])
def test_a_firm_listed_after_such_as_is_no_product(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] != "Product"


@pytest.mark.parametrize(("text", "surface"), [
    ("The researchers built a new benchmark Quillbench to test reasoning.", "Quillbench"),
    ("The firm's web crawler Zentrobot scraped the site for months.", "Zentrobot"),
    ("The students joined the Bridgeway program in 2024.", "Bridgeway"),
    ("The model was trained on the dataset Orvane-5 and others.", "Orvane-5"),
])
def test_programmes_benchmarks_crawlers_and_datasets_are_products(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] == "Product"


@pytest.mark.parametrize(("text", "surface", "type_"), [
    ("ZNRA analyst Quent Dean likened the launch to a film.", "ZNRA", "Organization"),
    ("QDE's code forge was knocked offline by the crawlers.", "QDE", "Organization"),
    ("PAGA suits are often quicker to bring than class actions.", "PAGA", None),  # a modifier of a common noun
])
def test_an_acronym_opening_a_sentence_is_read_as_one_mid_sentence(text: str, surface: str, type_: str | None) -> None:
    assert _typed(text, surface)[0] == type_


@pytest.mark.parametrize(("text", "surface", "type_"), [
    ("Opponents complained in the southern suburb of Bonvale about the noise.", "Bonvale", "Place"),
    ("Wing delivers by drone in Gurrawin, Canberra, and elsewhere.", "Gurrawin", "Place"),
    ("It is a public interest law firm based in Marivale, the filing says.", "Marivale", "Place"),
    ("Veltrix invested in Orvane, Quillbyte said on Monday.", "Orvane", "Organization"),  # a stake, no place
])
def test_a_name_the_gazetteer_lacks_is_a_place_in_a_places_context(text: str, surface: str, type_: str) -> None:
    assert _typed(text, surface)[0] == type_


@pytest.mark.parametrize(("text", "surface"), [
    ("The agency will also test the MK40 drone on patrols.", "MK40"),
    ("Researchers said a Vermoo plush from Quillbyte gave unsafe advice.", "Vermoo"),
    ("The studio behind the Dark Orchard reboot has been closed.", "Dark Orchard"),
])
def test_drones_plush_toys_and_reboots_are_products(text: str, surface: str) -> None:
    assert _typed(text, surface)[0] == "Product"


def test_a_personal_name_after_a_product_noun_and_a_comma_is_no_product() -> None:
    text = "Asked in 2019 about the firm's Orvane drone, Marta Kowalczyk of the campaign said it was dangerous."
    assert _typed(text, "Marta Kowalczyk")[0] == "Person"
