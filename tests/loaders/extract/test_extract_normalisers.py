"""Property tests for the money, quantity and date normalisers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import DateRef
from loaders.extract.dates import find_dates, first_date, iso_date, parse_published
from loaders.extract.numbers import words_to_number
from loaders.extract.quantities import parse_money, parse_quantities

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "M": 1e6, "B": 1e9, "bn": 1e9}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "USD ": "USD"}


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(SYMBOLS)), st.booleans())
def test_money_value_and_currency(whole: int, tenth: int, scale: str, symbol: str, approx: bool) -> None:
    sep = "" if len(scale) <= 2 else " "
    text = f"{'nearly ' if approx else ''}{symbol}{whole}.{tenth}{sep}{scale}"
    found = parse_money(f"The firm raised {text} last week.")
    assert len(found) == 1
    money = found[0].money
    assert abs(money.value - (whole + tenth / 10) * SCALES[scale]) <= 1e-6 * money.value
    assert money.currency == SYMBOLS[symbol]
    assert money.approximate == approx


CODES = {"KRW ": "KRW", "SEK ": "SEK", "HK$": "HKD", "S$": "SGD", "US$": "USD", "CHF ": "CHF", "BRL ": "BRL"}
WORDS = {"won": "KRW", "yen": "JPY", "yuan": "CNY", "euros": "EUR", "rupees": "INR"}


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(SCALES)[:4]), st.sampled_from(sorted(CODES)))
def test_currency_codes_keep_face_value(n: int, scale: str, code: str) -> None:
    found = parse_money(f"Zentrix raised {code}{n} {scale} in new funding.")
    assert len(found) == 1
    assert found[0].money.currency == CODES[code]
    assert abs(found[0].money.value - n * SCALES[scale]) <= 1e-6 * found[0].money.value


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion", "trillion"]),
       st.sampled_from(sorted(WORDS)))
def test_currency_words_after_the_number(n: int, scale: str, word: str) -> None:
    found = parse_money(f"Zentrix raised {n} {scale} {word} last year.")
    assert len(found) == 1 and found[0].money.currency == WORDS[word]
    assert abs(found[0].money.value - n * SCALES[scale]) <= 1e-6 * found[0].money.value


@given(st.integers(min_value=1, max_value=10**6))
def test_thousands_separators(n: int) -> None:
    assert parse_money(f"It costs ${n:,}.")[0].money.value == n


@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 1)))
def test_percent(value: float) -> None:
    qs = [q for _, _, q in parse_quantities(f"About {value}% of the code")]
    assert any(q.unit == "percent" and q.value == value for q in qs)


@given(st.integers(min_value=2, max_value=50), st.sampled_from(["hours", "days", "months", "minutes"]))
def test_durations_and_multiples(n: int, unit: str) -> None:
    qs = {(q.unit, q.value) for _, _, q in parse_quantities(f"It took {n} {unit} and grew {n} times")}
    assert (unit.rstrip("s"), float(n)) in qs
    assert ("multiple", float(n)) in qs


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_explicit_dates_round_trip(day: dt.date) -> None:
    text = f"on {day.strftime('%B')} {day.day}, {day.year} the board met"
    found = find_dates(text)
    assert found and found[0].date == DateRef(value=day.isoformat(), precision="day")


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_resolves_to_the_latest_not_after_publication(pub: dt.date, weekday: str) -> None:
    ref = DateRef(value=pub.isoformat(), precision="day")
    found = find_dates(f"said on {weekday} that", ref)
    value = dt.date.fromisoformat(found[0].date.value)
    assert value.strftime("%A") == weekday
    assert 0 <= (pub - value).days < 7
    assert found[0].date.inferred


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_day_without_year_is_partial_without_publication(month: int, day: int) -> None:
    name = dt.date(2000, month, day).strftime("%B")
    found = find_dates(f"on {name} {day}")
    assert found[0].date == DateRef(value=f"--{month:02d}-{day:02d}", precision="day", inferred=True)


def test_relative_month_and_published_parsing() -> None:
    ref = parse_published("2025-01-13T08:00:00Z")
    assert ref == DateRef(value="2025-01-13", precision="day")
    assert find_dates("last month", ref)[0].date == DateRef(value="2024-12", precision="month", inferred=True)
    assert find_dates("June 1st", ref)[0].date.value == "2024-06-01"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-01-13", DateRef(value="2025-01-13", precision="day")),
    (" 2025-01-13T09:30:00+02:00 ", DateRef(value="2025-01-13", precision="day")),
    ("2025-01-13 09:30", DateRef(value="2025-01-13", precision="day")),
    ("2025-02", DateRef(value="2025-02", precision="month")),
    ("1999", DateRef(value="1999", precision="year")),
    ("0000", DateRef(value="0000", precision="year")),  # ISO 8601's year zero, as the REST schema allows
    ("0000-02-29", DateRef(value="0000-02-29", precision="day")),  # a leap year
    ("2025-02-30", None),  # no such day
    ("2025-13", None),
    ("2025-01 and more", None),  # only a full date may start a date-time
    ("13 January 2025", None),  # not ISO: find_dates reads written dates
    ("20250113", None),
    ("--01-13", None),
])
def test_iso_date_is_the_one_iso_reader(value: str, expected: DateRef | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-01", None),  # a publication date for resolving relative dates must be a day
    ("January 13, 2025", DateRef(value="2025-01-13", precision="day")),
])
def test_parse_published_reads_days_only(value: str, expected: DateRef | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (None, None),  # "in October" cannot be placed: the death's date is not the suit's
        (DateRef(value="2025-05-21", precision="day"), DateRef(value="2024-10", precision="month", inferred=True)),
    ],
)
def test_a_later_clause_does_not_date_the_sentence(published: DateRef | None, expected: DateRef | None) -> None:
    text = "Garcia sued both companies in October after the death of her son in February 2024."
    assert first_date(text, published) == expected
    assert [m.date.value for m in find_dates(text, published)][-1] == "2024-02"  # still found, as a date of its own


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2035, 12, 31)), st.integers(min_value=1, max_value=12),
       st.sampled_from(["In", "in", "Since", "By"]))
def test_a_month_without_year_is_the_latest_not_after_publication(pub: dt.date, month: int, prep: str) -> None:
    """'In March, X sued' (the preposition opening the sentence too): the last March up to the publication date."""
    name = dt.date(2000, month, 1).strftime("%B")
    found = first_date(f"{prep} {name}, the company sued its rival.", DateRef(value=pub.isoformat(), precision="day"))
    year = pub.year if month <= pub.month else pub.year - 1
    assert found == DateRef(value=f"{year:04d}-{month:02d}", precision="month", inferred=True)


@pytest.mark.parametrize(("text", "value"), [
    ("In 2023, the company sued its rival.", "2023"),
    ("In may, the company sued.", None),  # a month name is capitalised
    ("Since May the company grew.", "2025-05"),
])
def test_sentence_opening_dates(text: str, value: str | None) -> None:
    found = first_date(text, DateRef(value="2025-06-12", precision="day"))
    assert (found.value if found else None) == value


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int, joiner: str = "-") -> str:
    """English words for 0 <= n < 10**12 (the test's oracle: written independently of the parser)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS_WORDS[n // 10] + (joiner + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return f"{_ONES[n // 100]} hundred" + (f" and {spell(n % 100)}" if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= size:
            return f"{spell(n // size)} {name}" + (f" {spell(n % size)}" if n % size else "")
    raise ValueError(n)


@given(st.integers(min_value=0, max_value=10**12 - 1), st.sampled_from(["-", " "]))
def test_number_words_round_trip(n: int, joiner: str) -> None:
    assert words_to_number(spell(n, joiner)) == n


@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["organisations", "investors", "engineers"]))
def test_counts_in_words_and_digits(n: int, noun: str) -> None:
    for written in (spell(n), f"{n:,}"):
        qs = [(q.value, q.unit) for _, _, q in parse_quantities(f"It works with about {written} {noun} today.")]
        assert qs == [(float(n), noun)], written


