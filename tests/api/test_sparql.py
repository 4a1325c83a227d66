"""The /sparql endpoint: formats and negotiation, errors, the read-only guard, time and row limits."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from api.sparql import negotiate
from kg.errors import QueryError
from kg.model import Document
from kg.rdf import document_quads
from kg.settings import Settings
from kg.sparql_guard import RefusedQueryError, check_query, names_dataset, outer_limit
from kg.sparql_results import serialize, write_csv, write_tsv
from kg.store.base import SelectResult
from kg.store.oxigraph import OxigraphStore
from tests.api.sparql_app import sparql_client

ENTITIES = "PREFIX kg: <https://w3id.org/ainews-kg/ontology#> SELECT ?e WHERE { ?e a kg:Person }"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture
def store(sample_document: Document) -> OxigraphStore:
    """The sample document in memory."""
    store = OxigraphStore(None)
    quads = document_quads(sample_document)
    store.put_graph(quads[0].graph_name, quads)
    return store


@pytest.fixture
def client(store: OxigraphStore) -> Iterator[TestClient]:
    """A client of the SPARQL app over the sample document."""
    with sparql_client(store) as c:
        yield c


def _error_code(response: object) -> str:
    return response.json()["error"]["code"]  # type: ignore[attr-defined]


# --- formats ---


def test_select_defaults_to_json(client: TestClient) -> None:
    """No Accept header: SPARQL JSON with the variable and one binding per row."""
    response = client.get("/sparql", params={"query": ENTITIES})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    body = response.json()
    assert body["head"]["vars"] == ["e"]
    assert body["results"]["bindings"] == [
        {"e": {"type": "uri", "value": "https://w3id.org/ainews-kg/id/per-jane-doe"}}
    ]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
        ("text/*;q=0.8, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
        ("application/json", "application/json"),
    ],
)
def test_select_accept(client: TestClient, accept: str, media: str) -> None:
    """Accept with q-values and wildcards picks the format."""
    response = client.get("/sparql", params={"query": ENTITIES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


def test_select_xml_and_tsv_bodies(client: TestClient) -> None:
    """Typed literals keep their datatype in XML; TSV writes terms in N-Triples syntax."""
    query = "PREFIX kg: <https://w3id.org/ainews-kg/ontology#> SELECT ?d WHERE { ?c kg:date ?d }"
    xml = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    literal = etree.fromstring(xml.content).find(f"{SRX}results/{SRX}result/{SRX}binding/{SRX}literal")
    assert literal is not None
    assert literal.text == "2026-06-04"
    assert literal.get("datatype") == "http://www.w3.org/2001/XMLSchema#date"
    tsv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.text == '?d\n"2026-06-04"^^<http://www.w3.org/2001/XMLSchema#date>\n'


def test_ask_json_and_xml(client: TestClient) -> None:
    """ASK answers a boolean in JSON or XML, and 406 for CSV."""
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+xml"})
    assert etree.fromstring(xml.content).findtext(f"{SRX}boolean") == "true"
    refused = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert refused.status_code == 406
    assert _error_code(refused) == "not_acceptable"


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        (None, ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_construct_formats(client: TestClient, accept: str | None, fmt: ox.RdfFormat) -> None:
    """CONSTRUCT answers Turtle by default, N-Triples or JSON-LD on request, each parseable."""
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/ainews-kg/ontology#Person> ; ?p ?o }"
    response = client.post(
        "/sparql",
        content=query,
        headers={"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})},
    )
    assert response.status_code == 200
    triples = list(ox.parse(response.content, format=fmt))
    assert len(triples) >= 4


def test_form_post(client: TestClient) -> None:
    """A form POST carries the query in the body."""
    response = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert response.json()["boolean"] is True


def test_describe(client: TestClient) -> None:
    """DESCRIBE answers RDF about the resource."""
    response = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/ainews-kg/id/per-jane-doe>"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")


# --- errors ---


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"default-graph-uri": "http://example.org/g"}, 400, "bad_query"),  # no query (none at all: the description)
        ([("query", "ASK {}"), ("query", "ASK {}")], 400, "bad_query"),
        ({"query": "SELECT * WHERE { ?s ?p }"}, 400, "bad_query"),
        ({"query": "ASK {"}, 400, "bad_query"),
        ({"update": "CLEAR ALL"}, 400, "query_refused"),
        ({"query": "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 400, "query_refused"),
        ({"query": "ASK {}", "default-graph-uri": "not an iri"}, 400, "bad_query"),
    ],
)
def test_bad_requests(client: TestClient, params: object, status: int, code: str) -> None:
    """Malformed, doubled, missing, update and federated queries are refused in the contract's shape."""
    response = client.get("/sparql", params=params)  # type: ignore[arg-type]
    assert response.status_code == status
    assert _error_code(response) == code


