"""`kg load --neo4j`, `kg remove --neo4j` and `kg sync-neo4j` against a real Neo4j."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from kg.cli import main
from kg.ids import document_id
from kg.settings import Settings

pytestmark = pytest.mark.neo4j

ARTICLE = "OpenAI CEO Sam Altman criticised Acme Corp on Tuesday, calling its new model hype."


def documents_in_neo4j(driver: neo4j.Driver) -> set[str]:
    """The ids of the Document nodes in Neo4j."""
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.id AS id")
    return {r["id"] for r in records}


def test_load_remove_and_sync_keep_neo4j_in_step(
    tmp_path: Path, neo4j_settings: Settings, driver: neo4j.Driver
) -> None:
    uri, store = neo4j_settings.neo4j_uri or "", str(tmp_path / "store")
    (tmp_path / "a.txt").write_text(ARTICLE)
    doc = document_id(ARTICLE)

    assert main(["load", str(tmp_path / "a.txt"), "--store", store, "--neo4j", uri, "--quiet"]) == 0
    assert documents_in_neo4j(driver) == {doc}
    criticised, _, _ = driver.execute_query("MATCH (:Person {label: 'Sam Altman'})-[c:CRITICISED]->() RETURN c")
    assert criticised, "the criticism reached Neo4j"

    assert main(["remove", doc, "--store", store, "--neo4j", uri]) == 0
    assert documents_in_neo4j(driver) == set()
    orphans, _, _ = driver.execute_query("MATCH ()-[r:CRITICISED]->() RETURN count(r) AS n")
    assert orphans[0]["n"] == 0

    assert main(["load", str(tmp_path / "a.txt"), "--store", store, "--quiet"]) == 0
    assert documents_in_neo4j(driver) == set()
    assert main(["sync-neo4j", "--store", store, "--neo4j", uri]) == 0
    assert documents_in_neo4j(driver) == {doc}
