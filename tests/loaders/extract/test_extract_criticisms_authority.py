"""Criticisms from an authority's measures (loaders.extract.criticism_authority): suspensions, blocks, summonses,
orders, warnings, reviews, proceedings, passive fines and probes; a company or a court doing the same is no
authority."""

from __future__ import annotations

import pytest
from legal_helpers import labels_of, rule_pairs


@pytest.mark.parametrize(("text", "critic", "target", "rule"), [
    # the finder's own rules read "ordered Y to", "summoned Y", "a formal notice" first: no second pair is added
    ("The European Commission has ordered Veltrix Labs to preserve internal documents through 2027.",
     "European Commission", "Veltrix Labs", "regulator_action"),
    ("On Friday, the Federal Trade Commission said it had summoned Quillon Systems to explain its pricing.",
     "Federal Trade Commission", "Quillon Systems", "regulator_action"),
    ("Veltrix Labs opened an office in Seoul. The Ministry of Science has placed the company under scrutiny over "
     "its data practices.", "Ministry of Science", "Veltrix Labs", "authority_measure"),
    ("The Competition Bureau is also reviewing Veltrix Labs' $300 million purchase of a chip designer.",
     "Competition Bureau", "Veltrix Labs", "authority_measure"),
    ("Britain's media regulator, Ofcom, said it had made urgent contact with Veltrix Labs to assess whether it had "
     "breached its duties.", "Ofcom", "Veltrix Labs", "authority_measure"),
    ("The European Commission opened formal proceedings against Veltrix Labs on Monday.", "European Commission",
     "Veltrix Labs", "legal_filed_against"),
    ("The European Commission sent a statement of objections to Veltrix Labs.", "European Commission",
     "Veltrix Labs", "authority_measure"),
    ("The Justice Department charged Tomas Quill with smuggling chips to Veltrix Labs.", "Department of Justice",
     "Tomas Quill", "authority_measure"),
    ("Last week the Justice Department announced charges against Tomas Quill.", "Department of Justice",
     "Tomas Quill", "authority_measure"),
    ("Veltrix Telecom agreed in August to pay a $1 million civil penalty under a consent decree with the FCC.",
     "Federal Communications Commission", "Veltrix Telecom", "authority_measure"),
    ("Tomas Quill was indicted by the Justice Department in May.", "Department of Justice", "Tomas Quill",
     "authority_passive"),
    ("In April, the Commerce Department told Veltrix Labs it would need a licence to sell the chip abroad.",
     "Commerce Department", "Veltrix Labs", "authority_measure"),
    ("The Ministry of Science sent Veltrix Labs a formal notice demanding urgent changes to its app.",
     "Ministry of Science", "Veltrix Labs", "warned_off"),
    ("The Ministry of Science told Veltrix Labs to stop selling the device.", "Ministry of Science", "Veltrix Labs",
     "authority_measure"),
    ("Veltrix Labs is facing an investigation by the Federal Trade Commission over its pricing.",
     "Federal Trade Commission", "Veltrix Labs", "authority_passive"),
    ("An inquiry by the Competition Bureau into Veltrix Labs began in May.", "Competition Bureau", "Veltrix Labs",
     "authority_passive"),
    ("Veltrix Labs was fined €500 million by the European Commission on Tuesday.", "European Commission",
     "Veltrix Labs", "authority_passive"),
    # sanctions: a penalty against a party after its role, a restriction list, a prosecution, a charge
    ("The Federal Communications Commission finalized the penalty against political consultant Dana Whitlock on "
     "Thursday.", "Federal Communications Commission", "Dana Whitlock", "authority_sanction"),
    ("The Commerce Department on Wednesday added Veltrix Labs and two of its subsidiaries to its Entity List.",
     "Commerce Department", "Veltrix Labs", "authority_sanction"),
    ("The Defense Department named Veltrix Labs to its list of companies tied to the military.",
     "Defense Department", "Veltrix Labs", "authority_sanction"),
    ("The Justice Department is prosecuting Dana Whitlock.", "Department of Justice", "Dana Whitlock",
     "authority_sanction"),
    # an investigation told by its verb
    ("In 2020 the Federal Trade Commission investigated Veltrix Labs over its handling of encryption keys.",
     "Federal Trade Commission", "Veltrix Labs", "authority_measure"),
])
def test_authority_measure_gives_the_authority_as_critic(text: str, critic: str, target: str, rule: str) -> None:
    assert (critic, target, rule) in rule_pairs(text)


def test_authority_description_resolves_to_the_named_regulator() -> None:
    text = ("The Personal Data Protection Commission reviewed the app for weeks. Norway's data protection "
            "authority said on Monday it had suspended new downloads of the Chinese chatbot app Nimbo.")
    assert ("Personal Data Protection Commission", "Nimbo") in labels_of(text)


