"""Start a throwaway real Apache Jena Fuseki (tools/fuseki/run-test-server.sh) for tests."""

from __future__ import annotations

import collections
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.neo4j_server import REPO_ROOT, _free_port, _stop

RUN_SCRIPT = REPO_ROOT / "tools" / "fuseki" / "run-test-server.sh"
_OUTPUT_TAIL_LINES = 200


@dataclass(frozen=True)
class Fuseki:
    """Where a running test Fuseki answers: its dataset's three services and the user allowed on them."""

    dataset_url: str
    user: str
    password: str

    @property
    def query_url(self) -> str:
        """The SPARQL Query service."""
        return f"{self.dataset_url}/query"

    @property
    def update_url(self) -> str:
        """The SPARQL Update service."""
        return f"{self.dataset_url}/update"

    @property
    def gsp_url(self) -> str:
        """The Graph Store Protocol service."""
        return f"{self.dataset_url}/data"

    def clear(self) -> None:
        """Drop every graph, the default one included."""
        response = httpx.post(self.update_url, data={"update": "DROP ALL"}, auth=(self.user, self.password))
        response.raise_for_status()


@contextlib.contextmanager
def running_fuseki(
    timeout_s: float = 180, user: str = "kg", password: str = "kg-test-secret", store: str = "tdb1"
) -> Iterator[Fuseki]:
    """Run a fresh Fuseki with an empty dataset (``store``: tdb1 or tdb2; union default graph, basic auth).

    The server is stopped and its data deleted on exit.
    """
    data_dir = Path(tempfile.mkdtemp(prefix="kg-fuseki-"))
    port = _free_port()
    output: collections.deque[str] = collections.deque(maxlen=_OUTPUT_TAIL_LINES)
    proc = subprocess.Popen(
        ["bash", str(RUN_SCRIPT), str(port), str(data_dir), user, password],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
        env={**os.environ, "FUSEKI_STORE": store},
    )
    assert proc.stdout is not None
    pump = threading.Thread(target=lambda: output.extend(line.rstrip("\n") for line in proc.stdout), daemon=True)
    pump.start()
    try:
        _wait_until_up(proc, f"http://127.0.0.1:{port}/$/ping", timeout_s, output)
        yield Fuseki(f"http://127.0.0.1:{port}/kg", user, password)
    finally:
        _stop(proc)
        pump.join(timeout=5)
        shutil.rmtree(data_dir, ignore_errors=True)


def _wait_until_up(proc: subprocess.Popen[str], ping: str, timeout_s: float, output: collections.deque[str]) -> None:
    """Poll the server's ping until it answers; raise with its output if it exits or takes too long."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            time.sleep(0.2)  # let the pump read the last lines
            raise RuntimeError(f"Fuseki exited with code {proc.returncode} before answering:\n" + "\n".join(output))
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(ping, timeout=2).status_code == 200:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"Fuseki did not answer within {timeout_s:.0f}s; output so far:\n" + "\n".join(output))
        time.sleep(0.25)
