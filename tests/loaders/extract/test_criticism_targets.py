"""Whom a criticism is aimed at (criticism_targets): the object of the verb, not the names of the charge after it,
of a yardstick or of whom the critic supports (invented names)."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs
from legal_helpers import labels_of

from loaders.extract import extract


@pytest.mark.parametrize(("text", "wrong"), [
    # the charge after "accused X of": what the target did, and to whom
    ("Zentrix Labs has grown fast this year. Senator Ada Pike accused the company of having lobbied to weaken "
     "Orlan Networks' privacy rules.", "Orlan Networks"),
    # the reason after "faulted X for"
    ("Quorra, the Zentrix Labs chatbot, drew complaints in May. Critic Tomas Quill faulted the startup for copying "
     "Veltrix Research's benchmark without credit.", "Veltrix Research"),
])
def test_names_in_the_charge_are_not_targets(text: str, wrong: str) -> None:
    ex = extract(text)
    got = pairs(ex)
    assert not any(target == wrong for _, target in got), got
    check_spans(text, ex)


def test_the_object_named_before_the_charge_is_the_target() -> None:
    text = "Senator Ada Pike accused Zentrix Labs of training its models on Orlan Networks' data."
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix Labs") in got
    assert ("Ada Pike", "Orlan Networks") not in got


def test_a_rival_named_as_a_yardstick_is_not_a_target() -> None:
    text = ("The Commerce Department took aim at one of the startups seen as an answer to Orlan Networks' Quorra "
            "chatbot.")
    got = pairs(extract(text))
    assert not any(target in ("Quorra", "Orlan Networks") for _, target in got), got


@pytest.mark.parametrize("verb", ["would back", "would support", "would defend"])
def test_whom_the_critic_supports_is_not_a_target(verb: str) -> None:
    text = (f"Zentrix Labs faces a ban over its Quorra chatbot. Minister Ada Pike has said she {verb} Veltrix "
            "Authority if it ruled the chatbot is unsafe.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Veltrix Authority") not in got, got


@pytest.mark.parametrize("text", [
    "Zentrix Labs shipped Quorra in May. Ada Pike wrote in the Orlan Times that the launch was reckless.",
    "Zentrix Labs shipped Quorra in May. In an op-ed for the Orlan Times, Ada Pike slammed the launch as reckless.",
])
def test_the_outlet_a_criticism_appears_in_is_not_its_target(text: str) -> None:
    got = pairs(extract(text))
    assert got & {("Ada Pike", "Quorra"), ("Ada Pike", "Zentrix Labs")}, got
    assert ("Ada Pike", "Orlan Times") not in got


def test_a_rival_a_product_lags_is_a_yardstick() -> None:
    text = ("Zentrix Labs released its Halo-2 model in May. Ada Pike, an analyst at Quill Securities, questioned "
            "whether Halo-2 could compete. \"Its benchmark scores lag Orlan Networks' Quorra and are well behind "
            "Veltrix Research,\" Pike said.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Halo-2") in got
    assert not any(target in ("Orlan Networks", "Quorra", "Veltrix Research") for _, target in got), got


# a story needs a main party (named five times) for a mention beside it to be passing
_STORY = ("Zentrix Labs makes claims software for insurers. Zentrix Labs was founded in 2019, and Zentrix Labs now "
          "serves 40 insurers. Zentrix Labs is based in Boston. ")
_SUED = _STORY + "Patients represented by {by} sued Zentrix Labs in July over its claims software. "


@pytest.mark.parametrize(("text", "passing"), [
    # the suing firm, named once or twice, is not what the company's verdict on "the claims" judges
    (_SUED.format(by="the Harbor Legal Group") + 'In a statement, Zentrix Labs called the claims "highly '
     'questionable".', ("Zentrix Labs", "Harbor Legal Group")),
    (_SUED.format(by="the Harbor Legal Group") + "The Harbor Legal Group has won similar cases. In a statement, "
     'Zentrix Labs called the claims "highly questionable".', ("Zentrix Labs", "Harbor Legal Group")),
    # nor is the host of the panel the speaker appeared at, nor the outlet she spoke to
    (_STORY + "Ada Pike, the founder of Zentrix Labs, spoke at a panel hosted by the Harbor Institute on Tuesday. "
     '"It\'s shock value and it is a disgrace," she said.', ("Ada Pike", "Harbor Institute")),
    (_STORY + "Ada Pike, the founder of Zentrix Labs, gave an interview to Corbel Radio on Tuesday. \"It's shock "
     'value and it is a disgrace," she said.', ("Ada Pike", "Corbel Radio")),
])
def test_a_statement_takes_no_target_from_a_passing_mention(text: str, passing: tuple[str, str]) -> None:
    """An organisation named at most twice in the document, never described, and not named in the statement is not
    what the statement judges."""
    ex = extract(text)
    assert passing not in pairs(ex)
    check_spans(text, ex)


@pytest.mark.parametrize(("text", "kept"), [
    # a short text has no main party: nothing in it is a passing mention
    ('Patients represented by the Harbor Legal Group sued Zentrix Labs in July. In a statement, Zentrix Labs called '
     'the claims "highly questionable".', ("Zentrix Labs", "Harbor Legal Group")),
    # named three times: a party of the story
    (_SUED.format(by="the Harbor Legal Group") + "The Harbor Legal Group has won similar cases. The Harbor Legal "
     'Group says the software denied claims. In a statement, Zentrix Labs called the claims "highly questionable".',
     ("Zentrix Labs", "Harbor Legal Group")),
    # a person named once is kept: a reply is often their one mention
    (_SUED.format(by="lawyer Tomas Quill") + 'In a statement, Zentrix Labs called the claims "highly questionable".',
     ("Zentrix Labs", "Tomas Quill")),
])
def test_a_party_named_again_or_a_person_stays_a_target(text: str, kept: tuple[str, str]) -> None:
    assert kept in pairs(extract(text))


@pytest.mark.parametrize(("text", "platform"), [
    # "the robots" is the product at hand, not the platform a criticism was posted on
    ("Zentrix unveiled Strider 2, a bipedal robot that unloads trucks. Mara Voss, a former Amazon executive, mocked "
     "the launch in a LinkedIn post on Wednesday. The Dock Workers Alliance warned that the robots could be used to "
     "cut jobs.", "LinkedIn"),
    # the platform whose users spoke is where they spoke, not the subject of a later quote
    ("Zentrix put up billboards telling firms to stop hiring humans. In New York, Reddit users were blunter. \"They "
     "are somewhat dystopian, but so is AI,\" Zentrix chief executive Mara Voss told reporters.", "Reddit"),
])
def test_a_platform_used_as_a_venue_is_not_a_target(text: str, platform: str) -> None:
    got = pairs(extract(text))
    assert not any(target == platform for _, target in got), got


@pytest.mark.parametrize(("text", "target"), [
    ("Senator Ada Pike accused the UK of contemplating a ban on the platform.", "United Kingdom"),
    ("Saudi Arabia is spending heavily on data centres. Human Rights Watch has criticised the kingdom for "
     "suppressing free speech.", "Saudi Arabia"),
    ("Residents of Sand Springs opposed the data centre. The Harbor Alliance accused the city of bypassing required "
     "legal procedures.", "Sand Springs"),
])
def test_a_place_can_be_the_object_criticised(text: str, target: str) -> None:
    assert target in {b for _, b in labels_of(text)}


def test_a_place_that_only_says_where_the_object_is_is_no_target() -> None:
    pairs = labels_of("Harbor Media sued Zentrix Labs, accusing the San Francisco-based startup of copying its "
                      "archive.")
    assert not any(b == "San Francisco" for _, b in pairs)
