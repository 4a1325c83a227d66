"""The learned judgement scorer: its weights load, it is deterministic, it tells clear judgements from neutral
statements."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import loaders.extract.judgement_model as jm

NEGATIVE = [
    "This is a reckless, dishonest company that lies to its customers.",
    "The product is a disaster and the management has failed everyone.",
]
NEUTRAL = [
    "The company said revenue rose 12 percent in the third quarter.",
    "We are excited to announce our new partnership with the university.",
    "The model will be available to developers next month, a spokesperson said.",
]



def test_weights_file_loads() -> None:
    m = jm.model()
    assert m.weights.shape == (jm.embeddings().matrix.shape[1] + 1,)
    assert np.isfinite(m.weights).all() and np.isfinite(m.bias)
    assert 0.0 < m.threshold < 1.0


def test_embedding_is_wordllamas() -> None:
    """The lean embedding equals wordllama's own embed(norm=True)."""
    import wordllama
    from wordllama import WordLlama

    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    ours = np.array([jm.embed(t) for t in NEGATIVE + NEUTRAL])
    np.testing.assert_allclose(ours, wl.embed(NEGATIVE + NEUTRAL, norm=True), atol=1e-5)


@pytest.mark.parametrize("text", NEGATIVE + NEUTRAL)
def test_deterministic(text: str) -> None:
    assert jm.score(text) == jm.score(text)
    assert 0.0 < jm.score(text) < 1.0


@pytest.mark.parametrize("text", NEGATIVE)
def test_clear_judgement_is_negative(text: str) -> None:
    assert jm.is_judgement(text)


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_statement_is_not(text: str) -> None:
    assert not jm.is_judgement(text)


def test_judgements_rank_above_neutral_statements() -> None:
    assert min(map(jm.score, NEGATIVE)) > max(map(jm.score, NEUTRAL))


def test_empty_text_scores() -> None:
    assert 0.0 < jm.score("") < 1.0
