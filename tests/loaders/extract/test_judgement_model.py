"""The learned judgement scorer: its weights load, it is deterministic, it tells clear judgements from neutral
statements, and the quote rule uses it only where the word lists say nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from extract_helpers import key_label

import loaders.extract.judgement_model as jm
from loaders.extract import extract
from loaders.extract.judgements import LEARNED_JUDGEMENT
from loaders.extract.sentiment import is_negative
from loaders.extract.text import prepare

NEGATIVE = [
    "This is a reckless, dishonest company that lies to its customers.",
    "The product is a disaster and the management has failed everyone.",
]
NEUTRAL = [
    "The company said revenue rose 12 percent in the third quarter.",
    "We are excited to announce our new partnership with the university.",
    "The model will be available to developers next month, a spokesperson said.",
]
# a quote no word list reads as negative; the speaker works elsewhere than the company named
SPOKEN = '"Zentrix is not telling the truth about its chatbot," said Mara Quist, an analyst at Brightline Research.'
QUOTE = "Zentrix Labs launched its Quill chatbot on Monday.\n" + SPOKEN


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


def _learned_pairs() -> set[tuple[str, str]]:
    ex = extract(QUOTE)
    kl = key_label(ex)
    return {(kl[c.critic], kl[c.target]) for c in ex.criticisms if c.rule == LEARNED_JUDGEMENT}


@pytest.mark.parametrize("above", [True, False])
def test_quote_rule_follows_the_threshold(monkeypatch: pytest.MonkeyPatch, above: bool) -> None:
    """A quote the word lists leave undecided is a criticism exactly when its score reaches the threshold."""
    assert not is_negative(SPOKEN)
    s = jm.score(SPOKEN)
    model = dataclasses.replace(jm.model(), threshold=s - 1e-6 if above else s + 1e-6)
    monkeypatch.setattr(jm, "model", lambda: model)
    monkeypatch.setattr("loaders.extract.judgements.USE_LEARNED", True)
    assert (("Mara Quist", "Zentrix Labs") in _learned_pairs()) is above


def test_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    s = jm.score(SPOKEN)
    model = dataclasses.replace(jm.model(), threshold=s - 1e-6)
    monkeypatch.setattr(jm, "model", lambda: model)
    monkeypatch.setattr("loaders.extract.judgements.USE_LEARNED", False)
    assert not _learned_pairs()


def _article_sentences(folder: Path) -> list[str]:
    return [s.text for p in sorted(folder.glob("*.txt")) for s in prepare(p.read_text(encoding="utf-8")).sentences]


@pytest.mark.parametrize("folder", ["tuning", "realnews_b"])
def test_is_judgement_is_the_scores_threshold(folder: str) -> None:
    """is_judgement, which skips the polarity where it cannot change the answer, says what score() and the threshold
    say, on every sentence of a set (both answers occur)."""
    texts = _article_sentences(Path(__file__).resolve().parent / folder / "articles")
    answers = [jm.is_judgement(t) for t in texts]
    assert answers == [jm.score(t) >= jm.model().threshold for t in texts]
    assert any(answers) and not all(answers)


_ODD_TEXTS = ["", " ", "  two  spaces ", "tab\tand\nnewline", "x\u2581y \u2581 z", "héllo — “quoted” 😀 中文",
              "<s> a </s> b<unk>", "a" * 700]


@pytest.mark.parametrize("folder", ["tuning", "realnews_a", "realnews_i"])
def test_token_ids_are_the_tokenizers(folder: str) -> None:
    """The ids read piece by piece equal the tokenizer's own on every sentence, paragraph and 600-character window of
    a set, and on odd texts (runs of spaces, the "▁" itself, non-Latin scripts, special tokens written out)."""
    tokenizer = jm.embeddings().tokenizer
    where = Path(__file__).resolve().parent / folder / "articles"
    articles = [p.read_text(encoding="utf-8") for p in sorted(where.glob("*.txt"))]
    texts = _article_sentences(where) + _ODD_TEXTS + [p for a in articles for p in a.split("\n")]
    texts += [a[i:i + 600] for a in articles for i in range(0, len(a), 211)]
    assert [jm.token_ids(t) for t in texts] == [tokenizer.encode(t, add_special_tokens=False).ids for t in texts]
