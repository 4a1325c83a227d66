"""RDF dumps streamed from ``store.quads()``: Turtle, N-Triples, N-Quads, TriG and JSON-LD with a @context.

N-Quads, TriG and JSON-LD keep the per-document graphs; Turtle and N-Triples write the union graph, where a
triple several documents support appears once per document (a graph is a set: parsers merge them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg import vocab
from kg.export.xmlutil import ChunkedWriter
from kg.store.base import GraphStore

_XSD_STRING = vocab.XSD + "string"
_RDF_TYPE = vocab.RDF_TYPE.value


def _triples(store: GraphStore) -> Iterator[ox.Triple]:
    return (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads())


def _oxigraph_writer(fmt: ox.RdfFormat, keep_graphs: bool) -> Callable[[GraphStore, BinaryIO], None]:
    def write(store: GraphStore, out: BinaryIO) -> None:
        ox.serialize(store.quads() if keep_graphs else _triples(store), out, fmt, prefixes=vocab.PREFIXES)

    write.__doc__ = f"Stream the store as {fmt.name}."
    return write


write_turtle = _oxigraph_writer(ox.RdfFormat.TURTLE, keep_graphs=False)
write_ntriples = _oxigraph_writer(ox.RdfFormat.N_TRIPLES, keep_graphs=False)
write_nquads = _oxigraph_writer(ox.RdfFormat.N_QUADS, keep_graphs=True)
write_trig = _oxigraph_writer(ox.RdfFormat.TRIG, keep_graphs=True)


def _compact(iri: str) -> str:
    """A property IRI as a compact IRI where a prefix of kg.vocab.PREFIXES covers it."""
    for prefix, base in vocab.PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri


def _node_ref(term: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    return "_:" + term.value if isinstance(term, ox.BlankNode) else term.value


def _jsonld_object(term: object) -> dict[str, object]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": term.datatype.value}
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_ref(term)}
    raise ValueError(f"JSON-LD 1.1 cannot hold the RDF-star triple term {term}")


def write_jsonld(store: GraphStore, out: BinaryIO) -> None:
    """Stream the store as JSON-LD: a @context of the project prefixes and one named graph per document.

    Quads arrive grouped by graph, then subject, so each graph and node object is written once it is complete.
    """
    writer = ChunkedWriter(out)
    writer.write('{"@context":' + json.dumps(vocab.PREFIXES) + ',"@graph":[')
    graph: object = None
    node: dict[str, object] | None = None
    first_graph = first_node = True

    def close_node() -> None:
        nonlocal node, first_node
        if node is not None:
            writer.write(("" if first_node else ",\n") + json.dumps(node, ensure_ascii=False))
            first_node, node = False, None

    for quad in store.quads():
        if quad.graph_name != graph:
            close_node()
            if graph is not None:
                writer.write("]}")
            graph, first_node = quad.graph_name, True
            graph_id = "@default" if isinstance(quad.graph_name, ox.DefaultGraph) else _node_ref(quad.graph_name)
            writer.write(("" if first_graph else ",\n") + '{"@id":' + json.dumps(graph_id) + ',"@graph":[')
            first_graph = False
        subject = _node_ref(quad.subject)
        if node is None or node["@id"] != subject:
            close_node()
            node = {"@id": subject}
        if quad.predicate.value == _RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(quad.object.value)  # type: ignore[union-attr]
        else:
            node.setdefault(_compact(quad.predicate.value), []).append(_jsonld_object(quad.object))  # type: ignore[union-attr]
    close_node()
    writer.write("]}]}\n" if graph is not None else "]}\n")
    writer.flush()
