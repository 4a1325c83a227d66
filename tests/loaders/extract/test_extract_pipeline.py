"""The declared stages: wired and checked once, a wrong wiring names the stage and the input, a stage's failure is
marked with the stage's name, and nothing runs twice."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kg.model import DateRef, Event, Extraction
from loaders.extract import pipeline
from loaders.extract.pipeline import STAGES, STEPS, Stage, WiringError, failed_stage, run_steps, wire
from loaders.extract.schema import TextDoc


def _swap(a: str, b: str) -> tuple[Stage, ...]:
    """The declared stages with stages ``a`` and ``b`` swapped."""
    order = [st.name for st in STAGES]
    i, j = order.index(a), order.index(b)
    stages = list(STAGES)
    stages[i], stages[j] = stages[j], stages[i]
    return tuple(stages)


def _renamed(name: str, provides: str) -> tuple[Stage, ...]:
    """The declared stages with stage ``name`` providing under another name."""
    return tuple(Stage(st.name, st.run, provides) if st.name == name else st for st in STAGES)


def _as_str(doc: TextDoc) -> str:
    """A stage whose output has the wrong type for the stage after it."""
    return doc.text


@pytest.mark.parametrize(("stages", "inputs", "message"), [
    (_swap("funding", "events"), pipeline.INPUTS, "stage 'events' requires 'funding', which neither"),
    (_swap("resolution", "context"), pipeline.INPUTS, "stage 'context' requires 'resolved', which neither"),
    (_renamed("claims", "statements"), pipeline.INPUTS, "stage 'assemble' requires 'claims', which neither"),
    (STAGES, {"text": str}, "stage 'text' requires 'published', which neither"),
    (STAGES, {"text": str, "published": str}, "stage 'text' requires 'published' as"),
    ((Stage("text", pipeline.prepare, "doc"), Stage("bare", _as_str, "mentions"), *STAGES[2:]), pipeline.INPUTS,
     "stage 'classify' requires 'mentions' as"),
    ((*STAGES, Stage("again", pipeline.extract_funding, "funding")), pipeline.INPUTS,
     "stage 'again' provides 'funding', which is already provided"),
    ((*STAGES, STAGES[0]), pipeline.INPUTS, "stage names are not unique"),
])
def test_a_wrong_wiring_names_the_stage_and_the_input(stages: tuple[Stage, ...], inputs: dict[str, Any],
                                                      message: str) -> None:
    with pytest.raises(WiringError, match=message):
        wire(stages, inputs)


def test_the_declared_stages_are_wired_in_order() -> None:
    assert [s.name for s in STEPS] == [st.name for st in STAGES]
    assert STEPS[-1].provides == "extraction"
    # every stage's output is read by a later stage (the last one's is the result): no stage runs for nothing
    read = {name for step in STEPS for name in step.requires}
    assert [s.name for s in STEPS[:-1] if s.provides not in read] == []


def test_funding_is_found_once_and_read_by_events_and_relations() -> None:
    readers = [s.name for s in STEPS if "funding" in s.requires]
    assert readers == ["events", "relations"]
    values = run_steps(STEPS, text="Lumora Labs raised $6.6B in a round led by Orlan Capital.", published=None)
    rounds: list[Event] = values["funding"]
    assert [ev.type for ev in values["events"]] == ["FundingRound"]
    invested = [r for r in values["relations"] if r.predicate == "invested_in"]
    # the relation comes from the very round the funding stage found (same span)
    assert [(r.source.start, r.source.end) for r in invested] == [(rounds[0].source.start, rounds[0].source.end)]
    assert isinstance(values["extraction"], Extraction)


def test_attribution_is_done_once_and_read_by_criticisms_and_claims() -> None:
    readers = [s.name for s in STEPS if "speakers" in s.requires]
    assert readers == ["criticisms", "claims"]
    values = run_steps(STEPS, text="Zentrix Labs reported results on Monday. “Our revenue grew 40% last year to $3 "
                                   "million,” said Mara Quist, chief executive of Zentrix Labs.", published=None)
    quoted = values["speakers"].quoted()
    assert values["speakers"].quoted() is quoted  # attributed once, whoever asks
    # the claim is the statement the attribution stage attributed, credited to the speaker it found
    assert [(c.claimant, c.text) for c in values["claims"]] == [(a.speaker, a.judged.rstrip(",")) for a in quoted]
    assert {e.key: e.label for e in values["resolved"].entities}[quoted[0].speaker] == "Mara Quist"


def _raises(*args: object) -> list[Event]:
    """A stage with a bug."""
    raise IndexError("list index out of range")


@pytest.mark.parametrize("at", ["mentions", "funding", "claims"])
def test_a_stage_exception_propagates_marked_with_the_stage(at: str) -> None:
    steps = tuple(replace(s, run=_raises) if s.name == at else s for s in STEPS)
    with pytest.raises(IndexError) as caught:
        run_steps(steps, text="OpenAI CEO Sam Altman said the rival's model is dangerous.",
                  published=DateRef(value="2025-01-13", precision="day"))
    assert failed_stage(caught.value) == at


def test_an_exception_outside_the_stages_names_none() -> None:
    assert failed_stage(ValueError("x")) is None


def test_warm_up_loads_every_cached_loader_of_the_extraction() -> None:
    """After warm_up every zero-argument cached loader holds its value, the lazily imported modules' included."""
    n = pipeline.warm_up()
    loaders = pipeline._loaders()
    assert n == len(loaders)
    names = {f"{f.__module__}.{f.__name__}" for f in loaders}
    assert {"loaders.extract.lexicon.lexicon", "loaders.extract.judgement_model.embeddings"} <= names
    assert [f for f in loaders if f.cache_info().currsize != 1] == []
