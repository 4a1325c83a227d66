"""An extraction held in less memory: equal values shared, one fields set per shape of model.

A fact-dense text (thousands of funding rounds, claims with amounts) yields tens of thousands of facts, and each
pydantic model costs a ``__dict__`` and a fields set of its own. Most of their parts repeat: the same dates,
amounts, participants and rule names, and a source span that an event, its relation and its claim often share.
The models are frozen, so equal values can be one object, and a fields set (which pydantic never changes on a
frozen model: ``model_copy`` copies it first) can be shared by every model with the same set fields.
"""

from __future__ import annotations

from typing import TypeVar

from kg.model import Extraction, Frozen

M = TypeVar("M", bound=Frozen)
T = TypeVar("T")
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def _fields_set(fields: set[str]) -> set[str]:
    """The one set of these field names every compacted model shares."""
    key = frozenset(fields)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
    return shared


def replace(model: M, **changes: object) -> M:
    """``model`` with some fields changed, as ``model_copy`` makes it but with a shared fields set (the values are
    trusted: they come from a validated model of the same type)."""
    fields = _fields_set(model.__pydantic_fields_set__.union(changes))
    return type(model).model_construct(fields, **{**model.__dict__, **changes})


class Compactor:
    """Shares the equal strings, tuples and frozen models of one document's facts."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def share(self, value: T) -> T:
        """The first value seen equal to ``value`` (``value`` itself the first time, or when it is unhashable)."""
        try:
            seen = self._seen.setdefault(value, value)
        except TypeError:  # a field of a type that cannot be hashed (none today): kept as it is
            return value
        if seen is value and isinstance(value, Frozen):
            object.__setattr__(value, "__pydantic_fields_set__", _fields_set(value.__pydantic_fields_set__))
        return seen  # type: ignore[return-value]

    def _part(self, value: object) -> object:
        if isinstance(value, tuple):
            return self.share(tuple(map(self._part, value)))
        if isinstance(value, str | Frozen):
            return self.share(value)
        return value  # numbers, None and packed spans (Spans: already compact, and costly to hash)

    def model(self, model: M, **changes: object) -> M:
        """``model`` with ``changes``, its parts shared with equal parts seen before."""
        values = {name: self._part(value) for name, value in {**model.__dict__, **changes}.items()}
        return type(model).model_construct(_fields_set(model.__pydantic_fields_set__.union(changes)), **values)

    def extraction(self, ex: Extraction) -> Extraction:
        """``ex`` with every entity and fact compacted."""
        return Extraction(entities=tuple(map(self.model, ex.entities)), events=tuple(map(self.model, ex.events)),
                          criticisms=tuple(map(self.model, ex.criticisms)),
                          relations=tuple(map(self.model, ex.relations)), claims=tuple(map(self.model, ex.claims)))
