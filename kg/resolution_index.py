"""Resolution kept up to date write by write: the links and clusters of a store, moved on by the documents written.

Recomputing resolution from the whole store after each write cost about a second of CPU at a million triples
(four seconds a POST with readers on the same cores). The index here keeps what each document contributes (its
entities' names, its mentions, its events and criticisms, :mod:`kg.cluster_facts`) and the indexes resolution
looks names up in; after a write it reads only the documents written and recomputes only what they can change:

* the owl:sameAs link of every entity whose names changed, and of every entity whose short name is one of their
  names (old or new), and the product/organisation pairs among the entities the documents name;
* the clusters of every group (events of one type and principal participant, criticisms of one critic and
  target, claims of one claimant) that gains, loses or changes a member, or one of whose members names an entity
  whose link changed.

Groups are clustered whole, in the same order as a full computation, so the result is the one a full refresh
gives (:func:`kg.resolve.refresh_resolution` builds an index from every document; a test compares the two).
"""

from __future__ import annotations

import gc
import logging
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from pyoxigraph import NamedNode, Quad

from kg import kept, vocab
from kg.claim_clusters import SAME_CLAIM, RawClaim, claim_clusters, facts_of, stem
from kg.cluster_facts import (
    ENTITY_TYPES,
    READ,
    DocumentFacts,
    EntityNames,
    RawCriticism,
    Triple,
    folded_quote,
    read_document,
    statement_of,
)
from kg.clusters import (
    SAME_CRITICISM,
    SAME_EVENT,
    CriticismFacts,
    EventFacts,
    criticism_clusters,
    event_clusters,
    principal_key,
    statement_words,
)
from kg.model import EVENT_TYPES
from kg.resolution_compact import Bag, Doc, Shared
from kg.resolve import Candidate, Names, follow_chains, name_keys, product_named_as, resolve_name, retyped_target
from kg.store.base import Change, GraphStore, SelectResult

Key = tuple[str, ...]
log = logging.getLogger(__name__)


class _NamesByType(dict[str, Names]):
    """The names of the candidates of each entity type; none yet for a type not met (a class, so it pickles)."""

    def __missing__(self, kind: str) -> Names:
        names = self[kind] = Names([])
        return names


