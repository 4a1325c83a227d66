"""Writes over HTTP: who may write without a token, hostile headers and bodies, and one 201 per text under a race."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from pydantic import SecretStr

from kg.settings import Settings
from tests.api.conftest import TOKEN
from tests.support.sample_graph import document_c

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Zyphra announced a new model. It runs on AMD chips."
SAMPLE_DOCUMENTS = 3


@pytest.fixture
def base(serve: Callable[[Settings], str]) -> str:
    """A server with an API token."""
    return serve(Settings(api_token=SecretStr(TOKEN)))


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7", "kg.example.org"])
def test_without_a_token_a_network_facing_server_refuses_writes(serve: Callable[[Settings], str], host: str) -> None:
    base = serve(Settings(host=host))
    with httpx.Client(base_url=base, timeout=30) as client:
        for response in (
            client.post("/documents", json={"text": TEXT}),
            client.post("/documents", json={"text": TEXT}, headers={"Authorization": "Bearer"}),
            client.delete(f"/documents/{document_c().meta.id}"),
        ):
            assert response.status_code == 403, response.text
            error = response.json()["error"]
            assert (
                error["code"] == "writes_disabled" and "KG_API_TOKEN" in error["message"] and host in error["message"]
            )
        assert client.get("/documents").json()["total"] == SAMPLE_DOCUMENTS  # nothing was written
        assert client.get("/health").status_code == 200  # reads stay open


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost"])
def test_without_a_token_a_loopback_server_takes_writes(serve: Callable[[Settings], str], host: str) -> None:
    base = serve(Settings(host=host))
    response = httpx.post(f"{base}/documents", json={"text": TEXT}, timeout=30)
    assert response.status_code == 201, response.text
    assert httpx.delete(f"{base}/documents/{response.json()['id']}", timeout=30).status_code == 204


@pytest.mark.parametrize(
    "authorization",
    [
        b"Bearer s3cr\xe9t-token",  # Latin-1
        "Bearer s3cret-tokén".encode(),  # UTF-8
        "Bearer s3cret-token\u00a0".encode(),  # a no-break space after the right token
        b"Bearer \xff\xfe",
        b"Bearer",
        b"Basic czNjcmV0LXRva2Vu",
        TOKEN.encode(),
    ],
)
def test_a_bad_authorization_header_is_401_naming_it(base: str, authorization: bytes) -> None:
    response = httpx.post(f"{base}/documents", json={"text": TEXT}, headers={"Authorization": authorization})
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "unauthorized" and "Authorization" in response.json()["error"]["message"]
    assert response.headers["www-authenticate"] == "Bearer"


def test_the_token_scheme_is_case_insensitive(base: str) -> None:
    response = httpx.post(f"{base}/documents", json={"text": TEXT}, headers={"Authorization": f"bearer  {TOKEN}"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"title": "\ud800"}, "title"),
        ({"publisher": "Wire \udfff"}, "publisher"),
        ({"url": "https://w.example/\ud83d"}, "url"),
        ({"published": "2024\udc00"}, "published"),
        ({"text": f"\ud800 {TEXT}"}, "text"),
        ({"text": f"{TEXT} \ude00"}, "text"),
        ({"\ud800": "x"}, "body"),
    ],
)
def test_a_lone_surrogate_in_a_body_is_4xx_naming_the_field(base: str, fields: dict[str, str], named: str) -> None:
    body = json.dumps({"text": TEXT, **fields})  # ensure_ascii spells a lone surrogate as JSON can: "\ud800"
    headers = {**AUTH, "content-type": "application/json"}
    response = httpx.post(f"{base}/documents", content=body, headers=headers, timeout=30)
    assert response.status_code in (400, 422), response.text
    assert named in response.json()["error"]["message"]
    assert httpx.get(f"{base}/documents").json()["total"] == SAMPLE_DOCUMENTS


def test_a_surrogate_pair_is_text_not_an_error(base: str) -> None:
    body = json.dumps({"text": f"{TEXT} \N{GRINNING FACE}", "title": "\N{GRINNING FACE}"})  # "\ud83d\ude00"
    headers = {**AUTH, "content-type": "application/json"}
    response = httpx.post(f"{base}/documents", content=body, headers=headers, timeout=30)
    assert response.status_code == 201, response.text
    assert httpx.get(f"{base}/documents/{response.json()['id']}").json()["title"] == "\N{GRINNING FACE}"


LONG = " ".join(
    [
        "Anthropic raised $2 billion from Google on Monday, the company said.",
        "Its CEO Dario Amodei told reporters the money would fund new models.",
        'Critics called the deal "a land grab" and said regulators should look at it.',
    ]
    * 50
)


@pytest.mark.parametrize("texts", [[LONG] * 8, [LONG, TEXT] * 4], ids=["8 identical", "2 texts x 4"])
def test_concurrent_posts_of_one_text_answer_201_once(serve: Callable[[Settings], str], texts: list[str]) -> None:
    base = serve(Settings(api_token=SecretStr(TOKEN)))
    start = threading.Barrier(len(texts))

    def post(text: str) -> httpx.Response:
        with httpx.Client(base_url=base, headers=AUTH, timeout=120) as client:
            client.get("/health")  # connected before the race starts
            start.wait()
            return client.post("/documents", json={"text": text})

    with ThreadPoolExecutor(len(texts)) as pool:
        responses = list(pool.map(post, texts))
    for text in set(texts):
        answers = [r for t, r in zip(texts, responses, strict=True) if t == text]
        assert sorted(r.status_code for r in answers) == [200] * (len(answers) - 1) + [201], [r.text for r in answers]
        assert len({r.json()["id"] for r in answers}) == 1
    assert httpx.get(f"{base}/documents").json()["total"] == SAMPLE_DOCUMENTS + len(set(texts))
