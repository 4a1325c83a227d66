"""Funding rounds: each common news phrasing of a raise, on short sentences with invented names."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label, rels

from kg.model import Extraction
from loaders.extract import extract


def _rounds(ex: Extraction) -> list[tuple[str, float | None, str | None, float | None, set[str]]]:
    """(recipient, amount, currency, valuation, investors) of every funding round."""
    kl = key_label(ex)
    out = []
    for ev in ex.events:
        if ev.type != "FundingRound":
            continue
        rec = next(kl[p.entity] for p in ev.participants if p.role == "recipient")
        inv = {kl[p.entity] for p in ev.participants if p.role == "investor"}
        out.append((rec, ev.amount.value if ev.amount else None, ev.amount.currency if ev.amount else None,
                    ev.valuation.value if ev.valuation else None, inv))
    return out


def _has(ex: Extraction, org: str, amount: float | None, valuation: float | None = None,
         currency: str = "USD") -> tuple[str, float | None, str | None, float | None, set[str]]:
    """The round of ``org`` with that amount (and valuation); fails with the rounds found."""
    for r in _rounds(ex):
        if r[0] == org and (amount is None or (r[1] is not None and abs(r[1] - amount) <= 0.02 * amount)) \
                and (amount is None or r[2] == currency) \
                and (valuation is None or (r[3] is not None and abs(r[3] - valuation) <= 0.05 * valuation)):
            return r
    raise AssertionError(f"no round {org} {amount} {valuation} in {_rounds(ex)}")


def test_series_round_led_by_with_participation() -> None:
    text = ("Zentrix Labs raised $48 million in a Series B round led by Harbor Ventures, with participation "
            "from Brightwave Capital and Northpeak Partners.")
    ex = extract(text)
    r = _has(ex, "Zentrix Labs", 48e6)
    assert {"Harbor Ventures", "Brightwave Capital", "Northpeak Partners"} <= r[4]
    check_spans(text, ex)


@pytest.mark.parametrize(("text", "org", "amount", "valuation", "currency"), [
    ("Zentrix Labs has raised $1.2B from investors.", "Zentrix Labs", 1.2e9, None, "USD"),
    ("Kestrel Systems closed a €40 million funding round on Monday.", "Kestrel Systems", 40e6, None, "EUR"),
    ("Lumora Labs secured £18 million to expand into Europe.", "Lumora Labs", 18e6, None, "GBP"),
    ("Orvane Robotics announced a $90M Series A at a $600M valuation.", "Orvane Robotics", 90e6, 600e6, "USD"),
    ("Orvane Robotics raised a $2.5B round at a $31B valuation.", "Orvane Robotics", 2.5e9, 31e9, "USD"),
    ("Halvex Semiconductor raised 1.2 trillion won in new funding.", "Halvex Semiconductor", 1.2e12, None, "KRW"),
])
def test_amount_currency_and_valuation(text: str, org: str, amount: float, valuation: float | None,
                                       currency: str) -> None:
    _has(extract(text), org, amount, valuation, currency)


def test_investor_led_possessive_round() -> None:
    ex = extract("Harbor Ventures led Zentrix Labs' $75M round, its first outside investment.")
    r = _has(ex, "Zentrix Labs", 75e6)
    assert "Harbor Ventures" in r[4]


def test_valuation_in_the_next_sentence() -> None:
    text = ("Talvane Robotics said it had raised $220 million in a Series C round led by Northgate Ventures. "
            "The round values the four-year-old company at $1.8 billion.")
    _has(extract(text), "Talvane Robotics", 220e6, 1.8e9)


def test_valued_at_about() -> None:
    ex = extract("Zentrix Labs raised $300 million and is now valued at about $3 billion.")
    _has(ex, "Zentrix Labs", 300e6, 3e9)


def test_total_funding_counts_as_a_round() -> None:
    ex = extract("Zentrix Labs raised $40 million, bringing its total funding to $210 million.")
    _has(ex, "Zentrix Labs", 40e6)
    _has(ex, "Zentrix Labs", 210e6)


def test_investors_including_after_amount() -> None:
    ex = extract("Kestrel Devices raised $150 million last year from investors including Harbor Ventures, "
                 "Brightwave Capital and Northpeak Partners.")
    r = _has(ex, "Kestrel Devices", 150e6)
    assert {"Harbor Ventures", "Brightwave Capital", "Northpeak Partners"} <= r[4]


def test_investment_from_a_company() -> None:
    ex = extract("Lumora Labs received an investment of $1.3 billion from Microsoft last year.")
    r = _has(ex, "Lumora Labs", 1.3e9)
    assert "Microsoft" in r[4]


def test_investor_invested_in_recipient() -> None:
    ex = extract("Microsoft invested $10 billion in Lumora Labs in January.")
    r = _has(ex, "Lumora Labs", 10e9)
    assert "Microsoft" in r[4]


def test_which_raised_relative_clause() -> None:
    ex = extract("Investors are watching Zentrix Labs, which raised $60 million last year, closely.")
    _has(ex, "Zentrix Labs", 60e6)


@pytest.mark.parametrize("anaphor", ["The company", "The startup", "It", "The Dublin-based company"])
def test_anaphoric_recipient_is_the_article_subject(anaphor: str) -> None:
    text = ("Borvale Compute is building a data centre in Ireland. Borvale Compute rents servers to developers, "
            f"according to Harbor Ventures. {anaphor} raised €500 million in March from Harbor Ventures.")
    r = _has(extract(text), "Borvale Compute", 500e6, currency="EUR")
    assert "Harbor Ventures" in r[4]


def test_a_company_that_raised() -> None:
    text = ("Kestrel Devices sells a wristband. Reviewers disliked it, said Oona Brandt of Lumora Labs. "
            "The backlash is a blow for a company that raised $150 million last year.")
    _has(extract(text), "Kestrel Devices", 150e6)


def test_round_values_in_separate_sentence_with_the_deal() -> None:
    text = ("Quorvex had raised $400 million in a Series B round led by Harbor Ventures. "
            "The deal values Quorvex at $3.2 billion, according to a person familiar with the terms.")
    _has(extract(text), "Quorvex", 400e6, 3.2e9)


def test_prices_and_revenue_are_not_rounds() -> None:
    ex = extract("Zentrix Labs reported revenue of $40 million. The device costs $349.")
    assert not [r for r in _rounds(ex) if r[1]]


@pytest.mark.parametrize(("text", "org", "amount", "valuation", "currency", "investors"), [
    ("Zentrix Labs, a Paris-based startup, has raised €40m to build agents.", "Zentrix Labs", 40e6, None, "EUR",
     set()),
    ("Zentrix Labs raised $100 million last year. The funding, led by Harbor Ventures, values Zentrix Labs at "
     "$2 billion.", "Zentrix Labs", 100e6, 2e9, "USD", {"Harbor Ventures"}),
    ("Zentrix Labs announced Tuesday that it has closed a $25 million seed round.", "Zentrix Labs", 25e6, None, "USD",
     set()),
    ("Harbor Ventures led the $30 million round in Zentrix Labs.", "Zentrix Labs", 30e6, None, "USD",
     {"Harbor Ventures"}),
    ("SoftBank has agreed to invest $500 million in Zentrix Labs.", "Zentrix Labs", 500e6, None, "USD", {"SoftBank"}),
    ("The Paris-based Zentrix Labs raised €105 million ($113 million) in a round led by Harbor Ventures.",
     "Zentrix Labs", 113e6, None, "USD", {"Harbor Ventures"}),  # the USD figure the text gives
    ("In March, Zentrix Labs raised $50 million from Harbor Ventures.", "Zentrix Labs", 50e6, None, "USD",
     {"Harbor Ventures"}),
    ("Investors poured $6.6 billion into Zentrix Labs in October.", "Zentrix Labs", 6.6e9, None, "USD", set()),
    ("The round was led by Harbor Ventures and brings Zentrix Labs' total funding to $1.1 billion.", "Zentrix Labs",
     1.1e9, None, "USD", {"Harbor Ventures"}),
    ("Harbor Ventures and Northpeak Partners co-led a $20 million Series A in Zentrix Labs.", "Zentrix Labs", 20e6,
     None, "USD", {"Harbor Ventures", "Northpeak Partners"}),
    ("Zentrix Labs raised $40 million. Harbor Ventures led the round, and Northpeak Partners also participated.",
     "Zentrix Labs", 40e6, None, "USD", {"Harbor Ventures", "Northpeak Partners"}),
    ("Zentrix Labs raised KRW 1.2 trillion from Harbor Ventures.", "Zentrix Labs", 1.2e12, None, "KRW",
     {"Harbor Ventures"}),
])
def test_more_phrasings(text: str, org: str, amount: float, valuation: float | None, currency: str,
                        investors: set[str]) -> None:
    ex = extract(text)
    r = _has(ex, org, amount, valuation, currency)
    assert investors <= r[4]
    check_spans(text, ex)


def test_investors_stop_at_the_clause_end() -> None:
    ex = extract("The round was led by Harbor Ventures and brings Zentrix Labs' total funding to $1.1 billion.")
    assert all("Zentrix Labs" not in r[4] for r in _rounds(ex))


def test_investors_become_invested_in_relations() -> None:
    ex = extract("Lumora Labs received an investment of $1.3 billion from Microsoft last year.")
    assert ("Microsoft", "Lumora Labs") in rels(ex, "invested_in")


def test_earlier_round_in_a_the_round_sentence() -> None:
    text = ("Kestrel Systems today announced a €30 million Series B led by Harbor Ventures. The round brings total "
            "funding to €42 million, following a €12 million Series A in 2022 led by Northpeak Partners.")
    ex = extract(text)
    _has(ex, "Kestrel Systems", 30e6, currency="EUR")
    _has(ex, "Kestrel Systems", 12e6, currency="EUR")


def test_place_based_company_is_not_the_recipient() -> None:
    text = ("Zentrix Labs reported results on Monday. Zentrix Labs shares rose 4%. The Reno, Nevada-based company "
            "raised $200 million in May in a private placement.")
    ex = extract(text)
    _has(ex, "Zentrix Labs", 200e6)
    assert not any(r[0] == "Reno" for r in _rounds(ex))


def test_a_later_round_told_with_it_after_a_fronted_date() -> None:
    text = ("Zentrix Labs raised $73.6 million in January. In June it raised roughly $250 million at a $3 billion "
            "valuation in a round led by Orlan Capital.")
    rounds = [ev for ev in extract(text).events if ev.type == "FundingRound"]
    amounts = sorted(ev.amount.value for ev in rounds if ev.amount)
    assert amounts == [73.6e6, 250e6]
    later = next(ev for ev in rounds if ev.amount and ev.amount.value == 250e6)
    assert later.valuation is not None and later.valuation.value == 3e9


def test_the_subject_of_agreed_to_lead_is_an_investor() -> None:
    text = ("Zentrix Labs is restructuring. Orlan Capital agreed in March to lead a $40bn funding round valuing the "
            "company at $300bn.")
    (round_,) = [ev for ev in extract(text).events if ev.type == "FundingRound"]
    roles = {(p.role, key_label(extract(text))[p.entity]) for p in round_.participants}
    assert ("recipient", "Zentrix Labs") in roles and ("investor", "Orlan Capital") in roles
    assert round_.amount is not None and round_.amount.value == 40e9


@pytest.mark.parametrize(("text", "org", "amount", "valuation"), [
    ("Halvex Semiconductor raised HK$780 million (US$100 million) in its listing.", "Halvex Semiconductor", 100e6,
     None),
    ("Orvane Robotics secured £40m, or about $51m, in a round valuing it at £400m ($510m).", "Orvane Robotics",
     51e6, 510e6),
    ("Kestrel Systems raised ¥45 billion (about $305 million) from investors.", "Kestrel Systems", 305e6, None),
    ("Halvex Semiconductor raised HK$780 million, equivalent to US$100 million, from state funds.",
     "Halvex Semiconductor", 100e6, None),
])
def test_the_usd_figure_beside_another_currency_is_taken(text: str, org: str, amount: float,
                                                        valuation: float | None) -> None:
    _has(extract(text), org, amount, valuation, "USD")


@pytest.mark.parametrize(("text", "org", "amount"), [
    ("On June 17, Orvane Robotics announced a €600 million ($690 million) Series D round led by Harbor Ventures.",
     "Orvane Robotics", 690e6),
    ("Orvane Robotics unveiled a £40m ($51m) seed round.", "Orvane Robotics", 51e6),
])
def test_the_round_named_after_a_currency_twin_is_a_round(text: str, org: str, amount: float) -> None:
    _has(extract(text), org, amount, None, "USD")


@pytest.mark.parametrize(("text", "org", "amount", "valuation"), [
    ("The Ledger reported that Orvane Robotics is in talks to raise $2 billion at a valuation of $30 billion.",
     "Orvane Robotics", 2e9, 30e9),
    ("The Ledger said Orvane Robotics plans to raise $2 billion.", "Orvane Robotics", 2e9, None),
    ("Orvane Robotics has drawn $75 million from investors including Harbor Ventures.", "Orvane Robotics", 75e6, None),
    ("Orvane Robotics brought in $75 million in fresh capital from Harbor Ventures.", "Orvane Robotics", 75e6, None),
])
def test_a_raise_in_talks_or_drawn_from_investors(text: str, org: str, amount: float,
                                                  valuation: float | None) -> None:
    assert {r[0] for r in _rounds(extract(text))} == {org}
    _has(extract(text), org, amount, valuation)


@pytest.mark.parametrize(("text", "org", "investors"), [
    ("Backed by Harbor Ventures, Orvane Robotics raised $600 million.", "Orvane Robotics", {"Harbor Ventures"}),
    ("Backed by Harbor Ventures and Northpeak Partners, Orvane Robotics has raised $600 million in a Series B.",
     "Orvane Robotics", {"Harbor Ventures", "Northpeak Partners"}),
    ("Harbor Ventures, Orvane Robotics's biggest partner, joined the $600 million round.", "Orvane Robotics",
     {"Harbor Ventures"}),
    ("Harbor Ventures participated in a $600 million round for Orvane Robotics.", "Orvane Robotics",
     {"Harbor Ventures"}),
])
def test_the_recipient_is_not_a_backer_named_first(text: str, org: str, investors: set[str]) -> None:
    assert {r[0] for r in _rounds(extract(text))} == {org}
    assert investors <= _has(extract(text), org, 600e6)[4]


def test_the_town_state_based_company_is_the_article_s_company() -> None:
    text = ("Orvane Robotics makes cooling racks. Orvane Robotics shares rose 7%. The Reno, Nevada-based company, "
            "whose customers include Kestrel Systems and Harbor Cloud, raised $750 million in August in a placement "
            "led by Northpeak Partners.")
    assert ("Orvane Robotics", 750e6) in {(r[0], r[1]) for r in _rounds(extract(text))}


def test_an_investors_owner_is_not_the_recipient() -> None:
    text = "Orvane Robotics's value fell after Harbor Group's Harbor Fund 2 led a $639 million round in 2021."
    assert "Harbor Group" not in {r[0] for r in _rounds(extract(text))}


def test_a_second_raise_after_while_is_its_own_round() -> None:
    text = "Orvane Robotics raised $600 million while Kestrel Systems raised $200 million."
    assert {(r[0], r[1]) for r in _rounds(extract(text))} == {("Orvane Robotics", 600e6), ("Kestrel Systems", 200e6)}


def test_a_valuation_of_last_month_is_not_the_next_rounds() -> None:
    text = ("Backed by Harbor Ventures, Orvane Robotics was valued at 20 billion yuan ($2.7 billion) last September. "
            "It raised about $410 million in its latest funding round in December.")
    assert ("Orvane Robotics", 410e6, None) in {(r[0], r[1], r[3]) for r in _rounds(extract(text))}


@pytest.mark.parametrize("text", [
    "Orvane Robotics brought in $2 billion in revenue last year, the company said.",
    "Orvane Robotics brought in $2 billion from Kestrel Systems in licensing fees.",
    "Orvane Robotics drew $5 million from its cash reserves.",
])
def test_money_brought_in_or_drawn_otherwise_is_not_a_round(text: str) -> None:
    assert _rounds(extract(text)) == []


@pytest.mark.parametrize(("reporting", "org"), [
    ("The Ledger reported that the round values the company at $5 billion.", "Orvane Robotics"),
    ("The Ledger reported that the deal values it at $5 billion.", "Orvane Robotics"),
    ("Orvane Robotics announced it had raised $5 billion.", "Orvane Robotics"),
])
def test_an_outlet_reporting_on_the_round_is_not_its_recipient(reporting: str, org: str) -> None:
    text = f"Orvane Robotics announced a $600 million Series D round led by Harbor Ventures. {reporting}"
    got = {r[0] for r in _rounds(extract(text))}
    assert org in got and "The Ledger" not in got and "Ledger" not in got


@pytest.mark.parametrize(("text", "org", "rounds"), [
    ("Orvane Robotics raised $200 million at a $1.5 billion valuation, after raising $50 million at a $400 million "
     "valuation last year.", "Orvane Robotics", {(200e6, 1.5e9), (50e6, 400e6)}),
    ("The investment values Orvane Robotics at $2 billion, up from $1 billion in its previous round, when it raised "
     "$100 million.", "Orvane Robotics", {(None, 2e9), (100e6, 1e9)}),
    ("Orvane Robotics raised $50 million at a $400 million valuation in 2023, and then $200 million at $1.5 billion "
     "in 2024.", "Orvane Robotics", {(50e6, 400e6), (200e6, 1.5e9)}),
])
def test_two_rounds_of_one_sentence_keep_their_own_valuations(text: str, org: str,
                                                              rounds: set[tuple[float | None, float]]) -> None:
    got = {(r[1], r[3]) for r in _rounds(extract(text)) if r[0] == org}
    assert got == rounds


@pytest.mark.parametrize("text", [
    "Orvane Robotics closes at a record $207.15 after it raised its forecast.",
    "Orvane Robotics priced its shares at $34 a share in the funding round.",
])
def test_share_prices_are_not_rounds(text: str) -> None:
    assert _rounds(extract(text)) == []


def test_it_after_a_comparison_is_the_company_just_named() -> None:
    text = ("Orvane Robotics closed a $900 million round in June, led by Harbor Ventures. Zentrix Labs also raised "
            "money. That was four times the $2.5 billion valuation Orvane Robotics fetched in January. Analysts "
            "noted it. Kestrel Systems grew. That figure topped the valuation it reached in 2023, when it raised "
            "$105 million.")
    assert ("Kestrel Systems", 105e6) in {(r[0], r[1]) for r in _rounds(extract(text))}


@pytest.mark.parametrize(("text", "org", "investors", "not_investors"), [
    ("The Ledger reported that Orvane Robotics raised $500 million from Harbor Ventures.", "Orvane Robotics",
     {"Harbor Ventures"}, set()),
    ("Harbor Ventures and Northpeak Partners backed Orvane Robotics in a $300 million round.", "Orvane Robotics",
     {"Harbor Ventures"}, set()),
    ("Orvane Robotics is raising $500 million from investors including Harbor Ventures, The Ledger reported.",
     "Orvane Robotics", {"Harbor Ventures"}, {"The Ledger", "Ledger"}),
])
def test_the_recipient_is_the_party_that_raises(text: str, org: str, investors: set[str],
                                                not_investors: set[str]) -> None:
    r = _has(extract(text), org, None)
    assert investors <= r[4] and not r[4] & not_investors


def test_the_name_right_before_invested_is_the_investor_not_the_sentence_subject() -> None:
    text = "Orvane Robotics' valuation rose to $5 billion after Harbor Ventures invested $500 million in the company."
    r = _has(extract(text), "Orvane Robotics", 500e6, 5e9)
    assert r[4] == {"Harbor Ventures"}


@pytest.mark.parametrize(("text", "org", "amount", "valuation", "investor"), [
    ("Harbor Ventures has committed about $13bn to Orvane Robotics since 2019.", "Orvane Robotics", 13e9, None,
     "Harbor Ventures"),
    ("The deal is small by Harbor Ventures' standards; the fund has pledged $2 billion to Orvane Robotics.",
     "Orvane Robotics", 2e9, None, None),
    ("The $1 billion funding round, led by Harbor Ventures, values Orvane Robotics at $10 billion.",
     "Orvane Robotics", 1e9, 10e9, "Harbor Ventures"),
])
def test_the_party_money_is_committed_to_or_valued_is_the_recipient(text: str, org: str, amount: float,
                                                                   valuation: float | None,
                                                                   investor: str | None) -> None:
    r = _has(extract(text), org, amount, valuation)
    assert investor is None or investor in r[4]
    assert not any(x[0] == "Harbor Ventures" for x in _rounds(extract(text)))


def test_a_second_investor_of_the_same_startup_makes_a_second_round() -> None:
    text = ("Harbor Ventures agreed to invest up to $4 billion in Orvane Robotics, and Northpeak Partners committed "
            "up to $2 billion to the same startup a month later.")
    assert _has(extract(text), "Orvane Robotics", 4e9)[4] == {"Harbor Ventures"}
    assert _has(extract(text), "Orvane Robotics", 2e9)[4] == {"Northpeak Partners"}


@pytest.mark.parametrize(("text", "org", "amount", "investor"), [
    ("Harbor Ventures took part in a $6.6 billion round for Orvane Robotics.", "Orvane Robotics", 6.6e9, None),
    ("Orvane Robotics has received $8 billion from Harbor Ventures.", "Orvane Robotics", 8e9, "Harbor Ventures"),
])
def test_a_round_for_x_and_money_received_from_y(text: str, org: str, amount: float, investor: str | None) -> None:
    r = _has(extract(text), org, amount)
    assert investor is None or investor in r[4]


@pytest.mark.parametrize("text", [
    "Orvane Robotics received $8 million from the sale of its unit in Ohio last year.",
    "Orvane Robotics has received $2 million in fines since January.",
    "The company, which is backed by Harbor Ventures and Northpeak Partners, raised $1.3 billion.",
])
def test_no_round_for_a_sale_a_fine_or_an_investor(text: str) -> None:
    assert not [r for r in _rounds(extract(text)) if r[0] in {"Harbor Ventures", "Northpeak Partners"} or
                r[1] in {8e6, 2e6}]


def test_a_valuation_after_while_belongs_to_the_next_round() -> None:
    text = ("Nadia Haddad set up Quillbyte Labs, which is valued at about $10bn, while Oskar Lindgren raised $2bn for "
            "Orvane Robotics in April at a $32bn valuation.")
    _has(extract(text), "Orvane Robotics", 2e9, 32e9)


def test_the_valuation_stated_with_the_amount_wins_over_an_earlier_one() -> None:
    text = "Orvane Robotics, valued at $10 billion last year, is raising $1 billion at a $20 billion valuation."
    assert _has(extract(text), "Orvane Robotics", 1e9, 20e9)


def test_a_second_company_raising_after_and_is_its_own_round() -> None:
    text = "Orvane Robotics raised $100 million, and Zentrix Labs raised $50 million at a $400 million valuation."
    ex = extract(text)
    _has(ex, "Zentrix Labs", 50e6, 400e6)
    assert _has(ex, "Orvane Robotics", 100e6)[3] is None


@pytest.mark.parametrize("text", [
    "Shares of Orvane Robotics rose 5% to $950, valuing the company at $2.3 trillion.",
    "The stock of Orvane Robotics closed at $207.15, valuing it at $3 trillion.",
])
def test_a_share_price_move_makes_no_round(text: str) -> None:
    assert _rounds(extract(text)) == []


@pytest.mark.parametrize(("text", "org", "amount", "currency"), [
    ("Zentrix Labs raised HK$4.3 billion in its Hong Kong listing, or about US$560 million.", "Zentrix Labs", 560e6,
     "USD"),
    ("Zentrix Labs raised €600 million in new funding (about $640 million) this week.", "Zentrix Labs", 640e6, "USD"),
])
def test_the_usd_figure_written_a_few_words_after_another_currency(text: str, org: str, amount: float,
                                                                   currency: str) -> None:
    _has(extract(text), org, amount, None, currency)


@pytest.mark.parametrize("text", [
    "Quillbyte Labs shares rose 8% to $24.90 after Harbor Ventures said it invested $5 billion in Quillbyte Labs.",
    "Quillbyte Labs said on Monday its shares rose after Harbor Ventures said it would invest $5 billion in it.",
])
def test_the_organisation_saying_it_invested_is_the_investor(text: str) -> None:
    r = _has(extract(text), "Quillbyte Labs", 5e9)
    assert r[4] == {"Harbor Ventures"}, _rounds(extract(text))


@pytest.mark.parametrize("text", [
    "Zentrix Labs, last valued at $10 billion, is raising $2 billion.",
    "Zentrix Labs raised $2 billion, a year after it was valued at $10 billion.",
    "Zentrix Labs raised $2 billion on Monday. The company was valued at $10 billion in its previous round.",
])
def test_an_earlier_rounds_valuation_is_not_this_rounds(text: str) -> None:
    rounds = _rounds(extract(text))
    assert [r[3] for r in rounds if r[1] == 2e9] == [None], rounds


def test_a_sentence_listing_two_rounds_gives_each_its_valuation() -> None:
    ex = extract("Zentrix Labs raised $500 million in a Series C at a $2 billion valuation, and $1 billion in a "
                 "Series D at a $5 billion valuation.")
    _has(ex, "Zentrix Labs", 500e6, 2e9)
    _has(ex, "Zentrix Labs", 1e9, 5e9)


def test_the_startup_is_the_organisation_the_text_called_a_startup() -> None:
    text = ("Mira Whitcombe's AI startup Zentrix Labs is contending with a shake-up. Whitcombe, who served as "
            "Quillbyte's CTO, left to found Zentrix with Dana Brackett. Quillbyte declined to comment. Quillbyte "
            "later hired two of its staff. The startup quickly drew heavy investment, closing a $2 billion seed round "
            "led by Harbor Ventures.")
    _has(extract(text), "Zentrix Labs", 2e9)


@pytest.mark.parametrize(("text", "amount", "valuation"), [
    ("Harbor Ventures' $2 billion investment in Zentrix Labs was approved.", 2e9, None),
    ("Harbor Ventures poured $1 billion into Zentrix Labs last year.", 1e9, None),
    ("Harbor Ventures pumped another $500 million into Zentrix Labs, valuing it at $5 billion.", 5e8, 5e9),
    ("Zentrix Labs announced a $300 million Series C. Harbor Ventures led the round, which values the company at "
     "$3 billion.", 3e8, 3e9),
])
def test_the_investors_possessive_pour_into_and_a_series_letter_ending_a_sentence(
        text: str, amount: float, valuation: float | None) -> None:
    r = _has(extract(text), "Zentrix Labs", amount, valuation)
    assert r[4] <= {"Harbor Ventures"}, _rounds(extract(text))


def test_the_startup_after_a_sentence_naming_one_company_is_that_company() -> None:
    text = ("Brightmoor Capital is the largest shareholder of Velloway, which it backed in 2021. Few companies "
            "capture the mood better than Quillara Labs.\n\nThe startup, founded in May by Dana Whitcombe, "
            "Velloway's former chief scientist, raised $2 billion in a seed round led by Harbor Ventures. "
            "Velloway said little. Velloway declined to comment. Velloway has no stake.")
    _has(extract(text), "Quillara Labs", 2e9)


@pytest.mark.parametrize(("valuation_sentence", "valuation"), [
    ("The round valued the company at $10 billion before the investment, or about $12 billion including the new "
     "money.", 12e9),
    ("The round valued the company at $12 billion, or about twice its value a year ago.", 12e9),
])
def test_the_round_valued_the_company_is_the_round_just_reported(valuation_sentence: str, valuation: float) -> None:
    text = ("Velloway, a rival, raised $40 million last year. Quillara Labs raised $2 billion in a seed round "
            "led by Harbor Ventures. " + valuation_sentence)
    _has(extract(text), "Quillara Labs", 2e9, valuation)


def test_a_funding_history_names_one_round_per_series() -> None:
    ex = extract("Lexvane, a legal AI startup, has raised $300 million. "
                 "Lexvane went from a $5 million seed round in November 2022 to a $21 million Series A in April 2023 "
                 "and an $80 million Series B in December 2023 at a valuation of $715 million.")
    _has(ex, "Lexvane", 5e6)
    _has(ex, "Lexvane", 21e6)
    _has(ex, "Lexvane", 80e6, 715e6)
    # the valuation stated with the last round is not the seed round's
    assert not any(r[1] == 5e6 and r[3] for r in _rounds(ex)), _rounds(ex)


@pytest.mark.parametrize("text", [
    "Harbor Ventures and Northpeak Partners backed the $48 million round that Zentrix Labs closed on Wednesday.",
    "The $48 million round, which Zentrix Labs announced on Wednesday, was led by Harbor Ventures.",
])
def test_the_round_that_an_organisation_closed_is_its_own(text: str) -> None:
    ex = extract(text)
    check_spans(text, ex)
    assert _has(ex, "Zentrix Labs", 48e6)[4] <= {"Harbor Ventures", "Northpeak Partners"}


def test_the_source_of_a_report_is_not_the_company_that_raised() -> None:
    # the source is the story's most named company: "the company" is still the one the sentence before was about
    text = ("Harbor Ventures flags robotics startups\n\nHarbor Ventures published a report on Monday. "
            "Harbor Ventures tracks robotics firms in Asia. Zentrix Labs, which was spun out of Northwood University "
            "in 2019, is one of them. According to Harbor Ventures, the company has received more than $48 million "
            "in state-backed investment.")
    ex = extract(text)
    check_spans(text, ex)
    assert _has(ex, "Zentrix Labs", 48e6)
    assert all(r[0] != "Harbor Ventures" for r in _rounds(ex))


def test_a_round_inside_a_running_total_is_a_round() -> None:
    text = ("Orvane Robotics makes tractors. Orvane Robotics raised at least $220 million, including $133 million in "
            "July 2024 from investors including Harbor Ventures.")
    ex = extract(text)
    assert "Harbor Ventures" in _has(ex, "Orvane Robotics", 133e6)[4]
    _has(ex, "Orvane Robotics", 220e6)


def test_a_part_of_a_payment_is_no_round() -> None:
    text = "Orvane Robotics has paid close to $7 billion in settlements, including a $5 billion penalty."
    assert _rounds(extract(text)) == []


@pytest.mark.parametrize("text", [
    # "It" opening sentence after sentence: the name they all refer to, not the backer named in between
    "Velloway is the main rival. Zentrix Labs is no fringe player. It was founded by two engineers; Harbor Ventures "
    "was an early investor. It has since raised $300 million from investors including Northpeak Partners.",
    # a time before "it" without a comma: the subject of the sentence before, not the article's most named company
    "Velloway suspended the project. Velloway said it would review it. Velloway had warned about it. Zentrix Labs "
    "has long had deep-pocketed backers. In May 2023 it raised $300 million in a round led by Northpeak Partners.",
])
def test_it_is_the_company_the_sentences_before_make_their_subject(text: str) -> None:
    ex = extract(text)
    _has(ex, "Zentrix Labs", 300e6)
    assert all(r[0] == "Zentrix Labs" for r in _rounds(ex)), _rounds(ex)


@pytest.mark.parametrize("text", [
    "Harbor Ventures agreed to buy $335 million worth of Zentrix Labs shares, a stake of more than 5%.",
    "Harbor Ventures took a 49% stake in Zentrix Labs for $335 million.",
    "Zentrix Labs received $335.5 million from Harbor Ventures for a 49% stake.",
])
def test_a_stake_bought_in_a_company_is_its_round(text: str) -> None:
    ex = extract(text)
    _has(ex, "Zentrix Labs", 335e6)
    assert all(r[0] == "Zentrix Labs" for r in _rounds(ex)), _rounds(ex)


def test_a_stake_sold_or_a_purchase_is_no_round() -> None:
    assert _rounds(extract("Harbor Ventures sold its stake in Zentrix Labs for $335 million.")) == []
    assert _rounds(extract("Harbor Ventures agreed to buy Zentrix Labs for $335 million.")) == []


@pytest.mark.parametrize(("text", "amount"), [
    ("Harbor Ventures is a Zentrix Labs investor, having committed $2 billion as part of a $5 billion equity "
     "round.", 5e9),
    ("Harbor Ventures, an early investor in Zentrix Labs, committed $2 billion of the $5 billion round.", 5e9),
])
def test_an_investors_share_of_a_round_and_the_company_it_backs(text: str, amount: float) -> None:
    ex = extract(text)
    _has(ex, "Zentrix Labs", amount)
    assert all(r[0] == "Zentrix Labs" and r[1] == amount for r in _rounds(ex)), _rounds(ex)


def test_a_backer_that_raises_itself_keeps_its_round() -> None:
    _has(extract("Harbor Ventures, a Zentrix Labs investor, raised $15 billion in a bridge loan."), "Harbor Ventures",
         15e9)


@pytest.mark.parametrize(("text", "valuations"), [
    ("A Harbor Research note said a loss would hurt Zentrix Labs more than Velloway, noting that the two companies had "
     "raised $10 million and $125 million, respectively.", False),
    ("Zentrix Labs and Velloway are valued at $10 million and $125 million respectively.", True),
])
def test_a_list_of_figures_ending_in_respectively_gives_each_name_its_own(text: str, valuations: bool) -> None:
    rounds = [(r[0], r[3] if valuations else r[1]) for r in _rounds(extract(text))]
    assert rounds == [("Zentrix Labs", 10e6), ("Velloway", 125e6)]


@pytest.mark.parametrize("text", [
    # a backer's money that goes into no company the text names: no round, and never the backer's own
    "Velloway will likely spend $105 billion on data centres, Harbor Ventures expects to invest about $80 billion to "
    "build out infrastructure, and Northpeak Partners predicts spending $60 billion.",
    "Harbor Ventures is putting in $12.5 million over five years, Velloway is contributing $8 million in funding and "
    "$2 million in technical resources.",
])
def test_money_a_backer_gives_to_no_named_company_is_no_round(text: str) -> None:
    assert _rounds(extract(text)) == []


@pytest.mark.parametrize("text", [
    "Zentrix Labs announced a $50 million investment by Harbor Ventures.",
    "A $50 million investment by Harbor Ventures in Zentrix Labs was approved.",
    "Harbor Ventures is contributing $50 million to Zentrix Labs.",
    "Zentrix Labs makes robots. Harbor Ventures invested $50 million in the company last year.",
])
def test_the_one_who_invests_is_the_investor(text: str) -> None:
    r = _has(extract(text), "Zentrix Labs", 50e6)
    assert r[4] == {"Harbor Ventures"}, r


@pytest.mark.parametrize("text", [
    "Zentrix Labs raised $900 million in January at a $9.9 billion valuation and $105 million in June 2024 at "
    "$2.5 billion.",
    "Zentrix Labs raised $900 million, valuing it at $9.9 billion, after a $105 million round at $2.5 billion in "
    "January.",
])
def test_a_later_round_after_a_time_or_after_a_keeps_its_valuation(text: str) -> None:
    ex = extract(text)
    _has(ex, "Zentrix Labs", 900e6, 9.9e9)
    _has(ex, "Zentrix Labs", 105e6, 2.5e9)


@pytest.mark.parametrize("text", [
    "Zentrix Labs raised its full-year revenue forecast to $4.6 billion from $4.3 billion.",
    "Zentrix Labs missed forecasts while raising its annual capital spending target by $15bn.",
    "Zentrix Labs shares have lost a quarter of their value since a record close, wiping out roughly $900 billion in "
    "market value.",
])
def test_a_forecast_raised_or_market_value_lost_is_no_round(text: str) -> None:
    assert _rounds(extract(text)) == []


def test_the_backers_of_a_sentences_first_round_do_not_raise_its_second() -> None:
    text = ("Zentrix Labs makes robots. Its value was $4.6 billion after Harbor Group's Harbor Fund 2 led a $639 "
            "million round in 2021, and then $6.7 billion a year later.")
    assert all(r[0] not in {"Harbor Group", "Harbor Fund 2"} for r in _rounds(extract(text))), _rounds(extract(text))


@pytest.mark.parametrize(("text", "amount", "valuation"), [
    ("Harbor Ventures backed Zentrix Labs with $1 billion in 2019.", 1e9, None),
    ("The round, worth €600 million ($690 million), values Zentrix Labs at €12 billion ($13.8 billion).", 690e6,
     13.8e9),
])
def test_a_backer_backing_with_a_sum_and_a_round_worth_a_sum(text: str, amount: float, valuation: float | None) -> None:
    _has(extract(text), "Zentrix Labs", amount, valuation)


@pytest.mark.parametrize("text", [
    "Zentrix Labs raised €600m (£510m; $690m) in its latest round.",
    "Zentrix Labs raised €600m (£510m/$690m) in its latest round.",
])
def test_the_usd_figure_of_one_sum_in_three_currencies(text: str) -> None:
    assert [r[1:3] for r in _rounds(extract(text))] == [(690e6, "USD")]


@pytest.mark.parametrize("text", [
    "Harbor Group set up a legal entity called Zentrix Labs, which sold $27.3 billion in bonds to investors.",
    "Zentrix Labs sold $27.3 billion of notes to investors on Tuesday.",
])
def test_bonds_or_shares_a_company_sells_are_its_raise(text: str) -> None:
    _has(extract(text), "Zentrix Labs", 27.3e9)


def test_shares_an_investor_sells_are_no_raise() -> None:
    assert _rounds(extract("Harbor Ventures sold $200 million of its Zentrix Labs shares.")) == []


def test_a_round_a_year_ago_is_its_own_with_its_valuation() -> None:
    ex = extract("Zentrix Labs raised $500 million at a $6 billion valuation. A year ago it raised $100 million at "
                 "$1 billion.")
    _has(ex, "Zentrix Labs", 500e6, 6e9)
    _has(ex, "Zentrix Labs", 100e6, 1e9)

