"""Document writes: POST /documents ingests an article, DELETE /documents/{id} removes one.

Both need the API token when one is configured (see api.deps.require_token). The handlers are plain
functions run in the write pool (api.pools), threads of their own: a write never queues behind reads for a
thread, the store transaction does not block the event loop, and the extraction runs in a worker process
(api.extractor), off the GIL the readers need. Writes of one document id run one at a time, so of several
identical POSTs racing each other exactly one answers 201 and the others 200.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Response, status

from api.deps import ExtractorDep, SettingsDep, StoreDep, WriteAccess
from api.errors import error_responses
from api.pools import WriteRoute
from kg import ids
from kg.errors import DocumentError, ExtractionError, NotFoundError
from kg.queries.views import DocumentIn, IngestOut
from kg.store.base import GraphStore
from loaders.documents import raw_from_fields
from loaders.pipeline import ingest, remove_document

log = logging.getLogger(__name__)

router = APIRouter(tags=["documents"], responses=error_responses(401, 403, 413, 422), route_class=WriteRoute)

_ORIGIN = "POST /documents"


class _KeyedLocks:
    """One lock per key, kept only while a thread holds or waits for it (so memory stays bounded)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        """Run the ``with`` block holding the lock of ``key``."""
        with self._guard:
            lock, users = self._locks.get(key) or (threading.Lock(), 0)
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                users = self._locks[key][1] - 1
                if users:
                    self._locks[key] = (lock, users)
                else:
                    del self._locks[key]


# The check "is this text stored?" and the write that follows it must not interleave with another
# request's for the same document, or both see "not stored" and both answer 201.
_writing = _KeyedLocks()


def _check_unicode(body: DocumentIn) -> None:
    """Refuse a field holding a lone surrogate (JSON can spell one, "\\ud800"; no text holds one)."""
    for name, value in body.model_dump(exclude_none=True).items():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DocumentError(
                _ORIGIN, f"field {name!r} holds a lone surrogate {value[exc.start]!r} at character {exc.start}"
            ) from None


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WriteAccess],
    responses={200: {"model": IngestOut, "description": "the text was already there: nothing changed"},
               **error_responses(400)},
)
def post_document(
    body: DocumentIn, response: Response, store: StoreDep, settings: SettingsDep, extractor: ExtractorDep
) -> IngestOut:
    """Ingest one article: 201 with its id when new, 200 with the same id when its text was already stored.

    422 ``extraction_failed`` when an extraction stage fails on the text: nothing of it is stored.
    """
    _check_unicode(body)
    raw = raw_from_fields(body.model_dump(exclude_none=True), body.url or _ORIGIN, settings.max_document_bytes)
    with _writing.hold(ids.document_id(raw.text)):
        try:
            result = ingest(store, raw, settings, build=extractor.build)
        except ExtractionError as exc:
            # A bug in a rule: the reason is for the client and the log (the trace stayed in the worker).
            log.error("extraction failed on a posted document: %s", exc)
            raise
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
    with _writing.hold(doc_id):
        if not _stored(store, doc_id) or not remove_document(store, doc_id):
            raise NotFoundError(f"no document {doc_id!r}; list them with GET /documents")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
