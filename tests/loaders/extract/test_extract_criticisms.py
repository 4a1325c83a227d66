"""Criticisms: verbs, quotes before/after the speaker, reported speech, negative judgements, neutral statements."""

from __future__ import annotations

from extract_helpers import check_spans, pairs

from kg.model import DateRef
from loaders.extract import extract

PUB = DateRef(value="2025-06-06", precision="day")


def test_verb_of_criticism_with_possessive_target() -> None:
    text = "Veltrix CEO Oona Brandt criticised Zentrix's handling of Quill, accusing it of secrecy."
    ex = extract(text)
    got = pairs(ex)
    assert ("Oona Brandt", "Zentrix") in got
    check_spans(text, ex)


def test_quote_after_speaker_with_negative_judgement() -> None:
    text = 'Analyst Tomas Quill says, "Zentrix is selling hype, not science."'
    assert ("Tomas Quill", "Zentrix") in pairs(extract(text))


def test_quote_before_speaker() -> None:
    text = '"The Harbor Media lawsuit is a cynical publicity stunt," said Ravi Menon, a lawyer at Lumora Labs.'
    got = pairs(extract(text))
    assert ("Ravi Menon", "Harbor Media") in got
    assert ("Ravi Menon", "Lumora Labs") not in got  # his own firm


def test_reported_speech_that_clause() -> None:
    got = pairs(extract("Investor Ada Pike said that Zentrix's latest report is a ploy to lift its valuation."))
    assert ("Ada Pike", "Zentrix") in got


def test_mockery_and_legal_verbs() -> None:
    got = pairs(extract("Kestrel Systems founder Ada Pike joked about Zentrix's CEO. Harbor Media sued Lumora Labs."))
    assert ("Ada Pike", "Zentrix") in got
    assert ("Harbor Media", "Lumora Labs") in got


def test_neutral_statement_is_not_a_criticism() -> None:
    ex = extract('Ravi Menon said that Zentrix shipped a faster version of Quill. "It works well," he added.')
    assert not ex.criticisms


def test_negated_verb_is_not_a_criticism() -> None:
    assert not extract("Harbor Media did not accuse Zentrix of anything.").criticisms


def test_dates_explicit_relative_and_reported() -> None:
    ex = extract("On Thursday, Oona Brandt slammed Zentrix over its safety record.", PUB)
    crit = ex.criticisms[0]
    assert crit.date == DateRef(value="2025-06-05", precision="day", inferred=True)
    assert crit.reported == PUB
    ex = extract("Oona Brandt slammed Zentrix over its safety record.", PUB)
    assert ex.criticisms[0].date is None and ex.criticisms[0].reported == PUB


def test_spokesperson_speaks_for_the_organisation() -> None:
    got = pairs(extract('"The update from Zentrix misled its users," a Harbor Media spokesperson said.'))
    assert ("Harbor Media", "Zentrix") in got
