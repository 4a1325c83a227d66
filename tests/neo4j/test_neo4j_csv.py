"""``kg export --format neo4j-csv``: neo4j-admin import files with typed headers and the synced graph's rows."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from kg.cli import main
from kg.export.neo4j_csv import ARRAY_DELIMITER
from kg.model import Document
from kg.store.oxigraph import OxigraphStore
from tests.neo4j.checks import put
from tests.support.same_story import load


def _tables(archive: zipfile.ZipFile) -> dict[str, list[dict[str, str]]]:
    return {
        name: list(csv.DictReader(io.StringIO(archive.read(name).decode())))
        for name in archive.namelist()
        if name.endswith(".csv")
    }


def test_neo4j_csv_export(tmp_path: Path, sample_document: Document, second_document: Document) -> None:
    store = OxigraphStore(tmp_path / "store")
    put(store, sample_document, second_document)
    store.close()
    out = tmp_path / "graph.zip"

    assert main(["export", "--format", "neo4j-csv", "--store", str(tmp_path / "store"), "-o", str(out)]) == 0

    with zipfile.ZipFile(out) as archive:
        tables = _tables(archive)
        script = archive.read("import.sh").decode()
    assert "--array-delimiter=U+001F" in script and "--nodes=nodes_Person.csv" in script
    people = tables["nodes_Person.csv"]
    assert list(people[0])[:2] == ["id:ID", ":LABEL"]
    assert {"label", "aliases:string[]", "documents:string[]"} <= set(people[0])
    [jane] = people
    assert jane[":LABEL"] == "Entity;Person" and jane["aliases:string[]"].split(ARRAY_DELIMITER) == ["Doe", "J. Doe"]
    both = sorted([sample_document.meta.id, second_document.meta.id])
    assert sorted(jane["documents:string[]"].split(ARRAY_DELIMITER)) == both

    [ceo] = tables["rels_AFFILIATED_WITH.csv"]
    assert [ceo[":START_ID"], ceo[":END_ID"], ceo[":TYPE"], ceo["role"]] == [
        "per-jane-doe",
        "org-acme-ai",
        "AFFILIATED_WITH",
        "CEO",
    ]
    assert len(ceo["evidence_starts:long[]"].split(ARRAY_DELIMITER)) == 2
    crits = tables["rels_CRITICISED.csv"]
    assert len(crits) == 3 and {"start:long", "end:long", "date", "date_inferred:boolean"} <= set(crits[0])
    assert tables["rels_SAME_AS.csv"] == [{":START_ID": "org-acme", ":END_ID": "org-acme-ai", ":TYPE": "SAME_AS"}]
    [event] = tables["nodes_FundingRound.csv"]
    assert event[":LABEL"] == "Event;FundingRound" and float(event["amount:double"]) == 2e9
    # Every relationship end is a node id of some file: neo4j-admin would find both ends.
    ids = {row["id:ID"] for name, rows in tables.items() if name.startswith("nodes_") for row in rows}
    ends = {
        row[k]
        for name, rows in tables.items()
        if name.startswith("rels_")
        for row in rows
        for k in (":START_ID", ":END_ID")
    }
    assert ends <= ids


def test_merged_facts_name_their_cluster(tmp_path: Path) -> None:
    """A round and a criticism two outlets report: SAME_EVENT between the rounds, ``cluster`` on every member."""
    store = OxigraphStore(tmp_path / "store")
    load(store, "funding_a", "funding_b", "criticism_a", "criticism_b")
    store.close()
    out = tmp_path / "graph.zip"
    assert main(["export", "--format", "neo4j-csv", "--store", str(tmp_path / "store"), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        tables = _tables(archive)
    [link] = tables["rels_SAME_EVENT.csv"]
    rounds = tables["nodes_FundingRound.csv"]
    assert sorted(r["id:ID"] for r in rounds) == sorted([link[":START_ID"], link[":END_ID"]])
    assert {r["cluster"] for r in rounds} == {link[":END_ID"]}
    clusters = [c["cluster"] for c in tables["rels_CRITICISED.csv"] if c["cluster"]]
    assert len(clusters) == 2 and len(set(clusters)) == 1


def test_a_merged_claim_names_its_cluster(tmp_path: Path) -> None:
    """A claim two outlets state in other words: SAME_CLAIM from one to the other, ``cluster`` on both."""
    store = OxigraphStore(tmp_path / "store")
    load(store, "claim_a", "claim_b", "claim_other")
    store.close()
    out = tmp_path / "graph.zip"
    assert main(["export", "--format", "neo4j-csv", "--store", str(tmp_path / "store"), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        tables = _tables(archive)
    [link] = tables["rels_SAME_CLAIM.csv"]
    clustered = sorted(r["id:ID"] for r in tables["nodes_Claim.csv"] if r["cluster"])
    assert clustered == sorted([link[":START_ID"], link[":END_ID"]])
    assert {r["cluster"] for r in tables["nodes_Claim.csv"]} == {link[":END_ID"], ""}
