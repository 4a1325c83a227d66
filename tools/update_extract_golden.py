#!/usr/bin/env python3
"""Regenerate the extraction golden files of tests/loaders/extract/test_extract_golden.py.

Run this only after a deliberate change of the extraction's output, then review the diff of
tests/loaders/extract/golden/ before committing it:

    .venv/bin/python tools/update_extract_golden.py            # rewrite every golden file
    .venv/bin/python tools/update_extract_golden.py --check    # only report which files differ (exit 1 if any)
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))

from score_offline import read_articles  # noqa: E402

from loaders.extract import extract  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLDEN = ROOT / "tests" / "loaders" / "extract" / "golden"
# (golden subfolder, article folder): the seeds, the dev articles and the held-out articles
SETS: tuple[tuple[str, Path], ...] = (
    ("seeds", SHARED / "seeds"),
    ("dev", SHARED / "eval" / "dev" / "articles"),
    ("heldout", ROOT / "tests" / "loaders" / "extract" / "heldout" / "articles"),
)


@dataclass(frozen=True)
class GoldenCase:
    """One article and the golden file its extraction is compared with."""

    name: str  # "<set>/<article stem>"
    article: Path
    golden: Path


def cases() -> list[GoldenCase]:
    """Every article of every set whose folder is present (the shared data may be absent)."""
    out = []
    for set_name, folder in SETS:
        for path in sorted(folder.glob("*.txt")):
            out.append(GoldenCase(f"{set_name}/{path.stem}", path, GOLDEN / set_name / f"{path.stem}.json"))
    return out


def render(case: GoldenCase) -> str:
    """The extraction of one article as golden-file text (indented JSON, so diffs are reviewable)."""
    [(_, text, published)] = [a for a in read_articles(case.article.parent) if a[0] == case.article.name]
    return extract(text, published).model_dump_json(indent=1) + "\n"


def main() -> int:
    """Rewrite (or with --check, compare) every golden file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="report differing files instead of rewriting them")
    a = ap.parse_args()
    differ = 0
    for case in cases():
        new = render(case)
        old = case.golden.read_text(encoding="utf-8") if case.golden.exists() else None
        if new == old:
            continue
        differ += 1
        print(f"{'differs' if a.check else 'updated'}: {case.golden.relative_to(ROOT)}")
        if not a.check:
            case.golden.parent.mkdir(parents=True, exist_ok=True)
            case.golden.write_text(new, encoding="utf-8")
    print(f"{len(cases())} articles, {differ} {'differing' if a.check else 'updated'}")
    return 1 if a.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
