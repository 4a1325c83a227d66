"""tools/profile_extract.py: seconds per declared stage over a few bench articles."""

from __future__ import annotations

from bench.extract import corpus
from loaders.extract import criticisms
from loaders.extract.pipeline import STAGES
from tools.profile_extract import profile, rule_seconds, stage_seconds


def test_every_declared_stage_is_timed() -> None:
    """One non-negative figure per declared stage, in the declared stages' names, adding up to some time."""
    found = stage_seconds(corpus(3))
    assert list(found) == [st.name for st in STAGES]
    assert all(sec >= 0 for sec in found.values())
    assert sum(found.values()) > 0


def test_the_profile_sees_the_rule_functions() -> None:
    """cProfile's statistics name functions of the extraction's modules."""
    raw = profile(corpus(2)).stats  # type: ignore[attr-defined]
    assert any("loaders/extract/criticisms.py" in filename for filename, _line, _func in raw)


def test_the_criticism_rules_are_timed_and_restored() -> None:
    """Every sentence rule of the criticism stage gets a figure, and the stage's rules are its own again after."""
    rules = criticisms.SENTENCE_RULES
    found = rule_seconds(corpus(2))
    assert {f"{r.__module__.rsplit('.', 1)[-1]}.{r.__name__}" for _, r in rules} <= set(found)
    assert "criticism_speech.reported" in found
    assert criticisms.SENTENCE_RULES is rules and criticisms.reported.__module__ == "loaders.extract.criticism_speech"