def test_wrong_post_media_type(client: TestClient) -> None:
    """A POST that is neither a form nor application/sparql-query is a 415; an update body a 400."""
    assert client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.post("/sparql", content="ASK {}").status_code == 415
    update = client.post("/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert update.status_code == 400
    assert "/documents" in update.json()["error"]["message"]


def test_dataset_parameters(client: TestClient, store: OxigraphStore) -> None:
    """default-graph-uri makes a document's graph the default graph; an unknown one is empty."""
    graph = store.graphs()[0].value
    query = "ASK { ?s a <https://w3id.org/ainews-kg/ontology#Person> }"
    assert client.get("/sparql", params={"query": query, "default-graph-uri": graph}).json()["boolean"] is True
    empty = client.get("/sparql", params={"query": query, "default-graph-uri": "http://example.org/none"})
    assert empty.json()["boolean"] is False


def test_query_dataset_clauses(client: TestClient, store: OxigraphStore) -> None:
    """A query's own FROM / FROM NAMED are honoured; named-graph-uri replaces them."""
    graph = store.graphs()[0].value
    person = "<https://w3id.org/ainews-kg/ontology#Person>"
    from_none = f"ASK FROM <http://example.org/none> {{ ?s a {person} }}"
    assert client.get("/sparql", params={"query": from_none}).json()["boolean"] is False
    from_doc = f"ASK FROM <{graph}> {{ ?s a {person} }}"
    assert client.get("/sparql", params={"query": from_doc}).json()["boolean"] is True
    named = f"SELECT DISTINCT ?g FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s a {person} }} }}"
    rows = client.get("/sparql", params={"query": named}).json()["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == [graph]
    replaced = client.get("/sparql", params={"query": named, "named-graph-uri": "http://example.org/none"})
    assert replaced.json()["results"]["bindings"] == []


# --- limits ---


def test_row_limit(store: OxigraphStore) -> None:
    """More rows than sparql_max_rows is a 413 that says to add a LIMIT."""
    with sparql_client(store, Settings(sparql_max_rows=5)) as client:
        response = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 413
    assert "LIMIT" in response.json()["error"]["message"]


@pytest.mark.parametrize("limit, status", [(5, 200), (6, 413)])
def test_row_limit_with_the_querys_own_limit(store: OxigraphStore, limit: int, status: int) -> None:
    """A LIMIT within sparql_max_rows is served natively; one above it still hits the limit while rows stream."""
    with sparql_client(store, Settings(sparql_max_rows=5)) as client:
        response = client.get("/sparql", params={"query": f"SELECT * {{ ?s ?p ?o }} LIMIT {limit}"})
    assert response.status_code == status
    if status == 200:
        assert len(response.json()["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    "query, limit",
    [
        ("SELECT * { ?s ?p ?o } LIMIT 10", 10),
        ("SELECT * { ?s ?p ?o } ORDER BY ?s OFFSET 3 LIMIT 7 VALUES ?s { <x:y> }", 7),
        ("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5 } }", None),  # a subquery's LIMIT bounds nothing outside
        ('SELECT * { ?s ?p "LIMIT 5" }', None),
        ("SELECT * { ?s ?p ?o } # LIMIT 5", None),
    ],
)
def test_outer_limit(query: str, limit: int | None) -> None:
    assert outer_limit(query) == limit


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("SELECT * FROM <http://g> { ?s ?p ?o }", True),
        ("select * from named kg:x where { graph ?g { ?s ?p ?o } }", True),
        ("SELECT * FROM<http://g>{?s ?p ?o}", True),
        ('SELECT * { ?s ?p "from the start, from: here" }', False),
        ("SELECT ?from { ?from ?p ?o }", False),
    ],
)
def test_names_dataset(query: str, named: bool) -> None:
    """Only a real FROM / FROM NAMED clause names a dataset; the word in a literal or a variable does not."""
    assert names_dataset(query) is named


@pytest.mark.parametrize("media", ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"])
def test_native_serialisation_matches_the_writers(store: OxigraphStore, media: str) -> None:
    """pyoxigraph's own serialisers (LIMIT within the row limit) write what the generic writers write."""
    query = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 50"
    native = store.query_serialized(query, media, max_rows=100)
    generic = serialize(store.query(query), media)
    if media == "application/sparql-results+xml":  # the same document; whitespace between elements differs
        parser = etree.XMLParser(remove_blank_text=True)
        assert etree.tostring(etree.fromstring(native, parser), method="c14n") == etree.tostring(
            etree.fromstring(generic, parser), method="c14n"
        )
    else:
        assert native == generic


def test_timeout() -> None:
    """A query running past sparql_timeout_s is a 503 query_timeout."""
    store = OxigraphStore(None)
    graph = ox.NamedNode("http://example.org/g")
    store.put_graph(
        graph, [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                        ox.Literal(str(i)), graph) for i in range(3000)]
    )  # fmt: skip
    with sparql_client(store, Settings(sparql_timeout_s=0.05, sparql_max_rows=10**9)) as client:
        response = client.get("/sparql", params={"query": "SELECT * { ?a ?b ?c . ?d ?e ?f }"})
    assert response.status_code == 503
    assert _error_code(response) == "query_timeout"


# --- the guard ---


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * { ?s ?p "SERVICE <http://x> {}" }',
        "SELECT * { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * { ?s ?p ?o } # SERVICE <http://x> { }",
        "PREFIX ex: <http://example.org/> SELECT ?service { ?service ex:load ?o }",
        "SELECT * { ?s ?p '''LOAD <http://x>''' }",
        "SELECT * { ?s ?p ?o FILTER(?o < 3 && ?s != <http://x/service>) }",
    ],
)
def test_guard_ignores_words_in_strings_iris_comments(query: str) -> None:
    """SERVICE or LOAD inside a string, IRI, comment, variable or prefixed name is not a keyword."""
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * { SERVICESILENT <http://x/> { ?s ?p ?o } }",
        "PREFIX : <http://x/> SELECT * { SERVICE:x { ?s ?p ?o } }",
        # A less-than read as an IRI would open a string there and hide the SERVICE that follows.
        "SELECT * { ?s ?p ?o FILTER(?a<?b&&'>'=\"x\") SERVICE <http://evil/> {} FILTER('y'='y') }",
        # An IRI read as a less-than would make '#' start a comment and hide the SERVICE.
        "SELECT * { ?s ?p (?a <http://x#> ) SERVICE <http://evil/> { } }",
        "SELECT * { { SELECT ?x (?a<?b AS ?c) { ?x ?p '>' } } SERVICE <http://evil/> {} FILTER('>'='') }",
    ],
)
def test_guard_refuses_service(query: str) -> None:
    """SERVICE is refused however it is spelled or hidden: by policy, or as no valid SPARQL ('SERVICESILENT')."""
    with pytest.raises(QueryError):
        check_query(query)


