"""A bounded LRU cache of rendered REST answers, keyed by the store's generation, so repeated reads skip the work.

Routes opt in by being declared on a router with ``route_class=CachedRoute``. A cached answer is the exact
status, headers and body the route produced the first time, so it is byte-identical to an uncached one; only
200 answers are kept (errors are raised as exceptions and never reach the cache). An answer is keyed on the
version (the generation of its data) of the snapshot the request pinned (:func:`kg.queries.pin`), the one it
was computed from; a write that changes data moves the store to a newer version, so older entries are never
read again and age out of the LRU.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response

from api.pools import PooledRoute
from kg import queries

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

    def miss(self) -> None:
        """Count a miss for a request that could not even be looked up (no snapshot to key it on yet)."""
        with self._lock:
            self.misses += 1

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


def _pin(request: Request) -> None:
    """Pin the latest snapshot for the request if there is one (never builds one: this runs on the event loop)."""
    view = queries.latest(request.app.state.store)
    if view is not None:
        request.state.pinned = view  # the route's dependency reads this same snapshot (api.deps.pinned_store)


def _key(request: Request) -> Key | None:
    """The cache key of a request: its pinned snapshot's version, path and parameters; None if not pinned."""
    view = getattr(request.state, "pinned", None)
    if view is None:
        return None
    # id(store): the generation only orders the writes of one store object. The version, not the generation: a
    # write that changed nothing (each POST's resolution refresh, mostly) leaves the answers cached before it.
    store = request.app.state.store
    return (id(store), view.version, request.url.path, tuple(sorted(request.query_params.multi_items())))


class CachedRoute(PooledRoute):
    """A route of the REST pool whose 200 GET answers are served from the app's :class:`ResponseCache` when
    possible."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The route's handler, wrapped to read and fill the cache."""
        handler = super().get_route_handler()

        async def cached_handler(request: Request) -> Response:
            if request.method != "GET":
                return await handler(request)
            _pin(request)
            # The key is the pinned snapshot's: the answer is computed from that snapshot, whatever writes race.
            key = _key(request)
            cache = cache_of(request)
            entry = cache.get(key) if key is not None else cache.miss()
            if entry is not None:
                status, body, raw_headers = entry
                response = Response(content=body, status_code=status)
                response.raw_headers = list(raw_headers)
                return response
            response = await handler(request)
            key = key or _key(request)  # the first request pins (and builds) the snapshot in the route's dependency
            body = getattr(response, "body", None)  # a streamed answer has none: it is not kept
            keep = response.status_code == 200 and isinstance(body, bytes) and response.background is None
            if key is not None and keep:
                cache.put(key, (response.status_code, body, list(response.raw_headers)))
            return response

        return cached_handler
