"""Polarity: VADER's SentimentIntensityAnalyzer with the project's lexicon adjustments and judgement cues."""

from __future__ import annotations

import pytest

from loaders.extract.lexicon import lexicon, words
from loaders.extract.sentiment import THRESHOLD, analyzer, is_negative, negative_words, polarity


@pytest.mark.parametrize("word", ["critics", "lawsuit", "risk", "competition", "argued", "like", "free"])
def test_topic_words_carry_no_valence(word: str) -> None:
    assert word in words("sentiment_neutral.txt") and word not in analyzer().lexicon


def test_judgement_words_are_clearly_negative() -> None:
    single = [w for w in lexicon().negative if " " not in w]
    assert single and all(analyzer().lexicon[w] <= -2.0 for w in single)
    assert set(single) <= negative_words()


@pytest.mark.parametrize(("form", "base"), [("condemning", "condemn"), ("misleads", "mislead"),
                                           ("recklessly", "reckless")])
def test_an_unlisted_inflection_takes_its_bases_valence(form: str, base: str) -> None:
    lex = analyzer().lexicon
    assert lex[form] == lex[base] < 0


@pytest.mark.parametrize(("text", "negative"), [
    ("The model is dangerous and misleading.", True),
    ("The model is not dangerous.", False),  # VADER's negation
    ("It is a good idea, but dangerous in practice.", True),  # after "but" weighs more
    ("It is dangerous in practice, but a very good idea.", False),
    ("The lawsuit alleged risks to safety.", False),  # topic words, not judgements
    ("That is not innovation.", True),  # a denied description
    ("That is not clear.", False),  # a hedge
    ("It was a publicity stunt.", True),  # a phrase of the project's lexicon
])
def test_is_negative(text: str, negative: bool) -> None:
    assert is_negative(text) is negative, polarity(text)
    assert (polarity(text) <= THRESHOLD) is negative
