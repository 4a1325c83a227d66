"""Claims as ``GET /claims`` lists them: filtered in the store, dated by their documents, counted by outlet.

A claim node is shared by every document reporting it (its id is the claimant, the statement and the figures:
:func:`kg.ids.claim_id`). Its item is dated ``reported``, the earliest publication date of those documents,
which ``since`` and ``until`` compare with, and counts the documents and the distinct outlets reporting it.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg import vocab
from kg.model import DateRef
from kg.queries.dates import range_filter
from kg.queries.entities import catalogue
from kg.queries.facts import load_facts
from kg.queries.reads import _count, _page, _values, document_rows
from kg.queries.terms import string
from kg.queries.views import Claim, Document, Page
from kg.store.base import GraphStore

Members = set[str] | None
# Newest first, as criticisms and events; claims of one date by id, so pages are stable.
_ORDER = "DESC(?when) ?f"


def _where(claimants: Members, abouts: Members, q: str | None, since: str | None, until: str | None) -> str:
    """SPARQL binding each matching claim ``?f`` once, with ``?when`` its earliest publication date ("" if none).

    The filters pick the claims; the date is then taken over every document holding the claim, so a filter on
    ``about`` does not change a claim's date. ``~`` stands for no date inside MIN (unbound values spoil it).
    """
    about = f"{_values('about', abouts)} ?f kg:about ?about ." if abouts is not None else ""
    text = f"?f kg:claimText ?text FILTER(CONTAINS(LCASE(STR(?text)), {string(q.lower())}))" if q else ""
    return f"""
  {{ SELECT ?f (MIN(?day) AS ?first) WHERE {{
      {{ SELECT DISTINCT ?f WHERE {{ {_values("claimant", claimants)} ?f kg:claimant ?claimant ; a kg:Claim .
                                   {about} {text} }} }}
      GRAPH ?g {{ ?f a kg:Claim }}
      OPTIONAL {{ GRAPH ?g {{ ?g kg:published ?pub }} }}
      BIND(IF(BOUND(?pub) && !STRSTARTS(STR(?pub), "--"), STR(?pub), "~") AS ?day)
  }} GROUP BY ?f }}
  BIND(IF(?first = "~", "", ?first) AS ?when){range_filter("when", since, until)}"""


def list_claims(
    store: GraphStore, *, claimant: str | None, about: str | None, q: str | None = None,
    since: str | None = None, until: str | None = None, limit: int, offset: int,
) -> Page[Claim]:
    """Claims, newest first, one item per claim with every document reporting it as a source.

    ``claimant`` and ``about`` name entities (resolution-aware), ``q`` is a substring of the text in any case,
    ``since`` and ``until`` bound the reported date (dates overlapping the range pass).
    """
    cat = catalogue(store)
    claimants, abouts = cat.members(claimant), cat.members(about)
    if claimants == set() or abouts == set():
        return Page[Claim](items=[], total=0)
    where = _where(claimants, abouts, q, since, until)
    page = _page(store, where, _ORDER, limit, offset)
    facts = load_facts(store, cat, page)
    claims = [facts.claim(f) for f in page]
    return Page[Claim](items=_with_documents(store, claims), total=_count(store, where))


def _with_documents(store: GraphStore, claims: list[Claim]) -> list[Claim]:
    """The claims with their reported date and their document and outlet counts, from their documents' metadata."""
    wanted = frozenset(vocab.document_iri(s.document).value for c in claims for s in c.sources)
    documents: dict[str, Document] = {}
    for _, doc in document_rows(store, wanted) if wanted else ():
        documents.setdefault(doc.id, doc)
    found = []
    for claim in claims:
        docs = [documents[d] for d in sorted({s.document for s in claim.sources}) if d in documents]
        found.append(claim.model_copy(update={
            "reported": _earliest(d.published for d in docs),
            "document_count": len(docs),
            # A document naming no publisher is an outlet of its own: unknown outlets are not assumed the same.
            "outlet_count": len({(d.publisher or "").casefold() or f"doc:{d.id}" for d in docs}),
        }))
    return found


def _earliest(dates: Iterable[DateRef | None]) -> DateRef | None:
    """The earliest of the dates with a year (as the SPARQL's MIN over their ISO text picks it), else None."""
    dated = [d for d in dates if d is not None and not d.value.startswith("--")]
    return min(dated, key=lambda d: d.value) if dated else None
