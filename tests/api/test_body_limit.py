"""Request bodies over the limit get 413 while they are read: the server never takes in the whole body."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import httpx
import pytest
from pydantic import SecretStr

from api.body_limit import ENVELOPE_BYTES, ESCAPE_FACTOR
from kg.settings import Settings
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_DOCUMENT = 10_000
MAX_QUERY = 1_000
CHUNK = 64 * 1024
HUGE = 300_000_000  # the size of the body that used to be read and parsed before it was refused

DOCUMENT_LIMIT = ESCAPE_FACTOR * MAX_DOCUMENT + ENVELOPE_BYTES
QUERY_LIMIT = ESCAPE_FACTOR * MAX_QUERY + ENVELOPE_BYTES
# path, content type, body limit, the setting the 413 names
ENDPOINTS = [
    ("/documents", "application/json", DOCUMENT_LIMIT, "KG_MAX_DOCUMENT_BYTES"),
    ("/sparql", "application/sparql-query", QUERY_LIMIT, "KG_SPARQL_MAX_QUERY_BYTES"),
    ("/sparql", "application/x-www-form-urlencoded", QUERY_LIMIT, "KG_SPARQL_MAX_QUERY_BYTES"),
]
# A path that takes no body gets the envelope's room; one it reads chunked it does not read at all (405).
DECLARED = [*ENDPOINTS, ("/entities", "application/json", ENVELOPE_BYTES, None)]


@pytest.fixture
def base(serve: Callable[[Settings], str]) -> str:
    """A server with small limits, so that going past them is cheap."""
    return serve(
        Settings(api_token=SecretStr(TOKEN), max_document_bytes=MAX_DOCUMENT, sparql_max_query_bytes=MAX_QUERY)
    )


class Counted:
    """A request body streamed in chunks, counting what the client was let to send."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < self.total:
            chunk = b" " * min(CHUNK, self.total - self.sent)
            self.sent += len(chunk)
            yield chunk


def assert_refused(response: httpx.Response, limit: int, setting: str | None) -> None:
    assert response.status_code == 413, response.text
    error = response.json()["error"]
    assert error["code"] == "body_too_large" and f"limit of {limit} bytes" in error["message"]
    assert setting is None or setting in error["message"]
    assert response.headers["connection"] == "close"


@pytest.mark.parametrize(("path", "media", "limit", "setting"), DECLARED)
def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read(
    base: str, path: str, media: str, limit: int, setting: str | None
) -> None:
    body = Counted(HUGE)
    headers = {**AUTH, "content-type": media, "content-length": str(HUGE)}
    response = httpx.post(f"{base}{path}", content=body, headers=headers, timeout=30)
    assert_refused(response, limit, setting)
    # What the client got out before the server closed the connection is socket buffers, not the body.
    assert body.sent < HUGE // 4


@pytest.mark.parametrize(("path", "media", "limit", "setting"), ENDPOINTS)
def test_a_chunked_body_is_refused_when_it_grows_past_the_limit(
    base: str, path: str, media: str, limit: int, setting: str | None
) -> None:
    body = Counted(HUGE)
    response = httpx.post(f"{base}{path}", content=body, headers={**AUTH, "content-type": media}, timeout=30)
    assert "content-length" not in response.request.headers  # sent chunked: the size was not declared
    assert_refused(response, limit, setting)
    assert body.sent < HUGE // 4


@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_the_largest_document_fits_however_its_json_is_escaped(base: str, ensure_ascii: bool) -> None:
    # 'é' is 2 bytes of UTF-8 and 6 of JSON as \u00e9: the worst case for a text of letters.
    text = "Mistral AI raised money in Paris. " + "é" * ((MAX_DOCUMENT - 34) // 2)
    assert len(text.encode()) <= MAX_DOCUMENT
    body = json.dumps({"text": text, "title": "t" * 1000}, ensure_ascii=ensure_ascii).encode()
    response = httpx.post(
        f"{base}/documents", content=body, headers={**AUTH, "content-type": "application/json"}, timeout=60
    )
    assert response.status_code == 201, response.text


def test_a_refused_body_leaves_the_server_serving(base: str) -> None:
    body = Counted(HUGE)
    assert httpx.post(f"{base}/documents", content=body, headers=AUTH, timeout=30).status_code == 413
    with httpx.Client(base_url=base, timeout=30) as client:
        assert client.get("/health").status_code == 200
        response = client.post("/documents", json={"text": "Cohere opened an office in Seoul."}, headers=AUTH)
        assert response.status_code == 201, response.text
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        sparql = client.post("/sparql", content=query, headers={"content-type": "application/sparql-query"})
        assert sparql.status_code == 200, sparql.text
