"""The read indexes' in-place moves: rows or events taken out and put back give the order a full sort gives.

A write moves only what it touched (kg.queries.criticisms, kg.queries.activity); these check the moves on
orders full of ties (equal dates, equal rows) that the synthetic graphs of test_snapshot seldom produce.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from kg.queries import activity, criticisms
from kg.queries.views import Document

_NAMES = st.sampled_from(["a", "b", "c"])
_WHENS = st.sampled_from(["", "2025", "2025-03", "2026-01-02"])
_ROWS = st.lists(st.builds(criticisms._Row, _NAMES, _NAMES, _NAMES, _WHENS), max_size=12)


@given(_ROWS, st.data())
def test_moving_criticism_rows_keeps_the_listing_order(rows: list, data: st.DataObject) -> None:
    """Rows taken out and others put in, one by one, give the listing order of the rows left."""
    ordered = criticisms._in_order(rows)
    gone = data.draw(st.lists(st.sampled_from(ordered), unique_by=id)) if ordered else []
    fresh = data.draw(_ROWS)
    left = Counter(rows) - Counter(gone) + Counter(fresh)
    moved = criticisms._moved(ordered, gone, fresh)
    assert moved == criticisms._in_order(left.elements())
    assert ordered == criticisms._in_order(rows), "the list moved from is shared with the last snapshot"


_DATES = st.lists(_WHENS, min_size=1, max_size=3).map(sorted).map(tuple)
_EVENT_DATES = st.dictionaries(st.sampled_from("pqrstu"), _DATES)
_PARTICIPANTS = st.dictionaries(st.sampled_from("pqrstu"), st.frozensets(_NAMES, max_size=3))


def _index(dates: dict, participants: dict) -> activity.ActivityIndex:
    events = activity._in_order(dates, dates)
    by_participant: dict[str, list[str]] = {}
    for f in events:
        for x in participants.get(f, ()):
            by_participant.setdefault(x, []).append(f)
    return activity.ActivityIndex(events, by_participant, {}, dates, participants, {}, {})


@given(_EVENT_DATES, _PARTICIPANTS, _EVENT_DATES, _PARTICIPANTS)
def test_moving_events_keeps_the_order_a_build_gives(
    dates: dict, participants: dict, new_dates: dict, new_participants: dict
) -> None:
    """Events whose dates or participants changed, moved in place, sit where a fresh sort puts them."""
    old = _index(dates, participants)
    changed = {f for f in dates.keys() | new_dates.keys() | participants.keys() | new_participants.keys()
               if (dates.get(f), participants.get(f)) != (new_dates.get(f), new_participants.get(f))}  # fmt: skip
    events, by_participant = activity._moved_events(old, new_dates, new_participants, changed)
    fresh = _index(new_dates, new_participants)
    assert (events, by_participant) == (fresh.events, fresh.by_participant)


def test_an_entity_page_lists_document_rows_latest_first() -> None:
    """Rows of the documents mentioning the nodes, once per mention count row, the latest ingested first."""
    old, new, undated = (
        Document(id=i, title=None, publisher=None, url=None, published=None, ingested_at=at, origin=None)
        for i, at in (("old", "2025-01-01T00:00:00Z"), ("new", "2026-01-01T00:00:00Z"), ("undated", None))
    )
    rows = {"d1": (old,), "d2": (new, new), "d3": (undated,)}
    mentions = {"x": {"d1": 2, "d3": 1}, "y": {"d2": 1}}
    index = activity.ActivityIndex([], {}, mentions, {}, {}, rows, {})
    assert index.documents_of({"x", "y"}, 10) == [new, new, old, old, undated]
    assert index.document_keys({"x"}, 2) == [("d1", 0), ("d1", 0)]
