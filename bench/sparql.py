"""SPARQL endpoint latency next to pyoxigraph in-process and rdflib's SPARQL engine, on the same data and queries.

A synthetic graph of about 1M triples (``--scale`` multiplies it) is written to an on-disk store. The endpoint
runs in its own uvicorn process over that store opened as ``kg serve`` opens it (``open_store(serve=True)``:
with ``KG_QUERY_REPLICA`` on, the default, queries run on an in-memory replica whose default graph is the RDF
merge of the document graphs) and is called with httpx, so its time includes HTTP, the query check and the
transfer. What it is compared with, each given the same queries over the same quads:

* pyoxigraph in-process: ``Store.query`` plus pyoxigraph's JSON serialiser on the very store the endpoint
  queries (the replica, or with ``KG_QUERY_REPLICA=0`` the disk store with pyoxigraph's union flag), so the
  overhead column is what the endpoint adds to the engine it wraps, not a difference of storage;
* rdflib: ``Dataset(default_union=True).query`` plus rdflib's JSON serialiser over the same quads in memory.
  Its union default graph is a set of triples, as the replica's is; every engine's answer is checked to be
  the same rows (in the same order when the query orders them fully) before anything is timed;
* with ``--disk``, pyoxigraph on the on-disk store with its union flag, for reference only: that union
  yields a triple once per graph holding it, so its answers to the join queries differ and are not checked;
* with ``--fuseki``, Apache Jena Fuseki 5 on a TDB2 dataset with the union default graph (started as the tests
  start it: Java and tools/fuseki), loaded with the same quads through :class:`kg.store.remote.RemoteStore` (one
  Graph Store PUT per document), called with httpx as the endpoint is, its answers checked like the others.

All sides build the whole serialised result (bytes), so materialisation is counted alike; rdflib is timed
once per query after a warm-up run (it takes seconds). The queries are an analyst's (joins, OPTIONAL, FILTERs
and aggregates over the whole graph) returning about 1k rows each. Prints medians per query, the endpoint's
overhead over pyoxigraph in-process and its speed-up over rdflib, and the geometric mean of each.

    .venv/bin/python -m bench.sparql --scale 0.3
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).resolve().parents[1]
# Run as a file, Python puts bench/ first on the path, where bench/neo4j.py would shadow the driver.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import build_store  # noqa: E402 - after the path fix above
from kg import vocab  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.store.oxigraph import OxigraphStore  # noqa: E402
from kg.store.remote import RemoteStore  # noqa: E402

# Typical analyst queries: joins, OPTIONAL, FILTERs and aggregates over the whole graph, ~1k rows each. Only
# "people+orgs" can stop early (no ORDER BY): it is the case where serialising the rows is most of the work.
QUERIES = {
    "people+orgs": "SELECT ?p ?label ?org WHERE { ?p a kg:Person ; rdfs:label ?label ; kg:affiliatedWith ?org } "
    "LIMIT 1000",
    "criticisms by date": "SELECT ?c ?criticLabel ?targetLabel ?date WHERE { ?c a kg:Criticism ; kg:critic ?critic ; "
    "kg:target ?target ; kg:date ?date . ?critic rdfs:label ?criticLabel . ?target rdfs:label ?targetLabel } "
    "ORDER BY DESC(?date) ?c LIMIT 1000",
    "facts per org": "SELECT ?org (COUNT(DISTINCT ?f) AS ?facts) WHERE { ?org a kg:Organization . "
    "{ ?f kg:target ?org } UNION { ?f kg:object ?org } } GROUP BY ?org ORDER BY DESC(?facts) ?org LIMIT 1000",
    "most mentioned": "SELECT ?e (SUM(?n) AS ?mentions) (COUNT(?g) AS ?docs) WHERE { "
    "GRAPH ?g { ?e kg:mentionCount ?n } } GROUP BY ?e ORDER BY DESC(?mentions) ?e LIMIT 1000",
    "CEOs (OPTIONAL)": "SELECT ?person ?label ?org ?role WHERE { ?r a kg:RelationAssertion ; kg:subject ?person ; "
    'kg:object ?org . OPTIONAL { ?r kg:role ?role } ?person rdfs:label ?label FILTER(?role = "CEO") } '
    "ORDER BY ?label ?org LIMIT 1000",
    "critics H1 (FILTER)": "SELECT ?critic (COUNT(?c) AS ?n) WHERE { ?c kg:critic ?critic ; kg:date ?d "
    'FILTER(?d >= "2025-01-01"^^xsd:date && ?d < "2025-07-01"^^xsd:date) } GROUP BY ?critic '
    "ORDER BY DESC(?n) ?critic LIMIT 1000",
}
_SERVER = """
import sys, uvicorn
from fastapi import FastAPI
from api import sparql
from api.app import bind_state
from api.errors import install_error_handlers
from kg.settings import Settings
from kg.store import open_store
app = FastAPI()
settings = Settings(store=sys.argv[1])
bind_state(app, settings, open_store(settings, read_only=True, serve=True))  # as kg serve opens it
install_error_handlers(app)
app.include_router(sparql.router)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _median_s(fn: Callable[[], object], runs: int, *, warm: bool = True, budget_s: float = 2.0) -> float:
    """The median time of ``runs`` calls, or of as many as fit in ``budget_s`` (at least three)."""
    if warm:
        fn()  # warm caches and connections
    times: list[float] = []
    while len(times) < runs and (len(times) < 3 or sum(times) < budget_s):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _medians_in_turns(
    first: Callable[[], object], second: Callable[[], object], runs: int, budget_s: float = 4.0
) -> tuple[float, float]:
    """The median times of two functions called in turns, ``runs`` times or as often as fit in ``budget_s``."""
    first(), second()  # warm caches and connections
    times: tuple[list[float], list[float]] = ([], [])
    while len(times[0]) < runs and (len(times[0]) < 3 or sum(times[0]) + sum(times[1]) < budget_s):
        for fn, spent in zip((first, second), times, strict=True):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rdflib_dataset(store: OxigraphStore) -> rdflib.Dataset:
    """The store's quads in an rdflib Dataset whose default graph is the union, as our endpoint queries."""
    dataset = rdflib.Dataset(default_union=True)

    def term(t: object) -> rdflib.term.Node:
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        assert isinstance(t, ox.Literal)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))

    graphs: dict[str, rdflib.Graph] = {}
    for q in store.quads():
        name = q.graph_name.value
        graph = graphs.get(name) or graphs.setdefault(name, dataset.graph(rdflib.URIRef(name)))
        graph.add((term(q.subject), term(q.predicate), term(q.object)))
    return dataset


