"""Whole-graph exports shared by ``kg export`` and ``GET /export``: one registry, one entry point."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.neo4j_csv import write_neo4j_csv
from kg.export.rdf import write_jsonld, write_nquads, write_ntriples, write_trig, write_turtle
from kg.export.tables import write_csv_zip
from kg.store.base import GraphStore


@dataclass(frozen=True)
class ExportFormat:
    """How one export format is served and written."""

    media_type: str
    extension: str
    writer: Callable[[GraphStore, BinaryIO], None]


FORMATS: dict[str, ExportFormat] = {
    "gexf": ExportFormat("application/gexf+xml", "gexf", write_gexf),
    "graphml": ExportFormat("application/graphml+xml", "graphml", write_graphml),
    "turtle": ExportFormat("text/turtle", "ttl", write_turtle),
    "ntriples": ExportFormat("application/n-triples", "nt", write_ntriples),
    "nquads": ExportFormat("application/n-quads", "nq", write_nquads),
    "trig": ExportFormat("application/trig", "trig", write_trig),
    "jsonld": ExportFormat("application/ld+json", "jsonld", write_jsonld),
    "csv": ExportFormat("application/zip", "zip", write_csv_zip),
    "neo4j-csv": ExportFormat("application/zip", "zip", write_neo4j_csv),
}


# Names people type for the same formats: file extensions and common spellings.
ALIASES: dict[str, str] = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json-ld": "jsonld"}


def export_format(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its ALIASES); InputError naming the allowed formats otherwise."""
    try:
        return FORMATS[ALIASES.get(name.lower(), name.lower())]
    except KeyError:
        raise InputError(f"unknown export format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def write_export(store: GraphStore, fmt: str, out: BinaryIO) -> None:
    """Write the whole graph of ``store`` to ``out`` in format ``fmt`` (a name of FORMATS)."""
    export_format(fmt).writer(store, out)


def export_to_file(store: GraphStore, fmt: str, path: Path) -> None:
    """Write the export to ``path`` atomically: the format is checked first, the file replaced only on success.

    The export goes to a temporary file beside ``path`` (same file system), renamed over it once complete, so a
    typo in the format or a failure half-way leaves an existing file as it was and never a partial one.
    """
    writer = export_format(fmt).writer
    with tempfile.NamedTemporaryFile(dir=path.parent or ".", prefix=f".{path.name}.", delete=False) as out:
        temporary = Path(out.name)
        try:
            writer(store, out)
        except BaseException:
            out.close()
            temporary.unlink(missing_ok=True)
            raise
    os.replace(temporary, path)
