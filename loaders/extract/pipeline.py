"""Orchestration of the rule-based extraction: the stages declared in one list (:data:`STAGES`), wired once at import.

Each stage is a function with typed parameters and a typed return value: its parameters name what it requires (the
pipeline's inputs or what an earlier stage provides), its return value is what it provides, under the name the
declaration gives. :func:`wire` checks, when the module is imported, that every requirement is provided by an earlier
stage with a fitting type, so a wrong order or a renamed output fails at import naming the stage and the input.

To add a stage: write it as a function whose parameters are named after what it reads ("ctx", "events", ...) and
typed, returning its typed output; add ``Stage("name", function, provides="output")`` to :data:`STAGES` after the
stages it reads from; a later stage reads it by naming a parameter "output". An exception in it fails the document
with an ExtractionError naming "name".
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin, get_type_hints

from kg.model import (
    Claim,
    Criticism,
    DateRef,
    Entity,
    EntityKey,
    Event,
    EventKey,
    Extraction,
    Relation,
    Span,
    Spans,
)
from loaders.extract.claims import extract_claims
from loaders.extract.classify import type_mentions
from loaders.extract.compact import Compactor, replace
from loaders.extract.context import DocContext
from loaders.extract.criticism_checks import checked
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticism_legal import legal_criticisms
from loaders.extract.criticism_pairs import learned_pairs
from loaders.extract.criticisms import find_all, merged
from loaders.extract.events import extract_events
from loaders.extract.funding import extract_funding
from loaders.extract.mentions import find_mentions
from loaders.extract.relations import extract_relations
from loaders.extract.resolution import resolve
from loaders.extract.rules import register
from loaders.extract.schema import Resolved
from loaders.extract.text import prepare

AUTHORED = register("relation.authored.v1", "The authors of each publication event", __name__)

# a document longer than this is processed in pieces of whole paragraphs (entities are merged afterwards)
MAX_PIECE_CHARS = 60_000
# a shorter text's extraction is small however dense its facts (a few hundred KB at most): sharing its equal parts
# (loaders.extract.compact) would cost 8% of the time of extracting a news article and save little
COMPACT_ABOVE_CHARS = 20_000
_LATIN = re.compile(r"[A-Za-z]")
# the attribute a stage's exception carries with the stage's name (read by failed_stage)
_STAGE_ATTR = "extraction_stage"


class WiringError(TypeError):
    """The declared stages do not fit together: a stage requires what no earlier stage provides."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One declared step: ``run``'s parameters name what it requires, its return value is provided as ``provides``."""

    name: str
    run: Callable[..., Any]
    provides: str


@dataclass(frozen=True, slots=True)
class _Step:
    """A stage once wired: the names of its arguments, in order."""

    name: str
    run: Callable[..., Any]
    requires: tuple[str, ...]
    provides: str


def _fits(provided: Any, required: Any) -> bool:
    """Whether a value of type ``provided`` can be passed where ``required`` is annotated."""
    if required is Any or provided == required:
        return True
    if get_origin(required) in (Union, types.UnionType):
        return any(_fits(provided, option) for option in get_args(required))
    return isinstance(provided, type) and isinstance(required, type) and issubclass(provided, required)


def _wire_one(stage: Stage, available: Mapping[str, Any]) -> _Step:
    """The step of one stage, checked against what is ``available`` (name -> type) before it."""
    hints = get_type_hints(stage.run)
    requires = tuple(inspect.signature(stage.run).parameters)
    for name in requires:
        if name not in available:
            raise WiringError(f"stage '{stage.name}' requires '{name}', which neither the inputs nor an earlier stage "
                              f"provide (available: {', '.join(available)})")
        if name not in hints:
            raise WiringError(f"stage '{stage.name}': parameter '{name}' has no type annotation")
        if not _fits(available[name], hints[name]):
            raise WiringError(f"stage '{stage.name}' requires '{name}' as {hints[name]}, but it is provided as "
                              f"{available[name]}")
    if "return" not in hints:
        raise WiringError(f"stage '{stage.name}' has no return type annotation")
    if stage.provides in available:
        raise WiringError(f"stage '{stage.name}' provides '{stage.provides}', which is already provided")
    return _Step(stage.name, stage.run, requires, stage.provides)


def wire(stages: Sequence[Stage], inputs: Mapping[str, Any]) -> tuple[_Step, ...]:
    """The stages as steps, each requirement checked against the ``inputs`` (name -> type) and earlier stages."""
    available, steps = dict(inputs), []
    names = [st.name for st in stages]
    if len(set(names)) != len(names):
        raise WiringError(f"stage names are not unique: {names}")
    for stage in stages:
        steps.append(_wire_one(stage, available))
        available[stage.provides] = get_type_hints(stage.run)["return"]
    return tuple(steps)


