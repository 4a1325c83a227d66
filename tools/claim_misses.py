#!/usr/bin/env python3
"""Why the required gold claims of the tuning sets are missed: each missed claim is put in one bucket by what the
claim stage did in the sentence holding its evidence, so that work goes to the biggest bucket.

Buckets: ``claimed`` (a claim of the right claimant stands in the sentence, taken by another gold claim or worded
apart), ``wrong_claimant`` (claims there, none of the right claimant), ``filtered`` / ``filtered_other_speaker``
(a piece of the right / another speaker judged no claim), ``no_speaker`` (an attribution whose speaker was
not resolved), ``no_candidate`` (no attribution at all), ``not_found`` (the evidence is not in the text).
The held-out sets are never read.

Usage: .venv/bin/python tools/claim_misses.py [--sets a,b] [--exclude a,b] [--list BUCKET]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.scoring import load_scorer, read_articles, score_folder  # noqa: E402
from loaders.extract import claims as claim_stage  # noqa: E402
from loaders.extract.pipeline import extract_document  # noqa: E402
from tools.eval_sets import TUNING_SETS  # noqa: E402
from tools.rule_audit import set_dirs  # noqa: E402

BUCKETS = ("claimed", "wrong_claimant", "filtered", "filtered_other_speaker", "no_speaker", "no_candidate",
           "not_found")


@dataclass
class Trace:
    """What the claim stage did in one extracted text: the pieces it judged, the speakers it resolved, its claims."""

    ctx: Any
    judged: list[tuple[str, int, bool]] = field(default_factory=list)  # (speaker, sentence, claim?)
    speakers: list[tuple[int, int, str | None]] = field(default_factory=list)  # (first, last sentence, speaker)
    claims: list[Any] = field(default_factory=list)


@contextmanager
def traced() -> Iterator[list[Trace]]:
    """Record every claim-stage run while the block runs (the stage's methods wrapped, restored after)."""
    cls = claim_stage._DocClaims
    run, is_claim, speaker = cls.run, cls._is_claim, cls._speaker
    traces: list[Trace] = []

    def run_traced(self: Any) -> list[Any]:
        self._trace = Trace(self.ctx)
        traces.append(self._trace)
        self._trace.claims = run(self)
        return self._trace.claims

    def is_claim_traced(self: Any, who: str, sent: int, *rest: Any) -> bool:
        verdict = is_claim(self, who, sent, *rest)
        self._trace.judged.append((who, sent, verdict))
        return verdict

    def speaker_traced(self: Any, a: Any) -> str | None:
        who = speaker(self, a)
        self._trace.speakers.append((a.sent, a.last_sent, who))
        return who

    cls.run, cls._is_claim, cls._speaker = run_traced, is_claim_traced, speaker_traced
    try:
        yield traces
    finally:
        cls.run, cls._is_claim, cls._speaker = run, is_claim, speaker


def bucket(traces: list[Trace], evidence: str, same: Any) -> str:
    """The bucket of one missed claim; ``same(ctx, key)``: whether an extracted speaker is the gold claimant."""
    for t in traces:
        clean = t.ctx.doc.clean
        at = clean.find(evidence)
        at = at if at >= 0 else clean.find(evidence[:40])
        if at < 0:
            continue
        sents = range(t.ctx.sentence_at(at), t.ctx.sentence_at(min(at + len(evidence), len(clean)) - 1) + 1)
        there = [c for c in t.claims if t.ctx.sentence_at(c.source.start) in sents]
        if there:
            return "claimed" if any(same(t.ctx, c.claimant) for c in there) else "wrong_claimant"
        turned = [who for who, sent, ok in t.judged if sent in sents and not ok]
        if turned:
            return "filtered" if any(same(t.ctx, who) for who in turned) else "filtered_other_speaker"
        if any(a <= sents[-1] and b >= sents[0] for a, b, _ in t.speakers):
            return "no_speaker"
        return "no_candidate"
    return "not_found"


def misses(name: str, scorer: Any) -> list[tuple[str, str, str, str]]:
    """(document, claimant, evidence, bucket) of every required gold claim of a set the extraction misses."""
    gold_dir, articles_dir = set_dirs(name)
    missed = set(score_folder(gold_dir, articles_dir, scorer).get("claims", {}).get("missed", []))
    gold = scorer.Gold(str(gold_dir))
    texts = {n: (text, published) for n, text, published in read_articles(articles_dir)}
    out = []
    for doc in gold.docs:
        wanted = [c for c in doc.get("claims", []) if not (c.get("claimant_kind") == "group" or c.get("optional"))
                  and f"{c['claimant']}: {c['evidence'][:90]}" in missed]
        if not wanted or doc["doc"] not in texts:
            continue
        with traced() as traces:
            extract_document(*texts[doc["doc"]])
        for c in wanted:
            key = gold.key_of(c["claimant"]) or scorer.norm(c["claimant"])

            def same(ctx: Any, who: str, key: str = key) -> bool:
                return (gold.key_of(ctx.label(who)) or scorer.norm(ctx.label(who))) == key

            out.append((doc["doc"], c["claimant"], c["evidence"], bucket(traces, c["evidence"], same)))
    return out


def main() -> int:
    """Command line: the count of missed claims by bucket over the sets, and optionally one bucket's claims."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(TUNING_SETS))
    ap.add_argument("--exclude", default="", help="sets left out (the validation sets, say)")
    ap.add_argument("--list", choices=BUCKETS, help="print the missed claims of this bucket")
    a = ap.parse_args()
    scorer = load_scorer()
    names = [n for n in a.sets.split(",") if n and n not in a.exclude.split(",")]
    rows = [(n, *row) for n in names for row in misses(n, scorer)]
    counts = Counter(r[-1] for r in rows)
    for b in BUCKETS:
        print(f"{b:24} {counts[b]:5}")
    print(f"{'missed':24} {len(rows):5}")
    for n, doc, who, evidence, b in rows:
        if b == a.list:
            print(f"- {n}/{doc} {who}: {evidence[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
