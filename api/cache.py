"""A bounded LRU cache of rendered REST answers, keyed by the store's generation, so repeated reads skip the work.

Routes opt in by being declared on a router with ``route_class=CachedRoute``. A cached answer is the exact
status, headers and body the route produced the first time, so it is byte-identical to an uncached one; only
200 answers are kept (errors are raised as exceptions and never reach the cache). A write through the store
bumps its ``generation``, so older entries are never read again and age out of the LRU.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

# At most this many bytes of bodies in one app's cache, whatever the entry bound.
MAX_BYTES = 64 * 1024 * 1024
DEFAULT_ENTRIES = 2048

Key = tuple[Any, ...]
Entry = tuple[int, bytes, list[tuple[bytes, bytes]]]  # status, body, raw headers


class ResponseCache:
    """A thread-safe LRU of rendered responses, bounded in entries and in total body bytes."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.bytes = 0
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """The number of entries held."""
        return len(self._entries)

    def get(self, key: Key) -> Entry | None:
        """The entry for ``key``, now the most recently used, or None (counted as a miss)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Key, entry: Entry) -> None:
        """Keep ``entry``, evicting the least recently used until both bounds hold."""
        size = len(entry[1])
        if self.max_entries <= 0 or size > self.max_bytes // 4:  # one huge page must not flush everything else
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= len(old[1])
            self._entries[key] = entry
            self.bytes += size
            while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self.bytes -= len(evicted[1])

    def clear(self) -> None:
        """Forget every entry (the counters stay)."""
        with self._lock:
            self._entries.clear()
            self.bytes = 0


_create_lock = threading.Lock()


def cache_of(request: Request) -> ResponseCache:
    """The app's response cache, made on first use with the size from its settings."""
    state = request.app.state
    cache = getattr(state, "rest_cache", None)
    if cache is None:
        with _create_lock:
            cache = getattr(state, "rest_cache", None)
            if cache is None:
                settings = getattr(state, "settings", None)
                cache = state.rest_cache = ResponseCache(getattr(settings, "rest_cache_entries", DEFAULT_ENTRIES))
    return cache


def _key(request: Request) -> Key | None:
    """The cache key of a request, or None when the store has no generation to key on."""
    store = request.app.state.store
    generation = getattr(store, "generation", None)
    if generation is None:
        return None
    # id(store): the generation only orders the writes of one store object.
    return (id(store), generation, request.url.path, tuple(sorted(request.query_params.multi_items())))


class CachedRoute(APIRoute):
    """An APIRoute whose 200 GET answers are served from the app's :class:`ResponseCache` when possible."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The route's handler, wrapped to read and fill the cache."""
        handler = super().get_route_handler()

        async def cached_handler(request: Request) -> Response:
            # The key is taken before the work: a write racing with it leaves the answer under the old generation.
            key = _key(request) if request.method == "GET" else None
            if key is None:
                return await handler(request)
            cache = cache_of(request)
            entry = cache.get(key)
            if entry is not None:
                status, body, raw_headers = entry
                response = Response(content=body, status_code=status)
                response.raw_headers = list(raw_headers)
                return response
            response = await handler(request)
            body = getattr(response, "body", None)  # a streamed answer has none: it is not kept
            if response.status_code == 200 and isinstance(body, bytes) and response.background is None:
                cache.put(key, (response.status_code, body, list(response.raw_headers)))
            return response

        return cached_handler
