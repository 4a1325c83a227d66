"""Criticisms in outlet styles: analyst downgrades, short positions, interview speaker labels, titled speakers,
the outlet a rebuttal was voiced to."""

from __future__ import annotations

from extract_helpers import pairs

from loaders.extract import extract


def test_analyst_cut_rating_and_downgrade() -> None:
    text = ("On Monday, Halden Securities cut its rating on Brightwave Systems. "
            "Analyst Mara Quint downgraded Brightwave Systems to sell.")
    got = pairs(extract(text))
    assert ("Halden Securities", "Brightwave Systems") in got
    assert ("Mara Quint", "Brightwave Systems") in got


def test_short_position_is_a_bet_against() -> None:
    text = "Hedge fund Corbel Capital disclosed a short position in Zentrix Labs last week."
    assert ("Corbel Capital", "Zentrix Labs") in pairs(extract(text))


def test_rating_words_alone_are_not_criticism() -> None:
    text = "Halden Securities kept its rating on Brightwave Systems and said the stock was fairly valued."
    assert ("Halden Securities", "Brightwave Systems") not in pairs(extract(text))


def test_interview_speaker_label_answers() -> None:
    text = ("Q: What do you make of Zentrix Labs?\n\n"
            "Oona Brandt: Zentrix Labs is predatory and its pricing is a disgrace.\n\n"
            "Q: And Harbor Media?\n\n"
            "Oona Brandt: Harbor Media has been a wonderful partner for us.")
    got = pairs(extract(text))
    assert ("Oona Brandt", "Zentrix Labs") in got
    assert ("Oona Brandt", "Harbor Media") not in got


def test_organisation_title_person_is_the_speaker() -> None:
    text = 'Halden Securities analyst Mara Quint wrote that Zentrix Labs is "a disgrace and a fraud."'
    got = pairs(extract(text))
    assert ("Mara Quint", "Zentrix Labs") in got
    assert ("Halden Securities", "Zentrix Labs") not in got


def test_interview_outlet_is_not_the_target() -> None:
    text = ("Analyst Mara Quint downgraded Zentrix Labs to sell. Zentrix Labs chief executive Oona Brandt "
            "hit back at the downgrade in an interview with Harbor Media.")
    got = pairs(extract(text))
    assert ("Oona Brandt", "Harbor Media") not in got
    assert ("Oona Brandt", "Mara Quint") in got
