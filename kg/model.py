"""The graph model: what extraction produces and what every store and export consumes.

An :class:`Extraction` is everything one document supports. Entities inside it are referred
to by a local ``key``; :mod:`kg.ids` turns keys into global, deterministic ids so that the same
actor named in two documents is one node.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["Person", "Organization", "Product", "Place", "Group"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Person", "Organization", "Product", "Place", "Group")

EventType = Literal["FundingRound", "IPOFiling", "Publication", "ProductRelease", "Lawsuit"]
EVENT_TYPES: tuple[EventType, ...] = ("FundingRound", "IPOFiling", "Publication", "ProductRelease", "Lawsuit")

Predicate = Literal["affiliated_with", "developed_by", "invested_in", "authored"]
PREDICATES: tuple[Predicate, ...] = ("affiliated_with", "developed_by", "invested_in", "authored")

Precision = Literal["day", "month", "year"]


class Frozen(BaseModel):
    """Immutable, strict base for model values."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A supporting span: character offsets into the stored document text, and its sentence."""

    document: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str


class DateRef(Frozen):
    """A date at its precision; ``--MM-DD`` when no year can be established."""

    value: str
    precision: Precision
    inferred: bool = False


class Money(Frozen):
    """An amount of money, normalised to units of ``currency``."""

    value: float
    currency: str = "USD"
    approximate: bool = False


class Quantity(Frozen):
    """A normalised quantity in a claim: percent, multiple, count, money (currency code), duration units."""

    value: float
    unit: str


class Entity(Frozen):
    """An actor named (or described, for a Group) in one document."""

    key: str = Field(description="local key, unique inside its Extraction")
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    affiliation: str | None = Field(default=None, description="key of the stated affiliation of a Group")


class Participant(Frozen):
    """An entity taking part in an event in a role (recipient, investor, author, ...)."""

    role: str
    entity: str = Field(description="entity key")


class Event(Frozen):
    """A funding round, IPO filing, publication, product release or lawsuit."""

    key: str
    type: EventType
    label: str
    date: DateRef | None = None
    participants: tuple[Participant, ...] = ()
    amount: Money | None = None
    valuation: Money | None = None
    title: str | None = None
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class Criticism(Frozen):
    """Who criticised whom or what, with the quote when there is one, and when."""

    critic: str = Field(description="entity key")
    target: str = Field(description="entity key, or an event key (a criticised publication)")
    quote: str | None = None
    summary: str
    date: DateRef | None = None
    reported: DateRef | None = None
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class Relation(Frozen):
    """A binary relation between two entities (``authored``: a person and a Publication event)."""

    subject: str
    predicate: Predicate
    object: str
    role: str | None = None
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class Claim(Frozen):
    """A statement an actor makes, with its quantities normalised."""

    claimant: str
    text: str
    about: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class DocumentMeta(Frozen):
    """A document's metadata; ``id`` is the hash of its normalised text."""

    id: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateRef | None = None
    ingested_at: datetime
    origin: str | None = Field(default=None, description="file name or source it was read from")


class Extraction(Frozen):
    """Everything one document supports."""

    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    criticisms: tuple[Criticism, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()


class Document(Frozen):
    """A document ready to be written: its metadata, its text as stored, and what it supports."""

    meta: DocumentMeta
    text: str
    extraction: Extraction = Extraction()
