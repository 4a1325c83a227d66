"""Counts that describe a store: documents, entities by type, facts, triples."""

from __future__ import annotations

from kg import vocab
from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.store.base import GraphStore, SelectResult

_COUNTED = (*ENTITY_TYPES, *EVENT_TYPES, "Criticism", "Claim", "RelationAssertion", "Document")


def graph_stats(store: GraphStore) -> dict[str, int | str]:
    """Documents, entities by type, facts by kind and triples in the store."""
    values = " ".join(f"kg:{name}" for name in _COUNTED)
    result = store.query(
        vocab.sparql_prefixes()
        + f"SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?type {{ {values} }} ?s a ?type }} GROUP BY ?type"
    )
    assert isinstance(result, SelectResult)
    counts = {row[0].value.removeprefix(vocab.ONTOLOGY): int(row[1].value) for row in result.rows}
    stats: dict[str, int | str] = {"store": store.description, "documents": counts.get("Document", 0)}
    stats.update({f"entities.{t}": counts.get(t, 0) for t in ENTITY_TYPES})
    stats.update({f"events.{t}": counts.get(t, 0) for t in EVENT_TYPES})
    stats["criticisms"] = counts.get("Criticism", 0)
    stats["claims"] = counts.get("Claim", 0)
    stats["relations"] = counts.get("RelationAssertion", 0)
    stats["triples"] = store.count_quads()
    return stats
