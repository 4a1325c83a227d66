"""make bench: it runs every benchmark script of bench/ and only those, and each takes the --scale it passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(p.stem for p in (ROOT / "bench").glob("*.py") if 'if __name__ == "__main__":' in p.read_text())


def _make_benches() -> list[str]:
    """The scripts the Makefile's bench target loops over (its BENCHES list)."""
    found = re.search(r"^BENCHES\s*:?=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert found, "the Makefile names no BENCHES"
    return found.group(1).split()


def test_make_bench_runs_every_script() -> None:
    assert sorted(_make_benches()) == SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_takes_scale(script: str) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / f"{script}.py"), "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--scale" in done.stdout
