"""Events and criticisms merged across documents: the same story told by several outlets is one fact."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg import queries, vocab
from kg.clusters import (
    SAME_CRITICISM,
    SAME_EVENT,
    criticism_clusters,
    dates_compatible,
    event_clusters,
    figures_compatible,
    read_criticisms,
    read_events,
    statement_words,
    statements_agree,
)
from kg.export import write_export
from kg.queries.views import Criticism, Event
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths, remove_document
from tests.support.same_story import STORIES, load

_ALL = {"entity": None, "since": None, "until": None, "limit": 1000, "offset": 0}


def events(store: OxigraphStore, kind: str | None) -> list[Event]:
    """The listed events of a type."""
    return queries.list_events(store, type=kind, **_ALL).items


def criticisms(store: OxigraphStore, critic: str) -> list[Criticism]:
    """The listed criticisms by a critic."""
    return queries.list_criticisms(
        store, critic=critic, target=None, since=None, until=None, limit=1000, offset=0
    ).items


def documents(item: Event | Criticism) -> set[str]:
    """The documents an item's sources come from."""
    return {s.document for s in item.sources}


@pytest.mark.parametrize(
    ("kind", "a", "b", "expected"),
    [
        ("valuation", (965e9, "USD", True), (1e12, "USD", True), True),  # "over $965 billion", "nearly $1 trillion"
        ("amount", (640e6, "USD", False), (650e6, "USD", True), True),
        ("amount", (6.6e9, "USD", False), (6.5e9, "USD", False), True),
        ("amount", (640e6, "USD", False), (700e6, "USD", True), False),
        ("amount", (640e6, "USD", False), (2e9, "USD", False), False),
        ("amount", (600e6, "EUR", False), (600e6, "USD", False), False),
        ("valuation", (100e9, "USD", False), (125e9, "USD", False), False),
    ],
)
def test_figures_are_one_within_the_rounding_of_news_in_one_currency(
    kind: str, a: tuple, b: tuple, expected: bool
) -> None:
    assert figures_compatible(kind, a, b) is expected
    assert figures_compatible(kind, b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2026-05-28", "2026-05", True),
        ("2026-05-28", "2026-06-01", True),  # a report dated a few days later
        ("2026-02", "2026-05", False),
        ("2026-05-01", "2026-05-28", False),
        ("", "2026-05-28", True),
        ("--05-28", "2026-01-02", True),
    ],
)
def test_dates_are_compatible_when_they_can_name_the_same_days(a: str, b: str, expected: bool) -> None:
    assert dates_compatible(a, b) is expected
    assert dates_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("is a parlor trick that cannot reason about the world", "is just a parlor trick that cannot really reason "
         "about the world", True),
        ("is a parlor trick that cannot reason about the world", "has abandoned its promise to put safety first",
         False),
        ("fraud", "fraud", False),  # too little said to tell two statements apart
    ],
)  # fmt: skip
def test_statements_agree_when_most_content_words_do(a: str, b: str, expected: bool) -> None:
    assert statements_agree(statement_words(a), statement_words(b)) is expected


@pytest.mark.parametrize(
    ("kind", "pair"),
    [
        ("FundingRound", ("funding_a", "funding_b")),
        ("IPOFiling", ("ipo_a", "ipo_b")),
        ("Lawsuit", ("lawsuit_a", "lawsuit_b")),
        ("ProductRelease", ("release_a", "release_b")),
    ],
)
def test_one_event_told_twice_is_one_event_with_both_sources(
    memory_store: OxigraphStore, kind: str, pair: tuple[str, str]
) -> None:
    ids = load(memory_store, *pair)
    merged = [e for e in events(memory_store, kind) if documents(e) == set(ids.values())]
    assert len(merged) == 1, events(memory_store, kind)
    event = merged[0]
    assert (event.document_count, event.outlet_count) == (2, 2)
    assert len(event.same_as) == 1
    links = list(memory_store.quads(vocab.RESOLUTION_GRAPH))
    assert any(q.predicate == SAME_EVENT and q.object.value.endswith(event.id) for q in links)


@pytest.mark.parametrize("other", ["funding_earlier", "funding_far"])
def test_another_round_of_the_same_company_stays_apart(memory_store: OxigraphStore, other: str) -> None:
    ids = load(memory_store, "funding_a", other)
    rounds = events(memory_store, "FundingRound")
    assert sorted(len(documents(e)) for e in rounds) == [1, 1]
    assert {d for e in rounds for d in documents(e)} == set(ids.values())


def test_a_merged_round_keeps_each_figure_for_conflicts(memory_store: OxigraphStore) -> None:
    ids = load(memory_store, "funding_a", "funding_b")
    (merged,) = events(memory_store, "FundingRound")
    assert merged.amount is not None and merged.amount.value == 640e6  # the exact figure
    conflict = queries.list_conflicts(memory_store, kind="funding_valuation", limit=10, offset=0).items
    assert len(conflict) == 1
    stated = {
        (v.money.value, v.money.approximate): {s.document for s in v.sources} for v in conflict[0].values if v.money
    }
    assert stated == {(6e9, False): {ids["funding_a"]}, (6.2e9, True): {ids["funding_b"]}}


def test_removing_a_document_keeps_the_event_with_the_other_source(memory_store: OxigraphStore) -> None:
    ids = load(memory_store, "ipo_a", "ipo_b")
    for gone, kept in ((ids["ipo_a"], ids["ipo_b"]), (ids["ipo_b"], None)):
        remove_document(memory_store, gone)
        found = events(memory_store, "IPOFiling")
        assert [documents(e) for e in found] == ([{kept}] if kept else [])
        assert not any(q.predicate == SAME_EVENT for q in memory_store.quads(vocab.RESOLUTION_GRAPH))


