"""tools/rule_audit.py: each rule's verdicts summed over sets, split by cue, and the held-out sets refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.rule_eval import JudgedItem, Verdict
from tools.rule_audit import HELD_OUT, by_cue, items_of, judged_sets, set_dirs, table


def _item(rule: str, verdict: Verdict, cue: str = "accused") -> JudgedItem:
    return JudgedItem(rule=rule, kind="criticism", says="A -> B", document="a.txt", start=0, end=5, text="A accused B",
                      verdict=verdict, item={"summary": f"A criticised B ({cue})"})  # fmt: skip


def _row(report: str, rule: str) -> list[str]:
    return next(line.split() for line in report.splitlines() if line.startswith(rule + " "))


def test_table_sums_the_sets_and_flags_a_rule_wrong_more_often_than_right() -> None:
    by_set = {"one": [_item("criticism.x.v1", "correct"), _item("criticism.y.v1", "wrong")],
              "two": [_item("criticism.x.v1", "wrong"), _item("criticism.y.v1", "wrong"),
                      _item("criticism.y.v1", "correct")]}  # fmt: skip
    report = table(by_set)
    assert _row(report, "criticism.x.v1")[:4] == ["criticism.x.v1", "1", "1", "0"]
    assert _row(report, "criticism.y.v1")[:5] == ["criticism.y.v1", "1", "2", "0", "0.333"]
    assert "more wrong than correct" in " ".join(_row(report, "criticism.y.v1"))
    assert "more wrong" not in " ".join(_row(report, "criticism.x.v1"))


def test_by_cue_splits_a_rule_into_its_branches() -> None:
    by_set = by_cue({"one": [_item("criticism.x.v1", "correct", "sued"), _item("criticism.x.v1", "wrong", "Mocked")]})
    assert {i.rule for i in by_set["one"]} == {"criticism.x.v1 (sued)", "criticism.x.v1 (mocked)"}


def test_items_of_lists_judged_items_with_their_verdict() -> None:
    listed = items_of({"one": [_item("criticism.x.v1", "wrong"), _item("criticism.x.v1", "unscored")]},
                      "criticism.x.v1")
    assert listed.splitlines() == ['- A -> B  (a.txt 0) "A accused B"']


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_sets_are_never_audited(name: str) -> None:
    with pytest.raises(SystemExit, match="held-out"):
        set_dirs(name)


def test_a_real_set_is_judged(seeds_dir: Path) -> None:
    """The seeds' criticisms come back judged by the scorer, most of them correct."""
    items = judged_sets(["seeds"], "criticism")["seeds"]
    assert items and all(i.kind == "criticism" for i in items)
    assert sum(i.verdict == "correct" for i in items) > sum(i.verdict == "wrong" for i in items)
