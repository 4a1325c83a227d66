"""Measure the rule that merges one claimant's reworded statements across documents (kg.claim_clusters).

Every pair of gold claims of one claimant in two different articles of the tuning sets, the seeds and dev is a
candidate; the pairs listed in SAME below are one statement told twice (judged by reading both), the UNSURE ones
are left out, every other pair is two statements. For each threshold the script prints how many same pairs the
rule merges (recall) and how many of its merges are right (precision), with figures and without apart.

    PYTHONPATH=. .venv/bin/python tools/claim_merge_calibration.py [--show]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import claim_clusters as cc
from tools.eval_sets import EXTRACT_TESTS, SHARED, TUNING_SETS

# Groups of gold claims that state one thing in several articles: (gold file, start of the evidence).
SAME = [
    [("seeds-gold/000", "80% of the company"), ("seeds-gold/001", "more than 80% of the code"),
     ("seeds-gold/002", "over 80% of the code")],
    [("seeds-gold/000", "The amount of code"), ("seeds-gold/002", "Anthropic engineers are deploying")],
    [("seeds-gold/000", "The time it takes"), ("seeds-gold/001", "Tasks that once required")],
    [("seeds-gold/001", "true RSI"), ("seeds-gold/002", "the company acknowledges"),
     ("seeds-gold/003", "recursive self-improvement has not yet"),
     ("seeds-gold/004", "recursive self-improvement has")],
    [("seeds-gold/003", "but it may arrive sooner"), ("seeds-gold/004", "could come sooner")],
    [("seeds-gold/000", "Anthropic published an article"), ("seeds-gold/002", "AI is already accelerating")],
    [("seeds-gold/000", "They believe that if"), ("seeds-gold/002", "combining computing resources")],
    [("seeds-gold/001", "It’s not yet clear"), ("seeds-gold/002", "while Claude excels"),
     ("seeds-gold/004", "At the moment, humans")],
    [("realnews_a/ra_08", "confident that OpenAI"), ("realnews_h/rnh_01", "confident that OpenAI")],
    [("realnews_a/ra_08", "John Schulman"), ("realnews_h/rnh_01", "John Schulman")],
    [("realnews_i/rni_01", "the voice actor behind"), ("dev/d01", "the voice actor for")],
    [("realnews_a/ra_08", "Wired reported that"), ("realnews_h/rnh_01", "OpenAI had broken up")],
]  # fmt: skip
# Pairs close enough in meaning that a reader could call them one statement or two: not counted either way.
UNSURE = [
    (("seeds-gold/000", "They believe that if"), ("seeds-gold/001", "Anthropic argues that if")),
    (("seeds-gold/001", "Anthropic argues that if"), ("seeds-gold/002", "combining computing resources")),
    (("seeds-gold/002", "we are increasingly delegating"), ("seeds-gold/004", "the human role is narrowing")),
    (("seeds-gold/002", "model performance is improving"), ("seeds-gold/004", "new data shows")),
    (("seeds-gold/000", "Anthropic published an article"), ("seeds-gold/003", "Model development appears")),
    (("seeds-gold/000", "Anthropic published an article"), ("seeds-gold/004", "new data shows")),
    (("seeds-gold/002", "AI is already accelerating"), ("seeds-gold/004", "new data shows")),
    (("seeds-gold/001", "early signs of the phenomenon"), ("seeds-gold/002", "AI is already accelerating")),
]  # fmt: skip


@dataclass(frozen=True)
class GoldClaim:
    """One gold claim: where it is, who states it, its facts as merging compares them."""

    where: str
    evidence: str
    claimant: str
    facts: cc.ClaimFacts


def _gold_dirs() -> list[tuple[str, Path]]:
    found = [(name, EXTRACT_TESTS / name / "gold") for name in TUNING_SETS]
    return [*found, ("seeds-gold", SHARED / "eval" / "seeds-gold"), ("dev", SHARED / "eval" / "dev" / "gold")]


def read_gold() -> list[GoldClaim]:
    """Every named claimant's gold claim of the tuning sets, seeds and dev, as merging sees it."""
    found = []
    for name, folder in _gold_dirs():
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text())
            names = {e["name"].casefold(): [e["name"], *e.get("aliases", [])] for e in gold.get("entities", [])}
            for claim in gold.get("claims", []):
                if claim.get("claimant_kind") == "group":
                    continue
                who = claim["claimant"].casefold()
                words = cc.key_words(claim["evidence"])
                figures = cc.figures_of((q["value"], q["unit"]) for q in claim.get("quantities", []))
                where = f"{name}/{path.stem}"
                negated = cc.negated_words(claim["evidence"])
                raw = cc.RawClaim(f"{where}#{len(found)}", where, who, words, figures, negated)
                facts = cc.facts_of([raw], cc.name_stems(names.get(who, [claim["claimant"]])))
                found.append(GoldClaim(where, claim["evidence"], who, facts))
    return found


