"""Criticisms on real-news wordings: descriptions of the critic or target ("the Quillo maker", "Ireland's data
watchdog", "the veto"), legal documents that speak for their plaintiffs, plain denials, platforms as media."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from loaders.extract import extract
from loaders.extract.sentiment import is_negative


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "the X maker" is the organisation that makes X, not X
    ("Zentrix Labs launched the Quillo chatbot in May. Author Ada Pike accused the Quillo maker of copying her "
     "novels.", ("Ada Pike", "Zentrix Labs"), ("Ada Pike", "Quillo")),
    # "accusing them of": the parties the critic just named
    ("Author Ada Pike sued Zentrix Labs and its chief executive Tomas Quill, accusing them of fraud.",
     ("Ada Pike", "Tomas Quill"), None),
    # a frame that names an act ("the veto") is aimed at who did it
    ("Governor Ada Pike vetoed the privacy bill on Sunday. Senator Tomas Quill called the veto \"a setback for "
     "every family in the state.\"", ("Tomas Quill", "Ada Pike"), None),
    # a social platform after "on" is where the criticism was voiced
    ("Columnist Ada Pike called out Zentrix Labs on Bluesky.", ("Ada Pike", "Zentrix Labs"), ("Ada Pike", "Bluesky")),
    # ", where X …": a subordinate clause with a subject of its own
    ("Zentrix Labs faces similar scrutiny in Brazil, where the Corbel Institute won an antitrust case against the "
     "company in August.", ("Corbel Institute", "Zentrix Labs"), ("Zentrix Labs", "Corbel Institute")),
])
def test_descriptions_and_media(text: str, expected: tuple[str, str], absent: tuple[str, str] | None) -> None:
    ex = extract(text)
    got = pairs(ex)
    assert expected in got
    if absent is not None:
        assert absent not in got
    check_spans(text, ex)


@pytest.mark.parametrize(("text", "expected"), [
    ("Zentrix Labs faces scrutiny in Europe. Ireland's data watchdog has launched an inquiry into Zentrix Labs. "
     "The Data Protection Commission declined to comment further.", ("Data Protection Commission", "Zentrix Labs")),
    ("The Competition Authority fined Harbor Media last year. On Monday, the authority opened an investigation "
     "into Zentrix Labs.", ("Competition Authority", "Zentrix Labs")),
])
def test_described_regulator_is_the_named_one(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(extract(text))


def test_class_action_speaks_for_its_plaintiff_not_the_defendant() -> None:
    text = ("Zentrix Labs was hit with a class action accusing the company of misleading investors. The suit was "
            "filed on Friday in federal court by the pension fund Harbor Capital.")
    got = pairs(extract(text))
    assert ("Harbor Capital", "Zentrix Labs") in got
    assert not any(critic == "Zentrix Labs" for critic, _ in got)


@pytest.mark.parametrize(("quote", "negative"), [
    ("Quillo is a flop,", True),  # a short quote that is a whole sentence is attributed
    ("Quillo is great,", False),
])
def test_short_whole_sentence_quote(quote: str, negative: bool) -> None:
    text = f"Zentrix Labs released the Quillo app in May. \u201c{quote}\u201d Ada Pike wrote."
    got = pairs(extract(text))
    assert any(c == "Ada Pike" for c, _ in got) is negative


@pytest.mark.parametrize("lead", [
    "The settlement would resolve a class action brought last year by authors",
    "The lawsuit was filed by",
])
def test_listed_plaintiffs_all_act_against_the_defendant(lead: str) -> None:
    text = (f"Zentrix Labs trained its models on pirated books. {lead} Sarah Pike, John Quill and the novelist "
            "Maria Lindqvist.")
    got = pairs(extract(text))
    for name in ("Sarah Pike", "John Quill", "Maria Lindqvist"):
        assert (name, "Zentrix Labs") in got


def test_the_union_as_subject_is_the_named_union() -> None:
    text = ("The Harbor Dockworkers Union represents 4,000 staff at Zentrix Labs. On Monday, the union accused "
            "Zentrix Labs of hiding its automation plans.")
    assert ("Harbor Dockworkers Union", "Zentrix Labs") in pairs(extract(text))


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_curly_apostrophes_match_listed_phrases(apostrophe: str) -> None:
    assert is_negative(f"It just doesn{apostrophe}t work.")


@pytest.mark.parametrize(("text", "wrong_critic"), [
    ("In Ohio, the parents of 16-year-old Sarah Pike are suing Zentrix Labs over her death.", "Sarah Pike"),
    ("Zentrix Labs shareholders have filed lawsuits accusing Harbor Media of fraud.", "Zentrix Labs"),
    ("One widely shared Reddit post accused Zentrix Labs of quietly raising prices.", "Reddit"),
])
def test_a_name_that_qualifies_the_subject_is_not_the_critic(text: str, wrong_critic: str) -> None:
    assert not any(critic == wrong_critic for critic, _ in pairs(extract(text)))


@pytest.mark.parametrize(("quote", "critical"), [
    ("Zentrix Labs is reckless and its chatbot is dangerous.", True),
    ("No chatbot is perfect, and Zentrix Labs is not reckless.", False),  # negated judgement words
    ("This is just idiotic of me, I am really embarrassed about Zentrix Labs.", False),  # self-criticism
])
def test_negated_and_self_critical_quotes(quote: str, critical: bool) -> None:
    text = f"\u201c{quote}\u201d said Tomas Quill, a chief executive."
    assert (("Tomas Quill", "Zentrix Labs") in pairs(extract(text))) is critical


def test_a_listed_subject_closed_by_a_group_all_criticise() -> None:
    text = ("In May, Sarah Pike, John Quill and 14 other authors, in a suit organised by the Harbor Writers Guild, "
            "accused Zentrix Labs of theft.")
    got = pairs(extract(text))
    assert {("Sarah Pike", "Zentrix Labs"), ("John Quill", "Zentrix Labs")} <= got


def test_the_plaintiffs_as_object_are_the_ones_who_sued() -> None:
    text = ("Authors Sarah Pike and John Quill sued Zentrix Labs in 2023. On Wednesday, Judge Maria Lindqvist "
            "faulted the plaintiffs for failing to present evidence.")
    got = pairs(extract(text))
    assert ("Maria Lindqvist", "Sarah Pike") in got
    assert ("Maria Lindqvist", "Zentrix Labs") not in got


@pytest.mark.parametrize(("after", "speaker"), [
    ("the decision states.", "Maria Lindqvist"),  # a ruling speaks for its judge
    ("the complaint says.", "Sarah Pike"),  # a complaint for its plaintiff
])
def test_a_document_after_a_quote_speaks_for_its_author(after: str, speaker: str) -> None:
    text = ("Author Sarah Pike sued Zentrix Labs in 2023. Judge Maria Lindqvist ruled on Monday. "
            f"\u201cHarbor Media and Zentrix Labs made reckless and misleading claims,\u201d {after}")
    got = pairs(extract(text))
    assert ("Harbor Media", "Zentrix Labs") not in got  # a name inside the quote does not speak it
    assert any(critic == speaker for critic, _ in got)


@pytest.mark.parametrize(("text", "pair", "found"), [
    ("Harbor Media said the ban would cost Zentrix Labs $1 billion.", ("Harbor Media", "Zentrix Labs"), False),
    ("Regulator Harbor Media will ban Zentrix Labs from the market.", ("Harbor Media", "Zentrix Labs"), True),
    ("Opposition came from Harbor Media, which voiced concerns that the bill might stifle innovation, and from "
     "the industry group Zentrix Labs.", ("Harbor Media", "Zentrix Labs"), False),
])
def test_noun_uses_and_listed_objectors(text: str, pair: tuple[str, str], found: bool) -> None:
    assert (pair in pairs(extract(text))) is found


@pytest.mark.parametrize(("text", "pair", "found"), [
    ("Harbor Media warned that Zentrix Labs could flood the market with cheap copies.",
     ("Harbor Media", "Zentrix Labs"), True),
    ("Harbor Media warned that prices could rise for customers of Zentrix Labs.",
     ("Harbor Media", "Zentrix Labs"), False),  # the warning's clause is not about the company
    ("Zentrix Labs warned that it could miss its targets.", ("Zentrix Labs", "Zentrix Labs"), False),
    # a time between the verb and its content, and an example or an owner past the clause's subject
    ("Harbor Media warned last year that if chipmakers such as Zentrix Labs redesigned their chips, it would act.",
     ("Harbor Media", "Zentrix Labs"), True),
    ("Harbor Media has warned that the whole sector depends heavily on Zentrix Labs's software.",
     ("Harbor Media", "Zentrix Labs"), True),
])
def test_a_warning_judges_what_its_clause_names(text: str, pair: tuple[str, str], found: bool) -> None:
    assert (pair in pairs(extract(text))) is found


def test_a_possessive_owner_before_what_is_criticised_is_not_the_target() -> None:
    text = "Regulator Harbor Media launched an inquiry into Elon Musk's social media company Zentrix Labs."
    got = pairs(extract(text))
    assert ("Harbor Media", "Zentrix Labs") in got
    assert ("Harbor Media", "Elon Musk") not in got


@pytest.mark.parametrize(("text", "pair", "found"), [
    ("The Competition Authority opened an inquiry this summer into whether Zentrix Labs hid its prices.",
     ("Competition Authority", "Zentrix Labs"), True),
    ("The Competition Authority is preparing to charge Zentrix Labs with abusing its dominance.",
     ("Competition Authority", "Zentrix Labs"), True),
    ("The Competition Authority ordered Zentrix Labs to stop processing the data.",
     ("Competition Authority", "Zentrix Labs"), True),
    ("The Competition Authority ordered Zentrix Labs chips for its own servers.",
     ("Competition Authority", "Zentrix Labs"), False),  # an order placed, not an order against
])
def test_authority_actions(text: str, pair: tuple[str, str], found: bool) -> None:
    assert (pair in pairs(extract(text))) is found


@pytest.mark.parametrize("tail", ["he said in an interview with Harbor Media.", "he told Harbor Media.",
                                  "he wrote on Harbor Media."])
def test_the_outlet_a_quote_was_given_to_does_not_speak_it(tail: str) -> None:
    text = f"Analyst John Quill was blunt. \u201cZentrix Labs has been reckless with its customers,\u201d {tail}"
    got = pairs(extract(text))
    assert ("John Quill", "Zentrix Labs") in got
    assert ("Harbor Media", "Zentrix Labs") not in got


def test_mockery_from_people_on_a_platform_has_no_named_critic() -> None:
    got = pairs(extract("Zentrix Labs drew mockery from people on Reddit after the demo."))
    assert not any(critic == "Reddit" for critic, _ in got)


def test_the_plaintiffs_are_led_by_the_named_ones() -> None:
    text = ("Publishers have filed suit against Zentrix Labs. The plaintiffs are led by Harbor Media, which owns "
            "newsrooms in several states.")
    assert ("Harbor Media", "Zentrix Labs") in pairs(extract(text))


def test_a_group_with_its_members_named_sues_through_each_member() -> None:
    text = ("The authors \u2014 who include Sarah Pike, John Quill and Maria Lindqvist \u2014 sued Zentrix Labs "
            "in 2023, claiming it had trained its model on pirated copies of their books.")
    got = pairs(extract(text))
    for name in ("Sarah Pike", "John Quill", "Maria Lindqvist"):
        assert (name, "Zentrix Labs") in got


@pytest.mark.parametrize(("text", "pair"), [
    ("Harbor Media and the Quill Gazette have previously made similar allegations against Zentrix Labs.",
     ("Harbor Media", "Zentrix Labs")),
    ("Last week, Harbor Media sent a cease and desist notice to Zentrix Labs.", ("Harbor Media", "Zentrix Labs")),
    ("Zentrix Labs raised prices in May. Senator John Quill was among those critical of Zentrix Labs.",
     ("John Quill", "Zentrix Labs")),
])
def test_allegations_notices_and_stances(text: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(text))


@pytest.mark.parametrize(("text", "pair", "found"), [
    ("Senator John Quill protested Zentrix Labs's decision to raise prices.", ("John Quill", "Zentrix Labs"), True),
    ("Senator John Quill objected to the merger of Zentrix Labs and Harbor Media.", ("John Quill", "Zentrix Labs"),
     True),
    ("The Republican chair of the Senate committee on Harbor Media has protested Zentrix Labs's decision.",
     ("Harbor Media", "Zentrix Labs"), False),  # a person described by a role speaks, not the body named
    ("Author Sarah Pike sued the Quillo maker. Zentrix Labs makes the Quillo app.", ("Sarah Pike", "Quillo"), False),
])
def test_protest_objection_and_roles(text: str, pair: tuple[str, str], found: bool) -> None:
    assert (pair in pairs(extract(text))) is found


def test_a_quoted_letter_addressing_you_targets_its_addressee() -> None:
    text = ("Senator John Quill wrote to Commerce Secretary Sarah Pike about the export rules.\n\n"
            "\u201cWe urge you to stop ignoring the warnings of Harbor Media and your own experts before it is too "
            "late,\u201d Quill wrote.")
    got = pairs(extract(text))
    assert ("John Quill", "Sarah Pike") in got
    assert ("John Quill", "Harbor Media") not in got


def test_two_speakers_after_a_quote_both_criticise() -> None:
    text = "\u201cZentrix Labs has been reckless with our data,\u201d Senator John Quill and Senator Sarah Pike wrote."
    got = pairs(extract(text))
    assert {("John Quill", "Zentrix Labs"), ("Sarah Pike", "Zentrix Labs")} <= got


@pytest.mark.parametrize(("text", "wrong_critic"), [
    ("Zentrix Labs accused of polluting Harbor Media's neighbourhood.", "Zentrix Labs"),  # a headline passive
    ("A group of authors have sued Zentrix Labs, alleging that the start-up copied the Quillo books of Harbor Media.",
     "Zentrix Labs"),  # the participle's subject is the one who sued, not the object
])
def test_passive_and_participle_critics(text: str, wrong_critic: str) -> None:
    assert not any(critic == wrong_critic for critic, _ in pairs(extract(text)))


def test_a_participle_takes_the_main_critic() -> None:
    text = "Harbor Media sued Zentrix Labs on Monday, accusing the company of copying its articles."
    assert ("Harbor Media", "Zentrix Labs") in pairs(extract(text))


def test_the_regulator_issuing_orders_to_listed_companies() -> None:
    text = ("The Competition Authority has launched an inquiry into chatbot makers. The regulator issued orders on "
            "Thursday to Zentrix Labs, Harbor Media and Quill Systems, asking how they protect children.")
    got = pairs(extract(text))
    for company in ("Zentrix Labs", "Harbor Media", "Quill Systems"):
        assert ("Competition Authority", company) in got


def test_the_outlet_that_reports_an_action_is_not_its_author() -> None:
    text = ("The Justice Department is investigating Zentrix Labs. Harbor Media reported in September that the "
            "department had sent subpoenas to Zentrix Labs and other companies.")
    got = pairs(extract(text))
    assert ("Department of Justice", "Zentrix Labs") in got  # the entity stage's canonical name
    assert ("Harbor Media", "Zentrix Labs") not in got


@pytest.mark.parametrize(("content", "found"), [
    ("the ad was \u201cso fake\u201d", True),  # a definite description of the company's output
    ("the weather was \u201cso fake\u201d", False),  # not a thing the company makes or does
])
def test_reported_judgement_of_a_described_thing(content: str, found: bool) -> None:
    text = (f"Zentrix Labs released a holiday campaign made with AI. Zentrix Labs defended it. Marketing expert "
            f"Sarah Pike said {content}.")
    assert (("Sarah Pike", "Zentrix Labs") in pairs(extract(text))) is found


@pytest.mark.parametrize("yardstick", ["relative to what Harbor Media or Quill Systems spend",
                                       "compared with Harbor Media"])
def test_a_comparison_yardstick_is_not_the_target(yardstick: str) -> None:
    text = f"\u201cZentrix Labs looks hopeless and reckless {yardstick},\u201d Senator John Quill wrote."
    got = pairs(extract(text))
    assert ("John Quill", "Zentrix Labs") in got
    assert ("John Quill", "Harbor Media") not in got and ("John Quill", "Quill Systems") not in got


def test_a_question_to_you_goes_on_with_the_criticism_just_made() -> None:
    text = ("Editor Sarah Pike called out Harbor Media on Bluesky. \u201cWhy the hell are you using Quill Systems "
            "to make up book titles?\u201d she wrote.")
    got = pairs(extract(text))
    assert ("Sarah Pike", "Harbor Media") in got
    assert ("Sarah Pike", "Quill Systems") not in got


@pytest.mark.parametrize("text", [
    "Zentrix Labs paused its plans in June after the Harbor Data Commission raised concerns over the processing.",
    "Zentrix Labs paused its plans in June when the Harbor Data Commission raised concerns over the processing.",
])
def test_the_subject_of_a_subordinate_clause_is_its_critic(text: str) -> None:
    got = pairs(extract(text))
    assert ("Harbor Data Commission", "Zentrix Labs") in got
    assert ("Zentrix Labs", "Harbor Data Commission") not in got


@pytest.mark.parametrize(("text", "pair", "found"), [
    ('Oona Brandt said: "We have filed an unfair labor practice charge with the Harbor Labor Board against '
     'Zentrix Labs."', ("Oona Brandt", "Zentrix Labs"), True),
    ('Oona Brandt said: "We have filed an unfair labor practice charge with the Harbor Labor Board against '
     'Zentrix Labs."', ("Oona Brandt", "Harbor Labor Board"), False),  # filed with it, not against it
    ("The Harbor Data Commission has ordered Zentrix Labs to preserve all documents about its chatbot.",
     ("Harbor Data Commission", "Zentrix Labs"), True),
    ('The Harbor Data Commission said it had summoned Zentrix Labs to explain "backdoor security risks" in its chips.',
     ("Harbor Data Commission", "Zentrix Labs"), True),
])
def test_actions_filed_with_a_body_and_orders_to_preserve(text: str, pair: tuple[str, str], found: bool) -> None:
    assert (pair in pairs(extract(text))) is found


@pytest.mark.parametrize("text", [
    "Zentrix Labs and Veltrix researchers decry the reckless culture at Harbor AI.",
    "Safety researchers from Zentrix Labs, Veltrix and other labs are criticizing the way Harbor AI handles safety.",
])
def test_researchers_of_an_organisation_are_not_the_organisation(text: str) -> None:
    critics = {c for c, _ in pairs(extract(text))}
    assert not critics & {"Zentrix Labs", "Veltrix"}


def test_the_subject_after_and_speaks_and_called_the_content_judges_the_subject_at_hand() -> None:
    text = ("Zentrix Labs let its chatbot Quill undress people in photos this week. The Harbor Data Commission said it "
            "had made urgent contact with Zentrix Labs, and technology minister Oona Brandt called the content "
            '"absolutely appalling."')
    got = pairs(extract(text))
    assert got & {("Oona Brandt", "Zentrix Labs"), ("Oona Brandt", "Quill")}
    assert not any(c == "Harbor Data Commission" and t in {"Quill"} for c, t in got)


def test_that_after_and_is_no_subject() -> None:
    # ", and that U.S. experts had revealed …": a second clause of what the regulator said
    text = ("The Harbor Data Commission said lawmakers had called for tracking features, and that Veltrix experts had "
            "revealed that Zentrix Labs chips were a disgraceful security risk.")
    critics = {c for c, _ in pairs(extract(text))}
    assert "Veltrix" not in critics


@pytest.mark.parametrize(("text", "absent"), [
    # the outlet a statement was given to is where it was said, not whom it judges
    ("The Daily Ledger launched an AI podcast feature last week. Staff flagged errors. The Harbor Guild, which "
     "represents newsroom employees, said in a statement to NPR: \"We are concerned about this new product and its "
     "rollout.\"", ("Harbor Guild", "NPR")),
    # the person depicted is the harmed, not the target
    ("Fake images of Mara Quill that spread last week have drawn condemnation from the Harbor Guild.",
     ("Harbor Guild", "Mara Quill")),
    # a platform before a singular group noun names no critic
    ("When one X user suggested his response was hypocritical, Tomas Quill doubled down.", ("X", "Tomas Quill")),
    # the outlet citing unnamed sources only reports what they say
    ("Less than two days after the launch, according to four sources cited by the Daily Ledger, people inside "
     "Zentrix Labs had flagged multiple serious mistakes.", ("Daily Ledger", "Zentrix Labs")),
])
def test_no_party_from_where_or_to_whom_it_was_said(text: str, absent: tuple[str, str]) -> None:
    ex = extract(text)
    assert absent not in pairs(ex)
    check_spans(text, ex)


def test_the_agency_of_a_dateline_is_no_target() -> None:
    text = ("CARACAS, Venezuela (AFP) - A presenter on a channel called Harbor News looks into the camera and asks "
            "a question.")
    assert not [t for _, t in pairs(extract(text)) if t in ("AFP", "Agence France-Presse")]
