"""Criticism roles that precision depends on: "the company" is a business, a joined verb keeps its subject, the
critic's co-listed allies criticise with it and are never its target, a court a suit is filed in does not speak."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from loaders.extract import extract

_COMPANY = ("Zentrix Labs launched the Quillo app for children in May. The Children's Safety Coalition sued Zentrix "
            "Labs in June. The coalition said the app was addictive. ")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "the company" refers to a business, not the campaign group named more recently
    (_COMPANY + "Senator Ada Pike lambasted the company in a letter on Thursday.",
     ("Ada Pike", "Zentrix Labs"), ("Ada Pike", "Children's Safety Coalition")),
    # nor to the institute a critic works at
    ("Zentrix Labs released its Quillo model on Monday. Tomas Quill, a researcher at the Corbel Institute for AI, "
     "went further. He accused Zentrix of cherry-picking results and mocked the company's launch chart.",
     ("Tomas Quill", "Zentrix Labs"), ("Zentrix Labs", "Corbel Institute for AI")),
])
def test_the_company_is_a_business(text: str, expected: tuple[str, str], absent: tuple[str, str]) -> None:
    ex = extract(text)
    got = pairs(ex)
    assert expected in got
    assert absent not in got
    check_spans(text, ex)


def test_joined_verb_keeps_the_first_verbs_subject() -> None:
    text = ("Senator Ada Pike spoke at Harbor Analytics on Monday. She accused Zentrix Labs of lying and mocked the "
            "company's chart.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix Labs") in got
    assert not any(critic == "Zentrix Labs" for critic, _ in got)


@pytest.mark.parametrize("joined", [" and mocked", ", and mocked", " and later mocked"])
def test_joined_verb_variants(joined: str) -> None:
    text = f"Senator Ada Pike accused Zentrix Labs of lying{joined} the company's chart."
    assert {c for c, _ in pairs(extract(text))} == {"Ada Pike"}


def test_listed_allies_criticise_together_and_are_not_the_target() -> None:
    text = ("Zentrix Labs makes the Quillo chatbot. The app faces pressure in the United States, where three groups, "
            "the Harbor Alliance, Corbel and the Youth Law Project, have filed a complaint with the Federal Trade "
            "Commission accusing the company of deceptive marketing.")
    got = pairs(extract(text))
    for critic in ("Harbor Alliance", "Corbel", "Youth Law Project"):
        assert (critic, "Zentrix Labs") in got
    assert not any(target in {"Harbor Alliance", "Corbel", "Youth Law Project"} for _, target in got)


def test_court_a_suit_is_filed_in_is_not_the_critic() -> None:
    text = ("In the complaint, filed on Tuesday in the US District Court for the Northern District of California, "
            "Zentrix Labs argued that Corbel's tool amounts to computer fraud.")
    got = pairs(extract(text))
    assert not any("Court" in critic for critic, _ in got)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a fronted "In a post on X, formerly Twitter," is no subject
    ("Zentrix Labs recalled its robotaxis on Monday. In a post on X, formerly Twitter, Supervisor Ada Pike accused "
     "Zentrix Labs of hiding video evidence.", ("Ada Pike", "Zentrix Labs"), ("Twitter", "Zentrix Labs")),
    # the participle after a quote's attribution belongs to its speaker, not to a name inside the quote
    ("Zentrix Labs chief executive Tomas Quill denied the claims on Tuesday. Writing in Harbor Weekly, columnist Ada "
     "Pike argued that the copying was \"exactly what these tools do.\" \"But what made it worse is Quill's "
     "response,\" she wrote, faulting the executive for calling the complaint false.",
     ("Ada Pike", "Tomas Quill"), ("Tomas Quill", "Zentrix Labs")),
    # "alleged that the four conspired to export Nvidia chips": the clause's subject is accused, not a name in it
    ("The Department of Justice alleged that the four men conspired to export advanced Nvidia chips to China.",
     None, ("Department of Justice", "Nvidia")),
    # "accused the UK of …": a country the resolver does not know is not replaced by the story's company
    ("Zentrix Labs faces a ban in Britain. Senator Ada Pike accused the UK of \"contemplating a Russia-style "
     "Zentrix ban\".", None, ("Ada Pike", "Zentrix Labs")),
])
def test_subject_and_object_by_structure(text: str, expected: tuple[str, str] | None, absent: tuple[str, str]) -> None:
    ex = extract(text)
    got = pairs(ex)
    if expected is not None:
        assert expected in got
    assert absent not in got
    check_spans(text, ex)




@pytest.mark.parametrize(("text", "role", "name"), [
    # "…, as some investors complained": an unnamed subordinate subject speaks, not the main clause's company
    ("Zentrix Labs shares closed down 2%, as some investors complained that the keynote was short on details about "
     "Corbel's role.", 0, "Zentrix Labs"),
    # "accused the company of …, and Corbel filed …": after "of" comes the charge, not another target
    ("Zentrix Labs sells the Quillo suite. Senator Ada Pike has accused the company of anti-competitive behaviour in "
     "the past, and Corbel filed a complaint with the European Commission.", 1, "Corbel"),
])
def test_unnamed_subordinate_subject_and_charge(text: str, role: int, name: str) -> None:
    assert all(pair[role] != name for pair in pairs(extract(text)))


def test_unnamed_subordinate_keeps_a_named_group() -> None:
    got = pairs(extract("Zentrix Labs paused the rollout after regulators criticised the app."))
    assert ("regulators", "Zentrix Labs") in got


def test_gerund_after_a_preposition_is_not_the_subjects_verb() -> None:
    text = ("Senator Ada Pike has called Zentrix Labs reckless. Researcher Tomas Quill wrote in a blog post that "
            "arguments for dismissing Zentrix Labs \"don't hold up\".")
    assert ("Tomas Quill", "Zentrix Labs") not in pairs(extract(text))


@pytest.mark.parametrize(("frame", "subject"), [
    ("On Bluesky, Threads and Mastodon, ", "longtime users"),
    ("On Bluesky and Mastodon, ", "many subscribers"),
])
def test_fronted_places_do_not_speak_for_an_unnamed_subject(frame: str, subject: str) -> None:
    text = f"Zentrix Labs raised prices in May. {frame}{subject} accused Zentrix Labs of greed."
    assert not any(critic in ("Bluesky", "Threads", "Mastodon") for critic, _ in pairs(extract(text)))


def test_named_subject_after_apposition_still_speaks() -> None:
    text = "Harbor Alliance, a consumer group, has accused Zentrix Labs of greed."
    assert ("Harbor Alliance", "Zentrix Labs") in pairs(extract(text))


def test_quote_end_does_not_make_its_speaker_an_officer() -> None:
    text = ("Zentrix Labs launched the Quillo model on Monday. Columnist Ada Pike was unimpressed. \"There is "
            "something misleading about Zentrix Labs' announcement,\" Pike wrote.")
    assert ("Ada Pike", "Zentrix Labs") in pairs(extract(text))


@pytest.mark.parametrize(("exit_words", "criticised"), [
    ("went public with his reasons for quitting", True),
    ("said he resigned last week", True),
    ("went public with his views", False),  # still on the company's side: his employer is no target
])
def test_who_left_the_company_may_criticise_it(exit_words: str, criticised: bool) -> None:
    text = (f"Tomas Quill, one of Zentrix Labs' senior researchers, {exit_words}. \"Zentrix Labs has failed its "
            "users and misled regulators,\" Quill wrote.")
    assert (("Tomas Quill", "Zentrix Labs") in pairs(extract(text))) is criticised


def test_its_product_noun_is_the_owner_not_the_product_most_named() -> None:
    text = ("Corbel makes the Quillo chatbot. Quillo is popular with teenagers, and Quillo is free. Other parents "
            "described similar experiences with rival developer Zentrix Labs. Senator Ada Pike said its chatbot "
            "exposed her son to sexual exploitation and emotional abuse.")
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix Labs") in got
    assert ("Ada Pike", "Quillo") not in got


@pytest.mark.parametrize("court", ["Tokyo District Court", "the Superior Court of Delaware"])
def test_the_court_a_claim_is_filed_in_is_no_target(court: str) -> None:
    text = (f"Harbor Media accused Zentrix Labs of copying its articles without permission. Harbor Media said it "
            f"filed the claim on August 7 in {court}, seeking damages and an injunction to stop the unfair copying.")
    got = pairs(extract(text))
    assert ("Harbor Media", "Zentrix Labs") in got
    assert not any(target.endswith(court.removeprefix("the ")) for _, target in got)


@pytest.mark.parametrize(("rebuttal", "expected"), [
    # "X rejected Y's criticism": Y criticised X; a plain rejection judges nobody
    ("Zentrix Labs rejected Senator Ada Pike's criticism.", {("Ada Pike", "Zentrix Labs")}),
    ("Zentrix Labs rejected criticism from Senator Ada Pike.", {("Ada Pike", "Zentrix Labs")}),
    ("Zentrix Labs disputed the allegations made by Harbor Media.", {("Harbor Media", "Zentrix Labs")}),
    # a rejection that judges the critic is a criticism of the critic too
    ("Zentrix Labs rejected Senator Ada Pike's claims as absurd.",
     {("Ada Pike", "Zentrix Labs"), ("Zentrix Labs", "Ada Pike")}),
])
def test_rebuttal_names_the_critic_of_the_rebutter(rebuttal: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(extract("Zentrix Labs released the Quillo model on Monday. " + rebuttal)) == expected


def test_a_judge_dismissing_claims_is_no_rebuttal() -> None:
    text = "U.S. District Judge Ada Pike dismissed claims by Tomas Quill against Zentrix Labs, calling them baseless."
    assert ("Tomas Quill", "Ada Pike") not in pairs(extract(text))


@pytest.mark.parametrize(("sentence", "criticised"), [
    ("If Senator Ada Pike criticised Zentrix Labs, the shares would fall.", False),
    ("Reporters asked whether Senator Ada Pike would sue Zentrix Labs.", False),
    ("Senator Ada Pike criticised Zentrix Labs, even if she praised the model.", True),
])
def test_a_condition_or_open_question_criticises_nobody(sentence: str, criticised: bool) -> None:
    got = pairs(extract("Zentrix Labs released the Quillo model on Monday. " + sentence))
    assert (("Ada Pike", "Zentrix Labs") in got) is criticised


@pytest.mark.parametrize(("text", "named"), [
    ('"The Harbor Authority made the right call in banning the Quillo app," Senator Ada Pike wrote on Monday.',
     "Harbor Authority"),
    ('"Unless Zentrix Labs backs away, we will lodge a dispute with the Corbel Commission," Tomas Quill said.',
     "Zentrix Labs"),
])
def test_a_verb_inside_a_direct_quote_makes_no_name_in_it_the_critic(text: str, named: str) -> None:
    """The quote's speaker judges: a criticism verb inside the quote does not make its subject there a critic."""
    ex = extract(text)
    assert not any(critic == named for critic, _ in pairs(ex))
    check_spans(text, ex)


def test_a_verb_outside_the_quote_keeps_its_subject() -> None:
    text = 'Senator Ada Pike criticised Zentrix Labs on Monday, calling its chatbot "a menace to children."'
    assert ("Ada Pike", "Zentrix Labs") in pairs(extract(text))
