#!/usr/bin/env python3
"""Whether the actor of an article's lede is the target its critics leave unnamed: a census over the tuning sets.

The lede actor is the subject (DocContext.subject) of the first action or speech verb (VERBS) of the headline and of
the first prose sentence. Two counts, against the full extraction (rules and learned pairs):
- misses: each missed named gold criticism whose critic speaks (an attributed statement) with no gold target in any
  of its statements' sentences, by where the gold target stands: ``lede actor``, another entity of the headline or
  lede (``lede other``), or ``elsewhere``;
- pairs: every (speaker, lede actor) pair the extraction does not hold, from statements outside the headline and
  lede that do not name the actor, with no speaker of the actor's side (ix.side, ix.excluded, the co-accused), no
  court or judge, no approval: how many are gold, by gate (the shipped pair model's probability of the pair scored
  as a learned candidate; the statement naming no one outside the speaker's side; a decision verb, not "said").

The held-out sets are never read; ``--exclude`` leaves the validation sets out.
Usage: .venv/bin/python tools/lede_actor_census.py [--sets a,b] [--exclude a,b]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.scoring import load_scorer, read_articles  # noqa: E402
from loaders.extract import criticism_pairs, pipeline  # noqa: E402
from loaders.extract.context import DocContext  # noqa: E402
from loaders.extract.criticism_found import is_judicial  # noqa: E402
from loaders.extract.judgements import approving  # noqa: E402
from tools.eval_sets import TUNING_SETS  # noqa: E402
from tools.rule_audit import set_dirs  # noqa: E402
from tools.train_criticism_pairs import gold_key, gold_pairs  # noqa: E402

# general verbs of reporting, deciding and acting, in the forms a headline or a lede uses
_SAYING_WORDS = "said says told tells is was are were has have had will would asked asks"
_ACTING_WORDS = """announced announces approved approves allowed allows decided decides signed signs
launched launches plans planned agreed agrees ordered orders banned bans released releases unveiled unveils sued sues
filed files rolled rolls cut cuts fired fires moved moves struck strikes reached reaches introduced introduces proposed
proposes granted grants gave gives lifted lifts blocked blocks imposed imposes raised raises bought buys acquired
acquires sold sells made makes pulled pulls dropped drops reversed reverses scrapped scraps paused pauses halted halts
urged urges cleared clears backed backs chose chooses hired hires opened opens closed closes won wins lost loses"""
SAYING = frozenset(_SAYING_WORDS.split())
VERBS = SAYING | frozenset(_ACTING_WORDS.split())
_WORD = re.compile(r"[A-Za-z']+")
_NAMED = ("Person", "Organization")
MISS_KINDS = ("lede actor", "lede other", "elsewhere")


@dataclass(frozen=True)
class PairRow:
    """One (speaker, lede actor) pair the extraction does not hold."""

    right: bool
    probability: float
    names_none: bool
    decision: bool


def lede(ctx: DocContext) -> tuple[list[int], list[tuple[str, str]]]:
    """The headline's and lede's sentence indices, and their actors: (entity key, verb) per sentence that has one."""
    sents = [0] if ctx.doc.sentences else []
    first = next((s.index for s in ctx.doc.sentences if not s.heading and s.index > 0), None)
    sents += [first] if first is not None else []
    actors = []
    for si in sents:
        s = ctx.sentence(si)
        for w in _WORD.finditer(ctx.doc.clean, s.start, s.end):
            if w.group().lower() in VERBS:
                key = ctx.subject(si, w.start(), _NAMED)
                if key is not None:
                    actors.append((key, w.group().lower()))
                    break
    return sents, actors


def _pairs(ix: Any, found: Sequence[Any], sents: list[int], actors: list[tuple[str, str]],
           key: Callable[[str], str], gold: list[tuple[str, set[str]]], held: set[tuple[str, str]]) -> list[PairRow]:
    ctx = ix.ctx
    attrs = criticism_pairs.attributions(ix)
    doc = criticism_pairs._Doc(ix, found, attrs)
    model = criticism_pairs.weights()
    rows: dict[tuple[str, str], PairRow] = {}
    for t, verb in actors:
        cands = []
        for a in attrs:
            own = ix.excluded(a.speaker) | ix.side(a.speaker) | doc.co_accused(a.speaker)
            if a.sent in sents or ctx.type_of(a.speaker) not in _NAMED or t in own or a.speaker in ix.side(t) or \
                    is_judicial(ctx, a.speaker, doc.judges) or approving(a.judged) or (a.speaker, t) in doc.pairs:
                continue
            ms = doc.heads(a)
            if any(m.key == t for m in ms):
                continue
            others = {m.key for m in ms if m.key in ctx.entities} - ix.side(a.speaker)
            row = doc.row(a, a.speaker, t, [m.key for m in ms if a.start <= m.start and m.end <= a.end], False,
                          a.judged)
            cands.append((criticism_pairs.Candidate(a.speaker, t, a.start, a.end, a.sent, None, tuple(row)), others))
        for c, row in criticism_pairs.grouped([c for c, _ in cands]):
            pair = (key(c.critic), key(t))
            if pair in held or pair in rows:
                continue
            names_none = any(not o for x, o in cands if x.critic == c.critic)
            rows[pair] = PairRow(any(pair[0] == ck and pair[1] in ts for ck, ts in gold),
                                 criticism_pairs.probability(row, model) if model else 0.0, names_none,
                                 verb not in SAYING)
    return list(rows.values())


def census(name: str, scorer: Any) -> tuple[Counter[str], list[PairRow]]:
    """One set's missed-criticism counts by where the gold target stands, and its lede-actor pairs."""
    gold_dir, articles_dir = set_dirs(name)
    gold = scorer.Gold(str(gold_dir))
    by_doc = {d["doc"]: d.get("criticisms", []) for d in gold.docs}
    counts: Counter[str] = Counter()
    rows: list[PairRow] = []
    original = pipeline.learned_pairs
    doc_name = [""]

    def record(ix: Any, found: Sequence[Any]) -> list[Any]:
        learned = original(ix, found)
        ctx = ix.ctx

        def key(k: str) -> str:
            return gold_key(scorer, gold, ctx, k)

        held = {(key(c.critic), key(c.target)) for c in [*found, *learned] if ctx.type_of(c.critic) in _NAMED}
        sents, actors = lede(ctx)
        actor_keys = {key(k) for k, _ in actors}
        in_lede = {key(m.key) for si in sents for m in ctx.mentions(si) if ctx.is_head(m)}
        spoken: dict[str, set[str]] = {}
        for a in criticism_pairs.attributions(ix):
            named = {key(m.key) for si in range(a.sent, a.last_sent + 1) for m in ctx.mentions(si) if ctx.is_head(m)}
            spoken.setdefault(key(a.speaker), set()).update(named)
        named_gold = gold_pairs(scorer, gold, by_doc.get(doc_name[0], []), named_only=True)
        for ck, ts in named_gold:
            if any(sc == ck and st in ts for sc, st in held) or ck not in spoken or ts & spoken[ck]:
                continue
            counts[MISS_KINDS[0] if ts & actor_keys else MISS_KINDS[1] if ts & in_lede else MISS_KINDS[2]] += 1
        every = gold_pairs(scorer, gold, by_doc.get(doc_name[0], []), named_only=False)
        rows.extend(_pairs(ix, found, sents, actors, key, every, held))
        return learned

    pipeline.learned_pairs = record  # type: ignore[assignment]
    try:
        for doc, text, published in read_articles(articles_dir):
            doc_name[0] = doc
            pipeline.extract_document(text, published)
    finally:
        pipeline.learned_pairs = original  # type: ignore[assignment]
    return counts, rows


