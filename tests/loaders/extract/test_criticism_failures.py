"""A failure laid at a named party (refused, failed, did not, should have), in a quote or in reported speech, is a
criticism of that party; a condition, a promise, a withheld comment or the speaker's own side is none."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label

from loaders.extract import extract
from loaders.extract.criticism_quotes import QUOTED_FAILURE
from loaders.extract.criticism_speech import REPORTED_FAILURE, REPORTED_SPEECH

_RULES = {QUOTED_FAILURE, REPORTED_FAILURE}
_INTRO = "Vantorix Labs released its Halden model on Monday. Priya Raman is the director of the Civic Data Institute. "


def _failures(text: str) -> set[tuple[str, str, str]]:
    """(critic, target, rule) of every criticism the failure rules found."""
    ex = extract(_INTRO + text)
    check_spans(_INTRO + text, ex)
    names = key_label(ex)
    return {(names[c.critic], names[c.target], c.rule) for c in ex.criticisms if c.rule in _RULES}


@pytest.mark.parametrize(("text", "rule"), [
    ("“Vantorix Labs refused to share any test results with outside researchers,” Priya Raman said.", QUOTED_FAILURE),
    ("“Vantorix Labs did not tell users their messages would be kept,” Priya Raman said.", QUOTED_FAILURE),
    ("“Vantorix Labs should have warned schools before the launch,” Priya Raman said.", QUOTED_FAILURE),
    ("“Vantorix Labs' account of the tests did not match the data we saw,” Priya Raman said.", QUOTED_FAILURE),
    ("Vantorix Labs kept the chatbot online. “They did not fix the flaw for weeks,” Priya Raman said.", QUOTED_FAILURE),
    ("Priya Raman said Vantorix Labs had not disclosed how the model was trained.", REPORTED_FAILURE),
    ("Priya Raman said that Vantorix Labs could not explain the gaps in its safety report.", REPORTED_FAILURE),
])
def test_failure_of_named_party(text: str, rule: str) -> None:
    assert ("Priya Raman", "Vantorix Labs", rule) in _failures(text)


@pytest.mark.parametrize("text", [
    "Priya Raman said Vantorix Labs did not respond to a request for comment.",  # a reply withheld
    "Priya Raman said Vantorix Labs will not store the prompts of its users.",  # a promise
    "Priya Raman said the grant could be withdrawn if Vantorix Labs does not publish its report.",  # a condition
    "Priya Raman said Vantorix Labs is not the only company building such models.",  # a description
    "“We did not receive the results in time,” Priya Raman said.",  # the speaker's own side
    "Vantorix Labs kept the chatbot online. “If they do not fix it, we will act,” Priya Raman said.",  # a condition
])
def test_no_failure_laid(text: str) -> None:
    assert not _failures(text)


_LISTED = ("The strike covers the studios that signed the agreement: Brightwave Games, Oakline Interactive, Tessel "
           "Studios and Marrow Works. Dana Whitcombe leads the Voice Performers Guild. ")


@pytest.mark.parametrize(("quote", "expected"), [
    ("“These studios are exploiting our members and it is shameful,” Dana Whitcombe said.",
     {"Brightwave Games", "Oakline Interactive", "Tessel Studios", "Marrow Works"}),
    ("“It is shameful, and everyone knows it,” Dana Whitcombe said.", set()),  # no plural description: no list
])
def test_plural_description_reaches_the_list(quote: str, expected: set[str]) -> None:
    ex = extract(_LISTED + quote)
    check_spans(_LISTED + quote, ex)
    names = key_label(ex)
    listed = {"Brightwave Games", "Oakline Interactive", "Tessel Studios", "Marrow Works"}
    targets = {names[c.target] for c in ex.criticisms if names[c.critic] == "Dana Whitcombe"}
    assert targets & listed == expected


_WENT_ON = ("Priya Raman criticised Vantorix Labs on Monday. “The Halden model is dangerous,” she said. ")


@pytest.mark.parametrize(("then", "expected"), [
    # a reported statement naming nothing goes on with the speaker's judgement just made
    ("She added that the automated production of false claims was “a blow to public trust”.", True),
    # one about a group is about that group
    ("She added that artists opposing the model were “on the wrong side of history”.", False),
])
def test_reported_statement_goes_on(then: str, expected: bool) -> None:
    text = _INTRO + _WENT_ON + then
    ex = extract(text)
    check_spans(text, ex)
    names = key_label(ex)
    at = text.index(then)
    found = {names[c.target] for c in ex.criticisms
             if c.rule == REPORTED_SPEECH and c.source.start >= at and names[c.critic] == "Priya Raman"}
    assert found == ({"Halden"} if expected else set())  # the target of the quote just before
