"""Bad input: Neo4j down, a wrong database or a wrong password give a BackendError naming the URI."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from kg.cli import main
from kg.errors import BackendError, KGError
from kg.model import Document
from kg.neo4j import Neo4jSink, check_neo4j, sync_documents
from kg.neo4j.sink import BOLT_SCHEMES
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.neo4j.checks import put
from tests.support.neo4j_server import running_neo4j

pytestmark = pytest.mark.neo4j
PASSWORD = "right-password"


def _closed_port_uri() -> str:
    with socket.socket() as sock:  # bind then release: nothing listens there afterwards
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"bolt://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def auth_uri() -> Iterator[str]:
    """A second Neo4j, with auth enabled and user neo4j's password set to PASSWORD."""
    with running_neo4j(timeout_s=300, password=PASSWORD) as uri:
        yield uri


def test_neo4j_down(sample_document: Document) -> None:
    uri = _closed_port_uri()
    store = OxigraphStore(None)
    put(store, sample_document)
    with pytest.raises(BackendError, match=f"cannot reach Neo4j at {uri}"):
        sync_documents(store, Settings(neo4j_uri=uri), None)


def test_wrong_database(neo4j_uri: str) -> None:
    with pytest.raises(BackendError, match="no such database") as err:
        check_neo4j(Settings(neo4j_uri=neo4j_uri, neo4j_database="nosuchdb"))
    assert neo4j_uri in err.value.message and "'nosuchdb'" in err.value.message


def test_wrong_password(auth_uri: str) -> None:
    check_neo4j(Settings(neo4j_uri=auth_uri, neo4j_password=SecretStr(PASSWORD)))
    with pytest.raises(BackendError, match="wrong user or password") as err:
        check_neo4j(Settings(neo4j_uri=auth_uri, neo4j_password=SecretStr("not-the-password")))
    assert auth_uri in err.value.message


def test_load_with_neo4j_down_leaves_the_store_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Gary Marcus criticised OpenAI on Tuesday, calling its plans reckless.\n")
    store_dir = tmp_path / "store"
    uri = _closed_port_uri()

    assert main(["load", str(article), "--store", str(store_dir), "--neo4j", uri, "--quiet"]) == 2

    assert uri in capsys.readouterr().err
    if store_dir.exists():  # never opened is best; opened but empty is acceptable
        store = OxigraphStore(store_dir)
        assert store.graphs() == []
        store.close()


@pytest.mark.parametrize(
    ("uri", "what", "host"),
    [
        ("http://localhost:7474", "is an HTTP address (Neo4j Browser's?)", "localhost"),
        ("https://graph.example.com:7473/browser/", "is an HTTP address (Neo4j Browser's?)", "graph.example.com"),
        ("http://[::1]:7474", "is an HTTP address (Neo4j Browser's?)", "[::1]"),
        ("localhost:7687", "is not a Bolt URI", "localhost"),
    ],
)
def test_a_uri_that_is_not_bolt_names_the_one_to_use(
    uri: str, what: str, host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Browser's http address (what people copy) is refused in one line, naming the Bolt URI to use."""
    OxigraphStore(tmp_path / "store").close()
    assert main(["sync-neo4j", "--store", str(tmp_path / "store"), "--neo4j", uri]) == 2
    assert capsys.readouterr().err == (
        f"error: Neo4j URI {uri} {what}: use bolt://{host}:7687 (or neo4j://{host}:7687) with --neo4j or KG_NEO4J_URI\n"
    )


@pytest.mark.filterwarnings("ignore:Creating direct drivers:DeprecationWarning")  # a bolt:// URI with a #fragment
@settings(max_examples=200, deadline=None)
@given(uri=st.text(max_size=40) | st.builds(lambda s, rest: f"{s}://{rest}", st.sampled_from(BOLT_SCHEMES), st.text()))
def test_any_uri_gives_a_driver_or_a_clear_error(uri: str) -> None:
    """Whatever the URI, making the sink either works or raises a KGError naming it: never a driver traceback."""
    try:
        Neo4jSink(Settings(neo4j_uri=uri)).close()
    except KGError as exc:
        assert uri in exc.message or repr(uri) in exc.message or not uri


def test_connection_failure_is_one_line_naming_the_uri(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing listening: ``kg sync-neo4j`` prints one line naming the URI (the driver's message has two)."""
    uri = _closed_port_uri()
    store = OxigraphStore(tmp_path / "store")
    store.close()
    assert main(["sync-neo4j", "--store", str(tmp_path / "store"), "--neo4j", uri]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot reach Neo4j at {uri} (database 'neo4j'): ")
    assert err.count("\n") == 1
