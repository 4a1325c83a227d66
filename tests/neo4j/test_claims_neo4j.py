"""Claims in a real Neo4j: one Claim node per claim however many documents report it, CLAIMED and ABOUT, as /claims."""

from __future__ import annotations

import neo4j
import pytest

from kg import ids, queries
from kg.neo4j import remove_documents, sync_documents
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import remove_document
from tests.neo4j.checks import cypher, neo4j_counts, rdf_counts
from tests.support import claim_corpus as corpus

pytestmark = pytest.mark.neo4j

_CLAIMS = """
MATCH (who:Entity)-[:CLAIMED]->(c:Claim)
OPTIONAL MATCH (c)-[:ABOUT]->(a)
RETURN c.id AS id, who.id AS claimant, c.text AS text, c.documents AS documents,
       c.evidence_documents AS evidence, collect(a.id) AS about
"""


def test_claims_reach_neo4j_as_the_rest_api_lists_them(neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    store = OxigraphStore(None)
    docs = corpus.load_claims(store)
    sync_documents(store, neo4j_settings, None)

    rows = {r["id"]: r for r in cypher(driver, _CLAIMS)}
    listed = queries.list_claims(store, claimant=None, about=None, limit=100, offset=0).items
    assert set(rows) == {c.id for c in listed}
    for claim in listed:
        row = rows[claim.id]
        assert (row["claimant"], sorted(row["about"])) == (claim.claimant.id, [a.id for a in claim.about])
        assert sorted(row["documents"]) == sorted({s.document for s in claim.sources})
    (users,) = [r for r in rows.values() if ids.statement_key(r["text"]) == ids.statement_key(corpus.USERS)]
    assert sorted(users["documents"]) == sorted(users["evidence"]) == sorted(d.meta.id for d in docs)
    assert neo4j_counts(driver) == rdf_counts(store)

    # Removing one report keeps the claim, with the other documents' support only.
    gone = docs[0].meta.id
    remove_document(store, gone)
    remove_documents(store, neo4j_settings, [gone])
    [after] = cypher(driver, "MATCH (c:Claim {id: $id}) RETURN c.documents AS documents", id=users["id"])
    assert sorted(after["documents"]) == sorted(d.meta.id for d in docs[1:])
    assert neo4j_counts(driver) == rdf_counts(store)
