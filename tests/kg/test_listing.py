"""The entity listing kept next to the store: answers GET /entities as the catalogue does, and only while current."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg import kept as kept_files
from kg import vocab
from kg.queries import listing, persist, pin, rendered
from kg.queries.entities import catalogue
from kg.queries.snapshot import Pinned, Snapshot, _build, _Rest, keep
from kg.queries.snapshot import start as start_serving
from kg.store.oxigraph import OxigraphStore
from tests.kg.test_snapshot import _add
from tests.support.hostile import code_running_pickle


@pytest.fixture
def store(kept: Path) -> Iterator[OxigraphStore]:
    """The kept store, reopened (its listing current)."""
    opened = OxigraphStore(kept)
    try:
        yield opened
    finally:
        opened.close()


def _early(store: OxigraphStore) -> Pinned:
    """A first snapshot as a starting server publishes it: the kept listing in, no part read back yet."""
    found = listing.load(store)
    assert found is not None
    return Pinned(store, Snapshot(store.generation, {persist.EARLY: found}, rest=_Rest()))


def _needles(view: Pinned) -> list[str | None]:
    """Every kind of q: none, empty, spaces, pieces of labels and aliases in another case, the separators, misses."""
    needles: list[str | None] = [None, "", "  ", "a", "E", "zzzz-none", "\x00", "\x01", "a\x01b", "ü", "İ", "ß"]
    for record in catalogue(view).ordered[:40]:
        for name in (record.label, *record.aliases):
            needles += [name[1:4].upper(), f" {name.casefold()} ", name[-2:]]
    return needles


def _answers(view: Pinned, needles: list[str | None]) -> dict[tuple[object, ...], bytes]:
    found = {}
    for entity_type in (None, "Person", "Organization", "Product", "Place", "Group", "Nothing"):
        for q in needles:
            for limit, offset in ((50, 0), (3, 2), (1000, 0), (5, 10_000)):
                key = (entity_type, q, limit, offset)
                found[key] = rendered.entities_json(view, type=entity_type, q=q, limit=limit, offset=offset)
    return found


def test_the_kept_listing_answers_entity_listings_as_the_catalogue(store: OxigraphStore) -> None:
    early, whole = _early(store), pin(store)
    assert "catalogue" in whole.snapshot.parts and "catalogue" not in early.snapshot.parts
    needles = _needles(whole)
    answers = _answers(early, needles)
    assert answers == _answers(whole, needles)
    assert any(b'"total":0' not in body for body in answers.values())  # not only empty answers


def test_a_starting_server_publishes_the_listing_first_then_lets_it_go(store: OxigraphStore) -> None:
    """The first snapshot is published with the listing alone, answers as the whole read side, then drops it."""
    seen: dict[str, object] = {}

    def publish(snapshot: Snapshot) -> None:
        seen["parts"] = set(snapshot.parts)
        seen["answer"] = rendered.entities_json(Pinned(store, snapshot), type=None, q="a", limit=20, offset=1)

    built = _build(store, publish)
    assert seen["parts"] == {persist.EARLY}
    assert persist.EARLY not in built.parts
    assert seen["answer"] == rendered.entities_json(Pinned(store, built), type=None, q="a", limit=20, offset=1)


def test_a_written_store_has_no_current_listing_until_kept_again(kept: Path) -> None:
    store = OxigraphStore(kept)
    try:
        _add(store, random.Random(1))
        assert listing.load(store) is None  # the stamp moved on
        pin(store)
        assert keep(store)
        assert listing.load(store) is not None
        assert _answers(_early(store), [None, "a"]) == _answers(pin(store), [None, "a"])
    finally:
        store.close()


def _header(data: bytes, marker: Path) -> bytes:
    """The file with code in place of its header."""
    evil = code_running_pickle(marker)
    return listing.MAGIC + len(evil).to_bytes(8, "little") + evil + data[len(listing.MAGIC) + 8 :]


def _flipped(data: bytes) -> bytes:
    at = len(data) * 2 // 3
    return data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :]


BROKEN: dict[str, Callable[[bytes, Path], bytes]] = {
    "empty": lambda data, marker: b"",
    "garbage": lambda data, marker: os.urandom(4096),
    "truncated in its header": lambda data, marker: data[:20],
    "truncated in its sections": lambda data, marker: data[: len(data) * 3 // 4],
    "a byte changed in its sections": lambda data, marker: _flipped(data),
    "code in its header": _header,
    "a pickle of the read side": lambda data, marker: code_running_pickle(marker),
}


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_broken_or_foreign_listing_is_not_used_and_never_run(
    kept: Path, tmp_path: Path, broken: str, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "ran"
    file = kept / listing.FILE
    file.write_bytes(BROKEN[broken](file.read_bytes(), marker))
    store = OxigraphStore(kept)
    try:
        assert listing.load(store) is None
        assert listing.FILE in caplog.text
        seen: list[set[str]] = []
        _build(store, lambda snapshot: seen.append(set(snapshot.parts)))
        assert seen and persist.EARLY not in seen[0]  # published once the catalogue was in, as before
    finally:
        store.close()
    assert not marker.exists()


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_server_that_finds_a_broken_listing_keeps_a_whole_one(kept: Path, tmp_path: Path, broken: str) -> None:
    file = kept / listing.FILE
    file.write_bytes(BROKEN[broken](file.read_bytes(), tmp_path / "ran"))
    store = OxigraphStore(kept)
    try:
        start_serving(store)
        for thread in [t for t in threading.enumerate() if t.name == "read-side"]:
            thread.join(60)
        assert listing.load(store) is not None
    finally:
        store.close()


def test_a_listing_of_other_code_is_not_used(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept_files, "code_digest", lambda: "other code")
    store = OxigraphStore(kept)
    try:
        assert listing.load(store) is None
    finally:
        store.close()


def test_a_read_only_store_keeps_no_listing_and_an_empty_catalogue_lists_nothing(kept: Path, tmp_path: Path) -> None:
    (kept / listing.FILE).unlink()
    (kept / persist.FILE).unlink()
    store = OxigraphStore(kept, read_only=True)
    try:
        pin(store)
        assert not keep(store) and not (kept / listing.FILE).exists()
    finally:
        store.close()
    empty = OxigraphStore(tmp_path / "empty")
    try:
        empty.put_graph(vocab.document_iri("nothing"), [])
        pin(empty)
        assert keep(empty)
        assert rendered.entities_json(_early(empty), type=None, q="a", limit=5, offset=0) == b'{"items":[],"total":0}'
    finally:
        empty.close()


def test_a_server_reading_back_a_read_side_with_no_listing_keeps_one(kept: Path) -> None:
    (kept / listing.FILE).unlink()
    store = OxigraphStore(kept)
    try:
        start_serving(store)
        for thread in [t for t in threading.enumerate() if t.name == "read-side"]:
            thread.join(60)
        assert pin(store).snapshot.kept
        assert listing.load(store) is not None
        assert _answers(_early(store), [None, "a"]) == _answers(pin(store), [None, "a"])
    finally:
        store.close()
