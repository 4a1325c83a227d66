"""kg.model: an entity's mentions are held packed (Spans) yet read, compare and serialise as a tuple of Span."""

from __future__ import annotations

import copy
import pickle
import sys

import pytest

from kg.model import Entity, Span, Spans

SENTENCES = ("Acme AI raised money.", "Jane Doe runs Acme AI.")
SPANS = (
    Span(start=0, end=7, sentence=SENTENCES[0]),
    Span(start=36, end=43, sentence=SENTENCES[1]),
    Span(document="d2", start=5, end=9, sentence=SENTENCES[1]),
)


def _entity(mentions: object) -> Entity:
    return Entity(key="e1", label="Acme AI", type="Organization", mentions=mentions)


@pytest.mark.parametrize("given", [SPANS, list(SPANS), Spans(SPANS), [s.model_dump() for s in SPANS]])
def test_mentions_are_packed_whatever_they_are_given_as(given: object) -> None:
    entity = _entity(given)
    assert isinstance(entity.mentions, Spans)
    assert entity.mentions == SPANS
    assert SPANS == entity.mentions  # noqa: SIM300  (a tuple on the left: the reflected comparison)
    assert tuple(entity.mentions) == SPANS
    assert entity.model_dump()["mentions"] == tuple(s.model_dump() for s in SPANS)


def test_json_is_that_of_a_tuple_of_spans() -> None:
    entity = _entity(SPANS)
    expected = "[" + ",".join(s.model_dump_json() for s in SPANS) + "]"
    assert f'"mentions":{expected}' in entity.model_dump_json()
    assert Entity.model_validate_json(entity.model_dump_json()) == entity
    assert Entity.model_json_schema()["properties"]["mentions"]["items"] == {"$ref": "#/$defs/Span"}


def test_reading_as_a_tuple() -> None:
    mentions = _entity(SPANS).mentions
    assert len(mentions) == 3 and mentions
    assert (mentions[0], mentions[-1]) == (SPANS[0], SPANS[-1])
    assert mentions[1:] == SPANS[1:] and isinstance(mentions[1:], Spans)
    assert mentions[2].document == "d2" and mentions[0].document == ""
    with pytest.raises(IndexError):
        mentions[3]
    assert not _entity(()).mentions and _entity(()) == Entity(key="e1", label="Acme AI", type="Organization")


def test_equal_entities_hash_alike_and_survive_pickle_and_copy() -> None:
    entity = _entity(SPANS)
    assert hash(entity) == hash(_entity(list(SPANS)))
    assert _entity(SPANS[:2]) != entity
    assert pickle.loads(pickle.dumps(entity)) == entity
    assert copy.deepcopy(entity) == entity


def test_joined_shifts_each_part() -> None:
    joined = Spans.joined([(0, Spans(SPANS[:1])), (100, SPANS[1:])])
    assert [(s.start, s.end, s.document) for s in joined] == [(0, 7, ""), (136, 143, ""), (105, 109, "d2")]


@pytest.mark.parametrize("spans", [SPANS[:2], SPANS[:1], ()])
def test_of_packs_offsets_as_the_span_models_would(spans: tuple[Span, ...]) -> None:
    packed = Spans.of((s.start, s.end, s.sentence) for s in spans)
    assert packed == Spans(spans) and _entity(packed) == _entity(spans)
    assert _entity(packed).model_dump_json() == _entity(spans).model_dump_json()


def test_of_refuses_a_negative_offset_as_span_does() -> None:
    with pytest.raises(ValueError):
        Spans.of([(0, -1, "x")])


def test_a_packed_mention_costs_a_tenth_of_a_span() -> None:
    count = 10_000
    spans = [Span(start=i, end=i + 5, sentence=SENTENCES[i % 2]) for i in range(count)]
    packed = Spans(spans)
    packed_bytes = sum(sys.getsizeof(getattr(packed, slot)) for slot in Spans.__slots__)
    one_span = sys.getsizeof(spans[0]) + sys.getsizeof(spans[0].__dict__)
    assert packed_bytes / count < one_span / 10
