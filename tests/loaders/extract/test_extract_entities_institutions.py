"""Courts, outlets and local bodies typed as organisations (invented sentences, well-known names only as cues)."""

from __future__ import annotations

import pytest
from extract_helpers import labels

from loaders.extract import extract


@pytest.mark.parametrize(("text", "name"), [
    ("Judge Dana Whitcombe of the Northern District of California ruled against Zentrix Labs.",
     "Northern District of California"),
    ("Members of the WriterGuild of New York accused Quillbyte of cutting jobs.", "WriterGuild of New York"),
    ("The report was followed by Orvane, a product review site owned by Zentrix Labs.", "Orvane"),
    ('"We follow the rules," the minister said in an interview with France Inter.', "France Inter"),
    ("Then Android Authority reported that the device ran an ordinary phone app.", "Android Authority"),
])
def test_courts_outlets_and_local_bodies_are_organisations(text: str, name: str) -> None:
    assert labels(extract(text)).get(name) == "Organization", labels(extract(text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Orvane, a chatbot app for companies, was fined.", "Orvane", "Product"),
    ("Dana Whitcombe of New York said the deal was unfair.", "Dana Whitcombe", "Person"),
])
def test_a_product_or_a_person_keeps_its_type(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype, labels(extract(text))
