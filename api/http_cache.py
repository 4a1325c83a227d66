"""HTTP semantics for reads: HEAD, validators (ETag, 304 Not Modified) and Cache-Control, as one ASGI middleware.

Every read answer is a function of the request and of the store's contents, and the store counts its writes
(``generation``). So a read's entity tag is the server's boot id and that generation: a client (a browser, a
dashboard polling every minute, a notebook) that sends it back in ``If-None-Match`` gets 304 at once, with
nothing computed, until a document is added or removed. The tag is weak (W/): the same state may be sent as
JSON or as another representation, gzip-compressed or not. ``Cache-Control: no-cache`` makes clients revalidate
each time, so a write is never hidden by a cache.

HEAD is answered as the GET would be, without its body (FastAPI routes declared for GET refuse it otherwise).
"""

from __future__ import annotations

import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_BOOT = secrets.token_hex(4)  # a restarted server's generation starts again at 0: its tags must not match old ones
_READS = frozenset({"GET", "HEAD"})
_REPLACED = (b"etag", b"cache-control")


class HttpCacheMiddleware:
    """Add HEAD, ETag/If-None-Match and Cache-Control to every GET of the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a read from its validator when it can, else pass it on with the headers added."""
        if scope["type"] != "http" or scope["method"] not in _READS:
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        tag = _entity_tag(scope)
        if tag is not None and tag in _if_none_match(scope):
            await send({"type": "http.response.start", "status": 304, "headers": _validators(tag)})
            await send({"type": "http.response.body", "body": b""})
            return
        inner = {**scope, "method": "GET"} if head else scope

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200 and tag is not None:
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message = {**message, "headers": kept + _validators(tag)}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(inner, receive, send_with_headers)


def _entity_tag(scope: Scope) -> bytes | None:
    """The weak tag of the store's current contents, or None when the app has no store that counts its writes."""
    app = scope.get("app")
    store = getattr(getattr(app, "state", None), "store", None)
    generation = getattr(store, "generation", None)
    if generation is None:
        return None
    return f'W/"{_BOOT}-{id(store):x}-{generation}"'.encode()


def _if_none_match(scope: Scope) -> list[bytes]:
    """The tags of the request's If-None-Match header."""
    for name, value in scope["headers"]:
        if name == b"if-none-match":
            return [tag.strip() for tag in value.split(b",")]
    return []


def _validators(tag: bytes) -> list[tuple[bytes, bytes]]:
    return [(b"etag", tag), (b"cache-control", b"no-cache"), (b"vary", b"Accept, Accept-Encoding")]
