#!/usr/bin/env python3
"""Train the learned criticism precision filter (loaders/extract/criticism_filter.py) on the TUNING sets and write
its weights to loaders/extract/lexicons/criticism_filter.npz, only when leave-one-set-out cross-validation says
it raises the named-criticism F1.

Every criticism the rules produce (before the filter) is a candidate, labelled right when the scorer would count
its (critic, target) pair (../shared/eval/score.py's Gold.key_of matching) and wrong otherwise; the legal and
authority criticisms added after the filter are kept as they are. The regularisation C and the threshold are
chosen on leave-one-set-out predictions: for each tuning set, a model trained on the other sets scores its
candidates. The report gives each set's pair F1 without and with the filter. The held-out sets are never read.

Measured (main 873f483: 882 candidates of seeds, dev and 13 tuning sets, 796 of them screened): leave-one-set-out
AUC 0.64 over all named candidates, 0.58 over the statement rules' alone; best mean F1 change +0.0001 (C 0.1,
threshold 0.2; realnews_f +0.010, realnews_i +0.007, realnews_h -0.022); trained on the realnews sets alone +0.004
at best with up to 2 sets lower; so no weights are shipped.

Needs scikit-learn (the ``train`` extra). Usage: .venv/bin/python tools/train_criticism_filter.py [--dry-run]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.scoring import load_scorer, read_articles  # noqa: E402
from loaders.extract import criticism_filter, criticisms, pipeline  # noqa: E402
from tools.regression_fit import fit as _fit  # noqa: E402
from tools.regression_fit import save  # noqa: E402
from tools.rule_audit import TUNING_SETS, set_dirs  # noqa: E402

OUT = ROOT / "loaders" / "extract" / "lexicons" / criticism_filter.WEIGHTS_FILE
SETS = ("seeds", "dev", *TUNING_SETS)
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.61, 0.05))
_NAMED = ("Person", "Organization")


@dataclass(frozen=True)
class Candidate:
    """One criticism of a set: its features (None: not screened), its pair's gold keys, and whether it is named."""

    set: str
    doc: str
    row: tuple[float, ...] | None
    pair: tuple[str, str]
    named: bool
    says: str
    start: int = 0
    critic: str = ""
    target: str = ""


def _keys(scorer: Any, gold: Any, ctx: Any, key: str) -> str:
    e = ctx.entities.get(key)
    label, aliases = (e.label, list(e.aliases)) if e else (key, [])
    return gold.key_of(label, aliases) or scorer.norm(label)


def collect(name: str, scorer: Any) -> tuple[list[Candidate], list[tuple[str, set[str]]]]:
    """A set's candidates (screened and not) and its gold pairs (named critics only; group pairs count as right)."""
    gold_dir, articles = set_dirs(name)
    gold = scorer.Gold(str(gold_dir))
    out: list[Candidate] = []
    doc = [""]

    def record(ctx: Any, found: list[Any], screened: bool) -> None:
        for c in found:
            row = tuple(criticism_filter.features(ctx, c, found)) if screened else None
            pair = (_keys(scorer, gold, ctx, c.critic), _keys(scorer, gold, ctx, c.target))
            says = f"{ctx.label(c.critic)} -> {ctx.label(c.target)} [{c.rule}]"
            out.append(Candidate(name, doc[0], row, pair, ctx.type_of(c.critic) in _NAMED, says, c.source.start,
                                 c.critic, c.target))

    def screen(ctx: Any, found: list[Any]) -> list[Any]:
        record(ctx, found, True)
        return found

    legal = pipeline.legal_criticisms

    def legal_too(ctx: Any, found: list[Any]) -> list[Any]:
        extra = legal(ctx, found)
        record(ctx, extra, False)
        return extra

    criticisms.screen, pipeline.legal_criticisms = screen, legal_too
    try:
        for doc[0], text, published in read_articles(articles):
            pipeline.extract_document(text, published)
    finally:
        criticisms.screen, pipeline.legal_criticisms = criticism_filter.screen, legal
    def pair(c: dict[str, Any], group: bool) -> tuple[str, set[str]]:
        critic = scorer.norm(c["critic"]) if group else gold.key_of(c["critic"]) or scorer.norm(c["critic"])
        return critic, {gold.key_of(t) or scorer.norm(t) for t in c["target"]}

    every = [c for d in gold.docs for c in d.get("criticisms", [])]
    named = [pair(c, False) for c in every if c.get("critic_kind") != "group"]
    groups = [pair(c, True) for c in every if c.get("critic_kind") == "group"]
    return [replace_label(c, named + groups) for c in out], named