def run_steps(steps: Sequence[_Step], **inputs: Any) -> dict[str, Any]:
    """Every stage in order on the inputs; what each provides, by name. A stage's exception propagates, marked with
    the stage's name (:func:`failed_stage`)."""
    values = dict(inputs)
    for step in steps:
        try:
            values[step.provides] = step.run(*[values[name] for name in step.requires])
        except Exception as exc:
            if not hasattr(exc, _STAGE_ATTR):
                setattr(exc, _STAGE_ATTR, step.name)
            raise
    return values


def failed_stage(exc: BaseException) -> str | None:
    """The name of the declared stage an exception of the extraction came from, None if from outside any."""
    return getattr(exc, _STAGE_ATTR, None)


def assemble(resolved: Resolved, events: list[Event], relations: list[Relation], criticisms: list[Criticism],
             claims: list[Claim]) -> Extraction:
    """An Extraction whose facts only refer to keys that exist; unreferenced unaffiliated groups are dropped."""
    entity_keys: set[EntityKey] = {e.key for e in resolved.entities}
    event_keys: set[EventKey] = {e.key for e in events}
    events = [ev.model_copy(update={"participants": tuple(p for p in ev.participants if p.entity in entity_keys)})
              for ev in events]
    criticisms = [c for c in criticisms if c.critic in entity_keys and
                  (c.target in entity_keys or c.target in event_keys)]
    relations = [r for r in relations if r.subject in entity_keys and
                 (r.object in entity_keys or (r.predicate == "authored" and r.object in event_keys))]
    # authored: the authors of each publication
    for ev in events:
        if ev.type == "Publication":
            for p in ev.participants:
                if p.role == "author":
                    relations.append(Relation(subject=p.entity, predicate="authored", object=ev.key,
                                              role="author", source=ev.source, rule=AUTHORED))
    claims = [c.model_copy(update={"about": tuple(k for k in c.about if k in entity_keys)})
              for c in claims if c.claimant in entity_keys]
    used = {c.critic for c in criticisms} | {c.target for c in criticisms} | {c.claimant for c in claims}
    used |= {p.entity for ev in events for p in ev.participants}
    entities = [e for e in resolved.entities if e.type != "Group" or e.key in used or e.affiliation]
    return Extraction(entities=tuple(entities), events=tuple(events), criticisms=tuple(criticisms),
                      relations=tuple(relations), claims=tuple(claims))


def _pieces(text: str) -> list[tuple[int, int]]:
    """Offsets of paragraph-aligned pieces of a long text."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_PIECE_CHARS)
        if end < len(text):
            # at a line end; in a text without one, at a space rather than inside a word
            cut = text.rfind("\n", start + MAX_PIECE_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + MAX_PIECE_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((start, end))
        start = end
    return out


class _Merger:
    """The extractions of a long document's pieces merged one at a time (so that each piece's own extraction can
    be freed once added): offsets shifted back, keys made unique, same (type, label) entities joined, equal values
    shared."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}  # the first piece's entity, with its key in the merge
        self.aliases: dict[tuple[str, str], dict[str, None]] = {}
        # each piece's (offset, mentions): packed, so joined only once at the end
        self.spans: dict[tuple[str, str], list[tuple[int, Sequence[Span]]]] = {}
        self.compact = Compactor()
        self.events: list[Event] = []
        self.criticisms: list[Criticism] = []
        self.relations: list[Relation] = []
        self.claims: list[Claim] = []
        self.pieces = 0

    def add(self, offset: int, ex: Extraction) -> None:
        """Merge the extraction of the piece that starts at ``offset``."""
        n, self.pieces = self.pieces, self.pieces + 1

        def sh(span: Span) -> Span:
            return replace(span, start=span.start + offset, end=span.end + offset) if offset else span

        # this piece's keys -> the merge's keys
        ents: dict[EntityKey, EntityKey] = {}
        evs: dict[EventKey, EventKey] = {}
        first_here = []
        for e in ex.entities:
            ident = (e.type, e.label.lower()) if e.type != "Group" else (e.type, f"{n}:{e.label.lower()}")
            if ident not in self.entities:
                self.entities[ident] = replace(e, key=EntityKey(f"e{len(self.entities) + 1}"), mentions=())
                self.aliases[ident], self.spans[ident] = {}, []
                first_here.append(ident)
            self.aliases[ident].update(dict.fromkeys(e.aliases))
            self.spans[ident].append((offset, e.mentions))
            ents[e.key] = self.entities[ident].key
        for ident in first_here:  # a group's affiliation: a key of this piece
            e = self.entities[ident]
            if e.affiliation:
                self.entities[ident] = replace(e, affiliation=ents.get(e.affiliation))
        fact = self.compact.model
        for ev in ex.events:
            evs[ev.key] = EventKey(f"ev{len(self.events) + 1}")
            self.events.append(fact(ev, key=evs[ev.key], source=sh(ev.source), participants=tuple(
                replace(p, entity=ents[p.entity]) for p in ev.participants)))

        def either(key: EntityKey | EventKey) -> EntityKey | EventKey:
            # a criticism's target or an authored relation's object: an entity's key, else an event's
            return ents[key] if key in ents else evs[key]  # type: ignore[index]

        self.criticisms += [fact(c, critic=ents[c.critic], target=either(c.target), source=sh(c.source))
                            for c in ex.criticisms]
        self.relations += [fact(r, subject=ents[r.subject], object=either(r.object), source=sh(r.source))
                           for r in ex.relations]
        self.claims += [fact(c, claimant=ents[c.claimant], source=sh(c.source),
                             about=tuple(ents[k] for k in c.about)) for c in ex.claims]

    def result(self) -> Extraction:
        """The merged extraction."""
        entities = tuple(self.compact.model(e, aliases=tuple(self.aliases[ident]),
                                            mentions=Spans.joined(self.spans[ident]))
                         for ident, e in self.entities.items())
        return Extraction(entities=entities, events=tuple(self.events), criticisms=tuple(self.criticisms),
                          relations=tuple(self.relations), claims=tuple(self.claims))


