"""Criticisms of open letters and appeals: an appeal to an authority to stop a party (criticism_verbs), and each
author and signatory of a letter criticising what it criticises (criticism_letters)."""

from __future__ import annotations

import pytest
from legal_helpers import labels_of, rule_pairs

SIGNERS, APPEALED = "letter_signers", "appealed_to_authority"
LETTER = ("Ada Lenz and other former engineers sent a letter to the state attorneys general on Monday, asking them "
          "to block the restructuring of Zentrix Labs. The letter was written by Mara Quint, a former engineer; "
          "Oona Brandt, director of the Corbel Institute; and Ilse Varga. Its signatories include Tomas Reyes and "
          "Lena Fisk.")


@pytest.mark.parametrize("person", ["Mara Quint", "Oona Brandt", "Ilse Varga", "Tomas Reyes", "Lena Fisk"])
def test_every_author_and_signatory_criticises_what_the_letter_does(person: str) -> None:
    got = rule_pairs(LETTER)
    assert (person, "Zentrix Labs", SIGNERS) in got
    assert not any(critic == "Corbel Institute" for critic, _, _ in got)  # where a signatory works signs nothing


def test_the_letter_speaks_for_its_authors() -> None:
    text = "An open letter, organised by Mara Quint and signed by Oona Brandt, accused Zentrix Labs of hiding failures."
    assert {("Mara Quint", "Zentrix Labs"), ("Oona Brandt", "Zentrix Labs")} <= labels_of(text)


@pytest.mark.parametrize("person", ["Mara Quint", "Oona Brandt"])
def test_named_members_of_the_letter_group(person: str) -> None:
    text = ("In a letter, more than 100 researchers including Mara Quint and Oona Brandt urged Zentrix Labs to halt "
            "the release.")
    assert (person, "Zentrix Labs", SIGNERS) in rule_pairs(text)


@pytest.mark.parametrize("text", [
    "Ada Lenz sent a letter to lawmakers including Senator Mara Quint, accusing Zentrix Labs of fraud.",
    "The law, signed by Governor Mara Quint, requires Zentrix Labs to publish its safety tests.",
    "The letter was signed by Mara Quint and Oona Brandt. It thanked Zentrix Labs for its support.",
])
def test_no_letter_or_no_criticism_no_signers(text: str) -> None:
    assert not any(rule == SIGNERS for _, _, rule in rule_pairs(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Mara Quint wrote to the state attorney general, asking him to investigate Zentrix Labs.", True),
    ("Mara Quint urged regulators to block the merger of Zentrix Labs and Harbor Media.", True),
    ("Mara Quint asked them to stop by the Zentrix Labs booth.", False),
    ("Mara Quint asked regulators to approve the merger of Zentrix Labs and Harbor Media.", False),
])
def test_an_appeal_to_an_authority_against_a_party(text: str, expected: bool) -> None:
    assert (("Mara Quint", "Zentrix Labs", APPEALED) in rule_pairs(text)) is expected
