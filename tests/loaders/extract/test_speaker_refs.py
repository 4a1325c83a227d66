"""Quotes whose speaker is the organisation described after them ("a company spokesperson said", "the startup wrote"):
loaders.extract.speaker_refs.firm_speaker."""

from __future__ import annotations

import pytest
from legal_helpers import labels_of

BEFORE = ("Korvan Media sued Veltrix Labs on Tuesday over its shopping agent. Veltrix Labs, valued at $2 billion, "
          "dismissed the lawsuit as a power play. ")


@pytest.mark.parametrize("said", ["a company spokesperson said", "a spokesperson for the startup said",
                                  "the company wrote"])
def test_the_described_firm_is_the_subject_before_not_the_one_quoted(said: str) -> None:
    got = labels_of(BEFORE + f"“This just proves Korvan Media is a bully,” {said}.")
    assert ("Veltrix Labs", "Korvan Media") in got
    assert ("Korvan Media", "Korvan Media") not in got


def test_no_firm_speaker_without_an_organisation_as_subject_before() -> None:
    got = labels_of("Shoppers were angry on Tuesday. “This just proves Korvan Media is a bully,” a company "
                    "spokesperson said.")
    assert not any(critic == "Veltrix Labs" for critic, _ in got)
    assert ("Korvan Media", "Korvan Media") not in got
