"""Reading documents: files and folders of .txt, .md (YAML front matter), .html and .jsonl.

Metadata (title, publisher, url, published) comes from, in rising priority: the file itself
(front matter, a JSONL record, HTML metadata), a ``NAME.meta.json`` sidecar beside the file, and
flags given for the whole batch. Every problem is a :class:`~kg.errors.DocumentError` that names
the file (and line or field) and says why, and costs that file (or JSONL line) only: unreadable
folders, file names that are not UTF-8, JSON nested too deeply to parse, lone surrogates, texts with
no visible character and metadata that is not a string are all refused that way.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ConfigDict

from kg.errors import DocumentError
from kg.model import DateRef

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "publisher", "url", "published")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_START = re.compile(r"---[ \t]*\r?\n")
_VISIBLE_ASCII = re.compile(r"[!-~]")
# A JSON escape spells one byte of text in at most six ("\u0000"): a JSONL line longer than this cannot hold a
# text within the byte limit, so it is refused without being read whole. The slack is for the other fields.
_JSON_ESCAPE_GROWTH = 6
_JSONL_LINE_SLACK = 1 << 16


class RawDocument(BaseModel):
    """A document as read, before extraction: its text and metadata."""

    model_config = ConfigDict(frozen=True)

    text: str
    origin: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateRef | None = None


class MetaOverrides(BaseModel):
    """Metadata given on the command line for a whole batch; unset fields are left alone."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


