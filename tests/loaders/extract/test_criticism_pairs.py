"""The learned criticism-pair stage: its weights load, its candidates and features follow the sentence's structure,
a pair is added exactly when its score reaches the threshold, with a critic, a target, a span and a date as the
rules' criticisms have, and the stage is off unless switched on."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from extract_helpers import check_spans, key_label

import loaders.extract.criticism_pairs as cp
from kg.model import DateRef
from loaders.extract import extract
from loaders.extract.pipeline import STAGES, STEPS, run_steps

# a quote with no word of the word lists; the speaker works elsewhere than the company named
TEXT = ("Zentrix Labs launched its Quill chatbot on Monday.\n"
        '"Zentrix is not telling the truth about its chatbot," said Mara Quist, an analyst at Brightline Research, '
        "on March 3.")
PUBLISHED = DateRef(value="2025-03-05", precision="day")
PAIR = ("Mara Quist", "Zentrix Labs")


@pytest.fixture
def rules_miss_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' own learned judgement off, so that the rules do not find PAIR and only this stage can."""
    monkeypatch.setattr("loaders.extract.judgements.USE_LEARNED", False)


def _scored() -> tuple[list[cp.Candidate], np.ndarray, dict[str, str]]:
    v = run_steps(STEPS, text=TEXT, published=PUBLISHED)
    cands, x = cp.scored(v["ctx"], v["relations"], v["events"], v["criticisms"])
    return cands, x, {k: e.label for k, e in v["ctx"].entities.items()}


def _pair_score() -> float:
    cands, x, label = _scored()
    m = cp.model()
    probs = 1.0 / (1.0 + np.exp(-(x @ m.weights + m.bias)))
    return max(float(p) for c, p in zip(cands, probs, strict=True) if (label[c.critic], label[c.target]) == PAIR)


def test_weights_file_loads() -> None:
    m = cp.model()
    from loaders.extract.judgement_model import embeddings

    assert m.weights.shape == (embeddings().matrix.shape[1] + len(cp.NAMES),)
    assert np.isfinite(m.weights).all() and np.isfinite(m.bias)
    assert 0.0 < m.add_at <= 1.0 and m.drop_below >= 0.0


def test_stage_runs_after_the_claims() -> None:
    names = [st.name for st in STAGES]
    assert names.index("claims") < names.index("criticism_pairs") < names.index("assemble")


@pytest.mark.usefixtures("rules_miss_it")
def test_candidate_of_an_attributed_quote() -> None:
    """The quote's speaker is the critic; the company it names is inside the statement, and the rules missed it."""
    cands, x, label = _scored()
    off = x.shape[1] - len(cp.NAMES)
    rows = [i for i, c in enumerate(cands) if (label[c.critic], label[c.target]) == PAIR]
    assert rows
    best = max(rows, key=lambda i: x[i, off + cp.NAMES.index("target_in_statement")])
    assert cands[best].kind == "quote" and cands[best].quote is not None
    for name, value in (("target_in_statement", 1.0), ("kind_quote", 1.0), ("critic_person", 1.0),
                        ("target_org", 1.0), ("rule_pair_doc", 0.0)):
        assert x[best, off + cp.NAMES.index(name)] == value, name


@pytest.mark.usefixtures("rules_miss_it")
@pytest.mark.parametrize("above", [True, False])
def test_pair_follows_the_threshold(monkeypatch: pytest.MonkeyPatch, above: bool) -> None:
    s = _pair_score()
    model = dataclasses.replace(cp.model(), add_at=s - 1e-6 if above else s + 1e-6)
    monkeypatch.setattr(cp, "model", lambda: model)
    monkeypatch.setattr(cp, "USE_LEARNED_PAIRS", True)
    ex = extract(TEXT, PUBLISHED)
    kl = key_label(ex)
    learned = [c for c in ex.criticisms if c.rule == cp.LEARNED_PAIR]
    assert (PAIR in {(kl[c.critic], kl[c.target]) for c in learned}) is above
    check_spans(TEXT, ex)
    for c in learned:  # as the rules' criticisms: a span in its sentence, a date, the publication date
        assert TEXT[c.source.start:c.source.end] in c.source.sentence
        assert c.date is not None and c.reported == PUBLISHED
        assert c.summary.startswith(kl[c.critic])


@pytest.mark.usefixtures("rules_miss_it")
def test_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    model = dataclasses.replace(cp.model(), add_at=0.0)
    monkeypatch.setattr(cp, "model", lambda: model)
    monkeypatch.setattr(cp, "USE_LEARNED_PAIRS", False)
    assert not [c for c in extract(TEXT, PUBLISHED).criticisms if c.rule == cp.LEARNED_PAIR]


def test_deterministic() -> None:
    a, b = _scored()[1], _scored()[1]
    np.testing.assert_array_equal(a, b)


def test_rule_pair_dropped_below_the_floor() -> None:
    """A rule pair scored under drop_below goes; one not scored at all (no candidate) stays."""
    v = run_steps(STEPS, text=TEXT, published=PUBLISHED)
    ctx, rule = v["ctx"], v["criticisms"]
    assert rule, "the rules find the quote's criticism with their learned judgement on"
    c = rule[0]
    cand = cp.Candidate(c.critic, c.target, 1, c.source.start, c.source.end, "quote", None)
    assert cp.combine(ctx, rule, {(c.critic, c.target): (0.01, cand)}, 0.5, 0.05) == rule[1:]
    assert cp.combine(ctx, rule, {}, 0.5, 0.05) == rule
