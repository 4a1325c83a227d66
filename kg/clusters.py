"""Cross-document fact merging: one real-world event or criticism reported by several documents.

Each document makes its own event and criticism nodes (their ids include the document), so a funding round told by
five outlets is five nodes. Resolution (:mod:`kg.resolution_index`) groups them with these rules into clusters and
writes, in the resolution graph, ``kg:sameEvent`` / ``kg:sameCriticism`` from every member to the cluster's
representative, the member with the smallest IRI (a choice that does not depend on the order documents arrived in).
The read side lists one item per cluster with every member's sources; a removed document takes its members, and
so its sources, with it, and the cluster goes when none is left.

Two events are one when they are of one type, from different documents, share their principal participant after
entity resolution (a round's recipient, a suit's defendant, a release's product, a publication's publisher and
title), their figures agree within a tolerance (same currency) and their dates can name the same days. Two
criticisms are one when critic and target agree after resolution and their statements (quote, else sentence)
share most of their content words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from kg import vocab
from kg.model import EVENT_TYPES
from kg.store.base import GraphStore, SelectResult

T = TypeVar("T")
SAME_EVENT = vocab.term("sameEvent")
SAME_CRITICISM = vocab.term("sameCriticism")
# Figures are one figure told differently within these relative distances (of the larger): the rounding news uses
# ("$6.6 billion" and "$6.5 billion"; a valuation of "nearly $1 trillion" and "$965 billion"). Further apart they
# are two rounds: a merged round shows one figure, which must stand for every report of it. Disagreements within
# the tolerance are listed by /conflicts, each value with its sources.
_TOLERANCE = {"amount": 0.02, "valuation": 0.05}
# Day dates this many days apart still name one event (time zones, "on Thursday" resolved against a later date).
_DAY_SLACK = 7
# An undated event and another are one only if their documents were published within this many days.
_REPORT_WINDOW = 31
# Statements sharing at least this share of the shorter one's content words (and at least _MIN_SHARED) are one.
_STATEMENT_OVERLAP = 0.6
_MIN_SHARED = 3
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_STOPWORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "he", "her",
    "his", "i", "in", "is", "it", "its", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
    "they", "this", "to", "was", "we", "were", "what", "which", "who", "will", "with", "would", "you", "your",
    "not", "no", "than", "then", "there", "these", "those", "also", "just", "very", "can", "could", "should",
    "may", "might", "said", "says", "say", "told", "about", "into", "over", "more", "most",
    "saying", "according", "added", "wrote", "called", "criticised", "criticized", "criticising", "criticizing",
))  # fmt: skip
# The participant roles that identify an event of each type: every role listed must agree where both name it,
# and the first must be named by both.
_PRINCIPAL: dict[str, tuple[str, ...]] = {
    "FundingRound": ("recipient",),
    "IPOFiling": ("recipient",),
    "Lawsuit": ("defendant", "plaintiff"),
    "ProductRelease": ("product", "developer"),
    "Publication": ("publisher", "author"),
}


@dataclass(slots=True)
class EventFacts:
    """What merging compares of one event node."""

    iri: str
    type: str
    document: str
    date: str = ""
    published: str = ""
    title: str = ""
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    money: dict[str, tuple[float, str, bool]] = field(default_factory=dict)  # amount/valuation -> figure


@dataclass
class CriticismFacts:
    """What merging compares of one criticism node."""

    iri: str
    document: str
    critic: str
    target: str
    statement: frozenset[str]
    date: str = ""
    quote: str = ""  # folded: two outlets quoting the same words, however few

    def same_statement(self, other: CriticismFacts) -> bool:
        """Whether the two state the same thing: the same quote, or mostly the same content words."""
        return (bool(self.quote) and self.quote == other.quote) or statements_agree(self.statement, other.statement)


def _rows(store: GraphStore, query: str) -> list[tuple]:
    result = store.query(vocab.sparql_prefixes() + query)
    assert isinstance(result, SelectResult)
    return result.rows


def _text(term: object) -> str:
    return getattr(term, "value", "") if term is not None else ""


_TYPES = ", ".join(f"kg:{t}" for t in EVENT_TYPES)
_EVENTS = f"""SELECT ?f ?type ?g ?date ?pub ?title WHERE {{
  GRAPH ?g {{ ?f a ?type FILTER(?type IN ({_TYPES}))
    OPTIONAL {{ ?f kg:date ?date }} OPTIONAL {{ ?f kg:title ?title }} }}
  OPTIONAL {{ ?g kg:published ?pub }}
}}"""
_PARTICIPANTS = f"""SELECT ?f ?role ?x WHERE {{
  ?f a ?type ; kg:participant ?pn . ?pn kg:role ?role ; kg:entity ?x FILTER(?type IN ({_TYPES}))
}}"""
_MONEY = """SELECT ?f ?p ?value ?currency ?approx WHERE {
  VALUES ?p { kg:amount kg:valuation } ?f ?p ?m . ?m kg:value ?value
  OPTIONAL { ?m kg:currency ?currency } OPTIONAL { ?m kg:approximate ?approx }
}"""
_CRITICISMS = """SELECT ?f ?g ?critic ?target ?quote ?sentence ?date WHERE {
  GRAPH ?g { ?f a kg:Criticism ; kg:critic ?critic ; kg:target ?target .
    OPTIONAL { ?f kg:quote ?quote } OPTIONAL { ?f kg:evidence ?s . ?s kg:sentence ?sentence }
    OPTIONAL { ?f kg:date ?date ; kg:dateInferred false } }
}"""
# Names of critics and targets, read apart: joined to every criticism in SPARQL they cost four times the rest.
_NAMES = """SELECT DISTINCT ?x ?name WHERE {
  { SELECT DISTINCT ?x WHERE { ?c kg:critic|kg:target ?x } } ?x rdfs:label|kg:alias ?name
}"""


def read_events(store: GraphStore) -> list[EventFacts]:
    """Every event node with its type, document, date, participants by role and figures (three SELECTs)."""
    found: dict[str, EventFacts] = {}
    for f, kind, g, date, pub, title in _rows(store, _EVENTS):
        event = found.setdefault(f.value, EventFacts(f.value, kind.value.removeprefix(vocab.ONTOLOGY), g.value))
        event.date = max(event.date, _text(date))
        event.published = _text(pub)
        event.title = event.title or _text(title)
    for f, role, x in _rows(store, _PARTICIPANTS):
        if f.value in found:
            found[f.value].roles[role.value.lower()].add(x.value)
    for f, prop, amount, currency, approx in _rows(store, _MONEY):
        if f.value in found:
            key = prop.value.removeprefix(vocab.ONTOLOGY)
            found[f.value].money[key] = (float(amount.value), _text(currency) or "USD", _text(approx) == "true")
    return sorted(found.values(), key=lambda e: e.iri)


def read_criticisms(store: GraphStore) -> list[CriticismFacts]:
    """Every criticism node with its critic, target, statement words and stated date."""
    names: dict[str, set[str]] = defaultdict(set)
    for x, name in _rows(store, _NAMES):
        names[x.value] |= statement_words(name.value)
    found: dict[str, CriticismFacts] = {}
    for f, g, critic, target, quote, sentence, date in _rows(store, _CRITICISMS):
        # The critic's and target's names are in every report of every statement of the pair: they tell none apart.
        words = statement_words(_text(quote) or _text(sentence)) - names[critic.value] - names[target.value]
        known = found.get(f.value)
        if known is None or (quote is None and len(words) > len(known.statement)):
            quoted = fold_quote(_text(quote))
            found[f.value] = CriticismFacts(f.value, g.value, critic.value, target.value, words, _text(date), quoted)
    return sorted(found.values(), key=lambda c: c.iri)


def fold_quote(text: str) -> str:
    """A quote's words, folded: two outlets quoting the same words agree on it."""
    return " ".join(_WORD.findall(text.casefold().replace("’", "'")))


