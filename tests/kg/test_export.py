"""Every export format, parsed back: rdflib for RDF, networkx, RelaxNG and Gephi for GEXF/GraphML, zip for CSV."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from lxml import etree

from kg import vocab
from kg.errors import InputError
from kg.export import FORMATS, write_export
from kg.export.graphview import sparql_timeline_date
from kg.model import Criticism, DateRef, Document, Entity, Event, Extraction, Participant, Relation, Span
from kg.rdf import document_quads
from kg.store.oxigraph import OxigraphStore
from tests.conftest import make_document, span

GEXF_RNG = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "gexf-1.3" / "gexf.rng"


def _second_document() -> Document:
    """Another article naming Jane Doe as "Doe", to be merged onto her by an owl:sameAs link."""
    text = "Doe joined Acme AI as co-founder & <chief> scientist."
    ex = Extraction(
        entities=(
            Entity(key="d", label="Doe", type="Person", mentions=(span(text, "Doe"),)),
            Entity(key="a", label="Acme AI", type="Organization", mentions=(span(text, "Acme AI"),)),
        ),
        relations=(
            Relation(subject="d", predicate="affiliated_with", object="a", role="co-founder", source=span(text, "Doe")),
        ),
    )
    return make_document(text, ex, published="2025-12")


@pytest.fixture
def store(sample_document: Document) -> OxigraphStore:
    """Two documents and a resolution graph linking "Doe" to "Jane Doe"."""
    store = OxigraphStore(None)
    for doc in (sample_document, _second_document()):
        quads = document_quads(doc)
        store.put_graph(quads[0].graph_name, quads)
    link = ox.Quad(vocab.resource("per-doe"), vocab.OWL_SAME_AS, vocab.resource("per-jane-doe"), vocab.RESOLUTION_GRAPH)
    store.put_graph(vocab.RESOLUTION_GRAPH, [link])
    return store


def _export(store: OxigraphStore, fmt: str) -> bytes:
    out = io.BytesIO()
    write_export(store, fmt, out)
    return out.getvalue()


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_rdf_triples_formats(store: OxigraphStore, fmt: str, rdflib_format: str) -> None:
    """Turtle, N-Triples and JSON-LD parse back with rdflib to the store's distinct triples."""
    expected = {(q.subject, q.predicate, q.object) for q in store.quads()}
    graph = rdflib.Dataset() if fmt == "jsonld" else rdflib.Graph()
    graph.parse(data=_export(store, fmt), format=rdflib_format)
    triples = {t for t in (graph.quads() if fmt == "jsonld" else graph)}
    assert len({t[:3] for t in triples}) == len(expected)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_rdf_dataset_formats_keep_graphs(store: OxigraphStore, fmt: str, rdflib_format: str) -> None:
    """N-Quads, TriG and JSON-LD keep one named graph per document (and the resolution graph)."""
    dataset = rdflib.Dataset()
    dataset.parse(data=_export(store, fmt), format=rdflib_format)
    graphs = {str(c.identifier) for c in dataset.graphs() if len(c)}
    assert graphs == {g.value for g in store.graphs()}
    assert len(list(dataset.quads())) == store.count_quads()


def test_jsonld_has_prefix_context(store: OxigraphStore) -> None:
    """The JSON-LD @context is the project's prefixes, and properties use them."""
    body = json.loads(_export(store, "jsonld"))
    assert body["@context"] == vocab.PREFIXES
    assert any("kg:mentionCount" in node for graph in body["@graph"] for node in graph["@graph"])


def _gexf(data: bytes, tmp_path: Path) -> nx.MultiDiGraph:
    """A GEXF export checked against the 1.3 RelaxNG schema, read back with networkx (as a multigraph)."""
    path = tmp_path / "graph.gexf"
    path.write_bytes(data)
    schema = etree.RelaxNG(etree.parse(str(GEXF_RNG)))  # resolves the sibling dynamics.rng and viz.rng
    assert schema.validate(etree.parse(str(path))), schema.error_log
    return nx.MultiDiGraph(nx.read_gexf(path, version="1.3"))


