"""A rule's trigger (rules.Trigger) is a necessary condition of the rule firing: its runner skips every sentence
without it, so a trigger that missed a sentence the rule fires on would silently drop facts. Checked by running the
rules on every sentence of the tuning sets, triggers or not."""

from __future__ import annotations

from itertools import takewhile

import pytest

from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticisms import SENTENCE_RULES
from loaders.extract.pipeline import STEPS, run_steps
from loaders.extract.rules import Trigger
from tools.eval_sets import EXTRACT_TESTS, TUNING_SETS, is_held_out
from tools.score_offline import read_articles

_BEFORE_CRITICISMS = tuple(takewhile(lambda s: s.name != "criticisms", STEPS))


@pytest.mark.parametrize("name", TUNING_SETS)
def test_trigger_holds_where_its_rule_fired(name: str) -> None:
    assert not is_held_out(name)
    fired, missed = 0, []
    for article, text, published in read_articles(EXTRACT_TESTS / name / "articles"):
        values = run_steps(_BEFORE_CRITICISMS, text=text, published=published)
        ctx, found = values["ctx"], []
        ix = CriticIndex(ctx, values["relations"], values["events"])
        for s in ctx.doc.sentences:
            for trigger, rule in SENTENCE_RULES:  # every rule on every sentence: the trigger not asked
                new = rule(ix, s.index, found)
                fired += len(new)
                missed += [(article, f.rule, s.text) for f in new if not trigger.holds(ctx.words(f.sent))]
                found += new
    assert not missed, missed[:5]
    assert fired or name.startswith("tuning"), "the set's articles fire no sentence rule: nothing was checked"


def test_a_trigger_fails_without_its_words() -> None:
    trigger = Trigger(frozenset({"found"}), all_of=frozenset({"that"}))
    assert trigger.holds({"it", "found", "that"})
    assert not trigger.holds({"it", "found"}) and not trigger.holds({"it", "said", "that"})