class ResolutionIndex:
    """Every document's contribution to resolution, and the links and clusters they give."""

    def __init__(self) -> None:
        self.shared = Shared()  # one copy of each IRI, word and name record the documents repeat
        self.docs: dict[str, Doc] = {}
        # node -> what documents say of it, and how many say it: one record and its count as a pair (most nodes)
        self._named: dict[str, tuple[EntityNames, int] | Counter[EntityNames]] = {}
        self._products = Bag[str]()  # product entity -> documents mentioning it (to tell an eponymous pair apart)
        self.candidates: dict[str, Candidate] = {}
        self._names: dict[str, Names] = _NamesByType()
        self._by_label = Bag[tuple[str, str]]()  # (type, folded label) -> candidates
        self._name_links: dict[str, str] = {}
        self._retyped: dict[str, str] = {}
        self.links: dict[str, str] = {}  # final: every entity to its canonical one
        self._words: dict[str, tuple[str, ...]] = {}  # a node's name words, for criticism statements
        self._events: dict[str, EventFacts] = {}
        self._criticisms: dict[str, RawCriticism] = {}
        self._claims: dict[str, tuple[RawClaim, ...]] = {}  # a claim node is one per statement: each document's report
        self._refs = Bag[str]()  # entity -> facts naming it
        self._keys: dict[str, Key] = {}  # fact -> its group
        self._groups = Bag[Key]()
        self._clusters: dict[Key, list[list[str]]] = {}
        self._cluster_links = 0  # quads the clusters give: every member but the representative
        self.version = 0  # bumped whenever the links or clusters (so the resolution graph) change

    def apply(self, changes: Mapping[str, DocumentFacts | Doc | None]) -> None:
        """Take in the documents written (their facts now) and removed (None), and recompute what they change."""
        nodes: set[str] = set()
        facts: set[str] = set()
        for graph, given in changes.items():
            old = self.docs.pop(graph, None)
            if old is not None:
                self._count(old, -1, nodes, facts)
            if given is not None:
                new = self.docs[graph] = self.shared.document(given)
                self._count(new, 1, nodes, facts)
        renamed = self._update_candidates(nodes)
        moved = self._update_links(renamed, nodes)
        reworded = self._update_words(nodes)
        for entity in moved | reworded:
            facts.update(self._refs.get(entity))
        self._regroup(facts)

    def _count(self, doc: Doc, sign: int, nodes: set[str], facts: set[str]) -> None:
        """Add (sign 1) or take away (-1) a document's names, mentions and facts."""
        for node, names in zip(doc.nodes, doc.names, strict=True):
            nodes.add(node)
            self._tally(node, names, sign)
        for node in doc.mentioned:
            nodes.add(node)
            if product_named_as(node) == node:
                (self._products.add if sign > 0 else self._products.discard)(node, doc.graph)
        for event in doc.events:
            facts.add(event.iri)
            self._reference(event.iri, {x for xs in event.roles.values() for x in xs}, sign)
            if sign > 0:
                self._events[event.iri] = event
            elif self._events.get(event.iri) is event:
                del self._events[event.iri]
        for crit in doc.criticisms:
            facts.add(crit.iri)
            self._reference(crit.iri, set(crit.entities), sign)
            if sign > 0:
                self._criticisms[crit.iri] = crit
            elif self._criticisms.get(crit.iri) is crit:
                del self._criticisms[crit.iri]
        for claim in doc.claims:
            facts.add(claim.iri)
            self._report(claim, sign)

    def _report(self, claim: RawClaim, sign: int) -> None:
        """Add (sign 1) or take away (-1) one document's report of a claim node (several documents share one)."""
        held = self._claims.get(claim.iri, ())
        rest = tuple(r for r in held if r.document != claim.document)
        now = (*rest, claim) if sign > 0 else rest
        if now:
            self._claims[claim.iri] = now
        else:
            self._claims.pop(claim.iri, None)
        if bool(held) != bool(now):  # its claimant is named while any document reports it
            self._reference(claim.iri, {claim.claimant}, 1 if now else -1)

    def _reference(self, fact: str, entities: set[str], sign: int) -> None:
        for entity in entities:
            (self._refs.add if sign > 0 else self._refs.discard)(entity, fact)

    def _tally(self, node: str, names: EntityNames, sign: int) -> None:
        """Count one more (or one fewer) document saying ``names`` of the node."""
        held = self._named.get(node)
        said = Counter(dict([held])) if isinstance(held, tuple) else held or Counter()
        said[names] += sign
        if said[names] <= 0:
            del said[names]
        if len(said) > 1:
            self._named[node] = said
        elif said:
            self._named[node] = next(iter(said.items()))
        else:
            self._named.pop(node, None)

    def _said(self, node: str, part: str) -> frozenset[str]:
        """Every type, label or alias (``part``) the documents give the node."""
        held = self._named.get(node)
        if held is None:
            return frozenset()
        if isinstance(held, tuple):
            return getattr(held[0], part)  # the shared set itself, no copy
        return frozenset(value for record in held for value in getattr(record, part))

    def _named_together(self, one: str, other: str) -> bool:
        """Whether a document mentions both entities (``one`` a product)."""
        return any(other in self.docs[graph].mentioned for graph in self._products.get(one))

    def _update_candidates(self, nodes: set[str]) -> set[str]:
        """Rebuild the candidates of the nodes written; the name keys (old and new) of those that changed."""
        keys: set[tuple[str, str]] = set()
        for node in nodes:
            old = self.candidates.get(node)
            kinds, labels = self._said(node, "types"), self._said(node, "labels")
            new = Candidate(node, min(kinds), labels, self._said(node, "aliases")) if kinds and labels else None
            if old == new:
                continue
            for cand, sign in ((old, -1), (new, 1)):
                if cand is None:
                    continue
                keys |= {(cand.type, key) for key in name_keys(cand)}
                (self._names[cand.type].add if sign > 0 else self._names[cand.type].discard)(cand)
                label_key = (cand.type, cand.folded)
                (self._by_label.add if sign > 0 else self._by_label.discard)(label_key, node)
            if new is None:
                del self.candidates[node]
            else:
                self.candidates[node] = new
        renamed = {node for kind, key in keys for node in self._by_label.get((kind, key))}
        return renamed | {n for n in nodes if n in self.candidates or n in self._name_links}

    def _update_links(self, renamed: set[str], nodes: set[str]) -> set[str]:
        """Recompute the links of the renamed candidates and the retyped pairs of the nodes; those whose link moved."""
        for node in renamed:
            cand = self.candidates.get(node)
            target = resolve_name(cand, self._names[cand.type], self.candidates) if cand else None
            if target is None:
                self._name_links.pop(node, None)
            else:
                self._name_links[node] = target
        for node in nodes:
            product = product_named_as(node)
            if product is None:
                continue
            target = retyped_target(product, self.candidates, self._named_together)
            if target is None:
                self._retyped.pop(product, None)
            else:
                self._retyped[product] = target
        raw = {**self._retyped, **self._name_links}  # a name link comes first
        old, self.links = self.links, follow_chains(raw)
        moved = {node for node in old.keys() | self.links.keys() if old.get(node) != self.links.get(node)}
        self.version += bool(moved)
        return moved

    def _update_words(self, nodes: set[str]) -> set[str]:
        """Recompute the name words of the written nodes that criticisms name; those whose words changed."""
        changed = set()
        for node in nodes:
            if node not in self._refs:
                self._words.pop(node, None)  # named by no fact now: kept no longer, so memory follows the graph
                continue
            words = self._name_words(node)
            if self._words.get(node) != words:
                changed.add(node)
                self._words[node] = words
        return changed

    def _name_words(self, node: str) -> tuple[str, ...]:
        names = [*self._said(node, "labels"), *self._said(node, "aliases")]
        return self.shared.words({w for name in names for w in statement_words(name)})

    def _words_of(self, node: str) -> frozenset[str]:
        if node not in self._words:
            self._words[node] = self._name_words(node)
        return frozenset(self._words[node])

    def _canonical(self, iri: str) -> str:
        return self.links.get(iri, iri)

    def _key(self, fact: str) -> Key | None:
        event = self._events.get(fact)
        if event is not None:
            key = principal_key(event, self._canonical)
            return ("event", *key) if key is not None else None
        crit = self._criticisms.get(fact)
        if crit is not None:
            return ("criticism", self._canonical(crit.critic), self._canonical(crit.target))
        reports = self._claims.get(fact)
        if reports:
            return ("claim", self._canonical(reports[0].claimant))
        return None

    def _regroup(self, facts: Iterable[str]) -> None:
        """Move the facts to their groups now, and recluster every group that gained, lost or changed one."""
        dirty: set[Key] = set()
        for fact in facts:
            old, new = self._keys.pop(fact, None), self._key(fact)
            for key, sign in ((old, -1), (new, 1)):
                if key is None:
                    continue
                dirty.add(key)
                (self._groups.add if sign > 0 else self._groups.discard)(key, fact)
            if new is not None:
                self._keys[fact] = self.shared.one(new)  # the facts of one group share one key
        for key in dirty:
            members = self._groups.get(key)
            found = self._cluster(key, members) if members else []
            before = self._clusters.pop(key, [])
            if found:
                self._clusters[key] = found
            if found != before:
                self.version += 1
                self._cluster_links += sum(len(c) - 1 for c in found) - sum(len(c) - 1 for c in before)

    def _cluster(self, key: Key, members: Iterable[str]) -> list[list[str]]:
        if key[0] == "event":
            return event_clusters(sorted((self._events[m] for m in members), key=lambda e: e.iri), self._canonical)
        if key[0] == "claim":
            claims = []
            for m in sorted(members):
                reports = self._claims[m]
                names = frozenset(stem(w) for w in self._words_of(reports[0].claimant))
                claims.append(facts_of(reports, names))
            return claim_clusters(claims, self._canonical)
        crits = []
        for m in sorted(members):
            raw = self._criticisms[m]
            left_out = self._words_of(raw.critic) | self._words_of(raw.target)
            words = statement_of(raw, left_out)
            crits.append(CriticismFacts(m, raw.document, raw.critic, raw.target, words, raw.date, folded_quote(raw)))
        return criticism_clusters(crits, self._canonical)

    def clusters(self, kind: str) -> list[list[str]]:
        """Every cluster of one kind (``event``, ``criticism`` or ``claim``), as sorted IRI lists, in order."""
        return sorted(c for key, found in self._clusters.items() if key[0] == kind for c in found)

    def quad_count(self) -> int:
        """How many quads :meth:`quads` gives, without making them."""
        return len(self.links) + self._cluster_links

    def quads(self) -> list[Quad]:
        """The resolution graph: the owl:sameAs links, and every cluster member to its representative."""
        graph = vocab.RESOLUTION_GRAPH
        found = [Quad(NamedNode(a), vocab.OWL_SAME_AS, NamedNode(b), graph) for a, b in sorted(self.links.items())]
        for key, clusters in self._clusters.items():
            prop = _SAME[key[0]]
            for members in clusters:
                rep = NamedNode(members[0])
                found += [Quad(NamedNode(m), prop, rep, graph) for m in members[1:]]
        return found


