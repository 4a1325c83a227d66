#!/usr/bin/env python3
"""Compare model families for the learned criticism pair (loaders/extract/criticism_pairs.py) leave-one-set-out, end
to end, on the candidates tools/train_criticism_pairs.py collects (its --cache pickle): the shipped logistic
regression against more capacity (quantile bins, feature crosses, gradient-boosted trees, an average of the
regression and the trees) and other class weightings. Each family's setting and threshold are chosen as the trainer
chooses them (the best mean change among those that lower neither seeds nor dev); ``honest`` is each set's change at
the setting chosen on the other sets, which takes the choice's own optimism out. Writes nothing.

Figures of the session that wrote it (34 and 37 sets) are in tools/train_criticism_pairs.py's docstring: no family
raised the mean by more than choosing among them adds (the trainer's --unweighted adds the class weighting).

Needs scikit-learn (the ``train`` extra).
Usage: .venv/bin/python tools/compare_criticism_models.py --cache FILE [--families lr,bins,...] [--per-set]
"""

from __future__ import annotations

import argparse
import pickle
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import train_criticism_pairs as trainer  # noqa: E402

Maker = Callable[[np.ndarray, np.ndarray], Any]
THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.3, 0.96, 0.025))


def _lr(c: float, weight: str | None = "balanced") -> Maker:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return lambda x, y: make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight=weight,
                                                                           max_iter=5000)).fit(x, y)


class _Expanded:
    """A balanced logistic regression over the standardised row plus quantile one-hot bins of its continuous columns
    (``bins``) or the products of its ``crosses`` most weighted columns."""

    def __init__(self, c: float, bins: int = 0, crosses: int = 0) -> None:
        self.c, self.bins, self.crosses = c, bins, crosses

    def fit(self, x: np.ndarray, y: np.ndarray) -> _Expanded:
        """Fit the scaler, the expansion and the regression."""
        from sklearn.preprocessing import KBinsDiscretizer, StandardScaler

        self.scaler = StandardScaler().fit(x)
        self.cols = [j for j in range(x.shape[1]) if len(np.unique(x[:, j])) > 4]
        if self.bins:
            self.binner = KBinsDiscretizer(n_bins=self.bins, encode="onehot-dense", strategy="quantile").fit(
                x[:, self.cols])
        if self.crosses:
            w = _lr(0.1)(x, y)[-1].coef_[0]
            self.top = np.argsort(-np.abs(w))[: self.crosses]
        self.model = _lr(self.c)(self._expand(x), y)
        return self

    def _expand(self, x: np.ndarray) -> np.ndarray:
        z = self.scaler.transform(x)
        parts = [z]
        if self.bins:
            parts.append(self.binner.transform(x[:, self.cols]))
        if self.crosses:
            t = z[:, self.top]
            i, j = np.triu_indices(self.crosses, 1)
            parts.append(t[:, i] * t[:, j])
        return np.hstack(parts)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, as scikit-learn gives them."""
        return self.model.predict_proba(self._expand(x))


def _trees(depth: int, rounds: int) -> Maker:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return lambda x, y: HistGradientBoostingClassifier(
        max_depth=depth, max_iter=rounds, learning_rate=0.05, min_samples_leaf=20, class_weight="balanced",
        early_stopping=False, random_state=0).fit(x, y)


class _Average:
    """The mean of two fitted models' probabilities, the first weighted ``1 - share``."""

    def __init__(self, first: Maker, second: Maker, share: float) -> None:
        self.first, self.second, self.share = first, second, share

    def fit(self, x: np.ndarray, y: np.ndarray) -> _Average:
        """Fit both models."""
        self.a, self.b = self.first(x, y), self.second(x, y)
        return self

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """The weighted mean of both models' probabilities."""
        return (1 - self.share) * self.a.predict_proba(x) + self.share * self.b.predict_proba(x)


class _Unpickler(pickle.Unpickler):
    """Reads the trainer's cache, whose classes were pickled as __main__'s when it ran as a script."""

    def find_class(self, module: str, name: str) -> Any:
        """The trainer's SetData and Article, wherever they were pickled from."""
        if name in ("SetData", "Article"):
            return getattr(trainer, name)
        return super().find_class(module, name)


