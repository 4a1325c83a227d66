"""Hostile bytes for the tests of files kept next to a store: what an attacker who can write there would plant."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def code_running_pickle(marker: Path) -> bytes:
    """A pickle that, if ever loaded, runs code: it creates ``marker`` (a test asserts the file never appears)."""

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.system, (f"touch {marker}",)

    return pickle.dumps(Evil())
