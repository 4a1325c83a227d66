"""Helpers for the extraction tests: look entities and facts up by label."""

from __future__ import annotations

from kg.model import Extraction


def labels(ex: Extraction, etype: str | None = None) -> dict[str, str]:
    """label -> type of the extraction's entities (optionally of one type)."""
    return {e.label: e.type for e in ex.entities if etype is None or e.type == etype}


def key_label(ex: Extraction) -> dict[str, str]:
    """key -> label for entities and events."""
    out = {e.key: e.label for e in ex.entities}
    out.update({ev.key: ev.label for ev in ex.events})
    return out


def pairs(ex: Extraction) -> set[tuple[str, str]]:
    """(critic label, target label) of every criticism."""
    kl = key_label(ex)
    return {(kl[c.critic], kl[c.target]) for c in ex.criticisms}


def rels(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    """(subject label, object label) of the relations with a predicate."""
    kl = key_label(ex)
    return {(kl[r.subject], kl[r.object]) for r in ex.relations if r.predicate == predicate}


def check_spans(text: str, ex: Extraction) -> None:
    """Every span is non-empty, points into the text, and its sentence contains the evidence."""
    spans = [s for e in ex.entities for s in e.mentions]
    spans += [ev.source for ev in ex.events] + [c.source for c in ex.criticisms]
    spans += [r.source for r in ex.relations] + [c.source for c in ex.claims]
    for s in spans:
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start:s.end] in s.sentence
    keys = {e.key for e in ex.entities}
    events = {ev.key for ev in ex.events}
    for c in ex.criticisms:
        assert c.critic in keys and (c.target in keys or c.target in events)
    for r in ex.relations:
        assert r.subject in keys and (r.object in keys or r.object in events)
    for ev in ex.events:
        assert all(p.entity in keys for p in ev.participants)
    for c in ex.claims:
        assert c.claimant in keys and all(k in keys for k in c.about)
