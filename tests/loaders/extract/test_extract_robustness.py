"""Bad input: empty, no entities, non-English, very long, odd Unicode — correct or empty results, never an exception."""

from __future__ import annotations

import time

from extract_helpers import check_spans
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.extract import extract

ARTICLE = ("Veltrix CEO Oona Brandt said that Zentrix's new chatbot Quill is a ploy. "
           "Zentrix raised $2 billion at a $40 billion valuation, according to Harbor Media.\n")


def test_empty_and_entity_free_text() -> None:
    for text in ("", "   \n\n", "the cat sat on the mat. it was warm.", "12345 !!! ???"):
        ex = extract(text)
        assert not [e for e in ex.entities if e.type != "Group"]


def test_non_english_text() -> None:
    for text in ("这是一个关于人工智能的新闻。公司宣布了新的模型。", "Привет, мир. Компания выпустила модель.",
                 "Die Firma hat heute ein neues Modell vorgestellt, sagte der Chef."):
        check_spans(text, extract(text))


def test_odd_unicode_keeps_offsets() -> None:
    text = ("Veltrix\u00a0CEO Oona\u200b Brandt said &ldquo;Zentrix&rsquo;s plan is hype&rdquo; \u2014 "
            "\u201cit\u2019s a ploy,\u201d she added. Zentrix&amp;Co disagreed.\ufeff")
    ex = extract(text)
    check_spans(text, ex)
    got = {e.label: e.type for e in ex.entities}
    assert got.get("Oona Brandt") == "Person"
    assert got.get("Veltrix") == "Organization"


def test_very_long_document_is_processed_whole() -> None:
    text = ARTICLE * 1500 + "Finally, Lumora Labs CEO Ada Pike slammed Zentrix.\n"
    t0 = time.perf_counter()
    ex = extract(text)
    assert time.perf_counter() - t0 < 60
    check_spans(text, ex)
    pike = [c for c in ex.criticisms if next(e.label for e in ex.entities if e.key == c.critic) == "Ada Pike"]
    assert pike, "the end of a long document is not truncated"
    assert pike[0].source.start > len(text) - 200


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    check_spans(text, extract(text))
