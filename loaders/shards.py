"""N-Quads shards: extracted documents as files, one named graph per document, made without a store.

A shard is the output of :func:`loaders.pipeline.extract_to_shards` (``kg extract``) or of any engine that maps
:func:`document_nquads` over documents (a Dask or Ray job: see ``examples/dask_extract.py``), and the input of
:func:`loaders.pipeline.load_shards` (``kg load --nquads``). A shard is written whole or not at all, so a
crashed writer leaves no half a shard to load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.errors import InputError
from kg.model import Document
from kg.rdf import document_quads

SHARD_SUFFIX = ".nq"
_DOCUMENT_GRAPHS = vocab.document_iri("").value  # every document's graph name starts so


def document_nquads(doc: Document) -> bytes:
    """One document's quads as N-Quads, in its named graph: the unit shards are made of."""
    return ox.serialize(document_quads(doc), format=ox.RdfFormat.N_QUADS)


def shard_name(index: int) -> str:
    """The file name of the ``index``-th shard of a run."""
    return f"part-{index:05d}{SHARD_SUFFIX}"


def write_shard(path: Path, documents: Iterable[bytes]) -> None:
    """Write documents' N-Quads to a shard, atomically: a reader sees the whole file or none of it."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as out:
            for chunk in documents:
                out.write(chunk)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write the shard: {exc}") from exc


def shard_files(paths: Iterable[Path]) -> list[Path]:
    """The shards named, and those in the folders named (``*.nq``, recursively), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{SHARD_SUFFIX}")))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def read_shard(path: Path) -> dict[ox.NamedNode, list[ox.Quad]]:
    """The document graphs of a shard with their quads; InputError naming the file (and line) on bad input."""
    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    try:
        for quad in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(_DOCUMENT_GRAPHS):
                raise InputError(f"{path}: a quad outside any document's graph (shards hold documents only): {quad}")
            graphs.setdefault(graph, []).append(quad)
    except SyntaxError as exc:
        raise InputError(f"{path}: not N-Quads: {exc}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the shard: {exc}") from exc
    return graphs


def document_id_of(graph: ox.NamedNode) -> str:
    """The id of the document a graph holds."""
    return graph.value.removeprefix(_DOCUMENT_GRAPHS)
