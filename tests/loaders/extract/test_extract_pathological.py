"""Pathological input (one endless sentence, unbalanced quotes, thousands of amounts, name runs): a result, with
exact spans; and the guards against it (sentence cap, linear quote pairing, clause breaks found once per sentence)
leave normal articles as they were. Their cost is measured in bench/pathological.py, not here."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

import pytest
from extract_helpers import check_spans, key_label
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.extract import extract, text
from loaders.extract.attribution import QUOTE, quotes
from loaders.extract.classify import type_mentions
from loaders.extract.context import _CLAUSE_BREAK, _DIRECT_SCAN, DocContext
from loaders.extract.mentions import find_mentions
from loaders.extract.pipeline import MAX_PIECE_CHARS
from loaders.extract.resolution import resolve
from loaders.extract.text import MAX_SENTENCE_CHARS, prepare, split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
from update_extract_golden import cases

ARTICLE = ("Veltrix CEO Oona Brandt said that Zentrix's new chatbot Quill is a ploy, and the Zentrix board disagreed; "
           "Zentrix raised $2 billion at a $40 billion valuation, according to Harbor Media. ")
ORGS = ["Veltrix Labs", "Zentrix AI", "Helix Capital", "Northwind Ventures", "Lumora Systems", "Kestrel Partners"]


def _one_sentence(n: int) -> str:
    return ARTICLE.replace(".", "") * n


def _unbalanced_quotes(n: int) -> str:
    return ("“" + ARTICLE.replace(", ", ', "')) * n


def _open_quotes(n: int) -> str:
    return " ".join("“" + w for w in ARTICLE.split()) * n


def _funding(n: int) -> str:
    return "\n".join(f"{ORGS[i % 6]} raised ${i % 900 + 2} million in a round led by {ORGS[(i + 1) % 6]}, valuing "
                     f"it at ${i % 90 + 1} billion. It had raised €{i % 50}.5 million in 2023." for i in range(n))


def _name_run(n: int) -> str:
    return " ".join(f"{ORGS[i % 6]} Oona Brandt" for i in range(n))


def _name_list(n: int) -> str:
    return "The backers include " + " ".join(f"{ORGS[i % 6]}, Ada Pike and" for i in range(n)) + " Zentrix AI"


def _abbreviations(n: int) -> str:
    return "Mr. Brandt of the U.S. Navy and Dr. Pike " * n


PATHOLOGICAL = {
    "one sentence": _one_sentence(400),
    "unbalanced quotes": _unbalanced_quotes(400),
    "open quotes": _open_quotes(150),
    "funding": _funding(1500),
    "name run": _name_run(3000),
    "name list": _name_list(3000),
    "abbreviations": _abbreviations(2500),
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_gives_a_result(name: str) -> None:
    doc = PATHOLOGICAL[name]
    ex = extract(doc)
    check_spans(doc, ex)
    assert ex.entities, "names are still found"


def test_long_sentence_keeps_its_facts() -> None:
    doc = _one_sentence(400) + "; Lumora Labs CEO Ada Pike slammed Zentrix."
    ex = extract(doc)
    check_spans(doc, ex)
    assert ("Ada Pike", "Zentrix") in {(key_label(ex)[c.critic], key_label(ex)[c.target]) for c in ex.criticisms}
    assert any(ev.type == "FundingRound" for ev in ex.events)


def test_funding_rounds_of_one_company_are_all_kept() -> None:
    amounts = [round(100 * 1.05**i) for i in range(100)]  # each 5 % above the one before: not the same round
    doc = "\n".join(f"Zentrix AI raised ${n} million from Helix Capital." for n in amounts)
    rounds = [ev for ev in extract(doc).events if ev.type == "FundingRound"]
    assert sorted(ev.amount.value for ev in rounds if ev.amount) == [n * 1e6 for n in amounts]


@pytest.mark.parametrize("doc", [_one_sentence(60), _name_list(600), "x" * 9000, "word " * 3000],
                         ids=["clauses", "list", "no space", "spaces"])
def test_long_sentence_is_cut_into_capped_pieces(doc: str) -> None:
    sentences = split_sentences(doc)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    # the pieces cover the sentence: only whitespace between them, nothing lost
    assert "".join(doc[a.end:b.start] for a, b in pairwise(sentences)).strip() == ""
    assert sentences[0].start == 0 and sentences[-1].end == len(doc.rstrip())
    assert not any(s.heading for s in sentences)
    if ", " in doc:
        assert all(doc[s.end - 1] in ",;" for s in sentences[:-1]), "cut after a clause's punctuation"


def test_cap_does_not_change_normal_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = {c.article for c in cases()} | set(Path(__file__).parent.glob("*/articles/*.txt"))
    articles = [p.read_text(encoding="utf-8") for p in sorted(paths)]
    assert len(articles) > 50
    capped = [split_sentences(text.clean(a), a) for a in articles]
    # the cap stays well above real news (whose longest sentences, long lists of parties, pass 500 characters)
    assert max(s.end - s.start for ss in capped for s in ss) < MAX_SENTENCE_CHARS // 2
    monkeypatch.setattr(text, "MAX_SENTENCE_CHARS", 10**9)
    assert capped == [split_sentences(text.clean(a), a) for a in articles]


def test_long_document_group_keeps_its_affiliation() -> None:
    filler = "\n".join(f"{ORGS[i % 6]} hired Oona Brandt as its head of research." for i in range(1200))
    doc = filler + "\nA Zentrix spokesperson said the Veltrix lawsuit was baseless.\n"
    assert len(doc) > MAX_PIECE_CHARS
    ex = extract(doc)
    check_spans(doc, ex)
    labels = key_label(ex)
    # the group is found in the second piece: its affiliation was a key of that piece, naming another entity
    assert [(g.label, labels.get(g.affiliation or "")) for g in ex.entities if g.type == "Group"] == [
        ("Zentrix spokesperson", "Zentrix AI")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="“”\"ab ", max_size=120), st.data())
def test_quotes_pairs_as_the_regex(doc: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(doc)))
    endpos = data.draw(st.integers(pos, len(doc)))
    expected = [(m.span(), m.groups()) for m in QUOTE.finditer(doc, pos, endpos)]
    assert [(m.span(), m.groups()) for m in quotes(doc, pos, endpos)] == expected


@pytest.mark.parametrize("gap", [1, 2, 2000, 2001])
@pytest.mark.parametrize("unclosed", [0, 40], ids=["few quotes", "many quotes"])
def test_quotes_reach_limit(gap: int, unclosed: int) -> None:
    doc = "“" + "a" * gap + "”" + " “" * unclosed
    assert [m.span() for m in quotes(doc)] == [m.span() for m in QUOTE.finditer(doc)]


_WORDS = ["but", "while", "whereas", "because", "butter", "Whilst", "U.S.", "Navy", "Inc.", "said", "Oona", "Brandt",
          "Zentrix", ";", ":", "-", "–", ",", "the", "a", "b"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60), st.lists(st.sampled_from(["", " ", "  "]),
                                                                            min_size=60, max_size=60))
def test_clause_start_as_a_scan_of_the_prefix(words: list[str], gaps: list[str]) -> None:
    # a lead without breaks, so that the words are far enough in for the sentence's breaks to be indexed
    doc = "the " * (_DIRECT_SCAN // 4) + "".join(w + g for w, g in zip(words, gaps, strict=False)).strip()
    prepared = prepare(doc)
    ctx = DocContext.build(prepared, resolve(prepared, type_mentions(prepared, find_mentions(prepared))))
    for s in prepared.sentences:
        names = ctx.mentions(s.index)
        for pos in range(s.start, s.end + 1):
            # the definition: the end of the last break of the text up to pos that is not inside a name
            ends = [m.end() for m in _CLAUSE_BREAK.finditer(prepared.clean[s.start:pos])
                    if not any(n.start <= s.start + m.start() < n.end for n in names)]
            assert ctx._last_break(s.index, pos) == (ends[-1] if ends else 0), (doc[s.start:pos], pos)
