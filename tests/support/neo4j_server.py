"""Start a throwaway real Neo4j 5.26 server (tools/neo4j/run-test-server.sh) for tests."""

from __future__ import annotations

import collections
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
RUN_SCRIPT = REPO_ROOT / "tools" / "neo4j" / "run-test-server.sh"
_READY_PREFIX = "READY "
_OUTPUT_TAIL_LINES = 200


def _free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(proc: subprocess.Popen[str], grace_s: float = 20.0) -> None:
    """Send SIGTERM to the server's process group, then SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def running_neo4j(timeout_s: float = 180, password: str | None = None) -> Iterator[str]:
    """Run a fresh Neo4j server (auth-less unless ``password``, 8+ characters) and yield its bolt URI.

    The server is stopped and its data deleted on exit.
    """
    data_dir = tempfile.mkdtemp(prefix="kg-neo4j-")
    port = _free_port()
    output: collections.deque[str] = collections.deque(maxlen=_OUTPUT_TAIL_LINES)
    ready = threading.Event()
    uri: list[str] = []

    proc = subprocess.Popen(
        ["bash", str(RUN_SCRIPT), str(port), data_dir, *([password] if password else [])],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )

    def _pump() -> None:
        """Collect the server's output (keeps the pipe drained) and watch for the READY line."""
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.rstrip("\n")
            output.append(line)
            if not ready.is_set() and _READY_PREFIX in line:
                uri.append(line.split(_READY_PREFIX, 1)[1].strip())
                ready.set()

    pump = threading.Thread(target=_pump, name=f"neo4j-output-{port}", daemon=True)
    pump.start()
    try:
        deadline = time.monotonic() + timeout_s
        while not ready.wait(0.2):
            if proc.poll() is not None:
                pump.join(timeout=5)
                if ready.is_set():
                    break
                raise RuntimeError(
                    f"Neo4j test server exited with code {proc.returncode} before READY:\n" + "\n".join(output)
                )
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"Neo4j test server not READY within {timeout_s:.0f}s; output so far:\n" + "\n".join(output)
                )
        yield uri[0]
    finally:
        _stop(proc)
        pump.join(timeout=5)
        shutil.rmtree(data_dir, ignore_errors=True)
