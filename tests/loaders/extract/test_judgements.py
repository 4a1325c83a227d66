"""judgements: a statement of approval criticises nobody, unless negated or turned by a contrast; an attitude is not
aimed at a name in an aside about its critic (invented names)."""

from __future__ import annotations

import pytest
from extract_helpers import pairs

from loaders.extract import extract
from loaders.extract.judgements import approving


@pytest.mark.parametrize(("text", "approves"), [
    ("We're pleased that Zentrix Labs has listened to our concerns.", True),
    ("We welcome the decision to pause the feature.", True),
    ("We are not pleased with how Zentrix Labs handled our concerns.", False),
    ("We aren't grateful for a product that keeps failing.", False),
    ("I appreciate the engineers at Zentrix Labs, but the launch was reckless.", False),
    ("The launch was reckless.", False),
    # praise and confidence approve too: a verdict for a party, not against it
    ("Zentrix Labs' effort to warn parents in advance was commendable.", True),
    ("The company made \"the right call\" in delaying a feature that was not ready.", True),
    ("Harbor Motors continues to have confidence in Zentrix Labs' technology.", True),
    ("I am very proud of what Ada Pike built.", True),
    ("The rollout is on track and the software has improved meaningfully.", True),
    ("The demo was \"the right call\", but the product is a mess.", False),
    ("This is a fundraising pitch that uses fear to highlight how impressive Zentrix Labs is.", False),
    ("We were never confident in Zentrix Labs' safety record.", False),
])
def test_approving(text: str, approves: bool) -> None:
    assert approving(text) is approves


@pytest.mark.parametrize("text", [
    ("Orlan News complained that the Quorra summaries by Zentrix Labs were wrong. “We’re pleased that Zentrix Labs "
     "has listened to our concerns and is pausing the summary feature,” said Ada Pike, a spokeswoman for Orlan News."),
    ("Ada Pike, a spokeswoman for Orlan News, said: “We’re pleased that Zentrix Labs has listened to our concerns "
     "about the misleading summaries.”"),
])
def test_a_quote_of_approval_is_no_criticism(text: str) -> None:
    assert ("Ada Pike", "Zentrix Labs") not in pairs(extract(text))


def test_a_contrast_after_approval_keeps_the_criticism() -> None:
    text = ("“I appreciate the engineers at Zentrix Labs, but the way the launch was handled is completely "
            "irresponsible,” said Ada Pike, a researcher at Orlan News.")
    assert ("Ada Pike", "Zentrix Labs") in pairs(extract(text))


def test_an_aside_about_the_critic_names_no_target() -> None:
    text = ("Zentrix Labs faces a ban over its Quorra chatbot. Zentrix Labs says the chatbot is safe. Minister Ada "
            "Pike, who has said she would back Veltrix Authority if it ruled the app should be blocked, has been "
            "equally scathing.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix Labs") in got
    assert not any(target == "Veltrix Authority" for _, target in got), got
