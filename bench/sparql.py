"""SPARQL endpoint latency next to pyoxigraph in-process and rdflib's SPARQL engine, on the same data and queries.

A synthetic graph of about 1M triples (``--scale`` multiplies it) is written to an on-disk store; the
endpoint runs in its own uvicorn process and is called with httpx; the in-process baseline is pyoxigraph's
``Store.query`` plus its own JSON serialiser on the same store; rdflib runs the same queries on the same quads.
Each query returns about 1k rows. Prints medians per query and the overhead ratio / speed-up.
"""

from __future__ import annotations

import argparse
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
QUERIES = {
    "people+orgs": "SELECT ?p ?label ?org WHERE { ?p a kg:Person ; rdfs:label ?label ; kg:affiliatedWith ?org } "
    "LIMIT 1000",
    "criticisms": "SELECT ?c ?critic ?target ?date WHERE { ?c a kg:Criticism ; kg:critic ?critic ; "
    "kg:target ?target ; kg:date ?date } LIMIT 1000",
    "org degree": "SELECT ?org (COUNT(*) AS ?n) WHERE { ?p kg:affiliatedWith ?org } GROUP BY ?org "
    "ORDER BY DESC(?n) ?org LIMIT 1000",
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


def _median_s(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches and connections
    times = []
    for _ in range(runs):
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
    parser.add_argument("--rdflib-runs", type=int, default=2)
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
                header = f"{'query':<12} {'rows':>5} {'endpoint ms':>12} {'pyoxigraph ms':>14} {'overhead':>9}"
                print(f"{header} {'rdflib ms':>10} {'speed-up':>9}")
                raw = store._store  # the baseline is pyoxigraph itself, as a caller in this process would use it
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

                    ours, base = _median_s(endpoint, args.runs), _median_s(in_process, args.runs)
                    slow = _median_s(with_rdflib, args.rdflib_runs)
                    print(
                        f"{name:<12} {rows:>5} {ours * 1e3:>12.2f} {base * 1e3:>14.2f} {ours / base:>8.2f}x"
                        f" {slow * 1e3:>10.1f} {slow / ours:>8.1f}x"
                    )
        finally:
            server.terminate()
            server.wait(10)
            store.close()


if __name__ == "__main__":
    main()
