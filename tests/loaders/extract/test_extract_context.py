"""DocContext, the read-only index of a resolved document that the fact stages share."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.context import DocContext
from tests.support.doc_context import doc_context


def _context(path: Path) -> DocContext:
    return doc_context(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["seeds", "dev"])
def test_mentions_in_a_range_are_those_inside_it(which: str, seeds_dir: Path, dev_articles_dir: Path) -> None:
    """mentions(sent, start, end) (which bisects the mentions' starts) lists, in order, exactly the mentions of the
    sentence that lie inside [start, end), for ranges cut at every mention's edges and beyond the sentence."""
    folder = seeds_dir if which == "seeds" else dev_articles_dir
    checked = 0
    for path in sorted(folder.glob("*.txt")):
        ctx = _context(path)
        for i, s in enumerate(ctx.doc.sentences):
            ms = ctx.by_sentence.get(i, [])
            cuts = sorted({s.start - 1, s.end + 1, *(m.start for m in ms), *(m.end for m in ms)})
            for lo in [None, *cuts]:
                for hi in [None, *cuts]:
                    inside = [m for m in ms if (lo is None or m.start >= lo) and (hi is None or m.end <= hi)]
                    assert ctx.mentions(i, lo, hi) == inside
                    checked += bool(inside)
    assert checked > 100


@pytest.mark.parametrize("which", ["seeds", "dev"])
def test_sentence_at_is_the_last_sentence_starting_at_or_before(which: str, seeds_dir: Path,
                                                                 dev_articles_dir: Path) -> None:
    """sentence_at(pos) is the last sentence that starts at or before pos, and 0 before the first one, at every offset
    of every article (the gaps between sentences included)."""
    folder = seeds_dir if which == "seeds" else dev_articles_dir
    for path in sorted(folder.glob("*.txt")):
        ctx = _context(path)
        starts = [s.start for s in ctx.doc.sentences]
        for pos in range(-2, len(ctx.doc.clean) + 2):
            expected = max([i for i, start in enumerate(starts) if start <= pos], default=0)
            assert ctx.sentence_at(pos) == expected, pos
