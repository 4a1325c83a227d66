"""``kg eval GOLD_DIR ARTICLES_DIR``: every rule's correct and wrong items against a gold set in the shared schema.

Each extracted item (criticism, funding round, relation, claim) is judged by the evaluation script itself
(``../shared/eval/score.py``, through :class:`kg.scoring.MemoryStore`): the scorer is run over the whole gold set
with that one item as the system's only output, so an item is correct exactly when the scorer would count it as a
true positive, and wrong when it would count it against precision. What the scorer does not judge (events other
than funding rounds, ``invested_in`` and ``authored`` relations, group critics off the gold targets, claims when
the gold has none) is *unscored*. Two consequences of judging items one at a time: two items of one critic ->
target pair are two correct items (the scorer counts the pair once), and two claims matching one gold claim are
both correct (the scorer's one-to-one matching keeps one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from kg.errors import InputError
from kg.scoring import MemoryStore, extract_folder, load_scorer

Verdict = Literal["correct", "wrong", "unscored"]
_SCORED_RELATIONS = ("affiliated_with", "developed_by")
_NAMED_CRITICS = ("Person", "Organization")


@dataclass(frozen=True)
class JudgedItem:
    """One extracted item with the rule that made it, what it says, where, and the scorer's verdict."""

    rule: str
    kind: str
    says: str
    document: str
    start: int
    end: int
    text: str
    verdict: Verdict
    item: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # as the scorer saw it


@dataclass
class RuleTally:
    """A rule's items by verdict."""

    rule: str
    items: list[JudgedItem] = field(default_factory=list)

    def count(self, verdict: Verdict) -> int:
        """How many of the rule's items got this verdict."""
        return sum(item.verdict == verdict for item in self.items)

    def precision(self) -> float | None:
        """Correct over judged (correct and wrong) items; None when none was judged."""
        judged = self.count("correct") + self.count("wrong")
        return self.count("correct") / judged if judged else None


class _OneItem:
    """A system whose only output is one item of one endpoint (the scorer's ``get_all``)."""

    def __init__(self, path: str, item: dict[str, Any]) -> None:
        self.path, self.item = path, item

    def get_all(self, base: str, path: str, params: dict | None = None, page: int = 500) -> list[dict]:
        if path != self.path:
            return []
        wanted = params or {}
        return [self.item] if all(self.item.get(k) == v for k, v in wanted.items()) else []


def _score_alone(scorer: ModuleType, gold: Any, path: str, item: dict[str, Any]) -> dict[str, Any]:
    scorer.get_all = _OneItem(path, item).get_all
    return scorer.score("memory://", gold)


def _criticism(scorer: ModuleType, gold: Any, item: dict[str, Any]) -> Verdict:
    result = _score_alone(scorer, gold, "/criticisms", item)
    if (item.get("critic") or {}).get("type") in _NAMED_CRITICS:
        return "correct" if result["criticisms.named"]["precision"] == 1.0 else "wrong"
    return "correct" if result["criticisms.group"]["system_group_items_on_gold_targets"] else "unscored"


def _event(scorer: ModuleType, gold: Any, item: dict[str, Any]) -> Verdict:
    if item.get("type") != "FundingRound":
        return "unscored"
    return "correct" if _score_alone(scorer, gold, "/events", item)["funding"]["recall"] else "wrong"


def _relation(scorer: ModuleType, gold: Any, item: dict[str, Any]) -> Verdict:
    predicate = item.get("predicate")
    if predicate not in _SCORED_RELATIONS:
        return "unscored"
    return "correct" if _score_alone(scorer, gold, "/relations", item)[f"relations.{predicate}"]["tp"] else "wrong"


def _claim(scorer: ModuleType, gold: Any, item: dict[str, Any]) -> Verdict:
    claims = _score_alone(scorer, gold, "/claims", item).get("claims")
    if claims is None:  # no gold file annotates claims
        return "unscored"
    return "correct" if claims["precision"] == 1.0 else "wrong"


