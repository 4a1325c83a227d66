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


# a first organisation speaks, then a second is introduced and its quote is attributed by "it" or a description
FIRST = ("“Korvan Media has been reckless with our archive,” the Brightline Guild said on Monday. ")


@pytest.mark.parametrize("intro, said", [
    ("The Orchard Writers Union, which represents staff at three magazines, struck a similar note.", "it said"),
    ("The indie band Saltmarsh, which left the service last week, went further.", "the band wrote"),
])
def test_a_quote_s_pronoun_or_description_speaker_is_the_one_it_refers_to(intro: str, said: str) -> None:
    speaker = "Saltmarsh" if "band" in said else "Orchard Writers Union"
    got = labels_of(FIRST + intro + f" “Veltrix Labs has shown contempt for the people who made its product,” {said}.")
    assert (speaker, "Veltrix Labs") in got
    assert ("Brightline Guild", "Veltrix Labs") not in got


def test_a_quote_of_an_unknown_described_speaker_goes_on_nobody_s_quote() -> None:
    got = labels_of(FIRST + "The calls used a cloned voice. “Veltrix Labs is a disgrace,” the fake voice said. "
                    "“Veltrix Labs is a fraud and a disgrace.”")
    assert not any(critic == "Brightline Guild" and target == "Veltrix Labs" for critic, target in got)


@pytest.mark.parametrize("body", ["the Veltrix Labs union", "Veltrix Labs shareholders"])
def test_a_body_of_people_an_organisation_premodifies_speaks_not_the_organisation(body: str) -> None:
    got = labels_of(BEFORE + f"“Korvan Media has betrayed every reader it ever had,” {body} said.")
    assert ("Veltrix Labs", "Korvan Media") not in got


@pytest.mark.parametrize("intro", ["Saltmarsh, the review site where readers rate gadgets, tested the Orbit Band.",
                                   "The review site Saltmarsh tested the Orbit Band."])
def test_a_described_subject_of_reported_speech_is_the_party_so_described(intro: str) -> None:
    got = labels_of(intro + " The site said Veltrix Labs had misled buyers and called its claims dishonest.")
    assert ("Saltmarsh", "Veltrix Labs") in got