def _answer(body: bytes) -> list[tuple[tuple[str, str, str], ...]]:
    """The rows of a JSON results document, comparable across engines (literal forms and typing normalised)."""
    rows = []
    for binding in json.loads(body)["results"]["bindings"]:
        cells = []
        for name, cell in binding.items():
            kind = "literal" if cell["type"] in ("literal", "typed-literal") else cell["type"]
            tag = cell.get("xml:lang") or cell.get("datatype") or (_XSD_STRING if kind == "literal" else "")
            cells.append((name, cell["value"], tag))
        rows.append(tuple(sorted(cells)))
    return rows


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _same_answer(name: str, query: str, ours: bytes, theirs: bytes, engine: str) -> None:
    """Fail unless two engines give the same rows: in the same order when the query fully orders them."""
    a, b = _answer(ours), _answer(theirs)
    if "ORDER BY" not in query:  # a LIMIT without ORDER BY may keep any rows: only the count is comparable
        a, b = [len(a)], [len(b)]  # type: ignore[list-item]
    assert a == b, f"{name}: {engine} answers differently from the endpoint"


def _fuseki_query(stack: contextlib.ExitStack, store: OxigraphStore) -> Callable[[str], bytes]:
    """Start Fuseki (TDB2), load the store's quads into it, and return a function running a query there (JSON)."""
    from tests.support.fuseki_server import running_fuseki

    fuseki = stack.enter_context(running_fuseki(store="tdb2"))
    remote = RemoteStore(fuseki.query_url, gsp_url=fuseki.gsp_url, auth=(fuseki.user, fuseki.password))
    stack.callback(remote.close)
    start = time.perf_counter()
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in store.quads():
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    for name, quads in graphs.items():
        remote.put_graph(ox.NamedNode(name), quads)
    print(f"fuseki (TDB2): {remote.count_quads():,} quads loaded in {time.perf_counter() - start:.1f} s")
    client = stack.enter_context(httpx.Client(auth=(fuseki.user, fuseki.password), timeout=600))

    def run(query: str) -> bytes:
        response = client.post(
            fuseki.query_url, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        response.raise_for_status()
        return response.content

    return run


def main() -> None:
    """Build the graph, start the endpoint, time the engines and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the ~1M-triple graph")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rdflib-runs", type=int, default=1)
    parser.add_argument("--disk", action="store_true", help="also time pyoxigraph on disk with its union flag")
    parser.add_argument("--fuseki", action="store_true", help="also time Apache Jena Fuseki (TDB2) on the same quads")
    args = parser.parse_args()
    prefixes = vocab.sparql_prefixes()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        path = Path(tmp) / "store"
        start = time.perf_counter()
        quads = build_store(path, int(3200 * args.scale), pool=int(8000 * args.scale) or 10, facts_per_doc=10)
        print(f"graph: {quads:,} quads written in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        store = open_store(Settings(store=path), read_only=True, serve=True)
        assert isinstance(store, OxigraphStore)
        # The baseline is pyoxigraph itself on the store the endpoint queries, as a caller in this process would.
        raw = store._reader()
        union = raw is store._store  # no replica: the disk store, whose union default graph is pyoxigraph's flag
        kind = "the disk store (union flag)" if union else "the in-memory replica"
        print(f"pyoxigraph: {kind}, opened in {time.perf_counter() - start:.1f} s")
        fuseki = _fuseki_query(stack, store) if args.fuseki else None
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-c", _SERVER, str(path), str(port)], cwd=ROOT)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
                deadline = time.monotonic() + 600
                while True:
                    try:
                        client.get("/sparql", params={"query": "ASK {}"})
                        break
                    except httpx.TransportError:
                        assert server.poll() is None and time.monotonic() < deadline, "the endpoint did not start"
                        time.sleep(0.2)
                # Endpoint and in-process first, before rdflib's large heap is in this process, timed in turns so
                # that the machine's load falls on both alike.
                answers, timings = {}, {}
                for name, body in QUERIES.items():
                    query = prefixes + body

                    def endpoint(q: str = query) -> bytes:
                        response = client.get("/sparql", params={"query": q})
                        response.raise_for_status()
                        return response.content

                    def in_process(q: str = query, on: ox.Store = raw, flag: bool = union) -> bytes:
                        result = on.query(q, use_default_graph_as_union=flag)
                        return result.serialize(format=ox.QueryResultsFormat.JSON)

                    # The same answer from each engine, or the comparison means nothing.
                    answers[name] = endpoint()
                    _same_answer(name, body, answers[name], in_process(), "pyoxigraph in-process")
                    ours, base = _medians_in_turns(endpoint, in_process, args.runs)
                    disk = jena = None
                    if args.disk:
                        disk = _median_s(lambda q=query: in_process(q, store._store, True), 3, budget_s=0)
                    if fuseki is not None:
                        _same_answer(name, body, answers[name], fuseki(query), "fuseki")
                        jena = _median_s(lambda q=query: fuseki(q), args.runs)
                    timings[name] = (ours, base, disk, jena)
                start = time.perf_counter()
                dataset = _rdflib_dataset(store)
                print(f"rdflib: {len(dataset):,} triples loaded in {time.perf_counter() - start:.1f} s\n")
                header = f"{'query':<20} {'rows':>5} {'endpoint ms':>12} {'pyoxigraph ms':>14} {'overhead':>9}"
                print(
                    f"{header} {'rdflib ms':>10} {'speed-up':>9}{'   disk ms' if args.disk else ''}"
                    + (f" {'fuseki ms':>10} {'vs fuseki':>9}" if fuseki else "")
                )
                overheads, speedups, versus_fuseki = [], [], []
                for name, body in QUERIES.items():

                    def with_rdflib(q: str = prefixes + body) -> bytes:
                        return dataset.query(q).serialize(format="json")

                    _same_answer(name, body, answers[name], with_rdflib(), "rdflib")
                    slow = _median_s(with_rdflib, args.rdflib_runs, warm=False, budget_s=0)  # warmed by the check
                    ours, base, disk, jena = timings[name]
                    overheads.append(ours / base)
                    speedups.append(slow / ours)
                    if jena is not None:
                        versus_fuseki.append(jena / ours)
                    print(
                        f"{name:<20} {len(_answer(answers[name])):>5} {ours * 1e3:>12.2f} {base * 1e3:>14.2f}"
                        f" {ours / base:>8.2f}x {slow * 1e3:>10.1f} {slow / ours:>8.1f}x"
                        + (f" {disk * 1e3:>9.1f}" if disk is not None else "")
                        + (f" {jena * 1e3:>10.2f} {jena / ours:>8.2f}x" if jena is not None else ""),
                        flush=True,
                    )
                print(
                    f"{'geometric mean':<20} {'':>5} {'':>12} {'':>14} {statistics.geometric_mean(overheads):>8.2f}x"
                    f" {'':>10} {statistics.geometric_mean(speedups):>8.1f}x"
                    + (f" {'':>9}" if args.disk else "")
                    + (f" {'':>10} {statistics.geometric_mean(versus_fuseki):>8.2f}x" if versus_fuseki else "")
                )
        finally:
            server.terminate()
            server.wait(10)
            store.close()


if __name__ == "__main__":
    main()
