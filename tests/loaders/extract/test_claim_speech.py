"""Claims: who speaks in reported speech (a named spokesperson set off by commas), what reported speech holds (a
colon's direct quote is judged as a quote), and which contents are no statement."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.extract.claim_filters import is_statement, is_value_judgement
from tests.loaders.extract.extract_helpers import key_label


def claims_of(text: str) -> list[tuple[str, str]]:
    """(claimant label, text) of every claim extracted from a text."""
    ex = extract(text)
    kl = key_label(ex)
    return [(kl[c.claimant], c.text) for c in ex.claims]


@pytest.mark.parametrize("opening", [
    "A spokesperson for Zentrix Labs, Ann Lee, said",
    "Zentrix Labs' head of communications, Ann Lee, said",
])
def test_a_named_spokesperson_set_off_by_commas_speaks(opening: str) -> None:
    found = claims_of(f"{opening} that the model has been trained on licensed data since 2023.")
    assert [c for c, _ in found] == ["Ann Lee"], found


def test_a_name_before_a_participle_of_speech_is_not_its_subject() -> None:
    text = ("Priya Raman said the voice was cast before any contact with Ann Lee, asserting that it was never meant to "
            "sound like her.")
    assert "Ann Lee" not in [c for c, _ in claims_of(text)]


def test_a_quote_after_a_colon_is_judged_as_a_quote() -> None:
    text = ("Priya Raman, the chief executive of Zentrix Labs, stated plainly: "
            "“Zentrix Labs is going to be agent-first.”")
    assert claims_of(text) == []


@pytest.mark.parametrize(("content", "expected"), [
    # after a possessive, an -s word is a noun: no clause
    ("Ann Lee's contributions in a post of his own", False),
    ("Ann Lee contributes to the project every week", True),
    # a stated focus is a purpose, not a fact
    ("its singular focus is building safe systems", False),
    ("its focus on safety has reduced incidents by half", True),
    # what someone deserves is normative; an eagerness or a preference is a feeling
    ("the people who make games deserve the same safeguards as actors", False),
    ("the company can't wait until the technology is 100% perfect", False),
    ("the company would rather move with urgency than wait", False),
])
def test_contents_that_are_no_statement(content: str, expected: bool) -> None:
    assert is_statement(content) is expected


@pytest.mark.parametrize(("content", "expected"), [
    # that something matters, and why, judges its importance; "mattered more than" compares
    ("the episode matters because of how much weight the leaderboard carries", True),
    ("the transition cost some quality, and speed mattered more than perfection", False),
])
def test_importance_is_a_judgement(content: str, expected: bool) -> None:
    assert is_value_judgement(content) is expected


@pytest.mark.parametrize(("content", "expected"), [
    # a quoted fragment opening with a modal is part of reported speech, figures or not
    ("can't wait until the technology is 100% perfect", False),
    ("will cut its error rate by 40% next year", False),
    ("The model will cut its error rate by 40% next year", True),
    # a cause is a statement of fact (schema)
    ("Our best understanding is that the variable quality people are seeing is due to unstable implementations",
     True),
    ("The outage was caused by a faulty configuration update", True),
    ("The sky is red because the sun sets behind the hills", False),
])
def test_quoted_fragments(content: str, expected: bool) -> None:
    assert is_statement(content, quoted=True) is expected


def test_a_statement_before_an_inverted_verb_and_its_named_subject_is_theirs() -> None:
    text = ("Zentrix Labs' deal to sell chips to Halvorsen Robotics is part of its effort to expand sales to outside "
            "customers, said Ann Lee, a managing director in charge of Zentrix Labs' partnerships.")
    found = claims_of(text)
    assert [c for c, _ in found] == ["Ann Lee"], found
    assert found[0][1].endswith("to outside customers"), found


def test_add_with_an_object_after_a_modal_reports_nothing() -> None:
    found = claims_of("Zentrix Labs has said it would add parental controls to its app after the suit was filed.")
    assert all(not t.startswith("parental controls") for _, t in found), found


def test_according_to_a_source_then_a_clause_with_of_is_the_statement() -> None:
    text = ("According to the Daily Ledger, it temporarily took down all of its posts on Picto, where it has 6.7 "
            "million followers.")
    found = claims_of(text)
    assert [(c, t.startswith("it temporarily took down")) for c, t in found] == [("Daily Ledger", True)], found


@pytest.mark.parametrize(("text", "claimant"), [
    # a name ending in a word of the press is a name, not "media reports"
    ("A recent survey by the nonprofit Fairview Media found that 72% of teenagers have used AI companions.",
     "Fairview Media"),
    # a publication named by its author
    ("The posts followed a Reuters report that Zentrix Labs had merged its two research teams last year.",
     "Reuters"),
])
def test_the_author_of_a_finding_or_a_report_is_the_claimant(text: str, claimant: str) -> None:
    assert [c for c, _ in claims_of(text)] == [claimant]


def test_media_reports_name_no_claimant() -> None:
    assert claims_of("Media reports said that Zentrix Labs had merged its two research teams last year.") == []


def test_what_the_company_says_in_a_relative_clause_is_its_claim() -> None:
    text = ("Over the weekend, Zentrix Labs released two new Orion models: a smaller model named Pico, and Vela, a "
            "mid-size model that the company says outperforms Halvorsen Robotics' best model across a wide range of "
            "well-known benchmarks.")
    found = claims_of(text)
    assert [(c, t.split()[0]) for c, t in found] == [("Zentrix Labs", "outperforms")], found


@pytest.mark.parametrize(("text", "expected"), [
    # a verb that takes an object states its figures
    ("In its press release, Zentrix Labs highlighted the model's Elo score of 1,417 on the arena.", 1),
    # without figures, the object is no statement
    ("Zentrix Labs has emphasized safety research since it was founded by former researchers.", 0),
])
def test_an_object_with_figures_is_a_claim(text: str, expected: int) -> None:
    assert len(claims_of(text)) == expected, claims_of(text)


def test_he_goes_on_meaning_the_last_person_named_in_the_passage() -> None:
    text = ("Luis Ortega runs Zentrix Labs. “We do not see agents as replacing our staff,” he told Reuters. "
            "Speaking to the Financial Times, he said only a small number of contractors would be affected. "
            "The company took down its posts after a backlash. Users were angry. Some deleted the app. Others stayed. "
            "In a follow-up post, he said the model had passed 12 safety audits.")
    assert ("Luis Ortega", "the model had passed 12 safety audits") in claims_of(text)


def test_what_the_speaker_is_confident_of_is_a_forecast() -> None:
    text = ("Priya Raman left Zentrix Labs on Tuesday. In her farewell post, she said she was “confident that Zentrix "
            "Labs will build systems that are both safe and useful.”")
    assert [(c, t) for c, t in claims_of(text)] == [
        ("Priya Raman", "Zentrix Labs will build systems that are both safe and useful")], claims_of(text)


def test_a_second_predicate_stating_a_fact_is_a_claim_where_the_first_is_a_plan() -> None:
    text = ("A Zentrix Labs spokesperson said the company will continue to fight the case and employs safety filters "
            "on its platform to protect minors.")
    assert [t for _, t in claims_of(text)] == ["employs safety filters on its platform to protect minors"]


@pytest.mark.parametrize(("name", "count"), [("Jane Doe", 0), ("Maria Okafor", 1)])
def test_a_legal_pseudonym_names_no_claimant(name: str, count: int) -> None:
    text = (f"A mother from Texas identified as {name}, who is suing Zentrix Labs, said her son has spent the past six "
            "months in a treatment center.")
    assert len(claims_of(text)) == count, claims_of(text)


def test_what_it_says_in_a_relative_clause_is_the_companys_claim() -> None:
    text = ("Zentrix Labs sells synthetic voices. Its catalogue holds more than 500 voices in 100 languages, which it "
            "says are sourced from voice actors who are paid for their work.")
    found = claims_of(text)
    assert [(c, t.split()[0]) for c, t in found] == [("Zentrix Labs", "are")], found


@pytest.mark.parametrize("said", ["he said", "he told reporters"])
def test_he_after_an_organisation_subject_is_the_person_named_before(said: str) -> None:
    text = ("Marcus Webb is the chief executive of Zentrix Labs. "
            f"Zentrix Labs stopped hiring and rolled out agents, {said}; the company had 5,500 workers two years ago "
            "and now has around 3,000.")
    found = claims_of(text)
    assert found and all(c == "Marcus Webb" for c, _ in found), found
    assert all(not t.startswith(("said", "told")) for _, t in found), found


@pytest.mark.parametrize("subject", ["after the actress said", "after the newspaper group said"])
def test_a_description_nobody_answers_to_is_not_the_sentence_subject(subject: str) -> None:
    text = (f"Zentrix Labs backed Ann Lee on Tuesday {subject} the voice in the new model sounds similar to her own "
            "recording.")
    assert "Zentrix Labs" not in [c for c, _ in claims_of(text)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Australian Competition and Consumer Commission sued Zentrix Labs on Monday. The investigation began in May, "
     "and the regulator says 300 consumers had complained about the plans.",
     "Australian Competition and Consumer Commission"),
    ("Ann Lee joined Zentrix Labs, the AI benchmark site, in 2021. In a post, the site said its leaderboard had drawn "
     "3 million votes.", "Zentrix Labs"),
])
def test_a_description_speaks_for_the_party_it_describes(text: str, speaker: str) -> None:
    assert [c for c, _ in claims_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "claims"), [
    # an outside expert on something unnamed: a view
    ("Security expert Priya Raman said the problem was one of design.", []),
    # on a named party, or on themselves: a statement
    ("Security expert Priya Raman said Zentrix Labs stores the recordings for a year.", ["Priya Raman"]),
    ("Security expert Priya Raman said she had reported the flaw in March.", ["Priya Raman"]),
    # an insider on something unnamed: an account from inside
    ("Priya Raman, a director at Zentrix Labs, said the problem was fixed in March.", ["Priya Raman"]),
])
def test_an_outsiders_view_of_something_unnamed_is_no_claim(text: str, claims: list[str]) -> None:
    assert [c for c, _ in claims_of(text)] == claims
