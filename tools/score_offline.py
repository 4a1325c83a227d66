#!/usr/bin/env python3
"""Score the extraction offline: run ``extract()`` over a folder of articles, merge entities as the store does,
and serve ../shared/eval/score.py's ``get_all`` from memory (API contract v1 shapes), then print its report.

Usage: .venv/bin/python tools/score_offline.py --gold ../shared/eval/dev/gold --articles ../shared/eval/dev/articles
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg import ids  # noqa: E402
from kg.model import DateRef, Extraction  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.extract.dates import parse_published  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    """Import the evaluation script as a module."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_articles(folder: Path) -> list[tuple[str, str, DateRef | None]]:
    """(name, text, published) for every .txt article, with the sidecar NAME.meta.json date when present."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        meta = path.with_name(path.stem + ".meta.json")
        published = None
        if meta.exists():
            try:
                published = parse_published(json.loads(meta.read_text(encoding="utf-8")).get("published"))
            except (ValueError, OSError):
                published = None
        out.append((path.name, path.read_text(encoding="utf-8"), published))
    return out


class MemoryStore:
    """The extractions of several documents, merged by global entity id, answering the API's list endpoints."""

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Any]] = {}
        self.criticisms: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []

    def add(self, text: str, ex: Extraction) -> None:
        """Merge one document's extraction the way the store does (global ids; labels/aliases unioned)."""
        doc = ids.document_id(text)
        ref: dict[str, dict[str, str]] = {}
        for e in ex.entities:
            eid = ids.entity_id(e.type, e.label, doc)
            rec = self.entities.setdefault(eid, {"id": eid, "label": e.label, "type": e.type, "aliases": [],
                                                 "mentions": 0})
            for name in (e.label, *e.aliases):
                if name != rec["label"] and name not in rec["aliases"]:
                    rec["aliases"].append(name)
            rec["mentions"] += max(1, len(e.mentions))
            ref[e.key] = {"id": eid, "label": rec["label"], "type": e.type}
        for ev in ex.events:
            ref[ev.key] = {"id": ids.fact_id("evt", doc, ev.type, ev.source.start, ev.label), "label": ev.label,
                           "type": ev.type}
            self.events.append({
                "id": ref[ev.key]["id"], "type": ev.type, "label": ev.label,
                "date": ev.date.model_dump() if ev.date else None,
                "participants": [{"role": p.role, "entity": ref[p.entity]} for p in ev.participants],
                "amount": ev.amount.model_dump() if ev.amount else None,
                "valuation": ev.valuation.model_dump() if ev.valuation else None,
            })
        for c in ex.criticisms:
            self.criticisms.append({"critic": ref[c.critic], "target": ref[c.target],
                                    "date": c.date.model_dump() if c.date else None, "quote": c.quote,
                                    "summary": c.summary})
        for r in ex.relations:
            self.relations.append({"subject": ref[r.subject], "predicate": r.predicate, "object": ref[r.object],
                                   "role": r.role})
        for c in ex.claims:
            self.claims.append({"claimant": ref[c.claimant], "text": c.text, "about": [ref[k] for k in c.about],
                                "quantities": [q.model_dump() for q in c.quantities],
                                "sources": [{"sentence": text[c.source.start:c.source.end]}]})

    def get_all(self, base: str, path: str, params: dict | None = None, page: int = 500) -> list[dict]:
        """Stand-in for score.get_all: the full item list of an endpoint."""
        params = params or {}
        if path == "/entities":
            items = list(self.entities.values())
            return [i for i in items if not params.get("type") or i["type"] == params["type"]]
        if path == "/criticisms":
            return list(self.criticisms)
        if path == "/events":
            return [e for e in self.events if not params.get("type") or e["type"] == params["type"]]
        if path == "/relations":
            return [r for r in self.relations if not params.get("predicate") or r["predicate"] == params["predicate"]]
        if path == "/claims":
            return list(self.claims)
        raise KeyError(path)


def score_folder(gold_dir: Path, articles_dir: Path, scorer: ModuleType | None = None) -> dict[str, Any]:
    """Extract every article of a folder and score it against the gold annotations."""
    scorer = scorer or load_scorer()
    store = MemoryStore()
    t0 = time.perf_counter()
    for _, text, published in read_articles(articles_dir):
        store.add(text, extract(text, published))
    elapsed = time.perf_counter() - t0
    scorer.get_all = store.get_all  # the scorer reads the API through this function
    result = scorer.score("memory://", scorer.Gold(str(gold_dir)))
    result["extract_seconds"] = round(elapsed, 3)
    return result


def summary_line(res: dict[str, Any]) -> str:
    """The scorer's SUMMARY line."""
    ent_f1 = [res[f"entities.{t}"]["f1"] for t in ("Person", "Organization", "Product")]
    crit = res["criticisms.named"]
    return (f"SUMMARY entity_f1={sum(ent_f1) / 3:.3f} criticism_f1={crit['f1']:.3f} "
            f"criticism_recall={crit['recall']:.3f} funding_recall={res['funding']['recall']} "
            f"claim_f1={res.get('claims', {}).get('f1')}")


def main() -> int:
    """Command line: print the per-area report and the summary line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--articles", required=True, type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = score_folder(a.gold, a.articles, load_scorer(a.scorer))
    if a.json:
        print(json.dumps(res, indent=1))
    else:
        for k, v in res.items():
            if isinstance(v, dict):
                print(f"{k}: {({x: y for x, y in v.items() if not isinstance(y, list)})}")
                for x, y in v.items():
                    if isinstance(y, list) and y:
                        print(f"    {x}: {y[:12]}")
            else:
                print(f"{k}: {v}")
    print(summary_line(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