_UNITS_OF_TIME = ["second", "minute", "hour", "day", "week", "month", "year", "decade"]


@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["square-foot", "person", "megawatt", "acre"]),
       st.sampled_from(["plant", "team", "site"]))
def test_a_figure_compounded_with_its_measure(n: int, measure: str, noun: str) -> None:
    qs = [(q.value, q.unit) for _, _, q in parse_quantities(f"It opened a {n:,}-{measure} {noun} last week.")]
    assert qs == [(float(n), measure)]


@given(st.integers(min_value=2, max_value=99), st.sampled_from(_UNITS_OF_TIME))
def test_a_compounded_duration_and_an_age(n: int, unit: str) -> None:
    assert [(q.value, q.unit) for _, _, q in parse_quantities(f"It signed a {n}-{unit} deal.")] == [(float(n), unit)]
    assert parse_quantities(f"The {n}-{unit}-old founder spoke.") == []


@given(st.sampled_from(_UNITS_OF_TIME), st.sampled_from(["within", "for", "in less than", "after"]),
       st.sampled_from(["ago", "earlier", "later"]), st.integers(min_value=2, max_value=999))
def test_a_single_unit_of_time(unit: str, before: str, point: str, amount: int) -> None:
    article = "an" if unit == "hour" else "a"
    assert [(q.value, q.unit) for _, _, q in parse_quantities(f"It replied {before} {article} {unit}.")] == \
        [(1.0, unit)]
    # a point in time and a rate are no durations
    assert parse_quantities(f"It was founded {article} {unit} {point}.") == []
    assert [q.unit for _, _, q in parse_quantities(f"It earns ${amount} million {article} {unit}.")] == ["USD"]


