"""Neo4j as a sync target of the embedded store: same ids, same provenance, written with UNWIND ... MERGE."""

from __future__ import annotations

from kg.neo4j.sink import Neo4jSink, check_neo4j, remove_documents, sync_documents

__all__ = ["Neo4jSink", "check_neo4j", "remove_documents", "sync_documents"]
