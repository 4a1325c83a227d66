"""tools/regression_fit.py: a fitted regression written by ``save`` reads back through loaders.extract.regression
with the probabilities scikit-learn gives (scikit-learn is the ``train`` extra: skipped where it is absent)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from loaders.extract import regression

pytest.importorskip("sklearn", reason="scikit-learn is the train extra: pip install -e '.[train]'")

from tools.regression_fit import fit, save


def test_saved_regression_reads_back_with_the_same_probabilities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(200, 4)) * [1.0, 5.0, 0.1, 2.0] + [0.0, 3.0, -1.0, 0.5]
    labels = (rows[:, 0] + rows[:, 1] / 5 > 0.6).astype(int)
    model = fit(rows, labels, c=1.0)
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    save(lexicons / "model.npz", model, threshold=0.7)
    monkeypatch.setattr(regression, "resources", _Files(tmp_path))
    loaded = regression.load("model.npz")
    assert loaded is not None and loaded[2] == pytest.approx(0.7)
    expected = model.predict_proba(rows[:20])[:, 1]
    assert [regression.probability(row, loaded) for row in rows[:20]] == pytest.approx(expected, abs=1e-9)


class _Files:
    """importlib.resources' ``files`` pointed at a folder holding ``lexicons/``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self, _package: str) -> Path:
        return self.root


def test_an_unweighted_fit_reads_the_positives_share() -> None:
    """Unweighted, the mean probability is about the share of positives (1 in 10 here); balanced, it is far above."""
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(1000, 3))
    labels = (rows[:, 0] + rng.normal(scale=1.5, size=1000) > 2.0).astype(int)
    plain = fit(rows, labels, c=1.0, balanced=False).predict_proba(rows)[:, 1].mean()
    balanced = fit(rows, labels, c=1.0).predict_proba(rows)[:, 1].mean()
    assert plain == pytest.approx(labels.mean(), abs=0.01)
    assert balanced > plain + 0.2
