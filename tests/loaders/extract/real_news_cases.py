"""Helpers for the real-news funding and role cases: rounds and roles read off an extraction by normalised name."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from extract_helpers import check_spans

from kg.model import Extraction
from loaders.extract import extract

# (recipient, amount, currency, valuation, investors that must be among the round's)
Round = tuple[str, float | None, str | None, float | None, set[str]]
_SUFFIX = re.compile(r"\b(?:inc|corp|corporation|ltd|limited|co|plc)\b\.?", re.I)


def norm(name: str) -> str:
    """A name compared as the scorer does (no case, punctuation or leading article) and without a legal suffix
    ("Scout AI Inc." = "Scout AI", "The Bot Company" = "Bot Company")."""
    words = re.sub(r"[^\w\s]", " ", _SUFFIX.sub("", name.replace("’", "'"))).lower().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def _names(ex: Extraction) -> dict[str, set[str]]:
    """key -> the normalised label and aliases of every entity."""
    return {e.key: {norm(e.label), *(norm(a) for a in e.aliases)} for e in ex.entities}


def rounds(ex: Extraction) -> list[tuple[set[str], float | None, str | None, float | None, set[str]]]:
    """(recipient names, amount, currency, valuation, investor labels) of every funding round."""
    names = _names(ex)
    label = {e.key: norm(e.label) for e in ex.entities}
    out = []
    for ev in ex.events:
        if ev.type != "FundingRound":
            continue
        rec = next((names[p.entity] for p in ev.participants if p.role == "recipient"), set())
        inv = {label[p.entity] for p in ev.participants if p.role == "investor"}
        out.append((rec, ev.amount.value if ev.amount else None, ev.amount.currency if ev.amount else None,
                    ev.valuation.value if ev.valuation else None, inv))
    return out


def _close(found: float | None, want: float | None, tol: float) -> bool:
    return want is None or (found is not None and abs(found - want) <= tol * want)


def check_rounds(text: str, expected: list[Round]) -> None:
    """Every expected round is among the extraction's: recipient, amount and currency (2 %), valuation (5 %), and
    the named investors among the round's; fails with the rounds found."""
    ex = extract(text)
    check_spans(text, ex)
    found = rounds(ex)
    for org, amount, currency, valuation, investors in expected:
        match = [r for r in found if norm(org) in r[0] and _close(r[1], amount, 0.02) and
                 (amount is None or r[2] == currency) and _close(r[3], valuation, 0.05)]
        assert match, f"no round {org} {amount} {currency} {valuation} in {found}"
        assert any({norm(i) for i in investors} <= r[4] for r in match), f"investors {investors} not in {match}"


def check_roles(text: str, expected: list[tuple[str, str]]) -> None:
    """Every expected (person, organisation) pair is an affiliated_with relation of the extraction."""
    ex = extract(text)
    check_spans(text, ex)
    names = _names(ex)
    have = [(names[r.subject], names[r.object]) for r in ex.relations if r.predicate == "affiliated_with"]
    for person, org in expected:
        assert any(norm(person) in p and norm(org) in o for p, o in have), \
            f"no role {person} -> {org} in {[(sorted(p)[0], sorted(o)[0]) for p, o in have]}"


def as_params(cases: Sequence[tuple], known_misses: frozenset[str]) -> list:
    """The cases as pytest parameters named by their first field, a known miss marked as a strict expected failure (a
    case that starts passing must leave the list)."""
    return [pytest.param(*c, id=c[0], marks=[pytest.mark.xfail(strict=True, reason="not extracted yet")]
                         if c[0] in known_misses else []) for c in cases]
