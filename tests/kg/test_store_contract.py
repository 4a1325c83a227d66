"""One contract, every backend: each store behaves the same through the GraphStore protocol."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from kg import vocab
from kg.errors import BackendError, QueryError, ResultTooLargeError
from kg.rdf import document_quads
from kg.store import oxigraph
from kg.store.base import AskResult, GraphResult, GraphStore, SelectResult, add_graphs
from kg.store.oxigraph import OxigraphStore
from kg.store.rdflib_store import RdflibStore
from kg.store.remote import RemoteStore
from tests.support.fuseki_server import Fuseki


def _fuseki(request: pytest.FixtureRequest, tmp: Path) -> RemoteStore:
    """The session's Fuseki (started on first use), emptied: each test starts from an empty dataset."""
    fuseki: Fuseki = request.getfixturevalue("fuseki")
    fuseki.clear()
    return RemoteStore(
        fuseki.query_url, update_url=fuseki.update_url, gsp_url=fuseki.gsp_url, auth=(fuseki.user, fuseki.password)
    )


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], GraphStore]] = {
    "oxigraph-disk": lambda request, tmp: OxigraphStore(tmp / "store"),
    "oxigraph-memory": lambda request, tmp: OxigraphStore(None),
    "oxigraph-replica": lambda request, tmp: OxigraphStore(tmp / "store", query_replica=True),
    "rdflib-memory": lambda request, tmp: RdflibStore(),
    "remote-fuseki": _fuseki,
}
MARKS = {"remote-fuseki": pytest.mark.fuseki}
G1, G2 = NamedNode("http://example.org/g1"), NamedNode("http://example.org/g2")
S, P = NamedNode("http://example.org/s"), NamedNode("http://example.org/p")


def _backends(*names: str) -> list:
    """Backends as parameters, each with its marks (a server it needs)."""
    return [pytest.param(name, marks=MARKS.get(name, ())) for name in names]


@pytest.fixture(params=_backends(*sorted(BACKENDS)))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """Each backend in turn, empty."""
    backend = BACKENDS[request.param](request, tmp_path)
    yield backend
    backend.close()


def quads(graph: NamedNode, *values: str) -> list[Quad]:
    """One quad per value, in the graph."""
    return [Quad(S, P, Literal(v), graph) for v in values]


def test_implements_the_protocol(store: GraphStore) -> None:
    assert isinstance(store, GraphStore)
    assert store.description