class _Tracked:
    """A store's index and the document graphs written through the store since the index last took them in."""

    def __init__(self, generation: int) -> None:
        self.index = ResolutionIndex()
        self.pending: set[str] = set()
        self.seen = generation  # the store's generation after the last write this object was told of
        self.lock = threading.Lock()  # one update of the index at a time
        self.noting = threading.Lock()  # guards pending and seen, which the writing thread updates
        self.fresh = True  # no index built yet
        self.kept: str | None = None  # the store's stamp when the index was last read from or written next to it
        self.written: tuple[ResolutionIndex, int] | None = None  # the index and version the stored graph holds

    def on_write(self, change: Change) -> None:
        """Note a committed write (called by the store on the writing thread: it must not raise)."""
        with self.noting:
            if change.graph not in vocab.SYSTEM_GRAPHS:
                self.pending.add(change.graph.value)
            elif change.graph == vocab.RESOLUTION_GRAPH:
                self.written = None  # whoever wrote it, it may no longer hold what the index gives
            self.seen = change.generation

    def take(self) -> set[str]:
        """The graphs written since the last take (none is lost to a write landing meanwhile)."""
        with self.noting:
            pending, self.pending = self.pending, set()
            return pending


_tracked: weakref.WeakKeyDictionary[GraphStore, _Tracked] = weakref.WeakKeyDictionary()
_tracked_lock = threading.Lock()


