"""Fixtures of the web explorer tests: the seed graph behind a real uvicorn server, and one headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (no browser download). Every request to a host other
than 127.0.0.1 is blocked and recorded, and a test fails if its page tried one or threw a JavaScript error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from api.app import create_app
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.support.live_server import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Response, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session (each test opens its own context in it)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run the UI tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is absent: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def explorer(browser: Browser, seed_store: OxigraphStore) -> Iterator[str]:
    """A real server over the seed graph (loaded through the real pipeline); yields its base URL.

    It asks for the browser only to be stopped before it: SPARQL workers are forked from this process, so they
    hold a copy of the Playwright driver's pipe, and the driver does not exit while an idle worker keeps it open.
    """
    app = create_app(Settings(), seed_store)
    with serving(app) as base:
        yield base
    app.state.sandbox.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests save their screenshots (under pytest's temporary directory)."""
    return tmp_path_factory.mktemp("screenshots")


@dataclass
class Watch:
    """What a page did that a test must not let pass: requests to other hosts, script errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _open_page(browser: Browser, viewport: dict[str, int]) -> tuple[Page, Watch]:
    """A page whose requests leave 127.0.0.1 only, and the record of what it tried and threw."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    watch = Watch()

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda message: _console(watch, message))
    # An API answering 4xx is a case tests exercise; an explorer file missing never is.
    page.on("response", lambda response: _missing_asset(watch, response))
    return page, watch


def _console(watch: Watch, message: ConsoleMessage) -> None:
    # Chromium logs every 4xx/5xx answer as "Failed to load resource"; those are judged by _missing_asset.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        watch.errors.append(message.text)


def _missing_asset(watch: Watch, response: Response) -> None:
    if "/ui/static/" in response.url and response.status >= 400:
        watch.errors.append(f"{response.url} answered {response.status}")


def _page(
    browser: Browser, request: pytest.FixtureRequest, screenshots: Path, viewport: dict[str, int]
) -> Iterator[Page]:
    """A page in a context of its own; afterwards, a screenshot and the checks of what it did."""
    page, watch = _open_page(browser, viewport)
    yield page
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    if not page.is_closed() and page.url.startswith("http"):
        page.screenshot(path=screenshots / f"{name}-{viewport['width']}.png", full_page=True)
    page.context.close()
    assert not watch.blocked, f"the page tried to reach other hosts: {watch.blocked}"
    assert not watch.errors, f"the page logged errors: {watch.errors}"


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest, screenshots: Path) -> Iterator[Page]:
    """A fresh desktop-sized page (1280 px); its last state is saved as a screenshot."""
    yield from _page(browser, request, screenshots, DESKTOP)


@pytest.fixture
def phone(browser: Browser, request: pytest.FixtureRequest, screenshots: Path) -> Iterator[Page]:
    """A fresh phone-sized page (390 px); its last state is saved as a screenshot."""
    yield from _page(browser, request, screenshots, PHONE)
