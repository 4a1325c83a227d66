"""Lexicon helpers: lexicon.Folded, the case-insensitive patterns found in the lower-cased text."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import loaders.extract as extract_pkg
from loaders.extract.attribution import patterns
from loaders.extract.lexicon import Folded
from loaders.extract.text import prepare

EXTRACT_TESTS = Path(__file__).resolve().parent
# general phrasings of the rarer patterns, which the test articles may not hold
PHRASES = ("The group asked the court to block the merger. Authors urged a federal judge to halt the sale. "
           "Subpoenas were sent to the company. The regulator placed the firm under review and ordered it to stop. "
           "Not everyone is convinced, and skeptics noted a scathing review of the plan. It was criticised by MPs. "
           "Staff wrote to the attorneys general, asking them to block the conversion. The commission is looking at "
           "the partnership.")


def _folded() -> dict[str, Folded]:
    """Every Folded pattern of the extraction: module constants and the shared word-list patterns."""
    out = {f"patterns.{k}": p for k, p in patterns().items() if isinstance(p, Folded)}
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        module = importlib.import_module(f"loaders.extract.{info.name}")
        out.update({f"{info.name}.{k}": v for k, v in vars(module).items() if isinstance(v, Folded)})
    return out


FOLDED = _folded()


def _spans(ms: object) -> list[tuple[tuple[int, int], tuple[str | None, ...], str]]:
    return [(m.span(), m.groups(), m.group(0)) for m in ms]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def texts(seeds_dir: Path, dev_articles_dir: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Articles of several sets with their sentences' offsets; each also shouting, with a dotless i (which the
    lower case cannot stand for: the re.I pattern runs as it is) and with a capital sigma (whose lower case depends on
    where the text is cut)."""
    folders = [seeds_dir, dev_articles_dir, *(EXTRACT_TESTS / s / "articles" for s in ("tuning", "tuning3",
                                                                                        "realnews_a", "realnews_d"))]
    out = [(PHRASES, [(s.start, s.end) for s in prepare(PHRASES).sentences])]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for variant in (text, text.upper(), text.replace("i", "\u0131", 3), text.replace(" ", " \u03a3", 3)):
                out.append((variant, [(s.start, s.end) for s in prepare(variant).sentences]))
    return out


def test_there_are_folded_patterns() -> None:
    assert {"patterns.verb", "patterns.negative", "judgements.DISSENT"} <= set(FOLDED)


@pytest.mark.parametrize("name", sorted(FOLDED))
def test_folded_finds_what_re_i_finds(name: str, texts: list[tuple[str, list[tuple[int, int]]]]) -> None:
    """search and finditer give the re.I pattern's matches (spans, groups, text as written) over whole articles,
    each sentence's window of them and each sentence alone; where the pattern has anchors, some text holds a match."""
    p = FOLDED[name]
    found = 0
    for text, sentences in texts:
        assert _spans(p.finditer(text)) == _spans(p.ci.finditer(text))
        for a, b in sentences:
            expected = _spans(p.ci.finditer(text, a, b))
            assert _spans(p.finditer(text, a, b)) == expected, (name, text[a:b])
            assert _spans(filter(None, [p.search(text, a, b)])) == expected[:1]
            assert _spans(p.finditer(text[a:b])) == _spans(p.ci.finditer(text[a:b]))
            found += bool(expected)
    assert found, f"{name} matches nothing in the test articles: the comparison proves little"


@pytest.mark.parametrize("pattern", [r"\bOpenAI\b", r"[A-Z]\w+ said"])
def test_an_upper_case_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="lower case"):
        Folded(pattern)


def test_match_is_anchored_as_re_i() -> None:
    p = Folded(r"criticis(?:ed|es)\s+(\w+)")
    assert p.match("Critics CRITICISED Acme", 8).group(1) == "Acme"  # type: ignore[union-attr]
    assert p.match("Critics CRITICISED Acme") is None
    assert isinstance(p.ci, re.Pattern)
