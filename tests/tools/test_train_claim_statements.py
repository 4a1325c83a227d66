"""tools/train_claim_statements.py: one candidate kept per speaker and sentence, the scorer's claim matching for
labels, and the shipping gate."""

from __future__ import annotations

import numpy as np
import pytest

from kg.scoring import load_scorer
from tools.train_claim_statements import NEWEST, SetData, _matches, kept, pays


def test_kept_takes_the_most_probable_of_a_sentence() -> None:
    data = SetData("s", groups=[("a.txt", "ann", 1), ("a.txt", "ann", 1), ("a.txt", "bob", 1), ("a.txt", "ann", 2)])
    assert kept(data, np.array([0.7, 0.9, 0.5, 0.8]), 0.6) == [1, 3]
    assert kept(data, np.array([0.1, 0.2, 0.3, 0.4]), 0.6) == []


@pytest.fixture(scope="module")
def scorer() -> object:
    return load_scorer()


class _Gold:
    """A stand-in for the scorer's Gold: names are their own keys."""

    def key_of(self, label: str, aliases: list[str] | None = None) -> str | None:
        return label.lower()


@pytest.mark.parametrize(("claimant", "text", "quantities", "right"), [
    ("Zentrix Labs", "its model passed 12 audits", [], True),            # text overlap
    ("Zentrix Labs", "something else entirely", [{"value": 12.0, "unit": "x"}], True),  # a figure agrees
    ("Halden University", "its model passed 12 audits", [], False),     # another claimant
])  # fmt: skip
def test_matches_as_the_scorer(scorer: object, claimant: str, text: str, quantities: list[dict[str, object]],
                               right: bool) -> None:
    gold = {"claimant": "Zentrix Labs", "evidence": "its model passed 12 audits",
            "quantities": [{"value": 12.0, "unit": "audits"}]}
    item = {"claimant": {"label": claimant, "aliases": []}, "text": text, "quantities": quantities,
            "sources": [{"sentence": text}]}
    assert _matches(scorer, _Gold(), gold, item) is right


def _gains(newest_up: int, dev: float = 0.0, other: float = 0.01) -> dict[str, float]:
    gains = {"seeds": 0.0, "dev": dev, "realnews_a": other}
    gains |= {s: (0.02 if i < newest_up else -0.01) for i, s in enumerate(NEWEST)}
    return gains


@pytest.mark.parametrize(("gains", "ships"), [
    (_gains(len(NEWEST) // 2 + 1), True),
    (_gains(len(NEWEST) // 2), False),                # half of the newest sets up is not most of them
    (_gains(len(NEWEST), dev=-0.02), False),          # dev must not drop
    (_gains(len(NEWEST) // 2 + 1, other=-1), False),  # the mean must rise
])  # fmt: skip
def test_pays_only_when_the_gate_holds(gains: dict[str, float], ships: bool) -> None:
    assert pays(gains) is ships
