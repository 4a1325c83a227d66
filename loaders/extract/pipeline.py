"""Orchestration of the rule-based extraction stages: text -> mentions -> types -> entities -> facts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import Claim, Criticism, DateRef, Entity, Event, Extraction, Relation, Span, Spans
from loaders.extract.claims import extract_claims
from loaders.extract.classify import type_mentions
from loaders.extract.compact import Compactor, replace
from loaders.extract.context import DocContext
from loaders.extract.criticism_legal import legal_criticisms
from loaders.extract.criticisms import extract_criticisms
from loaders.extract.events import extract_events
from loaders.extract.mentions import find_mentions
from loaders.extract.relations import extract_relations
from loaders.extract.resolution import resolve
from loaders.extract.rules import register
from loaders.extract.schema import Facts, Resolved, TextDoc
from loaders.extract.text import prepare

AUTHORED = register("relation.authored.v1", "The authors of each publication event", __name__)

# a document longer than this is processed in pieces of whole paragraphs (entities are merged afterwards)
MAX_PIECE_CHARS = 60_000
# a shorter text's extraction is small however dense its facts (a few hundred KB at most): sharing its equal parts
# (loaders.extract.compact) would cost 8% of the time of extracting a news article and save little
COMPACT_ABOVE_CHARS = 20_000
_LATIN = re.compile(r"[A-Za-z]")


def run_stages(doc: TextDoc) -> tuple[Resolved, Facts]:
    """All stages on one prepared text."""
    resolved = resolve(doc, type_mentions(doc, find_mentions(doc)))
    ctx = DocContext.build(doc, resolved)
    events = extract_events(ctx)
    relations = extract_relations(ctx)
    criticisms = extract_criticisms(ctx, relations, events)
    criticisms += legal_criticisms(ctx, criticisms)  # lawsuits and authorities' measures the finder missed
    claims = extract_claims(ctx, relations, events, criticisms)
    return resolved, Facts(relations=relations, events=events, criticisms=criticisms, claims=claims)


def _assemble(resolved: Resolved, facts: Facts) -> Extraction:
    """An Extraction whose facts only refer to keys that exist; unreferenced unaffiliated groups are dropped."""
    entity_keys = {e.key for e in resolved.entities}
    event_keys = {e.key for e in facts.events}
    events = [ev.model_copy(update={"participants": tuple(p for p in ev.participants if p.entity in entity_keys)})
              for ev in facts.events]
    criticisms = [c for c in facts.criticisms if c.critic in entity_keys and
                  (c.target in entity_keys or c.target in event_keys)]
    relations = [r for r in facts.relations if r.subject in entity_keys and
                 (r.object in entity_keys or (r.predicate == "authored" and r.object in event_keys))]
    # authored: the authors of each publication
    for ev in events:
        if ev.type == "Publication":
            for p in ev.participants:
                if p.role == "author":
                    relations.append(Relation(subject=p.entity, predicate="authored", object=ev.key,
                                              role="author", source=ev.source, rule=AUTHORED))
    claims = [c.model_copy(update={"about": tuple(k for k in c.about if k in entity_keys)})
              for c in facts.claims if c.claimant in entity_keys]
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

        local: dict[str, str] = {}
        first_here = []
        for e in ex.entities:
            ident = (e.type, e.label.lower()) if e.type != "Group" else (e.type, f"{n}:{e.label.lower()}")
            if ident not in self.entities:
                self.entities[ident] = replace(e, key=f"e{len(self.entities) + 1}", mentions=())
                self.aliases[ident], self.spans[ident] = {}, []
                first_here.append(ident)
            self.aliases[ident].update(dict.fromkeys(e.aliases))
            self.spans[ident].append((offset, e.mentions))
            local[e.key] = self.entities[ident].key
        for ident in first_here:  # a group's affiliation: a key of this piece
            e = self.entities[ident]
            if e.affiliation:
                self.entities[ident] = replace(e, affiliation=local.get(e.affiliation))
        fact = self.compact.model
        for ev in ex.events:
            local[ev.key] = f"ev{len(self.events) + 1}"
            self.events.append(fact(ev, key=local[ev.key], source=sh(ev.source), participants=tuple(
                replace(p, entity=local[p.entity]) for p in ev.participants)))
        self.criticisms += [fact(c, critic=local[c.critic], target=local[c.target], source=sh(c.source))
                            for c in ex.criticisms]
        self.relations += [fact(r, subject=local[r.subject], object=local[r.object], source=sh(r.source))
                           for r in ex.relations]
        self.claims += [fact(c, claimant=local[c.claimant], source=sh(c.source),
                             about=tuple(local[k] for k in c.about)) for c in ex.claims]

    def result(self) -> Extraction:
        """The merged extraction."""
        entities = tuple(self.compact.model(e, aliases=tuple(self.aliases[ident]),
                                            mentions=Spans.joined(self.spans[ident]))
                         for ident, e in self.entities.items())
        return Extraction(entities=entities, events=tuple(self.events), criticisms=tuple(self.criticisms),
                          relations=tuple(self.relations), claims=tuple(self.claims))


def _extract_one(text: str, published: DateRef | None) -> Extraction:
    resolved, facts = run_stages(prepare(text, published))
    return _assemble(resolved, facts)


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
