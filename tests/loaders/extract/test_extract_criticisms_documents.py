"""Criticisms by an organisation through what it found: an outlet's or a watchdog's investigation, report or
analysis and its findings about a party (criticism_documents)."""

from __future__ import annotations

import pytest
from legal_helpers import rule_pairs

FOUND = "found_that"


@pytest.mark.parametrize(("text", "critic"), [
    ("Harbor Media found that Zentrix Labs had stored customer passwords in plain text.", "Harbor Media"),
    ("Last week a Harbor Media investigation found that Zentrix Labs had stored customer passwords in plain text.",
     "Harbor Media"),
    ("A report by the Corbel Institute concluded that Zentrix Labs had stored customer passwords in plain text.",
     "Corbel Institute"),
    ("The Corbel Institute published its audit on Tuesday. The group found that Zentrix Labs had stored customer "
     "passwords in plain text.", "Corbel Institute"),
    ("The Corbel Institute announced a preliminary finding that Zentrix Labs had stored customer passwords in "
     "plain text.", "Corbel Institute"),
])
def test_a_finding_criticises_the_party_it_is_about(text: str, critic: str) -> None:
    assert (critic, "Zentrix Labs", FOUND) in rule_pairs(text)


@pytest.mark.parametrize("text", [
    # a finding that clears its party
    "Harbor Media found no evidence that Zentrix Labs had stored customer passwords in plain text.",
    "A report by the Corbel Institute concluded that Zentrix Labs did not break any rules.",
    # a judge rules; a pronoun's organisation is left to the other rules
    "Judge Mara Quint found that Zentrix Labs had stored customer passwords in plain text.",
    "Harbor Media covered the case. It found that Zentrix Labs had stored customer passwords in plain text.",
    # the name only premodifies what the finding is about
    "A study by the Corbel Institute found that Zentrix Labs users were 40% more productive.",
])
def test_no_finding_criticism(text: str) -> None:
    assert not any(rule == FOUND for _, _, rule in rule_pairs(text))


@pytest.mark.parametrize("text", [
    "The Corbel Institute published a report on Tuesday. The report says Zentrix Labs is reckless and dishonest.",
    "A report by the Corbel Institute says Zentrix Labs is reckless and dishonest.",
])
def test_a_document_speaks_for_its_author(text: str) -> None:
    assert ("Corbel Institute", "Zentrix Labs") in {(a, b) for a, b, _ in rule_pairs(text)}


@pytest.mark.parametrize("text", [
    "An op-ed published by the Corbel Institute accused Zentrix Labs of hiding its safety failures.",
    "An editorial by the Corbel Institute accused Zentrix Labs of hiding its safety failures.",
    "The Corbel Institute published a column on Tuesday. The column accused Zentrix Labs of hiding its safety "
    "failures.",
])
def test_a_piece_of_opinion_speaks_for_its_author(text: str) -> None:
    assert ("Corbel Institute", "Zentrix Labs") in {(a, b) for a, b, _ in rule_pairs(text)}


ACCORDING = "according_document"


@pytest.mark.parametrize(("text", "critic"), [
    ("Zentrix Labs misled hospitals about the accuracy of its software, according to an investigation by Harbor "
     "Media.", "Harbor Media"),
    ("Zentrix Labs failed to protect the personal data of its users, according to a new study from the Corbel "
     "Institute.", "Corbel Institute"),
    ("The Corbel Institute published a report on Tuesday. Zentrix Labs failed to protect the personal data of its "
     "users, according to the report.", "Corbel Institute"),
])
def test_a_document_credited_after_its_clause_criticises_its_party(text: str, critic: str) -> None:
    assert (critic, "Zentrix Labs", ACCORDING) in rule_pairs(text)


@pytest.mark.parametrize("text", [
    # a clause that judges nobody
    "Zentrix Labs hired 400 engineers last year, according to a study by the Corbel Institute.",
    # an outlet's report only reports; a memo an outlet saw is not the outlet's
    "Zentrix Labs failed to protect the personal data of its users, according to a Reuters report.",
    "Zentrix Labs failed to protect the personal data of its users, according to a memo seen by Reuters.",
])
def test_no_criticism_by_a_document_that_only_reports(text: str) -> None:
    assert not any(rule == ACCORDING for _, _, rule in rule_pairs(text))