# The extraction, in order. Each stage's parameters name what it reads: the inputs "text" and "published", or what
# an earlier stage provides. Funding rounds are found once and read by both the events and the relations stages;
# the speakers (attribution) once and read by both the criticisms and the claims stages.
def attribute(ctx: DocContext, relations: list[Relation], events: list[Event]) -> CriticIndex:
    """Who speaks where: the document's speaker index (allies, publishers, memoised critics and judgements) with its
    direct quotes attributed."""
    speakers = CriticIndex(ctx, relations, events)
    speakers.quoted()
    return speakers


def find_criticisms(ctx: DocContext, speakers: CriticIndex) -> list[Criticism]:
    """The finder's criticisms, then the lawsuits and authorities' measures it missed, then the statements the learned
    pair scorer reads as criticisms; each kept only where its critic and target can hold their roles."""
    criticisms = merged(ctx, find_all(speakers))
    criticisms += legal_criticisms(ctx, criticisms)
    return checked(ctx, criticisms + learned_pairs(speakers, criticisms))


STAGES: tuple[Stage, ...] = (
    Stage("text", prepare, provides="doc"),
    Stage("mentions", find_mentions, provides="mentions"),
    Stage("classify", type_mentions, provides="typed"),
    Stage("resolution", resolve, provides="resolved"),
    Stage("context", DocContext.build, provides="ctx"),
    Stage("funding", extract_funding, provides="funding"),
    Stage("events", extract_events, provides="events"),
    Stage("relations", extract_relations, provides="relations"),
    Stage("attribution", attribute, provides="speakers"),
    Stage("criticisms", find_criticisms, provides="criticisms"),
    Stage("claims", extract_claims, provides="claims"),
    Stage("assemble", assemble, provides="extraction"),
)
INPUTS: dict[str, Any] = {"text": str, "published": DateRef | None}
# built once, at import: a wrong wiring is an import error naming the stage and the missing input
STEPS = wire(STAGES, INPUTS)


def _extract_one(text: str, published: DateRef | None) -> Extraction:
    extraction: Extraction = run_steps(STEPS, text=text, published=published)["extraction"]
    return extraction


def _loaders() -> list[Callable[[], Any]]:
    """The extraction's lexicon and pattern loaders: every function of a ``loaders.extract`` module that takes no
    argument and is cached (``functools.cache`` or ``lru_cache``), each module imported first (some are imported
    lazily, by the rule that first needs them)."""
    package = importlib.import_module("loaders.extract")
    found = []
    for info in pkgutil.iter_modules(package.__path__, "loaders.extract."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == info.name and \
                    not inspect.signature(value).parameters:
                found.append(value)
    return found


def warm_up() -> int:
    """Load every lexicon, pattern table and model of the extraction now rather than in the middle of the first
    document that needs it (a benchmark's timed loop, a worker's first request); how many loaders ran."""
    loaders = _loaders()
    for load in loaders:
        load()
    return len(loaders)


def extract_document(text: str, published: DateRef | None = None) -> Extraction:
    """The rule-based extraction of one document; a stage's exception propagates (the caller fails the document)."""
    if not text or not _LATIN.search(text):
        return Extraction()
    if len(text) <= MAX_PIECE_CHARS:
        ex = _extract_one(text, published)
        return Compactor().extraction(ex) if len(text) > COMPACT_ABOVE_CHARS else ex
    merger = _Merger()
    for a, b in _pieces(text):
        # pieces end at line ends (but in a text without any), so their sentences are the full text's sentences
        merger.add(a, _extract_one(text[a:b], published))
    return merger.result()
