"""Cross-document entity resolution: short names in one document that mean a fuller name in another.

Within a document the extraction already resolves "Sacks" to "David Sacks". Across documents,
ids already unify names that differ only in case or punctuation ("NVIDIA" = "Nvidia"); this
module adds ``owl:sameAs`` links for the rest ("Mythos" in one article = "Claude Mythos" in
another; "SSI" = the entity that lists "SSI" as an alias). The links live in one graph of their
own, recomputed from the whole store after each load or removal, so the result never depends on
the order documents arrived in, and removing a document removes the links only it supported.

Writers mark the store stale before their first document write and the refresh clears the mark, so a writer
killed in between leaves a store that ``kg load`` and ``kg serve`` repair when they next open it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Quad

from kg import vocab
from kg.clusters import cluster_quads
from kg.store.base import GraphStore, SelectResult

# Words that may follow an organisation's short name in its full name ("Stability" = "Stability AI").
ORG_NAME_TAILS = frozenset(
    [
        "ai",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "labs",
        "lab",
        "group",
        "holdings",
        "technologies",
        "technology",
        "systems",
        "management",
        "capital",
        "ventures",
        "partners",
        "research",
    ]
)


@dataclass
class _Candidate:
    iri: str
    type: str
    labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return max(self.labels, key=lambda text: (len(text), text))


_TYPES = ("Organization", "Person", "Place", "Product")
_CANDIDATES = """SELECT DISTINCT ?e ?type ?label WHERE {
  ?e a ?type ; rdfs:label ?label . FILTER(?type IN (kg:Person, kg:Organization, kg:Product, kg:Place))
}"""
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e kg:alias ?alias }"


def _candidates(store: GraphStore) -> list[_Candidate]:
    """Every entity that resolution considers, with its labels and aliases over all documents.

    When the read side has a snapshot of the store as it is now (``kg serve``, after every write), they are
    its catalogue's entity nodes, kept up to date write by write; otherwise they are read from the union of
    the graphs, each (entity, label) once. Either way an entity of several types gets the first by name.
    """
    from kg.queries import catalogue, latest  # the read side; it never imports resolution

    view = latest(store)
    if view is not None and view.generation == store.generation:
        return sorted(
            (
                _Candidate(iri, min(kinds), set(node.labels), set(node.aliases))
                for iri, node in catalogue(view).nodes.items()
                if (kinds := node.types.intersection(_TYPES))
            ),
            key=lambda c: c.iri,
        )
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    for e, kind, label in _rows(store, _CANDIDATES):
        types[e.value].add(kind.value.removeprefix(vocab.ONTOLOGY))
        labels[e.value].add(label.value)
    found = {iri: _Candidate(iri, min(kinds), labels[iri]) for iri, kinds in types.items()}
    for e, alias in _rows(store, _ALIASES):
        cand = found.get(e.value)
        if cand is not None:
            cand.aliases.add(alias.value)
    return sorted(found.values(), key=lambda c: c.iri)


def _rows(store: GraphStore, query: str) -> list[tuple]:
    result = store.query(vocab.sparql_prefixes() + query)
    assert isinstance(result, SelectResult)
    return result.rows


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


class _Names:
    """The entities of one type by the names a short name can match: alias, last word, organisation head word.

    Looking a short name up here replaces testing it against every entity of its type, which made resolution
    quadratic (minutes per document at a million triples, where it runs after every write).
    """

    def __init__(self, group: list[_Candidate]) -> None:
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.last_words: dict[str, set[str]] = defaultdict(set)
        self.org_heads: dict[str, set[str]] = defaultdict(set)
        for other in group:
            for alias in other.aliases:
                self.aliases[_fold(alias)].add(other.iri)
            words = _fold(other.label).split()
            if len(words) >= 2:
                self.last_words[words[-1]].add(other.iri)
                if all(w in ORG_NAME_TAILS for w in words[1:]):
                    self.org_heads[words[0]].add(other.iri)

    def expansions(self, short: _Candidate) -> set[str]:
        """The entities of the same type that a short name most plausibly abbreviates."""
        name = _fold(short.label)
        hits = set(self.aliases.get(name, ()))
        if " " not in name:
            if short.type in ("Person", "Product"):
                hits |= self.last_words.get(name, set())
            elif short.type == "Organization":
                hits |= self.org_heads.get(name, set())
        hits.discard(short.iri)
        return hits


# The IRI prefixes kg.ids gives organisations and products.
_ORG, _PRD = vocab.RESOURCE + "org-", vocab.RESOURCE + "prd-"


def _retyped(store: GraphStore, candidates: list[_Candidate]) -> dict[str, str]:
    """Products named exactly as an organisation, and never told apart from it in one document, mapped to it.

    The extractor may type a company's eponymous product or platform ("X", "Perplexity") Organization in one
    article and Product in another: two ids for one actor. A document naming both keeps them apart.
    """
    organisations = {c.iri.removeprefix(_ORG): c.iri for c in candidates if c.iri.startswith(_ORG)}
    pairs = {c.iri: organisations[name] for c in candidates if (name := c.iri.removeprefix(_PRD)) in organisations}
    if not pairs:
        return {}
    values = " ".join(f"(<{p}> <{o}>)" for p, o in pairs.items())
    result = store.query(
        vocab.sparql_prefixes()
        + f"""SELECT DISTINCT ?p WHERE {{ VALUES (?p ?o) {{ {values} }}
            GRAPH ?g {{ ?p kg:mentionedIn ?g . ?o kg:mentionedIn ?g }} }}"""
    )
    assert isinstance(result, SelectResult)
    told_apart = {row[0].value for row in result.rows}
    return {p: o for p, o in sorted(pairs.items()) if p not in told_apart}


def compute_same_as(store: GraphStore) -> dict[str, str]:
    """Map each entity that abbreviates exactly one fuller entity, or is a product named as an organisation, to it."""
    candidates = _candidates(store)
    by_type: dict[str, list[_Candidate]] = defaultdict(list)
    for cand in candidates:
        by_type[cand.type].append(cand)
    links: dict[str, str] = {}
    for group in by_type.values():
        full = {c.iri: c for c in group}
        names = _Names(group)
        for cand in group:
            hits = names.expansions(cand)
            if len(hits) == 1:
                target = next(iter(hits))
                if len(full[target].label) > len(cand.label):
                    links[cand.iri] = target
    for product, organisation in _retyped(store, candidates).items():
        links.setdefault(product, organisation)
    # Follow chains so every link points at a final canonical entity.
    for source in list(links):
        seen = {source}
        while links[source] in links and links[source] not in seen:
            seen.add(links[source])
            links[source] = links[links[source]]
    return links


def refresh_resolution(store: GraphStore) -> int:
    """Recompute the resolution graph from the store and clear its stale mark; returns the number of links.

    The graph holds the entities' owl:sameAs links and, from them, the clusters of events and criticisms several
    documents report (:mod:`kg.clusters`), so every reader of resolution sees both.
    """
    links = compute_same_as(store)
    quads = [
        Quad(NamedNode(a), vocab.OWL_SAME_AS, NamedNode(b), vocab.RESOLUTION_GRAPH) for a, b in sorted(links.items())
    ]
    quads += cluster_quads(store, links)
    if quads:
        store.put_graph(vocab.RESOLUTION_GRAPH, quads)
    else:
        store.remove_graph(vocab.RESOLUTION_GRAPH)
    store.clear_resolution_stale()
    return len(quads)


def refresh_if_stale(store: GraphStore) -> bool:
    """Refresh resolution if the store is marked stale (a writer stopped between its writes and the refresh)."""
    if not store.resolution_is_stale():
        return False
    refresh_resolution(store)
    return True
