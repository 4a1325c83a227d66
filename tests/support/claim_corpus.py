"""Three hand-made articles about one set of claims, for the tests of claim identity, filters and conflicts.

Sam Altman states "ChatGPT has 800 million weekly users" in all three (worded with different case, quotes and
punctuation), in two outlets (D1 and D3 are the same publisher, spelled differently); D2 adds another statement
with the same figure. Similarweb gives 500 million for the same measure (a dispute); Altman's 40% and
Similarweb's 42% growth of OpenAI are within 10% (no dispute). Gary Marcus criticises OpenAI twice (a stated
date, then only a report date) and ChatGPT once.
"""

from __future__ import annotations

import datetime as dt

from kg import ids
from kg.model import Claim, Criticism, DateRef, Document, DocumentMeta, Entity, Extraction, Quantity, Span
from kg.store.base import GraphStore
from loaders.pipeline import write_document

TEXT_1 = (
    "OpenAI chief executive Sam Altman said ChatGPT has 800 million weekly users. "
    "Gary Marcus called OpenAI reckless on January 8."
)
TEXT_2 = (
    "Sam Altman said that ChatGPT has 800 million weekly users. "
    "He added that ChatGPT will reach 800 million weekly users in Europe by 2027. "
    "Gary Marcus again criticised OpenAI."
)
TEXT_3 = (
    "Altman repeated: \u201cchatGPT has 800 million weekly users!\u201d "
    "Analytics firm Similarweb said ChatGPT has 500 million weekly users. "
    "Altman said OpenAI grew 40% this year, while Similarweb said OpenAI grew 42%. "
    "On March 4, Gary Marcus called ChatGPT a bubble."
)
USERS = "ChatGPT has 800 million weekly users"
EUROPE = "ChatGPT will reach 800 million weekly users in Europe by 2027"


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), sentence=text)


def _document(text: str, publisher: str | None, published: str, extraction: Extraction) -> Document:
    meta = DocumentMeta(
        id=ids.document_id(text), title=text.split(".")[0], publisher=publisher,
        published=DateRef(value=published, precision="day"), ingested_at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    return Document(meta=meta, text=text, extraction=extraction)


def _entities(text: str, *names: tuple[str, str, str]) -> tuple[Entity, ...]:
    return tuple(
        Entity(key=key, label=label, type=kind, mentions=(_span(text, label.split()[-1]),))  # type: ignore[arg-type]
        for key, label, kind in names
    )


_ALTMAN, _CHATGPT = ("sam", "Sam Altman", "Person"), ("gpt", "ChatGPT", "Product")
_OPENAI, _MARCUS = ("oai", "OpenAI", "Organization"), ("gm", "Gary Marcus", "Person")
_USERS = (Quantity(value=800e6, unit="count"),)


def document_1() -> Document:
    """Example Times, 2025-01-10: Altman's user count; Marcus criticises OpenAI on January 8."""
    t = TEXT_1
    return _document(t, "Example Times", "2025-01-10", Extraction(
        entities=_entities(t, _ALTMAN, _CHATGPT, _OPENAI, _MARCUS),
        claims=(Claim(claimant="sam", text=USERS, about=("gpt",), quantities=_USERS, source=_span(t, USERS)),),
        criticisms=(Criticism(critic="gm", target="oai", summary="Marcus called OpenAI reckless",
                              date=DateRef(value="2025-01-08", precision="day"), source=_span(t, "called OpenAI")),),
    ))  # fmt: skip


def document_2() -> Document:
    """Tech Ledger, 2025-02-01: the same statement, another one with the same figure, an undated criticism."""
    t = TEXT_2
    return _document(t, "Tech Ledger", "2025-02-01", Extraction(
        entities=_entities(t, _ALTMAN, _CHATGPT, _OPENAI, _MARCUS),
        claims=(
            Claim(claimant="sam", text=f"that {USERS}.", about=("gpt",), quantities=_USERS, source=_span(t, USERS)),
            Claim(claimant="sam", text=EUROPE, about=("gpt",), quantities=_USERS, source=_span(t, EUROPE)),
        ),
        criticisms=(Criticism(critic="gm", target="oai", summary="Marcus criticised OpenAI",
                              reported=DateRef(value="2025-02-01", precision="day", inferred=True),
                              source=_span(t, "criticised OpenAI")),),
    ))  # fmt: skip


def document_3() -> Document:
    """example times (D1's outlet), 2025-03-05: the statement again, Similarweb's figures, Marcus on ChatGPT."""
    t = TEXT_3
    users = "chatGPT has 800 million weekly users!"
    return _document(t, "example times", "2025-03-05", Extraction(
        entities=_entities(t, _ALTMAN, _CHATGPT, _OPENAI, _MARCUS, ("sw", "Similarweb", "Organization")),
        claims=(
            Claim(claimant="sam", text=f"\u201c{users}\u201d", about=("gpt",), quantities=_USERS,
                  source=_span(t, users)),
            Claim(claimant="sw", text="ChatGPT has 500 million weekly users", about=("gpt",),
                  quantities=(Quantity(value=500e6, unit="count"),), source=_span(t, "ChatGPT has 500 million")),
            Claim(claimant="sam", text="OpenAI grew 40% this year", about=("oai",),
                  quantities=(Quantity(value=40, unit="percent"),), source=_span(t, "OpenAI grew 40%")),
            Claim(claimant="sw", text="OpenAI grew 42%", about=("oai",),
                  quantities=(Quantity(value=42, unit="percent"),), source=_span(t, "OpenAI grew 42%")),
        ),
        criticisms=(Criticism(critic="gm", target="gpt", summary="Marcus called ChatGPT a bubble",
                              date=DateRef(value="2025-03-04", precision="day"), source=_span(t, "called ChatGPT")),),
    ))  # fmt: skip


DOCUMENTS = (document_1, document_2, document_3)


def load_claims(store: GraphStore) -> list[Document]:
    """Write the three articles into the store as the load pipeline does; returns them."""
    docs = [make() for make in DOCUMENTS]
    for doc in docs:
        write_document(store, doc)
    return docs