@pytest.mark.parametrize("query", ["CLEAR ALL", "LOAD <http://x/>", "INSERT DATA { <a> <b> <c> }", "DROP GRAPH <g>"])
def test_guard_refuses_updates(query: str) -> None:
    """Update operations are refused with a pointer to /documents."""
    with pytest.raises(RefusedQueryError, match="/documents"):
        check_query(query)


_safe_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="'\\\r\n"), max_size=40)
_keyword = st.sampled_from(["SERVICE", "service", "LOAD", "Service SILENT"])


@given(before=_safe_text, keyword=_keyword, after=_safe_text)
def test_guard_property_strings_never_trip(before: str, keyword: str, after: str) -> None:
    """Whatever a string literal holds, the query stays a plain SELECT."""
    assert check_query(f"SELECT * {{ ?s ?p '{before}{keyword}{after}' }}").form == "SELECT"


@given(keyword=st.sampled_from(["SERVICE", "service", "SeRvIcE"]), silent=st.booleans(), comment=_safe_text)
def test_guard_property_real_service_always_refused(keyword: str, silent: bool, comment: str) -> None:
    """A real SERVICE clause is refused, whatever comes before it in a comment."""
    query = f"SELECT * {{ # {comment}\n {keyword}{' SILENT' if silent else ''} <http://x/> {{ ?s ?p ?o }} }}"
    with pytest.raises(RefusedQueryError):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT * { ?s owl:sameAs? ?o }",
        "SELECT * { ?s (<p>|^<q>)*/<r>+ ?o . ?o !(<a>|^<b>) ?z }",
        "SELECT ?s (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) ORDER BY DESC(?n)",
        "SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 3 } MINUS { ?s <p> 1 } FILTER NOT EXISTS { ?s <q> ?z } }",
        "SELECT * FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } VALUES (?s ?o) { (<a> UNDEF) } BIND(1 < 2 AS ?b) }",
        "CONSTRUCT WHERE { ?s ?p ?o }",
        "DESCRIBE * WHERE { ?s ?p ?o }",
        "BASE <http://x/> ASK { <a> ?p ?o FILTER(?o<3) }",
    ],
)
def test_guard_accepts_sparql_11(query: str) -> None:
    """Valid SPARQL 1.1 is accepted, property paths with '?' included (the old tokenizer refused them)."""
    assert check_query(query).form in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


