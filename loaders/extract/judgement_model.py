"""A learned judgement scorer: how likely a statement judges something negatively, from wordllama's static token
embeddings (shipped in its wheel, read offline) and the VADER polarity of sentiment.py, through a logistic
regression trained by tools/train_judgement.py on the tuning sets' gold (weights in lexicons/judgement_model.npz;
numpy only here)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from loaders.extract.sentiment import polarity

WEIGHTS_FILE = "judgement_model.npz"
# the project's clause polarity is a sum of word valences (about -10..10): scaled to about -1..1 as a feature
_POLARITY_SCALE = 4.0
# a statement longer than this is cut: the judgement of a quote is in its first sentences, and the cost stays bounded
_MAX_CHARS = 600


@dataclass(frozen=True)
class Model:
    """A logistic regression over ``features``, its standardisation folded into the weights."""

    weights: np.ndarray  # one per feature: the embedding's dimensions, then the polarity
    bias: float
    threshold: float  # chosen by cross-validation on the tuning sets (see tools/train_judgement.py)


@dataclass(frozen=True)
class Embeddings:
    """wordllama's tokenizer and its token embedding matrix."""

    tokenizer: Any
    matrix: np.ndarray


@lru_cache(maxsize=1)
def embeddings() -> Embeddings:
    """wordllama's 256-dim model, loaded from the installed package with downloads disabled (once per process)."""
    import wordllama
    from wordllama import WordLlama

    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    matrix = np.asarray(wl.embedding, dtype=np.float32)
    if wl.tokenizer.get_vocab_size() > len(matrix):
        raise ValueError("wordllama's tokenizer has more tokens than its embedding matrix has rows")
    return Embeddings(tokenizer=wl.tokenizer, matrix=matrix)


@lru_cache(maxsize=1)
def model() -> Model:
    """The trained weights shipped in the package (a standardised regression: (x - mean) / scale · coef + b)."""
    path = resources.files("loaders.extract").joinpath("lexicons", WEIGHTS_FILE)
    with path.open("rb") as fh, np.load(fh) as data:
        return fold(data["mean"], data["scale"], data["coef"], float(data["intercept"]), float(data["threshold"]))


def fold(mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float, threshold: float) -> Model:
    """The model of a regression fitted on standardised features, the standardisation folded into its weights."""
    weights = np.asarray(coef, dtype=np.float64) / scale
    return Model(weights=weights, bias=intercept - float((mean * weights).sum()), threshold=threshold)


# the tokenizer's normaliser makes the text one word ("▁" before it, every space a "▁") that its BPE merges whole,
# at a cost that grows with the text; no token of its vocabulary holds a "▁" after another character, so no merge
# crosses the start of a "▁" run, and the ids of the whole are the ids of its pieces, each piece a run of "▁" and
# the characters up to the next one (tests/loaders/extract/test_judgement_model.py compares them on every article)
_SPACE = "\u2581"
_PIECE = re.compile(f"{_SPACE}+[^{_SPACE}]*|[^{_SPACE}]+")


@lru_cache(maxsize=1 << 14)
def _piece_ids(piece: str) -> tuple[int, ...]:
    """The token ids of one normalised piece ("▁word"), merged by the tokenizer's BPE model (cached: news repeats
    its words; 16k pieces hold at most about 3 MB)."""
    return tuple(t.id for t in embeddings().tokenizer.model.tokenize(piece))


def token_ids(text: str) -> list[int]:
    """The ids wordllama's tokenizer gives ``text`` (no special tokens added), read piece by piece."""
    if "<" in text:  # the special tokens ("<s>", "<unk>") are matched in the raw text: the tokenizer reads it whole
        return list(embeddings().tokenizer.encode(text, add_special_tokens=False).ids)
    if not text:
        return []
    ids: list[int] = []
    for piece in _PIECE.findall(_SPACE + text.replace(" ", _SPACE)):
        ids += _piece_ids(piece)
    return ids


def embed(text: str) -> np.ndarray:
    """The unit-length mean of a text's token embeddings (wordllama's ``embed(norm=True)`` without its per-call
    overhead: the scorer is asked about many short statements one at a time)."""
    emb = embeddings()
    ids = token_ids(text[:_MAX_CHARS])
    if not ids:
        return np.zeros(emb.matrix.shape[1])
    v = emb.matrix[ids].sum(axis=0, dtype=np.float64)  # the sum: its direction is the mean's
    n = math.sqrt(float(np.dot(v, v)))
    return v / n if n else v


def _polarity(text: str) -> float:
    return math.tanh(polarity(text[:_MAX_CHARS]) / _POLARITY_SCALE)


def features(texts: Sequence[str]) -> np.ndarray:
    """One row per text: its embedding, then its VADER polarity (sentiment.polarity, scaled)."""
    rows = [np.append(embed(t), _polarity(t)) for t in texts]
    return np.array(rows, dtype=np.float64).reshape(len(texts), -1)


def score(sentence: str) -> float:
    """The probability (0..1) that a statement holds a negative judgement of something."""
    return _score(_embedded(sentence), sentence)


def score_and_polarity(sentence: str) -> tuple[float, float]:
    """score() and the scaled polarity it reads (tanh of sentiment.polarity over 4), the polarity computed once."""
    m, pol = model(), _polarity(sentence)
    return 1.0 / (1.0 + math.exp(-(_embedded(sentence) + m.weights[-1] * pol + m.bias))), pol


def _embedded(sentence: str) -> float:
    """The embedding's part of the regression's sum."""
    return float(np.dot(embed(sentence), model().weights[:-1]))


def _score(embedded: float, sentence: str) -> float:
    m = model()
    z = embedded + m.weights[-1] * _polarity(sentence) + m.bias
    return 1.0 / (1.0 + math.exp(-z))


# the polarity term, its weight times a tanh, lies within ±|weight|: where the rest of the sum is further than that
# from the threshold's logit, the polarity cannot change the answer and is not computed (the margin covers rounding)
_DECIDED_MARGIN = 1e-6


def is_judgement(text: str) -> bool:
    """Whether the model reads a statement as a negative judgement (its score at or above the tuned threshold)."""
    m = model()
    embedded = _embedded(text)
    rest = embedded + m.bias - math.log(m.threshold / (1.0 - m.threshold))
    reach = abs(float(m.weights[-1])) + _DECIDED_MARGIN
    if abs(rest) > reach:
        return rest > 0
    return _score(embedded, text) >= m.threshold