def _find(claims: list[GoldClaim], where: str, start: str) -> GoldClaim:
    matches = [c for c in claims if c.where.startswith(where) and c.evidence.startswith(start)]
    assert len(matches) == 1, (where, start, len(matches))
    return matches[0]


def labelled_pairs(claims: list[GoldClaim]) -> list[tuple[GoldClaim, GoldClaim, bool]]:
    """Every cross-article pair of one claimant, labelled same (True) or not; the unsure pairs left out."""
    same = {
        frozenset((a.facts.iri, b.facts.iri))
        for group in SAME
        for a, b in itertools.combinations([_find(claims, *ref) for ref in group], 2)
    }
    unsure = {frozenset((_find(claims, *a).facts.iri, _find(claims, *b).facts.iri)) for a, b in UNSURE}
    pairs = []
    for a, b in itertools.combinations(claims, 2):
        key = frozenset((a.facts.iri, b.facts.iri))
        if a.claimant == b.claimant and a.where != b.where and key not in unsure:
            pairs.append((a, b, key in same))
    return pairs


def measure(pairs: list[tuple[GoldClaim, GoldClaim, bool]], with_figures: float, without: float, least: int) -> str:
    """Recall and precision of the rule at these thresholds, over the labelled pairs."""
    merged = right = same = 0
    for a, b, label in pairs:
        agree = cc.statements_agree(a.facts, b.facts, with_figures=with_figures, without=without, least=least)
        merged += agree
        right += agree and label
        same += label
    precision = right / merged if merged else 1.0
    recall = right / same
    return f"merged {merged:3d}, right {right:2d} of {same} same pairs: recall {recall:.2f} precision {precision:.2f}"


def main() -> int:
    """Print the pairs' counts and the rule's recall and precision over a grid of thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every same pair and every merge with its overlap")
    args = parser.parse_args()
    claims = read_gold()
    pairs = labelled_pairs(claims)
    print(f"{len(claims)} gold claims, {len(pairs)} cross-article pairs of one claimant, "
          f"{sum(label for *_, label in pairs)} of them one statement")  # fmt: skip
    for least in (2, 3):
        for with_figures, without in ((0.4, 0.5), (0.5, 0.5), (0.5, 0.6), (0.6, 0.6), (0.5, 0.7), (0.7, 0.7)):
            print(f"min shared {least}, share {with_figures} with figures, {without} without: "
                  f"{measure(pairs, with_figures, without, least)}")  # fmt: skip
    print(f"the rule as set (kg.claim_clusters): "
          f"{measure(pairs, cc.WITH_FIGURES, cc.WITHOUT_FIGURES, cc.MIN_SHARED)}")  # fmt: skip
    if args.show:
        for a, b, label in pairs:
            fits = cc.claims_fit(a.facts, replace(b.facts, documents=frozenset(("other",))))
            if label or fits:
                shared = sorted(a.facts.words & b.facts.words)
                print(
                    f"{'SAME' if label else 'two '} {'merged' if fits else 'apart '} {shared}\n"
                    f"    {a.where}: {a.evidence[:100]}\n    {b.where}: {b.evidence[:100]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
