"""Whom an unnamed spokesperson speaks for (loaders.extract.spokespeople)."""

from __future__ import annotations

import pytest
from extract_helpers import pairs

from loaders.extract import extract

_ACCUSED = "Harbor Media accused Zentrix of copying its articles."


@pytest.mark.parametrize(("lead_in", "quote"), [
    ("Northwind Labs welcomed the report.",
     "Someone has finally exposed the reckless copying by Zentrix"),
    ("Northwind Labs, for its part, said it was studying the report.",
     "Zentrix has behaved recklessly and dishonestly"),
])
def test_a_spokesperson_speaks_for_the_organisation_leading_in(lead_in: str, quote: str) -> None:
    got = pairs(extract(f'{_ACCUSED} {lead_in} "{quote}," a spokesperson said.'))
    assert ("Northwind Labs", "Zentrix") in got
    assert ("Zentrix", "Northwind Labs") not in got  # not the accused's reply to a bystander


def test_without_a_lead_in_the_spokesperson_is_the_accused_replying() -> None:
    got = pairs(extract(f'{_ACCUSED} "The claims are false and reckless," a spokesperson said.'))
    assert ("Zentrix", "Harbor Media") in got
