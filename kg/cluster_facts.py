"""What resolution compares, read from one document's own quads: its entities' names and its events and criticisms.

Resolution runs after every write. Reading every event and criticism of the store back (with SPARQL, or from the
read side's snapshot) cost seconds a write at a million triples, though a write changes one document.
:mod:`kg.resolution_index` keeps what this module reads of each document and, after a write, reads only the
document written. What it reads is what the SPARQL reading of :mod:`kg.clusters` gives over the union of the
graphs (a test holds the two to the same clusters): a document's facts, spans and nested nodes live in its graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from kg import vocab
from kg.claim_clusters import RawClaim, figures_of, key_words, negated_words
from kg.clusters import EventFacts, fold_quote, statement_words
from kg.model import EVENT_TYPES

# The entity types resolution links (local names); an entity of several takes the first by name.
ENTITY_TYPES = frozenset(("Organization", "Person", "Place", "Product"))
_EVENT_TYPES = frozenset(EVENT_TYPES)
_MONEY_KEYS = {vocab.AMOUNT.value: "amount", vocab.VALUATION.value: "valuation"}


@dataclass(frozen=True, slots=True)
class EntityNames:
    """What one document says of one node: its entity types, labels and aliases."""

    types: frozenset[str]
    labels: frozenset[str]
    aliases: frozenset[str]


@dataclass(frozen=True, slots=True)
class RawCriticism:
    """One criticism as its document states it, before the names of critic and target are taken out of its words."""

    iri: str
    document: str
    critic: str
    target: str
    quote: str  # as written ("" for none)
    sentences: tuple[Collection[str], ...]  # the content words of each evidence sentence, sorted
    date: str  # stated (not inferred), or ""

    @property
    def entities(self) -> tuple[str, str]:
        """The nodes whose names the statement's words are compared without."""
        return self.critic, self.target


@dataclass(slots=True)
class DocumentFacts:
    """What resolution needs of one document graph."""

    graph: str
    names: dict[str, EntityNames] = field(default_factory=dict)
    mentioned: frozenset[str] = frozenset()  # the entities it mentions (kg:mentionedIn the document)
    events: dict[str, EventFacts] = field(default_factory=dict)
    criticisms: dict[str, RawCriticism] = field(default_factory=dict)
    claims: dict[str, RawClaim] = field(default_factory=dict)


def _value(term: object) -> str:
    return getattr(term, "value", "")


# The only predicates read: a full build asks the store for these alone (not the texts, offsets and counts).
READ = (
    vocab.RDF_TYPE, vocab.RDFS_LABEL, vocab.ALIAS, vocab.MENTIONED_IN, vocab.PUBLISHED, vocab.DATE,
    vocab.DATE_INFERRED, vocab.TITLE, vocab.PARTICIPANT, vocab.ROLE, vocab.ENTITY, vocab.AMOUNT, vocab.VALUATION,
    vocab.VALUE, vocab.CURRENCY, vocab.APPROXIMATE, vocab.QUOTE, vocab.EVIDENCE, vocab.SENTENCE, vocab.CRITIC,
    vocab.TARGET, vocab.CLAIMANT, vocab.CLAIM_TEXT, vocab.QUANTITY, vocab.UNIT,
)  # fmt: skip
Triple = tuple[object, object, object]


def read_document(graph: str, triples: Iterable[Triple]) -> DocumentFacts:
    """The names, mentions, events and criticisms of one document graph, from its (subject, predicate, object)s."""
    by_subject: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in triples:
        if isinstance(subject, NamedNode):
            by_subject[subject.value][_value(predicate)].append(obj)
    facts = DocumentFacts(graph)
    facts.names = _names(by_subject)
    mentioned = vocab.MENTIONED_IN.value
    facts.mentioned = frozenset(
        s for s, props in by_subject.items() if any(_value(o) == graph for o in props.get(mentioned, ()))
    )
    published = "".join(_value(o) for o in by_subject.get(graph, {}).get(vocab.PUBLISHED.value, [])[:1])
    for subject, props in by_subject.items():
        kinds = {_local(o) for o in props.get(vocab.RDF_TYPE.value, ())}
        if kinds & _EVENT_TYPES:
            facts.events[subject] = _event(subject, min(kinds & _EVENT_TYPES), graph, published, props, by_subject)
        elif "Criticism" in kinds and props.get(vocab.CRITIC.value) and props.get(vocab.TARGET.value):
            facts.criticisms[subject] = _criticism(subject, graph, props, by_subject)
        elif "Claim" in kinds and props.get(vocab.CLAIMANT.value) and props.get(vocab.CLAIM_TEXT.value):
            facts.claims[subject] = _claim(subject, graph, props, by_subject)
    return facts


