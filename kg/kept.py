"""What is derived from a store, kept in a file next to it and trusted only for the content it was derived from.

The REST read side (:mod:`kg.queries.persist`) and the resolution index (:mod:`kg.resolution_kept`) each take
minutes to build from a large store and a small part of that to read back. A kept file is:

* **Stamped.** An on-disk store keeps a stamp (:meth:`OxigraphStore.stamp`), a random id that the store replaces
  before the first write after anyone read it; the file records the stamp its content was derived at, and is
  read only while the store still has it. A store written since (by any process) has another stamp.
* **Of this code.** The file records a digest of the ``kg`` package's sources and the layout's format; a file
  written by other code is rebuilt over, never read.
* **Never a crash.** A missing, foreign, truncated or corrupt file is logged and rebuilt over; unpickling takes
  only the classes of the kg package and plain types (:class:`_Unpickler`), not arbitrary callables.
* **Atomic.** Written whole, synced, then renamed over the old one (:func:`kg.durable.replaced`).

A file is a header, then pickles written by one pickler (so that what they share is written once), read in turn.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from kg.durable import clear_leftovers, replaced
from kg.store.base import GraphStore

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the layout of a file (not of what it holds: the code digest covers that) changes

# Outside the kg package, the classes kept data is made of (and nothing callable but classes).
_ALLOWED = {
    "builtins": {"list", "dict", "set", "frozenset", "tuple", "bytes", "bytearray", "str", "int", "float", "bool"},
    "collections": {"Counter", "defaultdict", "OrderedDict", "deque"},
    "datetime": {"datetime", "date", "time", "timedelta", "timezone"},
    "pydantic_core._pydantic_core": {"TzInfo"},
}


class _Unpickler(pickle.Unpickler):
    """Unpickles only classes of the kg package and the plain types in ``_ALLOWED``."""

    def find_class(self, module: str, name: str) -> Any:
        """The class, if it is one kept data is made of; else the file is refused."""
        if module == "kg" or module.startswith("kg.") or name in _ALLOWED.get(module, ()):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of what a store keeps")


@functools.cache
def code_digest() -> str:
    """A digest of the kg package's sources: the classes of what is kept and how it is derived."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def path_of(store: GraphStore, name: str) -> Path | None:
    """Where the store keeps the file ``name``: None for a store with no folder of its own (in memory, remote)."""
    folder = getattr(store, "path", None)
    return folder / name if isinstance(folder, Path) and hasattr(store, "stamp") else None


def write(path: Path, stamp: str, generation: int, items: Iterable[Any]) -> bool:
    """Write ``items``, derived from the store at ``stamp``, to ``path``; whether it was written (failures logged).

    The caller took ``stamp`` while what it keeps was current: a write since has replaced it, so a file written
    late is never read as current.
    """
    header = {"format": FORMAT, "code": code_digest(), "stamp": stamp, "generation": generation}
    clear_leftovers(path)
    try:
        with replaced(path) as out:
            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            for item in (header, *items):
                pickler.dump(item)  # one memo across them all: what they share is written once
    except Exception:  # not kept costs a build at the next start, nothing else
        log.exception("could not keep %s", path)
        return False
    log.info("kept %s at generation %d", path, generation)
    return True


def opened(store: GraphStore, path: Path | None) -> tuple[BinaryIO, pickle.Unpickler] | None:
    """The file, open past its header, if it fits this code and the store as it is now; else None (why is logged).

    The caller reads the items with the unpickler, in the order they were written, and closes the file.
    """
    if path is None or not path.exists():
        return None
    stamp = store.stamp()  # type: ignore[attr-defined]
    try:
        fh = path.open("rb", buffering=1 << 20)
    except OSError as exc:
        log.warning("cannot read %s (%s): building it again", path, exc)
        return None
    try:
        unpickler = _Unpickler(fh)
        why = mismatch(unpickler.load(), stamp)
    except Exception as exc:  # corrupt, truncated, or not ours at all
        fh.close()
        log.warning("%s is unreadable (%s): building it again", path, exc)
        return None
    if why:
        fh.close()
        log.info("%s is not current (%s): building it again", path, why)
        return None
    return fh, unpickler


def unpickled(raw: bytes) -> Any:
    """A header kept in a file of another layout (:mod:`kg.queries.listing`), unpickled as kept files are."""
    return _Unpickler(io.BytesIO(raw)).load()


def mismatch(header: Any, stamp: str | None) -> str | None:
    """Why a header does not fit this code and this store's content; None when it does."""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return "another format"
    if header.get("code") != code_digest():
        return "written by other code"
    if stamp is None or header.get("stamp") != stamp:
        return "the store was written since"
    return None
