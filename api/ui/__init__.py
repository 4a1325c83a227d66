"""The web explorer at ``/ui/``: one HTML shell for every ``/ui/...`` path, and the ES modules it loads.

The pages are plain ES modules under ``static/`` (no build step) that read the public REST API and ``/sparql``;
they route in the browser, so every deep link (``/ui/entity/org-anthropic``) answers the same shell and
survives a reload. Nothing is fetched from another host: the Content-Security-Policy allows this origin only.
"""

from api.ui.routes import router

__all__ = ["router"]
