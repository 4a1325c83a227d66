"""Files that survive a crash whole or not at all: folders synced, files replaced atomically.

Neutral ground for what keeps files next to a store (the store's own marks, the read side and the resolution
index kept beside it): no backend's code, so that derived data need not import a backend to write a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def sync_folder(path: Path) -> None:
    """Sync a folder, so that the names of the files just made or renamed in it are on disk too."""
    folder = os.open(path, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


@contextlib.contextmanager
def replaced(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces ``path`` only once it is whole and synced; on an error, nothing changes.

    Written to a temporary file in the same folder (``<name>*.tmp``, which :func:`clear_leftovers` removes),
    synced, renamed over ``path``, then the folder synced, so a crash at any point leaves the old file or the new.
    """
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as out:
        tmp = Path(out.name)
        try:
            yield out
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            out.close()
            tmp.unlink(missing_ok=True)
            raise
    try:
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def clear_leftovers(path: Path) -> None:
    """Remove the temporary files a process stopped while writing ``path`` left (one writer at a time)."""
    for left in path.parent.glob(f"{path.name}*.tmp"):
        left.unlink(missing_ok=True)
