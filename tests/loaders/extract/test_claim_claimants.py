"""Who a claim is credited to: the organisation a "Name-led company" is, the first of two joint speakers, an
organisation described as the subject ("The district said …"), and never a public body or a news outlet for "the
company"."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from tests.loaders.extract.test_extract_claims import claims_of


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # the leader's name describes the company that speaks
    ("Zentrix Labs chief executive Ada Pike spoke in Paris on Monday. The Ada Pike-led company told the committee "
     "that its models answer 40% of customer questions.", "Zentrix Labs",
     "its models answer 40% of customer questions"),
    # joint speakers: the first named
    ("A study by Zentrix Labs and Halden University found that 40% of the chatbot answers were wrong.",
     "Zentrix Labs", "40% of the chatbot answers were wrong"),
    ("Introducing the model, Zentrix's Ada Pike and Ben Okafor wrote that Orbi shows strong reasoning abilities "
     "on medical questions.", "Ada Pike", "Orbi shows strong reasoning abilities"),
    # "the <organisation> chief": the person the article ties to it, not the organisation
    ("Zentrix Labs chief executive Ada Pike spoke in Paris.\n\nIn an interview, the Zentrix Labs chief forecast "
     "that robots could take a third of warehouse jobs and said costs could fall by 40%.", "Ada Pike",
     "costs could fall by 40%"),
    # "according to" a source described before its name, or a person after the organisation's role word
    ("Orbi is a chatbot. Orbi is the fifth-largest source of traffic to news sites, according to analytics firm "
     "Trendwell.", "Trendwell", "Orbi is the fifth-largest source of traffic to news sites"),
    ("Halden Labs is a startup. About 3,000 people received answers partly written by AI, according to Halden Labs "
     "co-founder Ben Okafor.", "Ben Okafor", "About 3,000 people received answers"),
    # "according to the regulator": the party the description stands for
    ("The Nordic Data Authority opened an inquiry into Zentrix Labs in May. Zentrix Labs holds more than 20 "
     "billion photos, according to the regulator.", "Nordic Data Authority", "holds more than 20 billion photos"),
    # the clause before a source named mid-sentence is its content, not what follows the source
    ("The deal was valued at about $900 million, according to Trendwell, and did not meet the notification "
     "thresholds.", "Trendwell", "The deal was valued at about $900 million"),
    # a subject set off from its predicate by the speaker is the statement's own
    ("Zentrix Labs chief executive Ada Pike spoke on Monday. Large language models, she said, won't be smarter than "
     "humans in the next five years.", "Ada Pike", "Large language models, she said, won't be smarter than humans"),
    # an organisation described as the subject of a verb of saying, opening or closing the sentence
    ("Halden Unified School District paid Zentrix Labs $3 million in May.\n\nThe district said several education "
     "technology companies were interested in buying Zentrix Labs.", "Halden Unified School District",
     "several education technology companies were interested"),
    ("Zentrix Labs removed thousands of scam ads this year.\n\nSome advertisers use innocent-looking images to evade "
     "detection, the company said.", "Zentrix Labs", "Some advertisers use innocent-looking images"),
])  # fmt: skip
def test_the_claimant_is_who_speaks(text: str, claimant: str, statement: str) -> None:
    found = claims_of(extract(text))
    assert any(c[0] == claimant and statement in c[1] for c in found), found


def test_the_company_is_no_regulator() -> None:
    """"The company said …" after a regulator's complaint about a company the typing reads as a person: no company
    the article introduces speaks, and the regulator does not."""
    text = ("The Federal Trade Commission said Halvorsen used facial recognition in its stores without telling "
            "customers. The company said the technology had been part of a pilot program in a few stores.")
    found = claims_of(extract(text))
    assert not any(c[0] == "Federal Trade Commission" and "pilot program" in c[1] for c in found), found


@pytest.mark.parametrize("text", [
    # the one who only saw the messages is no source of what they say
    "Staff at Halden tore into the plan in 40 channels, according to messages seen by Trendwell News.",
    # "according to the memo, X told …": the memo is no role of X's
    "According to the memo, Ben Okafor told Ada Pike on Monday that he was leaving, and was fired on Wednesday.",
])  # fmt: skip
def test_no_source_from_a_relay_or_a_document(text: str) -> None:
    found = claims_of(extract(text))
    assert not any(c[0] in ("Trendwell News", "Ben Okafor") and ("channels" in c[1] or "fired" in c[1])
                   for c in found), found


def test_a_subject_set_off_without_figures_is_no_claim() -> None:
    """"That situation, it added, could form a loop": a subject set off by its speaker is taken only with figures
    (without them such a sentence is mostly a view)."""
    text = ("Zentrix Labs published a report on Monday. That situation, it added, could form a feedback loop in which "
            "the tools create better tools.")
    found = claims_of(extract(text))
    assert not any(c[1].startswith("That situation") for c in found), found
