"""The REST read side kept on disk next to the store, so that ``kg serve`` loads it rather than rebuilds it.

Building the read side (:mod:`kg.queries.snapshot`) reads the whole store: 437 s at 10k synthetic articles, the
catalogue alone 25 s. Reading back what a previous server built takes a small part of that. The file is trusted
only for the store content it was built from:

* **Stamped.** An on-disk store keeps a stamp (:meth:`OxigraphStore.stamp`), a random id that the store replaces
  before the first write after anyone read it; the file records the stamp its snapshot was built at, and is used
  only while the store still has it. A store written by another ``kg load`` since has another stamp: rebuilt.
* **Of this code.** The file records a digest of the ``kg`` package's sources and the pickle format; a file
  written by other code is rebuilt over, never read.
* **Never a crash.** A missing, foreign, truncated or corrupt file is logged and rebuilt over; unpickling takes
  only the classes the read side is made of (:class:`_Unpickler`), not arbitrary callables.
* **Catalogue first.** The catalogue is a pickle of its own, read before the other parts (one pickler and one
  unpickler across the pickles, so the objects the parts share stay shared): a server answers entity listings
  once it is in, as after a build.
* **Atomic.** Written to a temporary file, synced, then renamed over the old one.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.durable import clear_leftovers, replaced
from kg.store.base import GraphStore

log = logging.getLogger(__name__)

FILE = "kg-read-side.pickle"
FORMAT = 1  # bump when the layout of the file (not of the parts: the code digest covers those) changes
FIRST = "catalogue"
SKIPPED = frozenset(("fragments",))  # a memo filled by requests, built empty in no time

# Outside the kg package, the classes the parts are made of (and nothing callable but classes).
_ALLOWED = {
    "builtins": {"list", "dict", "set", "frozenset", "tuple", "bytes", "bytearray", "str", "int", "float", "bool"},
    "collections": {"Counter", "defaultdict", "OrderedDict", "deque"},
    "datetime": {"datetime", "date", "time", "timedelta", "timezone"},
    "pydantic_core._pydantic_core": {"TzInfo"},
}


class _Unpickler(pickle.Unpickler):
    """Unpickles only classes of the kg package and the plain types in ``_ALLOWED``."""

    def find_class(self, module: str, name: str) -> Any:
        """The class, if it is one the read side is made of; else the file is refused."""
        if module == "kg" or module.startswith("kg.") or name in _ALLOWED.get(module, ()):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a read side")


@functools.cache
def code_digest() -> str:
    """A digest of the kg package's sources: the parts' classes and how they are built."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def path_of(store: GraphStore) -> Path | None:
    """Where the store's read side is kept: None for a store with no folder of its own (in memory, remote)."""
    folder = getattr(store, "path", None)
    return folder / FILE if isinstance(folder, Path) and hasattr(store, "stamp") else None


def _header(stamp: str, generation: int) -> dict[str, Any]:
    return {"format": FORMAT, "code": code_digest(), "stamp": stamp, "generation": generation}


def save(store: GraphStore, parts: dict[str, Any], stamp: str, generation: int) -> Path | None:
    """Write the parts, built at the store's ``stamp``, next to the store; None if it has no folder or it failed.

    The caller took ``stamp`` while the snapshot was current: a write since has replaced it, so a file written
    late is never read as current.
    """
    path = path_of(store)
    if path is None:
        return None
    rest = {name: part for name, part in parts.items() if name != FIRST and name not in SKIPPED}
    clear_leftovers(path)
    try:
        with replaced(path) as out:
            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            for item in (_header(stamp, generation), parts[FIRST], rest):
                pickler.dump(item)  # one memo across the three: what the parts share is written once
    except Exception:  # a read side not kept costs a rebuild at the next start, nothing else
        log.exception("could not keep the read side in %s", path)
        return None
    log.info("kept the read side at generation %d in %s", generation, path)
    return path


def load(store: GraphStore) -> Iterator[tuple[str, Any]] | None:
    """The kept parts as (name, part) pairs, catalogue first, read as they are iterated; None if none is current.

    The header is checked before this returns: a missing, stale or foreign file gives None at once. A file that
    turns out corrupt past its header raises :class:`pickle.UnpicklingError` (or another error) while iterated.
    """
    opened = _opened(store)
    return None if opened is None else _parts(*opened)


def current(store: GraphStore) -> bool:
    """Whether the store's kept read side fits this code and the store as it is now (its header alone is read)."""
    opened = _opened(store)
    if opened is None:
        return False
    opened[0].close()
    return True


def _opened(store: GraphStore) -> tuple[BinaryIO, _Unpickler] | None:
    """The kept file, open past its header, if it is current; else None (and why is logged)."""
    path = path_of(store)
    if path is None or not path.exists():
        return None
    stamp = store.stamp()  # type: ignore[attr-defined]
    try:
        fh = path.open("rb", buffering=1 << 20)
    except OSError as exc:
        log.warning("cannot read the kept read side %s (%s): rebuilding it", path, exc)
        return None
    try:
        unpickler = _Unpickler(fh)
        header = unpickler.load()
        why = _mismatch(header, stamp)
    except Exception as exc:  # corrupt, truncated, or not ours at all
        fh.close()
        log.warning("the kept read side %s is unreadable (%s): rebuilding it", path, exc)
        return None
    if why:
        fh.close()
        log.info("the kept read side %s is not current (%s): rebuilding it", path, why)
        return None
    return fh, unpickler


def _mismatch(header: Any, stamp: str | None) -> str | None:
    """Why a header does not fit this code and this store's content; None when it does."""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return "another format"
    if header.get("code") != code_digest():
        return "written by other code"
    if stamp is None or header.get("stamp") != stamp:
        return "the store was written since"
    return None


def _parts(fh: BinaryIO, unpickler: _Unpickler) -> Iterator[tuple[str, Any]]:
    with fh:
        yield FIRST, unpickler.load()
        rest = unpickler.load()
        if not isinstance(rest, dict):
            raise pickle.UnpicklingError("the kept read side has no parts after its catalogue")
        yield from rest.items()
