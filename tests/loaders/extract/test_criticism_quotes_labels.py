"""Quotes framed by "called X “…”": a neutral-worded label judges in a critical passage or when worded as excess or
lack (not when warm, a denial or a demand); the thing called goes to its owner; "X, who called Y …" is X's."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label, pairs

from loaders.extract import extract
from loaders.extract.criticism_quotes import CALLED_LABEL

_LAUNCH = "Brightloop Labs released a children's app called Pally on Monday. "


def _label_pairs(text: str) -> set[tuple[str, str]]:
    """The (critic, target) pairs the label rule found."""
    ex = extract(text)
    check_spans(text, ex)
    names = key_label(ex)
    return {(names[c.critic], names[c.target]) for c in ex.criticisms if c.rule == CALLED_LABEL}


@pytest.mark.parametrize(("text", "pair"), [
    (_LAUNCH + "Parents complained that the app was manipulative and addictive. Child safety advocate Tom Reyes "
     "called Pally “a slot machine with a cartoon face.”", ("Tom Reyes", "Pally")),
    (_LAUNCH + "Reviewer Dana Whitfield called Pally “barely usable.”", ("Dana Whitfield", "Pally")),
    (_LAUNCH + "Analyst Priya Natarajan called Pally “a little overdesigned.”", ("Priya Natarajan", "Pally")),
    (_LAUNCH + "Critics said it was dangerous.\n\nJane Okafor, a privacy campaigner, went further, calling Pally "
     "“a digital leash.”", ("Jane Okafor", "Pally")),
])
def test_label_judges(text: str, pair: tuple[str, str]) -> None:
    assert pair in _label_pairs(text)


@pytest.mark.parametrize("text", [
    _LAUNCH + "Reviewers were impressed. Analyst Tom Reyes called Pally “a game changer for families.”",
    _LAUNCH + "Analyst Tom Reyes called Pally “a game changer for families.”",
    _LAUNCH + "Critics said the app was addictive and harmful. Brightloop chief executive Mia Chen denied the "
    "claims, calling the report “a misreading of our data.”",
    _LAUNCH + "Critics said the app was addictive and harmful. Analyst Tom Reyes called the criticism “simply not "
    "true.”",
    _LAUNCH + "Critics said the app was addictive and harmful. Advocate Tom Reyes called for a ban on “cartoon "
    "rewards for children.”",
])
def test_label_stays_out(text: str) -> None:
    assert _label_pairs(text) == set()


@pytest.mark.parametrize(("text", "pair"), [
    # the owner is named well before the window the story's topic is read from
    ("Billboards went up across Denver this spring. Commuters noticed them at once.\n\nThe posters are part of a "
     "campaign by Brightloop Labs, a software startup. Its chief executive said the slogans were meant to provoke. "
     "Sales teams liked them. The city council said nothing. Bus shelters carried them too. Some residents took "
     "photos. Others ignored them.\n\nColumnist Rosa Delgado called the posters a “grim and dystopian nightmare” "
     "in a newspaper column.",
     ("Rosa Delgado", "Brightloop Labs")),
    ("Halvorsen Motors sponsored a new proposal on road charging. Columnist Rosa Delgado called the proposal "
     "“reckless and dangerous.”", ("Rosa Delgado", "Halvorsen Motors")),
])
def test_called_thing_goes_to_its_owner(text: str, pair: tuple[str, str]) -> None:
    ex = extract(text)
    check_spans(text, ex)
    assert pair in pairs(ex)


@pytest.mark.parametrize(("possessor", "owner"), [
    ("Halvorsen Motors's", "Halvorsen Motors"),
    ("the council's", "Westvale Transport Council"),  # said by a description: the union in the sentence is no owner
])
def test_a_possessed_thing_goes_to_its_possessor_only(possessor: str, owner: str) -> None:
    text = ("The Westvale Transport Council published its road charging plan on Monday. The Westvale Transport "
            "Council said the plan would cut traffic.\n\n"
            f"The Drivers Union raised concerns about {possessor} proposals on road charging.\n\nThe vote is in May."
            "\n\nColumnist Rosa Delgado called the proposals “reckless and dangerous.”")
    ex = extract(text)
    check_spans(text, ex)
    got = {t for c, t in pairs(ex) if c == "Rosa Delgado"}
    assert "Drivers Union" not in got
    assert owner in got


def test_relative_clause_names_who_called() -> None:
    text = ("Acme Robotics sued Brightloop Labs in March, saying its shopping agent broke the rules of its store.\n\n"
            "Brightloop said user credentials are stored locally on the device. Chief executive Dana Whitfield, who "
            "has described Acme Robotics as “a bully,” said the startup is not collecting data from Acme Robotics.")
    ex = extract(text)
    check_spans(text, ex)
    assert ("Dana Whitfield", "Acme Robotics") in pairs(ex)



@pytest.mark.parametrize(("named", "target"), [
    ("The Department for Education says", "Department for Education"),
    ("Ofcom and the UK government say", "UK government"),  # a regulator is not "the government"
])
def test_the_government_in_a_quote_is_the_government_body_named(named: str, target: str) -> None:
    text = (f"{named} the scheme will help 400,000 pupils.\n\nMara Venn, head of Oakridge School in Leeds, said "
            "tools should free up teacher time.\n\nLena Ortiz, general secretary of the Teachers Union, said the "
            'union welcomed wider access.\n\n"However, the jury is still out on this," she said.\n\n"We are worried '
            'that the government has recklessly rushed this dangerous and unproven scheme."\n')
    ex = extract(text)
    labels = key_label(ex)
    at = text.index('"We are worried')
    assert {labels[c.target] for c in ex.criticisms if c.source.start == at} == {target}
