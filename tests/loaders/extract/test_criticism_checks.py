"""Role checks on finished criticisms (loaders/extract/criticism_checks.py) and a rebuttal of a party's own claim:
a court named as an organisation is neither critic nor target, an organisation that only modifies a person's role is
not who acted (a judge and an organisation that acts stay critics), and rejecting a party's claim of its own does not
make that party a critic."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from loaders.extract import extract


@pytest.mark.parametrize(("text", "absent_critic"), [
    # the court where the case is heard rules; it is no critic of the parties
    ("Zentrix Labs appealed. The Employment and Labour Relations Court had earlier found that Zentrix Labs was the "
     "principal employer of the moderators and barred the company from switching to Harbor Media while the case was "
     "heard.", "Labour Relations Court"),
    # "the Harbor and Corbel chief": the person sued, not the companies named as her role's modifiers
    ("The Harbor Robotics chief sued Zentrix Labs in February, accusing it of fraud.", "Harbor Robotics"),
    ("A former Harbor Media moderator, Ada Pike, has sued Zentrix Labs over the content she was made to review.",
     "Harbor Media"),
])
def test_role_modifier_or_court_is_no_critic(text: str, absent_critic: str) -> None:
    ex = extract(text)
    assert not any(critic == absent_critic for critic, _ in pairs(ex))
    check_spans(text, ex)


def test_court_appealed_against_is_no_target() -> None:
    # a party contesting a ruling argues its case; the tribunal is not the target of a criticism
    text = ("The Information Commissioner's Office said on Friday it believed the First Tier Tribunal had incorrectly "
            "interpreted the law when it ruled last month that the regulator lacked jurisdiction over Zentrix Labs.")
    assert not any(target.endswith("Tribunal") for _, target in pairs(extract(text)))


@pytest.mark.parametrize(("text", "expected"), [
    # a judge who rebukes a party stays a critic: a person, not a court
    ("Judge Ada Pike criticised Zentrix Labs for its shifting explanations.", ("Ada Pike", "Zentrix Labs")),
    # the organisation itself acting stays the critic
    ("Harbor Robotics sued Zentrix Labs in February, accusing it of fraud.", ("Harbor Robotics", "Zentrix Labs")),
])
def test_named_critics_stay(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(extract(text))


@pytest.mark.parametrize(("text", "absent", "present"), [
    # "rejected X's claim that …": X claimed something of its own, it did not criticise the rebutter
    ("Researcher Ada Pike rejected Zentrix Labs' claim that its model exceeds human performance, noting that it "
     "still fails basic tasks.", ("Zentrix Labs", "Ada Pike"), ("Ada Pike", "Zentrix Labs")),
    # "rejected X's claims about us": a charge, so X criticised the rebutter
    ("Zentrix Labs rejected Senator Ada Pike's accusations, calling them baseless.", None,
     ("Ada Pike", "Zentrix Labs")),
])
def test_rebutting_a_claim_of_its_own(text: str, absent: tuple[str, str] | None, present: tuple[str, str]) -> None:
    got = pairs(extract(text))
    assert present in got
    if absent is not None:
        assert absent not in got
