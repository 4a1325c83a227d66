"""Who raises where the nearest name is not the raiser (loaders/extract/funding_parties.py), on invented names."""

from __future__ import annotations

import pytest
from real_news_cases import check_rounds, rounds

from loaders.extract import extract


@pytest.mark.parametrize(("text", "org", "amount", "currency", "valuation"), [
    # the startup the money is for, not the founder's former employer
    ("Dana Holt, the founder of Kestrel Systems, has raised $40 million led by Harbor Ventures for her new startup, "
     "Quill Labs.", "Quill Labs", 40e6, "USD", None),
    # an apposition naming the founder's former employer
    ("Orvane Robotics, co-founded by former Kestrel Systems engineer Dana Holt, is raising $12 million at a $90 "
     "million valuation.", "Orvane Robotics", 12e6, "USD", 90e6),
    # "it" after an investment: the company just talked about
    ("Last spring, Quill Labs raised $30 million from Harbor Ventures. Then Northgate Capital committed $200 million "
     "to it.", "Quill Labs", 200e6, "USD", None),
    # a listing's proceeds, the USD twin of a figure in another currency, a price per share left out
    ("Kestrel Systems priced its shares at HK$12.50 apiece in its Hong Kong IPO, raising HK$3.1 billion "
     "(US$397 million).", "Kestrel Systems", 397e6, "USD", None),
    # the singular "euro" after a scale word; the investor leading it is not the raiser
    ("Halvex Capital became the largest shareholder in Quill Labs after leading a 1.2 billion euro ($1.3 billion) "
     "Series C round.", "Quill Labs", 1.3e9, "USD", None),
    # "which has been valued at": the name before the clause
    ("Quill Labs is small next to Orvane Robotics, which has just been valued at $80 billion in a share sale.",
     "Orvane Robotics", None, None, 80e9),
    # a bare "$" beside a figure written in US dollars: the US one
    ("Quill Labs has partnered with Orvane Robotics. In December, the provincial government committed up to $240 "
     "million (about US$169 million) to help it build a data centre.", "Quill Labs", 169e6, "USD", None),
    # the valuation a speaker gives for "the round" belongs to the round just reported
    ("In January, Quill Labs raised $50 million in a funding round led by Harbor Ventures. Dana Holt said the round "
     "valued the company at over $1 billion.", "Quill Labs", 50e6, "USD", 1e9),
    # the name apposed to a relative clause that raised
    ("Analysts pointed to Quill Labs, a buzzy note-taking company that recently raised $43 million in new funding.",
     "Quill Labs", 43e6, "USD", None),
    # a running total, then the latest round
    ("Quill Labs raised about $100 million in 12 months, most recently a $60 million Series C led by Harbor Ventures "
     "that valued it at $360 million.", "Quill Labs", 60e6, "USD", 360e6),
    # the investor's stake in the company before the figure
    ("Harbor Ventures' total investment in Quill Labs has reached about $6 billion.", "Quill Labs", 6e9, "USD", None),
    # a second investment of the investor after "days after pledging"
    ("Harbor Ventures agreed to invest $100 billion in Quill Labs, days after pledging $5 billion to Orvane Robotics.",
     "Orvane Robotics", 5e9, "USD", None),
    # a sum written with "half a"
    ("Among its rivals, only Quill Labs has brought in as much funding, raising nearly half a billion euros.",
     "Quill Labs", 0.5e9, "EUR", None),
    # funding without a figure
    ("Quill Labs is funded by Harbor Ventures, a fund based in Oslo.", "Quill Labs", None, None, None),
])
def test_the_raiser_is_found(text: str, org: str, amount: float | None, currency: str | None,
                             valuation: float | None) -> None:
    check_rounds(text, [(org, amount, currency, valuation, set())])


@pytest.mark.parametrize(("text", "not_org"), [
    ("Dana Holt, the founder of Kestrel Systems, has raised $40 million led by Harbor Ventures for her new startup, "
     "Quill Labs.", "kestrel systems"),
    ("Orvane Robotics, co-founded by former Kestrel Systems engineer Dana Holt, is raising $12 million.",
     "kestrel systems"),
    ("Halvex Capital became the largest shareholder in Quill Labs after leading a 1.2 billion euro ($1.3 billion) "
     "Series C round.", "halvex capital"),
    ("Shares of the firm opened at HK$28.20 apiece, and the company raised HK$2.9 billion.", "hk"),
    ("Harbor Ventures' total investment in Quill Labs has reached about $6 billion.", "harbor ventures"),
])
def test_a_partner_investor_or_currency_is_never_the_raiser(text: str, not_org: str) -> None:
    assert all(not_org not in r[0] for r in rounds(extract(text)))
