"""The learned components' logistic regressions, as the training scripts write them: a small .npz in lexicons/ with
the standardisation (``mean``, ``scale``), ``coef``, ``intercept`` and the ``threshold`` chosen by cross-validation.
numpy only: extraction never needs scikit-learn."""

from __future__ import annotations

import math
from collections.abc import Sequence
from importlib import resources

import numpy as np

Model = tuple[np.ndarray, float, float]  # (weights, bias, threshold), the standardisation folded into the weights


def load(filename: str) -> Model | None:
    """The regression shipped as ``lexicons/FILENAME``; None when the package ships none."""
    path = resources.files("loaders.extract").joinpath("lexicons", filename)
    if not path.is_file():
        return None
    with path.open("rb") as fh, np.load(fh) as data:
        w = np.asarray(data["coef"], dtype=np.float64) / data["scale"]
        return w, float(data["intercept"]) - float((data["mean"] * w).sum()), float(data["threshold"])


def probability(row: Sequence[float], model: Model) -> float:
    """The regression's probability for one feature row."""
    w, b, _ = model
    return 1.0 / (1.0 + math.exp(-(float(np.dot(w, row)) + b)))
