"""GET /export: every format as a download, and an unknown format refused with the allowed list."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kg.export import FORMATS
from kg.model import Document
from kg.rdf import document_quads
from kg.store.oxigraph import OxigraphStore
from tests.api.sparql_app import sparql_client


@pytest.fixture
def client(sample_document: Document) -> Iterator[TestClient]:
    """A client over the sample document."""
    store = OxigraphStore(None)
    quads = document_quads(sample_document)
    store.put_graph(quads[0].graph_name, quads)
    with sparql_client(store) as c:
        yield c


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_formats(client: TestClient, fmt: str) -> None:
    """Each format comes with its media type and a Content-Disposition file name with its extension."""
    response = client.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == FORMATS[fmt].media_type
    assert response.headers["content-disposition"] == f'attachment; filename="ainews-kg.{FORMATS[fmt].extension}"'
    assert response.content


def test_export_csv_is_a_zip(client: TestClient) -> None:
    """The csv format is a zip of nodes.csv and edges.csv."""
    body = client.get("/export", params={"format": "csv"}).content
    assert sorted(zipfile.ZipFile(io.BytesIO(body)).namelist()) == ["edges.csv", "nodes.csv"]


def test_export_unknown_format(client: TestClient) -> None:
    """An unknown format is a 400 naming the allowed formats."""
    response = client.get("/export", params={"format": "dot"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert "gexf" in response.json()["error"]["message"]
