"""Golden outputs: the extraction of the seed, dev and held-out articles is byte-identical to the committed JSON.

Optimisations must not change what is extracted. After a deliberate change of the output, regenerate the golden
files with ``.venv/bin/python tools/update_extract_golden.py`` and review their diff before committing.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

from update_extract_golden import GoldenCase, cases, render  # noqa: E402

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_extraction_matches_golden(case: GoldenCase) -> None:
    if not case.golden.exists():
        pytest.fail(f"no golden file {case.golden.name}: run tools/update_extract_golden.py")
    expected = case.golden.read_text(encoding="utf-8")
    actual = render(case)
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                                 "golden", "now", n=2))[:60])
        pytest.fail(f"extraction of {case.name} changed (tools/update_extract_golden.py regenerates):\n{diff}")


def test_golden_files_have_articles() -> None:
    """No stale golden file: every one belongs to an article (of a set whose folder is present)."""
    present = {c.golden for c in CASES}
    folders = {c.golden.parent for c in CASES}
    stale = [p for folder in folders for p in folder.glob("*.json") if p not in present]
    assert not stale, f"golden files without an article: {stale}"
