"""The entity listing kept next to the store in a file read in place, so ``kg serve`` answers ``GET /entities``
before it has read anything whose size grows with the store.

The catalogue (:mod:`kg.queries.entities`) is read back from the kept read side (:mod:`kg.queries.persist`) in
time linear in the store (5 s at 30k synthetic articles); the listing is memory-mapped and each answer reads only
what it shows. It holds, in the catalogue's order, each entity's listed JSON (what the fragments memo renders),
its type and its haystack (what ``q`` is matched against), and for each type the positions of its entities. It
is written with the read side, from the same catalogue, at the same stamp (:func:`kg.queries.persist.save`), and
trusted as :mod:`kg.kept` trusts a kept file: stamped, of this code, atomic (:func:`kg.durable.replaced`), never
a crash (a checksum over its sections and their bounds are checked when it is opened; anything wrong is logged
and the server waits for the catalogue, as before).

Layout: ``MAGIC``, the header's length (8 bytes, little-endian), the header (a pickle of plain types: format,
code digest, stamp, generation, types, and each section's offset, length and item format), then the sections,
each starting on an 8-byte boundary.
"""

from __future__ import annotations

import array
import bisect
import io
import logging
import mmap
import pickle
import struct
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg import kept
from kg.durable import clear_leftovers, replaced
from kg.queries.entities import _SEPARATOR, Catalogue, EntityRecord
from kg.store.base import GraphStore

log = logging.getLogger(__name__)

FILE = "kg-entity-listing.bin"
MAGIC = b"KGLIST\x00\x01"
LAYOUT = 1  # bump when this file's layout changes (the code digest covers what derives it)
_LENGTH = struct.Struct("<Q")
_SEP = _SEPARATOR.encode()


def path_of(store: GraphStore) -> Path | None:
    """Where the store's entity listing is kept: None for a store with no folder of its own."""
    return kept.path_of(store, FILE)


def _sections(catalogue: Catalogue, render: Any) -> tuple[list[str], dict[str, tuple[str, bytes]]]:
    """The listing's sections (name -> (array format or "", bytes)) and its list of types."""
    records: list[EntityRecord] = catalogue.ordered
    types = sorted({r.type for r in records})
    code = {t: i for i, t in enumerate(types)}
    json, hay = io.BytesIO(), io.BytesIO()
    json_at, hay_at = array.array("Q", [0]), array.array("Q", [0])
    by_type: dict[str, array.array[int]] = {t: array.array("I") for t in types}
    for position, record in enumerate(records):
        json_at.append(json_at[-1] + json.write(render(record)))
        # Joined by the separator, as the catalogue joins them: a match is then within one record. A record's
        # haystack ends one byte before the next one starts (the last one's too: the blob has no last separator).
        hay_at.append(hay_at[-1] + hay.write(record.haystack.encode() + _SEP))
        by_type[record.type].append(position)
    sections = {
        "json_at": ("Q", json_at.tobytes()),
        "json": ("", json.getvalue()),
        "hay_at": ("Q", hay_at.tobytes()),
        "hay": ("", hay.getvalue()[: -len(_SEP)]),
        "types": ("B", bytes(code[r.type] for r in records)),
    }
    for t in types:
        sections[f"type:{t}"] = ("I", by_type[t].tobytes())
    return types, sections


def save(store: GraphStore, catalogue: Catalogue, stamp: str, generation: int, render: Any) -> bool:
    """Write the catalogue's listing, derived from the store at ``stamp``, next to the store; whether it was.

    ``render`` gives a record's listed JSON (the fragments memo's, so the two never differ).
    """
    path = path_of(store)
    if path is None:
        return False
    try:
        types, sections = _sections(catalogue, render)
        layout, at = {}, 0
        for name, (fmt, data) in sections.items():
            layout[name] = (at, len(data), fmt)
            at += len(data) + (-len(data) % 8)
        header = {
            "format": kept.FORMAT, "layout": LAYOUT, "code": kept.code_digest(), "stamp": stamp,
            "generation": generation, "types": types, "count": len(catalogue.ordered), "sections": layout, "size": at,
            "crc": _crc(sections[name][1] for name in layout),
        }
        head = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        head += b"\0" * (-(len(MAGIC) + _LENGTH.size + len(head)) % 8)
        clear_leftovers(path)
        with replaced(path) as out:
            out.write(MAGIC + _LENGTH.pack(len(head)) + head)
            for _, data in sections.values():
                out.write(data + b"\0" * (-len(data) % 8))
    except Exception:  # not kept costs the next start the wait for the catalogue, nothing else
        log.exception("could not keep %s", path)
        return False
    log.info("kept %s at generation %d", path, generation)
    return True


