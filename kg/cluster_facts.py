"""What merging compares of every event and criticism, read from the read side's snapshot when it is current.

Resolution runs after every write. Reading every event and criticism back with SPARQL took 2.3 s a write at
400k triples (10 s at 2M), where ``kg serve`` already holds them rendered, kept up to date write by write, in
its snapshot (:mod:`kg.queries.facts`). This module turns those models into :class:`kg.clusters.EventFacts` and
:class:`kg.clusters.CriticismFacts` as the SPARQL reading gives them: participants as their canonical entities
(which resolution then maps through its fresh links), critics' and targets' names from the catalogue's nodes.
"""

from __future__ import annotations

from kg import vocab
from kg.clusters import CriticismFacts, EventFacts, fold_quote, statement_words
from kg.store.base import GraphStore


def snapshot_facts(store: GraphStore) -> tuple[list[EventFacts], list[CriticismFacts]] | None:
    """Every event's and criticism's facts from a snapshot of the store as it is now; None if there is none."""
    from kg.queries import catalogue, latest  # the read side; it never imports resolution
    from kg.queries.activity import activity_index
    from kg.queries.facts import fact_models

    view = latest(store)
    if view is None or view.generation != store.generation:
        return None
    models, cat, rows = fact_models(view), catalogue(view), activity_index(view).rows

    def published(document: str) -> str:
        found = rows.get(document)
        date = found[0].published if found else None
        return date.value if date is not None else ""

    events = []
    for iri, event in models.events.items():
        document = vocab.document_iri(event.sources[0].document).value if event.sources else ""
        found = EventFacts(iri, event.type, document, event.date.value if event.date else "", published(document))
        found.title = event.title or ""
        for p in event.participants:
            found.roles[p.role.lower()].add(vocab.resource(p.entity.id).value)
        for key, money in (("amount", event.amount), ("valuation", event.valuation)):
            if money is not None:
                found.money[key] = (money.value, money.currency, money.approximate)
        events.append(found)

    names: dict[str, frozenset[str]] = {}

    def words_of(node: str) -> frozenset[str]:
        if node not in names:
            stored = cat.nodes.get(node)
            texts = [*stored.labels, *stored.aliases] if stored else [models.ref(node).label]
            names[node] = frozenset(w for t in texts for w in statement_words(t))
        return names[node]

    criticisms = []
    for iri, crit in models.criticisms.items():
        source = crit.sources[0] if crit.sources else None
        shown = models.references.get(iri, frozenset())
        said = statement_words(crit.quote or (source.sentence if source else ""))
        words = said.difference(*(words_of(n) for n in shown))
        date = crit.date.value if crit.date is not None and not crit.date.inferred else ""
        quoted = fold_quote(crit.quote or "")
        critic, target = (vocab.resource(ref.id).value for ref in (crit.critic, crit.target))
        document = vocab.document_iri(source.document).value if source else ""
        criticisms.append(CriticismFacts(iri, document, critic, target, frozenset(words), date, quoted))
    return sorted(events, key=lambda e: e.iri), sorted(criticisms, key=lambda c: c.iri)
