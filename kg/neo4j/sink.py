"""The Neo4j sync target: pushes documents from the embedded store to Neo4j, and removes them.

The embedded RDF store stays the source of truth; Neo4j is a copy kept in step with it, one
transaction per batch of documents. A document already in Neo4j with the same graph digest is
skipped, one whose graph changed is removed and rewritten, so syncing is idempotent and re-running
it after a failure finishes the job.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import neo4j
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from kg import vocab
from kg.claim_clusters import SAME_CLAIM
from kg.clusters import SAME_CRITICISM, SAME_EVENT
from kg.errors import BackendError, ConfigError, InputError
from kg.neo4j import cypher
from kg.neo4j.rows import BatchRows, add_document, graph_digest
from kg.settings import Settings
from kg.store.base import GraphStore, SelectResult

BATCH_DOCUMENTS = 200  # documents per transaction: large enough to amortise round trips, small enough for memory
_DOC_PREFIX = vocab.document_iri("").value
# What the sync speaks: Bolt, directly or with routing (the driver's http(s) Query API has no transactions to batch).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def bolt_uri(uri: str) -> str:
    """``uri`` when it is a Bolt URI; ConfigError saying which to use otherwise (Browser's http://HOST:7474 ...)."""
    if any(c.isspace() or not c.isprintable() for c in uri):  # the driver fails on them with an IndexError
        raise ConfigError(f"Neo4j URI {uri!r} contains spaces or control characters; use bolt://HOST:7687")
    try:
        parts = urlsplit(uri if "://" in uri else f"//{uri}")
        host = parts.hostname or "HOST"
    except ValueError as exc:  # an unclosed IPv6 bracket
        raise ConfigError(f"Neo4j URI {uri!r} is malformed ({exc}); use bolt://HOST:7687") from exc
    if parts.scheme.lower() in BOLT_SCHEMES:
        return uri
    what = "is an HTTP address (Neo4j Browser's?)" if parts.scheme.lower() in ("http", "https") else "is not a Bolt URI"
    host = f"[{host}]" if ":" in host else host
    raise ConfigError(
        f"Neo4j URI {uri} {what}: use bolt://{host}:7687 (or neo4j://{host}:7687) with --neo4j or KG_NEO4J_URI"
    )


def document_ids(store: GraphStore) -> list[str]:
    """Ids of every document in the store, sorted so that syncs run in a stable order."""
    return sorted(g.value[len(_DOC_PREFIX) :] for g in store.graphs() if g.value.startswith(_DOC_PREFIX))


def entity_names(store: GraphStore, entity_ids: set[str]) -> dict[str, tuple[str, list[str]]]:
    """Label and aliases of entities across the whole store, chosen as the REST API chooses them."""
    if not entity_ids:
        return {}
    values = " ".join(str(vocab.resource(i)) for i in sorted(entity_ids))
    result = store.query(
        vocab.sparql_prefixes()
        + f"""SELECT ?e ?name ?kind (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?e {{ {values} }}
            {{ GRAPH ?g {{ ?e rdfs:label ?name }} BIND("label" AS ?kind) }}
            UNION {{ GRAPH ?g {{ ?e kg:alias ?name }} BIND("alias" AS ?kind) }}
        }} GROUP BY ?e ?name ?kind"""
    )
    assert isinstance(result, SelectResult)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, name, kind, n in result.rows:
        key = vocab.local_id(e.value)
        if kind.value == "label":
            labels[key][name.value] += int(n.value)
        aliases[key].add(name.value)
    names: dict[str, tuple[str, list[str]]] = {}
    for key, counts in labels.items():
        # Most documents first; ties go to the longer, then the alphabetically first, so any order gives one label.
        label = min(counts, key=lambda text: (-counts[text], -len(text), text))
        names[key] = (label, sorted(a for a in aliases[key] if a.casefold() != label.casefold()))
    return names


class Neo4jSink:
    """A connection to one Neo4j database that documents are synced to."""

    def __init__(self, settings: Settings) -> None:
        if not settings.neo4j_uri:
            raise InputError("no Neo4j URI: pass --neo4j bolt://HOST:7687 or set KG_NEO4J_URI")
        self.uri = bolt_uri(settings.neo4j_uri)
        self.database = settings.neo4j_database
        self.user = settings.neo4j_user
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        auth = (self.user, password) if password is not None else None
        with self._errors():
            # Notifications ("property key does not exist" on a fresh database) are noise for a sync job.
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=auth, notifications_min_severity="OFF")

    def close(self) -> None:
        """Close the driver's connections."""
        self.driver.close()

    def __enter__(self) -> Neo4jSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn the driver's errors into BackendError naming the URI, the database and the fix."""
        where = f"Neo4j at {self.uri} (database {self.database!r})"
        try:
            yield
        except AuthError as exc:
            raise BackendError(
                f"{where} refused user {self.user!r}: wrong user or password; set KG_NEO4J_USER and KG_NEO4J_PASSWORD"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            reason = " ".join(str(exc).split())  # the driver's message spans lines
            raise BackendError(f"cannot reach {where}: {reason}; start Neo4j or fix --neo4j / KG_NEO4J_URI") from exc
        except ClientError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise BackendError(
                    f"{where}: no such database; create it or set KG_NEO4J_DATABASE (default 'neo4j')"
                ) from exc
            raise BackendError(f"{where} refused a statement: {exc.message}") from exc
        except (Neo4jError, DriverError, ValueError) as exc:  # ValueError: a malformed URI
            raise BackendError(f"{where} failed: {' '.join(str(exc).split())}") from exc

    def _run(self, work: Any, *args: Any) -> Any:
        """Run ``work(tx, *args)`` in one write transaction (retried by the driver on transient errors)."""
        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(work, *args)

    def check(self) -> None:
        """Fail now, with a clear BackendError, if Neo4j is down, refuses us or lacks the database."""
        with self._errors():
            self.driver.verify_connectivity()
            with self.driver.session(database=self.database) as session:
                session.run("RETURN 1").consume()

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints on ids (idempotent: IF NOT EXISTS)."""
        for statement in cypher.CONSTRAINTS:
            self._run(lambda tx, s: tx.run(s).consume(), statement)

    def document_ids(self) -> list[str]:
        """Ids of the documents in Neo4j."""
        return self._run(lambda tx: [r["id"] for r in tx.run(cypher.ALL_DOCUMENTS)])

    def sync(self, store: GraphStore, doc_ids: Sequence[str], *, force: bool = False) -> tuple[int, int, int]:
        """Write documents from the store; returns (documents written, nodes, relationships) sent."""
        written = nodes = rels = 0
        for start in range(0, len(doc_ids), BATCH_DOCUMENTS):
            batch_ids = list(doc_ids[start : start + BATCH_DOCUMENTS])
            quads = {d: list(store.quads(vocab.document_iri(d))) for d in batch_ids}
            quads = {d: q for d, q in quads.items() if q}
            digests = {d: graph_digest(q) for d, q in quads.items()}
            stored = dict(self._run(_digests, list(quads)))
            todo = [d for d in quads if force or stored.get(d) != digests[d]]
            if not todo:
                continue
            # A document whose graph changed may have lost facts: take its old support away first.
            stale = [d for d in todo if d in stored and stored[d] != digests[d]]
            batch = BatchRows()
            for doc_id in todo:
                add_document(batch, doc_id, quads[doc_id], digests[doc_id])
            names = entity_names(store, batch.entity_ids())
            for (base, _), rows in batch.nodes.items():
                if base == "Entity":
                    for row in rows:
                        row["label"], row["aliases"] = names.get(row["id"], (row["id"], []))
            self._run(_write_batch, stale, batch)
            batch_nodes, batch_rels = batch.counts()
            written, nodes, rels = written + len(todo), nodes + batch_nodes, rels + batch_rels
        return written, nodes, rels

    def remove(self, doc_ids: Sequence[str], store: GraphStore | None = None) -> None:
        """Remove documents and every node and relationship that only they support.

        With ``store`` (from which the documents are already gone), the names of the entities they
        mentioned are recomputed from it, so a label or alias only they gave disappears too.
        """
        for start in range(0, len(doc_ids), BATCH_DOCUMENTS):
            batch = list(doc_ids[start : start + BATCH_DOCUMENTS])
            touched = self._run(_remove, batch)
            if store is not None:
                names = entity_names(store, set(touched))
                rows = [{"id": key, "label": label, "aliases": aliases} for key, (label, aliases) in names.items()]
                self._run(lambda tx, r: tx.run(cypher.RENAME_ENTITIES, rows=r).consume(), rows)

    def sync_same_as(self, store: GraphStore) -> int:
        """Make SAME_AS, SAME_EVENT, SAME_CLAIM and ``cluster`` equal the store's resolution links; returns the
        owl:sameAs ones."""
        links: dict[str, list[list[str]]] = defaultdict(list)
        for q in store.quads(vocab.RESOLUTION_GRAPH):
            links[q.predicate.value].append([vocab.local_id(q.subject.value), vocab.local_id(q.object.value)])
        pairs = sorted(links[vocab.OWL_SAME_AS.value])
        events, claims = sorted(links[SAME_EVENT.value]), sorted(links[SAME_CLAIM.value])
        merged = sorted(events + claims + links[SAME_CRITICISM.value])
        # The representative is in its own cluster too: so every member of a cluster has a ``cluster``.
        clustered = sorted({tuple(p) for p in merged} | {(rep, rep) for _, rep in merged})

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(cypher.SAME_AS_PRUNE, pairs=pairs).consume()
            tx.run(cypher.SAME_AS_MERGE, pairs=pairs).consume()
            tx.run(cypher.SAME_EVENT_PRUNE, pairs=events).consume()
            tx.run(cypher.SAME_EVENT_MERGE, pairs=events).consume()
            tx.run(cypher.SAME_CLAIM_PRUNE, pairs=claims).consume()
            tx.run(cypher.SAME_CLAIM_MERGE, pairs=claims).consume()
            for statement in cypher.CLUSTER_CLEAR:
                tx.run(statement, members=[member for member, _ in clustered]).consume()
            for statement in cypher.CLUSTER_SET:
                tx.run(statement, pairs=[list(p) for p in clustered]).consume()

        self._run(work)
        return len(pairs)


def _digests(tx: neo4j.ManagedTransaction, doc_ids: list[str]) -> list[tuple[str, str | None]]:
    return [(r["id"], r["digest"]) for r in tx.run(cypher.DIGESTS, docs=doc_ids)]


def _remove(tx: neo4j.ManagedTransaction, doc_ids: list[str]) -> list[str]:
    """Remove documents' support; returns the ids of the entities they mentioned."""
    touched = [r["id"] for r in tx.run(cypher.MENTIONED_ENTITIES, docs=doc_ids)]
    for statement in cypher.REMOVE_DOCUMENTS:
        tx.run(statement, docs=doc_ids).consume()
    return touched


def _write_batch(tx: neo4j.ManagedTransaction, stale: list[str], batch: BatchRows) -> None:
    """One batch in one transaction: nodes before the relationships that MATCH them."""
    if stale:
        _remove(tx, stale)
    tx.run(cypher.DOCUMENTS, rows=batch.documents).consume()
    for key, rows in sorted(batch.nodes.items()):
        tx.run(cypher.NODES[key], rows=rows).consume()
    for key, rows in sorted(batch.edges.items()):
        tx.run(cypher.EDGES[key], rows=rows).consume()


def check_neo4j(settings: Settings) -> None:
    """Raise BackendError (naming the URI) unless the configured Neo4j answers; writes nothing."""
    with Neo4jSink(settings) as sink:
        sink.check()


def sync_documents(store: GraphStore, settings: Settings, doc_ids: Sequence[str] | None, *, force: bool = False) -> int:
    """Sync documents (all of the store when None) to Neo4j; returns how many were written.

    A full sync also removes from Neo4j the documents no longer in the store. SAME_AS relationships
    are refreshed from the store's resolution graph every time.
    """
    with Neo4jSink(settings) as sink:
        sink.check()
        sink.ensure_schema()
        ids = document_ids(store) if doc_ids is None else list(doc_ids)
        if doc_ids is None:
            sink.remove(sorted(set(sink.document_ids()) - set(ids)), store)
        written, _, _ = sink.sync(store, ids, force=force)
        sink.sync_same_as(store)
        return written


def remove_documents(store: GraphStore, settings: Settings, doc_ids: Sequence[str]) -> None:
    """Remove documents from Neo4j (after removing them from the store) and refresh SAME_AS from the store."""
    with Neo4jSink(settings) as sink:
        sink.check()
        sink.remove(list(doc_ids), store)
        sink.sync_same_as(store)
