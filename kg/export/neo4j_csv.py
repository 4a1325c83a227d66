"""``neo4j-csv``: the graph as CSV files for ``neo4j-admin database import full``, in one zip archive.

The archive holds one node file per label (``nodes_Person.csv`` ...), one relationship file per type
(``rels_CRITICISED.csv`` ...) and ``import.sh`` with the exact command. Nodes and relationships are
the ones :mod:`kg.neo4j` writes (same rows, same merge of support across documents), so a bulk import
gives the graph a sync would. Lists use U+001F as array delimiter, a character the text never keeps.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from typing import Any, BinaryIO

from kg import vocab
from kg.claim_clusters import SAME_CLAIM
from kg.clusters import SAME_CRITICISM, SAME_EVENT
from kg.neo4j.rows import BatchRows, Row, add_document, graph_digest
from kg.neo4j.sink import document_ids, entity_names
from kg.store.base import GraphStore

ARRAY_DELIMITER = "\x1f"
_EVIDENCE = ("evidence_documents", "evidence_starts", "evidence_ends", "evidence_sentences", "evidence_rules")


def _merge(target: Row, row: Row) -> None:
    """Add one document's support to a node or relationship, as the sync's MERGE does."""
    target.update(row.get("props", {}))
    documents = target.setdefault("documents", [])
    if row["doc"] in documents:
        return
    documents.append(row["doc"])
    if "evidence" in row:
        spans = row["evidence"]
        for prop, values in zip(
            _EVIDENCE,
            (
                [row["doc"]] * len(spans),
                [s["start"] for s in spans],
                [s["end"] for s in spans],
                [s["sentence"] for s in spans],
                [s["rule"] for s in spans],
            ),
            strict=True,
        ):
            target.setdefault(prop, []).extend(values)
        if target["evidence_rules"]:  # the rule of the first span stands for the fact, as in the sync
            target["rule"] = target["evidence_rules"][0]


def _header(key: str, sample: Any) -> str:
    """A typed column header for neo4j-admin (strings need no type)."""
    kinds = {bool: "boolean", int: "long", float: "double"}
    if isinstance(sample, list):
        inner = next((kinds[type(x)] for x in sample if type(x) in kinds), "string")
        return f"{key}:{inner}[]"
    return f"{key}:{kinds[type(sample)]}" if type(sample) in kinds else key


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(x) for x in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace(ARRAY_DELIMITER, " ")


def _table(fixed: list[str], records: list[Row]) -> bytes:
    """CSV of records: the fixed columns first, then every property any record has, typed."""
    samples: dict[str, Any] = {}
    for record in records:
        for key, value in record.items():
            if key not in fixed and value is not None and (key not in samples or samples[key] == []):
                samples[key] = value
    keys = sorted(samples)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*fixed, *(_header(k, samples[k]) for k in keys)])
    for record in records:
        writer.writerow([_cell(record.get(k)) for k in fixed] + [_cell(record.get(k)) for k in keys])
    return buffer.getvalue().encode("utf-8")


def write_neo4j_csv(store: GraphStore, out: BinaryIO) -> None:
    """Write the zip of neo4j-admin import files for the whole store to ``out``."""
    nodes: dict[str, dict[str, Row]] = defaultdict(dict)  # file label -> id -> properties
    rels: dict[str, dict[tuple[Any, ...], Row]] = defaultdict(dict)  # type -> merge key -> properties
    for doc_id in document_ids(store):
        quads = list(store.quads(vocab.document_iri(doc_id)))
        batch = BatchRows()
        add_document(batch, doc_id, quads, graph_digest(quads))
        for row in batch.documents:
            nodes["Document"][row["id"]] = {"id:ID": row["id"], ":LABEL": "Document", **row["props"]}
        for (base, label), rows in batch.nodes.items():
            for row in rows:
                record = nodes[label or base].setdefault(
                    row["id"], {"id:ID": row["id"], ":LABEL": ";".join(x for x in (base, label) if x)}
                )
                _merge(record, row)
        for (rel, _, _), rows in batch.edges.items():
            for row in rows:
                key = (row["src"], row["dst"], row.get("id"), row.get("role"))
                extra = {k: row[k] for k in ("id", "role") if k in row}
                record = rels[rel].setdefault(
                    key, {":START_ID": row["src"], ":END_ID": row["dst"], ":TYPE": rel, **extra}
                )
                _merge(record, row)
    names = entity_names(
        store, {i for label, found in nodes.items() if label not in ("Document", "Claim") for i in found}
    )
    for found in nodes.values():
        for node_id, record in found.items():
            if node_id in names and record[":LABEL"].startswith("Entity"):
                record["label"], record["aliases"] = names[node_id]
    _resolution(store, nodes, rels)
    _write_zip(out, nodes, rels)


def _resolution(
    store: GraphStore, nodes: dict[str, dict[str, Row]], rels: dict[str, dict[tuple[Any, ...], Row]]
) -> None:
    """SAME_AS, SAME_EVENT and SAME_CLAIM relationships, and the ``cluster`` of merged events, criticisms and claims,
    as the sync sets."""
    clusters: dict[str, str] = {}
    for q in store.quads(vocab.RESOLUTION_GRAPH):
        a, b = vocab.local_id(q.subject.value), vocab.local_id(q.object.value)
        if q.predicate == vocab.OWL_SAME_AS:
            rels["SAME_AS"][(a, b)] = {":START_ID": a, ":END_ID": b, ":TYPE": "SAME_AS"}
        elif q.predicate in (SAME_EVENT, SAME_CRITICISM, SAME_CLAIM):
            clusters[a] = clusters[b] = b
            kind = {SAME_EVENT: "SAME_EVENT", SAME_CLAIM: "SAME_CLAIM"}.get(q.predicate)
            if kind is not None:
                rels[kind][(a, b)] = {":START_ID": a, ":END_ID": b, ":TYPE": kind}
    if not clusters:
        return
    for found in nodes.values():
        for node_id, record in found.items():
            if node_id in clusters:
                record["cluster"] = clusters[node_id]
    for record in rels.get("CRITICISED", {}).values():
        if record.get("id") in clusters:
            record["cluster"] = clusters[record["id"]]


def _write_zip(out: BinaryIO, nodes: dict[str, dict[str, Row]], rels: dict[str, dict[tuple[Any, ...], Row]]) -> None:
    args = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for label, found in sorted(nodes.items()):
            archive.writestr(f"nodes_{label}.csv", _table(["id:ID", ":LABEL"], list(found.values())))
            args.append(f"  --nodes=nodes_{label}.csv \\")
        for rel, found in sorted(rels.items()):
            archive.writestr(f"rels_{rel}.csv", _table([":START_ID", ":END_ID", ":TYPE"], list(found.values())))
            args.append(f"  --relationships=rels_{rel}.csv \\")
        script = [
            "#!/bin/sh",
            "# Bulk-import into an empty, stopped database (Neo4j 5): run in the unzipped folder.",
            "neo4j-admin database import full --array-delimiter=U+001F --overwrite-destination \\",
            *args,
            '  "${1:-neo4j}"',
            "",
        ]
        archive.writestr("import.sh", "\n".join(script))
