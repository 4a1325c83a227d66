"""Helpers for the tests of the legal and authority criticism rules."""

from __future__ import annotations

from extract_helpers import check_spans, key_label

from loaders.extract import extract


def rule_pairs(text: str) -> set[tuple[str, str, str]]:
    """(critic, target, rule family name) of every criticism of the text; the spans are checked too."""
    ex = extract(text)
    check_spans(text, ex)
    kl = key_label(ex)
    return {(kl[c.critic], kl[c.target], c.rule.split(".")[1]) for c in ex.criticisms}


def labels_of(text: str) -> set[tuple[str, str]]:
    """(critic, target) of every criticism of the text."""
    return {(a, b) for a, b, _ in rule_pairs(text)}