_SAME = {"event": SAME_EVENT, "criticism": SAME_CRITICISM, "claim": SAME_CLAIM}
_PLAIN = (p for p in READ if p not in (vocab.RDF_TYPE, vocab.EVIDENCE, vocab.SENTENCE))
_KINDS = sorted({*ENTITY_TYPES, *EVENT_TYPES, "Criticism", "Claim"})
# The triples read_document reads, and no others: the types of entities and facts only (not of spans, money,
# participations), the evidence and sentences of criticisms only (not of every mention).
_READ_IN_GRAPH = f"""GRAPH ?g {{
  {{ VALUES ?p {{ {" ".join(str(p) for p in _PLAIN)} }} ?s ?p ?o }}
  UNION {{ VALUES ?o {{ {" ".join(f"kg:{k}" for k in _KINDS)} }} ?s a ?o BIND(rdf:type AS ?p) }}
  UNION {{ ?s a kg:Criticism ; kg:evidence ?o BIND(kg:evidence AS ?p) }}
  UNION {{ ?f a kg:Criticism ; kg:evidence ?s . ?s kg:sentence ?o BIND(kg:sentence AS ?p) }}
}}"""
_CHUNK = 500  # documents a full build reads per query
FILE = "kg-resolution-index.pickle"  # the index kept next to the store (kg/kept.py)


