"""Rule-based extraction of entities, events, criticisms, relations and claims from English tech-news text.

Stages (each a function with typed input and output, see :mod:`loaders.extract.schema`), declared in one list,
:data:`loaders.extract.pipeline.STAGES`, and checked when it is imported: ``text`` (clean view, sentences) ->
``mentions`` -> ``classify`` (typing) -> ``resolution`` (coreference, keys) -> ``context`` (the read-only index of the
resolved document) -> ``funding`` -> ``events``, ``relations`` -> ``criticisms`` -> ``claims`` -> ``assemble`` (with
``dates`` and ``quantities`` normalisers).
"""

from __future__ import annotations

from kg.model import DateRef, Extraction
from loaders.extract.pipeline import extract_document


def extract(text: str, published: DateRef | None = None) -> Extraction:
    """Everything one English tech-news article supports, with spans into ``text``.

    A stage that raises is a bug in a rule: the exception propagates, so the document fails rather than being
    stored without its facts.
    """
    return extract_document(text, published)


__all__ = ["extract"]
