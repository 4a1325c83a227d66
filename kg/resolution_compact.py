"""Compact forms of what the resolution index keeps per document and per entity.

At 10k synthetic articles the index (:mod:`kg.resolution_index`) held 1.1 GB, most of it copies: each document
read from the store brought its own string per IRI, label and word (pyoxigraph makes a new one per term), an
entity named in a thousand documents had a thousand equal name records, and every one-member set of the indexes
(an entity's documents, a label's entities, a group's facts) cost a hash table. Here: one copy of each value
(:class:`Shared`), a document as a few tuples (:class:`Doc`), and a set of one kept as its member (:class:`Bag`).
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Hashable, Iterable
from typing import Generic, NamedTuple, TypeVar

from kg.claim_clusters import RawClaim
from kg.cluster_facts import DocumentFacts, EntityNames, RawCriticism
from kg.clusters import EventFacts

H = TypeVar("H", bound=Hashable)
K = TypeVar("K", bound=Hashable)
_intern = sys.intern


class Doc(NamedTuple):
    """What the index keeps of one document graph: :class:`~kg.cluster_facts.DocumentFacts` as tuples."""

    graph: str
    nodes: tuple[str, ...]  # the nodes it names, with
    names: tuple[EntityNames, ...]  # what it says of each (shared records)
    mentioned: tuple[str, ...]
    events: tuple[EventFacts, ...]
    criticisms: tuple[RawCriticism, ...]
    claims: tuple[RawClaim, ...] = ()


# References to a value the table alone holds, as prune() counts them: the table's key and value, prune's list
# and loop variable, getrefcount's argument.
_UNUSED = 5


class Shared:
    """One copy of each value documents repeat: IRIs and words (interned), word sets and entity-name records.

    Values no document holds any more (written, then removed or replaced) are dropped whenever the table has
    doubled since the last sweep, so a server taking a feed for days holds what its documents hold, not every
    value it ever read.
    """

    def __init__(self) -> None:
        self._values: dict[Hashable, Hashable] = {}
        self._swept = 0  # values held after the last sweep

    def one(self, value: H) -> H:
        """The copy of ``value`` already held, or ``value`` itself, now held."""
        held = self._values.setdefault(value, value)
        if len(self._values) > 2 * self._swept + 4096:
            self.prune()
        return held  # type: ignore[return-value]

    def prune(self) -> None:
        """Drop the values nothing outside this table refers to."""
        for value in list(self._values):
            if sys.getrefcount(value) <= _UNUSED:
                del self._values[value]
        self._swept = len(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def strings(self, values: frozenset[str]) -> frozenset[str]:
        """A set of strings, its members interned, shared with every equal set."""
        return self.one(frozenset(map(_intern, values)))

    def words(self, words: Iterable[str]) -> tuple[str, ...]:
        """Words as a sorted tuple of interned strings, shared with every equal tuple."""
        return self.one(tuple(sorted(map(_intern, words))))

    def document(self, doc: DocumentFacts | Doc) -> Doc:
        """The document's facts as a :class:`Doc`, each IRI, word, word set and name record a shared copy."""
        if isinstance(doc, Doc):
            return doc
        return Doc(
            _intern(doc.graph),
            tuple(map(_intern, doc.names)),
            tuple(self._names(names) for names in doc.names.values()),
            tuple(sorted(map(_intern, doc.mentioned))),
            tuple(self._event(event) for event in doc.events.values()),
            tuple(self._criticism(crit) for crit in doc.criticisms.values()),
            tuple(self._claim(claim) for claim in doc.claims.values()),
        )

    def _names(self, names: EntityNames) -> EntityNames:
        return self.one(EntityNames(self.strings(names.types), self.strings(names.labels), self.strings(names.aliases)))

    def _event(self, event: EventFacts) -> EventFacts:
        found = EventFacts(_intern(event.iri), _intern(event.type), _intern(event.document), _intern(event.date),
                           _intern(event.published), _intern(event.title))  # fmt: skip
        # Roles as a plain dict of sorted tuples: the index only reads them (get, iteration), never adds to them.
        found.roles = {_intern(role): self.words(entities) for role, entities in event.roles.items()}  # type: ignore[misc]
        found.money = {_intern(key): (amount, _intern(currency), approximate)
                       for key, (amount, currency, approximate) in event.money.items()}  # fmt: skip
        return found

    def _criticism(self, crit: RawCriticism) -> RawCriticism:
        # A quoted criticism's statement is its quote's words (statement_of): its sentences are never read. A
        # sentence's words as a sorted tuple: a third of a frozenset's memory, made a set again when compared.
        sentences = () if crit.quote else tuple(self.words(words) for words in crit.sentences)
        return RawCriticism(_intern(crit.iri), _intern(crit.document), _intern(crit.critic), _intern(crit.target),
                            _intern(crit.quote), sentences, _intern(crit.date))  # fmt: skip

    def _claim(self, claim: RawClaim) -> RawClaim:
        return RawClaim(_intern(claim.iri), _intern(claim.document), _intern(claim.claimant), self.words(claim.words),
                        self.one(claim.figures), self.words(claim.negated))  # fmt: skip


class Bag(Generic[K]):
    """Keys to sets of strings, a set of one kept as its member: most entities, labels and groups have one."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: dict[K, str | set[str]] = {}

    def add(self, key: K, value: str) -> None:
        """Put ``value`` in the key's set."""
        held = self._found.get(key)
        if held is None:
            self._found[key] = value
        elif isinstance(held, set):
            held.add(value)
        elif held != value:
            self._found[key] = {held, value}

    def discard(self, key: K, value: str) -> None:
        """Take ``value`` out of the key's set; a key left with none goes."""
        held = self._found.get(key)
        if isinstance(held, set):
            held.discard(value)
            if len(held) == 1:
                self._found[key] = next(iter(held))
        elif held is not None and held == value:
            del self._found[key]

    def get(self, key: K) -> Collection[str]:
        """The key's set (empty for a key not held); not to be changed."""
        held = self._found.get(key)
        if held is None:
            return ()
        return held if isinstance(held, set) else (held,)

    def __contains__(self, key: object) -> bool:
        return key in self._found

    def __len__(self) -> int:
        return len(self._found)