def families() -> dict[str, dict[str, Maker]]:
    """Each family's settings, by name."""
    return {
        "lr": {f"C{c}": _lr(c) for c in trainer.C_GRID},
        "unbalanced": {f"C{c}": _lr(c, None) for c in (0.01, 0.03, 0.1)},
        "bins": {f"C{c} bins{b}": (lambda c=c, b=b: _Expanded(c, bins=b).fit)() for c in (0.003, 0.01, 0.03)
                 for b in (3, 5)},
        "crosses": {f"C{c} top{k}": (lambda c=c, k=k: _Expanded(c, crosses=k).fit)() for c in (0.003, 0.01)
                    for k in (6, 16)},
        "trees": {f"depth{d} rounds{n}": _trees(d, n) for d in (2, 3) for n in (50, 100)},
        "average": {f"lr C0.03 + trees share{s}": (lambda s=s: _Average(_lr(0.03), _trees(3, 100), s).fit)()
                    for s in (0.25, 0.5)},
    }  # fmt: skip


def loso(data: dict[str, Any], make: Maker) -> dict[str, list[np.ndarray]]:
    """Each set's candidates scored by a model fitted on the other sets, one array per article."""
    out = {}
    for held in data:
        model = make(*trainer._xy([d for s, d in data.items() if s != held]))
        out[held] = [model.predict_proba(np.array(a.rows))[:, 1] if a.rows else np.zeros(0)
                     for a in data[held].articles]
    return out


def gains(data: dict[str, Any], probs: dict[str, list[np.ndarray]], base: dict[str, float]) -> np.ndarray:
    """settings' thresholds x sets: each set's F1 change at each threshold."""
    return np.array([[trainer.prf(d, trainer.kept(d, probs[s], t))[2] - base[s] for s, d in data.items()]
                     for t in THRESHOLDS])


def chosen(table: np.ndarray, skip: int | None = None) -> int:
    """The row (setting) with the best mean change over the sets (but ``skip``) that lowers neither seeds nor dev."""
    keep = [j for j in range(table.shape[1]) if j != skip]
    means = np.where((table[:, 0] >= 0) & (table[:, 1] >= 0), table[:, keep].mean(axis=1), -np.inf)
    return int(means.argmax())


def summary(names: Sequence[str], g: np.ndarray) -> str:
    """Mean change, the newest sets' mean and how many rose, the worst set, seeds and dev."""
    newest = np.array([s in trainer.NEWEST for s in names])
    return (f"mean {g.mean():+.4f} newest {g[newest].mean():+.4f} ({int((g[newest] > 0).sum())}/{int(newest.sum())}"
            f" up) worst {g.min():+.4f} seeds {g[0]:+.3f} dev {g[1]:+.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Score every family's settings leave-one-set-out and print each family's chosen one (and per set)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="tools/train_criticism_pairs.py --cache pickle")
    ap.add_argument("--families", default=",".join(families()), help="comma-separated: " + ",".join(families()))
    ap.add_argument("--per-set", action="store_true", help="print each set's F1 under each family's choice")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", category=UserWarning)
    data = _Unpickler(args.cache.open("rb")).load()
    names = list(data)
    base = {s: trainer.prf(d, set())[2] for s, d in data.items()}
    per_set: dict[str, np.ndarray] = {}
    for family in args.families.split(","):
        table = np.vstack([gains(data, loso(data, make), base) for make in families()[family].values()])
        labels = [f"{k} t{t}" for k in families()[family] for t in THRESHOLDS]
        best = chosen(table)
        honest = np.array([table[chosen(table, skip=j), j] for j in range(len(names))])
        per_set[family] = table[best]
        print(f"{family:<10} {labels[best]:<28} {summary(names, table[best])} | honest {summary(names, honest)}",
              flush=True)
    if args.per_set:
        print(f"{'set':<12} rules  " + "  ".join(f"{f:>10}" for f in per_set))
        for j, s in enumerate(names):
            print(f"{s:<12} {base[s]:.3f}  " + "  ".join(f"{base[s] + g[j]:>10.3f}" for g in per_set.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
