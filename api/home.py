"""GET /: a start page linking what the service offers, the web explorer at /ui/ first."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from kg.export import FORMATS

router = APIRouter(tags=["meta"])

_EXAMPLE_QUERY = (
    "SELECT ?critic ?target ?quote WHERE {\n"
    "  ?c a kg:Criticism ; kg:critic/rdfs:label ?critic ; kg:target/rdfs:label ?target .\n"
    "  OPTIONAL { ?c kg:quote ?quote }\n"
    "} LIMIT 20"
)
_LINKS = (
    ("/docs", "API documentation (Swagger UI)"),
    ("/redoc", "API documentation (ReDoc)"),
    ("/openapi.json", "OpenAPI description"),
    ("/criticisms", "who criticised whom, and when"),
    ("/entities?q=OpenAI", "entities, searched by name or alias"),
    ("/events", "funding rounds, IPO filings, releases, lawsuits"),
    ("/claims", "claims with their quantities"),
    ("/health", "health and counts"),
    ("/sparql", "SPARQL 1.1 endpoint (without a query: its service description)"),
)


def _page() -> str:
    links = "".join(f'<li><a href="{escape(href)}">{escape(href)}</a> — {escape(text)}</li>' for href, text in _LINKS)
    exports = " · ".join(f'<a href="/export?format={name}">{name}</a>' for name in FORMATS)
    example = f"/sparql?query={quote(_EXAMPLE_QUERY)}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI-news knowledge graph</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}}
pre{{background:#f4f4f4;padding:.75rem;overflow:auto}}
.explore{{display:block;margin:1.5rem 0;padding:1rem 1.25rem;border-radius:8px;background:#0550ae;color:#fff;
font-size:1.2rem;font-weight:600;text-decoration:none}}.explore span{{display:block;font-size:.95rem;font-weight:400}}
</style></head>
<body><main>
<h1>AI-news knowledge graph</h1>
<p>Actors, claims, events and criticisms from news about the AI industry; every fact points to the span of
text that supports it.</p>
<a class="explore" href="/ui/">Open the explorer →<span>Search actors, see who criticised whom and when on a
timeline and a network, read each fact in its source, run SPARQL.</span></a>
<h2>Read</h2><ul>{links}</ul>
<h2>Export</h2><p>The whole graph: {exports} (GEXF and GraphML open in Gephi).</p>
<h2>Query</h2>
<p>A first SPARQL query (<code>kg:</code>, <code>rdfs:</code> and other prefixes are declared for you):</p>
<pre>{escape(_EXAMPLE_QUERY)}</pre><p><a href="{escape(example)}">Run it</a></p>
</main></body></html>
"""


@router.get("/", response_class=HTMLResponse, summary="Start page", include_in_schema=False)
def home() -> HTMLResponse:
    """The start page."""
    return HTMLResponse(_page())
