"""Run ``kg serve`` in a subprocess, as a user would, until it answers /health."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_kg(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``kg`` in a subprocess, as a user would, with ``env`` added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@dataclass(frozen=True)
class ServedKg:
    """A running ``kg serve``: its base URL, its process and its first /health answer."""

    base: str
    proc: subprocess.Popen[bytes]
    health: dict[str, Any]


@contextmanager
def kg_serve(store: Path, timeout_s: float = 60, env: dict[str, str] | None = None) -> Iterator[ServedKg]:
    """``kg serve`` over the store on a free loopback port (``env`` added to the environment), once it answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)],
        cwd=REPO,
        env={**os.environ, **(env or {})},
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
        yield ServedKg(f"http://127.0.0.1:{port}", proc, health)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
