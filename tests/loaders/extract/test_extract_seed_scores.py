"""The evaluation bars, scored offline with ../shared/eval/score.py on the seeds and the dev articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tools"))

from score_offline import score_folder, summary_line  # noqa: E402

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared eval data absent")


def _mean_entity_f1(res: dict) -> float:
    return sum(res[f"entities.{t}"]["f1"] for t in ("Person", "Organization", "Product")) / 3


def test_seed_bars() -> None:
    res = score_folder(SHARED / "eval" / "seeds-gold", SHARED / "seeds")
    print(summary_line(res))
    crit = res["criticisms.named"]
    assert not crit["missed"], f"named critics missed: {crit['missed']}"
    assert crit["precision"] >= 0.8
    assert _mean_entity_f1(res) >= 0.9
    assert res["funding"]["recall"] == 1.0


def test_dev_bars() -> None:
    res = score_folder(SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "articles")
    print(summary_line(res))
    assert _mean_entity_f1(res) >= 0.8
    assert res["criticisms.named"]["f1"] >= 0.6
    assert res["funding"]["recall"] >= 0.6
