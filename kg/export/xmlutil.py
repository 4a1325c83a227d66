"""Escaping and buffered writing for the XML exports, which write text instead of building a tree (flat memory)."""

from __future__ import annotations

import re
from typing import BinaryIO

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Line breaks and tabs as references: a parser would turn literal ones in an attribute into spaces.
_ATTR_ESCAPES = {**_TEXT_ESCAPES, **str.maketrans({'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})}


def attr(value: object) -> str:
    """A double-quoted XML attribute value."""
    return '"' + _NOT_XML.sub("", str(value)).translate(_ATTR_ESCAPES) + '"'


def text(value: object) -> str:
    """XML character data."""
    return _NOT_XML.sub("", str(value)).translate(_TEXT_ESCAPES)


class ChunkedWriter:
    """Collects text and writes it to a binary stream as UTF-8 in a few large writes."""

    def __init__(self, out: BinaryIO, parts_per_write: int = 1000) -> None:
        self.out = out
        self.parts: list[str] = []
        self.parts_per_write = parts_per_write

    def write(self, part: str) -> None:
        """Queue text, writing the queue out when it is long enough."""
        self.parts.append(part)
        if len(self.parts) >= self.parts_per_write:
            self.flush()

    def flush(self) -> None:
        """Write out whatever is queued."""
        self.out.write("".join(self.parts).encode())
        self.parts.clear()
