"""Cross-document entity resolution: short names in one document that mean a fuller name in another.

Within a document the extraction already resolves "Sacks" to "David Sacks". Across documents,
ids already unify names that differ only in case or punctuation ("NVIDIA" = "Nvidia"); this
module adds ``owl:sameAs`` links for the rest ("Mythos" in one article = "Claude Mythos" in
another; "SSI" = the entity that lists "SSI" as an alias). The links live in one graph of their
own, moved on document by document (:mod:`kg.resolution_index`) to what a recomputation from the whole
store gives, so the result never depends on the order documents arrived in, and removing a document
removes the links only it supported.

Writers mark the store stale before their first document write and the refresh clears the mark, so a writer
killed in between leaves a store that ``kg load`` and ``kg serve`` repair when they next open it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from kg import vocab
from kg.resolution_compact import Bag
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


@dataclass(slots=True)
class Candidate:
    """An entity resolution considers: its IRI, its type, and its labels and aliases over all documents."""

    iri: str
    type: str
    labels: AbstractSet[str] = field(default_factory=set)  # the index gives shared frozensets
    aliases: AbstractSet[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        """The longest label (the first by text on a tie)."""
        return max(self.labels, key=lambda text: (len(text), text))

    @property
    def folded(self) -> str:
        """The label as names are compared."""
        return _fold(self.label)


_TYPES = ("Organization", "Person", "Place", "Product")
_CANDIDATES = """SELECT DISTINCT ?e ?type ?label WHERE {
  ?e a ?type ; rdfs:label ?label . FILTER(?type IN (kg:Person, kg:Organization, kg:Product, kg:Place))
}"""
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e kg:alias ?alias }"


def query_candidates(store: GraphStore) -> list[Candidate]:
    """Every entity resolution considers, read with SPARQL from the union of the graphs (what the index must hold)."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    for e, kind, label in _rows(store, _CANDIDATES):
        types[e.value].add(kind.value.removeprefix(vocab.ONTOLOGY))
        labels[e.value].add(label.value)
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alias in _rows(store, _ALIASES):
        aliases[e.value].add(alias.value)
    found = [Candidate(iri, min(kinds), labels[iri], aliases.get(iri, set())) for iri, kinds in types.items()]
    return sorted(found, key=lambda c: c.iri)


def _rows(store: GraphStore, query: str) -> list[tuple]:
    result = store.query(vocab.sparql_prefixes() + query)
    assert isinstance(result, SelectResult)
    return result.rows


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def name_keys(cand: Candidate) -> set[str]:
    """The short names that find this entity: its aliases, its last word, its organisation head word (folded)."""
    keys = {_fold(alias) for alias in cand.aliases}
    words = cand.folded.split()
    if len(words) >= 2:
        keys.add(words[-1])
        if all(w in ORG_NAME_TAILS for w in words[1:]):
            keys.add(words[0])
    return keys


class Names:
    """The entities of one type by the names a short name can match: alias, last word, organisation head word.

    Looking a short name up here replaces testing it against every entity of its type, which made resolution
    quadratic. Entities come and go (:meth:`add`, :meth:`discard`) as documents are written and removed.
    """

    def __init__(self, group: list[Candidate]) -> None:
        self.aliases = Bag[str]()
        self.last_words = Bag[str]()
        self.org_heads = Bag[str]()
        for other in group:
            self.add(other)

    def _entries(self, cand: Candidate) -> list[tuple[Bag[str], str]]:
        entries = [(self.aliases, _fold(alias)) for alias in cand.aliases]
        words = cand.folded.split()
        if len(words) >= 2:
            entries.append((self.last_words, words[-1]))
            if all(w in ORG_NAME_TAILS for w in words[1:]):
                entries.append((self.org_heads, words[0]))
        return entries

    def add(self, cand: Candidate) -> None:
        """Index an entity under its names."""
        for index, key in self._entries(cand):
            index.add(key, cand.iri)

    def discard(self, cand: Candidate) -> None:
        """Take an entity (as it was indexed) out."""
        for index, key in self._entries(cand):
            index.discard(key, cand.iri)

    def expansions(self, short: Candidate) -> set[str]:
        """The entities of the same type that a short name most plausibly abbreviates."""
        name = short.folded
        hits = set(self.aliases.get(name))
        if " " not in name:
            if short.type in ("Person", "Product"):
                hits.update(self.last_words.get(name))
            elif short.type == "Organization":
                hits.update(self.org_heads.get(name))
        hits.discard(short.iri)
        return hits


def resolve_name(cand: Candidate, names: Names, candidates: Mapping[str, Candidate]) -> str | None:
    """The one fuller entity of the same type a short name abbreviates, if there is exactly one."""
    hits = names.expansions(cand)
    if len(hits) != 1:
        return None
    target = next(iter(hits))
    return target if len(candidates[target].label) > len(cand.label) else None


# The IRI prefixes kg.ids gives organisations and products.
_ORG, _PRD = vocab.RESOURCE + "org-", vocab.RESOURCE + "prd-"


def product_named_as(node: str) -> str | None:
    """The product IRI whose pairing with an organisation a change of this node (a product or an organisation) moves."""
    if node.startswith(_PRD):
        return node
    if node.startswith(_ORG):
        return _PRD + node.removeprefix(_ORG)
    return None


def retyped_target(
    product: str, candidates: Mapping[str, Candidate], named_together: Callable[[str, str], bool]
) -> str | None:
    """The organisation a product named exactly as it stands for, unless a document names both.

    The extractor may type a company's eponymous product or platform ("X", "Perplexity") Organization in one
    article and Product in another: two ids for one actor. A document naming both keeps them apart.
    """
    organisation = _ORG + product.removeprefix(_PRD)
    if product not in candidates or organisation not in candidates:
        return None
    return None if named_together(product, organisation) else organisation


def follow_chains(links: Mapping[str, str]) -> dict[str, str]:
    """The links with every chain followed to its end, so each points at a final canonical entity."""
    found = {source: links[source] for source in sorted(links)}
    for source in found:
        seen = {source}
        while found[source] in found and found[source] not in seen:
            seen.add(found[source])
            found[source] = found[found[source]]
    return found


def compute_same_as(store: GraphStore) -> dict[str, str]:
    """Map each entity that abbreviates exactly one fuller entity, or is a product named as an organisation, to it."""
    from kg.resolution_index import full_index  # it builds on this module

    return dict(full_index(store).links)


def refresh_resolution(store: GraphStore) -> int:
    """Bring the resolution graph up to date with the documents stored and clear its stale mark; the links written.

    The graph holds the entities' owl:sameAs links and, from them, the clusters of events and criticisms several
    documents report (:mod:`kg.clusters`), so every reader of resolution sees both. Only the documents written
    since the last refresh through this store object are read again (:mod:`kg.resolution_index`).
    """
    from kg.resolution_index import resolution_refresh, resolution_written  # they build on this module

    refresh = resolution_refresh(store)
    if refresh.quads is not None:  # else the graph holds them already: nothing is written
        if refresh.quads:
            store.put_graph(vocab.RESOLUTION_GRAPH, refresh.quads)
        else:
            store.remove_graph(vocab.RESOLUTION_GRAPH)
        resolution_written(store, refresh.mark)
    store.clear_resolution_stale()
    return refresh.count


def refresh_if_stale(store: GraphStore) -> bool:
    """Refresh resolution if the store is marked stale (a writer stopped between its writes and the refresh)."""
    if not store.resolution_is_stale():
        return False
    refresh_resolution(store)
    return True