GATES: dict[str, Callable[[PairRow], bool]] = {
    "all": lambda r: True,
    "decision verb": lambda r: r.decision,
    "names none": lambda r: r.names_none,
    "names none, p >= 0.6": lambda r: r.names_none and r.probability >= 0.6,
    "names none, p >= 0.75": lambda r: r.names_none and r.probability >= 0.75,
    "names none, p >= 0.8": lambda r: r.names_none and r.probability >= 0.8,
    "names none, decision, p >= 0.6": lambda r: r.names_none and r.decision and r.probability >= 0.6,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Print the census of the chosen sets."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", help="comma-separated set names (default: the tuning sets)")
    ap.add_argument("--exclude", default="", help="comma-separated set names to leave out")
    args = ap.parse_args(argv)
    names = [s for s in (args.sets.split(",") if args.sets else TUNING_SETS) if s not in args.exclude.split(",")]
    scorer = load_scorer()
    counts: Counter[str] = Counter()
    rows: list[PairRow] = []
    for name in names:
        c, r = census(name, scorer)
        counts += c
        rows += r
    print("missed, critic speaks, no target in its sentences: " + ", ".join(f"{k} {counts[k]}" for k in MISS_KINDS))
    for gate, keep in GATES.items():
        kept = [r for r in rows if keep(r)]
        right = sum(r.right for r in kept)
        print(f"pairs {gate:<32} {len(kept):5d} right {right:4d} ({right / max(len(kept), 1):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
