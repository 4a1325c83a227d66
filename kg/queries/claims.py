"""Claims as ``GET /claims`` lists them: found in an index per store generation, dated by their documents.

A claim node is shared by every document reporting it (its id is the claimant, the statement and the figures:
:func:`kg.ids.claim_id`); nodes that are one claim reworded (``kg:sameClaim`` in the resolution graph,
:mod:`kg.claim_clusters`) are one item, listed by their representative, with every member's sources, subjects and
rules. An item is dated ``reported``, the earliest publication date of its documents, which ``since`` and
``until`` compare with, and counts the documents and the distinct outlets reporting it.

The index holds each claim's claimants, subjects, texts and date in listing order (newest first), so a page and
its total are a filter over it, as for criticisms (:mod:`kg.queries.criticisms`): grouping every claim by its
documents' dates in SPARQL took 260 ms a request at 5,000 claims. After a write only the claims it touched are
read again (:mod:`kg.queries.snapshot`).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg import vocab
from kg.claim_clusters import SAME_CLAIM
from kg.queries.dates import day_bound, in_range
from kg.queries.entities import catalogue
from kg.queries.facts import load_facts
from kg.queries.merged import Clusters
from kg.queries.reads import earliest, source_documents
from kg.queries.snapshot import Delta, Part, derived
from kg.queries.terms import PREFIXES, RESOLUTION, iris, select, value
from kg.queries.views import Claim, Page, Source
from kg.store.base import GraphStore

Members = set[str] | None
_PROPS = """SELECT ?f ?p ?o WHERE {
  VALUES ?p { kg:claimant kg:about kg:claimText } ?f a kg:Claim ; ?p ?o }"""
_GRAPHS = "SELECT ?f ?g WHERE { GRAPH ?g { ?f a kg:Claim } }"  # one row per document holding a claim
_PUBLISHED = "SELECT ?g ?pub WHERE { GRAPH ?g { ?g kg:published ?pub } }"
_LINKS = f"SELECT ?m ?r WHERE {{ GRAPH {RESOLUTION} {{ ?m {SAME_CLAIM} ?r }} }}"


@dataclass(frozen=True)
class _Row:
    """One claim: who makes it, what it is about, its texts in lower case, its earliest date ("" if none)."""

    fact: str
    claimants: frozenset[str]
    abouts: frozenset[str]
    texts: tuple[str, ...]
    when: str


def _order(row: _Row) -> tuple[tuple[int, ...], str]:
    """The listing order as an ascending key: newest first (a date before its own less precise prefix, undated
    last), then by claim."""
    return (*(-ord(c) for c in row.when), 0), row.fact


@dataclass
class ClaimIndex:
    """Every listed claim's row in listing order, their positions by claimant and by subject, and the clusters."""

    rows: list[_Row]
    by_claimant: dict[str, list[int]] = field(default_factory=dict, compare=False)
    by_about: dict[str, list[int]] = field(default_factory=dict, compare=False)
    clusters: Clusters = field(default_factory=Clusters)  # claims several documents state in other words

    def __post_init__(self) -> None:
        for position, row in enumerate(self.rows):
            for claimant in row.claimants:
                self.by_claimant.setdefault(claimant, []).append(position)
            for about in row.abouts:
                self.by_about.setdefault(about, []).append(position)

    def find(
        self, claimants: Members, abouts: Members, q: str | None, since: str | None, until: str | None
    ) -> list[str]:
        """The claims matching the filters, in listing order."""
        start = day_bound(since, "since", end=False) if since else None
        stop = day_bound(until, "until", end=True) if until else None
        rows: Iterable[_Row] = self.rows
        if claimants is not None or abouts is not None:
            # Start from the smaller side; the other is checked per row below.
            sides = [(s, i) for s, i in ((claimants, self.by_claimant), (abouts, self.by_about)) if s is not None]
            narrow, index = min(sides, key=lambda side: len(side[0]))  # type: ignore[arg-type]
            rows = [self.rows[p] for p in sorted({p for member in narrow for p in index.get(member, ())})]
        needle = q.casefold() if q else None
        return [
            row.fact for row in rows
            if (claimants is None or not claimants.isdisjoint(row.claimants))
            and (abouts is None or not abouts.isdisjoint(row.abouts))
            and (needle is None or any(needle in text for text in row.texts))
            and ((start is None and stop is None) or in_range(row.when, start, stop))
        ]  # fmt: skip


