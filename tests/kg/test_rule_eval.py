"""``kg eval``: each rule's correct and wrong items, judged by the evaluation script's own matching."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from kg.cli import main
from kg.rule_eval import JudgedItem, judge, tally
from kg.scoring import DEFAULT_SCORER, MemoryStore, extract_folder, load_scorer
from loaders.extract.rules import registry
from tests.conftest import REPO, SHARED

SETS = {
    "seeds": (SHARED / "eval" / "seeds-gold", SHARED / "seeds"),
    "dev": (SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "articles"),
    "realnews_a": (REPO / "tests/loaders/extract/realnews_a/gold", REPO / "tests/loaders/extract/realnews_a/articles"),
}


@pytest.fixture(autouse=True)
def shared_data() -> None:
    """Skip where the shared evaluation data is not beside the repository."""
    missing = [str(p) for pair in SETS.values() for p in pair if not p.is_dir()]
    if missing:
        pytest.skip(f"absent: {', '.join(missing)} (the shared data must sit beside the repository)")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """The shared evaluation script, imported."""
    if not DEFAULT_SCORER.is_file():
        pytest.skip(f"{DEFAULT_SCORER} is absent: the shared data must sit beside the repository")
    return load_scorer()


@pytest.fixture(scope="module")
def seeds_extracted(seeds_dir: Path) -> MemoryStore:
    """The seed articles, extracted."""
    return extract_folder(seeds_dir)[0]


def _label(ref: dict) -> str:
    return ref["label"]


def _gold_of_half(store: MemoryStore, folder: Path) -> set[tuple[str, str]]:
    """A gold file naming every entity and every other named criticism pair; the pairs it holds."""
    named = sorted({(_label(c["critic"]), _label(c["target"])) for c in store.criticisms
                    if c["critic"]["type"] in ("Person", "Organization")})  # fmt: skip
    kept = set(named[::2])
    entities = [{"name": e["label"], "type": e["type"], "aliases": []} for e in store.entities.values()
                if e["type"] != "Group"]  # fmt: skip
    gold = {
        "doc": "all.txt",
        "entities": entities,
        "criticisms": [{"critic": c, "target": [t], "evidence": "", "date": None} for c, t in sorted(kept)],
        "funding": [],
        "roles": [],
        "products": [],
    }
    folder.mkdir()
    (folder / "all.json").write_text(json.dumps(gold), encoding="utf-8")
    return kept


def test_an_item_is_correct_exactly_when_the_gold_holds_it(
    seeds_extracted: MemoryStore, scorer: ModuleType, tmp_path: Path
) -> None:
    kept = _gold_of_half(seeds_extracted, tmp_path / "gold")
    judged = judge(seeds_extracted, tmp_path / "gold", scorer)

    named = [j for j in judged if j.kind == "criticism" and j.item["critic"]["type"] in ("Person", "Organization")]
    assert {j.verdict for j in named} == {"correct", "wrong"}
    for j in named:
        pair = (_label(j.item["critic"]), _label(j.item["target"]))
        assert j.verdict == ("correct" if pair in kept else "wrong"), j
    # The gold annotates no funding, roles or products: every funding round and scored relation is wrong.
    assert {j.verdict for j in judged if j.kind == "event" and j.item["type"] == "FundingRound"} == {"wrong"}
    assert {j.verdict for j in judged if j.kind == "relation" and j.item["predicate"] == "developed_by"} == {"wrong"}
    # No gold file has a claims key: the scorer does not judge claims.
    assert {j.verdict for j in judged if j.kind == "claim"} == {"unscored"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_verdicts_agree_with_the_scorer_on_the_whole_set(name: str, scorer: ModuleType) -> None:
    gold_dir, articles = SETS[name]
    store, _ = extract_folder(articles)
    judged = judge(store, gold_dir, scorer)
    scorer.get_all = store.get_all
    gold = scorer.Gold(str(gold_dir))
    whole = scorer.score("memory://", gold)

    def key(ref: dict) -> str:
        return gold.key_of(ref.get("label", ""), ref.get("aliases")) or scorer.norm(ref.get("label"))

    named = [j for j in judged if j.kind == "criticism" and j.item["critic"]["type"] in ("Person", "Organization")]
    wrong = {f"{key(j.item['critic'])} -> {key(j.item['target'])}" for j in named if j.verdict == "wrong"}
    assert wrong == set(whole["criticisms.named"]["unmatched_system"])
    for predicate in ("affiliated_with", "developed_by"):
        items = [j for j in judged if j.kind == "relation" and j.item["predicate"] == predicate]
        right = {(key(j.item["subject"]), key(j.item["object"])) for j in items if j.verdict == "correct"}
        assert len(right) == whole[f"relations.{predicate}"]["tp"], predicate
    if "claims" in whole:  # one-to-one in the scorer: each matched system claim is correct alone too
        claims = [j for j in judged if j.kind == "claim"]
        assert sum(j.verdict == "correct" for j in claims) >= len(claims) - len(whole["claims"]["unmatched_system"])
    assert {j.rule for j in judged} <= set(registry())


def test_tally_counts_every_item_once(seeds_extracted: MemoryStore, scorer: ModuleType) -> None:
    judged = judge(seeds_extracted, SETS["seeds"][0], scorer)
    tallies = tally(judged)
    assert [t.rule for t in tallies] == sorted({j.rule for j in judged})
    assert sum(len(t.items) for t in tallies) == len(judged)
    for t in tallies:
        assert t.count("correct") + t.count("wrong") + t.count("unscored") == len(t.items)


def test_cli_prints_each_rule_and_its_items(scorer: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, articles = SETS["seeds"]
    assert main(["eval", str(gold_dir), str(articles)]) == 0
    out = capsys.readouterr().out
    table, _, items = out.partition("\n\n")
    rows = table.splitlines()
    assert rows[0].split() == ["rule", "correct", "wrong", "unscored", "precision"]
    assert rows[-1].startswith("all rules")
    rules = [row.split()[0] for row in rows[1:-1]]
    assert rules == sorted(rules) and set(rules) <= set(registry())
    correct = sum(int(row.split()[1]) for row in rows[1:-1])
    assert correct == int(rows[-1].split()[2]) and correct > 0
    assert items.count("\n  + ") + items.startswith("  + ") == correct


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/gold", "no/such/articles"], "is not a folder of gold .json files"),
        ([str(REPO / "kg"), str(SHARED / "seeds")], "holds no gold .json files"),
        ([str(SHARED / "eval" / "seeds-gold"), "no/such/articles"], "is not a folder of .txt articles"),
    ],
)
def test_bad_folders_are_one_line_and_exit_2(
    scorer: ModuleType, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["eval", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_judged_items_name_their_span(seeds_extracted: MemoryStore, scorer: ModuleType) -> None:
    judged: list[JudgedItem] = judge(seeds_extracted, SETS["seeds"][0], scorer)
    texts = {p.name: p.read_text(encoding="utf-8") for p in SETS["seeds"][1].glob("*.txt")}
    for j in judged:
        assert texts[j.document][j.start : j.end] == j.text
