"""Run ``kg serve`` in a subprocess, as a user would, until it answers /health."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def kg_serve(store: Path, timeout_s: float = 60) -> Iterator[dict[str, Any]]:
    """``kg serve`` over the store on a free loopback port; yields its /health answer once it gives one."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)], cwd=REPO
    )
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                assert time.monotonic() < deadline, f"kg serve did not answer within {timeout_s} s"
                assert proc.poll() is None, "kg serve exited"
                time.sleep(0.2)
        yield health
    finally:
        proc.terminate()
        proc.wait(timeout=20)