def _rows(store: GraphStore, query: str, within: str) -> Iterator[tuple[str, ...]]:
    """The rows of a SELECT (``within`` put first in its WHERE) as the values of their terms, streamed."""
    _, rows = store.stream(PREFIXES + query.replace("WHERE {", f"WHERE {{ {within}", 1))
    return (tuple(value(term) or "" for term in row) for row in rows)


def read_clusters(store: GraphStore) -> Clusters:
    """The claims the resolution graph merges (one SELECT)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for row in select(store, _LINKS):
        grouped[value(row["r"]) or ""].append(value(row["m"]) or "")
    members = {rep: (rep, *sorted(found)) for rep, found in grouped.items()}
    return Clusters(members, {m: rep for rep, found in grouped.items() for m in found})


def _read_rows(store: GraphStore, clusters: Clusters, only: frozenset[str] | None = None) -> list[_Row]:
    """The rows of every listed claim, or of the listed claims among ``only`` (which holds whole clusters): one
    per cluster, with every member's claimants, subjects, texts and dates.

    The documents' dates are joined here, not in SPARQL: the join there took three times as long.
    """
    within = "" if only is None else f"VALUES ?f {{ {iris(sorted(only))} }}"
    props: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fact, prop, obj in _rows(store, _PROPS, within):
        props[fact][prop].add(obj)
    graphs: dict[str, list[str]] = defaultdict(list)
    for fact, graph in _rows(store, _GRAPHS, within):
        graphs[graph].append(fact)
    dates: dict[str, set[str]] = defaultdict(set)
    documents = "" if only is None else f"VALUES ?g {{ {iris(sorted(graphs))} }}"
    for graph, day in _rows(store, _PUBLISHED, documents) if graphs else ():
        if not day.startswith("--"):
            for fact in graphs[graph]:
                dates[fact].add(day)
    listed: dict[str, list[str]] = defaultdict(list)
    for fact in props:
        rep = clusters.rep_of.get(fact, fact)
        listed[rep if rep in props else fact].append(fact)  # a member whose representative has gone: on its own
    return [
        _Row(
            rep,
            frozenset(x for m in members for x in props[m][vocab.CLAIMANT.value]),
            frozenset(x for m in members for x in props[m][vocab.ABOUT.value]),
            tuple(sorted({t.casefold() for m in members for t in props[m][vocab.CLAIM_TEXT.value]})),
            min((d for m in members for d in dates[m]), default=""),
        )
        for rep, members in listed.items()
    ]


def build_index(store: GraphStore) -> ClaimIndex:
    """Read every claim once and sort them as the listing does (as _order, by two sorts faster than its key)."""
    clusters = read_clusters(store)
    rows = sorted(_read_rows(store, clusters), key=lambda row: row.fact)
    rows.sort(key=lambda row: row.when, reverse=True)  # stable: equal dates keep the claim order
    return ClaimIndex(rows, clusters=clusters)


def update_index(old: ClaimIndex, store: GraphStore, delta: Delta) -> ClaimIndex:
    """The index after a write: the touched claims read again and put in place; the rest kept in order.

    A document written again may change its publication date and so the date of claims whose own triples did not
    change: the claims the written graph holds are read again too. Every claim is read with its whole cluster,
    before and after the write (a resolution write merges and splits them).
    """
    again = delta.touched
    if not delta.resolution:
        rows = select(store, f"SELECT DISTINCT ?f WHERE {{ GRAPH {iris([delta.graph])} {{ ?f a kg:Claim }} }}")
        again = again | {value(row["f"]) or "" for row in rows}
    clusters = read_clusters(store) if delta.resolution else old.clusters
    again = frozenset(old.clusters.related(again) | clusters.related(again))
    fresh = _read_rows(store, clusters, again)
    if not fresh and not any(row.fact in again for row in old.rows):
        return old if clusters == old.clusters else ClaimIndex(old.rows, clusters=clusters)
    rows = [row for row in old.rows if row.fact not in again]
    for row in fresh:
        bisect.insort(rows, row, key=_order)
    return ClaimIndex(rows, clusters=clusters)


def claim_index(store: GraphStore) -> ClaimIndex:
    """The index of the store's snapshot."""
    return derived(store, "claims")


PART = Part("claims", build_index, update_index)


