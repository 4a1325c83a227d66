"""tools/regex_census.py: regex calls and characters scanned per stage (run as its own process: it wraps re.compile
before the extraction is imported)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from loaders.extract.pipeline import STAGES
from tools.regex_census import ROOT


def test_counts_the_regex_calls_of_the_stages() -> None:
    """Over two articles: a total line, a line per stage that ran a regex (only declared stages), patterns named by
    file and line, and calls that add up to the total."""
    out = subprocess.run([sys.executable, "tools/regex_census.py", "-n", "2", "--top", "5"], cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH="."), capture_output=True, text=True, check=True).stdout
    total = re.search(r"^regex calls (\d+) \(", out, re.M)
    assert total is not None and int(total.group(1)) > 0
    stages = dict(re.findall(r"^  (\w+)\s+(\d+) calls", out, re.M))
    assert {"criticisms", "claims", "mentions"} <= set(stages) <= {st.name for st in STAGES}
    assert sum(map(int, stages.values())) == int(total.group(1))
    assert re.search(r"^\s+[\d.]+x\s+\d+ calls\s+\w+\s+\w+\.py:\d+", out, re.M)
