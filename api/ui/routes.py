"""GET /ui/...: the app shell for any path under /ui/, and the files under ``static/`` at /ui/static/."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from kg.errors import NotFoundError
from kg.ontology import example_queries
from kg.vocab import PREFIXES

router = APIRouter(tags=["ui"], include_in_schema=False)

STATIC = Path(__file__).resolve().parent / "static"
SHELL = Path(__file__).resolve().parent / "shell.html"
_MEDIA_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
# Only this origin: no CDN, no beacon, no inline script. Cytoscape.js sets style attributes, hence 'unsafe-inline'
# for styles alone.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@lru_cache(maxsize=1)
def assets() -> dict[str, Path]:
    """Every file under ``static/`` by its path relative to it: the only files /ui/static/ answers."""
    return {path.relative_to(STATIC).as_posix(): path for path in STATIC.rglob("*") if path.is_file()}


@lru_cache(maxsize=1)
def _shell_template() -> str:
    return SHELL.read_text(encoding="utf-8")


def _config_json(root: str) -> str:
    """What the pages need from the server, as JSON that is safe inside a <script> element."""
    config = {
        "root": root,
        "prefixes": PREFIXES,
        "examples": [asdict(example) for example in example_queries()],
    }
    text = json.dumps(config, ensure_ascii=False)
    # "</script>" or "<!--" in a query must not end the element: JSON allows these characters escaped.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def shell(root: str) -> str:
    """The HTML every page starts from, for an app mounted under ``root`` ("" at the server's root)."""
    return _shell_template().replace("{{BASE}}", escape(f"{root}/ui/")).replace("{{CONFIG}}", _config_json(root))


@router.get("/ui/static/{path:path}")
def asset(path: str) -> FileResponse:
    """A file of the web explorer (scripts, styles, the vendored graph library)."""
    found = assets().get(path)
    if found is None:
        raise NotFoundError(f"the web explorer has no file static/{path}")
    return FileResponse(found, media_type=_MEDIA_TYPES.get(found.suffix, "application/octet-stream"))


@router.get("/ui")
def ui_root(request: Request) -> RedirectResponse:
    """The explorer's start page lives at /ui/."""
    return RedirectResponse(f"{request.scope.get('root_path', '')}/ui/", status_code=308)


@router.get("/ui/{path:path}", response_class=HTMLResponse)
def app_shell(request: Request, path: str) -> HTMLResponse:
    """The app shell: the browser-side router renders the page ``path`` names, so deep links survive a reload."""
    headers = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
    return HTMLResponse(shell(request.scope.get("root_path", "")), headers=headers)
