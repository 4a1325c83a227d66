#!/usr/bin/env python3
"""Score the extraction offline: run ``extract()`` over a folder of articles, merge entities as the store does,
and serve ../shared/eval/score.py's ``get_all`` from memory (API contract v1 shapes), then print its report
(kg/scoring.py does the work; ``kg eval`` gives the same items per rule).

Usage: .venv/bin/python tools/score_offline.py --gold ../shared/eval/dev/gold --articles ../shared/eval/dev/articles
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The scoring lives in the package (kg eval uses it too); these names stay importable from here.
from kg.scoring import (  # noqa: E402
    DEFAULT_SCORER,
    MemoryStore,
    load_scorer,
    read_articles,
    score_folder,
    summary_line,
)

__all__ = ["DEFAULT_SCORER", "MemoryStore", "load_scorer", "read_articles", "score_folder", "summary_line"]


def main() -> int:
    """Command line: print the per-area report and the summary line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--articles", required=True, type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = score_folder(a.gold, a.articles, load_scorer(a.scorer))
    if a.json:
        print(json.dumps(res, indent=1))
    else:
        for k, v in res.items():
            if isinstance(v, dict):
                print(f"{k}: {({x: y for x, y in v.items() if not isinstance(y, list)})}")
                for x, y in v.items():
                    if isinstance(y, list) and y:
                        print(f"    {x}: {y[:12]}")
            else:
                print(f"{k}: {v}")
    print(summary_line(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