def _only_edge(graph: nx.MultiDiGraph, source: str, target: str) -> dict:
    """The attributes of the one edge from ``source`` to ``target``."""
    (data,) = graph.get_edge_data(source, target).values()
    return data


def test_gexf_valid_and_readable(store: OxigraphStore, tmp_path: Path) -> None:
    """GEXF validates against the 1.3 RelaxNG schema and networkx reads the merged, dated graph."""
    graph = _gexf(_export(store, "gexf"), tmp_path)
    assert "per-doe" not in graph  # merged onto its canonical entity
    assert graph.nodes["per-jane-doe"]["type"] == "Person"
    assert graph.nodes["per-jane-doe"]["mentions"] == 2
    assert graph.nodes["per-jane-doe"]["label"] == "Jane Doe"
    edge = _only_edge(graph, "per-jane-doe", "org-acme-ai")
    assert edge["relation"] == "affiliated_with"
    assert edge["id"] == "per-jane-doe affiliated_with org-acme-ai"
    assert edge["weight"] == 2
    assert set(edge["role"].split("; ")) == {"CEO", "co-founder"}
    # Its supporting documents' publication dates, a month mapped to its first day.
    assert (edge["start"], edge["end"]) == ("2025-12-01", "2026-06-05")
    investor = [d for s, _, d in graph.edges(data=True) if s == "org-big-capital"]
    assert [d["relation"] for d in investor] == ["investor"]


def test_gexf_criticism_edges_carry_quote_source_and_every_date(
    store: OxigraphStore, sample_document: Document, tmp_path: Path
) -> None:
    """A criticism edge aggregating criticisms has one spell per date, their quotes and their documents."""
    text = "Doe said Widget 2 is overrated."
    where = span(text, "said")
    ex = Extraction(
        entities=(
            Entity(key="d", label="Doe", type="Person", mentions=(span(text, "Doe"),)),
            Entity(key="w", label="Widget 2", type="Product", mentions=(span(text, "Widget 2"),)),
        ),
        criticisms=(
            Criticism(critic="d", target="w", quote="overrated", summary="Doe called Widget 2 overrated",
                      date=DateRef(value="2026-07", precision="month"), source=where),
        ),
    )  # fmt: skip
    later = make_document(text, ex)
    store.put_graph(vocab.document_iri(later.meta.id), document_quads(later))
    graph = _gexf(_export(store, "gexf"), tmp_path)
    edge = _only_edge(graph, "per-jane-doe", "prd-widget-2")
    assert edge["weight"] == 2
    assert sorted(edge["spells"]) == [("2026-06-04", "2026-06-04"), ("2026-07-01", "2026-07-01")]
    assert set(edge["quote"].split(" | ")) == {"a ploy", "overrated"}
    assert set(edge["document"].split("; ")) == {sample_document.meta.id, later.meta.id}


def test_gexf_timeline_and_figures(store: OxigraphStore, tmp_path: Path) -> None:
    """Nodes span their documents' and facts' dates; events sit at their date; figures are networkx's."""
    graph = _gexf(_export(store, "gexf"), tmp_path)
    jane = graph.nodes["per-jane-doe"]
    # From the document naming her "Doe" (2025-12) to the other one (2026-06-05).
    assert (jane["start"], jane["end"]) == ("2025-12-01", "2026-06-05")
    assert graph.nodes["prd-widget-2"]["criticisms_received"] == 1
    # Her relation, her criticism and her claim.
    assert jane["degree"] == graph.degree("per-jane-doe") == 3
    assert sum(d["pagerank"] for _, d in graph.nodes(data=True)) == pytest.approx(1, abs=1e-4)
    assert {d["community"] for _, d in graph.nodes(data=True)} >= {0}
    (event,) = [d for _, d in graph.nodes(data=True) if d["kind"] == "event"]
    # Undated, it sits at its article's date, which its label shows.
    assert event["label"] == "Acme AI funding round (2026-06-05)"
    assert (event["start"], event["end"]) == ("2026-06-05", "2026-06-05")


