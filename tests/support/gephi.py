"""Run the headless Gephi Toolkit import checker (tools/gephi) from tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "tools" / "gephi" / "run-import-check.sh"


def _text(data: str | bytes | None) -> str:
    """Return subprocess output as text."""
    if isinstance(data, bytes):
        return data.decode(errors="replace")
    return data or ""


def gephi_import(path: Path, timeout_s: float = 300) -> dict[str, Any]:
    """Import a GEXF/GraphML file with Gephi and return the checker's JSON summary."""
    path = Path(path).resolve()
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), str(path)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        msg = f"gephi import of {path} timed out after {timeout_s}s\n"
        raise RuntimeError(msg + _text(exc.stderr)) from exc
    except OSError as exc:
        msg = f"cannot run {SCRIPT}: {exc}"
        raise RuntimeError(msg) from exc
    if proc.returncode != 0:
        msg = f"gephi import of {path} failed (exit {proc.returncode}):\n"
        raise RuntimeError(msg + proc.stderr)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    try:
        result = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError) as exc:
        msg = f"gephi import of {path} printed no valid JSON: {proc.stdout!r}\n"
        raise RuntimeError(msg + proc.stderr) from exc
    if not isinstance(result, dict):
        msg = f"gephi import of {path} returned non-object JSON: {result!r}"
        raise RuntimeError(msg)
    return result
