"""A news feed for the benchmarks: fresh synthetic articles POSTed once a second, older ones DELETEd.

Also the check the REST benchmark (and the reads-under-writes test) applies to every entity page read while the
feed writes: a page may list only documents that mention the entity (or an id merged into it) and only facts the
entity takes part in.
"""

from __future__ import annotations

import json
import random
import statistics
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field

import httpx

from kg import vocab
from kg.rdf import document_quads

_FIRST = ["Alice", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena"]
_LAST = ["Zhang", "Okafor", "Meyer", "Silva", "Novak", "Tanaka", "Haddad", "Larsen", "Moreau", "Kowalski"]
_ORGS = [
    "Nimbus AI", "Orbital Labs", "Vector Capital", "Quanta Systems", "Helix Research", "Northwind Ventures",
    "Cobalt AI", "Juniper Labs", "Aster Technologies", "Kestrel Capital",
]  # fmt: skip
_PRODUCTS = ["Helios", "Atlas", "Lumen", "Vega", "Onyx"]
Mentions = dict[str, set[str]]  # document id -> ids of the entity nodes it mentions


def article(n: int, rng: random.Random) -> str:
    """A fresh article (its number makes the text, and so the document id, new) about a few recurring actors."""
    person, other = (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(2))
    org, target, investor = rng.sample(_ORGS, 3)
    amount = rng.randrange(1, 20)
    return (
        f"{person}, chief executive of {org}, criticised {target} on Tuesday, calling its new model "
        f'"a reckless bet." {org} raised ${amount} billion from {investor} at a valuation of ${amount * 10} billion. '
        f"{target} released {rng.choice(_PRODUCTS)} {n % 7 + 2} last week. {other}, a researcher at {target}, "
        f"said the model is safe. This is report {n} of the feed."
    )


def mentions_of(doc_quads: list) -> set[str]:
    """The ids of the entity nodes a document's quads give a mention count."""
    return {vocab.local_id(q.subject.value) for q in doc_quads if q.predicate == vocab.MENTION_COUNT}


class Feed:
    """POST one article per second (and DELETE an older one every other second) until stopped, on a thread.

    It can be paused and resumed, so that a benchmark alternates phases with and without writes on one server.
    """

    def __init__(self, base: str, token: str, seed: int = 11) -> None:
        self.base = base
        self.headers = {"Authorization": f"Bearer {token}"}
        self.rng = random.Random(seed)
        self.texts: dict[str, str] = {}  # every document posted: id -> text
        self.post_seconds: list[float] = []
        self.delete_seconds: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._active = threading.Event()  # cleared while paused
        self._writing = threading.Lock()  # held for each second's writes: pause() waits for them
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._elapsed = 0.0  # seconds spent writing, pauses left out (the rate's denominator)
        self._halted = 0.0  # when pause() or stop() was last called

    def start(self) -> None:
        """Start writing."""
        self._active.set()
        self._thread.start()

    def pause(self) -> None:
        """Stop writing until :meth:`resume`; returns once the writes in flight are answered."""
        self._halted = time.monotonic()
        self._active.clear()
        with self._writing:
            pass

    def resume(self) -> None:
        """Write again after :meth:`pause`: the next POST goes at once, then one a second."""
        self._active.set()

    def stop(self) -> None:
        """Stop writing, once the request in flight is answered."""
        self._halted = time.monotonic()
        self._stop.set()
        self._active.set()  # a paused feed wakes up to stop
        self._thread.join()

    @property
    def seconds_writing(self) -> float:
        """The seconds the feed ran, pauses left out (once stopped)."""
        return self._elapsed

    def _run(self) -> None:
        live: deque[str] = deque()
        with httpx.Client(base_url=self.base, headers=self.headers, timeout=600) as http:
            n = 0
            while not self._stop.is_set():
                self._active.wait()
                started = tick = time.monotonic()
                while not self._stop.is_set():
                    with self._writing:
                        if not self._active.is_set():
                            break
                        self._second(http, n, live)
                    n += 1
                    tick += 1.0
                    self._stop.wait(max(0.0, tick - time.monotonic()))
                ended = self._halted if self._halted > started else time.monotonic()
                # Each POST owns its second: a feed on schedule, paused a moment after a POST, kept 1 POST/s.
                self._elapsed += max(ended, tick) - started

    def _second(self, http: httpx.Client, n: int, live: deque[str]) -> None:
        """One second's writes: POST article ``n``; every other second, DELETE the oldest one still live."""
        text = article(n, self.rng)
        found = self._send(http, "POST", "/documents", self.post_seconds, json={"text": text})
        if found is not None and found.status_code in (200, 201):
            doc_id = found.json()["id"]
            self.texts[doc_id] = text
            live.append(doc_id)
        if n % 2 == 1 and len(live) > 3:
            self._send(http, "DELETE", f"/documents/{live.popleft()}", self.delete_seconds)

    def _send(
        self, http: httpx.Client, method: str, path: str, seconds: list[float], **body: object
    ) -> httpx.Response | None:
        """One write, timed; None when the connection dropped (counted as an error)."""
        t0 = time.perf_counter()
        try:
            answer = http.request(method, path, **body)  # type: ignore[arg-type]
        except httpx.TransportError as exc:
            self.errors.append(f"{method} {path}: {exc!r}")
            return None
        seconds.append(time.perf_counter() - t0)
        self.statuses[answer.status_code] += 1
        return answer

    def summary(self) -> str:
        """What the feed did: requests, rate, latencies, statuses."""
        def cut(values: list[float]) -> str:
            if len(values) < 2:
                return "-"
            q = statistics.quantiles(values, n=100, method="inclusive")
            return f"p50 {q[49] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms"

        rate = len(self.post_seconds) / self._elapsed if self._elapsed else 0.0  # per second written, not paused
        return (
            f"{len(self.post_seconds)} POSTs ({rate:.2f}/s; {cut(self.post_seconds)}), "
            f"{len(self.delete_seconds)} DELETEs ({cut(self.delete_seconds)}), statuses {dict(self.statuses)}"
            f"{f', {len(self.errors)} dropped' if self.errors else ''}"
        )

    def mentions(self) -> Mentions:
        """What each posted article mentions, from the same extraction the server ran."""
        from loaders.documents import raw_from_fields
        from loaders.pipeline import build_document

        return {
            doc_id: mentions_of(document_quads(build_document(raw_from_fields({"text": text}, "feed", 10**7))))
            for doc_id, text in self.texts.items()
        }


def wrong_in_entity_page(page: dict, mentions: Mentions) -> list[str]:
    """What an entity page lists that the entity takes no part in (empty when the page is right)."""
    me, members = page["id"], {page["id"], *page["same_as"]}
    found = [f"document {d['id']}" for d in page["documents"] if not mentions.get(d["id"], set()) & members]
    found += [f"criticism {c['id']} made by {c['critic']['id']}" for c in page["criticisms_made"]
              if c["critic"]["id"] != me]  # fmt: skip
    found += [f"criticism {c['id']} of {c['target']['id']}" for c in page["criticisms_received"]
              if c["target"]["id"] != me]  # fmt: skip
    found += [f"relation {r['subject']['id']} {r['object']['id']}" for r in page["relations"]
              if me not in (r["subject"]["id"], r["object"]["id"])]  # fmt: skip
    return [f"{me}: {problem}" for problem in found]


@dataclass
class PageCheck:
    """The entity pages read during a feed: how many were checked, wrong, or server errors, and the first problems."""

    checked: int = 0
    wrong: int = 0
    errors: int = 0
    problems: list[str] = field(default_factory=list)


def check_entity_pages(answers: list[tuple[int, bytes]], base: Mentions, feed: Feed) -> PageCheck:
    """Check every entity page answered while the feed ran (the graph's own documents, and the feed's)."""
    mentions = {**base, **feed.mentions()}
    check = PageCheck()
    for status, body in answers:
        if status >= 500:
            check.errors += 1
        elif status == 200:
            check.checked += 1
            problems = wrong_in_entity_page(json.loads(body), mentions)
            check.wrong += bool(problems)
            check.problems.extend(problems[: max(0, 5 - len(check.problems))])
    return check
