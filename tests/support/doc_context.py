"""The resolved document view (DocContext) of a text, built as the fact stages see it, for tests of those stages and
of the tools that read it."""

from __future__ import annotations

from loaders.extract.classify import type_mentions
from loaders.extract.context import DocContext
from loaders.extract.mentions import find_mentions
from loaders.extract.resolution import resolve
from loaders.extract.text import prepare


def doc_context(text: str) -> DocContext:
    """The DocContext of ``text``: prepared, mentions found, typed and resolved."""
    doc = prepare(text)
    return DocContext.build(doc, resolve(doc, type_mentions(doc, find_mentions(doc))))
