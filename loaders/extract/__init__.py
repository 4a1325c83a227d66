"""Rule-based extraction of entities, events, criticisms, relations and claims from English tech-news text.

Stages (each a module with typed input and output, see :mod:`loaders.extract.schema`): ``text`` (clean view,
sentences) -> ``mentions`` -> ``classify`` (typing) -> ``resolution`` (coreference, keys) -> ``events``,
``relations``, ``criticisms``, ``claims`` (with ``dates`` and ``quantities`` normalisers), orchestrated by
:mod:`loaders.extract.pipeline`.
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
