"""CSV export: a zip holding nodes.csv and edges.csv, with the column names Gephi's spreadsheet import expects."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import BinaryIO

from kg.export.graphview import Edge, edges, nodes
from kg.store.base import GraphStore

NODE_COLUMNS = ("Id", "Label", "type", "kind", "mentions")
EDGE_COLUMNS = ("Id", "Source", "Target", "Type", "relation", "role", "Weight", "start", "end", "quote", "document")


def write_csv_zip(store: GraphStore, out: BinaryIO) -> None:
    """Write nodes.csv and edges.csv into a zip; works on unseekable streams (stdout, HTTP bodies)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("nodes.csv", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            table = csv.writer(text)
            table.writerow(NODE_COLUMNS)
            table.writerows((n.id, n.label, n.type, n.kind, n.mentions) for n in nodes(store))
        with archive.open("edges.csv", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            table = csv.writer(text)
            table.writerow(EDGE_COLUMNS)
            table.writerows(
                (i, e.source, e.target, "Directed", e.relation, e.role or "", e.weight, *_dates(e), e.quote or "",
                 e.document or "")
                for i, e in enumerate(edges(store))
            )  # fmt: skip


def _dates(edge: Edge) -> tuple[str, str]:
    """The start and end columns of an edge: its first and last date, empty when unknown."""
    return edge.first or "", edge.last or ""
