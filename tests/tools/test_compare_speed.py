"""tools/compare_speed.py: this checkout against another, document by document (here: against itself)."""

from __future__ import annotations

import pytest

from tools.compare_speed import ROOT, ROUND, compare


@pytest.mark.parametrize("join", [1, 2])
def test_pairs_every_document_in_rounds(join: int) -> None:
    rounds = compare(ROOT, 3, join=join)
    assert len(rounds) == 1 and ROUND > 3
    mine, theirs = rounds[0]
    assert mine > 0 and theirs > 0
    assert 0.2 < mine / theirs < 5  # the same code on the same documents
