"""Dicts that a snapshot shares with the one before it: a base copied now and then, and the changes since.

A snapshot part that copied a whole table per write (``dict(old)`` then a few edits) spent time on every row the
write did not touch, and as much again when the old copy was freed; at a million triples that was most of a
write's cost on the readers' cores. :func:`edit` instead gives a :class:`Layered` over the same base, with a copy
of the (small) changes only; once the changes outgrow about ``sqrt(8 n)`` rows for a base of ``n`` (an optimum of
copying the changes each write against copying the base each time they fill up) the next edit starts from a fresh
base. A snapshot never changes a Layered it has published; only a new one is edited before it is published.

Iteration order is that of a dict edited the same way, except that a key set again (not removed first) moves to
the end: only lookups and membership are what callers may rely on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")
_GONE: object = object()  # a key the base holds and the changes remove


class Layered(MutableMapping[K, V]):
    """A mapping: a base dict (shared, never changed) under a dict of changes (values, or removals)."""

    __slots__ = ("_base", "_size", "_top")

    def __init__(self, base: dict[K, V], top: dict[K, object] | None = None, size: int | None = None) -> None:
        self._base = base
        self._top: dict[K, object] = top if top is not None else {}
        self._size = len(base) if size is None else size

    def __getitem__(self, key: K) -> V:
        found = self._top.get(key, self)  # self: a sentinel no value can be
        if found is self:
            return self._base[key]
        if found is _GONE:
            raise KeyError(key)
        return found  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        found = self._top.get(key, self)  # type: ignore[call-overload]
        return key in self._base if found is self else found is not _GONE

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        """The value of ``key``, or ``default``."""
        found = self._top.get(key, self)
        if found is self:
            return self._base.get(key, default)
        return default if found is _GONE else found  # type: ignore[return-value]

    def __setitem__(self, key: K, value: V) -> None:
        if key not in self:
            self._size += 1
            self._top.pop(key, None)  # a removal marker: the key comes back at the end, as in a dict
        self._top[key] = value

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        self._size -= 1
        if key in self._base:
            self._top[key] = _GONE
        else:
            del self._top[key]

    def __iter__(self) -> Iterator[K]:
        top = self._top
        yield from (key for key in self._base if key not in top)
        yield from (key for key, found in top.items() if found is not _GONE)

    def __len__(self) -> int:
        return self._size

    def __repr__(self) -> str:
        return f"Layered({dict(self.items())!r})"

    def __reduce__(self) -> tuple[type[Layered[K, V]], tuple[dict[K, V]]]:
        # Pickled (the kept read side, kg.queries.persist) as one fresh base: the removal marker is compared by
        # identity, which a copy of it in another process would not keep.
        return Layered, (_merged(self),)

    @property
    def changes(self) -> int:
        """How many keys differ from the base (set or removed)."""
        return len(self._top)


def edit(found: Mapping[K, V], gone: Iterable[K] = ()) -> Layered[K, V]:
    """A new mapping holding what ``found`` holds less the keys ``gone``, to be edited; ``found`` is not changed.

    It shares ``found``'s base while the changes are few, else starts from a fresh copy of it.
    """
    if isinstance(found, Layered):
        if found.changes <= math.isqrt(8 * len(found._base)) + 64:
            copy = Layered(found._base, dict(found._top), len(found))
        else:
            copy = Layered(_merged(found))
    else:
        # A plain dict becomes the base as it is; any other mapping is copied once (a defaultdict's lookups would
        # add keys to a base that readers share).
        copy = Layered(found if type(found) is dict else dict(found))
    for key in gone:
        copy.pop(key, None)
    return copy


def _merged(found: Layered[K, V]) -> dict[K, V]:
    """A plain dict of what ``found`` holds, in its order (a key set again goes to the end), copied in C mostly."""
    base = dict(found._base)
    for key, value in found._top.items():
        base.pop(key, None)
        if value is not _GONE:
            base[key] = value  # type: ignore[assignment]
    return base
