"""Request bodies over their endpoint's limit are refused with 413 while they are read, never buffered whole.

A pure ASGI middleware (BaseHTTPMiddleware would sit on the body stream it has to cut): a declared
Content-Length over the limit is refused before a byte of the body is read; a chunked body is
counted as it arrives and refused at the chunk that passes the limit, so the app never holds more
than the limit plus one chunk. The 413 closes the connection, so the client stops uploading a body
that would be thrown away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from kg.errors import BodyTooLargeError
from kg.settings import Settings

# Room for what surrounds the limited value: the other JSON fields, form parameters.
ENVELOPE_BYTES = 64 * 1024
# The longest escape of one UTF-8 byte a client may send: JSON's \u00e9 for the 2 bytes of 'é' or a
# form's %XX for 1 byte. Control characters (6 bytes as \u0001) are left out: no document is made of them.
ESCAPE_FACTOR = 3


@dataclass(frozen=True)
class BodyLimit:
    """The largest body a path accepts, and the setting it derives from."""

    max_bytes: int
    setting: str | None = None


DEFAULT_LIMIT = BodyLimit(ENVELOPE_BYTES)


def body_limits(settings: Settings) -> dict[str, BodyLimit]:
    """The limit of each path that takes a body; any other path gets ``DEFAULT_LIMIT``."""
    return {
        "/documents": BodyLimit(ESCAPE_FACTOR * settings.max_document_bytes + ENVELOPE_BYTES, "KG_MAX_DOCUMENT_BYTES"),
        "/sparql": BodyLimit(
            ESCAPE_FACTOR * settings.sparql_max_query_bytes + ENVELOPE_BYTES, "KG_SPARQL_MAX_QUERY_BYTES"
        ),
    }


class BodyLimitMiddleware:
    """Answers 413, as JSON in the contract's error shape, to a request whose body is over its path's limit."""

    def __init__(self, app: ASGIApp, limits: Mapping[str, BodyLimit]) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a counting ``receive``; answer 413 instead if the body passes the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"].rstrip("/"), DEFAULT_LIMIT)
        if _declared_length(scope) > limit.max_bytes:
            await _refuse(scope, receive, send, limit)
            return
        guard = _Guard(receive, send, limit.max_bytes)
        try:
            await self.app(scope, guard.receive, guard.send)
        except Exception:
            # The app may let the cut-off body's error through, or turn it into its own (FastAPI makes a 400).
            if not guard.overflowed:
                raise
        if guard.overflowed and not guard.started:
            await _refuse(scope, receive, send, limit)


class _TooLarge(Exception):
    """Raised into the app by ``receive`` when the body passes the limit."""


class _Guard:
    """The ``receive`` and ``send`` of one request: counts the body; holds back the app's answer once it is over."""

    def __init__(self, receive: Receive, send: Send, max_bytes: int) -> None:
        self._receive = receive
        self._send = send
        self._left = max_bytes
        self.overflowed = False
        self.started = False

    async def receive(self) -> Message:
        """The next message from the server; raises into the app at the chunk that passes the limit."""
        message = await self._receive()
        if message["type"] == "http.request":
            self._left -= len(message.get("body", b""))
            if self._left < 0:
                self.overflowed = True
                raise _TooLarge
        return message

    async def send(self, message: Message) -> None:
        """Pass the app's answer on, unless the body passed the limit (the 413 goes instead)."""
        if self.overflowed:
            return  # the 413 replaces whatever the app answers to a body it did not get whole
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            # The server refuses a malformed length before the app runs; counting the body still applies.
            return int(value) if value.isdigit() else 0
    return 0


async def _refuse(scope: Scope, receive: Receive, send: Send, limit: BodyLimit) -> None:
    source = f" (set by {limit.setting})" if limit.setting else ""
    error = BodyTooLargeError(
        f"the request body is over the limit of {limit.max_bytes} bytes for {scope['method']} {scope['path']}{source}"
    )
    await error_response(error, headers={"Connection": "close"})(scope, receive, send)
