"""SPARQL endpoint latency next to pyoxigraph in-process and rdflib's SPARQL engine, on the same data and queries.

A synthetic graph of about 1M triples (``--scale`` multiplies it) is written to an on-disk store; the
endpoint runs in its own uvicorn process and is called with httpx; the in-process baseline is pyoxigraph's
``Store.query`` plus its own JSON serialiser on the same store; rdflib runs the same queries on the same quads.
The queries are an analyst's (joins, OPTIONAL, FILTERs and aggregates over the whole graph) returning about
1k rows each. Prints medians per query, the endpoint's overhead over pyoxigraph in-process and its speed-up
over rdflib, and the geometric mean of each.
"""

from __future__ import annotations

import argparse
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

from bench.synthetic import build_store
from kg import vocab
from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
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
from api.errors import install_error_handlers
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
app = FastAPI()
app.state.settings = Settings()
app.state.store = OxigraphStore(__import__("pathlib").Path(sys.argv[1]), read_only=True)
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


def main() -> None:
    """Build the graph, start the endpoint, time the three engines and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the ~1M-triple graph")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rdflib-runs", type=int, default=1)
    args = parser.parse_args()
    prefixes = vocab.sparql_prefixes()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        start = time.perf_counter()
        quads = build_store(path, int(3200 * args.scale), pool=int(8000 * args.scale) or 10, facts_per_doc=10)
        print(f"graph: {quads:,} quads written in {time.perf_counter() - start:.1f} s")
        store = OxigraphStore(path, read_only=True)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-c", _SERVER, str(path), str(port)], cwd=ROOT)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                deadline = time.monotonic() + 30
                while True:
                    try:
                        client.get("/sparql", params={"query": "ASK {}"})
                        break
                    except httpx.TransportError:
                        assert time.monotonic() < deadline, "the endpoint did not start"
                        time.sleep(0.2)
                start = time.perf_counter()
                dataset = _rdflib_dataset(store)
                print(f"rdflib: {len(dataset):,} triples loaded in {time.perf_counter() - start:.1f} s\n")
                header = f"{'query':<20} {'rows':>5} {'endpoint ms':>12} {'pyoxigraph ms':>14} {'overhead':>9}"
                print(f"{header} {'rdflib ms':>10} {'speed-up':>9}")
                raw = store._store  # the baseline is pyoxigraph itself, as a caller in this process would use it
                overheads, speedups = [], []
                for name, body in QUERIES.items():
                    query = prefixes + body
                    rows = len(client.get("/sparql", params={"query": query}).json()["results"]["bindings"])

                    def endpoint(q: str = query) -> bytes:
                        response = client.get("/sparql", params={"query": q})
                        response.raise_for_status()
                        return response.content

                    def in_process(q: str = query) -> bytes:
                        result = raw.query(q, use_default_graph_as_union=True)
                        return result.serialize(format=ox.QueryResultsFormat.JSON)

                    def with_rdflib(q: str = query) -> bytes:
                        return dataset.query(q).serialize(format="json")

                    # The same answer from each engine, or the comparison means nothing.
                    rdflib_rows = len(json.loads(with_rdflib())["results"]["bindings"])
                    assert rdflib_rows == rows, f"{name}: rdflib returns {rdflib_rows} rows, the endpoint {rows}"
                    ours, base = _median_s(endpoint, args.runs), _median_s(in_process, args.runs)
                    slow = _median_s(with_rdflib, args.rdflib_runs, warm=False, budget_s=0)  # warmed by the row check
                    overheads.append(ours / base)
                    speedups.append(slow / ours)
                    print(
                        f"{name:<20} {rows:>5} {ours * 1e3:>12.2f} {base * 1e3:>14.2f} {ours / base:>8.2f}x"
                        f" {slow * 1e3:>10.1f} {slow / ours:>8.1f}x",
                        flush=True,
                    )
                print(
                    f"{'geometric mean':<20} {'':>5} {'':>12} {'':>14} {statistics.geometric_mean(overheads):>8.2f}x"
                    f" {'':>10} {statistics.geometric_mean(speedups):>8.1f}x"
                )
        finally:
            server.terminate()
            server.wait(10)
            store.close()


if __name__ == "__main__":
    main()
