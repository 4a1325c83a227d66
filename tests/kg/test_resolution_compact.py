"""The compact forms the resolution index keeps: a Bag behaves as a dict of sets, Shared keeps one copy of a value."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from kg.cluster_facts import DocumentFacts, EntityNames, RawCriticism
from kg.resolution_compact import Bag, Shared


@pytest.mark.parametrize("seed", range(5))
def test_a_bag_holds_what_a_dict_of_sets_holds(seed: int) -> None:
    """Random adds and discards (repeats included) leave a Bag and a dict of sets with the same members."""
    rng = random.Random(seed)
    bag, sets = Bag[str](), defaultdict(set)
    for _ in range(400):
        key, value = rng.choice("abcd"), rng.choice("vwxyz")
        if rng.random() < 0.6:
            bag.add(key, value)
            sets[key].add(value)
        else:
            bag.discard(key, value)
            sets[key].discard(value)
        if not sets[key]:
            del sets[key]
        assert {k: set(bag.get(k)) for k in "abcd" if k in bag} == sets
        assert len(bag) == len(sets)


def test_shared_gives_one_copy_of_equal_values() -> None:
    shared = Shared()
    first = shared.strings(frozenset({"open", "ai"}))
    again = shared.strings(frozenset(["ai", "open"]))
    assert again is first
    assert shared.words(["b", "a"]) is shared.words(("a", "b")) == ("a", "b")


def test_a_value_nothing_holds_goes_at_the_next_sweep_and_one_still_held_stays() -> None:
    """Memory follows the documents held: a removed document's values do not stay in the table."""
    shared = Shared()
    kept = shared.strings(frozenset({"kept"}))
    shared.strings(frozenset({"dropped"}))
    shared.prune()
    assert shared.strings(frozenset({"kept"})) is kept
    assert len(shared) == 1


def test_a_document_is_kept_with_shared_names_and_its_quoted_criticisms_without_sentences() -> None:
    shared = Shared()
    docs = []
    for graph in ("urn:d1", "urn:d2"):
        facts = DocumentFacts(graph)
        facts.names = {"urn:e": EntityNames(frozenset({"Person"}), frozenset({"Ada Lovelace"}), frozenset())}
        facts.mentioned = frozenset({"urn:e", "urn:f"})
        sentences = (frozenset({"reckless", "plan"}),)
        facts.criticisms = {
            f"{graph}#q": RawCriticism(f"{graph}#q", graph, "urn:e", "urn:f", "a ploy", sentences, ""),
            f"{graph}#s": RawCriticism(f"{graph}#s", graph, "urn:e", "urn:f", "", sentences, ""),
        }
        docs.append(shared.document(facts))
    assert docs[0].names[0] is docs[1].names[0]
    assert docs[0].mentioned == ("urn:e", "urn:f")
    quoted, unquoted = docs[0].criticisms
    assert quoted.sentences == ()
    assert unquoted.sentences == (("plan", "reckless"),)
    assert shared.document(docs[0]) is docs[0]
