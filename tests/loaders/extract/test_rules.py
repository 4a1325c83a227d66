"""The rule registry: names are checked, the list is pinned, and every fact of the seed and dev articles names one."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract
from loaders.extract.rules import register, registry

PINNED = Path(__file__).with_name("rules.txt")


def test_registry_matches_the_pinned_list() -> None:
    """A rule cannot disappear or be renamed silently: update rules.txt with the change."""
    assert sorted(registry()) == PINNED.read_text(encoding="utf-8").split()


@pytest.mark.parametrize("name", ["criticism.verb_object", "Criticism.x.v1", "opinion.x.v1", "claim.x.v0", "claim..v1"])
def test_malformed_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=r"family\.rule_name\.vN"):
        register(name, "", __name__)


def test_a_name_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register(next(iter(registry())), "", __name__)  # any registered name


def test_every_fact_names_a_registered_rule(seeds_dir: Path, dev_articles_dir: Path) -> None:
    known = registry()
    seen: set[str] = set()
    for path in [*sorted(seeds_dir.glob("*.txt")), *sorted(dev_articles_dir.glob("*.txt"))]:
        ex = extract(path.read_text(encoding="utf-8"))
        for fact in (*ex.criticisms, *ex.events, *ex.relations, *ex.claims):
            assert fact.rule in known, f"{path.name}: {type(fact).__name__} without a registered rule: {fact}"
            assert fact.rule.split(".")[0] in {"criticism", "funding", "event", "relation", "claim"}
            seen.add(fact.rule)
    # the articles exercise every family
    assert {r.split(".")[0] for r in seen} == {"criticism", "funding", "event", "relation", "claim"}
