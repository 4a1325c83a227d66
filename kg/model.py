"""The graph model: what extraction produces and what every store and export consumes.

An :class:`Extraction` is everything one document supports. Entities inside it are referred
to by a local ``key``; :mod:`kg.ids` turns keys into global, deterministic ids so that the same
actor named in two documents is one node.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Annotated, Any, Literal, NewType, overload

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidatorFunctionWrapHandler, WrapValidator

EntityType = Literal["Person", "Organization", "Product", "Place", "Group"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Person", "Organization", "Product", "Place", "Group")

EventType = Literal["FundingRound", "IPOFiling", "Publication", "ProductRelease", "Lawsuit"]
EVENT_TYPES: tuple[EventType, ...] = ("FundingRound", "IPOFiling", "Publication", "ProductRelease", "Lawsuit")

Predicate = Literal["affiliated_with", "developed_by", "invested_in", "authored"]
PREDICATES: tuple[Predicate, ...] = ("affiliated_with", "developed_by", "invested_in", "authored")

Precision = Literal["day", "month", "year"]

# Local keys inside one Extraction ("e3", "ev2"): distinct types so that a signature says which kind of key it takes
# (an event key where an entity key belongs is a type error, not a dangling reference found at assembly)
EntityKey = NewType("EntityKey", str)
EventKey = NewType("EventKey", str)


class Frozen(BaseModel):
    """Immutable, strict base for model values."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A supporting span: character offsets into the stored document text, and its sentence."""

    document: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str


_SPAN_FIELDS = set(Span.model_fields)  # one fields set shared by every span Spans hands out (they are frozen)


class Spans(Sequence[Span]):
    """An immutable sequence of spans stored packed: offsets in one array, sentences as references.

    An entity can be mentioned tens of thousands of times in a long text; a Span model per mention costs about
    350 bytes, a packed mention 24 (two offsets and a reference to its sentence string, which every mention of
    that sentence shares). Items are Span models, built when read; it equals a tuple of the same spans.
    """

    __slots__ = ("_documents", "_offsets", "_sentences")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        spans = tuple(spans)
        self._offsets = array("q", [offset for span in spans for offset in (span.start, span.end)])
        self._sentences = tuple([span.sentence for span in spans])
        self._documents = self._packed_documents([span.document for span in spans])

    @staticmethod
    def _packed_documents(documents: list[str]) -> str | tuple[str, ...]:
        """One string when every span has the same document (the usual case), else one per span."""
        return documents[0] if documents and documents.count(documents[0]) == len(documents) else tuple(documents)

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int, str]], document: str = "") -> Spans:
        """The spans (start, end, sentence) of one document, packed without a Span model each (Span's checks kept)."""
        out = cls()
        offsets, sentences = out._offsets, []
        for start, end, sentence in spans:
            if start < 0 or end < 0:
                raise ValueError(f"a span's offsets are not negative: ({start}, {end})")
            offsets.extend((start, end))
            sentences.append(sentence)
        out._sentences = tuple(sentences)
        out._documents = document if sentences else ()
        return out

    @classmethod
    def joined(cls, parts: Iterable[tuple[int, Sequence[Span]]]) -> Spans:
        """The spans of every (shift, spans) part in order, each offset moved by its part's shift."""
        out = cls()
        offsets, sentences, documents = out._offsets, [], []
        for shift, spans in parts:
            if isinstance(spans, Spans):
                offsets.extend(o + shift for o in spans._offsets)
                sentences.extend(spans._sentences)
                documents.extend(spans._document(i) for i in range(len(spans)))
            else:
                for span in spans:
                    offsets.extend((span.start + shift, span.end + shift))
                    sentences.append(span.sentence)
                    documents.append(span.document)
        out._sentences = tuple(sentences)
        out._documents = cls._packed_documents(documents)
        return out

    def _document(self, i: int) -> str:
        return self._documents if isinstance(self._documents, str) else self._documents[i]

    def _span(self, i: int) -> Span:
        values = {"document": self._document(i), "start": self._offsets[2 * i], "end": self._offsets[2 * i + 1],
                  "sentence": self._sentences[i]}
        return Span.model_construct(_SPAN_FIELDS, **values)

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> Spans: ...
    def __getitem__(self, index: int | slice) -> Span | Spans:
        if isinstance(index, slice):
            return Spans(self._span(i) for i in range(len(self))[index])
        n = len(self)
        if not -n <= index < n:
            raise IndexError("Spans index out of range")
        return self._span(index % n)

    def __iter__(self) -> Iterator[Span]:
        return (self._span(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return (self._offsets, self._sentences) == (other._offsets, other._sentences) and all(
                self._document(i) == other._document(i) for i in range(len(self)))
        if isinstance(other, tuple | list):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # a tuple of the same spans is equal, so it hashes the same

    def __repr__(self) -> str:
        return repr(tuple(self))


def _pack_spans(value: Any, handler: ValidatorFunctionWrapHandler) -> Spans:
    """Spans from Spans as they are, from anything else that validates as a tuple of spans packed."""
    return value if isinstance(value, Spans) else Spans(handler(value))


# validated and serialised as a tuple of Span (JSON and schema unchanged), held packed
PackedSpans = Annotated[tuple[Span, ...], WrapValidator(_pack_spans),
                        PlainSerializer(tuple, return_type=tuple[Span, ...])]


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

    key: EntityKey = Field(description="local key, unique inside its Extraction")
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: PackedSpans = ()
    affiliation: EntityKey | None = Field(default=None, description="key of the stated affiliation of a Group")


class Participant(Frozen):
    """An entity taking part in an event in a role (recipient, investor, author, ...)."""

    role: str
    entity: EntityKey = Field(description="entity key")


class Event(Frozen):
    """A funding round, IPO filing, publication, product release or lawsuit."""

    key: EventKey
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

    critic: EntityKey = Field(description="entity key")
    target: EntityKey | EventKey = Field(description="entity key, or an event key (a criticised publication)")
    quote: str | None = None
    summary: str
    date: DateRef | None = None
    reported: DateRef | None = None
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class Relation(Frozen):
    """A binary relation between two entities (``authored``: a person and a Publication event)."""

    subject: EntityKey
    predicate: Predicate
    object: EntityKey | EventKey
    role: str | None = None
    source: Span
    rule: str = Field(default="", description="versioned name of the extraction rule that made it")


class Claim(Frozen):
    """A statement an actor makes, with its quantities normalised."""

    claimant: EntityKey
    text: str
    about: tuple[EntityKey, ...] = ()
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
