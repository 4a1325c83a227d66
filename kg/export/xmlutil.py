"""Buffered writing for the text exports, and the escaping the store does when it writes XML elements itself."""

from __future__ import annotations

from typing import BinaryIO


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


# Escaping done by the store, for the XML exports that have it write their elements (see
# kg.export.elements). An element is a row of SPARQL string expressions, markup and values,
# that the store's CSV writer writes one after another, separated by commas; the commas are then dropped. So
# no part may hold a comma, a double quote or a line break (which CSV would quote), and values escape them
# as character references. Markup writes attributes in single quotes. Patterns are SPARQL string literals:
# their \u escapes are SPARQL's, read before the regex engine sees the pattern.
_SPARQL_REFS = (
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("'", "&apos;"), ('\\"', "&quot;"), (",", "&#44;"),
    ("\\t", "&#9;"), ("\\n", "&#10;"), ("\\r", "&#13;"),
)  # fmt: skip
_SPARQL_NOT_XML = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF"
_SPARQL_SPECIAL = "&<>'\\\",\\t\\n\\r" + _SPARQL_NOT_XML
_NOT_MARKUP = frozenset(',"\\\r\n')


def sparql_xml(var: str) -> str:
    """SPARQL: the string ``?var`` as XML text or single-quoted attribute value, free of commas, quotes and breaks."""
    escaped = f"?{var}"
    for char, ref in _SPARQL_REFS:
        escaped = f'REPLACE({escaped}, "{char}", "{ref}")'
    escaped = f'REPLACE({escaped}, "[{_SPARQL_NOT_XML}]", "")'
    # Nearly every value needs no escape: one regex test spares it the chain of replacements.
    return f'IF(REGEX(?{var}, "[{_SPARQL_SPECIAL}]"), {escaped}, ?{var})'


def sparql_markup(markup: str) -> str:
    """SPARQL: a string literal of markup, which must hold no comma, double quote, backslash or line break."""
    if _NOT_MARKUP.intersection(markup):
        raise ValueError(f'markup written by the store must not hold , " \\ or a line break: {markup!r}')
    return f'"{markup}"'


def sparql_choose(var: str, if_empty: str, otherwise: str) -> str:
    """SPARQL: the markup ``if_empty`` where the string ``?var`` is empty, else ``otherwise`` (for optional parts)."""
    return f'IF(?{var} = "", {sparql_markup(if_empty)}, {sparql_markup(otherwise)})'


def sparql_optional(var: str, before: str, after: str) -> tuple[str, str, str]:
    """SPARQL parts: the escaped text ``?x_var`` between markups ``before`` and ``after``, or nothing if it is empty."""
    return (
        f'IF(?x_{var} = "", "", {sparql_markup(before)})',
        f"?x_{var}",
        f'IF(?x_{var} = "", "", {sparql_markup(after)})',
    )
