"""Reading documents: formats, metadata sources and the message each kind of bad input gets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import DocumentError
from kg.model import DateRef
from loaders.documents import MetaOverrides, RawDocument, discover, parse_published, raw_from_fields, read_file

LIMIT = 10_000


def read_one(path: Path, overrides: MetaOverrides | None = None) -> RawDocument:
    """The single document a file holds, failing the test on an error."""
    (item,) = read_file(path, max_bytes=LIMIT, overrides=overrides)
    assert isinstance(item, RawDocument), item
    return item


def read_error(path: Path) -> str:
    """The error message a file gets."""
    (item,) = read_file(path, max_bytes=LIMIT)
    assert isinstance(item, DocumentError), item
    return str(item)


def test_plain_text_with_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme raised money.\r\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "T", "publisher": "P", "published": "2025-01-13"}))
    doc = read_one(tmp_path / "a.txt")
    assert doc.text == "Acme raised money."
    assert (doc.title, doc.publisher) == ("T", "P")
    assert doc.published == DateRef(value="2025-01-13", precision="day")


def test_markdown_front_matter_and_flag_priority(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Front\npublished: 2024-05-28\nurl: https://x.test/a\n---\n# Head\n\nBody text.\n")
    doc = read_one(path)
    assert doc.text == "# Head\n\nBody text."
    assert doc.title == "Front" and doc.url == "https://x.test/a"
    assert doc.published == DateRef(value="2024-05-28", precision="day")
    flagged = read_one(path, MetaOverrides(title="Flag", published="2024-06"))
    assert flagged.title == "Flag"
    assert flagged.published == DateRef(value="2024-06", precision="month")


def test_sidecar_overrides_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Front\n---\nBody.\n")
    (tmp_path / "a.meta.json").write_text('{"title": "Side"}')
    assert read_one(tmp_path / "a.md").title == "Side"


def test_html_keeps_the_article_text_only(tmp_path: Path) -> None:
    article = " ".join(["Acme AI announced a new model on Monday, and critics were quick to respond."] * 6)
    html = (
        "<html><head><title>Acme news</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/x'>Subscribe now</a></nav>"
        f"<article><h1>Acme ships</h1><p>{article}</p><p>{article}</p></article>"
        "<footer>Copyright footer links</footer></body></html>"
    )
    (tmp_path / "a.html").write_text(html)
    doc = read_one(tmp_path / "a.html")
    assert "critics were quick to respond" in doc.text
    assert "Subscribe now" not in doc.text and "Copyright footer" not in doc.text


def test_jsonl_one_document_per_line_and_per_line_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First article.", "title": "One", "published": "2025"}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second article.", "published": "yesterday"}),
        json.dumps(["a list"]),
        json.dumps({"text": "Third article."}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    items = list(read_file(tmp_path / "batch.jsonl", max_bytes=LIMIT))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [str(i) for i in items if isinstance(i, DocumentError)]
    assert [d.text for d in docs] == ["First article.", "Third article."]
    assert docs[0].published == DateRef(value="2025", precision="year")
    assert docs[0].origin.endswith("batch.jsonl:1")
    assert any(":3: malformed JSON" in e for e in errors)
    assert any(":4: field 'text' is missing" in e for e in errors)
    assert any(":5: field 'published': cannot read 'yesterday'" in e for e in errors)
    assert any(":6: each line must be a JSON object" in e for e in errors)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"   \n\t\n", "empty document"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "caf\u00e9 au lait".encode("latin-1"), "not UTF-8 text: invalid byte 0xe9 at offset 3"),
        ("big.txt", b"word " * 3000, "over the limit of 10000"),
        ("bad-front.md", b"---\ntitle: [unclosed\n---\nBody", "malformed front matter"),
        ("open-front.md", b"---\ntitle: x\nBody without closing", "no closing '---'"),
        ("list-front.md", b"---\n- a\n- b\n---\nBody", "expected 'key: value'"),
        ("bad-date.md", b"---\npublished: 2024-13-45\n---\nBody", "malformed front matter: month must be in 1..12"),
        ("bad-date-text.md", b"---\npublished: soon\n---\nBody", "field 'published': cannot read 'soon'"),
        ("no-article.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "no article text"),
    ],
)
def test_bad_files_get_a_message_naming_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = read_error(path)
    assert error.startswith(str(path))
    assert message in error


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("{broken", "malformed JSON at line 1"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"title": {"nested": 1}}', "field 'title' must be a string"),
        ('{"published": "13/01/2025"}', "field 'published'"),
    ],
)
def test_bad_sidecars_name_the_sidecar(tmp_path: Path, sidecar: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "a.meta.json").write_text(sidecar)
    error = read_error(tmp_path / "a.txt")
    assert "a.meta.json" in error
    assert message in error


def test_discover_walks_folders_and_reports_bad_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "a.meta.json", "notes.pdf", "sub/d.jsonl"):
        (tmp_path / name).write_text("x")
    found = list(discover([tmp_path, tmp_path / "missing.txt", tmp_path / "notes.pdf"]))
    paths = [p.relative_to(tmp_path).as_posix() for p in found if isinstance(p, Path)]
    errors = [str(e) for e in found if isinstance(e, DocumentError)]
    assert paths == ["a.md", "b.txt", "sub/c.html", "sub/d.jsonl"]
    assert any("missing.txt: no such file" in e for e in errors)
    assert any("notes.pdf: unsupported file type '.pdf'" in e for e in errors)


def test_api_fields_are_checked_like_files() -> None:
    doc = raw_from_fields({"text": " Body ", "published": "2025-01-02"}, "POST /documents", LIMIT)
    assert doc.text == "Body" and doc.published == DateRef(value="2025-01-02", precision="day")
    with pytest.raises(DocumentError, match="field 'text' is missing"):
        raw_from_fields({"title": "x"}, "POST /documents", LIMIT)
    with pytest.raises(DocumentError, match="empty document"):
        raw_from_fields({"text": "  "}, "POST /documents", LIMIT)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-13", DateRef(value="2025-01-13", precision="day")),
        ("2025-01-13T09:30:00Z", DateRef(value="2025-01-13", precision="day")),
        ("2025-01", DateRef(value="2025-01", precision="month")),
        ("2025", DateRef(value="2025", precision="year")),
    ],
)
def test_parse_published(value: str, expected: DateRef) -> None:
    assert parse_published(value, "published", "f") == expected


@given(st.dates())
def test_parse_published_round_trips_any_date(day: dt.date) -> None:
    assert parse_published(day.isoformat(), "published", "f").value == day.isoformat()
    assert parse_published(day, "published", "f").value == day.isoformat()


@given(st.text(max_size=20))
def test_parse_published_never_crashes(value: str) -> None:
    try:
        result = parse_published(value, "published", "src")
    except DocumentError as exc:
        assert "field 'published'" in str(exc) and str(exc).startswith("src")
    else:
        assert result.precision in ("day", "month", "year")
