"""Fixtures of the Neo4j tests: one real server per session, a clean database per test, small corpora."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest

from kg.model import Criticism, DateRef, Document, Entity, Extraction, Relation, Span
from kg.settings import Settings
from tests.conftest import make_document, span
from tests.support.neo4j_server import running_neo4j


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """The bolt URI of a real Neo4j 5.26 started for this session (auth disabled)."""
    with running_neo4j(timeout_s=300) as uri:
        yield uri


@pytest.fixture
def neo4j_settings(neo4j_uri: str) -> Iterator[Settings]:
    """Settings pointing at the session's Neo4j, whose database is emptied first."""
    with neo4j.GraphDatabase.driver(neo4j_uri) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    yield Settings(neo4j_uri=neo4j_uri)


@pytest.fixture
def driver(neo4j_uri: str) -> Iterator[neo4j.Driver]:
    """A driver on the session's Neo4j, for the tests' own Cypher."""
    with neo4j.GraphDatabase.driver(neo4j_uri, notifications_min_severity="OFF") as drv:
        yield drv


@pytest.fixture
def second_document() -> Document:
    """A document sharing Acme AI, Jane Doe and her CEO relation with ``sample_document``, plus its own facts."""
    text = (
        "Jane Doe, the CEO of Acme AI, was criticised by safety researchers. The researchers said Acme moves too fast."
    )
    first = text.split(". ")[0] + "."
    ex = Extraction(
        entities=(
            Entity(key="a", label="Acme AI", type="Organization", mentions=(span(text, "Acme AI"),)),
            Entity(key="s", label="Acme", type="Organization", mentions=(span(text, "Acme moves"),)),
            Entity(key="j", label="Jane Doe", type="Person", aliases=("J. Doe",), mentions=(span(text, "Jane Doe"),)),
            Entity(
                key="r",
                label="safety researchers",
                type="Group",
                affiliation="a",
                mentions=(span(text, "safety researchers"),),
            ),
        ),
        criticisms=(
            Criticism(
                critic="r",
                target="a",
                summary="researchers say Acme moves too fast",
                date=DateRef(value="2026-05", precision="month"),
                source=span(text, "Acme moves too fast"),
            ),
            Criticism(
                critic="r",
                target="j",
                summary="Jane Doe was criticised",
                reported=DateRef(value="2026-05-02", precision="day"),
                source=Span(start=0, end=len(first), sentence=first),
            ),
        ),
        relations=(
            Relation(
                subject="j",
                predicate="affiliated_with",
                object="a",
                role="CEO",
                source=span(text, "Jane Doe, the CEO of Acme AI"),
            ),
        ),
    )
    return make_document(text, ex, published="2026-05-03")
