"""``kg explain DOC_ID``: every fact a stored document supports, with the rule that made it and its span.

Read from the document's own named graph, so what is shown is what that document says (its spellings, its
spans and its rule), even for a relation or claim that other documents support too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from kg import vocab
from kg.errors import NotFoundError
from kg.queries.terms import as_int, select, type_name, value
from kg.store.base import GraphStore

KINDS = ("criticisms", "events", "relations", "claims")

# One block per kind, each binding ?a, ?b (and ?c) to what a reader needs to recognise the fact.
_BLOCKS = {
    "criticisms": "?f a kg:Criticism ; kg:critic/rdfs:label ?a ; kg:target ?t . OPTIONAL { ?t rdfs:label ?b }",
    "events": "?f a ?type ; rdfs:label ?a . VALUES ?type { kg:FundingRound kg:IPOFiling kg:Publication "
    "kg:ProductRelease kg:Lawsuit } BIND(STR(?type) AS ?b)",
    "relations": "?f a kg:RelationAssertion ; kg:subject/rdfs:label ?a ; kg:predicate ?b ; kg:object ?o . "
    "OPTIONAL { ?o rdfs:label ?c } OPTIONAL { ?f kg:role ?role }",
    "claims": "?f a kg:Claim ; kg:claimant/rdfs:label ?a ; kg:claimText ?b",
}


@dataclass(frozen=True)
class ExplainedFact:
    """One fact of a document: its kind, id, rule, what it says, and the span of text that supports it."""

    kind: str
    id: str
    rule: str
    says: str
    start: int
    end: int
    text: str


def _says(kind: str, row: dict[str, object]) -> str:
    """A one-line reading of a fact: 'critic -> target', 'Type: label', 'subject predicate object', ..."""
    a, b, c = (value(row.get(k)) or "" for k in ("a", "b", "c"))  # type: ignore[arg-type]
    if kind == "criticisms":
        return f"{a} -> {b}"
    if kind == "events":
        return f"{type_name(b)}: {a}"
    if kind == "relations":
        role = value(row.get("role"))  # type: ignore[arg-type]
        return f"{a} {b} {c}" + (f" (role: {role})" if role else "")
    return f"{a}: {b}"


def explain(store: GraphStore, doc_id: str) -> tuple[str, dict[str, list[ExplainedFact]]]:
    """The document's text and its facts by kind, each in text order; NotFoundError for an unknown id."""
    try:
        graph = vocab.document_iri(doc_id)
    except ValueError:  # not even a valid IRI, so certainly not a document
        graph = None
    texts = select(store, f"SELECT ?text WHERE {{ GRAPH {graph} {{ {graph} kg:text ?text }} }}") if graph else []
    if not texts:
        raise NotFoundError(f"no document {doc_id!r} in the store; list them with GET /documents or 'kg stats'")
    text = value(texts[0]["text"]) or ""
    found: dict[str, list[ExplainedFact]] = {}
    for kind in KINDS:
        rows = select(
            store,
            f"""
SELECT ?f ?rule ?start ?end ?a ?b ?c ?role WHERE {{ GRAPH {graph} {{
  {_BLOCKS[kind]} .
  ?f kg:evidence ?span . ?span kg:start ?start ; kg:end ?end .
  OPTIONAL {{ ?f kg:extractedBy ?rule }}
}} }}""",
        )
        facts = {
            ExplainedFact(
                kind=kind,
                id=vocab.local_id(value(row["f"]) or ""),
                rule=value(row["rule"]) or "",
                says=_says(kind, row),
                start=as_int(row["start"]),
                end=as_int(row["end"]),
                text=text[as_int(row["start"]) : as_int(row["end"])],
            )
            for row in rows
        }
        found[kind] = sorted(facts, key=lambda f: (f.start, f.end, f.rule, f.says))
    return text, found


def render_text(doc_id: str, facts: dict[str, list[ExplainedFact]]) -> str:
    """The facts as plain text: one block per kind, one line per fact (rule, what it says, span and quote)."""
    total = sum(len(f) for f in facts.values())
    lines = [f"document {doc_id}: {total} facts"]
    for kind in KINDS:
        lines.append(f"{kind} ({len(facts[kind])})")
        for fact in facts[kind]:
            quote = " ".join(fact.text.split())
            lines.append(f'  {fact.rule or "(no rule)"}  {fact.says}  [{fact.start}:{fact.end}] "{quote}"')
    return "\n".join(lines)


def render_json(doc_id: str, facts: dict[str, list[ExplainedFact]]) -> str:
    """The facts as JSON: ``{"document": id, "criticisms": [...], ...}``."""
    body: dict[str, object] = {"document": doc_id}
    body.update({kind: [asdict(f) for f in facts[kind]] for kind in KINDS})
    return json.dumps(body, ensure_ascii=False, indent=1)
