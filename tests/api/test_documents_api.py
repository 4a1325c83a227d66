"""POST and DELETE /documents: the token, idempotency, and removing only what a document alone supports."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.extractor import Extractor
from kg.ids import document_id
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, rest_app, serving
from tests.support.sample_graph import document_a, document_b, document_c

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Zyphra announced a new model. It runs on AMD chips."


def test_writes_need_the_token(write_client: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = write_client.post("/documents", json={"text": TEXT}, headers=headers)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"
    response = write_client.delete(f"/documents/{document_c().meta.id}")
    assert response.status_code == 401
    assert write_client.get("/documents").json()["total"] == 3


def test_post_is_idempotent(write_client: TestClient) -> None:
    body = {
        "text": TEXT,
        "title": "Zyphra model",
        "publisher": "Wire",
        "url": "https://w.example/z",
        "published": "2024-05",
    }
    first = write_client.post("/documents", json=body, headers=AUTH)
    assert first.status_code == 201, first.text
    doc_id = first.json()["id"]
    assert first.json()["created"] is True
    again = write_client.post("/documents", json={"text": TEXT}, headers=AUTH)
    assert again.status_code == 200 and again.json()["id"] == doc_id and again.json()["created"] is False
    doc = write_client.get(f"/documents/{doc_id}").json()
    assert doc["text"] == TEXT and doc["title"] == "Zyphra model"
    assert doc["published"] == {"value": "2024-05", "precision": "month", "inferred": False}
    assert write_client.get("/documents").json()["total"] == 4
    # the cached entity catalogue sees the write at once
    assert [e["label"] for e in write_client.get("/entities", params={"q": "zyphra"}).json()["items"]] == ["Zyphra"]


def test_post_refuses_bad_documents(write_client: TestClient) -> None:
    blank = write_client.post("/documents", json={"text": "   \n "}, headers=AUTH)
    assert blank.status_code == 400 and blank.json()["error"]["code"] == "bad_document"
    date = write_client.post("/documents", json={"text": TEXT, "published": "soon"}, headers=AUTH)
    assert date.status_code == 422 and "published" in date.json()["error"]["message"]
    impossible = write_client.post("/documents", json={"text": TEXT, "published": "2024-02-30"}, headers=AUTH)
    assert impossible.status_code == 400 and "published" in impossible.json()["error"]["message"]
    for body in ({}, {"text": ""}, {"text": TEXT, "colour": "red"}, {"text": 5}):
        response = write_client.post("/documents", json=body, headers=AUTH)
        assert response.status_code == 422 and response.json()["error"]["code"] == "bad_request"
    assert write_client.get("/documents").json()["total"] == 3


def test_delete_removes_only_what_the_document_alone_supports(write_client: TestClient) -> None:
    doc_c = document_c().meta.id
    response = write_client.delete(f"/documents/{doc_c}", headers=AUTH)
    assert response.status_code == 204 and response.content == b""
    assert write_client.get(f"/documents/{doc_c}").status_code == 404
    assert write_client.delete(f"/documents/{doc_c}", headers=AUTH).status_code == 404
    labels = {e["label"] for e in write_client.get("/entities", params={"limit": 100}).json()["items"]}
    assert "Elon Musk" not in labels and "OpenAI" in labels  # OpenAI is also in A and B
    openai = write_client.get("/entities/org-openai").json()
    assert openai["mentions"] == 3 and len(openai["documents"]) == 2
    assert not write_client.get("/criticisms", params={"critic": "Elon Musk"}).json()["items"]
    assert write_client.get("/events", params={"type": "Lawsuit"}).json()["total"] == 0

    # the claim A and B both report survives B's removal, with A as its only source
    assert write_client.delete(f"/documents/{document_b().meta.id}", headers=AUTH).status_code == 204
    (claim,) = write_client.get("/claims", params={"claimant": "Dario Amodei"}).json()["items"]
    assert [s["document"] for s in claim["sources"]] == [document_a().meta.id]
    (relation,) = write_client.get("/relations", params={"subject": "Dario Amodei"}).json()["items"]
    assert len(relation["sources"]) == 1
    assert write_client.get("/documents").json()["total"] == 1


def test_delete_unknown_or_malformed_ids_is_404(write_client: TestClient) -> None:
    for doc_id in ("0000000000000000", "not a valid id", "%3Cx%3E"):
        response = write_client.delete(f"/documents/{doc_id}", headers=AUTH)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_extraction_error_is_a_422_and_stores_nothing(
    write_store: OxigraphStore, failing_stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over HTTP: the stage's failure is a JSON error naming it; the document is not stored, so a retry after the fix
    creates it (201), where a document stored without its facts would answer 200 "already there".

    The extraction worker is forked from this process, so it runs the patched stage; it is stopped after the fix,
    so the next POST forks one that runs the fixed stage.
    """
    text = f"{failing_stage} raised $20 million in a round led by Orlan Capital."
    app = rest_app(write_store, Settings(api_token=SecretStr(TOKEN)))
    app.state.extractor = Extractor(start_method="fork")
    with serving(app) as base, httpx.Client(base_url=base, timeout=30, headers=AUTH) as http:
        total = http.get("/documents").json()["total"]
        failed = http.post("/documents", json={"text": text, "title": "Failing"})
        assert failed.status_code == 422
        assert failed.json()["error"] == {
            "code": "extraction_failed",
            "message": "POST /documents: extraction failed in stage 'events': IndexError: list index out of range",
        }
        assert http.get(f"/documents/{document_id(text)}").status_code == 404
        assert http.get("/documents").json()["total"] == total
        monkeypatch.undo()
        app.state.extractor.close()
        created = http.post("/documents", json={"text": text})
        assert created.status_code == 201 and created.json()["facts"] >= 1
        assert http.delete(f"/documents/{created.json()['id']}").status_code == 204
