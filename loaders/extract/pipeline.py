"""Orchestration of the rule-based extraction stages: text -> mentions -> types -> entities -> facts."""

from __future__ import annotations

import re

from kg.model import Claim, Criticism, DateRef, Entity, Event, Extraction, Relation, Span
from loaders.extract.claims import extract_claims
from loaders.extract.classify import type_mentions
from loaders.extract.context import DocContext
from loaders.extract.criticisms import extract_criticisms
from loaders.extract.events import extract_events
from loaders.extract.mentions import find_mentions
from loaders.extract.relations import extract_relations
from loaders.extract.resolution import resolve
from loaders.extract.schema import Facts, Resolved, TextDoc
from loaders.extract.text import prepare

# a document longer than this is processed in pieces of whole paragraphs (entities are merged afterwards)
MAX_PIECE_CHARS = 60_000
_LATIN = re.compile(r"[A-Za-z]")


def run_stages(doc: TextDoc) -> tuple[Resolved, Facts]:
    """All stages on one prepared text."""
    resolved = resolve(doc, type_mentions(doc, find_mentions(doc)))
    ctx = DocContext.build(doc, resolved)
    events = extract_events(ctx)
    relations = extract_relations(ctx)
    criticisms = extract_criticisms(ctx, relations, events)
    claims = extract_claims(ctx)
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
                                              role="author", source=ev.source))
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
            cut = text.rfind("\n", start + MAX_PIECE_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((start, end))
        start = end
    return out


def _shift_merge(text: str, parts: list[tuple[int, Extraction]]) -> Extraction:
    """Merge the extractions of pieces: offsets shifted back, keys made unique, same (type, label) entities joined."""
    entities: dict[tuple[str, str], Entity] = {}
    key_map: dict[str, str] = {}
    events: list[Event] = []
    criticisms: list[Criticism] = []
    relations: list[Relation] = []
    claims: list[Claim] = []
    for n, (offset, ex) in enumerate(parts):
        def sh(span: Span, offset: int = offset) -> Span:
            return span.model_copy(update={"start": span.start + offset, "end": span.end + offset})

        local: dict[str, str] = {}
        for e in ex.entities:
            ident = (e.type, e.label.lower()) if e.type != "Group" else (e.type, f"{n}:{e.label.lower()}")
            spans = tuple(sh(s) for s in e.mentions)
            if ident in entities:
                prev = entities[ident]
                aliases = tuple(dict.fromkeys(prev.aliases + e.aliases))
                entities[ident] = prev.model_copy(update={"aliases": aliases, "mentions": prev.mentions + spans})
            else:
                entities[ident] = e.model_copy(update={"key": f"e{len(entities) + 1}", "mentions": spans})
            local[e.key] = entities[ident].key
        for ev in ex.events:
            local[ev.key] = f"ev{len(events) + 1}"
            events.append(ev.model_copy(update={
                "key": local[ev.key], "source": sh(ev.source),
                "participants": tuple(p.model_copy(update={"entity": local[p.entity]}) for p in ev.participants)}))
        for c in ex.criticisms:
            criticisms.append(c.model_copy(update={"critic": local[c.critic], "target": local[c.target],
                                                   "source": sh(c.source)}))
        for r in ex.relations:
            relations.append(r.model_copy(update={"subject": local[r.subject], "object": local[r.object],
                                                  "source": sh(r.source)}))
        for c in ex.claims:
            claims.append(c.model_copy(update={"claimant": local[c.claimant], "source": sh(c.source),
                                               "about": tuple(local[k] for k in c.about)}))
        key_map.update(local)
    fixed = [e.model_copy(update={"affiliation": None}) if e.affiliation and e.affiliation not in
             {x.key for x in entities.values()} else e for e in entities.values()]
    return Extraction(entities=tuple(fixed), events=tuple(events), criticisms=tuple(criticisms),
                      relations=tuple(relations), claims=tuple(claims))


def _extract_one(text: str, published: DateRef | None) -> Extraction:
    resolved, facts = run_stages(prepare(text, published))
    return _assemble(resolved, facts)


def extract_document(text: str, published: DateRef | None = None) -> Extraction:
    """The rule-based extraction of one document; a stage's exception propagates (the caller fails the document)."""
    if not text or not _LATIN.search(text):
        return Extraction()
    if len(text) <= MAX_PIECE_CHARS:
        return _extract_one(text, published)
    parts = []
    for a, b in _pieces(text):
        # each piece is processed on the full text's characters, so sentences and offsets stay exact
        ex = _extract_one(text[a:b], published)
        parts.append((a, ex))
    merged = _shift_merge(text, parts)
    # sentences of shifted spans are the piece's sentences, which are the full text's sentences
    return merged
