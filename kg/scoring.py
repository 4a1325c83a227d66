"""Score the extraction offline: extract a folder of articles, merge entities as the store does, and serve the
evaluation script's (``../shared/eval/score.py``) ``get_all`` from memory in the API contract's shapes.

``tools/score_offline.py`` prints the scorer's report from it, and ``kg eval`` (:mod:`kg.rule_eval`) judges each
extracted item with the scorer's own matching to report every rule's correct and wrong items.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from kg import ids
from kg.errors import InputError
from kg.model import DateRef, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    """Import the evaluation script as a module."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path) if path.is_file() else None
    if spec is None or spec.loader is None:
        raise InputError(f"cannot import the scorer {path}: give the path of ../shared/eval/score.py with --scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_articles(folder: Path) -> list[tuple[str, str, DateRef | None]]:
    """(name, text, published) for every .txt article, with the sidecar NAME.meta.json date when present."""
    from loaders.extract.dates import parse_published

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


def _source(name: str, text: str, start: int, end: int) -> dict[str, Any]:
    """Where an item comes from: the article's name, the offsets, and the span's text as ``sentence``."""
    return {"document": name, "start": start, "end": end, "sentence": text[start:end]}


class MemoryStore:
    """The extractions of several documents, merged by global entity id, answering the API's list endpoints.

    Items have the contract's fields that the scorer reads, plus ``rule`` and ``sources`` (the article's name,
    the offsets and the span's text), so that an item can be traced to the rule and the text that made it.
    """

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Any]] = {}
        self.criticisms: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []

    def add(self, text: str, ex: Extraction, name: str = "") -> None:
        """Merge one document's extraction the way the store does (global ids; labels/aliases unioned)."""
        doc = ids.document_id(text)
        ref: dict[str, dict[str, str]] = {}
        for e in ex.entities:
            eid = ids.entity_id(e.type, e.label, doc)
            rec = self.entities.setdefault(
                eid, {"id": eid, "label": e.label, "type": e.type, "aliases": [], "mentions": 0}
            )
            for alias in (e.label, *e.aliases):
                if alias != rec["label"] and alias not in rec["aliases"]:
                    rec["aliases"].append(alias)
            rec["mentions"] += max(1, len(e.mentions))
            # the record's alias list itself: names other documents add later show in this reference too, as in REST
            ref[e.key] = {"id": eid, "label": rec["label"], "type": e.type, "aliases": rec["aliases"]}
        name = name or doc
        for ev in ex.events:
            ref[ev.key] = {
                "id": ids.fact_id("evt", doc, ev.type, ev.source.start, ev.label),
                "label": ev.label,
                "type": ev.type,
            }
            self.events.append({
                "id": ref[ev.key]["id"], "type": ev.type, "label": ev.label,
                "date": ev.date.model_dump() if ev.date else None,
                "participants": [{"role": p.role, "entity": ref[p.entity]} for p in ev.participants],
                "amount": ev.amount.model_dump() if ev.amount else None,
                "valuation": ev.valuation.model_dump() if ev.valuation else None,
                "rule": ev.rule, "sources": [_source(name, text, ev.source.start, ev.source.end)],
            })  # fmt: skip
        for c in ex.criticisms:
            self.criticisms.append({
                "critic": ref[c.critic], "target": ref[c.target], "date": c.date.model_dump() if c.date else None,
                "quote": c.quote, "summary": c.summary,
                "rule": c.rule, "sources": [_source(name, text, c.source.start, c.source.end)],
            })  # fmt: skip
        for r in ex.relations:
            self.relations.append({
                "subject": ref[r.subject], "predicate": r.predicate, "object": ref[r.object], "role": r.role,
                "rule": r.rule, "sources": [_source(name, text, r.source.start, r.source.end)],
            })  # fmt: skip
        for c in ex.claims:
            # The scorer compares a claim's sources' sentences with the gold evidence: the span's text, as before.
            self.claims.append({
                "claimant": ref[c.claimant], "text": c.text, "about": [ref[k] for k in c.about],
                "quantities": [q.model_dump() for q in c.quantities],
                "rule": c.rule, "sources": [_source(name, text, c.source.start, c.source.end)],
            })  # fmt: skip

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


def extract_folder(articles_dir: Path) -> tuple[MemoryStore, float]:
    """Extract every article of a folder into a MemoryStore; also the seconds extraction took."""
    from loaders.extract import extract

    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir} is not a folder of .txt articles")
    store = MemoryStore()
    t0 = time.perf_counter()
    for name, text, published in read_articles(articles_dir):
        store.add(text, extract(text, published), name)
    return store, time.perf_counter() - t0


def score_folder(gold_dir: Path, articles_dir: Path, scorer: ModuleType | None = None) -> dict[str, Any]:
    """Extract every article of a folder and score it against the gold annotations."""
    scorer = scorer or load_scorer()
    store, elapsed = extract_folder(articles_dir)
    scorer.get_all = store.get_all  # the scorer reads the API through this function
    result = scorer.score("memory://", scorer.Gold(str(gold_dir)))
    result["extract_seconds"] = round(elapsed, 3)
    return result


def summary_line(res: dict[str, Any]) -> str:
    """The scorer's SUMMARY line."""
    ent_f1 = [res[f"entities.{t}"]["f1"] for t in ("Person", "Organization", "Product")]
    crit = res["criticisms.named"]
    return (
        f"SUMMARY entity_f1={sum(ent_f1) / 3:.3f} criticism_f1={crit['f1']:.3f} "
        f"criticism_recall={crit['recall']:.3f} funding_recall={res['funding']['recall']} "
        f"claim_f1={res.get('claims', {}).get('f1')}"
    )
