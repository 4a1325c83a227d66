"""Legal and authority criticisms whose party is reached through a reference (loaders.extract.references.party_at,
named_by_noun; criticism_legal's listed and counted parties; legal_cases): "accusing the company of", "the arrest of
two Chinese nationals, A and B", "The district asked", "is prosecuting the case"."""

from __future__ import annotations

import pytest
from legal_helpers import labels_of, rule_pairs

STORY = "Veltrix Labs makes an AI companion app and has drawn scrutiny over its marketing. "


@pytest.mark.parametrize(("text", "critic", "target", "rule"), [
    # a description where the name would stand: the company the story is about, not a co-plaintiff nor the venue
    (STORY + "Three groups, the Harbor Youth Alliance, Encodia and the Fair Tech Project, have filed a complaint "
     "with the Federal Trade Commission accusing the company of deceptive marketing.", "Fair Tech Project",
     "Veltrix Labs", None),
    (STORY + "Korvan Media filed a lawsuit against the startup in March.", "Korvan Media", "Veltrix Labs", None),
    (STORY + "The Competition Bureau opened an investigation into the company on Monday.", "Competition Bureau",
     "Veltrix Labs", None),
    # names in apposition to a counted description
    ("The Justice Department announced the arrest of two Chinese nationals, Lin Hao and Mei Tan, on charges of "
     "smuggling chips.", "Department of Justice", "Mei Tan", "authority_measure"),
    # a description by a name's head noun as the critic
    ("Pine Valley School District has raised safety concerns. The district asked Veltrix Labs to stop operating "
     "its robotaxis near schools.", "Pine Valley School District", "Veltrix Labs", "authority_measure"),
    ("The House Energy Committee asked Veltrix Labs to provide documents about its pricing.",
     "House Energy Committee", "Veltrix Labs", "authority_measure"),
    ("The Competition Bureau is preparing to charge Veltrix Labs with anti-competitive conduct.",
     "Competition Bureau", "Veltrix Labs", None),
    # a party named by its role in a suit told before
    ("Korvan Media sued Veltrix Labs in May over its billing. One of the two named plaintiffs, Dana Whitlock, "
     "says she was charged twice.", "Dana Whitlock", "Veltrix Labs", "legal_led_plaintiffs"),
    # an authority pursuing a case told before
    ("Tomas Lind was indicted in Ohio in May. The Ohio Attorney General's Office is prosecuting the case.",
     "Ohio Attorney General's Office", "Tomas Lind", "legal_prosecuted_case"),
])
def test_a_party_reached_through_a_reference(text: str, critic: str, target: str, rule: str | None) -> None:
    # None: the main finder may read the sentence first, the pair is what counts
    got = rule_pairs(text) if rule else labels_of(text)
    assert ((critic, target, rule) if rule else (critic, target)) in got


def test_the_members_a_plural_subject_lists_are_the_plaintiffs() -> None:
    got = labels_of(STORY + "The authors — who include Dana Whitlock and Tomas Lind — sued the company in 2023.")
    assert {("Dana Whitlock", "Veltrix Labs"), ("Tomas Lind", "Veltrix Labs")} <= got


@pytest.mark.parametrize("text", [
    # a name that only qualifies a group noun is not the party that files
    "At home, Veltrix Labs shareholders have filed lawsuits alleging that Tomas Lind diverted resources.",
    # a company prosecuting a case is no authority
    "Tomas Lind was indicted in Ohio in May. Korvan Media is handling the case for its client.",
])
def test_no_party_without_its_reference(text: str) -> None:
    got = rule_pairs(text)
    assert not any((rule == "legal_filed_alleging" and critic == "Veltrix Labs") or rule == "legal_prosecuted_case"
                   for critic, _, rule in got)


def test_a_party_added_to_the_list_told_before_is_the_lister_s() -> None:
    got = rule_pairs("The Commerce Department on Wednesday added Veltrix Labs to its Entity List. Also added to "
                     "the list was Korvan Media, a chip designer.")
    assert ("Commerce Department", "Korvan Media", "authority_sanction") in got


def test_no_lister_without_a_listing_before() -> None:
    got = rule_pairs("Veltrix Labs grew fast. Also added to the list was Korvan Media, a chip designer.")
    assert not any(target == "Korvan Media" for _, target, _ in got)


@pytest.mark.parametrize("party", ["Veltrix Labs", "Korvan Media"])
def test_a_plural_description_refers_to_the_parties_named_before(party: str) -> None:
    got = labels_of("Veltrix Labs and Korvan Media signed a chip supply deal in May. The Competition Bureau asked "
                    "the two companies to provide their contracts.")
    assert ("Competition Bureau", party) in got
