"""Claims: what the speaker did to another party is an event it reports, not a claim; an unnamed individual's words
are not the organisations' named around them (loaders/extract/claim_actions.py, claim_speech.py)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from tests.loaders.extract.test_extract_claims import claims_of


@pytest.mark.parametrize("text", [
    "The Halvorsen Transit Agency said it notified Zentrix Labs of the suspension on Tuesday.",
    "Halvorsen Robotics said it removed Zentrix Labs from its list of verified partners.",
    "The agency said it had provided Zentrix Labs with the steps needed to reapply for its permits.",
    "Halvorsen Robotics said it had \"repeatedly requested\" that Zentrix Labs remove its products from the store.",
])
def test_the_speakers_own_action_on_another_party_is_no_claim(text: str) -> None:
    assert claims_of(extract(text)) == []


@pytest.mark.parametrize(("text", "statement"), [
    # its standing against another party, and its own figures, stay claims
    ("Halvorsen Robotics said it had overtaken Zentrix Labs in sales of warehouse robots last year.",
     "it had overtaken Zentrix Labs"),
    ("Halvorsen Robotics said it paid Zentrix Labs $40 million for the licence.", "it paid Zentrix Labs $40 million"),
])
def test_the_speakers_standing_and_figures_stay_claims(text: str, statement: str) -> None:
    assert any(statement in c[1] for c in claims_of(extract(text))), claims_of(extract(text))


@pytest.mark.parametrize("opening", ["One person on Reddit who said", "A longtime customer who wrote on Reddit that"])
def test_an_unnamed_individual_is_not_the_organisation_named_near_them(opening: str) -> None:
    text = (f"{opening} their company had used Zentrix Labs' assistant said they had to cancel after two months "
            "because it kept making things up.")
    assert [c for c in claims_of(extract(text)) if c[0] in ("Zentrix Labs", "Reddit")] == []


def test_a_verb_of_finding_in_a_free_relative_states_nothing() -> None:
    text = ("Conventional search engines send readers to news sites; Perplexity, founded in 2022, pitches itself as an "
            "answer engine that summarises what it finds online, so users need not visit the original sites.")
    assert claims_of(extract(text)) == []


@pytest.mark.parametrize("text", [
    # an announcement of a noun phrase is an event, figures or not
    "On June 17, Halvorsen Robotics announced a €600 million Series D round led by Zentrix Capital.",
    "In August, the Justice Department announced the arrest of two engineers, Ana Ruiz and Tomas Berg, on charges "
    "that they exported chips to a shell company.",
    # a condition or threat, a stated priority, the speaker's teams at work
    "Ana Ruiz leads the union. “Unless Halvorsen Robotics is prepared to back away from this announcement and consult "
    "with our members, we see no alternative other than to lodge a dispute with the regulator,” Ruiz said.",
    "“Safety is our top priority, as we provide hundreds of thousands of rides every week,” a Zentrix Labs "
    "spokesperson said.",
    "“Our teams are currently doing an analysis of the incident,” said Zentrix Labs spokesperson Ana Ruiz.",
])
def test_announcements_conditions_and_priorities_are_no_claims(text: str) -> None:
    assert claims_of(extract(text)) == []


def test_an_announced_statement_with_figures_stays_a_borderline_claim() -> None:
    text = "Halvorsen Robotics announced on Sunday that it had raised 385 million euros from its investors."
    assert [c[2] for c in claims_of(extract(text))] == [[3.85e8]]


@pytest.mark.parametrize(("text", "claims"), [
    ("“Zentrix Labs insists that the proposed amendments were developed to address this particular "
     "interconnection,” the Federal Energy Regulatory Commission said.", []),
    # what another party did, stated by the speaker, stays the speaker's claim
    ("The Federal Energy Regulatory Commission said Zentrix Labs had filed 12 amendments.",
     ["Zentrix Labs had filed 12 amendments"]),
])
def test_another_partys_position_relayed_is_not_the_speakers_claim(text: str, claims: list[str]) -> None:
    assert [c[1] for c in claims_of(extract(text))] == claims
