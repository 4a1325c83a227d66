"""tools/compare_criticism_models.py: a setting is chosen as the trainer chooses one (the best mean change among
those that lower neither seeds nor dev), and the honest choice for a set ignores that set's own change."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn", reason="scikit-learn is the train extra: pip install -e '.[train]'")

from tools.compare_criticism_models import chosen

# rows: settings; columns: seeds, dev, then two sets
_TABLE = np.array([
    [0.0, -0.02, 0.30, 0.30],  # the best mean, but it lowers dev
    [0.0, 0.0, 0.10, 0.00],
    [0.0, 0.0, 0.00, 0.12],
])  # fmt: skip


def test_a_setting_that_lowers_seeds_or_dev_is_never_chosen() -> None:
    assert chosen(_TABLE) == 2


@pytest.mark.parametrize(("held", "expected"), [(2, 2), (3, 1)])
def test_the_honest_choice_ignores_the_held_set(held: int, expected: int) -> None:
    """Without the last set's +0.12, the second setting's +0.10 on the other set wins."""
    assert chosen(_TABLE, skip=held) == expected
