"""Polarity: VADER's SentimentIntensityAnalyzer with the project's lexicon adjustments and judgement cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from loaders.extract.lexicon import lexicon, words
from loaders.extract.sentiment import THRESHOLD, analyzer, is_negative, negative_words, polarity
from loaders.extract.text import prepare

EXTRACT_TESTS = Path(__file__).resolve().parent


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


_VADER_CASES = ["no good", "not bad at all", "never so good", "without doubt great", "kind of bad", "the shit",
                "kiss of death is bad", "It is NOT GOOD but terrible", "no or bad", "least bad", "at least bad",
                "I ❤ this, 😁 bad", "  sort of awful  ", "yeah right", "bad ass", "It isn't bad, but it's not great"]


def _statements(folder: Path) -> list[str]:
    """Each sentence of a folder's articles, as written, shouting and cut in half (VADER's case and start rules)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for s in prepare(path.read_text(encoding="utf-8")).sentences:
            half = " ".join(s.text.split()[len(s.text.split()) // 2:])
            out += [s.text, s.text.upper(), half]
    return out


@pytest.mark.parametrize("folder", ["seeds", "dev", "tuning", "realnews_a"])
def test_fast_polarity_scores_equal_vaders(folder: str, seeds_dir: Path, dev_articles_dir: Path) -> None:
    """The analyzer's own polarity_scores (each word lower-cased once) sums exactly what VADER's does."""
    where = {"seeds": seeds_dir, "dev": dev_articles_dir}.get(folder) or EXTRACT_TESTS / folder / "articles"
    texts = _statements(where) + _VADER_CASES
    a = analyzer()
    assert len(texts) > 100
    for text in texts:
        assert a.polarity_scores(text) == SentimentIntensityAnalyzer.polarity_scores(a, text), text