@given(st.integers(min_value=1, max_value=9), st.sampled_from([(3, "third"), (4, "quarter"), (5, "fifth"),
                                                               (10, "tenth")]),
       st.sampled_from(["-", " "]))
def test_fractions_are_shares(num: int, den: tuple[int, str], joiner: str) -> None:
    size, word = den
    written = f"{spell(num)}{joiner}{word}{'s' if num > 1 else ''}"
    qs = [(q.value, q.unit) for _, _, q in parse_quantities(f"About {written} of its staff use the tool.")]
    assert qs == ([(round(100 * num / size, 2), "percent")] if num <= size else [])
    # a quarter of a century, the first quarter of the year: time, not a share
    assert all(q.unit != "percent" for _, _, q in parse_quantities(f"It took {written} of a century."))


@given(st.text(max_size=300))
def test_quantities_never_crash(text: str) -> None:
    for start, end, q in parse_quantities(text):
        assert 0 <= start < end <= len(text)
        assert q.unit


@pytest.mark.parametrize(("text", "expected"), [
    ("The plant will create 100,000 U.S. jobs.", [(1e5, "jobs")]),
    ("a one-million-square-foot factory", [(1e6, "square-foot")]),
    ("about thirty organisations signed", [(30.0, "organisations")]),
    ("two prospective investors walked away", [(2.0, "investors")]),
    ("they paid zero dollars for it", [(0.0, "USD")]),
    ("it added a trillion dollars in value", [(1e12, "USD")]),
    ("a quarter-inch gap in the casing", []),
    ("three quarters of users and half of the staff", [(75.0, "percent"), (50.0, "percent")]),
    ("in the first half of 2024 and the third quarter of 2025", []),
    ("sales rose 24% from a year earlier to $5bn a year", [(24.0, "percent"), (5e9, "USD")]),
    ("a 7-billion-parameter model", [(7e9, "parameter")]),
    ("it braked within 0.4 seconds of detecting her, after four hours of driving", [(0.4, "second"), (4.0, "hour")]),
    ("if even half of this is true, costs were cut by two-thirds", [(66.67, "percent")]),
    ("the four-year-old company will share revenue 85/15 with app makers", []),
    ("300,000 business customers and two business partners", [(3e5, "customers"), (2.0, "partners")]),
    ("under Section 230-style rules in the 2024-era market", []),
    ("in 2025 the firm grew", []),
    ("one of the firms", []),
    ("from one and a half hours to twelve hours", [(1.5, "hour"), (12.0, "hour")]),
    ("between $114 million and $116 million", [(114e6, "USD"), (116e6, "USD")]),
    # a multiple in a word, not a frequency
    ("its chips are twice as fast as rivals'", [(2.0, "multiple")]),
    ("the board met twice a week", []),
    ("output has doubled since May", [(2.0, "multiple")]),
    # a number after a name or a code is part of an identifier, and "4 is" no count
    ("the governor said SB 1047 establishes a framework", []),
    ("under Section 230 platforms are shielded", []),
    ("GPT-4 is now cheaper than 3 models", [(3.0, "models")]),
    ("it handles more than 20,000 different SKUs and 500 GPUs", [(2e4, "skus"), (500.0, "gpus")]),
    ("more than 200 million people and 40 children", [(2e8, "people"), (40.0, "children")]),
])
def test_quantity_examples(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for _, _, q in parse_quantities(text)] == expected


