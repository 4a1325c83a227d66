#!/usr/bin/env python3
"""Sum every rule's correct and wrong items (``kg eval``'s per-rule verdicts) over all the TUNING sets and print
one table, so that a rule that adds more errors than it fixes on real news as a whole shows up, not only on one set.

The held-out sets are never read. ``--kind criticism`` keeps one kind of item; ``--per-set`` adds each set's
counts for every rule; ``--items RULE`` lists that rule's judged items over the sets (to read its errors).

Usage: .venv/bin/python tools/rule_audit.py [--kind criticism] [--per-set] [--items RULE] [--sets a,b]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.rule_eval import JudgedItem, judge  # noqa: E402
from kg.scoring import extract_folder, load_scorer  # noqa: E402
from tools.eval_sets import EXTRACT_TESTS, HELD_OUT, SHARED, TUNING_SETS  # noqa: E402


def set_dirs(name: str) -> tuple[Path, Path]:
    """(gold, articles) folders of a tuning set by name; seeds and dev live in ../shared."""
    if name in HELD_OUT:
        raise SystemExit(f"{name} is a held-out set: it is never audited")
    if name == "seeds":
        return SHARED / "eval" / "seeds-gold", SHARED / "seeds"
    if name == "dev":
        return SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "articles"
    return EXTRACT_TESTS / name / "gold", EXTRACT_TESTS / name / "articles"


def judged_sets(names: Iterable[str], kind: str | None = None) -> dict[str, list[JudgedItem]]:
    """Each set's judged items (of one kind when given), extracting its articles afresh."""
    scorer = load_scorer()
    out: dict[str, list[JudgedItem]] = {}
    for name in names:
        gold, articles = set_dirs(name)
        store, _ = extract_folder(articles)
        out[name] = [i for i in judge(store, gold, scorer) if kind is None or i.kind == kind]
    return out


_CUE = re.compile(r"\(([^()]*)\)$")


def by_cue(by_set: dict[str, list[JudgedItem]]) -> dict[str, list[JudgedItem]]:
    """The items with each criticism's rule split by its cue (the word that triggered it, the summary's last
    parenthesis): the branches of a rule."""
    def split(i: JudgedItem) -> JudgedItem:
        cue = _CUE.search(str(i.item.get("summary") or ""))
        return replace(i, rule=f"{i.rule} ({cue.group(1).lower()})") if cue and i.kind == "criticism" else i

    return {name: [split(i) for i in items] for name, items in by_set.items()}


def table(by_set: dict[str, list[JudgedItem]], per_set: bool = False) -> str:
    """One row per rule: correct, wrong, unscored summed over the sets, precision, and wrong minus correct."""
    counts: dict[str, dict[str, list[int]]] = {}
    for name, items in by_set.items():
        for i in items:
            row = counts.setdefault(i.rule, {}).setdefault(name, [0, 0, 0])
            row[("correct", "wrong", "unscored").index(i.verdict)] += 1
    width = max([len(r) for r in counts] + [4])
    lines = [f"{'rule'.ljust(width)}  correct  wrong  unscored  precision  sets(wrong>correct)"]
    for rule in sorted(counts):
        c, w, u = (sum(v[k] for v in counts[rule].values()) for k in range(3))
        worse = sum(v[1] > v[0] for v in counts[rule].values())
        p = f"{c / (c + w):9.3f}" if c + w else "        -"
        flag = "  <-- more wrong than correct" if w > c else ""
        lines.append(f"{rule.ljust(width)}  {c:7d}  {w:5d}  {u:8d}  {p}  {worse:3d}/{len(counts[rule])}{flag}")
        if per_set:
            lines += [f"    {n:<14} {v[0]:4d} {v[1]:4d} {v[2]:4d}" for n, v in counts[rule].items()]
    every = [i for items in by_set.values() for i in items]
    total = [sum(i.verdict == v for i in every) for v in ("correct", "wrong", "unscored")]
    lines.append(f"{'all rules'.ljust(width)}  {total[0]:7d}  {total[1]:5d}  {total[2]:8d}")
    return "\n".join(lines)


def items_of(by_set: dict[str, list[JudgedItem]], rule: str) -> str:
    """One rule's judged items over the sets, one line each (+ correct, - wrong)."""
    marks = {"correct": "+", "wrong": "-", "unscored": "?"}
    lines = []
    for items in by_set.values():
        for i in items:
            if i.rule == rule and i.verdict != "unscored":
                quote = " ".join(i.text.split())
                lines.append(f'{marks[i.verdict]} {i.says}  ({i.document} {i.start}) "{quote[:140]}"')
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the summed per-rule table (or one rule's items) over the tuning sets."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=("criticism", "event", "relation", "claim"), help="only this kind of item")
    ap.add_argument("--sets", help="comma-separated set names (default: seeds, dev and every tuning set)")
    ap.add_argument("--per-set", action="store_true", help="each set's counts under every rule")
    ap.add_argument("--items", metavar="RULE", help="list this rule's correct and wrong items")
    ap.add_argument("--by-cue", action="store_true", help="split each criticism rule by its cue (its branches)")
    args = ap.parse_args(argv)
    names = args.sets.split(",") if args.sets else ["seeds", "dev", *TUNING_SETS]
    by_set = judged_sets(names, args.kind)
    if args.by_cue:
        by_set = by_cue(by_set)
    print(items_of(by_set, args.items) if args.items else table(by_set, args.per_set))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
