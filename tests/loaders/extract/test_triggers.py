"""A rule's trigger (rules.Trigger) is a necessary condition of the rule firing: its runner skips every sentence
without it, so a trigger that missed a sentence the rule fires on would silently drop facts. Checked by running the
rules on every sentence of the tuning sets, triggers or not."""

from __future__ import annotations

from itertools import takewhile

import pytest

from kg.model import Criticism
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import Known
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticism_legal import LEGAL_RULES, LegalIndex
from loaders.extract.criticisms import SENTENCE_RULES
from loaders.extract.pipeline import STEPS, run_steps
from loaders.extract.rules import Trigger, any_word, fires
from tools.eval_sets import EXTRACT_TESTS, TUNING_SETS, is_held_out
from tools.score_offline import read_articles

_BEFORE_CRITICISMS = tuple(takewhile(lambda s: s.name != "criticisms", STEPS))


def _legal_misses(ctx: DocContext, article: str) -> tuple[int, list[tuple[str, str, str]]]:
    """Every legal rule on every sentence: how many criticisms they made, and those whose sentence lacks the rule's
    trigger. (The authority rules' trigger is checked by no test: it is the word gate they always had, and it
    decides as well as saves time: their patterns read a headline without its words, "watchdog fines X", which the
    runner has always skipped; widening it would change the output.)"""
    lx, history, fired, missed = LegalIndex(ctx), [], 0, []
    for s in ctx.doc.sentences:
        for trigger, rule in LEGAL_RULES:
            new: list[Criticism] = rule(lx, s.index, Known(tuple(history), frozenset()))
            fired += len(new)
            missed += [(article, c.rule, s.text) for c in new if not trigger.holds(ctx.words(s.index))]
            history += new
    return fired, missed


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
        legal_fired, legal_missed = _legal_misses(ctx, article)
        fired, missed = fired + legal_fired, missed + legal_missed
    assert not missed, missed[:5]
    assert fired or name.startswith("tuning"), "the set's articles fire no sentence rule: nothing was checked"


def test_a_trigger_fails_without_its_words() -> None:
    trigger = Trigger(frozenset({"found", "finds"}), lambda: frozenset({"that"}))
    assert trigger.holds({"it", "found", "that"})
    assert not trigger.holds({"it", "found"}) and not trigger.holds({"it", "said", "that"})


@pytest.mark.parametrize("rules", [SENTENCE_RULES, LEGAL_RULES])
def test_a_sentence_without_any_word_fires_no_gate(rules: tuple[tuple[Trigger, object], ...]) -> None:
    # the runners skip a sentence holding none of any_word's words without asking each trigger
    gates = [(trigger.needs(), rule) for trigger, rule in rules]
    first = any_word(gates)
    for needs, _ in gates:
        others = set().union(*needs[1:])  # every later word set met, none of the first's words
        assert not fires(others - first, needs)
        assert fires(others | {min(needs[0])}, needs)


def test_any_word_is_every_gate_first_words() -> None:
    gates = [((frozenset({"a", "b"}), frozenset({"c"})), None), ((frozenset({"d"}),), None)]
    assert any_word(gates) == {"a", "b", "d"}
