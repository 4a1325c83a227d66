"""The one place where the project's errors become HTTP responses ``{"error": {code, message}}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg.errors import (
    AuthError,
    BackendError,
    ExtractionError,
    InputError,
    KGError,
    LimitError,
    NotFoundError,
    QueryTimeoutError,
    ResultTooLargeError,
    WritesDisabledError,
)

log = logging.getLogger(__name__)

# Most specific first: the first class an error is an instance of decides its status.
STATUS_BY_ERROR: tuple[tuple[type[KGError], int], ...] = (
    (NotFoundError, 404),
    (AuthError, 401),
    (WritesDisabledError, 403),
    (QueryTimeoutError, 503),
    (ResultTooLargeError, 413),
    (LimitError, 413),
    (ExtractionError, 422),
    (InputError, 400),
    (BackendError, 503),
    (KGError, 500),
)


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a message saying how to fix it."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every 4xx/5xx answer."""

    error: ErrorDetail


_MEANING = {
    400: "invalid parameter, document or query",
    401: "API token missing or wrong",
    403: "writes are off: the server is reachable from the network and has no API token",
    404: "unknown id",
    406: "no acceptable result format",
    413: "request body or result larger than the configured limit",
    415: "unsupported request media type",
    422: "parameter or body fails validation, or extraction failed on the document",
    503: "query time limit reached, or a backend is unavailable",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` declaring the error shape for these statuses (replaces FastAPI's 422 schema)."""
    return {status: {"model": ErrorBody, "description": _MEANING.get(status, "error")} for status in statuses}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The contract's error shape."""
    return {"error": {"code": code, "message": message}}


def status_of(exc: KGError) -> int:
    """The HTTP status an error maps to."""
    return next(status for cls, status in STATUS_BY_ERROR if isinstance(exc, cls))


def error_response(exc: KGError, headers: dict[str, str] | None = None) -> JSONResponse:
    """The response for one of our errors (also an ASGI app, for middleware that answers by itself)."""
    if isinstance(exc, AuthError):
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    return JSONResponse(error_body(exc.code, exc.message), status_code=status_of(exc), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Map every error, ours and the framework's, to the contract's shape; never leak a trace."""

    @app.exception_handler(KGError)
    async def _kg_error(_: Request, exc: KGError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()
        )
        return JSONResponse(error_body("bad_request", problems or "invalid request"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 406: "not_acceptable", 415: "unsupported_media_type"}
        return JSONResponse(
            error_body(code.get(exc.status_code, "http_error"), str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse(error_body("internal_error", "internal error; see the server log"), status_code=500)
