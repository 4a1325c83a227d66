"""The shapes the read side answers in: the REST API's bodies (contract v1), field names as the contract has them."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from kg.model import DateRef, Money, Quantity

__all__ = [
    "ISO_DATE",
    "Claim",
    "Conflict",
    "ConflictValue",
    "Criticism",
    "CriticismPair",
    "DateRef",
    "Document",
    "DocumentDetail",
    "DocumentIn",
    "Entity",
    "EntityDetail",
    "EntityRef",
    "Event",
    "Health",
    "IngestOut",
    "Money",
    "Page",
    "Participant",
    "Quantity",
    "Relation",
    "Source",
]

T = TypeVar("T")
# Dates a client may send; the pattern shows the forms in /docs. Impossible days (02-30) are still a 400.
ISO_DATE = (
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])"
    r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?)?$"
)
# Contract 1.1: every criticism, event, relation and claim names the rule that made it (kg:extractedBy).
RULE = "the versioned name of the extraction rule that made it (criticism.verb_object.v1)"


class Schema(BaseModel):
    """Base of every response body."""

    model_config = ConfigDict(frozen=True)


class EntityRef(Schema):
    """A pointer to an entity (or, as a criticism target or an ``authored`` object, to an event)."""

    id: str
    label: str
    type: str = Field(description="Person, Organization, Product, Place or Group; an event type for events")
    aliases: list[str] = Field(default_factory=list,
                               description="the entity's other names (as in /entities), so a client can match it")


class Source(Schema):
    """The span of a stored document's text that supports a fact."""

    document: str
    start: int
    end: int
    sentence: str


class Page(Schema, Generic[T]):
    """One page of a list: ``total`` counts every item matching the filters."""

    items: list[T]
    total: int


class Entity(EntityRef):
    """An entity as listed: aliases and mentions merged over the ids resolved to it."""

    aliases: list[str] = []
    mentions: int = Field(description="mentions summed over every document and every merged id")
    document_count: int = Field(0, description="how many documents mention it")


class Criticism(Schema):
    """Who criticised whom or what, and when."""

    id: str
    critic: EntityRef
    target: EntityRef
    quote: str | None = None
    summary: str
    date: DateRef | None = None
    reported: DateRef | None = None
    rule: str = Field("", description=RULE)
    rules: list[str] = Field([], description="every rule that made it in any of its documents, sorted")
    same_as: list[str] = Field([], description="ids of the same criticism in other documents, merged here")
    document_count: int = Field(1, description="how many documents report it")
    outlet_count: int = Field(1, description="how many outlets (publishers) report it; an unnamed one counts once")
    sources: list[Source]


class Participant(Schema):
    """An entity taking part in an event, in a role."""

    role: str
    entity: EntityRef


class Event(Schema):
    """A funding round, IPO filing, publication, product release or lawsuit."""

    id: str
    type: str
    label: str
    title: str | None = None
    date: DateRef | None = None
    reported: DateRef | None = Field(None, description="the earliest publication date of its documents")
    participants: list[Participant] = []
    amount: Money | None = None
    valuation: Money | None = None
    rule: str = Field("", description=RULE)
    rules: list[str] = Field([], description="every rule that made it in any of its documents, sorted")
    same_as: list[str] = Field([], description="ids of the same event in other documents, merged here")
    document_count: int = Field(1, description="how many documents report it")
    outlet_count: int = Field(1, description="how many outlets (publishers) report it; an unnamed one counts once")
    sources: list[Source]


class Claim(Schema):
    """A statement an actor made; one item per claim however many documents report it."""

    id: str
    claimant: EntityRef
    text: str
    about: list[EntityRef] = []
    quantities: list[Quantity] = []
    reported: DateRef | None = Field(None, description="the earliest publication date of its documents")
    document_count: int = Field(0, description="how many documents report it")
    outlet_count: int = Field(0, description="how many outlets (publishers) report it; an unnamed one counts once")
    rule: str = Field("", description=f"{RULE}; the alphabetically first of ``rules`` when they differ")
    rules: list[str] = Field([], description="every rule that made it in any of its documents, sorted")
    same_as: list[str] = Field(
        [], description="ids of the same claimant's statement in other words in other documents, merged here"
    )
    sources: list[Source]


class CriticismPair(Schema):
    """Every criticism of one critic at one target (``GET /criticisms?group=pair``)."""

    critic: EntityRef
    target: EntityRef
    count: int = Field(description="how many criticisms")
    first: DateRef | None = Field(None, description="the earliest date (the date, else the reported date)")
    last: DateRef | None = Field(None, description="the latest date (the date, else the reported date)")


class Relation(Schema):
    """A relation between two entities, with every span supporting it."""

    subject: EntityRef
    predicate: str
    object: EntityRef
    role: str | None = None
    rule: str = Field("", description=f"{RULE}; the alphabetically first of ``rules`` when they differ")
    rules: list[str] = Field([], description="every rule that made it in any of its documents, sorted")
    sources: list[Source]


class Document(Schema):
    """A document's metadata."""

    id: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateRef | None = None
    ingested_at: datetime | None = None
    origin: str | None = None


class DocumentDetail(Document):
    """A document with its text as stored (the offsets of every Source point into it)."""

    text: str


class EntityDetail(Entity):
    """An entity and what the graph says about it (each list capped by the ``limit`` parameter)."""

    same_as: list[str] = Field([], description="the other ids merged into this entity by resolution")
    relations: list[Relation] = []
    criticisms_made: list[Criticism] = []
    criticisms_received: list[Criticism] = []
    events: list[Event] = []
    documents: list[Document] = []


class Health(Schema):
    """Liveness and size of the store."""

    status: str
    store: str
    documents: int
    triples: int


class ConflictValue(Schema):
    """One of the values documents disagree on, with the spans that state it."""

    value: str
    money: Money | None = None
    entities: list[EntityRef] = []
    sources: list[Source]


class Conflict(Schema):
    """A place where documents disagree: funding amounts or valuations, office holders, authors."""

    kind: str = Field(
        description="funding_amount, funding_valuation, role_holder, publication_authors or claim_values"
    )
    subject: EntityRef | None = Field(None, description="the recipient or organisation the values are about")
    key: str = Field(description="what is disputed: the round, the role or the title")
    values: list[ConflictValue]


class DocumentIn(BaseModel):
    """An article to ingest."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = Field(None, pattern=ISO_DATE, description="ISO date: 2026-06-04, 2026-06 or 2026")


class IngestOut(Schema):
    """What an ingest did: the document id, and whether it was new."""

    id: str
    created: bool
    entities: int = 0
    facts: int = 0
