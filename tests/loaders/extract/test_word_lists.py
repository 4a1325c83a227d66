"""The sectioned word-list lexicons of the mention and typing stages (lexicon.words(FILE, SECTION))."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.extract.lexicon import lines, words

EXTRACT = Path(__file__).resolve().parents[3] / "loaders" / "extract"
FILES = ("name_words.txt", "typing_words.txt")
_HEADER = re.compile(r"^\[([a-z_]+)\]$")


def _sections(name: str) -> list[str]:
    return [m.group(1) for line in lines(name) if (m := _HEADER.match(line))]


@pytest.mark.parametrize("name", FILES)
def test_sections_are_unique_and_hold_words(name: str) -> None:
    sections = _sections(name)
    assert sections and len(sections) == len(set(sections))
    assert all(words(name, s) for s in sections)


@pytest.mark.parametrize("name", FILES)
def test_every_section_is_read_by_the_code(name: str) -> None:
    """A section no module reads is a list left behind (or a name misspelt on one side)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in EXTRACT.glob("*.py"))
    unread = [s for s in _sections(name) if f'"{s}")' not in code]
    assert unread == []


def test_a_section_ends_at_the_next_header() -> None:
    connectors, for_heads = words("name_words.txt", "connectors"), words("name_words.txt", "for_heads")
    assert "of" in connectors and "Institute" in for_heads and connectors.isdisjoint(for_heads)


def test_a_missing_section_is_an_error_naming_it() -> None:
    with pytest.raises(KeyError, match=r"no \[no_such_list\] section"):
        words("name_words.txt", "no_such_list")