# Text the store has to escape on its own when it writes XML elements: every XML special character, the comma
# and quote its CSV writer would quote, line breaks and tabs, a backslash, and a control character XML cannot hold.
_AWKWARD = 'Ann "Q" O\'Brien & <Co>, Inc.\tsaid\nhi \\ back\x01'


def _awkward_document() -> Document:
    text = "Ann works at Zed, Ltd. and sued."
    where = span(text, "works")
    ex = Extraction(
        entities=(
            Entity(key="a", label=_AWKWARD, type="Person", mentions=(where,)),
            Entity(key="z", label="Zed, Ltd.", type="Organization", mentions=(where,)),
        ),
        relations=(Relation(subject="a", predicate="affiliated_with", object="z", role=_AWKWARD, source=where),),
        events=(
            Event(key="ev", type="Lawsuit", label=f"{_AWKWARD} v Zed", source=where,
                  participants=(Participant(role=_AWKWARD, entity="a"),)),
        ),
    )  # fmt: skip
    return make_document(text, ex)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_escape_awkward_text(fmt: str, tmp_path: Path) -> None:
    """Labels, roles and relations come back exactly (less what XML cannot hold) from a valid document."""
    store = OxigraphStore(None)
    quads = document_quads(_awkward_document())
    store.put_graph(quads[0].graph_name, quads)
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(_export(store, fmt))
    if fmt == "gexf":
        schema = etree.RelaxNG(etree.parse(str(GEXF_RNG)))
        assert schema.validate(etree.parse(str(path))), schema.error_log
    graph = nx.read_gexf(path, version="1.3") if fmt == "gexf" else nx.read_graphml(path)
    expected = _AWKWARD.replace("\x01", "")
    (person,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Person"]
    assert graph.nodes[person]["label"] == expected
    assert {d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Organization"} == {"Zed, Ltd."}
    assert {d["relation"] for *_, d in graph.edges(data=True)} == {"affiliated_with", expected}
    assert [d["role"] for *_, d in graph.edges(data=True) if "role" in d] == [expected]


def _graph_of(data: bytes, tmp_path: Path, fmt: str = "gexf") -> tuple[dict, list]:
    """The nodes and edges of a GEXF or GraphML export with their attributes, edges sorted (they have no id)."""
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(data)
    graph = nx.read_gexf(path, version="1.3") if fmt == "gexf" else nx.read_graphml(path)
    # Roles come in no particular order (SPARQL's GROUP_CONCAT has none).
    edges = sorted(
        (s, t, sorted(({**d, "role": sorted(d["role"].split("; "))} if "role" in d else d).items()))
        for s, t, d in graph.edges(data=True)
    )
    return dict(graph.nodes(data=True)), edges


def test_graph_view_is_the_same_on_every_backend(sample_document: Document, tmp_path: Path) -> None:
    """The graph is the same whether the union default graph is a bag (pyoxigraph), a set (the replica) or rdflib's."""
    from kg.store.rdflib_store import RdflibStore

    stores = [OxigraphStore(None), OxigraphStore(tmp_path / "replica", query_replica=True), RdflibStore()]
    link = ox.Quad(vocab.resource("per-doe"), vocab.OWL_SAME_AS, vocab.resource("per-jane-doe"), vocab.RESOLUTION_GRAPH)
    for backend in stores:
        for doc in (sample_document, _second_document(), _awkward_document()):
            quads = document_quads(doc)
            backend.put_graph(quads[0].graph_name, quads)
        backend.put_graph(vocab.RESOLUTION_GRAPH, [link])
    first, *others = (_graph_of(_export(backend, "gexf"), tmp_path) for backend in stores)
    assert len(first[0]) == 9
    for other in others:
        assert other == first


class _Trickle(io.RawIOBase):
    """A writer passing on what it is given a few bytes at a time, as a backend writing small chunks would."""

    def __init__(self, out: io.RawIOBase) -> None:
        self.out = out

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        for i in range(0, len(data), 3):
            self.out.write(bytes(data[i : i + 3]))
        return len(data)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_do_not_depend_on_chunk_sizes(
    store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    """Elements written by the store come out the same whatever chunks its CSV writer cuts them into."""
    expected = _graph_of(_export(store, fmt), tmp_path, fmt)
    stream_csv = store.stream_csv
    monkeypatch.setattr(store, "stream_csv", lambda sparql, out: stream_csv(sparql, _Trickle(out)))
    assert _graph_of(_export(store, fmt), tmp_path, fmt) == expected


def test_csv_zip(store: OxigraphStore) -> None:
    """The CSV export is a zip of nodes.csv and edges.csv whose edges all end at listed nodes."""
    with zipfile.ZipFile(io.BytesIO(_export(store, "csv"))) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8")))
        edges = list(csv.DictReader(io.TextIOWrapper(archive.open("edges.csv"), encoding="utf-8")))
    ids = {n["Id"] for n in nodes}
    assert len(nodes) == 6
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_unknown_format_names_the_allowed_ones(store: OxigraphStore) -> None:
    """An unknown format is an InputError listing every format."""
    with pytest.raises(InputError) as info:
        _export(store, "dot")
    assert all(name in info.value.message for name in FORMATS)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-12-05", "2023-12-05"), ("2023-12", "2023-12-01"), ("2023", "2023-01-01"), ("--06-04", None), ("", None)],
)
def test_timeline_date(memory_store: OxigraphStore, value: str, expected: str | None) -> None:
    """Partial dates start at their first day; a date without a year is left off the timeline ("")."""
    result = memory_store.query(f'SELECT ({sparql_timeline_date("v")} AS ?d) WHERE {{ BIND("{value}" AS ?v) }}')
    assert result.rows[0][0].value == (expected or "")


def test_gexf_memory_is_flat() -> None:
    """Export memory does not grow with the facts: 8x the criticisms on the same edges, about the same peak.

    (The figures need the topology, one entry per node and per edge, so memory grows with those: never with
    the facts behind an edge, nor with the text of the elements.)
    """

    def peak(per_edge: int) -> int:
        store = OxigraphStore(None)
        text = "Someone criticised Org."
        entities = [Entity(key=f"o{i}", label=f"Org {i}", type="Organization") for i in range(5)]
        entities += [Entity(key=f"p{i}", label=f"Person {i}", type="Person") for i in range(200)]
        criticisms = [
            Criticism(critic=f"p{i % 200}", target=f"o{i // 200 % 5}", summary="s", quote="q",
                      date=DateRef(value="2026-01-02", precision="day"), source=Span(start=i, end=i + 1, sentence=text))
            for i in range(1000 * per_edge)
        ]  # fmt: skip
        quads = document_quads(make_document(text, Extraction(entities=tuple(entities), criticisms=tuple(criticisms))))
        store.put_graph(quads[0].graph_name, quads)
        tracemalloc.start()
        write_export(store, "gexf", _Discard())
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(1), peak(8)
    assert large < small * 1.5


class _Discard(io.RawIOBase):
    """A sink that drops what it is given, so the output does not count as export memory."""

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return len(data)


@pytest.mark.gephi
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_imports(store: OxigraphStore, tmp_path: Path, fmt: str) -> None:
    """The real Gephi Toolkit imports the file with every node and edge and the type column."""
    from tests.support.gephi import gephi_import

    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(_export(store, fmt))
    summary = gephi_import(path)
    assert summary["nodes"] == 6
    assert summary["edges"] == 7
    assert summary["directed"] is True
    assert "type" in summary["node_columns"]
    assert summary["node_types"] == {"Person": 1, "Organization": 2, "Product": 1, "FundingRound": 1, "Claim": 1}
    if fmt == "gexf":
        assert summary["dynamic"] is True
        assert summary["time_bounds"][0].startswith("2025-12-01")
