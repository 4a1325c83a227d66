"""Criticisms from legal acts (loaders.extract.criticism_legal): complaints filed against a party, every plaintiff of
a list, plaintiffs joined or described, notices of intent to sue; a court or the reporting outlet is never the
critic."""

from __future__ import annotations

import pytest
from legal_helpers import labels_of, rule_pairs


@pytest.mark.parametrize(("text", "critic", "target", "rule"), [
    ("The Harbor Writers Guild filed an unfair labor practice charge with the National Labor Relations Board on "
     "Monday against Veltrix Studios.", "Harbor Writers Guild", "Veltrix Studios", "legal_filed_against"),
    ("Korvan Media sued Veltrix Labs in March. A second complaint was filed in federal court on Friday against "
     "Quillon Systems.", "Korvan Media", "Quillon Systems", "legal_filed_against"),
    ("The dispute follows Korvan Media's long-running lawsuit against Veltrix Labs over its training data.",
     "Korvan Media", "Veltrix Labs", "legal_plaintiff_list"),
    ("Korvan Media's complaint accuses Veltrix Labs of copying millions of articles.", "Korvan Media",
     "Veltrix Labs", "legal_plaintiff_list"),
    ("Veltrix Labs had a difficult quarter. The company is already fending off lawsuits from writers and from "
     "Korvan Media over its training data.", "Korvan Media", "Veltrix Labs", "legal_plaintiff_list"),
    ("The Delta Water Fund formally notified Quillon Systems that it intends to sue under the Clean Water Act.",
     "Delta Water Fund", "Quillon Systems", "legal_intent_to_sue"),
    ("Tomas Lind left Veltrix Labs in June. In September he filed a whistleblower complaint with the Securities "
     "and Exchange Commission, alleging that Veltrix Labs misled investors.", "Tomas Lind", "Veltrix Labs",
     "legal_filed_alleging"),
    ("Korvan Media took Veltrix Labs to court in March.", "Korvan Media", "Veltrix Labs", "legal_filed_against"),
    ("Korvan Media joined a lawsuit against Veltrix Labs last year.", "Korvan Media", "Veltrix Labs",
     "legal_filed_against"),
    ("Korvan Media slapped Veltrix Labs with a copyright lawsuit on Monday.", "Korvan Media", "Veltrix Labs",
     "legal_filed_against"),
    ("Korvan Media is seeking damages from Veltrix Labs for copyright infringement.", "Korvan Media",
     "Veltrix Labs", "legal_filed_against"),
    ("Korvan Media won a $10 million judgment against Veltrix Labs.", "Korvan Media", "Veltrix Labs",
     "legal_filed_against"),
    ("Dana Whitlock, who co-founded Veltrix Labs and is suing it for breach of contract, declined to comment.",
     "Dana Whitlock", "Veltrix Labs", "legal_sued_it"),
    ("Korvan Media sued in 2020, accusing Veltrix Labs of copying its headnotes.", "Korvan Media", "Veltrix Labs",
     "legal_filed_alleging"),
    ("Veltrix Labs raised money in May. Dana Whitlock's lawsuit against the company and its chief executive is due "
     "in court in March.", "Dana Whitlock", "Veltrix Labs", "legal_plaintiff_list"),
    ("Harbor Media sued Veltrix Labs in May. Korvan Media filed a separate lawsuit in the Tokyo District Court on "
     "Tuesday.", "Korvan Media", "Veltrix Labs", "legal_filed_in_court"),
    ("Harbor Media chief content officer Maria Pike later called it “cynical theft,” and the company sent Veltrix "
     "Labs a letter threatening legal action.", "Harbor Media", "Veltrix Labs", "legal_filed_against"),
])
def test_legal_act_gives_its_party_as_critic(text: str, critic: str, target: str, rule: str) -> None:
    assert (critic, target, rule) in rule_pairs(text)


def test_every_name_of_a_listed_subject_sues() -> None:
    got = labels_of("Harbor Media Group and Korvan Publishing Inc. together sued Veltrix Labs on Tuesday.")
    assert {("Harbor Media Group", "Veltrix Labs"), ("Korvan Publishing Inc", "Veltrix Labs")} <= got


def test_the_party_acted_for_sues_too() -> None:
    got = labels_of("The Delta Water Fund, acting on behalf of the Riverside Tenants Union, said on Monday it "
                    "intends to sue Quillon Systems.")
    assert ("Riverside Tenants Union", "Quillon Systems") in got


def test_a_filed_complaint_without_a_known_party_adds_nothing() -> None:
    got = rule_pairs("A complaint was filed on Friday against Veltrix Labs.")
    assert not any(rule == "legal_filed_against" for _, _, rule in got)


def test_plaintiffs_joined_later_sue_the_same_defendants() -> None:
    # the list opens with an initial and a surname ("M. Brandt", one person), which the main finder does not read
    got = labels_of("Korvan Media sued Veltrix Labs and Quillon Systems in March. The plaintiffs reasserted their "
                    "claims on Wednesday, now joined by artists M. Brandt, Petra Quist and Tomas Lind.")
    assert {("M. Brandt", "Veltrix Labs"), ("Petra Quist", "Quillon Systems"), ("Tomas Lind", "Veltrix Labs")} <= got


def test_joined_by_without_a_suit_is_no_criticism() -> None:
    got = rule_pairs("Korvan Media sued Veltrix Labs in March. At the launch on Friday the founders were joined by "
                     "Grzegorz Rutkowski and Adam Ellis.")
    assert not any(rule == "legal_joined_plaintiffs" for _, _, rule in got)


def test_a_dateline_agency_is_not_what_was_sued() -> None:
    got = labels_of("BOSTON (Reuters) - Veltrix Labs published emails showing that Dana Whitlock backed its plans "
                    "years before she sued it.")
    assert ("Dana Whitlock", "Veltrix Labs") in got
    assert ("Dana Whitlock", "Reuters") not in got


