"""Relations, events and claims, each rule family on short sentences."""

from __future__ import annotations

from extract_helpers import check_spans, labels, rels

from kg.model import DateRef
from loaders.extract import extract


def test_affiliation_from_title_and_appositive() -> None:
    text = ("Veltrix CEO Oona Brandt spoke first. Ravi Menon, co-founder of Lumora Labs, replied. "
            "Kestrel Systems founder Ada Pike agreed.")
    ex = extract(text)
    aff = rels(ex, "affiliated_with")
    assert ("Oona Brandt", "Veltrix") in aff
    assert ("Ravi Menon", "Lumora Labs") in aff
    assert ("Ada Pike", "Kestrel Systems") in aff
    roles = {r.role for r in ex.relations if r.predicate == "affiliated_with"}
    assert "CEO" in roles
    check_spans(text, ex)


def test_developed_by_from_its_model() -> None:
    ex = extract("Zentrix said its chatbot Quill is improving fast. Critics were unconvinced.")
    assert ("Quill", "Zentrix") in rels(ex, "developed_by")


def test_funding_round_with_amount_valuation_and_investors() -> None:
    text = ("Lumora Labs raised $6.6B in a new funding round, valuing the company at nearly $1.4 trillion. "
            "Investors in the round include Brightwave Capital and Harbor Ventures.")
    ex = extract(text)
    rounds = [e for e in ex.events if e.type == "FundingRound"]
    assert len(rounds) == 1
    ev = rounds[0]
    assert ev.amount is not None and abs(ev.amount.value - 6.6e9) < 1
    assert ev.valuation is not None and ev.valuation.approximate and abs(ev.valuation.value - 1.4e12) < 1
    names = {p.role: [] for p in ev.participants}
    for p in ev.participants:
        names[p.role].append(next(e.label for e in ex.entities if e.key == p.entity))
    assert names["recipient"] == ["Lumora Labs"]
    assert {"Brightwave Capital", "Harbor Ventures"} <= set(names["investor"])


def test_euro_funding_and_ipo_filing_with_relative_date() -> None:
    published = DateRef(value="2025-03-14", precision="day")
    ex = extract("Kestrel Systems secured €15 million in seed funding. Kestrel Systems filed for an IPO on Tuesday.",
                 published)
    fr = next(e for e in ex.events if e.type == "FundingRound")
    assert fr.amount is not None and fr.amount.currency == "EUR" and fr.amount.value == 15e6
    ipo = next(e for e in ex.events if e.type == "IPOFiling")
    assert ipo.date == DateRef(value="2025-03-11", precision="day", inferred=True)


def test_publication_with_title_and_authors() -> None:
    text = ("On March 3, Zentrix published a new paper on its blog. The paper, titled \"Machines That Plan\", "
            "was co-authored by Oona Brandt and Ravi Menon.")
    ex = extract(text)
    pub = next(e for e in ex.events if e.type == "Publication")
    assert pub.title == "Machines That Plan"
    roles = {(p.role, next(e.label for e in ex.entities if e.key == p.entity)) for p in pub.participants}
    assert ("publisher", "Zentrix") in roles
    assert ("author", "Oona Brandt") in roles and ("author", "Ravi Menon") in roles
    assert ("Oona Brandt", pub.label) in rels(ex, "authored")
    assert pub.date is not None and pub.date.value == "--03-03"


def test_lawsuit_plaintiff_and_defendant() -> None:
    ex = extract("Harbor Media sued Zentrix in federal court over its training data.")
    suit = next(e for e in ex.events if e.type == "Lawsuit")
    roles = {(p.role, next(e.label for e in ex.entities if e.key == p.entity)) for p in suit.participants}
    assert roles == {("plaintiff", "Harbor Media"), ("defendant", "Zentrix")}


def test_claim_with_quantities() -> None:
    ex = extract("Zentrix said that over 80% of its code is now written by Quill, eight times more than in 2023.")
    claim = ex.claims[0]
    units = {(q.unit, q.value) for q in claim.quantities}
    assert ("percent", 80.0) in units
    assert ("multiple", 8.0) in units
    assert next(e.label for e in ex.entities if e.key == claim.claimant) == "Zentrix"
    assert labels(ex)["Zentrix"] == "Organization"
