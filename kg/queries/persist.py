"""The REST read side kept on disk next to the store, so that ``kg serve`` loads it rather than rebuilds it.

Building the read side (:mod:`kg.queries.snapshot`) reads the whole store: 437 s at 10k synthetic articles, the
catalogue alone 25 s. Reading back what a previous server (or ``kg load``) kept takes a small part of that. The
file is trusted only for the store content it was built from, as :mod:`kg.kept` says (stamped, of this code,
never a crash, atomic); and:

* **Listing before all.** The entity listing (:mod:`kg.queries.listing`) is written beside the file, from the
  same catalogue at the same stamp, in a layout read in place: a starting server answers ``GET /entities`` from
  it before it has read anything of this file.
* **Catalogue first.** The catalogue is a pickle of its own, read before the other parts (one pickler and one
  unpickler across the pickles, so the objects the parts share stay shared): a server answers entity listings
  once it is in, as after a build.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg import kept
from kg.store.base import GraphStore

FILE = "kg-read-side.pickle"
FIRST = "catalogue"
SKIPPED = frozenset(("fragments",))  # a memo filled by requests, built empty in no time
EARLY = "listing"  # what a starting server answers entity listings from before the catalogue is in: not a part


def path_of(store: GraphStore) -> Path | None:
    """Where the store's read side is kept: None for a store with no folder of its own (in memory, remote)."""
    return kept.path_of(store, FILE)


def save(store: GraphStore, parts: dict[str, Any], stamp: str, generation: int) -> Path | None:
    """Write the parts, built at the store's ``stamp``, next to the store; None if it has no folder or it failed."""
    path = path_of(store)
    if path is None:
        return None
    rest = {name: part for name, part in parts.items() if name not in (FIRST, EARLY) and name not in SKIPPED}
    if not kept.write(path, stamp, generation, (parts[FIRST], rest)):
        return None
    save_listing(store, parts, stamp, generation)
    return path


def save_listing(store: GraphStore, parts: dict[str, Any], stamp: str, generation: int) -> bool:
    """Write the listing of the parts' catalogue next to the store (:mod:`kg.queries.listing`); whether it was."""
    from kg.queries import listing  # it imports the catalogue's module, which imports the snapshot, which this
    from kg.queries.rendered import dump_model

    return listing.save(store, parts[FIRST], stamp, generation, lambda record: dump_model(record.listed()))


def load(store: GraphStore) -> Iterator[tuple[str, Any]] | None:
    """The kept parts as (name, part) pairs, catalogue first, read as they are iterated; None if none is current.

    The header is checked before this returns: a missing, stale or foreign file gives None at once. A file that
    turns out corrupt past its header raises :class:`pickle.UnpicklingError` (or another error) while iterated.
    """
    opened = kept.opened(store, path_of(store))
    return None if opened is None else _parts(*opened)


def current(store: GraphStore) -> bool:
    """Whether the store's kept read side fits this code and the store as it is now (its header alone is read)."""
    opened = kept.opened(store, path_of(store))
    if opened is None:
        return False
    opened[0].close()
    return True


def _parts(fh: BinaryIO, unpickler: pickle.Unpickler) -> Iterator[tuple[str, Any]]:
    with fh:
        yield FIRST, unpickler.load()
        rest = unpickler.load()
        if not isinstance(rest, dict):
            raise pickle.UnpicklingError("the kept read side has no parts after its catalogue")
        yield from rest.items()
