"""A synthetic, realistic news graph for the benchmarks: kg.model Documents written with kg.rdf.document_quads.

Actors come from shared pools (so the same person or company appears in many articles, as in real news);
each article names a few of them and states affiliations, products, funding rounds and criticisms.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg import ids
from kg.model import (
    Criticism,
    DateRef,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Extraction,
    Money,
    Participant,
    Relation,
    Span,
)
from kg.rdf import document_quads

_INGESTED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_TYPES = ("Person", "Organization", "Product")


def documents(count: int, pool: int, facts_per_doc: int, seed: int = 7) -> Iterator[Document]:
    """``count`` articles over a pool of ``pool`` actors, each with about ``facts_per_doc`` facts."""
    rng = random.Random(seed)
    for n in range(count):
        text = f"Article {n}: " + " ".join(f"sentence {i}." for i in range(20))
        where = Span(start=0, end=len(text), sentence=text)
        people = [f"Person {rng.randrange(pool)}" for _ in range(facts_per_doc)]
        orgs = [f"Org {rng.randrange(max(1, pool // 4))}" for _ in range(facts_per_doc)]
        products = [f"Product {rng.randrange(max(1, pool // 4))}" for _ in range(max(1, facts_per_doc // 3))]
        keys: dict[tuple[str, str], str] = {}
        for type_, labels in (("Person", people), ("Organization", orgs), ("Product", products)):
            for label in labels:
                keys.setdefault((type_, label), f"k{len(keys)}")
        entities = tuple(Entity(key=k, label=label, type=t, mentions=(where,)) for (t, label), k in keys.items())
        person = [keys["Person", p] for p in people]
        org = [keys["Organization", o] for o in orgs]
        product = [keys["Product", p] for p in products]
        month = 1 + n % 12
        relations = [
            Relation(
                subject=p,
                predicate="affiliated_with",
                object=o,
                role=rng.choice(["CEO", "researcher", None]),
                source=where,
            )
            for p, o in zip(person, org, strict=True)
        ] + [Relation(subject=p, predicate="developed_by", object=rng.choice(org), source=where) for p in product]
        criticisms = [
            Criticism(
                critic=rng.choice(person),
                target=rng.choice(org + product),
                summary="criticised",
                quote="a ploy",
                date=DateRef(value=f"2025-{month:02}-{1 + n % 28:02}", precision="day"),
                source=where,
            )
            for _ in range(max(1, facts_per_doc // 2))
        ]
        round_date = DateRef(value=f"2025-{month:02}", precision="month")
        roles = (Participant(role="recipient", entity=org[0]), Participant(role="investor", entity=org[-1]))
        events = (
            Event(key="ev", type="FundingRound", label=f"funding {n}", date=round_date, amount=Money(value=1e9),
                  participants=roles, source=where),
        )  # fmt: skip
        extraction = Extraction(
            entities=entities, events=events, criticisms=tuple(criticisms), relations=tuple(relations)
        )
        published = DateRef(value=f"2025-{month:02}-15", precision="day")
        meta = DocumentMeta(id=ids.document_id(text), title=f"Article {n}", published=published, ingested_at=_INGESTED)
        yield Document(meta=meta, text=text, extraction=extraction)


def build_store(path: Path, count: int, pool: int, facts_per_doc: int) -> int:
    """Bulk-load the synthetic articles into a new on-disk store at ``path``; returns the number of quads.

    Setting up a benchmark is not what it measures, so this uses pyoxigraph's bulk loader rather than the
    store's per-document transactions (bench/load.py measures those).
    """
    store = ox.Store(str(path))
    store.bulk_extend(quad for doc in documents(count, pool, facts_per_doc) for quad in document_quads(doc))
    store.flush()
    count = len(store)
    del store
    return count
