"""The project's exceptions: one small hierarchy, mapped to HTTP in one place (api/errors.py).

    KGError                      base class; never raised directly
    ├── InputError               the caller's input is wrong (400)
    │   ├── DocumentError        a document cannot be read: names the file and the reason
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
