"""The README's Cypher, run as written on the seed and dev articles synced to a real Neo4j."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from kg.neo4j import sync_documents
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import load_paths
from tests.neo4j.checks import cypher

pytestmark = pytest.mark.neo4j

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_cypher() -> list[str]:
    """Every statement of the README's cypher blocks (a block may hold several, each ending with ';')."""
    blocks = re.findall(r"```cypher\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    return [statement.strip() for block in blocks for statement in block.split(";\n") if statement.strip()]


def readme_query(starts: str) -> str:
    """The README statement that starts with ``starts``."""
    [query] = [q for q in readme_cypher() if q.startswith(starts)]
    return query


@pytest.fixture(scope="module")
def synced(seeds_dir: Path, dev_articles_dir: Path, neo4j_uri: str) -> Iterator[None]:
    """The seed and dev articles, loaded by the real pipeline, synced to the session's emptied Neo4j."""
    with neo4j.GraphDatabase.driver(neo4j_uri) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    store = OxigraphStore(None)
    report = load_paths(store, [seeds_dir, dev_articles_dir], Settings(), workers=1)
    assert report.loaded and not report.failures, report.failures
    assert sync_documents(store, Settings(neo4j_uri=neo4j_uri), None) == len(report.loaded)
    yield
    store.close()


def undated_last(dates: list[str | None]) -> bool:
    """Dated rows newest first, then the undated ones."""
    dated = [d for d in dates if d is not None]
    return dates == [*sorted(dated, reverse=True), *[None] * (len(dates) - len(dated))]


def test_readme_has_the_queries() -> None:
    assert len(readme_cypher()) >= 5


@pytest.mark.parametrize("index", range(len(readme_cypher())))
def test_readme_query_runs_as_written(index: int, synced: None, driver: neo4j.Driver) -> None:
    """Each statement runs unchanged and finds something in the seed and dev graph."""
    assert cypher(driver, readme_cypher()[index])


def test_funding_rounds_are_one_row_each(synced: None, driver: neo4j.Driver) -> None:
    """Two undated rounds of one company (Stability AI in the dev articles) stay two rows; undated rows come last."""
    rows = cypher(driver, readme_query("MATCH (r:FundingRound)"))
    [pairs] = cypher(driver, "MATCH (r:FundingRound)<-[:PARTICIPATED_IN {role: 'recipient'}]-(c) RETURN count(*) AS n")
    assert len(rows) == pairs["n"]
    stability = [r for r in rows if r["company"] == "Stability AI"]
    assert len(stability) == 2 and all(r["date"] is None for r in stability)
    assert undated_last([r["date"] for r in rows])


@pytest.mark.parametrize("name", ["Anthropic", "OpenAI"])
def test_undated_criticisms_come_last(name: str, synced: None, driver: neo4j.Driver) -> None:
    """The criticism query as written (Anthropic) and for OpenAI, which has dated and undated criticisms."""
    query = (
        readme_query("MATCH (t:Entity)").replace("'anthropic'", f"'{name.lower()}'").replace("'Anthropic'", f"'{name}'")
    )
    dates = [row["date"] for row in cypher(driver, query)]
    assert dates and undated_last(dates), dates
    if name == "OpenAI":
        assert dates[0] is not None and None in dates
