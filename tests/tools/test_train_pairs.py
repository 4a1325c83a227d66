"""tools/train_pairs.py: its figures with nothing added are the scorer's own, and a threshold adds exactly the pairs
scored at or above it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from kg.scoring import load_scorer, score_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tp() -> ModuleType:
    """The training script, imported from its file (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("train_pairs", ROOT / "tools" / "train_pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_pairs"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev(tp: ModuleType, dev_articles_dir: Path) -> tuple[list, object]:
    return tp.read_set(load_scorer(), "dev", ROOT.parent / "shared" / "eval" / "dev" / "gold", dev_articles_dir)


def test_rule_figures_are_the_scorers(tp: ModuleType, dev: tuple[list, object], dev_articles_dir: Path) -> None:
    docs, gold = dev
    p, r, _ = tp.prf(tp.set_pairs(docs, [np.zeros(len(d.y)) for d in docs], 2.0, 0.0), gold)
    named = score_folder(ROOT.parent / "shared" / "eval" / "dev" / "gold", dev_articles_dir)["criticisms.named"]
    assert (round(p, 3), round(r, 3)) == (named["precision"], named["recall"])


@pytest.mark.parametrize("add_at", [0.3, 0.7])
def test_threshold_adds_the_pairs_at_or_above(tp: ModuleType, dev: tuple[list, object], add_at: float) -> None:
    docs, _ = dev
    rng = np.random.default_rng(0)
    scores = [rng.random(len(d.y)) for d in docs]
    base = tp.set_pairs(docs, scores, 2.0, 0.0)
    want = {p for d, s in zip(docs, scores, strict=True) for p, v in zip(d.pairs, s, strict=True) if v >= add_at}
    assert tp.set_pairs(docs, scores, add_at, 0.0) == base | want
    assert any(d.y.any() for d in docs), "dev's candidates include gold pairs"