def _triples_by_graph(store: GraphStore, graphs: list[str]) -> dict[str, list[Triple]]:
    """The triples resolution reads of the ``graphs``, by graph."""
    within = " ".join(str(NamedNode(g)) for g in graphs)
    query = f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {within} }} {_READ_IN_GRAPH} }}"
    result = store.query(vocab.sparql_prefixes() + query)
    assert isinstance(result, SelectResult)
    by_graph: dict[str, list[Triple]] = defaultdict(list)
    for g, s, p, o in result.rows:
        by_graph[g.value].append((s, p, o))  # type: ignore[union-attr]
    return by_graph


def _read(store: GraphStore, graphs: list[str], shared: Shared) -> dict[str, DocumentFacts | None]:
    """Each graph's facts as stored now, as ``shared`` copies; None for a graph no longer there (or holding nothing
    resolution reads).

    One query, as :func:`full_index` reads every document, so it runs where queries run (a server's in-memory
    replica): reading each quad of the graph back from disk took about 20 ms a document at 1M triples.
    """
    if not graphs:
        return {}
    by_graph = _triples_by_graph(store, graphs)
    return {graph: shared.document(read_document(graph, by_graph.pop(graph))) if graph in by_graph else None
            for graph in graphs}  # fmt: skip


def full_index(store: GraphStore) -> ResolutionIndex:
    """An index of every document in the store, built from scratch (what ``kg load`` refreshes from).

    A query for the triples resolution reads, rather than every quad of every graph: the texts, offsets and
    counts it skips are most of a store (reading every quad took 2 s per 100k at 1k synthetic articles). One query
    per ``_CHUNK`` documents, each chunk's rows dropped once read: the rows of the whole store at once (a Python
    term per cell) were most of the build's peak memory.
    """
    index = ResolutionIndex()
    graphs = sorted(g.value for g in store.graphs() if g not in vocab.SYSTEM_GRAPHS)
    found: dict[str, DocumentFacts | None] = {}
    for start in range(0, len(graphs), _CHUNK):
        found.update(_read(store, graphs[start : start + _CHUNK], index.shared))
    index.apply({graph: doc for graph, doc in found.items() if doc is not None})
    return index


def current_index(store: GraphStore) -> ResolutionIndex:
    """The store's index, brought up to date with the documents written since it was last; built on first use.

    Only writes through this store object are seen, so a store another process may write (a remote one) gets a
    full index each time, as does a store whose writes were missed (a write before the index subscribed).
    """
    if not store.embedded:
        return full_index(store)
    with _tracked_lock:
        tracked = _tracked.get(store)
        if tracked is None:
            tracked = _tracked[store] = _Tracked(store.generation)
            store.subscribe(tracked.on_write)
    with tracked.lock:
        if tracked.fresh or tracked.seen != store.generation:  # new, or writes went by unseen: read every document
            # Writes noted from here on are read again below: harmless, a document's facts replace its old ones.
            tracked.seen, tracked.fresh, tracked.written = store.generation, False, None
            tracked.index, tracked.kept = _kept_or_full(store)
        pending = tracked.take()
        try:
            tracked.index.apply(_read(store, sorted(pending), tracked.index.shared))
        except BaseException:
            with _tracked_lock:  # an index left half-updated is dropped: the next refresh starts afresh
                _tracked.pop(store, None)
            raise
        return tracked.index


