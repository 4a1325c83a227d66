"""tools/claim_misses.py: every missed required gold claim in one bucket, the stage restored, held-out sets refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.scoring import load_scorer, score_folder
from loaders.extract import claims as claim_stage
from tools.claim_misses import BUCKETS, misses, traced
from tools.eval_sets import HELD_OUT


def test_every_missed_seed_claim_gets_one_bucket(seeds_dir: Path) -> None:
    """As many rows as the scorer reports missed claims on the seeds, each in a known bucket."""
    scorer = load_scorer()
    rows = misses("seeds", scorer)
    missed = score_folder(seeds_dir.parent / "eval" / "seeds-gold", seeds_dir, scorer)["claims"]["missed"]
    assert rows and len(rows) == len(missed)
    assert {r[-1] for r in rows} <= set(BUCKETS)
    assert "not_found" not in {r[-1] for r in rows}  # the seeds' evidence is always in their text


def test_tracing_leaves_the_stage_as_it_was() -> None:
    run = claim_stage._DocClaims.run
    with traced():
        assert claim_stage._DocClaims.run is not run
    assert claim_stage._DocClaims.run is run


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_sets_are_refused(name: str) -> None:
    with pytest.raises(SystemExit, match="held-out"):
        misses(name, load_scorer())