def test_the_couple_are_the_two_people_named_together_before() -> None:
    text = ("A judge let claims by Dana Whitlock and Tomas Lind go ahead. Veltrix Labs had asked for the case to be "
            "dismissed. Veltrix Labs declined to comment. The couple, who live in Boston, filed a proposed class "
            "action in 2024.")
    got = rule_pairs(text)
    assert {("Dana Whitlock", "Veltrix Labs", "legal_described_plaintiffs"),
            ("Tomas Lind", "Veltrix Labs", "legal_described_plaintiffs")} <= got


def test_the_couple_needs_exactly_two_names() -> None:
    text = ("Dana Whitlock, Tomas Lind and Petra Quist met Veltrix Labs. The couple filed a complaint in March.")
    assert not any(rule == "legal_described_plaintiffs" for _, _, rule in rule_pairs(text))


def test_a_name_the_finder_missed_does_not_end_the_list() -> None:
    # "Meilin Zhou" is not read as a name: the list goes on past it
    got = labels_of("Korvan Media sued Veltrix Labs in March. The plaintiffs restated their claims, now joined by "
                    "authors Petra Quist, Meilin Zhou, Tomas Lind and Adam Ellis.")
    assert {("Petra Quist", "Veltrix Labs"), ("Adam Ellis", "Veltrix Labs")} <= got


@pytest.mark.parametrize("text", [
    "The storm hit Veltrix Labs with heavy losses in March.",
    "Korvan Media is seeking partners from Veltrix Labs for its new venture.",
])
def test_no_legal_act_in_ordinary_wording(text: str) -> None:
    assert not any(rule.startswith("legal") for _, _, rule in rule_pairs(text))


def test_an_award_won_is_no_legal_remedy() -> None:
    got = rule_pairs("Korvan Media won an award from the Harbor Press Club for its reporting on Veltrix Labs.")
    assert not any(rule.startswith("legal") for _, _, rule in got)


def test_every_filer_together_with_others_sues_the_party_the_filing_names() -> None:
    # "together with" joins the filers; a last filer the mention finder did not read ends the list at its comma
    got = rule_pairs("The charges, filed on Monday by the Harbor Writers Guild together with Korvan Media, Quillon "
                     "Systems and the Guild of Ohio, name both the employer, Veltrix Labs, and its vendor.")
    assert {("Harbor Writers Guild", "Veltrix Labs", "legal_filed_by"),
            ("Korvan Media", "Veltrix Labs", "legal_filed_by"),
            ("Quillon Systems", "Veltrix Labs", "legal_filed_by")} <= got


def test_the_party_that_lodged_the_complaint_told_before_sues_its_defendant() -> None:
    got = rule_pairs("A coalition of news publishers has filed a formal complaint with the European Commission "
                     "against Veltrix Labs, alleging that it copies their articles. The Harbor Writers Guild, which "
                     "says it represents 900 papers, lodged the complaint on Tuesday.")
    assert ("Harbor Writers Guild", "Veltrix Labs", "legal_filed_against") in got


def test_a_charge_filed_against_a_party_is_by_whoever_filed_a_charge_before() -> None:
    got = rule_pairs("Korvan Media has filed an unfair labor practice charge over the new contracts. The charge was "
                     "filed with the National Labor Relations Board on Monday against Quillon Systems.")
    assert ("Korvan Media", "Quillon Systems", "legal_filed_against") in got


def test_filing_the_complaint_without_a_suit_told_before_adds_nothing() -> None:
    got = rule_pairs("The Harbor Writers Guild lodged the complaint on Tuesday.")
    assert not any(rule.startswith("legal") for _, _, rule in got)


def test_the_party_sued_is_no_plaintiff() -> None:
    got = rule_pairs("Korvan Media was sued in 2020, accusing Veltrix Labs of fraud.")
    assert not any(rule == "legal_filed_alleging" for _, _, rule in got)


@pytest.mark.parametrize("text", [
    "Korvan Media filed a complaint with the Federal Trade Commission against Veltrix Labs on Monday.",
    "A complaint filed with the Federal Trade Commission by Korvan Media accuses Veltrix Labs of fraud.",
    "Korvan Media filed a complaint with the Federal Trade Commission, alleging that Veltrix Labs misled buyers.",
])
def test_the_agency_a_complaint_is_filed_with_is_neither_party(text: str) -> None:
    got = labels_of(text)
    assert ("Korvan Media", "Veltrix Labs") in got
    assert not any("Federal Trade Commission" in pair for pair in got)


@pytest.mark.parametrize("party", ["Harbor Media", "Corbel Press"])
def test_lead_plaintiffs_listed_past_relative_clauses(party: str) -> None:
    text = ("Fourteen publishers sued Zentrix Labs on Thursday. The plaintiffs are led by Harbor Media, which owns "
            "daily newsrooms in several states, and Corbel Press, which includes the magazines Vogue and Wired.")
    got = labels_of(text)
    assert (party, "Zentrix Labs") in got
    assert ("Vogue", "Zentrix Labs") not in got  # what a party owns is no party


def test_a_suit_filed_in_court_against_a_named_party_is_not_read_as_unnamed() -> None:
    got = rule_pairs("Korvan Media filed a lawsuit in federal court on Monday against Veltrix Labs.")
    assert ("Korvan Media", "Veltrix Labs", "legal_filed_against") in got
    assert not any(rule == "legal_filed_in_court" for _, _, rule in got)


def test_a_friendly_letter_is_no_legal_threat() -> None:
    assert not rule_pairs("Harbor Media sent Veltrix Labs a letter thanking it for the deal.")
