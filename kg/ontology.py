"""The ontology files (``ontology/kg.ttl``, ``ontology/shapes.ttl``) and SHACL validation of a store's graph.

Validation runs on the union of all graphs (an actor named by several documents is one node), with
``kg.ttl`` as the ontology graph and no inference: ``sh:targetClass``/``sh:class`` follow its
``rdfs:subClassOf`` triples, while RDFS domain/range entailment, which would make every value of
``kg:critic`` an actor by definition and so hide errors, stays off. (An RDFS or OWL-RL run would also load
owlrl, which replaces rdflib's ``xsd:gMonthDay`` parser, process-wide, with one that rejects valid values.)
pyshacl is a test dependency, so it is imported only when :func:`validate` runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
README_MD = ONTOLOGY_DIR / "README.md"
ONTOLOGY_IRI = "https://w3id.org/ainews-kg/ontology"
SHAPES_IRI = "https://w3id.org/ainews-kg/shapes"


@dataclass(frozen=True)
class ValidationOutcome:
    """What a SHACL validation found."""

    conforms: bool
    report: Graph
    text: str


@dataclass(frozen=True)
class ExampleQuery:
    """One of the README's example SPARQL queries, with the sentence that introduces it."""

    title: str
    description: str
    query: str


@lru_cache(maxsize=1)
def example_queries() -> tuple[ExampleQuery, ...]:
    """The ```sparql blocks of ``ontology/README.md`` in order; none when the README is not installed."""
    if not README_MD.is_file():
        return ()
    chunks = README_MD.read_text(encoding="utf-8").split("```sparql\n")
    examples = []
    for before, block in pairwise(chunks):
        description = " ".join(before.rstrip().split("\n\n")[-1].split()).rstrip(":")
        title = description.split(" (", 1)[0].replace("`", "")
        examples.append(ExampleQuery(title=title, description=description, query=block.split("```", 1)[0]))
    return tuple(examples)


def _parse(path: Path) -> Graph:
    from rdflib import Graph

    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """``kg.ttl`` as an rdflib graph (cached: do not modify it)."""
    return _parse(ONTOLOGY_TTL)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """``shapes.ttl`` as an rdflib graph (cached: do not modify it)."""
    return _parse(SHAPES_TTL)


def ontology_quads(graph: ox.NamedNode | None = None) -> list[ox.Quad]:
    """``kg.ttl`` as pyoxigraph quads, in ``graph`` (the default graph when None)."""
    target = graph if graph is not None else ox.DefaultGraph()
    return [ox.Quad(t.subject, t.predicate, t.object, target) for t in ox.parse(path=str(ONTOLOGY_TTL))]


def union_graph(quads: Iterable[ox.Quad | ox.Triple]) -> Graph:
    """The union of the quads' graphs as one rdflib graph (graph names dropped, duplicates merged)."""
    from rdflib import Graph

    triples = (q.triple if isinstance(q, ox.Quad) else q for q in quads)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt") if data else Graph()


def validate(data: Graph) -> ValidationOutcome:
    """Validate a graph against the shapes, with the ontology mixed in for subclass targets, without inference."""
    from pyshacl import validate as shacl_validate

    conforms, report, text = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=False,
    )
    return ValidationOutcome(conforms=bool(conforms), report=report, text=str(text))


def validate_quads(quads: Iterable[ox.Quad | ox.Triple]) -> ValidationOutcome:
    """Validate the union of the quads' graphs (e.g. ``store.quads()``) against the shapes."""
    return validate(union_graph(quads))