def list_claims(
    store: GraphStore, *, claimant: str | None, about: str | None, q: str | None = None,
    since: str | None = None, until: str | None = None, limit: int, offset: int,
) -> Page[Claim]:
    """Claims, newest first, one item per claim (its reworded reports merged) with every document reporting it as
    a source.

    ``claimant`` and ``about`` name entities (resolution-aware), ``q`` is a substring of the text in any case,
    ``since`` and ``until`` bound the reported date (dates overlapping the range pass).
    """
    cat = catalogue(store)
    claimants, abouts = cat.members(claimant), cat.members(about)
    if claimants == set() or abouts == set():
        return Page[Claim](items=[], total=0)
    index = claim_index(store)
    found = index.find(claimants, abouts, q, since, until)
    page = found[offset : offset + limit]
    members = {f: index.clusters.of(f) for f in page}
    facts = load_facts(store, cat, [m for ms in members.values() for m in ms])
    merged = [merge_claims([facts.claim(m) for m in members[f] if m == f or facts.props(m)]) for f in page]
    return Page[Claim](items=_with_documents(store, merged), total=len(found))


def merge_claims(parts: list[Claim]) -> Claim:
    """One claim from its members' models (the representative first): its text and figures, every member's
    subjects, rules and sources, and the members' ids in ``same_as``."""
    head = parts[0]
    if len(parts) == 1:
        return head
    about = {ref.id: ref for part in parts for ref in part.about}
    rules = sorted({rule for part in parts for rule in part.rules})
    sources = {source for part in parts for source in part.sources}
    return head.model_copy(update={
        "about": sorted(about.values(), key=lambda r: r.id),
        "rule": rules[0] if rules else "",
        "rules": rules,
        "same_as": [part.id for part in parts[1:]],
        "sources": sorted(sources, key=_source_order),
    })  # fmt: skip


def _source_order(source: Source) -> tuple[str, int, int, str]:
    return source.document, source.start, source.end, source.sentence


def _with_documents(store: GraphStore, claims: list[Claim]) -> list[Claim]:
    """The claims with their reported date and their document and outlet counts, from their documents' metadata."""
    documents = source_documents(store, (s.document for c in claims for s in c.sources))
    found = []
    for claim in claims:
        docs = [documents[d] for d in sorted({s.document for s in claim.sources}) if d in documents]
        found.append(claim.model_copy(update={
            "reported": earliest(d.published for d in docs),
            "document_count": len(docs),
            # A document naming no publisher is an outlet of its own: unknown outlets are not assumed the same.
            "outlet_count": len({(d.publisher or "").casefold() or f"doc:{d.id}" for d in docs}),
        }))
    return found


# What claimed figures measure: general nouns of business and usage (their stems, as kg.ids folds words). Two
# figures about one entity disagree only when they measure the same thing: "revenue of $3.7 billion" and "a loss of
# $5 billion" about OpenAI are both in USD, and no dispute.
_MEASURES = {
    "revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue", "arr": "revenue",
    "loss": "loss", "losses": "loss", "lose": "loss", "lost": "loss",
    "profit": "profit", "profits": "profit", "earnings": "profit", "income": "profit",
    "valuation": "valuation", "valued": "valuation", "valuing": "valuation", "worth": "valuation",
    "raised": "funding", "raise": "funding", "raising": "funding", "funding": "funding", "round": "funding",
    "investment": "investment", "invested": "investment", "invest": "investment", "stake": "investment",
    "spending": "spending", "spend": "spending", "capex": "spending", "expenditures": "spending", "cost": "cost",
    "costs": "cost", "price": "price", "prices": "price", "priced": "price",
    "users": "users", "user": "users", "subscribers": "users", "customers": "customers", "clients": "customers",
    "employees": "staff", "staff": "staff", "workforce": "staff", "jobs": "jobs", "workers": "staff",
    "downloads": "downloads", "queries": "queries", "requests": "queries", "searches": "queries",
    "share": "share", "growth": "growth", "grew": "growth", "grow": "growth", "rose": "growth", "fell": "growth",
    "code": "code", "fine": "fine", "fined": "fine", "penalty": "fine", "damages": "damages",
    "settlement": "settlement", "chips": "chips", "gpus": "chips", "parameters": "parameters",
}
_WORD = re.compile(r"[a-z]+")


def measures(text: str) -> frozenset[str]:
    """What the figures of a claim measure, from the measure nouns and verbs of its statement (empty: not said)."""
    return frozenset(_MEASURES[w] for w in _WORD.findall(text.casefold()) if w in _MEASURES)


def same_measure(a: str, b: str) -> bool:
    """Whether two claims' figures may measure the same thing: they share a measure, or either names none (a
    bare figure is compared as before)."""
    ma, mb = measures(a), measures(b)
    return not ma or not mb or not ma.isdisjoint(mb)

