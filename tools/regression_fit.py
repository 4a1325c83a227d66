"""The training side of loaders/extract/regression.py: fit a standardised logistic regression (class-balanced by
default) and write it in the .npz format ``regression.load`` reads. Needs scikit-learn (the ``train`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np


def fit(rows: np.ndarray, labels: np.ndarray, c: float, max_iter: int = 5000, balanced: bool = True) -> Any:
    """A standardised logistic regression, class-balanced unless told otherwise (a scikit-learn pipeline: scaler,
    then regression)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    weight = "balanced" if balanced else None
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight=weight, max_iter=max_iter)).fit(
        rows, labels)


def save(path: Path, model: Any, threshold: float) -> None:
    """Write a fitted pipeline and its threshold as the .npz that loaders.extract.regression.load reads."""
    scaler, lr = model[0], model[1]
    np.savez(path, mean=scaler.mean_, scale=scaler.scale_, coef=lr.coef_[0], intercept=lr.intercept_[0],
             threshold=threshold)  # fmt: skip
