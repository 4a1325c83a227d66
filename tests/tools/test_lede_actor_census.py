"""tools/lede_actor_census.py: the lede's actor found by syntax, the census of a set, the stage restored, held-out sets
refused."""

from __future__ import annotations

import pytest

from kg.scoring import load_scorer
from loaders.extract import pipeline
from tests.support.doc_context import doc_context
from tools.eval_sets import HELD_OUT
from tools.lede_actor_census import MISS_KINDS, PairRow, census, lede


@pytest.mark.parametrize(("text", "actor", "verb"), [
    ("Microsoft launches a new chip\n\nMicrosoft launched a new chip on Monday, the company said.\n", "Microsoft",
     "launches"),
    ("A new chip for China\n\nOpenAI Chief Executive Sam Altman said on Monday that Nvidia would sell its chips in "
     "China.\n", "Sam Altman", "said"),
])  # fmt: skip
def test_the_lede_actor_is_the_subject_of_its_first_verb(text: str, actor: str, verb: str) -> None:
    ctx = doc_context(text)
    sents, actors = lede(ctx)
    assert sents[0] == 0 and len(sents) == 2
    assert (ctx.label(actors[0][0]), actors[0][1]) == (actor, verb)


def test_a_seed_census_counts_known_kinds_and_restores_the_stage() -> None:
    before = pipeline.learned_pairs
    counts, rows = census("seeds", load_scorer())
    assert pipeline.learned_pairs is before
    assert set(counts) <= set(MISS_KINDS)
    assert rows and all(isinstance(r, PairRow) and 0.0 <= r.probability <= 1.0 for r in rows)


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_sets_are_refused(name: str) -> None:
    with pytest.raises(SystemExit, match="held-out"):
        census(name, load_scorer())