def statement_words(text: str) -> frozenset[str]:
    """The content words of a statement, folded: what two outlets quoting or paraphrasing it keep."""
    return frozenset(w for w in _WORD.findall(text.casefold().replace("’", "'")) if w not in _STOPWORDS and len(w) > 1)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def dates_compatible(a: str, b: str) -> bool:
    """Whether two stated dates can name one event: unknown, one within the other, or day dates a week apart."""
    if not a or not b or a.startswith("--") or b.startswith("--"):
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    day_a, day_b = _day(a), _day(b)
    return day_a is not None and day_b is not None and abs((day_a - day_b).days) <= _DAY_SLACK


def figures_compatible(kind: str, a: tuple[float, str, bool], b: tuple[float, str, bool]) -> bool:
    """Whether two figures (an ``amount`` or a ``valuation``) are one told differently: same currency, close."""
    (x, cur_x, _), (y, cur_y, _) = a, b
    return cur_x == cur_y and abs(x - y) <= _TOLERANCE.get(kind, 0.02) * max(abs(x), abs(y))


def _title(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def events_compatible(a: EventFacts, b: EventFacts) -> bool:
    """Whether two events (of one type and principal participant) can be one reported twice."""
    if a.document == b.document or not dates_compatible(a.date, b.date):
        return False
    if (not a.date or not b.date) and a.published and b.published:
        day_a, day_b = _day(a.published), _day(b.published)
        if day_a and day_b and abs((day_a - day_b).days) > _REPORT_WINDOW:
            return False
    if a.type == "Publication" and not (_title(a.title) and _title(a.title) == _title(b.title)):
        return False  # an untitled publication of a publisher could be any of its papers
    return all(figures_compatible(k, a.money[k], b.money[k]) for k in a.money.keys() & b.money.keys())


def principal_key(event: EventFacts, canonical: Callable[[str], str]) -> tuple[str, ...] | None:
    """The key events must share to be compared: the canonical entity of the type's first principal role."""
    roles = _PRINCIPAL.get(event.type, ())
    if not roles or not event.roles.get(roles[0]):
        return None
    return (event.type, *sorted(canonical(x) for x in event.roles[roles[0]]))


def _roles_agree(a: EventFacts, b: EventFacts, canonical: Callable[[str], str]) -> bool:
    """Every principal role both events name has a participant in common."""
    for role in _PRINCIPAL.get(a.type, ()):
        left, right = {canonical(x) for x in a.roles.get(role, ())}, {canonical(x) for x in b.roles.get(role, ())}
        if left and right and left.isdisjoint(right):
            return False
    return True


def _greedy(items: list[T], fits: Callable[[T, T], bool]) -> list[list[T]]:
    """Clusters in which every two members fit, each item joining the first cluster it fits entirely."""
    clusters: list[list[T]] = []
    for item in items:
        home = next((c for c in clusters if all(fits(item, other) for other in c)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    return clusters


def event_clusters(events: Iterable[EventFacts], canonical: Callable[[str], str]) -> list[list[str]]:
    """The events that are one, as lists of IRIs of two members or more (the smallest IRI first)."""
    groups: dict[tuple[str, ...], list[EventFacts]] = defaultdict(list)
    for event in events:
        key = principal_key(event, canonical)
        if key is not None:
            groups[key].append(event)
    found = []
    for group in groups.values():
        ordered = sorted(group, key=lambda e: (e.date or "~", e.iri))  # dated first: they anchor the clusters

        def fits(a: EventFacts, b: EventFacts) -> bool:
            return events_compatible(a, b) and _roles_agree(a, b, canonical)

        found += [sorted(e.iri for e in c) for c in _greedy(ordered, fits) if len(c) > 1]
    return sorted(found)


def statements_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two statements' content words mostly agree (light rewording allowed)."""
    shared = len(a & b)
    return shared >= _MIN_SHARED and shared >= _STATEMENT_OVERLAP * min(len(a), len(b))


def criticism_clusters(criticisms: Iterable[CriticismFacts], canonical: Callable[[str], str]) -> list[list[str]]:
    """The criticisms that are one statement reported by several documents, as IRI lists (smallest first)."""
    groups: dict[tuple[str, str], list[CriticismFacts]] = defaultdict(list)
    for crit in criticisms:
        groups[(canonical(crit.critic), canonical(crit.target))].append(crit)
    found = []
    for group in groups.values():

        def fits(a: CriticismFacts, b: CriticismFacts) -> bool:
            return a.document != b.document and dates_compatible(a.date, b.date) and a.same_statement(b)

        found += [sorted(c.iri for c in cluster) for cluster in _greedy(group, fits) if len(cluster) > 1]
    return sorted(found)
