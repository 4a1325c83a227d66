"""The benchmarks' news feed against a real server: it writes once a second, and writes nothing while paused."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from pydantic import SecretStr

from bench.feed import Feed
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, rest_app, serving
from tests.support.sample_graph import load_sample


@pytest.fixture
def server() -> Iterator[str]:
    """A real server over a fresh sample graph that takes writes; its base URL."""
    store = OxigraphStore(None)
    load_sample(store)
    with serving(rest_app(store, Settings(api_token=SecretStr(TOKEN)))) as base:
        yield base


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Whether ``condition`` holds within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_feed_pauses_and_resumes(server: str) -> None:
    """No write while paused; writing again at once on resume; the rate leaves the pause out."""
    feed = Feed(server, TOKEN)
    started = time.monotonic()
    feed.start()
    try:
        assert _wait_for(lambda: len(feed.post_seconds) >= 2, 10)
        feed.pause()
        paused = len(feed.post_seconds)
        time.sleep(2.5)  # two and a half seconds of feed time: two or three POSTs had it not paused
        assert len(feed.post_seconds) == paused
        feed.resume()
        assert _wait_for(lambda: len(feed.post_seconds) > paused, 1.0)  # the first POST goes at once
    finally:
        feed.stop()
    assert feed.statuses[201] == len(feed.post_seconds) and not feed.errors
    # The rate's time leaves the 2.5 s pause out. Each POST owns its second, so each of the two spells of writing
    # may count up to a second more than it ran (its last POST's, even when paused or stopped at once).
    assert 0 < feed.seconds_writing <= time.monotonic() - started - 2.5 + 2 * 1.0