def test_one_statement_from_two_outlets_is_one_criticism(memory_store: OxigraphStore) -> None:
    ids = load(memory_store, "criticism_a", "criticism_b", "criticism_other")
    found = criticisms(memory_store, "Gary Marcus")
    assert sorted(len(documents(c)) for c in found) == [1, 2]
    merged = next(c for c in found if len(documents(c)) == 2)
    assert documents(merged) == {ids["criticism_a"], ids["criticism_b"]}
    assert (merged.document_count, merged.outlet_count) == (2, 2)
    assert any(q.predicate == SAME_CRITICISM for q in memory_store.quads(vocab.RESOLUTION_GRAPH))


def test_the_same_words_from_another_critic_stay_apart(memory_store: OxigraphStore) -> None:
    load(memory_store, "criticism_b", "criticism_other_critic")
    assert [len(documents(c)) for c in criticisms(memory_store, "Gary Marcus")] == [1]
    assert [len(documents(c)) for c in criticisms(memory_store, "Yann LeCun")] == [1]


def test_merge_links_are_queryable_in_sparql(memory_store: OxigraphStore) -> None:
    load(memory_store, "release_a", "release_b")
    rows = memory_store.query(
        vocab.sparql_prefixes()
        + "SELECT ?member ?rep WHERE { GRAPH kgr:graph\\/resolution { ?member kg:sameEvent ?rep } }"
    ).rows
    assert len(rows) == 1
    assert rows[0][0] != rows[0][1]


@pytest.fixture
def dated_seeds(seeds_dir: Path, tmp_path: Path) -> Path:
    """The seed articles with sidecars giving each a publication date and an outlet."""
    for i, path in enumerate(sorted(seeds_dir.glob("*.txt"))):
        shutil.copy(path, tmp_path / path.name)
        meta = {"published": f"2026-06-{i + 1:02d}", "publisher": f"Outlet {i}"}
        (tmp_path / f"{path.stem}.meta.json").write_text(json.dumps(meta))
    return tmp_path


def test_seeds_give_one_anthropic_round_and_one_ipo_filing(dated_seeds: Path, memory_store: OxigraphStore) -> None:
    """Issue 13's done-when: one funding round and one IPO filing, each with two sources or more."""
    load_paths(memory_store, [dated_seeds], Settings(), workers=1)
    for kind in ("FundingRound", "IPOFiling"):
        found = [e for e in events(memory_store, kind) if any(p.entity.label == "Anthropic" for p in e.participants)]
        assert len(found) == 1, (kind, found)
        assert len(documents(found[0])) >= 2
    ipo = events(memory_store, "IPOFiling")[0]
    remove_document(memory_store, ipo.sources[0].document)
    (left,) = events(memory_store, "IPOFiling")
    assert documents(left) == documents(ipo) - {ipo.sources[0].document}


def test_seeds_with_dated_sidecars_answer_when_for_every_fact(dated_seeds: Path, memory_store: OxigraphStore) -> None:
    """Issue 13's done-when: every criticism and event has a stated date or the date it was reported."""
    load_paths(memory_store, [dated_seeds], Settings(), workers=1)
    crits = queries.list_criticisms(memory_store, critic=None, target=None, since=None, until=None, limit=1000,
                                    offset=0).items  # fmt: skip
    assert crits and all(c.date is not None or c.reported is not None for c in crits)
    found = events(memory_store, None)
    assert found and all(e.date is not None or e.reported is not None for e in found)


def test_gexf_has_one_node_per_merged_event_and_counts_a_criticism_once(
    memory_store: OxigraphStore, tmp_path: Path
) -> None:
    """The graph export: one round node reported twice (mentions 2), the recipient edge and the criticism once."""
    load(memory_store, "funding_a", "funding_b", "criticism_a", "criticism_b")
    out = io.BytesIO()
    write_export(memory_store, "gexf", out)
    (tmp_path / "graph.gexf").write_bytes(out.getvalue())
    graph = nx.MultiDiGraph(nx.read_gexf(tmp_path / "graph.gexf", version="1.3"))
    (round_id,) = [n for n, data in graph.nodes(data=True) if data["type"] == "FundingRound"]
    assert graph.nodes[round_id]["mentions"] == 2
    recipient = [d for _, target, d in graph.edges(data=True) if target == round_id and d["relation"] == "recipient"]
    assert [d["weight"] for d in recipient] == [2]
    (criticism,) = graph.get_edge_data("per-gary-marcus", "org-openai").values()
    assert criticism["weight"] == 1


def test_the_quad_and_sparql_readings_give_the_same_clusters(memory_store: OxigraphStore) -> None:
    """Resolution reads each document's facts from its quads; read with SPARQL over the union, the same clusters."""
    from kg.resolution_index import full_index

    load(memory_store, *STORIES)
    index = full_index(memory_store)

    def canonical(iri: str) -> str:
        return index.links.get(iri, iri)

    from_quads = (index.clusters("event"), index.clusters("criticism"))
    from_sparql = (
        event_clusters(read_events(memory_store), canonical),
        criticism_clusters(read_criticisms(memory_store), canonical),
    )
    assert from_quads == from_sparql
    assert len(from_sparql[0]) >= 4 and len(from_sparql[1]) >= 1