def replace_label(c: Candidate, all_gold: list[tuple[str, set[str]]]) -> Candidate:
    """The candidate with ``says`` prefixed by its verdict (+ right, - wrong)."""
    right = any(c.pair[0] == ck and c.pair[1] in ts for ck, ts in all_gold)
    return Candidate(c.set, c.doc, c.row, c.pair, c.named, ("+ " if right else "- ") + c.says, c.start, c.critic,
                     c.target)


def right(c: Candidate) -> bool:
    """Whether the candidate's pair is in the gold."""
    return c.says.startswith("+")


def pair_f1(cands: Sequence[Candidate], keep: Sequence[bool], gold: list[tuple[str, set[str]]]) -> tuple[float, ...]:
    """(precision, recall, F1) of the kept named candidates' unique pairs, as the scorer counts them."""
    pairs = {c.pair for c, k in zip(cands, keep, strict=True) if k and c.named}
    ok = {p for c, k in zip(cands, keep, strict=True) if k and c.named and right(c) for p in [c.pair]}
    hit = sum(any(p[0] == ck and p[1] in ts for p in pairs) for ck, ts in gold)
    p = len(ok) / len(pairs) if pairs else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fit(rows: np.ndarray, labels: np.ndarray, c: float) -> Any:
    """The shared regression, as this filter was always fitted."""
    return _fit(rows, labels, c, max_iter=2000)


def loso(data: dict[str, list[Candidate]], c: float) -> dict[str, np.ndarray]:
    """Each set's screened candidates scored by a model trained on the other sets' (1.0 for unscreened ones)."""
    out = {}
    for held in data:
        train = [x for s, cs in data.items() if s != held for x in cs if x.row is not None]
        model = fit(np.array([x.row for x in train]), np.array([right(x) for x in train]), c)
        rows = [x.row for x in data[held] if x.row is not None]
        probs = iter(model.predict_proba(np.array(rows))[:, 1] if rows else [])
        out[held] = np.array([next(probs) if x.row is not None else 1.0 for x in data[held]])
    return out


def report(data: dict[str, list[Candidate]], golds: dict[str, Any], probs: dict[str, np.ndarray], t: float) -> float:
    """Print each set's F1 without and with the filter at threshold t; the mean change."""
    gains = []
    for s, cs in data.items():
        base = pair_f1(cs, [True] * len(cs), golds[s])
        new = pair_f1(cs, list(probs[s] >= t), golds[s])
        gains.append(new[2] - base[2])
        print(f"  {s:<12} P {base[0]:.3f}->{new[0]:.3f}  R {base[1]:.3f}->{new[1]:.3f}  F1 {base[2]:.3f}->{new[2]:.3f}")
    print(f"  mean F1 change {np.mean(gains):+.4f}, worst {min(gains):+.4f}")
    return float(np.mean(gains))


def main(argv: Sequence[str] | None = None) -> int:
    """Collect, cross-validate, report, and write the weights when the filter helps."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="report only, write no weights")
    ap.add_argument("--cache", type=Path, help="pickle of the collected candidates (read if present, else written)")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        data, golds = pickle.loads(args.cache.read_bytes())
    else:
        scorer = load_scorer()
        data, golds = {}, {}
        for s in SETS:
            data[s], golds[s] = collect(s, scorer)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((data, golds)))
    best = (-1.0, 0.0, 0.0)
    for c in C_GRID:
        probs = loso(data, c)
        for t in THRESHOLDS:
            gains = [pair_f1(cs, list(probs[s] >= t), golds[s])[2] - pair_f1(cs, [True] * len(cs), golds[s])[2]
                     for s, cs in data.items()]  # fmt: skip
            print(f"C={c:<5} t={t:.2f} mean {np.mean(gains):+.4f} worst {min(gains):+.4f}")
            best = max(best, (float(np.mean(gains)), c, t))
    print(f"chosen C={best[1]} threshold={best[2]} (mean leave-one-set-out F1 change {best[0]:+.4f})")
    report(data, golds, loso(data, best[1]), best[2])
    if args.dry_run or best[0] <= 0:
        print("not written" + ("" if args.dry_run else ": the filter does not raise the F1"))
        return 0
    train = [x for cs in data.values() for x in cs if x.row is not None]
    model = fit(np.array([x.row for x in train]), np.array([right(x) for x in train]), best[1])
    save(OUT, model, best[2])
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