def _crc(parts: Iterable[bytes | memoryview]) -> int:
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)  # zlib lets go of the GIL over large buffers
    return crc


class Listing:
    """The kept listing, memory-mapped: ``GET /entities`` answered as the catalogue would answer it."""

    def __init__(self, data: mmap.mmap, header: dict[str, Any], base: int) -> None:
        self._data = data
        view = memoryview(data)
        self._types: list[str] = header["types"]
        self.count: int = header["count"]
        self.generation: int = header["generation"]
        self._sections = {
            name: view[base + at : base + at + length].cast(fmt) if fmt else view[base + at : base + at + length]
            for name, (at, length, fmt) in header["sections"].items()
        }
        self._hay_base = base + header["sections"]["hay"][0]
        self._hay_end = self._hay_base + header["sections"]["hay"][1]

    def search(self, entity_type: str | None, q: str | None) -> Sequence[int]:
        """The positions (in the catalogue's order) of the entities :meth:`Catalogue.search` finds.

        Without ``q``, a view of the file (no list of every position is made: a page reads what it shows)."""
        needle = q.strip().casefold().encode() if q else b""
        if entity_type is not None and entity_type not in self._types:
            return []
        if not needle:
            return range(self.count) if entity_type is None else self._sections[f"type:{entity_type}"]
        code = None if entity_type is None else self._types.index(entity_type)
        found = self._matches(needle)
        kinds = self._sections["types"]
        return found if code is None else [p for p in found if kinds[p] == code]

    def _matches(self, needle: bytes) -> list[int]:
        """The positions whose haystack contains ``needle`` (UTF-8 of case-folded text: a match in the bytes is
        a match in the text), in order."""
        starts = self._sections["hay_at"]
        if _SEP in needle:  # could span two records in the joined haystacks: test each record instead
            hay = self._sections["hay"]
            return [p for p in range(self.count) if needle in hay[starts[p] : starts[p + 1] - 1].tobytes()]
        found: list[int] = []
        at = self._data.find(needle, self._hay_base, self._hay_end)
        while at >= 0:
            position = bisect.bisect_right(starts, at - self._hay_base) - 1
            found.append(position)
            if position + 1 >= self.count:
                break
            at = self._data.find(needle, self._hay_base + starts[position + 1], self._hay_end)
        return found

    def entity(self, position: int) -> bytes:
        """The listed JSON of the entity at ``position``."""
        at = self._sections["json_at"]
        return self._sections["json"][at[position] : at[position + 1]].tobytes()


def load(store: GraphStore) -> Listing | None:
    """The store's kept listing if it is current and whole; else None (why is logged)."""
    path = path_of(store)
    if path is None or not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return _opened(store, path, data)
    except Exception as exc:  # corrupt, truncated, or not ours at all
        log.warning("%s is unreadable (%s): listing from the catalogue", path, exc)
        return None


def _header(store: GraphStore, path: Path, data: mmap.mmap) -> tuple[dict[str, Any], int] | None:
    """The header and where the sections start, if the file is of this layout, this code and this store's content."""
    if data[: len(MAGIC)] != MAGIC:
        raise ValueError("not an entity listing")
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    base = len(MAGIC) + _LENGTH.size + length
    header = kept.unpickled(data[len(MAGIC) + _LENGTH.size : base])
    why = kept.mismatch(header, store.stamp()) or ("another layout" if header.get("layout") != LAYOUT else None)
    if why:
        log.info("%s is not current (%s): listing from the catalogue", path, why)
        return None
    return header, base


def _opened(store: GraphStore, path: Path, data: mmap.mmap) -> Listing | None:
    found = _header(store, path, data)
    if found is None:
        return None
    header, base = found
    if len(data) != base + header["size"]:
        raise ValueError(f"{len(data)} bytes, not {base + header['size']}")
    view = memoryview(data)
    sections = [view[base + at : base + at + n] for at, n, _ in header["sections"].values()]
    if _crc(sections) != header["crc"]:
        raise ValueError("its checksum does not match")
    return Listing(data, header, base)
