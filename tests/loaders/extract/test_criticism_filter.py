"""The learned criticism filter's features (criticism_filter): one finite value per named feature, read from the
document's structure, and no candidate dropped while no weights are shipped."""

from __future__ import annotations

import math

import pytest

from kg.model import Criticism
from loaders.extract import criticism_filter, extract
from loaders.extract.classify import type_mentions
from loaders.extract.context import DocContext
from loaders.extract.criticism_filter import FEATURE_NAMES, features, screen
from loaders.extract.mentions import find_mentions
from loaders.extract.resolution import resolve
from loaders.extract.text import prepare

_TEXT = ("Senator Ada Pike accused Zentrix Labs of misleading parents on Monday. "
         "Zentrix Labs said Ada Pike was wrong about its app. ")


def _context(text: str) -> DocContext:
    doc = prepare(text)
    return DocContext.build(doc, resolve(doc, type_mentions(doc, find_mentions(doc))))


def _candidates(text: str) -> tuple[DocContext, list[Criticism]]:
    """The document's context and its criticisms as the extraction finds them, re-keyed onto that context."""
    ctx = _context(text)
    ex = extract(text)
    by_label = {e.label: e.key for e in ctx.entities.values()}
    label = {e.key: e.label for e in ex.entities}
    out = [c.model_copy(update={"critic": by_label[label[c.critic]], "target": by_label[label[c.target]]})
           for c in ex.criticisms if label.get(c.critic) in by_label and label.get(c.target) in by_label]
    return ctx, out


def test_every_feature_has_a_finite_value() -> None:
    ctx, found = _candidates(_TEXT)
    assert found
    for c in found:
        row = features(ctx, c, found)
        assert len(row) == len(FEATURE_NAMES)
        assert all(math.isfinite(v) for v in row)


@pytest.mark.parametrize(("name", "expected"), [("reverse_pair", 1.0), ("critic_person", 1.0), ("has_quote", 0.0)])
def test_features_read_the_structure(name: str, expected: float) -> None:
    """Pike criticises Zentrix and Zentrix rebuts Pike: Pike's criticism has its reverse pair in the document."""
    ctx, found = _candidates(_TEXT)
    pike = [c for c in found if ctx.label(c.critic) == "Ada Pike" and ctx.label(c.target) == "Zentrix Labs"]
    assert pike, [(ctx.label(c.critic), ctx.label(c.target)) for c in found]
    assert features(ctx, pike[0], found)[FEATURE_NAMES.index(name)] == expected


def test_no_weights_keeps_every_candidate() -> None:
    """The filter is not shipped (its cross-validation did not raise F1): screening changes nothing."""
    assert criticism_filter.weights() is None
    ctx, found = _candidates(_TEXT)
    assert screen(ctx, found) == found
