"""Criticisms: critic selection (appositions, owner roles), "the company"/"the coalition" anaphora, rebuttals,
group critics, denied descriptions, sarcasm and precision guards (invented names, general wording)."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from kg.model import Extraction
from loaders.extract import extract
from loaders.extract.sentiment import is_negative


def typed_pairs(ex: Extraction) -> set[tuple[str, str, str]]:
    """(critic label, critic type, target label) of every criticism."""
    ents = {e.key: e for e in ex.entities}
    return {(ents[c.critic].label, ents[c.critic].type, ents[c.target].label) for c in ex.criticisms
            if c.target in ents}


def test_owner_role_apposition_gives_the_person() -> None:
    text = ("Harbor Media sued Veltrix Labs on Monday. Veltrix's chief executive, Oona Brandt, shot back in a "
            "statement, calling the lawsuit \"a cynical ploy by a rival that failed to build this itself.\"")
    ex = extract(text)
    got = pairs(ex)
    assert ("Oona Brandt", "Harbor Media") in got
    assert ("Veltrix Labs", "Harbor Media") not in got  # the person speaks, not the organisation of her role
    check_spans(text, ex)


def test_relative_clause_after_apposition_is_the_person() -> None:
    text = ("Ada Pike, a policy researcher at the think tank Kestrel Institute, who has criticised Zentrix "
            "for years, said little.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix") in got
    assert ("Kestrel Institute", "Zentrix") not in got


def test_the_company_is_the_salient_organisation() -> None:
    text = ("Zentrix Motors recalled 900 robotaxis. Zentrix Motors said the fault was fixed. The National Road "
            "Safety Board opened a review last week. Council member Ada Pike slammed the company at a meeting.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix Motors") in got
    assert ("Ada Pike", "National Road Safety Board") not in got


def test_the_coalition_refers_to_the_named_coalition() -> None:
    text = ("The Quorn Parents Coalition filed a complaint against Zentrix. Zentrix rejected the coalition's "
            "conclusions.")
    assert ("Zentrix", "Quorn Parents Coalition") in pairs(extract(text))


def test_rebuttal_answers_the_first_critic() -> None:
    text = ("Professor Ada Pike questioned whether Zentrix had edited the video. Union leader Tomas Quill "
            "accused Zentrix of ignoring requests for a meeting. Zentrix hit back at its critics.")
    got = pairs(extract(text))
    assert ("Zentrix", "Ada Pike") in got


def test_passive_rebuttal_of_a_claim_targets_its_maker() -> None:
    text = ("Zentrix Bank said it had consulted staff extensively. That claim was disputed by Unitas, which said "
            "it learned of the plan from a memo.")
    assert ("Unitas", "Zentrix Bank") in pairs(extract(text))


def test_own_organisations_product_is_not_a_target() -> None:
    text = ("Veltrix Labs launched Quillo 2, its music generator, in May. Harbor Media sued Veltrix Labs. "
            "Oona Brandt, Veltrix Labs' chief executive, fired back. "
            "She said Quillo 2 was trained on \"licensed and publicly available material.\"")
    got = pairs(extract(text))
    assert ("Oona Brandt", "Quillo 2") not in got


def test_group_critics_under_fire_and_criticism_from() -> None:
    ex = extract("Zentrix Labs is under fire from privacy advocates who say its app tracks children.")
    got = typed_pairs(ex)
    assert any(t == "Group" and target == "Zentrix Labs" for _, t, target in got)
    ex = extract("Veltrix Labs has faced mounting criticism from developers after it delayed Quillo.")
    got = typed_pairs(ex)
    assert any(t == "Group" and target == "Veltrix Labs" for _, t, target in got)
    assert not any(t in ("Person", "Organization") and c.lower() == "developers" for c, t, _ in got)


def test_named_critic_from_criticism_from() -> None:
    got = pairs(extract("Zentrix Labs drew sharp criticism from the Kestrel Foundation over its data practices."))
    assert ("Kestrel Foundation", "Zentrix Labs") in got


def test_group_noun_does_not_fire_without_a_cue() -> None:
    assert not extract("Zentrix hired 40 engineers from Veltrix last year.").criticisms
    assert not extract("Support from unions helped Zentrix win the contract.").criticisms


def test_denied_description_is_negative() -> None:
    assert is_negative("That is not testing. That is theatre for the board.")
    assert is_negative("That is not innovation.")
    assert not is_negative("It is not clear.")
    assert not is_negative("That is not a problem.")
    assert not is_negative("This is a great product.")


def test_sarcasm_going_on_with_a_criticism() -> None:
    text = ('Tomas Quill accused Zentrix of "cherry-picking the runs that looked good". '
            '"Truly a masterpiece of modern art," he joked.')
    ex = extract(text)
    assert any(c.quote and "masterpiece" in c.quote for c in ex.criticisms)
    # a joke with no criticism before it is not one
    assert not extract('"Truly a masterpiece of modern art," Tomas Quill joked about his own garden.').criticisms


def test_warm_retort_and_questions_and_excitement_are_not_criticisms() -> None:
    text = ('Harbor Media sued Zentrix. Zentrix fired back within hours. The company "remains open to a '
            'constructive and friendly conversation with all partners," it said.')
    ex = extract(text)
    assert not any(c.quote and "constructive" in c.quote for c in ex.criticisms)
    assert not extract("Zentrix said it was excited and proud to partner with Veltrix.").criticisms
    assert not extract('"Was the launch of Quillo a terrible failure?" asked reporter Ada Pike.').criticisms


@pytest.mark.parametrize("when", ["In January", "On Monday,", "Last week", "Earlier this year,"])
def test_a_described_critic_after_a_fronted_time(when: str) -> None:
    text = f"Residents formed the Harbor Alliance last year. {when} the alliance sued Zentrix Labs over its plant."
    assert ("Harbor Alliance", "Zentrix Labs") in pairs(extract(text))


def test_a_fronted_time_before_a_possessive_leaves_the_owner_out() -> None:
    text = "Zentrix Labs makes the Quorra chatbot. Last week, the company's chatbot called Ada Pike a fraud."
    assert ("Zentrix Labs", "Ada Pike") not in pairs(extract(text))


def test_a_pronoun_critic_after_the_medium_it_spoke_in() -> None:
    text = ('Zentrix Labs launched Quorra in May. Senator Ada Pike has followed the launch closely. In a statement she '
            'described Zentrix Labs as "a menace to privacy and a poster child for reckless growth."')
    assert ("Ada Pike", "Zentrix Labs") in pairs(extract(text))


@pytest.mark.parametrize("text", [
    "The Harbor Drivers Collective represents 4,000 drivers. The Harbor Drivers Collective held a rally on Monday. "
    "The union also accused Zentrix Motors of hiding crash data from regulators.",
    "The Harbor Drivers Collective represents 4,000 drivers. The Harbor Drivers Collective met on Monday. The group "
    "accused Zentrix Motors of hiding crash data.",
])
def test_the_body_noun_is_the_organisation_that_opened_the_sentences_before(text: str) -> None:
    got = typed_pairs(extract(text))
    assert ("Harbor Drivers Collective", "Organization", "Zentrix Motors") in got
    assert not any(t == "Group" for _, t, _ in got)


def test_a_body_noun_does_not_go_back_to_a_name_told_once() -> None:
    # a name told once may be a fragment of a longer one: no critic is better than a wrong one
    text = "The Harbor Drivers Collective met on Monday. The group accused Zentrix Motors of hiding crash data."
    assert ("Harbor Drivers Collective", "Organization", "Zentrix Motors") not in typed_pairs(extract(text))
