"""Reported speech: a court named where a complaint was filed is no speaker of what the parties argue or allege."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label

from loaders.extract import extract
from loaders.extract.criticism_speech import REPORTED_SPEECH

_FILED = ("In the complaint, filed on Tuesday, November 4, 2025, in the US District Court for the Northern District of "
          "California, Halvorsen Retail {verb} that Zentrix Labs' tool amounts to computer fraud.")


def _critics(text: str) -> set[str]:
    """The critics the reported-speech rule found."""
    ex = extract(text)
    check_spans(text, ex)
    names = key_label(ex)
    return {names[c.critic] for c in ex.criticisms if c.rule == REPORTED_SPEECH}


@pytest.mark.parametrize("verb", ["argued", "alleged", "claimed", "contended"])
def test_court_of_filing_argues_nothing(verb: str) -> None:
    critics = _critics(_FILED.format(verb=verb))
    assert not any("Court" in c for c in critics)


_SOURCE = ("Vantage Robotics launched a robot. {source}, Vantage Robotics misled investors and its robot is a "
           "dangerous failure.")


@pytest.mark.parametrize(("source", "critics"), [
    ("According to a CNBC report", set()),  # an outlet's reporting: the outlet is no critic
    ("According to The Wall Street Journal", set()),
    ("According to a Business Insider column", {"Business Insider"}),  # the outlet's own verdict
    ("According to Halden Research", {"Halden Research"}),  # not an outlet: a source that judges
])
def test_an_outlet_that_reports_is_no_critic(source: str, critics: set[str]) -> None:
    assert _critics(_SOURCE.format(source=source)) == critics
