"""Typed inputs and outputs of the extraction stages, so any stage can be swapped for a statistical one.

The stage payloads are slotted dataclasses rather than pydantic models: thousands are built per document inside
the stages, where validating values the stages produced themselves was a large share of the run time. What leaves
the pipeline (:mod:`kg.model`) is still validated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.model import DateRef, Entity, EntityKey, EntityType

# how an affiliation rule adds what it found: add(subject, organisation, role, start, end, sentence, rule)
AddAffiliation = Callable[[str, str, "str | None", int, int, int, str], None]


@dataclass(slots=True)
class Sentence:
    """One sentence: offsets into the document text, and whether it looks like a heading."""

    index: int
    start: int
    end: int
    text: str
    heading: bool = False
    paragraph: int = 0


@dataclass(slots=True)
class TextDoc:
    """Stage 1 output: the raw text, a same-length cleaned view of it, and its sentences."""

    text: str
    clean: str
    sentences: list[Sentence]
    published: DateRef | None = None
    lower_vocab: frozenset[str] = frozenset()


@dataclass(slots=True)
class Mention:
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


@dataclass(slots=True)
class MentionSet:
    """Stage 2 output: all candidate mentions of a document, in text order."""

    mentions: list[Mention]


@dataclass(slots=True)
class TypedMention:
    """Stage 3 output item: a mention with its type (None when no cue supports one) and the cue used."""

    mention: Mention
    type: EntityType | None = None
    cue: str = ""
    label: str = ""


@dataclass(slots=True)
class TypedMentions:
    """Stage 3 output: typed mentions."""

    items: list[TypedMention]


@dataclass(slots=True)
class ResolvedMention:
    """A mention assigned to an entity of the document."""

    start: int
    end: int
    sentence: int
    key: EntityKey
    type: EntityType
    head: bool = True  # False for a modifier ("OpenAI" in "OpenAI CEO Sam Altman")
    possessive: bool = False


@dataclass(slots=True)
class Resolved:
    """Stage 4 output: the document's entities and every mention assigned to one of them."""

    entities: list[Entity]
    mentions: list[ResolvedMention]
