#!/usr/bin/env python3
"""Neo4j sync speed: nodes and relationships written per second, batched UNWIND against one statement per fact.

Both writers run the same MERGE statements from kg.neo4j.cypher over the same rows, in the same run,
against the same real Neo4j (tools/neo4j): the batched sync sends a batch of documents per transaction
and one UNWIND per statement; the naive writer sends each row as its own auto-commit statement. The
naive writer is slow, so it runs on the first ``--naive-docs`` documents only; rates are per second.

Usage: .venv/bin/python bench/neo4j.py [--scale 1.0] [--naive-docs 300]   (scale 1.0 = 10,000 documents)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder comes first on sys.path and its name would hide the neo4j driver.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from bench.synthetic import documents  # noqa: E402
from kg import vocab  # noqa: E402
from kg.neo4j import Neo4jSink, cypher  # noqa: E402
from kg.neo4j.rows import BatchRows, add_document, graph_digest  # noqa: E402
from kg.neo4j.sink import entity_names  # noqa: E402
from kg.rdf import document_quads  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store.oxigraph import OxigraphStore  # noqa: E402
from tests.support.neo4j_server import running_neo4j  # noqa: E402


def graph_size(driver: neo4j.Driver) -> tuple[int, int]:
    """Nodes and relationships in the database."""
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
    return nodes, rels


def naive_write(driver: neo4j.Driver, store: OxigraphStore, doc_ids: list[str]) -> None:
    """One statement (and one auto-commit transaction) per fact: the writer batching is measured against."""
    with driver.session() as session:
        for doc_id in doc_ids:
            quads = list(store.quads(vocab.document_iri(doc_id)))
            batch = BatchRows()
            add_document(batch, doc_id, quads, graph_digest(quads))
            names = entity_names(store, batch.entity_ids())
            for (base, _), rows in batch.nodes.items():
                for row in rows if base == "Entity" else ():
                    row["label"], row["aliases"] = names[row["id"]]
            statements = [(cypher.DOCUMENTS, r) for r in batch.documents]
            statements += [(cypher.NODES[key], r) for key, rows in sorted(batch.nodes.items()) for r in rows]
            statements += [(cypher.EDGES[key], r) for key, rows in sorted(batch.edges.items()) for r in rows]
            for statement, row in statements:
                session.run(statement, rows=[row]).consume()


def main() -> int:
    """Run both writers and print their rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 10,000 documents")
    parser.add_argument("--naive-docs", type=int, default=300, help="documents the one-statement-per-fact writer gets")
    args = parser.parse_args()
    count = max(1, int(10_000 * args.scale))

    started = time.perf_counter()
    store = OxigraphStore(None)
    for doc in documents(count, pool=max(50, count // 4), facts_per_doc=4):
        store.put_graph(vocab.document_iri(doc.meta.id), document_quads(doc))
    doc_ids = sorted(g.value.removeprefix(vocab.document_iri("").value) for g in store.graphs())
    print(f"store: {len(doc_ids)} documents, {store.count_quads()} quads ({time.perf_counter() - started:.1f} s)")

    # Each writer gets a fresh server with the same constraints: emptying a big graph would take longer than the bench.
    with running_neo4j(timeout_s=300) as uri, neo4j.GraphDatabase.driver(uri) as driver:
        with Neo4jSink(Settings(neo4j_uri=uri)) as sink:
            sink.ensure_schema()
            t0 = time.perf_counter()
            sink.sync(store, doc_ids)
            batched_s = time.perf_counter() - t0
        nodes, rels = graph_size(driver)
    print(
        f"batched UNWIND: {len(doc_ids)} docs, {nodes} nodes, {rels} relationships in {batched_s:.1f} s: "
        f"{nodes / batched_s:,.0f} nodes/s, {rels / batched_s:,.0f} relationships/s, "
        f"{len(doc_ids) / batched_s:,.0f} docs/s"
    )

    subset = doc_ids[: args.naive_docs]
    with running_neo4j(timeout_s=300) as uri, neo4j.GraphDatabase.driver(uri) as driver:
        with Neo4jSink(Settings(neo4j_uri=uri)) as sink:
            sink.ensure_schema()
        t0 = time.perf_counter()
        naive_write(driver, store, subset)
        naive_s = time.perf_counter() - t0
        n_nodes, n_rels = graph_size(driver)
    print(
        f"one statement per fact: {len(subset)} docs, {n_nodes} nodes, {n_rels} relationships in {naive_s:.1f} s: "
        f"{n_nodes / naive_s:,.0f} nodes/s, {n_rels / naive_s:,.0f} relationships/s, "
        f"{len(subset) / naive_s:,.0f} docs/s"
    )
    print(f"speed-up of batching (relationships/s): {(rels / batched_s) / (n_rels / naive_s):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
