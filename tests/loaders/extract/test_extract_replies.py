"""Criticisms in exchanges, attitudes and decisions, each rule on short sentences."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from loaders.extract import extract


def _pairs(text: str) -> set[tuple[str, str]]:
    ex = extract(text)
    check_spans(text, ex)
    return pairs(ex)


def test_fired_back_quote_targets_the_earlier_critic() -> None:
    text = ("Marcus Ellery mocked Sunita Varadarajan on Sunday. Varadarajan fired back on Monday. "
            "“Marcus, when your product stops deleting files, we can talk,” she wrote.")
    got = _pairs(text)
    assert ("Sunita Varadarajan", "Marcus Ellery") in got
    assert ("Marcus Ellery", "Sunita Varadarajan") in got


def test_reply_with_disagreement_and_you_quote() -> None:
    text = ("“I find it distasteful to say this when you have millions of subscribers,” writes Dan Vassallo about "
            "Marques Brownlee. To which Brownlee replied: “We disagree on what my job is.”")
    got = _pairs(text)
    assert ("Marques Brownlee", "Dan Vassallo") in got


def test_spokesperson_disagrees_with_the_judges_decision() -> None:
    text = ("U.S. District Judge Anne Conway let the case go ahead. Google spokesperson Jose Castaneda said the "
            "company strongly disagrees with the decision.")
    assert ("Google", "Anne Conway") in _pairs(text)


def test_expressed_shock_about_what_follows() -> None:
    text = "Jane Roe expressed shock, anger, and disbelief upon hearing the demo of OpenAI's GPT-4o model."
    assert ("Jane Roe", "OpenAI") in _pairs(text)


def test_attitude_towards_what_was_asked_about() -> None:
    text = "Asked by host Theo Marchand about Axiom Minds, investor Ruth Abernathy was dismissive."
    got = _pairs(text)
    assert ("Ruth Abernathy", "Axiom Minds") in got
    assert ("Ruth Abernathy", "Theo Marchand") not in got


def test_judgement_continuing_the_organisations_criticism() -> None:
    text = ("The Nordic Fair Trade Commission criticised Hanseong Semiconductor on Monday. The commission chairman, "
            "Park Ji-hoon, told reporters that such bundling \"damages the competition at the worst moment.\"")
    assert ("Park Ji-hoon", "Hanseong Semiconductor") in _pairs(text)


def test_neutral_reply_is_not_a_criticism() -> None:
    text = "Jane Roe praised Acme Corp. John Poe replied: “We will release the data next week as planned.”"
    assert not any(c == "John Poe" for c, _ in _pairs(text))


@pytest.mark.parametrize(("reply", "critical"), [
    # the criticised side denying what it is accused of judges no one
    ('"Zentrix is not ignoring the protocol and then lying about it," Oona Brandt told reporters.', False),
    ('"We never copied a single article, and we never lied about it," Oona Brandt told reporters.', False),
    # an opinion stated with a negation still judges
    ('"We do not think Harbor Media can be trusted with this story, it is a disgrace," Oona Brandt told reporters.',
     True),
])
def test_a_denial_by_the_accused_side_is_no_criticism(reply: str, critical: bool) -> None:
    text = ("Harbor Media accused Zentrix of copying its articles and lying about it. "
            f"Oona Brandt, the chief executive of Zentrix, rejected the claims. {reply}")
    got = pairs(extract(text))
    assert (("Oona Brandt", "Harbor Media") in got) is critical
