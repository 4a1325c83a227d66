"""Reading documents: files and folders of .txt, .md (YAML front matter), .html and .jsonl.

Metadata (title, publisher, url, published) comes from, in rising priority: the file itself
(front matter, a JSONL record, HTML metadata), a ``NAME.meta.json`` sidecar beside the file, and
flags given for the whole batch. Every problem is a :class:`~kg.errors.DocumentError` that names
the file (and line or field) and says why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from kg.errors import DocumentError
from kg.model import DateRef

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "publisher", "url", "published")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateRef(value=value.isoformat(), precision="day")
    text = str(value).strip()
    candidate = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
    match = _ISO_DATE.match(candidate)
    if match:
        year, month, day = match.groups()
        try:
            if day:
                return DateRef(value=dt.date(int(year), int(month), int(day)).isoformat(), precision="day")
            if month:
                dt.date(int(year), int(month), 1)
                return DateRef(value=f"{year}-{month}", precision="month")
            return DateRef(value=year, precision="year")
        except ValueError:
            pass
    raise DocumentError(source, f"field '{field}': cannot read {text!r} as a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def discover(paths: Iterable[Path]) -> Iterator[Path | DocumentError]:
    """The document files under the given files and folders, in a stable order; errors for bad paths."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.endswith(SIDECAR_SUFFIX):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield DocumentError(
                    str(path), f"unsupported file type {path.suffix!r}; use one of {', '.join(SUFFIXES)}"
                )
        else:
            yield DocumentError(str(path), "no such file or folder")


def read_file(
    path: Path, *, max_bytes: int, overrides: MetaOverrides | None = None
) -> Iterator[RawDocument | DocumentError]:
    """The documents in one file (one, or one per JSONL line), or the errors that stop them."""
    source = str(path)
    try:
        text = _read_text(path, max_bytes)
        sidecar = _read_sidecar(path)
        flags = _flag_metadata(overrides, source)
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(text, source, sidecar, flags, max_bytes)
            return
        if path.suffix.lower() in (".html", ".htm"):
            body, own = _read_html(text, source)
        elif path.suffix.lower() in (".md", ".markdown"):
            body, own = _read_markdown(text, source)
        else:
            body, own = text, {}
        yield _document(body, source, own | sidecar | flags)
    except DocumentError as exc:
        yield exc


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
    if b"\x00" in data[:8192]:
        raise DocumentError(source, "looks like a binary file (it contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            source, f"not UTF-8 text: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}; re-save it as UTF-8"
        ) from exc


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(decode(sidecar.read_bytes(), str(sidecar)))
    except json.JSONDecodeError as exc:
        raise DocumentError(str(sidecar), f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except OSError as exc:
        raise DocumentError(str(sidecar), f"cannot read sidecar: {exc.strerror or exc}") from exc
    if not isinstance(data, dict):
        raise DocumentError(str(sidecar), "a sidecar must hold a JSON object with title, publisher, url, published")
    return _metadata(data, str(sidecar))


def _flag_metadata(overrides: MetaOverrides | None, source: str) -> dict[str, Any]:
    if overrides is None:
        return {}
    return _metadata(overrides.model_dump(exclude_none=True), f"{source} (command-line flags)")


def _metadata(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The known metadata fields of a mapping, checked; unknown keys are ignored."""
    meta: dict[str, Any] = {}
    for field in META_FIELDS:
        value = data.get(field)
        if value is None or value == "":
            continue
        if field == "published":
            meta[field] = parse_published(value, field, source)
        elif isinstance(value, str | int | float):
            meta[field] = str(value).strip()
        else:
            raise DocumentError(source, f"field '{field}' must be a string, not {type(value).__name__}")
    return meta


def _read_markdown(text: str, source: str) -> tuple[str, dict[str, Any]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise DocumentError(source, "malformed front matter: no closing '---' line")
        return text, {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except (yaml.YAMLError, ValueError) as exc:
        # PyYAML raises ValueError for well-formed but impossible dates such as 2024-13-45.
        raise DocumentError(source, f"malformed front matter: {str(exc).splitlines()[0]}") from exc
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
    text: str, source: str, sidecar: dict[str, Any], flags: dict[str, Any], max_bytes: int
) -> Iterator[RawDocument | DocumentError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DocumentError(where, f"malformed JSON at column {exc.colno}: {exc.msg}") from exc
            if not isinstance(record, dict):
                raise DocumentError(where, "each line must be a JSON object with a 'text' field")
            body = record.get("text")
            if not isinstance(body, str):
                raise DocumentError(where, "field 'text' is missing or not a string")
            if len(body.encode("utf-8")) > max_bytes:
                raise DocumentError(where, f"field 'text' is over the limit of {max_bytes} bytes")
            yield _document(body, where, sidecar | _metadata(record, where) | flags)
        except DocumentError as exc:
            yield exc


def clean_text(text: str) -> str:
    """The text as stored: unified line ends, no trailing spaces at the ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _document(body: str, source: str, meta: dict[str, Any]) -> RawDocument:
    text = clean_text(body)
    if not text:
        raise DocumentError(source, "empty document: no text to load")
    return RawDocument(text=text, origin=source, **meta)


def raw_from_fields(fields: dict[str, Any], source: str, max_bytes: int) -> RawDocument:
    """A document from API fields (text plus optional metadata), checked like a file."""
    body = fields.get("text")
    if not isinstance(body, str):
        raise DocumentError(source, "field 'text' is missing or not a string")
    if len(body.encode("utf-8")) > max_bytes:
        raise DocumentError(source, f"field 'text' is over the limit of {max_bytes} bytes")
    return _document(body, source, _metadata(fields, source))
