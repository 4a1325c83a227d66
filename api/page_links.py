"""Link headers on paged answers: ``rel="next"`` and ``rel="prev"`` (RFC 8288), as API clients and crawlers expect.

A page is ``{"items": [...], "total": N}`` (the contract's shape, rendered last-field-``total``): the links follow
from the request's ``limit`` and ``offset`` and that total, so this ASGI middleware adds them to every paged
answer without each route knowing. It holds a page's first message until its body is in, which is one message
for these answers.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_TOTAL = re.compile(rb'"total":(\d+)\}$')
_DEFAULT_LIMIT = 50


class PageLinksMiddleware:
    """Add next/prev Link headers to the JSON pages of ``paths``."""

    def __init__(self, app: ASGIApp, paths: frozenset[str]) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass other requests through; for a page, send its start message with the links once the body is known."""
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        held: list[Message] = []

        async def send_with_links(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                held.append(message)
                return
            if held and message["type"] == "http.response.body":
                start = held.pop()
                links = _links(scope, message.get("body", b"")) if not message.get("more_body") else None
                if links:
                    start = {**start, "headers": [*start.get("headers", []), (b"link", links.encode("latin-1"))]}
                await send(start)
            await send(message)

        await self.app(scope, receive, send_with_links)


def _links(scope: Scope, body: bytes) -> str | None:
    """The Link header value of a page, or None when the body is no page or it has no neighbours."""
    found = _TOTAL.search(body[-40:])
    if found is None:
        return None
    total = int(found.group(1))
    params = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    try:
        limit = int(params.get("limit", _DEFAULT_LIMIT))
        offset = int(params.get("offset", 0))
    except ValueError:
        return None
    links = []
    if offset + limit < total:
        links.append(f'<{_url(scope, params, offset + limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{_url(scope, params, max(offset - limit, 0))}>; rel="prev"')
    return ", ".join(links) or None


def _url(scope: Scope, params: dict[str, str], offset: int) -> str:
    """The page's path with the same parameters (sorted: one URL per page) and another offset, relative."""
    query = urlencode(sorted({**params, "offset": str(offset)}.items()))
    return f"{scope.get('root_path', '')}{scope['path']}?{query}"
