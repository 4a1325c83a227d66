"""The project's exceptions: one small hierarchy, mapped to HTTP in one place (api/errors.py).

    KGError                      base class; never raised directly
    ├── InputError               the caller's input is wrong (400)
    │   ├── DocumentError        a document cannot be read: names the file and the reason
    │   │   └── ExtractionError  an extraction stage failed on a document: names it, the stage, the reason (422)
    │   └── QueryError           a SPARQL query is malformed, refused, too complex, or killed its worker
    ├── NotFoundError            an id that is not in the graph (404)
    ├── AuthError                a write without the configured API token (401)
    ├── WritesDisabledError      a write to a network-facing server that has no API token (403)
    ├── LimitError               a configured limit was hit
    │   ├── QueryTimeoutError    the SPARQL time limit (503)
    │   ├── ResultTooLargeError  the SPARQL result-size limit (413)
    │   └── BodyTooLargeError    a request body over its size limit (413)
    ├── ConfigError              a setting is invalid: the process refuses to start
    └── BackendError             a store or server is unreachable or refuses us (502/503)

Every message says what went wrong and, where it can, how to fix it.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error this project raises on purpose."""

    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(KGError):
    """The caller's input is wrong."""

    code = "bad_request"


class DocumentError(InputError):
    """A document cannot be read or ingested; the message names the file or field."""

    code = "bad_document"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(DocumentError):
    """An extraction stage raised on a document: the document fails whole, nothing of it is stored.

    Extraction is deterministic, so the same text fails the same way again: a 422, not a 5xx to retry.
    """

    code = "extraction_failed"

    def __init__(self, origin: str, stage: str, reason: str) -> None:
        super().__init__(origin, f"extraction failed in stage '{stage}': {reason}")
        self.stage = stage
        self.detail = reason

    def __reduce__(self) -> tuple[type[ExtractionError], tuple[str, str, str]]:
        # Crosses from a worker process to the loader: pickle the constructor's arguments, not the message.
        return type(self), (self.source, self.stage, self.detail)


class QueryError(InputError):
    """A SPARQL query is malformed or uses a refused feature."""

    code = "bad_query"


class NotFoundError(KGError):
    """The requested id is not in the graph."""

    code = "not_found"


class AuthError(KGError):
    """A write was attempted without the configured API token."""

    code = "unauthorized"


class WritesDisabledError(KGError):
    """A write reached a server that listens beyond loopback and has no API token to check."""

    code = "writes_disabled"


class LimitError(KGError):
    """A configured limit was hit."""

    code = "limit_exceeded"


class QueryTimeoutError(LimitError):
    """A query ran past the configured time limit."""

    code = "query_timeout"


class ResultTooLargeError(LimitError):
    """A query returned more rows than the configured limit."""

    code = "result_too_large"


class BodyTooLargeError(LimitError):
    """A request body is larger than the limit of its endpoint."""

    code = "body_too_large"


class ConfigError(KGError):
    """A setting from the environment is invalid; the message names the variable."""

    code = "bad_configuration"


class BackendError(KGError):
    """A store or external server failed, is unreachable or refused the credentials."""

    code = "backend_unavailable"
