"""Bad input: Neo4j down, a wrong database or a wrong password give a BackendError naming the URI."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from kg.cli import main
from kg.errors import BackendError
from kg.model import Document
from kg.neo4j import check_neo4j, sync_documents
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
