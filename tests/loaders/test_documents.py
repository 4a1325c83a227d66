"""Reading documents: formats, metadata sources and the message each kind of bad input gets."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import DocumentError
from kg.model import DateRef
from loaders.documents import MetaOverrides, RawDocument, discover, parse_published, raw_from_fields, read_file

LIMIT = 10_000
DEEP = "[" * 4_000 + "]" * 4_000  # nested past the parsers' recursion limit, within LIMIT
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


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


def test_markdown_front_matter_with_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\r\ntitle: Front\r\npublished: 2024-05-28\r\n---\r\nBody line one.\r\nTwo.\r\n")
    doc = read_one(path)
    assert doc.title == "Front" and doc.published == DateRef(value="2024-05-28", precision="day")
    assert doc.text == "Body line one.\nTwo."


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
        ("zero-width.txt", (ZERO_WIDTH * 50).encode(), "empty document: no visible character"),
        ("controls.txt", "\x01\x02\u200b\x1f\x7f\u0085\u2028".encode(), "empty document: no visible character"),
        ("open-front-crlf.md", b"---\r\ntitle: x\r\nBody without closing\r\n", "no closing '---'"),
        ("deep-front.md", ("---\ntitle: " + DEEP + "\n---\nBody").encode(), "nested too deeply"),
        ("bool-front.md", b"---\ntitle: yes\n---\nBody", "field 'title' must be a string, not true"),
        ("number-front.md", b"---\npublisher: 1.50\n---\nBody", "field 'publisher' must be a string, not 1.5"),
        ("empty.jsonl", b"\n  \n", "empty document: no JSON lines"),
        ("binary.jsonl", b'{"text": "a"}\n\x00\x01', "binary file"),
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
        ('{"title": ' + DEEP + "}", "malformed JSON: nested too deeply"),
        ('{"title": NaN}', "field 'title' must be a string, not NaN"),
        ('{"title": true}', "field 'title' must be a string, not true"),
        ('{"publisher": 12}', "field 'publisher' must be a string, not 12"),
        ('{"url": ["a"]}', "field 'url' must be a string, not a list"),
        ('{"title": "half \\ud800 a character"}', "field 'title' holds a lone surrogate \\ud800 at character 5"),
        ('{"title": ' + "9" * 5000 + "}", "malformed JSON: Exceeds the limit"),
        ('{"published": true}', "field 'published' must be a string, not true"),
    ],
)
def test_bad_sidecars_name_the_sidecar(tmp_path: Path, sidecar: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "a.meta.json").write_text(sidecar)
    error = read_error(tmp_path / "a.txt")
    assert "a.meta.json" in error
    assert message in error


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", "extra": ' + DEEP + "}", "malformed JSON: nested too deeply"),
        ('{"text": "Meta \\ud800 spoke."}', "field 'text' holds a lone surrogate \\ud800 at character 5"),
        ('{"text": "Body.", "publisher": "\\udfff"}', "field 'publisher' holds a lone surrogate"),
        ('{"text": "Body.", "title": NaN}', "field 'title' must be a string, not NaN"),
        ('{"text": "Body.", "title": false}', "field 'title' must be a string, not false"),
        ('{"text": "' + "x" * (LIMIT + 1) + '"}', f"field 'text' is {LIMIT + 1} bytes, over the limit of {LIMIT}"),
        (
            '{"text": "' + "x" * (LIMIT * 6 + 2**16) + '"}',
            f"line too long: a record's text may be at most {LIMIT} bytes",
        ),
        ('{"text": "\\u200b\\u2060\\u0000"}', "empty document: no visible character"),
        ('{"text": "Body.", "n": ' + "1" * 5000 + "}", "malformed JSON: Exceeds the limit"),
    ],
)
def test_a_bad_jsonl_record_costs_that_record_only(tmp_path: Path, line: str, message: str) -> None:
    """Each record has its own byte limit and errors: the records around a bad one load."""
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"text": "A good record."})
    path.write_text("\n".join([good, line, good.replace("good", "later")]) + "\n")
    items = list(read_file(path, max_bytes=LIMIT))
    assert [i.text for i in items if isinstance(i, RawDocument)] == ["A good record.", "A later record."]
    (error,) = [str(i) for i in items if isinstance(i, DocumentError)]
    assert error.startswith(f"{path}:2: ")
    assert message in error


_ANY_CHARACTER = st.text(st.characters(blacklist_categories=()), max_size=12)  # lone surrogates included
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | _ANY_CHARACTER,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_CHARACTER, inner, max_size=3),
    max_leaves=8,
)
_RECORDS = _JSON_VALUES | st.fixed_dictionaries(
    {"text": _ANY_CHARACTER | _JSON_VALUES},
    optional={field: _ANY_CHARACTER | _JSON_VALUES for field in ("title", "publisher", "url", "published")},
)


@given(st.lists(_RECORDS, min_size=1, max_size=4))
def test_any_jsonl_record_is_a_document_or_a_message_naming_its_line(
    tmp_path_factory: pytest.TempPathFactory, records: list[object]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "any.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))  # escapes lone surrogates as \\udxxx
    items = list(read_file(path, max_bytes=LIMIT))
    assert len(items) == len(records)
    for number, item in enumerate(items, start=1):
        if isinstance(item, DocumentError):
            assert str(item).startswith(f"{path}:{number}: ")
        else:
            assert item.origin == f"{path}:{number}"
            for value in (item.text, item.title, item.publisher, item.url):
                assert value is None or value.encode("utf-8")


def test_jsonl_limit_is_per_record_not_per_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    records = [json.dumps({"text": f"Record {i}: " + "word " * 400}) for i in range(20)]
    path.write_text("\n".join(records))
    assert path.stat().st_size > 3 * LIMIT
    items = list(read_file(path, max_bytes=LIMIT))
    assert len(items) == 20 and all(isinstance(i, RawDocument) for i in items)


def test_a_file_name_that_is_not_utf8_is_refused_and_the_rest_found(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for name in (b"a.txt", b"b-caf\xe9.txt", b"c.txt"):
        with open(os.path.join(folder, name), "w") as file:
            file.write("Text.")
    found = list(discover([tmp_path]))
    assert [p.name for p in found if isinstance(p, Path)] == ["a.txt", "c.txt"]
    (error,) = [str(e) for e in found if isinstance(e, DocumentError)]
    assert error == f"{tmp_path}/b-caf\\xe9.txt: the file name is not UTF-8 text; rename the file"


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