def _says(kind: str, item: dict[str, Any]) -> str:
    """A one-line reading of an item."""
    label = lambda ref: (ref or {}).get("label", "?")  # noqa: E731
    if kind == "criticism":
        return f"{label(item['critic'])} -> {label(item['target'])}"
    if kind == "event":
        who = ", ".join(f"{p['role']} {label(p['entity'])}" for p in item["participants"])
        amount = (item.get("amount") or {}).get("value")
        return f"{item['type']}: {who}" + (f", amount {amount:,.0f}" if amount else "")
    if kind == "relation":
        return f"{label(item['subject'])} {item['predicate']} {label(item['object'])}"
    text = " ".join(item["text"].split())
    return f"{label(item['claimant'])}: {text[:60]}" + ("..." if len(text) > 60 else "")


_KINDS = (("criticism", "criticisms", _criticism), ("event", "events", _event),
          ("relation", "relations", _relation), ("claim", "claims", _claim))  # fmt: skip


def judge(store: MemoryStore, gold_dir: Path, scorer: ModuleType) -> list[JudgedItem]:
    """Every item of the store with the scorer's verdict, in document and text order."""
    gold = scorer.Gold(str(gold_dir))
    if not gold.docs:
        raise InputError(f"{gold_dir} holds no gold .json files (../shared/eval/GOLD_SCHEMA.md)")
    original = getattr(scorer, "get_all", None)
    judged = []
    try:
        for kind, attribute, verdict in _KINDS:
            for item in getattr(store, attribute):
                source = item["sources"][0]
                judged.append(JudgedItem(
                    rule=item.get("rule") or "(no rule)", kind=kind, says=_says(kind, item),
                    document=source["document"], start=source["start"], end=source["end"],
                    text=source["sentence"], verdict=verdict(scorer, gold, item), item=item,
                ))  # fmt: skip
    finally:
        scorer.get_all = original
    return sorted(judged, key=lambda j: (j.document, j.start, j.end, j.kind, j.rule))


def tally(items: Iterable[JudgedItem]) -> list[RuleTally]:
    """The items grouped by rule, in rule order."""
    rules: dict[str, RuleTally] = {}
    for item in items:
        rules.setdefault(item.rule, RuleTally(item.rule)).items.append(item)
    return [rules[r] for r in sorted(rules)]


def evaluate(gold_dir: Path, articles_dir: Path, scorer_path: Path | None = None) -> list[RuleTally]:
    """Extract the articles and judge every item against the gold set: the tally of each rule."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir} is not a folder of gold .json files")
    scorer = load_scorer(scorer_path) if scorer_path else load_scorer()
    store, _ = extract_folder(articles_dir)
    return tally(judge(store, gold_dir, scorer))


def render(tallies: list[RuleTally], *, items: bool = True, show_unscored: bool = False) -> str:
    """The report: a table of every rule's counts, then (``items``) each rule's correct and wrong items."""
    width = max([len(t.rule) for t in tallies] + [len("rule")])
    lines = [f"{'rule'.ljust(width)}  correct  wrong  unscored  precision"]
    for t in tallies:
        p = t.precision()
        lines.append(
            f"{t.rule.ljust(width)}  {t.count('correct'):7d}  {t.count('wrong'):5d}  {t.count('unscored'):8d}  "
            + ("      -" if p is None else f"{p:9.3f}")
        )
    every = [i for t in tallies for i in t.items]
    lines.append(
        f"{'all rules'.ljust(width)}  {sum(i.verdict == 'correct' for i in every):7d}  "
        f"{sum(i.verdict == 'wrong' for i in every):5d}  {sum(i.verdict == 'unscored' for i in every):8d}"
    )
    if items:
        marks = {"correct": "+", "wrong": "-", "unscored": "?"}
        for t in tallies:
            shown = [i for i in t.items if show_unscored or i.verdict != "unscored"]
            if shown:
                lines += ["", f"{t.rule}: {t.count('correct')} correct, {t.count('wrong')} wrong"]
            for i in shown:
                quote = " ".join(i.text.split())
                lines.append(f'  {marks[i.verdict]} {i.says}  ({i.document} {i.start}:{i.end}) "{quote[:120]}"')
    return "\n".join(lines)