@pytest.mark.parametrize("text", [
    # a company blocking, ordering or investigating is commerce, not an authority's measure
    "Quillon Systems blocked access to Veltrix Labs' tools last week.",
    "Veltrix Labs was blocked by Quillon Systems from its app store.",
    "Veltrix Labs faces an investigation by the Daily Ledger into its pricing.",
    # a requirement told by a company, or by an investor whose name holds "Authority"
    "Korvan Media told Veltrix Labs it would need more time.",
    "The Gulf Investment Authority told Veltrix Labs it would have to cut costs.",
    "Quillon Systems ordered Veltrix Labs to deliver 4,000 chips by June.",
    # a court is never the critic of a legal act
    "The Court of Appeals ordered Veltrix Labs to preserve its chat logs.",
    # the outlet reporting a suit does not sue
    "The Daily Ledger reported that a complaint was filed against Veltrix Labs.",
])
def test_no_measure_without_an_authority(text: str) -> None:
    found = {(c, t) for c, t, rule in rule_pairs(text) if rule.startswith(("authority", "legal"))}
    assert not found


def test_orders_sent_to_a_list_are_the_authority_s() -> None:
    text = ("The Federal Trade Commission on Thursday asked five companies about their deals. The orders, issued "
            "under the agency's usual powers, went to Veltrix Labs, Quillon Systems and Korvan Media.")
    got = rule_pairs(text)
    assert {("Federal Trade Commission", "Veltrix Labs", "authority_measure"),
            ("Federal Trade Commission", "Korvan Media", "authority_measure")} <= got


@pytest.mark.parametrize("text", [
    "The Federal Trade Commission opened a review in May. The agency said it had summoned Veltrix Labs to explain "
    "its pricing.",
    "The Federal Trade Commission opened a review in May. The agency has ordered Veltrix Labs to preserve its "
    "records.",
])
def test_the_agency_is_the_authority_named_before(text: str) -> None:
    assert ("Federal Trade Commission", "Veltrix Labs", "authority_measure") in rule_pairs(text)


def test_a_described_authority_needs_one_named_before() -> None:
    got = rule_pairs("Veltrix Labs opened a lab in May. The agency said it had summoned Veltrix Labs.")
    assert not any(rule.startswith("authority") for _, _, rule in got)


@pytest.mark.parametrize(("text", "critic", "target"), [
    ("Korvan Media has since terminated Dana Whitlock's account.", "Korvan Media", "Dana Whitlock"),
    ("Quillon Systems cut ties with Veltrix Labs in May.", "Quillon Systems", "Veltrix Labs"),
    # "the firm": the organisation named before it in the sentence
    ("Veltrix Labs is a small chip broker; Quillon Systems ended its business relationship with the firm after an "
     "audit.", "Quillon Systems", "Veltrix Labs"),
])
def test_a_company_cutting_a_party_off_criticises_it(text: str, critic: str, target: str) -> None:
    assert (critic, target, "commercial_sanction") in rule_pairs(text)


@pytest.mark.parametrize("text", [
    # no sanction: a company adding a partner to a list of customers, an account of one's own, a law named
    "Quillon Systems added Veltrix Labs to its list of approved suppliers.",
    "Korvan Media terminated its own account with Veltrix Labs.",
    "The Federal Communications Commission said the calls broke the Fair Calling Act, and imposed no penalty.",
    # a company is no authority: its penalty or its investigation is commerce
    "Quillon Systems opened an investigation into Veltrix Labs' billing.",
    # the words before a law's name are no party ("Truth" of the Truth in Caller ID Act)
    "The Federal Communications Commission finalized the penalty against Truth in Caller ID Act violators on Monday.",
])
def test_no_sanction_without_its_frame(text: str) -> None:
    assert not any(rule.endswith("sanction") for _, _, rule in rule_pairs(text))


DEAL = ("Zentrix Labs' relationship with Harbor Media has drawn scrutiny. {} is looking at the partnership under "
        "merger rules.")


@pytest.mark.parametrize("party", ["Zentrix Labs", "Harbor Media"])
def test_an_authority_reviewing_a_deal_told_before_judges_both_parties(party: str) -> None:
    assert ("Competition Bureau", party, "authority_deal_review") in rule_pairs(DEAL.format("The Competition Bureau"))


def test_a_company_looking_at_a_deal_is_no_review() -> None:
    assert not any(rule == "authority_deal_review" for _, _, rule in rule_pairs(DEAL.format("Corbel Capital")))


@pytest.mark.parametrize("text", [
    "Veltrix Labs agreed to pay a licence fee to Harbor Media.",
    "Veltrix Labs agreed to pay a $2 million penalty to Harbor Media under their contract.",
])
def test_a_payment_to_a_company_is_no_authority_measure(text: str) -> None:
    assert not rule_pairs(text)


@pytest.mark.parametrize("described", ["several AI firms, including", "a number of chatbot makers such as"])
def test_an_inquiry_into_a_described_group_is_one_into_its_members(described: str) -> None:
    got = labels_of(f"The Federal Trade Commission opened an inquiry into {described} Veltrix Labs, Korvan Media and "
                    "Zentrix Labs over harms to children.")
    assert {("Federal Trade Commission", p) for p in ("Veltrix Labs", "Korvan Media", "Zentrix Labs")} <= got


def test_a_measure_an_authority_is_urged_to_take_is_not_its_own() -> None:
    text = "Privacy groups urge the FTC to block Veltrix Labs from mining chatbot conversations for ads."
    assert not [p for p in rule_pairs(text) if p[2].startswith("authority")]


def test_an_authority_investigating_whether_a_party_broke_a_law_criticises_it() -> None:
    text = "The Ministry of Science is investigating whether Veltrix Labs broke the privacy law."
    assert ("Ministry of Science", "Veltrix Labs") in labels_of(text)