def test_put_graph_replaces_only_that_graph(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a", "b"))
    store.put_graph(G2, quads(G2, "c"))
    store.put_graph(G1, quads(G1, "z"))
    assert {q.object.value for q in store.quads(G1)} == {"z"}
    assert {q.object.value for q in store.quads(G2)} == {"c"}
    assert store.count_quads() == 2
    assert set(store.graphs()) == {G1, G2}


def test_put_graph_refuses_quads_of_another_graph(store: GraphStore) -> None:
    with pytest.raises(ValueError, match="every quad must be in graph"):
        store.put_graph(G1, quads(G2, "a"))
    assert store.count_quads() == 0


def test_remove_graph(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a"))
    assert store.remove_graph(G1) is True
    assert store.remove_graph(G1) is False
    assert store.count_quads() == 0


def links(graph: NamedNode, *names: str) -> list[Quad]:
    """One quad per name, its object an IRI."""
    return [Quad(S, P, NamedNode(f"http://example.org/{name}"), graph) for name in names]


def test_listeners_see_each_write_and_what_it_touched(store: GraphStore) -> None:
    """A listener runs after each write, sees the store as the write left it, and gets the IRIs it changed."""
    seen: list[tuple[int, NamedNode, set[str] | None, list[str]]] = []
    store.subscribe(lambda c: seen.append((c.generation, c.graph, c.touched and set(c.touched), _objects(store))))
    ex = "http://example.org/"
    store.put_graph(G1, links(G1, "a", "b"))
    store.put_graph(G1, links(G1, "b", "c"))
    store.put_graph(G1, links(G1, "c", "b"))  # the same graph again: nothing changed
    assert store.remove_graph(G1) is True
    assert store.remove_graph(G1) is False  # no write, no call
    assert seen == [
        (1, G1, {S.value, ex + "a", ex + "b"}, [ex + "a", ex + "b"]),
        (2, G1, {S.value, ex + "a", ex + "c"}, [ex + "b", ex + "c"]),
        (3, G1, set(), [ex + "b", ex + "c"]),
        (4, G1, {S.value, ex + "b", ex + "c"}, []),
    ]


def test_quads_of_one_graph(store: GraphStore) -> None:
    """quads(graph) yields that graph's quads only."""
    store.put_graph(G1, quads(G1, "a"))
    store.put_graph(G2, quads(G2, "b", "c"))
    assert list(store.quads(G1)) == quads(G1, "a")
    assert sorted(store.quads(G2), key=str) == sorted(quads(G2, "b", "c"), key=str)
    assert len(list(store.quads())) == 3


def test_classes_are_not_touched(store: GraphStore) -> None:
    """Adding an instance does not touch its class: the class's own triples did not change."""
    seen: list[frozenset[str] | None] = []
    store.subscribe(lambda change: seen.append(change.touched))
    store.put_graph(G1, [Quad(S, vocab.RDF_TYPE, vocab.CRITICISM, G1)])
    assert seen == [frozenset({S.value})]


def test_blank_nodes_are_refused(store: GraphStore) -> None:
    """Every node written needs an IRI: a blank node is a ValueError and nothing is written."""
    with pytest.raises(ValueError, match="blank nodes"):
        store.put_graph(G1, [Quad(BlankNode(), P, Literal("x"), G1)])
    assert store.generation == 0
    assert store.graphs() == []


def test_document_round_trip(store: GraphStore, sample_document) -> None:
    graph = vocab.document_iri(sample_document.meta.id)
    written = document_quads(sample_document)
    assert not store.has_document(sample_document.meta.id)
    store.put_graph(graph, written)
    assert store.has_document(sample_document.meta.id)
    assert set(store.quads(graph)) == set(written)
    # Every fact keeps the rule that made it (kg:extractedBy), whatever the backend.
    rules = sorted(q.object.value for q in store.quads(graph) if q.predicate == vocab.EXTRACTED_BY)
    ex = sample_document.extraction
    assert rules == sorted(f.rule for f in (*ex.events, *ex.criticisms, *ex.relations, *ex.claims))


def test_select_runs_over_the_union_of_graphs(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a"))
    store.put_graph(G2, quads(G2, "b"))
    result = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert isinstance(result, SelectResult)
    assert result.variables == ["o"]
    assert [row[0].value for row in result.rows] == ["a", "b"]
    graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {row[0] for row in graphs.rows} == {G1, G2}


def test_ask_and_construct(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a"))
    assert store.query("ASK { ?s ?p 'a' }") == AskResult(True)
    assert store.query("ASK { ?s ?p 'nope' }") == AskResult(False)
    built = store.query("CONSTRUCT { ?s <http://example.org/q> ?o } WHERE { ?s ?p ?o }")
    assert isinstance(built, GraphResult)
    assert built.triples == [Triple(S, NamedNode("http://example.org/q"), Literal("a"))]


def test_unbound_variables_are_none(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a"))
    result = store.query("SELECT ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?missing } }")
    assert result.rows == [(Literal("a"), None)]


def test_syntax_error_is_a_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="syntax"):
        store.query("SELECT WHERE {")


def test_row_limit(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, *(str(i) for i in range(10))))
    assert len(store.query("SELECT ?o WHERE { ?s ?p ?o }", max_rows=10).rows) == 10
    with pytest.raises(ResultTooLargeError, match="more than 5"):
        store.query("SELECT ?o WHERE { ?s ?p ?o }", max_rows=5)


def test_disk_store_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = OxigraphStore(path)
    first.put_graph(G1, quads(G1, "kept"))
    first.close()
    again = OxigraphStore(path, read_only=True)
    assert [q.object.value for q in again.quads(G1)] == ["kept"]
    again.close()


def test_read_only_open_of_missing_store_says_how_to_fix(tmp_path: Path) -> None:
    from kg.errors import BackendError

    with pytest.raises(BackendError, match="run 'kg load' first"):
        OxigraphStore(tmp_path / "absent", read_only=True)


def test_stream_yields_the_rows_of_a_select(store: GraphStore) -> None:
    store.put_graph(G1, quads(G1, "a", "b"))
    variables, rows = store.stream("SELECT ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?o")
    assert variables == ["o", "missing"]
    assert list(rows) == [(Literal("a"), None), (Literal("b"), None)]


def test_stream_refuses_other_forms(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="SELECT"):
        store.stream("ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="syntax"):
        store.stream("SELECT WHERE {")


def test_stream_csv_writes_what_query_serialized_gives(store: GraphStore) -> None:
    """stream_csv writes a SELECT as text/csv, byte for byte query_serialized's, and refuses other forms."""
    store.put_graph(G1, quads(G1, "plain", 'comma, and "quote"', "line\nbreak", "tab\there"))
    query = "SELECT ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?o"
    out = io.BytesIO()
    store.stream_csv(query, out)
    assert out.getvalue() == store.query_serialized(query, "text/csv")
    assert out.getvalue().startswith(b"o,missing\r\n")
    assert b'"comma, and ""quote"""' in out.getvalue()
    with pytest.raises(QueryError, match="SELECT"):
        store.stream_csv("ASK { ?s ?p ?o }", io.BytesIO())
    with pytest.raises(QueryError, match="syntax"):
        store.stream_csv("SELECT WHERE {", io.BytesIO())


def _values(result: object) -> list[str]:
    assert isinstance(result, SelectResult)
    return sorted(row[-1].value for row in result.rows)


def test_query_dataset_clauses_and_given_dataset(store: GraphStore) -> None:
    """FROM / FROM NAMED of the query and a given dataset are honoured (or, where not supported, refused)."""
    store.put_graph(G1, quads(G1, "a"))
    store.put_graph(G2, quads(G2, "b"))
    from_g1 = f"SELECT ?o FROM <{G1.value}> WHERE {{ ?s ?p ?o }}"
    from_named = f"SELECT ?g ?o FROM NAMED <{G2.value}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    everywhere = "SELECT ?o WHERE { ?s ?p ?o }"
    if isinstance(store, RdflibStore):
        for query in (from_g1, from_named):
            with pytest.raises(QueryError, match="rdflib backend"):
                store.query(query)
        with pytest.raises(QueryError, match="rdflib backend"):
            store.query(everywhere, default_graph=[G1])
        return
    assert _values(store.query(from_g1)) == ["a"]
    assert _values(store.query(from_named)) == ["b"]
    assert store.query(from_named).rows[0][0] == G2
    assert _values(store.query(everywhere)) == ["a", "b"]  # no dataset: the union
    # A given dataset replaces the query's own, and is exactly the graphs given.
    assert _values(store.query(from_g1, default_graph=[G2])) == ["b"]
    assert _values(store.query(everywhere, default_graph=[G1, G2])) == ["a", "b"]
    assert _values(store.query(everywhere, named_graphs=[G1])) == []
    named = store.query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }", default_graph=[G1], named_graphs=[G2])
    assert named.rows == [(G2, Literal("b"))]
    _, rows = store.stream(everywhere, default_graph=[G2])
    assert [row[0].value for row in rows] == ["b"]
    assert store.query(f"ASK FROM <{G1.value}> {{ ?s ?p 'b' }}") == AskResult(False)


def _objects(store: GraphStore, where: str = "?s ?p ?o") -> list[str]:
    return sorted(row[0].value for row in store.query(f"SELECT ?o WHERE {{ {where} }}").rows)


def _nquads(*graphs: list[Quad]) -> bytes:
    return b"".join(serialize(g, format=RdfFormat.N_QUADS) for g in graphs)


def test_add_graphs_writes_whole_graphs_that_queries_and_listeners_see(store: GraphStore) -> None:
    """add_graphs (a batch load's write) gives what put_graph of each graph gives, with or without listeners."""
    ex = "http://example.org/"
    add_graphs(store, [G1], _nquads(links(G1, "a", "shared")))  # nobody listening: the bulk path on oxigraph
    assert _objects(store) == [ex + "a", ex + "shared"]  # queries see it (on the replica too)
    seen: list[tuple[NamedNode, set[str] | None]] = []
    store.subscribe(lambda c: seen.append((c.graph, c.touched and set(c.touched))))
    g3 = NamedNode(ex + "g3")
    add_graphs(store, [G2, g3], _nquads(links(G2, "b", "shared"), links(g3, "c")))
    assert sorted(store.quads(G2), key=str) == sorted(links(G2, "b", "shared"), key=str)
    assert list(store.quads(g3)) == links(g3, "c")
    assert set(_objects(store)) == {ex + "a", ex + "b", ex + "c", ex + "shared"}
    assert seen == [(G2, {S.value, ex + "b", ex + "shared"}), (g3, {S.value, ex + "c"})]
    assert set(store.graphs()) == {G1, G2, g3}


@pytest.mark.parametrize(
    ("nquads", "error"),
    [
        (_nquads(quads(G1, "a"), quads(G2, "b")), "outside the graphs"),
        (_nquads(quads(G1, "a"), [Quad(BlankNode(), P, Literal("x"), G1)]), "blank nodes"),
        (b"<http://example.org/s> oops", "not N-Quads"),
    ],
)
def test_add_graphs_refuses_bad_input_and_writes_nothing(store: GraphStore, nquads: bytes, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        add_graphs(store, [G1], nquads)
    assert store.count_quads() == 0


@pytest.mark.parametrize("replica", [False, True])
def test_oxigraph_add_graphs_refuses_a_graph_already_there(tmp_path: Path, replica: bool) -> None:
    """Adding never merges into a stored graph (that would mix two versions of a document): nothing is written."""
    store = OxigraphStore(tmp_path / "store", query_replica=replica)
    store.put_graph(G1, quads(G1, "old"))
    with pytest.raises(ValueError, match="already in the store"):
        store.add_graphs([G2, G1], _nquads(quads(G2, "b"), quads(G1, "new")))
    assert list(store.quads()) == quads(G1, "old")
    assert _objects(store) == ["old"]
    store.close()


def test_replica_sees_every_write(tmp_path: Path) -> None:
    """Queries on the replica see each write as soon as put_graph / remove_graph return."""
    store = OxigraphStore(tmp_path / "store", query_replica=True)
    assert _objects(store) == []
    store.put_graph(G1, quads(G1, "a", "shared"))
    store.put_graph(G2, quads(G2, "b", "shared"))
    assert _objects(store) == ["a", "b", "shared"]  # the merged default graph holds "shared" once
    store.put_graph(G1, quads(G1, "z"))  # a replacement: "a" goes, "shared" stays (G2 still has it)
    assert _objects(store) == ["b", "shared", "z"]
    assert _objects(store, f"GRAPH {G1} {{ ?s ?p ?o }}") == ["z"]
    assert store.remove_graph(G2) is True
    assert _objects(store) == ["z"]
    assert store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows == [(G1,)]
    store.put_graph(G1, [])
    assert _objects(store) == []
    store.close()


def test_replica_is_rebuilt_after_a_failed_patch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write the replica could not apply is still seen: disk has it, and the replica is rebuilt from there."""
    from kg.store import oxigraph

    store = OxigraphStore(tmp_path / "store", query_replica=True)

    def broken(self: object, *args: object) -> None:
        raise RuntimeError("patch failed")

    monkeypatch.setattr(oxigraph._Replica, "apply", broken)
    store.put_graph(G1, quads(G1, "a"))
    monkeypatch.undo()
    assert _objects(store) == ["a"]
    store.put_graph(G1, quads(G1, "b"))
    assert _objects(store) == ["b"]
    store.close()


def test_replica_stops_past_its_size_limit(tmp_path: Path) -> None:
    """Writes that grow the store past replica_max_quads drop the replica: queries go on, from disk."""
    store = OxigraphStore(tmp_path / "store", query_replica=True, replica_max_quads=3)
    store.put_graph(G1, quads(G1, "a", "shared"))
    assert _objects(store) == ["a", "shared"] and store.replica_note is None
    store.put_graph(G2, quads(G2, "b", "shared"))
    # disk's bag union shows "shared" once per graph: the answer of the disk, not of the replica
    assert _objects(store) == ["a", "b", "shared", "shared"]
    assert store.replica_note is not None and "4 quads" in store.replica_note
    store.remove_graph(G2)
    assert _objects(store) == ["a", "shared"]
    store.close()


@pytest.mark.parametrize(("limit", "replica"), [(2, False), (3, True)])
def test_replica_size_limit_at_open(tmp_path: Path, limit: int, replica: bool) -> None:
    """A store opened with more quads than the limit gets no replica, and says why."""
    first = OxigraphStore(tmp_path / "store")
    first.put_graph(G1, quads(G1, "a", "shared"))
    first.put_graph(G2, quads(G2, "shared"))
    first.close()
    store = OxigraphStore(tmp_path / "store", query_replica=True, replica_max_quads=limit)
    assert (store.replica_note is None) is replica
    assert _objects(store) == (["a", "shared"] if replica else ["a", "shared", "shared"])
    store.close()


def test_the_size_at_open_is_kept_with_the_stamp_and_counted_again_after_a_write(tmp_path: Path) -> None:
    """The size that decides the replica at open is read from beside the store while its stamp is current."""
    path = tmp_path / "store"
    first = OxigraphStore(path, query_replica=True, replica_max_quads=2)
    first.put_graph(G1, quads(G1, "a", "shared"))
    first.put_graph(G2, quads(G2, "shared"))
    first.close()
    assert "3 quads" in (OxigraphStore(path, query_replica=True, replica_max_quads=2).replica_note or "")
    stamp, count = (path / "kg-store-count").read_text().split()
    assert count == "3"
    (path / "kg-store-count").write_text(f"{stamp} 7")  # a count it did not make: read, so not counted again
    again = OxigraphStore(path, query_replica=True, replica_max_quads=2)
    assert "7 quads" in (again.replica_note or "")
    again.remove_graph(G2)  # the stamp moves on: the kept count is stale
    again.close()
    assert OxigraphStore(path, query_replica=True, replica_max_quads=2).replica_note is None  # 1 quad, counted


def test_replica_reopen_and_read_only(tmp_path: Path) -> None:
    """A reopened store's replica is loaded from disk, read-only or not."""
    path = tmp_path / "store"
    first = OxigraphStore(path, query_replica=True)
    first.put_graph(G1, quads(G1, "kept", "twice"))
    first.put_graph(G2, quads(G2, "twice"))
    first.close()
    for read_only in (True, False):
        again = OxigraphStore(path, read_only=read_only, query_replica=True)
        assert _objects(again) == ["kept", "twice"]
        assert again.count_quads() == 3  # counts and quads come from disk: the merged copies are not quads
        assert set(again.graphs()) == {G1, G2}
        again.close()


def test_replica_at_open_is_copied_beside_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reopened store copies its replica in a thread: subscribers and writers do not wait for it, a query does,
    and a write made while it is copied is seen (the copy may predate it: it is not taken up, but made again)."""
    path = tmp_path / "store"
    first = OxigraphStore(path)
    first.put_graph(G1, quads(G1, "old", "shared"))
    first.put_graph(G2, quads(G2, "shared"))
    first.close()
    release, copy = threading.Event(), oxigraph._Replica.__init__

    def held_copy(replica: oxigraph._Replica, disk: object) -> None:
        assert release.wait(5), "the copy was made before the store was even open"
        copy(replica, disk)

    monkeypatch.setattr(oxigraph._Replica, "__init__", held_copy)
    store = OxigraphStore(path, query_replica=True)

    def subscribe_and_write() -> None:
        with store.writes_held():
            store.subscribe(lambda change: None)
        store.put_graph(G1, quads(G1, "new"))

    writer = threading.Thread(target=subscribe_and_write)
    writer.start()
    writer.join(timeout=5)
    assert not writer.is_alive() and release.is_set() is False  # done while the copy was still held
    release.set()
    assert _objects(store) == ["new", "shared"]  # the merged default graph: answered by a replica
    store.close()


@pytest.mark.parametrize("name", _backends("oxigraph-replica", "rdflib-memory", "remote-fuseki"))
def test_union_is_a_set_of_triples(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Without a dataset the default graph is the RDF merge: a triple in two graphs matches once.

    pyoxigraph 0.5's own union flag (oxigraph-disk, oxigraph-memory) matches it once per graph instead.
    """
    store = BACKENDS[name](request, tmp_path)
    store.put_graph(G1, quads(G1, "same"))
    store.put_graph(G2, quads(G2, "same"))
    assert _objects(store) == ["same"]
    assert len(store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p 'same' } }").rows) == 2
    store.close()


@pytest.mark.parametrize("hold", ["quiescent", "writes_held"])
def test_held_writes_wait_and_reads_show_every_committed_one(store: GraphStore, hold: str) -> None:
    """Inside quiescent() or writes_held() a write waits, and a query sees everything written before it (what a
    fork inherits, what the read snapshot is built from)."""
    store.put_graph(G1, quads(G1, "a"))
    with getattr(store, hold)():
        writer = threading.Thread(target=store.put_graph, args=(G2, quads(G2, "b")))
        writer.start()
        writer.join(timeout=0.3)
        assert writer.is_alive()
        result = store.query("SELECT ?o WHERE { ?s ?p ?o }")
        assert isinstance(result, SelectResult)
        assert {row[0].value for row in result.rows} == {"a"}
    writer.join(timeout=5)
    assert not writer.is_alive()
    assert {q.object.value for q in store.quads(G2)} == {"b"}


def test_resolution_stale_mark(store: GraphStore) -> None:
    """The mark is set and cleared on demand, idempotently, and is no data: no quad, no graph."""
    assert not store.resolution_is_stale()
    store.mark_resolution_stale()
    store.mark_resolution_stale()
    assert store.resolution_is_stale()
    assert store.count_quads() == 0 and store.graphs() == []
    store.clear_resolution_stale()
    assert not store.resolution_is_stale()
    store.clear_resolution_stale()
    assert not store.resolution_is_stale()


def test_resolution_stale_mark_outlives_the_process(tmp_path: Path) -> None:
    """On disk the mark lasts until cleared: a reopened store (read-only too) still sees it."""
    path = tmp_path / "store"
    writer = OxigraphStore(path)
    writer.put_graph(G1, quads(G1, "a"))
    writer.mark_resolution_stale()
    writer.close()
    reader = OxigraphStore(path, read_only=True)
    assert reader.resolution_is_stale()
    with pytest.raises(BackendError, match="read-only"):
        reader.mark_resolution_stale()
    reader.close()
    again = OxigraphStore(path)
    assert again.resolution_is_stale()
    again.clear_resolution_stale()
    again.close()
    assert not OxigraphStore(path, read_only=True).resolution_is_stale()


def test_replica_is_copied_afresh_once_removed_quads_pile_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pyoxigraph's in-memory store keeps removed quads: past a bound the replica is replaced by a fresh copy."""
    from kg.store import oxigraph

    monkeypatch.setattr(oxigraph, "_MIN_DEAD", 8)
    store = OxigraphStore(tmp_path / "store", query_replica=True)
    store.put_graph(G1, quads(G1, *"abcdefgh"))
    first = store._replica
    assert first is not None
    for n in range(12):
        store.put_graph(G1, quads(G1, f"v{n}"))
        replica = store._replica
        assert replica is not None and replica.dead <= max(replica.live // 2, 8) + 2 * 8  # one write's worth over
    assert store._replica is not first
    assert _objects(store) == ["v11"]
    store.close()
