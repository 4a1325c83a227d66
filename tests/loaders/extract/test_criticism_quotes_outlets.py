"""A judging quote that names nothing goes to the subject at hand, never to the outlet the story was given to or
shown to ("told the BBC.", "videos reviewed by KXAN"), even when that outlet is the organisation named most."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label

from loaders.extract import extract
from loaders.extract.criticism_quotes import QUOTED_JUDGEMENT

_QUOTE = "\n\n“The nature of the violations is egregious,” said Travis Pickford, a police official."


def _quote_pairs(text: str) -> set[tuple[str, str]]:
    """The (critic, target) pairs the quote rule found."""
    ex = extract(text)
    check_spans(text, ex)
    names = key_label(ex)
    return {(names[c.critic], names[c.target]) for c in ex.criticisms if c.rule == QUOTED_JUDGEMENT}


@pytest.mark.parametrize("outlet", ["KXAN", "WFAA"])
def test_outlet_shown_the_story_is_no_target(outlet: str) -> None:
    text = (f"{outlet} reviewed footage from school buses in Austin. In six of the videos reviewed by {outlet}, "
            f"robotaxis run by Zentrix Mobility pass stopped buses. {outlet} asked the district about the footage."
            + _QUOTE)
    assert all(target != outlet for _, target in _quote_pairs(text))


def test_subject_at_hand_stays_the_target() -> None:
    text = ("Zentrix Mobility runs robotaxis in Austin. Zentrix Mobility said its cars were safe. The district police "
            "chief told Channel Four News on Friday that buses were being passed." + _QUOTE)
    assert ("Travis Pickford", "Zentrix Mobility") in _quote_pairs(text)