def test_guard_names_an_undeclared_prefix() -> None:
    with pytest.raises(QueryError, match="prefix 'foaf:' is not declared"):
        check_query("SELECT * { ?s foaf:name ?o }")


def test_guard_bounds_the_query_size() -> None:
    with pytest.raises(QueryError, match="at most 100"):
        check_query("SELECT * { ?s ?p ?o }" + " " * 100, max_chars=100)


def test_guard_unreadable() -> None:
    """An unterminated string or a query with no query form is a QueryError."""
    with pytest.raises(QueryError):
        check_query("SELECT * { ?s ?p 'open }")
    with pytest.raises(QueryError):
        check_query("PREFIX ex: <http://x/>")


# --- CSV / TSV escaping ---

_cell = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20).map(ox.Literal),
    st.sampled_from(["http://example.org/a", "http://example.org/a,b"]).map(ox.NamedNode),
)


@given(rows=st.lists(st.tuples(_cell, _cell), max_size=8))
def test_csv_round_trip(rows: list[tuple[ox.Literal | ox.NamedNode | None, ...]]) -> None:
    """Any values survive CSV: Python's csv module reads back the lexical forms."""
    body = b"".join(write_csv(SelectResult(["a", "b"], rows))).decode()
    parsed = list(csv.reader(io.StringIO(body, newline="")))
    assert parsed[0] == ["a", "b"]
    assert parsed[1:] == [["" if t is None else t.value for t in row] for row in rows]


@given(rows=st.lists(st.tuples(_cell, _cell), min_size=1, max_size=8))
def test_tsv_round_trip(rows: list[tuple[ox.Literal | ox.NamedNode | None, ...]]) -> None:
    """Any values survive TSV: one line per row, one field per variable, each parsing back to its term."""
    lines = b"".join(write_tsv(SelectResult(["a", "b"], rows))).decode().split("\n")
    assert lines[0] == "?a\t?b"
    assert lines[-1] == ""
    for line, row in zip(lines[1:-1], rows, strict=True):
        fields = line.split("\t")
        assert len(fields) == 2
        for field, term in zip(fields, row, strict=True):
            if term is None:
                assert field == ""
            else:
                parsed = next(iter(ox.parse(f"<http://s> <http://p> {field} .", format=ox.RdfFormat.N_TRIPLES)))
                assert parsed.object == term


def test_negotiate_q_zero_refuses() -> None:
    """q=0 rules a type out; an unknown Accept matches nothing."""
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate("application/sparql-results+json;q=0, */*;q=0.1", offers) == "text/csv"
    assert negotiate("image/png", offers) is None


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/*", "text/csv"),
        ("TEXT/CSV", "text/csv"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/sparql-results+xml;q=0.9, text/csv", "text/csv"),
        ("text/*;q=0.9, text/csv;q=0", None),
        ("image/png, */*;q=0", None),
    ],
)
def test_negotiate_quality_and_specificity(accept: str | None, chosen: str | None) -> None:
    """Highest quality wins, a more specific range overrides a wider one, and an absent header accepts anything."""
    offers = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(accept, offers) == chosen
