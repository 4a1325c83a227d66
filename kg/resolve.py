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


def _candidates(store: GraphStore) -> list[_Candidate]:
    result = store.query(
        vocab.sparql_prefixes()
        + f"""SELECT ?e ?type ?label ?alias WHERE {{
            GRAPH ?g {{ ?e a ?type ; rdfs:label ?label . OPTIONAL {{ ?e kg:alias ?alias }} }}
            FILTER(?g != <{vocab.RESOLUTION_GRAPH.value}>)
            FILTER(?type IN (kg:Person, kg:Organization, kg:Product, kg:Place))
        }}"""
    )
    assert isinstance(result, SelectResult)
    found: dict[str, _Candidate] = {}
    for e, kind, label, alias in result.rows:
        cand = found.setdefault(e.value, _Candidate(e.value, kind.value.removeprefix(vocab.ONTOLOGY)))
        cand.labels.add(label.value)
        if alias is not None:
            cand.aliases.add(alias.value)
    return sorted(found.values(), key=lambda c: c.iri)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _expansions(short: _Candidate, by_type: list[_Candidate]) -> set[str]:
    """The entities of the same type that a short name most plausibly abbreviates."""
    name = _fold(short.label)
    hits: set[str] = set()
    for other in by_type:
        if other.iri == short.iri:
            continue
        if name in {_fold(a) for a in other.aliases}:
            hits.add(other.iri)
            continue
        words = _fold(other.label).split()
        if len(words) < 2 or " " in name:
            continue
        if (short.type in ("Person", "Product") and words[-1] == name) or (
            short.type == "Organization" and words[0] == name and all(w in ORG_NAME_TAILS for w in words[1:])
        ):
            hits.add(other.iri)
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
        for cand in group:
            hits = _expansions(cand, group)
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
    """Recompute the resolution graph from the store and clear its stale mark; returns the number of links."""
    links = compute_same_as(store)
    if links:
        quads = [
            Quad(NamedNode(a), vocab.OWL_SAME_AS, NamedNode(b), vocab.RESOLUTION_GRAPH)
            for a, b in sorted(links.items())
        ]
        store.put_graph(vocab.RESOLUTION_GRAPH, quads)
    else:
        store.remove_graph(vocab.RESOLUTION_GRAPH)
    store.clear_resolution_stale()
    return len(links)


def refresh_if_stale(store: GraphStore) -> bool:
    """Refresh resolution if the store is marked stale (a writer stopped between its writes and the refresh)."""
    if not store.resolution_is_stale():
        return False
    refresh_resolution(store)
    return True
