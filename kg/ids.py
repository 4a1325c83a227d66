"""Deterministic ids: the same text, name or fact always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_TYPE_PREFIX = {"Person": "per", "Organization": "org", "Product": "prd", "Place": "plc", "Group": "grp"}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WHITESPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
_PER_CENT = re.compile(r"%|\bper cent\b")
_LEADING_THAT = re.compile(r"^that\s+")


def digest(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, joined unambiguously."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def normalise_text(text: str) -> str:
    """The form of a document's text that its id is computed from (NFKC, collapsed whitespace)."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def document_id(text: str) -> str:
    """A document's id: a stable hash of its normalised text."""
    return digest(normalise_text(text))


def slug(name: str) -> str:
    """An ASCII, lower-case, hyphenated form of a name ("GPT-4o" -> "gpt-4o")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_ALNUM.sub("-", folded.replace("'s ", " ")).strip("-")[:60]


def entity_id(entity_type: str, label: str, document: str | None = None) -> str:
    """The global id of a named entity; a Group is scoped to its document ("critics" differ per article)."""
    prefix = _TYPE_PREFIX[entity_type]
    name = slug(label) or digest(label, length=12)
    if entity_type == "Group" and document:
        return f"{prefix}-{document[:8]}-{name}"
    return f"{prefix}-{name}"


def is_entity_id(local_id: str) -> bool:
    """Whether an id names an entity (as entity_id makes them), not a document, event or fact."""
    prefix, dash, _ = local_id.partition("-")
    return bool(dash) and prefix in _TYPE_PREFIX.values()


def fact_id(kind: str, *parts: object) -> str:
    """The id of a fact (criticism, event, relation, claim) from what identifies it."""
    return f"{kind}-{digest(*parts)}"


def statement_key(text: str) -> str:
    """The form of a claim's statement its id is computed from: case, punctuation, quotes and spacing folded.

    "AI will write 90% of code." and "“ai will write 90 per cent of code”" give the same key; a different
    statement, even with the same figures, gives another.
    """
    folded = _PER_CENT.sub(" percent ", unicodedata.normalize("NFKC", text).casefold())
    return _LEADING_THAT.sub("", _NON_WORD.sub(" ", folded).strip())


def claim_id(claimant: str, text: str, quantities: Iterable[tuple[float, str]]) -> str:
    """A claim's id: its claimant (IRI), its statement (:func:`statement_key`) and its (value, unit) figures."""
    return fact_id("claim", claimant, statement_key(text), *sorted(quantities))
