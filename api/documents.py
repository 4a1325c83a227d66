"""Document writes: POST /documents ingests an article, DELETE /documents/{id} removes one.

Both need the API token when one is configured. The handlers are plain functions, so FastAPI runs
them in its threadpool: extraction and the store transaction do not block the event loop.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from api.deps import SettingsDep, StoreDep, WriteAccess
from api.errors import error_responses
from kg.errors import NotFoundError
from kg.queries.views import DocumentIn, IngestOut
from kg.store.base import GraphStore
from loaders.documents import raw_from_fields
from loaders.pipeline import ingest, remove_document

router = APIRouter(tags=["documents"], responses=error_responses(401, 422))

_ORIGIN = "POST /documents"


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WriteAccess],
    responses={200: {"model": IngestOut, "description": "the text was already there: nothing changed"},
               **error_responses(400)},
)
def post_document(body: DocumentIn, response: Response, store: StoreDep, settings: SettingsDep) -> IngestOut:
    """Ingest one article: 201 with its id when new, 200 with the same id when its text was already stored."""
    raw = raw_from_fields(body.model_dump(exclude_none=True), body.url or _ORIGIN, settings.max_document_bytes)
    result = ingest(store, raw, settings)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return IngestOut(id=result.document_id, created=result.created, entities=result.entities, facts=result.facts)


def _stored(store: GraphStore, doc_id: str) -> bool:
    try:
        return store.has_document(doc_id)
    except ValueError:  # an id that cannot even form an IRI is not stored
        return False


@router.delete(
    "/documents/{doc_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriteAccess],
    responses=error_responses(404),
)
def delete_document(doc_id: str, store: StoreDep) -> Response:
    """Remove a document and every fact only it supports (facts other documents also state stay): 204."""
    if not _stored(store, doc_id) or not remove_document(store, doc_id):
        raise NotFoundError(f"no document {doc_id!r}; list them with GET /documents")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