@pytest.mark.parametrize("words", ["two three", "million thousand", "twenty eleven", "hundred", "zero million",
                                   "two thousand three million", "one zero"])
def test_malformed_number_words_are_refused(words: str) -> None:
    assert words_to_number(words) is None


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=10), st.booleans(),
       st.sampled_from(["in", "out of every"]))
def test_ratios_are_shares(num: int, den: int, words: bool, joiner: str) -> None:
    written = f"{spell(num)} {joiner} {spell(den)}" if words else f"{num} {joiner} {den}"
    qs = [(q.value, q.unit) for _, _, q in parse_quantities(f"Just {written} pupils passed the exam.")]
    if num < den:
        assert (round(100 * num / den, 2), "percent") in qs
    else:
        assert all(q[1] != "percent" for q in qs)
    assert parse_quantities(f"It was founded in {2000 + den}.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The company highlighted the model's Elo score of 1,417 on the arena.", [(1417.0, "points")]),
    ("It scored 87.5 on the reasoning benchmark.", [(87.5, "points")]),
    ("It scored 90% on the reasoning benchmark.", [(90.0, "percent")]),
    ("The app has a rating of 4.5 stars.", [(4.5, "stars")]),
])
def test_a_score_is_in_points(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for _, _, q in parse_quantities(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The levy could cut margins by 5 to 15 percentage points.", [(5.0, "points"), (15.0, "points")]),
    ("It has 2-3 million users.", [(2e6, "users"), (3e6, "users")]),
    ("Between 20 and 30% of the code is generated.", [(20.0, "percent"), (30.0, "percent")]),
    # each end already a quantity, a year, an identifier: no lower end added
    ("The rate rose from 26% to 76%.", [(26.0, "percent"), (76.0, "percent")]),
    ("From 2023 to 2025 it grew 40%.", [(40.0, "percent")]),
    ("SB 1047 to 20 percent", [(20.0, "percent")]),
])
def test_a_range_gives_both_ends(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for _, _, q in parse_quantities(text)] == expected


@given(st.integers(min_value=2, max_value=99), st.sampled_from(_UNITS_OF_TIME), st.booleans())
def test_a_time_ago_is_no_duration(n: int, unit: str, written: bool) -> None:
    figure = spell(n) if written else str(n)
    text = f"It had 5,500 staff {figure} {unit}s ago, about a {unit} ago."
    assert [(q.value, q.unit) for _, _, q in parse_quantities(text)] == [(5500.0, "staff")]