def parse_published(value: object, field: str, source: str) -> DateRef:
    """Read a publication date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time) into a DateRef."""
    from loaders.extract.dates import iso_date  # the project's one ISO date reader (the extraction reads it too)

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateRef(value=value.isoformat(), precision="day")
    text = str(value).strip()
    if (date := iso_date(text)) is not None:
        return date
    raise DocumentError(source, f"field '{field}': cannot read {text!r} as a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def discover(paths: Iterable[Path]) -> Iterator[Path | DocumentError]:
    """The document files under the given files and folders, in a stable order; errors for bad paths."""
    for path in paths:
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # e.g. a path inside a folder we may not enter
            yield _unreadable(path, exc)
            continue
        if is_dir:
            yield from _folder(path)
        elif not is_file:
            yield DocumentError(display(path), "no such file or folder")
        elif path.suffix.lower() in SUFFIXES:
            yield _named(path)
        else:
            yield DocumentError(
                display(path), f"unsupported file type {path.suffix!r}; use one of {', '.join(SUFFIXES)}"
            )


def _folder(folder: Path) -> Iterator[Path | DocumentError]:
    """The document files under a folder, sorted, then an error for each folder that could not be listed."""
    unreadable: list[DocumentError] = []

    def refuse(exc: OSError) -> None:  # rglob (and os.walk without this) skip such a folder silently
        unreadable.append(_unreadable(exc.filename, exc, "folder"))

    found = [
        Path(root, name)
        for root, _, names in os.walk(folder, onerror=refuse)
        for name in names
        if Path(name).suffix.lower() in SUFFIXES and not name.endswith(SIDECAR_SUFFIX)
    ]
    for path in sorted(found):
        try:
            if path.is_file():  # not a broken link, a pipe or a folder named like a file
                yield _named(path)
        except OSError as exc:
            yield _unreadable(path, exc)
    yield from unreadable


def _unreadable(path: str | Path, exc: OSError, what: str = "path") -> DocumentError:
    return DocumentError(display(path), f"cannot read {what}: {exc.strerror or exc}")


def _named(path: Path) -> Path | DocumentError:
    """The path, or an error if its name is not UTF-8: it could not be shown, nor stored as the origin."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return DocumentError(display(path), "the file name is not UTF-8 text; rename the file")
    return path


def display(path: str | Path) -> str:
    """A path as text to show, the bytes of a name that is not UTF-8 written as \\x escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_file(
    path: Path, *, max_bytes: int, overrides: MetaOverrides | None = None
) -> Iterator[RawDocument | DocumentError]:
    """The documents in one file (one, or one per JSONL line), or the errors that stop them."""
    source = str(path)
    try:
        if path.suffix.lower() == ".jsonl":  # read a line at a time: the byte limit is per record
            sidecar = _read_sidecar(path, max_bytes)
            yield from _read_jsonl(path, sidecar, _flag_metadata(overrides, source), max_bytes)
            return
        text = _read_text(path, max_bytes)
        sidecar = _read_sidecar(path, max_bytes)
        flags = _flag_metadata(overrides, source)
        if path.suffix.lower() in (".html", ".htm"):
            body, own = _read_html(text, source)
        elif path.suffix.lower() in (".md", ".markdown"):
            body, own = _read_markdown(text, source)
        else:
            body, own = text, {}
        yield _document(body, source, own | sidecar | flags)
    except DocumentError as exc:
        yield exc
    except Exception as exc:  # a reader's (or a parser's) bug must cost this file, named, not the whole batch
        yield DocumentError(source, f"cannot read the file: {type(exc).__name__}: {exc}")


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                str(path), f"file is {size} bytes, over the limit of {max_bytes} (raise KG_MAX_DOCUMENT_BYTES)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return decode(data, str(path))


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from bytes, refusing binary content and undecodable bytes with the offset."""
    _refuse_binary(data[:8192], source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            source, f"not UTF-8 text: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}; re-save it as UTF-8"
        ) from exc


def _refuse_binary(head: bytes, source: str) -> None:
    if b"\x00" in head:
        raise DocumentError(source, "looks like a binary file (it contains NUL bytes); expected UTF-8 text")


def _parse_json(text: str, source: str, *, one_line: bool = False) -> Any:
    """Parsed JSON; malformed, too deeply nested or otherwise unreadable JSON is a DocumentError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        raise DocumentError(source, f"malformed JSON at {where}: {exc.msg}") from exc
    except RecursionError as exc:  # the parser recurses once per level of nesting
        raise DocumentError(source, "malformed JSON: nested too deeply to read") from exc
    except ValueError as exc:  # a number of more digits than Python converts
        raise DocumentError(source, f"malformed JSON: {str(exc).split(';')[0]}") from exc


def _read_sidecar(path: Path, max_bytes: int) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    data = _parse_json(_read_text(sidecar, max_bytes), str(sidecar))
    if not isinstance(data, dict):
        raise DocumentError(str(sidecar), "a sidecar must hold a JSON object with title, publisher, url, published")
    return _metadata(data, str(sidecar))


def _flag_metadata(overrides: MetaOverrides | None, source: str) -> dict[str, Any]:
    if overrides is None:
        return {}
    return _metadata(overrides.model_dump(exclude_none=True), f"{source} (command-line flags)")


def _metadata(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The known metadata fields of a mapping, checked: strings (or a date); unknown keys are ignored."""
    meta: dict[str, Any] = {}
    for field in META_FIELDS:
        value = data.get(field)
        if value is None or value == "":
            continue
        if field == "published" and isinstance(value, dt.date | int) and not isinstance(value, bool):
            meta[field] = parse_published(value, field, source)  # a YAML date, or a year
        elif field == "published":
            meta[field] = parse_published(_string(value, field, source), field, source)
        elif text := _string(value, field, source).strip():
            meta[field] = text
    return meta


def _string(value: object, field: str, source: str) -> str:
    """A field's value, which must be a string of whole characters (a JSON escape "\\ud800" is half of one)."""
    if not isinstance(value, str):
        raise DocumentError(source, f"field '{field}' must be a string, not {_shown(value)}")
    _utf8_size(value, field, source)
    return value


def _utf8_size(value: str, field: str, source: str) -> int:
    """The size of a text in UTF-8, refusing lone surrogates, which UTF-8 cannot hold."""
    try:
        return len(value.encode("utf-8"))
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise DocumentError(
            source, f"field '{field}' holds a lone surrogate \\u{code:04x} at character {exc.start}: not text"
        ) from exc


def _shown(value: object) -> str:
    """A value as the message about its type shows it: true, NaN, 12, an object."""
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()} (quote it)"
    return json.dumps(value)


def _read_markdown(text: str, source: str) -> tuple[str, dict[str, Any]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if _FRONT_MATTER_START.match(text):
            raise DocumentError(source, "malformed front matter: no closing '---' line")
        return text, {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except (yaml.YAMLError, ValueError) as exc:
        # PyYAML raises ValueError for well-formed but impossible dates such as 2024-13-45.
        raise DocumentError(source, f"malformed front matter: {str(exc).splitlines()[0]}") from exc
    except RecursionError as exc:
        raise DocumentError(source, "malformed front matter: nested too deeply to read") from exc
    if not isinstance(data, dict):
        raise DocumentError(source, "malformed front matter: expected 'key: value' lines")
    return text[match.end() :], _metadata(data, f"{source} (front matter)")


def _read_html(html: str, source: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        raise DocumentError(source, "no article text found in the HTML page")
    found = trafilatura.extract_metadata(html)
    meta: dict[str, Any] = {}
    if found is not None:
        raw = {"title": found.title, "publisher": found.sitename, "url": found.url, "published": found.date}
        try:
            meta = _metadata(raw, f"{source} (HTML metadata)")
        except DocumentError:
            meta = _metadata({k: v for k, v in raw.items() if k != "published"}, source)
    return body, meta


def _read_jsonl(
    path: Path, sidecar: dict[str, Any], flags: dict[str, Any], max_bytes: int
) -> Iterator[RawDocument | DocumentError]:
    """One document per line; a bad or oversized line costs that line only."""
    records = 0
    for number, line in _jsonl_lines(path, max_bytes):
        where = f"{path}:{number}"
        try:
            if line is None:
                raise DocumentError(where, f"line too long: a record's text may be at most {max_bytes} bytes")
            text = decode(line, where)
            if not text.strip():
                continue
            records += 1
            record = _parse_json(text, where, one_line=True)
            if not isinstance(record, dict):
                raise DocumentError(where, "each line must be a JSON object with a 'text' field")
            body = _text_field(record, where, max_bytes)
            yield _document(body, where, sidecar | _metadata(record, where) | flags)
        except DocumentError as exc:
            yield exc
    if not records:
        yield DocumentError(str(path), "empty document: no JSON lines")


def _jsonl_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """The numbered lines of a JSONL file, None for a line too long to hold a record within the limit."""
    cap = max_bytes * _JSON_ESCAPE_GROWTH + _JSONL_LINE_SLACK
    try:
        with path.open("rb") as file:
            _refuse_binary(file.read(8192), str(path))
            file.seek(0)
            number = 0
            while line := file.readline(cap):
                number += 1
                if len(line) == cap and not line.endswith(b"\n"):
                    _skip_line(file)
                    yield number, None
                else:
                    yield number, line
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read file: {exc.strerror or exc}") from exc


def _skip_line(file: IO[bytes]) -> None:
    """Read past the rest of the current line, a chunk at a time."""
    while chunk := file.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _text_field(fields: dict[str, Any], source: str, max_bytes: int) -> str:
    """The 'text' of a JSONL record or an API request, checked: a string of characters within the limit."""
    body = fields.get("text")
    if not isinstance(body, str):
        raise DocumentError(source, "field 'text' is missing or not a string")
    size = _utf8_size(body, "text", source)
    if size > max_bytes:
        raise DocumentError(source, f"field 'text' is {size} bytes, over the limit of {max_bytes}")
    return body


def clean_text(text: str) -> str:
    """The text as stored: unified line ends, no trailing spaces at the ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _document(body: str, source: str, meta: dict[str, Any]) -> RawDocument:
    text = clean_text(body)
    if not text:
        raise DocumentError(source, "empty document: no text to load")
    if not _visible(text):
        raise DocumentError(source, "empty document: no visible character, only control, format or zero-width ones")
    return RawDocument(text=text, origin=source, **meta)


def _visible(text: str) -> bool:
    """Whether a text holds a character that shows: a letter, digit, punctuation mark or symbol."""
    # The regex answers for nearly every text at C speed; the scan stops at the first visible character.
    return bool(_VISIBLE_ASCII.search(text)) or any(unicodedata.category(c)[0] in "LNPS" for c in text)


def raw_from_fields(fields: dict[str, Any], source: str, max_bytes: int) -> RawDocument:
    """A document from API fields (text plus optional metadata), checked like a file."""
    return _document(_text_field(fields, source, max_bytes), source, _metadata(fields, source))