def _kept_or_full(store: GraphStore) -> tuple[ResolutionIndex, str | None]:
    """The index kept next to the store if it is current (:mod:`kg.kept`), else one built from every document;
    with the stamp it was kept at (None when built)."""
    opened = kept.opened(store, kept.path_of(store, FILE))
    if opened is not None:
        fh, unpickler = opened
        collecting = gc.isenabled()
        gc.disable()  # millions of long-lived objects: collections during the read would find nothing to free
        try:
            with fh:
                index = unpickler.load()
            if isinstance(index, ResolutionIndex):
                return index, store.stamp()  # type: ignore[attr-defined]
            log.warning("%s holds no resolution index: building it again", fh.name)
        except Exception as exc:  # truncated or corrupt past its header
            log.warning("%s is unreadable (%s): building it again", fh.name, exc)
        finally:
            if collecting:
                gc.enable()
    return full_index(store), None


def keep_index(store: GraphStore) -> bool:
    """Write the store's index next to it, if it is current with the store and not kept yet; whether it is kept.

    For ``kg load`` after its refresh and ``kg serve`` once it has built it and when it stops, so that the next
    of either reads it back rather than reads every document (113 s at 10k synthetic articles).
    """
    path = kept.path_of(store, FILE)
    tracked = _tracked.get(store) if path is not None and not getattr(store, "read_only", False) else None
    if tracked is None or tracked.fresh or path is None:
        return False
    with tracked.lock:  # the index changes only under it
        with store.quiescent(), tracked.noting:  # no write under way: the stamp is that of what the index holds
            if tracked.pending or tracked.seen != store.generation:
                return False  # writes the index has not read yet
            stamp = store.stamp()  # type: ignore[attr-defined]
        if stamp is None or tracked.kept == stamp:
            return stamp is not None
        if kept.write(path, stamp, store.generation, (tracked.index,)):
            tracked.kept = stamp
    return tracked.kept == stamp


def start_index(store: GraphStore, *, keep: bool = False) -> threading.Thread:
    """Build the store's index in a background thread (``kg serve`` at start): reads need none of it, and the
    first write's refresh waits for it rather than starting its own. It took 93 s of a 10k-article store's start.
    With ``keep``, the index is then kept next to the store if it was built rather than read back.
    """

    def build() -> None:
        try:
            current_index(store)
            if keep:
                keep_index(store)
        except Exception:  # the first refresh builds it again, and raises there if it must
            log.exception("building the resolution index at start failed; the first write will build it")

    thread = threading.Thread(target=build, name="resolution-index", daemon=True)
    thread.start()
    return thread


class Refresh(NamedTuple):
    """What a resolution refresh has to write."""

    count: int
    """The quads of the resolution graph, once written."""
    quads: list[Quad] | None
    """The quads to write; None when the stored graph already holds them (the documents written changed nothing)."""
    mark: tuple[ResolutionIndex, int] | None
    """What to record once they are written (:func:`resolution_written`)."""


def resolution_refresh(store: GraphStore) -> Refresh:
    """The store's resolution graph as the documents stored now give it, or None for it when it holds that already.

    Most writes change no link and no cluster: rewriting the graph then read every quad of it back from disk to
    find no difference, and moved the read side on for nothing.
    """
    index = current_index(store)
    tracked = _tracked.get(store) if store.embedded else None
    mark = (index, index.version) if tracked is not None else None
    if mark is not None and tracked is not None and tracked.written == mark:
        return Refresh(index.quad_count(), None, None)
    return Refresh(index.quad_count(), index.quads(), mark)


def resolution_written(store: GraphStore, mark: tuple[ResolutionIndex, int] | None) -> None:
    """Record that the store's resolution graph now holds what the index gave at ``mark``."""
    tracked = _tracked.get(store) if mark is not None else None
    if tracked is not None:
        with tracked.noting:
            tracked.written = mark
