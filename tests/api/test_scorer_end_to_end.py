"""The evaluation as it runs outside: score.py loads the seeds with `kg load`, serves them, and reads the API."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "eval"
KG = Path(sys.executable).with_name("kg")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is absent"),
    pytest.mark.skipif(not KG.exists(), reason=f"the kg console script is not installed beside {sys.executable}"),
]


def summary(gold: Path, articles: Path) -> dict[str, float]:
    """Run the scorer against a fresh `kg load` + `kg serve` and parse its SUMMARY line."""
    result = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--articles", str(articles), "--kg", str(KG)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("SUMMARY"))
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}


def test_seed_bars_through_the_api(seeds_dir: Path) -> None:
    scores = summary(EVAL / "seeds-gold", seeds_dir)
    assert scores["entity_f1"] >= 0.9
    assert scores["criticism_recall"] == 1.0 and scores["criticism_f1"] >= 0.8
    assert scores["funding_recall"] == 1.0


def test_dev_bars_through_the_api() -> None:
    scores = summary(EVAL / "dev" / "gold", EVAL / "dev" / "articles")
    assert scores["entity_f1"] >= 0.8
    assert scores["criticism_f1"] >= 0.6
    assert scores["funding_recall"] >= 0.6
