"""The learned claim component's candidates (claim_learned): the pieces the claim rules turn down, each with the
test that refused it and a finite row of the named features; none in a sentence where the rules hold a claim of
the same speaker; nothing added without weights."""

from __future__ import annotations

import math

import pytest

from loaders.extract import claim_learned, extract
from loaders.extract.claim_learned import FEATURE_NAMES, REASONS, Rejected

_TEXT = ("Zentrix Labs released its chatbot, Orbi, on Monday. "
         "Ada Pike, a professor at Halden University, said Orbi would change how students learn. "
         "Zentrix Labs said that more than 80% of its code is now written by its own models. "
         "“We think this is the best model in the world,” Ada Pike said.")  # fmt: skip

Recorded = list[tuple[Rejected, tuple[float, ...], str]]


def _candidates(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[Recorded, list[str]]:
    """The candidates (piece, row, text) recorded at the claims stage's hook, and the claims' texts."""
    got: Recorded = []

    def record(ctx: object, rejected: object, claims: object, criticised: set[int], make: object) -> list[object]:
        got.extend((r, row, ctx.doc.clean[r.start:r.end])  # type: ignore[attr-defined]
                   for r, row in claim_learned.candidates(ctx, rejected, claims, criticised))  # type: ignore[arg-type]
        return []

    monkeypatch.setattr(claim_learned, "added", record)
    monkeypatch.setattr(claim_learned, "RECORD", True)
    return got, [c.text for c in extract(text).claims]


def test_every_candidate_has_a_finite_row(monkeypatch: pytest.MonkeyPatch) -> None:
    got, _ = _candidates(monkeypatch, _TEXT)
    assert got
    for r, row, _ in got:
        assert r.reason in REASONS
        assert len(row) == len(FEATURE_NAMES)
        assert all(math.isfinite(v) for v in row)
        assert row[FEATURE_NAMES.index(f"reason_{r.reason}")] == 1.0


def test_a_rejected_view_is_a_candidate_and_a_claim_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules take the figure and turn the quoted view down: the view is a candidate, the figure is not."""
    got, claims = _candidates(monkeypatch, _TEXT)
    assert any("80% of its code" in c for c in claims)
    assert any("best model in the world" in text for _, _, text in got)
    assert not any("80% of its code" in text for _, _, text in got)


def test_without_weights_nothing_is_added() -> None:
    if claim_learned.weights() is not None:
        pytest.skip("weights shipped")
    assert not any(c.rule == claim_learned.LEARNED_STATEMENT for c in extract(_TEXT).claims)
