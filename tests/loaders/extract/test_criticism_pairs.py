"""The learned recall component's candidates (criticism_pairs): one (speaker, entity) pair per attributed statement
and entity the rules did not pair, each with a finite row of the named features, the same on every run; no
candidate for a victim of the speaker's criticism or a co-accused of its side; the shipped weights."""

from __future__ import annotations

import math

import pytest

from loaders.extract import criticism_pairs, pipeline
from loaders.extract.criticism_pairs import FEATURE_NAMES, LEARNED_PAIR, Candidate

_TEXT = ("Zentrix Labs released its chatbot, Orbi, on Monday. "
         "Ada Pike, a professor at Halden University, said Zentrix Labs had rushed the product out to please "
         "investors. "
         "Ada Pike said Orbi would reach Europe next year.")  # fmt: skip


def _candidates(monkeypatch: pytest.MonkeyPatch, text: str) -> list[tuple[str, str, Candidate]]:
    """The document's candidates as (critic label, target label, candidate), read at the pipeline's hook."""
    got: list[tuple[str, str, Candidate]] = []

    def record(ix: object, found: object) -> list[object]:
        got.extend((ix.ctx.label(c.critic), ix.ctx.label(c.target), c)  # type: ignore[attr-defined]
                   for c in criticism_pairs.candidates(ix, found))  # type: ignore[arg-type]
        return []

    monkeypatch.setattr(pipeline, "learned_pairs", record)
    pipeline.extract_document(text)
    return got


def test_every_candidate_has_a_finite_row(monkeypatch: pytest.MonkeyPatch) -> None:
    got = _candidates(monkeypatch, _TEXT)
    assert got
    for _, _, c in got:
        assert len(c.row) == len(FEATURE_NAMES)
        assert all(math.isfinite(v) for v in c.row)


@pytest.mark.parametrize(("feature", "expected"), [("target_in_content", 1.0), ("critic_person", 1.0),
                                                   ("target_product", 1.0), ("reported", 1.0), ("quote", 0.0)])
def test_a_statement_about_an_entity_is_a_candidate(monkeypatch: pytest.MonkeyPatch, feature: str,
                                                    expected: float) -> None:
    """"Ada Pike said Orbi would reach Europe": Pike and Orbi, the product named inside what she said."""
    rows = [c.row for critic, target, c in _candidates(monkeypatch, _TEXT) if (critic, target) == ("Ada Pike", "Orbi")]
    assert rows
    assert rows[0][FEATURE_NAMES.index(feature)] == expected


def test_a_pair_the_rules_found_is_no_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules read Pike's "rushed the product out" as a criticism of Zentrix Labs: the component adds only new
    pairs."""
    found = pipeline.extract_document(_TEXT)
    labels = {e.key: e.label for e in found.entities}
    assert ("Ada Pike", "Zentrix Labs") in {(labels[c.critic], labels[c.target]) for c in found.criticisms}
    assert ("Ada Pike", "Zentrix Labs") not in {(a, b) for a, b, _ in _candidates(monkeypatch, _TEXT)}


def test_candidates_are_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _candidates(monkeypatch, _TEXT) == _candidates(monkeypatch, _TEXT)


def test_the_shipped_weights_read_every_pair_feature() -> None:
    """The shipped regression has one weight per pair feature and a threshold that keeps some pairs and not all."""
    model = criticism_pairs.weights()
    assert model is not None
    w, bias, threshold = model
    assert w.shape == (len(criticism_pairs.PAIR_FEATURE_NAMES),)
    # an unweighted fit (about one right pair in ten) is read at a threshold below one half; a balanced one above
    assert math.isfinite(bias) and 0.1 <= threshold < 1.0


def test_learned_criticisms_carry_their_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the scorer keeps is one criticism per new pair, made by criticism.learned_pair.v1."""
    monkeypatch.setattr(criticism_pairs, "probability", lambda row, model: 1.0)
    learned = [c for c in pipeline.extract_document(_TEXT).criticisms if c.rule == LEARNED_PAIR]
    assert learned
    assert len({(c.critic, c.target) for c in learned}) == len(learned)


# Pike is found criticising Zentrix Labs in the statement that names Mirelle Robotics: Mirelle is a victim there,
# and stays one when a later statement of Pike's names it
_BYSTANDER = ("Zentrix Labs released its chatbot, Orbi, on Monday. Ada Pike, a professor at Halden University, said "
              "Zentrix Labs had stolen the design from Mirelle Robotics to please investors. Ada Pike said Mirelle "
              "Robotics would reach Europe next year.")  # fmt: skip
# Garcia accuses both companies: Halcyon's spokesperson naming Zentrix Labs defends its side, with its partner
_CO_ACCUSED = ("Megan Garcia sued Zentrix Labs and Halcyon Systems on Monday, accusing them of negligence. Halcyon "
               "Systems spokesperson Jo Reed said Halcyon Systems and Zentrix Labs are entirely separate companies.")


@pytest.mark.parametrize(("text", "pair"), [(_BYSTANDER, ("Ada Pike", "Mirelle Robotics")),
                                            (_CO_ACCUSED, ("Jo Reed", "Zentrix Labs"))])
def test_victims_and_co_accused_are_no_candidates(monkeypatch: pytest.MonkeyPatch, text: str,
                                                  pair: tuple[str, str]) -> None:
    """Neither a target named where the rules find the speaker criticising another, nor one accused with the
    speaker's side, is a candidate; without those constraints both would be."""
    assert pair not in {(a, b) for a, b, _ in _candidates(monkeypatch, text)}
    monkeypatch.setattr(criticism_pairs._Doc, "co_accused", lambda self, critic: set())
    init = criticism_pairs._Doc.__init__

    def unconstrained(self: criticism_pairs._Doc, *args: object) -> None:
        init(self, *args)  # type: ignore[arg-type]
        self.banned = set()

    monkeypatch.setattr(criticism_pairs._Doc, "__init__", unconstrained)
    assert pair in {(a, b) for a, b, _ in _candidates(monkeypatch, text)}


def test_probability_reads_the_weights() -> None:
    """With weights, a row's probability is the logistic of its weighted sum (the threshold decides elsewhere)."""
    import numpy as np

    model = (np.array([2.0, -1.0]), 0.5, 0.5)
    assert criticism_pairs.probability([1.0, 1.0], model) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert criticism_pairs.probability([0.0, 3.0], model) < 0.5


def _candidate(critic: str, target: str, row: tuple[float, ...], start: int = 0) -> Candidate:
    return Candidate(critic, target, start, start + 5, 0, None, row)


def test_a_pair_is_scored_once_over_its_statements() -> None:
    """Two statements pairing Pike with Zentrix make one row: their mean, their maxima and how many they are."""
    cands = [_candidate("pike", "zentrix", (0.0, 1.0)), _candidate("lee", "zentrix", (5.0, 5.0), 10),
             _candidate("pike", "zentrix", (1.0, 0.0), 20)]  # fmt: skip
    rows = {(c.critic, c.target): (c.start, row) for c, row in criticism_pairs.grouped(cands)}
    assert rows[("pike", "zentrix")] == (0, pytest.approx((0.5, 0.5, 1.0, 1.0, math.log1p(2))))
    assert rows[("lee", "zentrix")] == (10, pytest.approx((5.0, 5.0, 5.0, 5.0, math.log1p(1))))
    assert len(criticism_pairs.PAIR_FEATURE_NAMES) == 2 * len(FEATURE_NAMES) + 1
