"""Fixtures shared by every test package: paths to the shared data, small documents, stores."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from kg.model import (
    Claim,
    Criticism,
    DateRef,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Extraction,
    Money,
    Participant,
    Quantity,
    Relation,
    Span,
)
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.support.fuseki_server import Fuseki, running_fuseki

# Speed is measured in bench/, not in tests: hypothesis's per-example deadline (200 ms) fails property tests on a
# loaded machine without saying anything about their property.
settings.register_profile("kg", deadline=None)
settings.load_profile("kg")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared data must sit beside the repository")
    return path


@pytest.fixture(scope="session")
def dev_articles_dir() -> Path:
    """The ten dev articles of the shared evaluation (some with .meta.json sidecars)."""
    path = SHARED / "eval" / "dev" / "articles"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared data must sit beside the repository")
    return path


@pytest.fixture(scope="session")
def seed_store(seeds_dir: Path) -> Iterator[OxigraphStore]:
    """The store the real pipeline builds from the seed articles (read-only: tests must not write to it)."""
    from loaders.pipeline import load_paths

    store = OxigraphStore(None)
    report = load_paths(store, [seeds_dir], Settings(), workers=1)
    assert not report.failures, report.failures
    assert len(report.loaded) == len(list(seeds_dir.glob("*.txt")))
    yield store
    store.close()


FAILING_NAME = "Failtronix"
LOOPING_NAME = "Perpetuo"  # a name that makes the patched events stage run for ever


@pytest.fixture
def failing_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    """A bug in one rule: the events stage raises on a text naming FAILING_NAME (and only there); returns the name.

    Patched into the events module itself, so the failure comes from inside the stage as a real one would.
    Worker processes started by fork inherit it.
    """
    from loaders.extract import events
    from loaders.extract.context import DocContext

    original = events._ipo

    def _ipo(ctx: DocContext) -> list[Event]:
        if FAILING_NAME in ctx.doc.text:
            raise IndexError("list index out of range")
        return original(ctx)

    monkeypatch.setattr(events, "_ipo", _ipo)
    return FAILING_NAME


@pytest.fixture
def looping_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    """A rule that runs away: the events stage never ends on a text naming LOOPING_NAME; returns the name.

    Patched as :func:`failing_stage` is, so forked worker processes inherit it.
    """
    from loaders.extract import events
    from loaders.extract.context import DocContext

    original = events._ipo

    def _ipo(ctx: DocContext) -> list[Event]:
        while LOOPING_NAME in ctx.doc.text:
            pass
        return original(ctx)

    monkeypatch.setattr(events, "_ipo", _ipo)
    return LOOPING_NAME


@pytest.fixture(scope="session")
def fuseki() -> Iterator[Fuseki]:
    """A real Apache Jena Fuseki for the session (TDB1, union default graph, basic auth); skipped without Java."""
    if shutil.which("java") is None:
        pytest.skip("Fuseki needs Java 17+ on PATH (and Maven once, to fetch it: make java-tools)")
    with running_fuseki() as server:
        yield server


@pytest.fixture
def memory_store() -> Iterator[OxigraphStore]:
    """An empty in-memory pyoxigraph store."""
    store = OxigraphStore(None)
    yield store
    store.close()


def span(text: str, phrase: str) -> Span:
    """The span of ``phrase`` in ``text``, its sentence being the whole text."""
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), sentence=text)


def make_document(text: str, extraction: Extraction, *, published: str | None = None, title: str = "t") -> Document:
    """A Document from text and a hand-made extraction, with an id from the text."""
    from kg.ids import document_id

    meta = DocumentMeta(
        id=document_id(text),
        title=title,
        published=DateRef(value=published, precision="day") if published else None,
        ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    return Document(meta=meta, text=text, extraction=extraction)


@pytest.fixture
def sample_document() -> Document:
    """A small document exercising every kind of fact."""
    text = (
        'Acme AI CEO Jane Doe said the Widget 2 model is "a ploy". '
        "Acme AI raised $2 billion at a $20 billion valuation from Big Capital. "
        "Jane Doe said 80% of its code is written by Widget 2."
    )
    sentence1 = text.split(". ")[0] + "."
    ex = Extraction(
        entities=(
            Entity(key="e1", label="Acme AI", type="Organization", mentions=(span(text, "Acme AI"),)),
            Entity(key="e2", label="Jane Doe", type="Person", aliases=("Doe",), mentions=(span(text, "Jane Doe"),)),
            Entity(key="e3", label="Widget 2", type="Product", mentions=(span(text, "Widget 2"),)),
            Entity(key="e4", label="Big Capital", type="Organization", mentions=(span(text, "Big Capital"),)),
        ),
        events=(
            Event(
                key="v1",
                type="FundingRound",
                label="Acme AI funding round",
                amount=Money(value=2e9),
                valuation=Money(value=2e10),
                participants=(Participant(role="recipient", entity="e1"), Participant(role="investor", entity="e4")),
                source=span(text, "Acme AI raised $2 billion"),
                rule="funding.raised_amount.v1",
            ),
        ),
        criticisms=(
            Criticism(
                critic="e2",
                target="e3",
                quote="a ploy",
                summary="Jane Doe called Widget 2 a ploy",
                date=DateRef(value="2026-06-04", precision="day", inferred=True),
                source=Span(start=0, end=len(sentence1), sentence=sentence1),
                rule="criticism.quoted_judgement.v1",
            ),
        ),
        relations=(
            Relation(
                subject="e2",
                predicate="affiliated_with",
                object="e1",
                role="CEO",
                source=span(text, "Acme AI CEO Jane Doe"),
                rule="relation.role_pattern.v1",
            ),
            Relation(
                subject="e3",
                predicate="developed_by",
                object="e1",
                source=span(text, "Widget 2"),
                rule="relation.developer_cue.v1",
            ),
        ),
        claims=(
            Claim(
                claimant="e2",
                text="80% of its code is written by Widget 2",
                about=("e3",),
                quantities=(Quantity(value=80, unit="percent"),),
                source=span(text, "80% of its code is written by Widget 2"),
                rule="claim.quantified_statement.v1",
            ),
        ),
    )
    return make_document(text, ex, published="2026-06-05")


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP listener on loopback standing for a server that nothing should call (it must not be reached)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        sock.settimeout(1.0)
        yield sock