def _local(term: object) -> str:
    return _value(term).removeprefix(vocab.ONTOLOGY)


def _names(by_subject: dict[str, dict[str, list[object]]]) -> dict[str, EntityNames]:
    found = {}
    for subject, props in by_subject.items():
        labels = frozenset(_value(o) for o in props.get(vocab.RDFS_LABEL.value, ()) if isinstance(o, Literal))
        aliases = frozenset(_value(o) for o in props.get(vocab.ALIAS.value, ()) if isinstance(o, Literal))
        types = frozenset(_local(o) for o in props.get(vocab.RDF_TYPE.value, ())) & ENTITY_TYPES
        if labels or aliases or types:
            found[subject] = EntityNames(types, labels, aliases)
    return found


def _event(
    iri: str, kind: str, graph: str, published: str, props: dict[str, list[object]], nodes: dict
) -> EventFacts:
    """An event's facts as :func:`kg.clusters.read_events` reads them (the latest date, the first title by text)."""
    event = EventFacts(iri, kind, graph, max((_value(o) for o in props.get(vocab.DATE.value, ())), default=""))
    event.published = published
    event.title = min((_value(o) for o in props.get(vocab.TITLE.value, ())), default="")
    for node in props.get(vocab.PARTICIPANT.value, ()):
        part = nodes.get(_value(node), {})
        for role in part.get(vocab.ROLE.value, ()):
            for entity in part.get(vocab.ENTITY.value, ()):
                event.roles[_value(role).lower()].add(_value(entity))
    for prop, key in _MONEY_KEYS.items():
        for node in props.get(prop, ()):
            money = nodes.get(_value(node), {})
            for amount in money.get(vocab.VALUE.value, ()):
                currency = "".join(_value(o) for o in money.get(vocab.CURRENCY.value, ())[:1]) or "USD"
                approximate = any(_value(o) == "true" for o in money.get(vocab.APPROXIMATE.value, ()))
                event.money[key] = (float(_value(amount)), currency, approximate)
    return event


def _criticism(iri: str, graph: str, props: dict[str, list[object]], nodes: dict) -> RawCriticism:
    """A criticism's critic, target, quote, evidence sentences' words and stated date."""
    quote = min((_value(o) for o in props.get(vocab.QUOTE.value, ())), default="")
    texts = {
        _value(sentence)
        for span in props.get(vocab.EVIDENCE.value, ())
        for sentence in nodes.get(_value(span), {}).get(vocab.SENTENCE.value, ())
    }
    sentences = {statement_words(text) for text in texts}
    inferred = [_value(o) for o in props.get(vocab.DATE_INFERRED.value, ())]
    date = min((_value(o) for o in props.get(vocab.DATE.value, ())), default="") if "false" in inferred else ""
    critic = min(_value(o) for o in props[vocab.CRITIC.value])
    target = min(_value(o) for o in props[vocab.TARGET.value])
    ordered = tuple(sorted(sentences, key=lambda words: sorted(words)))
    return RawCriticism(iri, graph, critic, target, quote, ordered, date)


def _claim(iri: str, graph: str, props: dict[str, list[object]], nodes: dict) -> RawClaim:
    """A claim as one document states it: its claimant, statement key words and figures."""
    text = min(_value(o) for o in props[vocab.CLAIM_TEXT.value])  # every text of one node has one key
    figures = [
        (float(_value(amount)), "".join(_value(o) for o in quantity.get(vocab.UNIT.value, ())[:1]))
        for node in props.get(vocab.QUANTITY.value, ())
        for quantity in [nodes.get(_value(node), {})]
        for amount in quantity.get(vocab.VALUE.value, ())[:1]
    ]
    claimant = min(_value(o) for o in props[vocab.CLAIMANT.value])
    return RawClaim(iri, graph, claimant, key_words(text), figures_of(figures), negated_words(text))


def statement_of(crit: RawCriticism, left_out: frozenset[str]) -> frozenset[str]:
    """The criticism's statement words without ``left_out`` (its critic's and target's names).

    The quote's words if it has one, else those of the evidence sentence that keeps the most (the first in order
    on a tie), as :func:`kg.clusters.read_criticisms` chooses among the rows of several sentences.
    """
    if crit.quote:
        return statement_words(crit.quote) - left_out
    best: frozenset[str] = frozenset()
    for words in crit.sentences:
        kept = frozenset(words) - left_out
        if len(kept) > len(best):
            best = kept
    return best


def folded_quote(crit: RawCriticism) -> str:
    """The criticism's quote, folded for comparison."""
    return fold_quote(crit.quote)
