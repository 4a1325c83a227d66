"""loaders.extract.compact: an extraction held in less memory, with the same values (issue 9's 20x the text)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from extract_helpers import check_spans

from kg.model import Extraction, Frozen
from loaders.extract import extract
from loaders.extract.compact import Compactor
from loaders.extract.pipeline import MAX_PIECE_CHARS, _extract_one

ORGS = ["Veltrix Labs", "Zentrix AI", "Helix Capital", "Northwind Ventures", "Lumora Systems", "Kestrel Partners"]
PEOPLE = ["Oona Brandt", "Ada Pike", "Hiro Tanaka", "Ines Rossi"]


def _funding(n: int) -> str:
    """Fact-dense news: funding rounds, valuations, named chief executives and claims in every line."""
    return "\n".join(
        f"{ORGS[i % 6]} raised ${i % 300 + 2} million in a Series {'ABC'[i % 3]} round led by {ORGS[(i + 1) % 6]}, "
        f"valuing it at ${i % 40 + 1} billion. It had raised €{i % 50}.5 million in 2023. {PEOPLE[i % 4]}, its chief "
        f"executive, said the company earns about ${i % 30 + 3} million a year, or {i % 70 + 5}% more than "
        f"{ORGS[(i + 2) % 6]}."
        for i in range(n))


def _size(value: object, seen: set[int]) -> int:
    """Bytes held by ``value`` and everything it refers to that is not in ``seen`` (each object counted once)."""
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, Frozen):
        parts: tuple[object, ...] = (value.__dict__, value.__pydantic_fields_set__)
    elif isinstance(value, dict):
        parts = (*value.keys(), *value.values())
    elif isinstance(value, tuple | list | set | frozenset):
        parts = tuple(value)
    else:  # packed spans hold their parts in slots; strings, numbers and arrays hold no objects
        parts = tuple(getattr(value, slot) for slot in getattr(type(value), "__slots__", ()))
    return size + sum(_size(part, seen) for part in parts)


def _models(ex: Extraction) -> Iterator[Frozen]:
    """Every model of an extraction, nested ones included (a shared one once per place it is used)."""
    def walk(value: object) -> Iterator[Frozen]:
        if isinstance(value, Frozen):
            yield value
            for field in value.__dict__.values():
                yield from walk(field)
        elif isinstance(value, tuple):
            for item in value:
                yield from walk(item)
    for facts in (ex.entities, ex.events, ex.criticisms, ex.relations, ex.claims):
        yield from walk(facts)


@pytest.mark.parametrize("text", [_funding(40), _funding(5) + "\nJane Doe, CEO of Acme AI, called Widget 2 a ploy."])
def test_compaction_keeps_every_value(text: str) -> None:
    raw = _extract_one(text, None)
    compact = Compactor().extraction(raw)
    assert compact == raw
    assert compact.model_dump_json() == raw.model_dump_json()


def test_equal_parts_are_one_object() -> None:
    text = _funding(3 * MAX_PIECE_CHARS // 250)  # several pieces: the merge shares across them
    ex = extract(text)
    check_spans(text, ex)
    models = list(_models(ex))
    assert len(ex.events) > 500 and len(ex.claims) > 100
    for field in ("date", "amount", "valuation", "source"):
        values = [getattr(m, field) for m in models if field in type(m).model_fields]
        assert len({id(v) for v in values}) == len(set(values)), field
    shapes = {frozenset(m.__pydantic_fields_set__) for m in models}
    assert len({id(m.__pydantic_fields_set__) for m in models}) == len(shapes)


def test_fact_dense_extraction_is_held_in_little_memory() -> None:
    """The extraction is under 20x the text (issue 9's bound, at the peak, in bench/pathological.py); a model per
    mention and per value, as extraction held them before, took 32x here."""
    text = _funding(400)
    ex = extract(text)
    assert len(ex.events) > 400 and len(ex.claims) >= 400
    assert _size(ex, set()) < 20 * len(text.encode())


def test_unhashable_parts_are_kept_as_they_are() -> None:
    compactor = Compactor()
    listed = ["a list", "cannot be hashed"]
    assert compactor.share(listed) is listed
    assert compactor.share(("x", "y")) == ("x", "y")
