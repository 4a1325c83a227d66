"""The ontology files (``ontology/kg.ttl``, ``ontology/shapes.ttl``) and SHACL validation of a store's graph.

Validation runs on the union of all graphs (an actor named by several documents is one node), with ``kg.ttl``
as the ontology graph, so that ``sh:targetClass``/``sh:class`` follow its ``rdfs:subClassOf`` triples. The
shapes hold with or without RDFS inference (what ``pyshacl -i rdfs`` and ``kg validate`` run): closed shapes
ignore the super-properties the ontology's alignments imply, and ``prov:wasDerivedFrom`` may reach the spans
that ``kg:evidence`` (a sub-property of it) names. Without inference the check is the stricter one (domain and
range entailment cannot make a wrong value of ``kg:critic`` an actor by definition); the tests run both.
An RDFS run loads owlrl, which replaces rdflib's literal parsers process-wide with some that reject valid
values (``"--06-04"^^xsd:gMonthDay``); :func:`validate` puts rdflib's back afterwards.
pyshacl is imported only when :func:`validate` runs. :func:`install_ontology` keeps a copy of ``kg.ttl`` in the store
(graph ``id/graph/ontology``), so the SPARQL endpoint can query the ontology beside the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyoxigraph as ox

from kg import vocab
from kg.errors import InputError

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store.base import GraphStore

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
README_MD = ONTOLOGY_DIR / "README.md"
ONTOLOGY_IRI = "https://w3id.org/ainews-kg/ontology"
SHAPES_IRI = "https://w3id.org/ainews-kg/shapes"
SHAPES_NS = SHAPES_IRI + "#"

Inference = Literal["none", "rdfs"]
INFERENCES: tuple[Inference, ...] = ("rdfs", "none")


@dataclass(frozen=True)
class Violation:
    """One result of a validation report, with its terms compacted (``kgsh:TextSpanShape``, ``kg:start``)."""

    shape: str
    path: str | None
    focus: str
    message: str

    def __str__(self) -> str:
        where = f"{self.shape} {self.path}" if self.path else self.shape
        return f"{where} on {self.focus}: {self.message}"


@dataclass(frozen=True)
class ValidationOutcome:
    """What a SHACL validation found."""

    conforms: bool
    report: Graph
    text: str

    def violations(self) -> list[Violation]:
        """The report's results, sorted by shape, path and focus node."""
        from rdflib import RDF, SH

        report, shapes = self.report, shapes_graph()
        found = []
        for result in report.subjects(RDF.type, SH.ValidationResult):
            source = report.value(result, SH.sourceShape)
            parent = shapes.value(None, SH.property, source)  # a property shape's node shape names the rule
            path = report.value(result, SH.resultPath)
            found.append(
                Violation(
                    shape=compact(parent if parent is not None else source),
                    path=compact(path) if path is not None else None,
                    focus=compact(report.value(result, SH.focusNode)),
                    message=str(report.value(result, SH.resultMessage) or ""),
                )
            )
        return sorted(found, key=lambda v: (v.shape, v.path or "", v.focus, v.message))


def compact(term: object) -> str:
    """An IRI as kg:, kgsh:, kgr: ... where a prefix covers it, in <> otherwise; a blank node as _:, a literal as is."""
    from rdflib import BNode, URIRef

    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, URIRef):
        return str(term)
    for prefix, base in (("kgsh", SHAPES_NS), *vocab.PREFIXES.items()):
        if term.startswith(base) and len(term) > len(base):
            return f"{prefix}:{term[len(base) :]}"
    return f"<{term}>"


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


def summary(outcome: ValidationOutcome, what: str, *, inference: Inference, limit: int = 20) -> str:
    """A short report: whether ``what`` conforms and, if not, its first ``limit`` violations, one a line."""
    how = "with RDFS inference" if inference == "rdfs" else "without inference"
    shapes = f"{SHAPES_TTL.parent.name}/{SHAPES_TTL.name}"
    if outcome.conforms:
        return f"{what} conforms to {shapes} ({how})"
    violations = outcome.violations()
    lines = [f"{what} does not conform to {shapes} ({how}): {len(violations)} violations"]
    lines += [f"  {v}" for v in violations[:limit]]
    if len(violations) > limit:
        lines.append(f"  ... and {len(violations) - limit} more (--limit raises the count)")
    return "\n".join(lines)


@contextmanager
def _rdflib_literal_parsers() -> Iterator[None]:
    """Restore rdflib's literal parsers on exit: owlrl replaces them process-wide with stricter, buggier ones."""
    from rdflib import term

    saved = dict(term._toPythonMapping)  # private, but the table owlrl overwrites (DatatypeHandling.py)
    try:
        yield
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(saved)


def validate(data: Graph, *, inference: Inference = "none") -> ValidationOutcome:
    """Validate a graph against the shapes, with the ontology mixed in for subclass targets (and RDFS if asked)."""
    from pyshacl import validate as shacl_validate

    with _rdflib_literal_parsers():
        conforms, report, text = shacl_validate(
            data,
            shacl_graph=shapes_graph(),
            ont_graph=ontology_graph(),
            inference=inference,
            advanced=True,
            allow_warnings=False,
        )
    return ValidationOutcome(conforms=bool(conforms), report=report, text=str(text))


def validate_quads(quads: Iterable[ox.Quad | ox.Triple], *, inference: Inference = "none") -> ValidationOutcome:
    """Validate the union of the quads' graphs (e.g. ``store.quads()``) against the shapes."""
    return validate(union_graph(quads), inference=inference)


def validate_file(path: Path, *, inference: Inference = "none") -> ValidationOutcome:
    """Validate an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML; all its graphs as one)."""
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise InputError(f"{path}: cannot tell the RDF format from the extension; use .ttl, .nt, .nq, .trig or .jsonld")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (OSError, SyntaxError) as exc:
        raise InputError(f"{path}: {exc}") from exc
    return validate_quads(quads, inference=inference)


_GENID = vocab.RESOURCE + ".well-known/genid/ontology-"


@lru_cache(maxsize=1)
def stored_ontology_quads() -> frozenset[ox.Quad]:
    """``kg.ttl`` as the store holds it, in ``vocab.ONTOLOGY_GRAPH`` so SPARQL can query the classes beside the data:
    blank nodes (lists, restrictions) skolemised to IRIs from their canonical labels, since the store writes no
    blank nodes and the same file must give the same quads."""
    dataset = ox.Dataset(ontology_quads(vocab.ONTOLOGY_GRAPH))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)  # stable within one pyoxigraph version

    def skolem(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.Literal:
        return ox.NamedNode(_GENID + term.value) if isinstance(term, ox.BlankNode) else term  # type: ignore[return-value]

    return frozenset(ox.Quad(skolem(q.subject), q.predicate, skolem(q.object), q.graph_name) for q in dataset)


def install_ontology(store: GraphStore) -> bool:
    """Make the store's ontology graph equal the packaged ontology (writers call it); True if it was written."""
    wanted = stored_ontology_quads()
    if frozenset(store.quads(vocab.ONTOLOGY_GRAPH)) == wanted:
        return False
    store.put_graph(vocab.ONTOLOGY_GRAPH, sorted(wanted, key=str))
    return True
