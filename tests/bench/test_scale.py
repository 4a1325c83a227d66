"""bench/scale.py's measure of the read side, on a small synthetic store."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.scale import measure_read_side
from bench.synthetic import build_store
from kg.queries.snapshot import _parts


@pytest.mark.parametrize("traced", [False, True])
def test_every_part_of_the_read_side_is_measured(tmp_path: Path, traced: bool) -> None:
    """Each part gets seconds and memory; the total adds up the parts, not the store's opening."""
    build_store(tmp_path / "store", 20, pool=50, facts_per_doc=5)
    found = measure_read_side(tmp_path / "store", traced)
    names = [part.name for part in _parts()]
    assert [n for n in found if not n.startswith("(") and n != "read side total"] == names
    parts = [found[n] for n in names]
    assert found["read side total"] == pytest.approx(tuple(sum(p[i] for p in parts) for i in range(3)))
    assert all(p[0] >= 0 for p in parts)
    assert (found["fact_models"][2] > 0) is traced  # held memory is only known under tracemalloc
