"""Who speaks a quote: continued speech, a newly introduced speaker, a person named after a role."""

from __future__ import annotations

import pytest
from extract_helpers import key_label

from loaders.extract import extract

_FIRST = ('Vantage Robotics launched its home robot on Monday.\n\n"The robot is a dangerous failure and Vantage '
          'Robotics misled buyers," said Lena Ortiz, a researcher at Stanford University.\n\n')
_QUOTE = '"Vantage Robotics is reckless and its robot is a disaster."'


@pytest.mark.parametrize(("between", "speaker"), [
    ("Mark Chen, an analyst at Bernstein, was blunter. ", "Mark Chen"),  # a new speaker introduced
    ("Mark Chen, an analyst at Bernstein, disagreed with the company. ", "Mark Chen"),
    ("", "Lena Ortiz"),  # wire style: the next paragraph's quote goes on with the speaker before
])
def test_an_unattributed_quote_belongs_to_the_person_just_introduced(between: str, speaker: str) -> None:
    text = _FIRST + between + _QUOTE + "\n"
    ex = extract(text)
    labels = key_label(ex)
    at = text.index(_QUOTE)
    assert {labels[c.critic] for c in ex.criticisms if c.source.start == at} == {speaker}


@pytest.mark.parametrize("speaker", [
    "U.S. District Judge Ann Ruiz wrote",  # a place and a role before the person
    "Sen. Ann Ruiz said",  # an abbreviated title: its full stop does not end the attribution
    "Halden Labs chief executive Ann Ruiz said",
    "Senior U.S. District Judge Ann Ruiz wrote",
])
def test_the_person_after_a_role_speaks_the_quote(speaker: str) -> None:
    text = ('Vantage Robotics launched a robot in May. "Vantage Robotics misled buyers and its robot is a dangerous '
            f'failure," {speaker}.')
    ex = extract(text)
    labels = key_label(ex)
    assert {labels[c.critic] for c in ex.criticisms} == {"Ann Ruiz"}


def test_a_parenthetical_tag_after_a_name_does_not_make_the_name_speak() -> None:
    """'Midjourney, it says, is “…”': the statement is about Midjourney, spoken by whoever "it" is."""
    text = ('Halden Studios sued Vantage Robotics on Monday. It says the firm removed its safeguards. Vantage '
            'Robotics, it says, is "fully aware of the alarming scale of piracy and infringement."')
    ex = extract(text)
    labels = key_label(ex)
    assert "Vantage Robotics" not in {labels[c.critic] for c in ex.criticisms}


_DISMISSED = "Vantage Robotics fired 40 workers on Monday after a sit-in at its offices.\n\n"
# the body is an organisation the story names more than once (one named once may be a fragment of a name)
_ORGANISED = "The sit-in was organised by Tech Workers Coalition.\n\n"


@pytest.mark.parametrize("announced", [
    "Tech Workers Coalition condemned the dismissals. ",
    "On Tuesday, Tech Workers Coalition condemned the dismissals. ",  # a short fronted phrase first
])
def test_a_body_that_said_a_statement_is_the_organisation_that_announced_it(announced: str) -> None:
    """'X condemned … . “…,” the group said in a statement.': the group is X (and the words after the verb do not
    hide the noun "group")."""
    text = (_DISMISSED + _ORGANISED + announced + '"Vantage Robotics punished workers who did nothing wrong," the '
            'group said in a statement. "This flagrant act of retaliation shows that Vantage Robotics values its '
            'contracts more than its own workers."\n')
    ex = extract(text)
    labels = key_label(ex)
    quoted = [c for c in ex.criticisms if c.source.start >= text.index('"Vantage')]
    assert {(labels[c.critic], labels[c.target]) for c in quoted} == {("Tech Workers Coalition", "Vantage Robotics")}


def test_a_name_in_a_fronted_clause_does_not_say_what_the_group_said() -> None:
    text = (_DISMISSED + "Minutes after Vantage Robotics announced the firings, the workers hit back. "
            '"Management punished workers who did nothing wrong and this is a disgrace," the group said in a '
            'statement.\n')
    ex = extract(text)
    labels = key_label(ex)
    assert "Vantage Robotics" not in {labels[c.critic] for c in ex.criticisms}


@pytest.mark.parametrize(("told", "critic"), [
    ("Tech Workers Coalition sent a letter to Vantage Robotics on Monday. ", "Tech Workers Coalition"),
    ("On Monday, Tech Workers Coalition sent a letter to the board. ", "Tech Workers Coalition"),
    # a name before the author's is no author: nobody is found, rather than the addressee
    ("In a letter to Vantage Robotics, a group of its workers raised concerns. ", None),
])
def test_a_letter_speaks_for_the_one_the_text_said_sent_it(told: str, critic: str | None) -> None:
    """'X sent a letter … . “…,” the letter says': X's words."""
    text = (_DISMISSED + told + '"Vantage Robotics has put its workers at risk and misled the public," the letter '
            'says.\n')
    ex = extract(text)
    labels = key_label(ex)
    at = text.index('"Vantage Robotics has')
    assert {labels[c.critic] for c in ex.criticisms if c.source.start == at} == ({critic} if critic else set())
