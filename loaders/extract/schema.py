"""Typed inputs and outputs of the extraction stages, so any stage can be swapped for a statistical one."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from kg.model import Claim, Criticism, DateRef, Entity, EntityType, Event, Relation


class StageModel(BaseModel):
    """Base of stage payloads: plain, validated on construction, mutable only where a stage fills it in."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class Sentence(StageModel):
    """One sentence: offsets into the document text, and whether it looks like a heading."""

    index: int
    start: int
    end: int
    text: str
    heading: bool = False
    paragraph: int = 0


class TextDoc(StageModel):
    """Stage 1 output: the raw text, a same-length cleaned view of it, and its sentences."""

    text: str
    clean: str
    sentences: list[Sentence]
    published: DateRef | None = None
    lower_vocab: frozenset[str] = frozenset()


class Mention(StageModel):
    """A candidate name: a run of capitalised tokens, with the cues seen around it."""

    start: int
    end: int
    text: str
    sentence: int
    title: str | None = None  # role title written right before the name ("CEO", "investor")
    org_before: int | None = None  # index of the mention naming the organisation before the title
    possessive: bool = False
    sentence_initial: bool = False
    heading: bool = False
    quoted: bool = False  # the name itself is written in quotes ("Mythos")
    version_end: int | None = None  # end offset including a version tail ("3", "15 Pro")
    group: str | None = None  # for Group mentions: the label ("X user", "critics")


class MentionSet(StageModel):
    """Stage 2 output: all candidate mentions of a document, in text order."""

    mentions: list[Mention]


class TypedMention(StageModel):
    """Stage 3 output item: a mention with its type (None when no cue supports one) and the cue used."""

    mention: Mention
    type: EntityType | None = None
    cue: str = ""
    label: str = ""


class TypedMentions(StageModel):
    """Stage 3 output: typed mentions."""

    items: list[TypedMention]


class ResolvedMention(StageModel):
    """A mention assigned to an entity of the document."""

    start: int
    end: int
    sentence: int
    key: str
    type: EntityType
    head: bool = True  # False for a modifier ("OpenAI" in "OpenAI CEO Sam Altman")
    possessive: bool = False


class Resolved(StageModel):
    """Stage 4 output: the document's entities and every mention assigned to one of them."""

    entities: list[Entity]
    mentions: list[ResolvedMention]


class Facts(StageModel):
    """Output of the fact stages (relations, events, criticisms, claims)."""

    relations: list[Relation] = []
    events: list[Event] = []
    criticisms: list[Criticism] = []
    claims: list[Claim] = []
