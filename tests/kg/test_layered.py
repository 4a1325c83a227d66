"""Layered mappings (kg.queries.layered): each edit behaves as a copied dict would, and never changes the one before."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.queries.layered import Layered, edit

# One write: keys dropped first (edit's ``gone``), then keys set (to a value) or removed (None).
_WRITE = st.tuples(
    st.lists(st.integers(0, 30), max_size=5),
    st.lists(st.tuples(st.integers(0, 30), st.one_of(st.none(), st.integers())), max_size=8),
)


def _apply_to_dict(found: dict[int, int], gone: list[int], changes: list[tuple[int, int | None]]) -> dict[int, int]:
    """What the snapshot code did before: a whole copy, then the edits (a key set again is removed first)."""
    copy = dict(found)
    for key in gone:
        copy.pop(key, None)
    for key, value in changes:
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return copy


def _apply_to_layered(found: Layered[int, int] | dict[int, int], gone: list[int],
                      changes: list[tuple[int, int | None]]) -> Layered[int, int]:  # fmt: skip
    copy = edit(found, gone)
    for key, value in changes:
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return copy


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 30), st.integers(), max_size=20), st.lists(_WRITE, max_size=40))
def test_every_version_equals_the_dict_edited_the_same_way_and_stays_as_published(
    start: dict[int, int], writes: list[tuple[list[int], list[tuple[int, int | None]]]]
) -> None:
    """Versions made one from another (through compactions) hold what copied dicts hold, in the same order."""
    plain: list[dict[int, int]] = [dict(start)]
    layered: list[Layered[int, int] | dict[int, int]] = [dict(start)]
    for gone, changes in writes:
        plain.append(_apply_to_dict(plain[-1], gone, changes))
        layered.append(_apply_to_layered(layered[-1], gone, changes))
    for expected, found in zip(plain, layered, strict=True):  # the old versions too: no edit changed them
        assert list(found.items()) == list(expected.items())
        assert len(found) == len(expected)
        for key in range(31):
            assert (key in found) == (key in expected)
            assert found.get(key) == expected.get(key)


def test_edits_share_the_base_until_the_changes_outgrow_it() -> None:
    """A small edit keeps the base it was made from; many make the next edit start from a fresh base."""
    base = {n: n for n in range(10_000)}
    first = edit(base, [1])
    first[2] = -2
    assert first._base is base and first.changes == 2
    many = edit(first)
    for n in range(10_000):
        many[n] = -n
    again = edit(many)
    assert again._base is not base and again.changes == 0
    assert again[5] == -5 and 1 in again and base[5] == 5 and 1 not in first


@given(st.dictionaries(st.integers(0, 30), st.integers(), max_size=20), st.lists(_WRITE, max_size=10))
def test_a_pickled_version_holds_the_same_and_edits_as_a_dict(
    start: dict[int, int], writes: list[tuple[list[int], list[tuple[int, int | None]]]]
) -> None:
    """Read back in another process (the kept read side), a version holds what it held: removals stay removed."""
    plain, layered = dict(start), edit(dict(start))
    for gone, changes in writes:
        plain, layered = _apply_to_dict(plain, gone, changes), _apply_to_layered(layered, gone, changes)
    back = pickle.loads(pickle.dumps(layered))
    assert isinstance(back, Layered) and list(back.items()) == list(plain.items())
    assert all((key in back) == (key in plain) and back.get(key) == plain.get(key) for key in range(31))
    edited = edit(back, [0])
    edited[31] = 1
    assert list(edited.items()) == list(_apply_to_dict(plain, [0], [(31, 1)]).items())
