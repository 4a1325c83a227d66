"""Cross-origin reads: a browser SPARQL editor (YASGUI) or a notebook on another origin can query the service.

Starlette's CORSMiddleware answers preflights and adds the headers, for the origins in ``KG_CORS_ORIGINS``
(any by default: the data is public). Writes stay same-origin: ``POST``/``DELETE /documents`` and their
preflights pass by the CORS layer, so no page on another origin can read a write's answer or send one with a
JSON body, even to a server on loopback that takes writes without a token.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.settings import Settings

_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ReadOnlyCORS:
    """CORS for every request but writes to /documents (and their preflights)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "If-None-Match"],
            max_age=3600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Route a request through CORS unless it writes documents."""
        if scope["type"] == "http" and _writes_documents(scope):
            await self.app(scope, receive, send)
        else:
            await self.cors(scope, receive, send)


def _writes_documents(scope: Scope) -> bool:
    path: str = scope["path"]
    if path != "/documents" and not path.startswith("/documents/"):
        return False
    method: str = scope["method"]
    if method == "OPTIONS":  # a preflight names the method it asks for
        headers = dict(scope["headers"])
        method = headers.get(b"access-control-request-method", b"").decode("latin-1").upper()
    return method in _WRITE_METHODS
