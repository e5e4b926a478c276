"""Normalisers: money arithmetic and numbers (dates: tests/test_dates*.py)."""
from __future__ import annotations

import pytest


def _values(engine, text, type_, ref=None):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type(type_)}


@pytest.mark.parametrize("text,span,amount,currency,qualifier", [
    ("over USD 3 billion", "USD 3 billion", 3000000000, "USD", "over"),
    ("Rs 5 lakh", "Rs 5 lakh", 500000, "INR", None),
    ("₹1,250 crore", "₹1,250 crore", 12500000000, "INR", None),
    ("more than £1.2bn", "£1.2bn", 1200000000, "GBP", "over"),
    ("€40m", "€40m", 40000000, "EUR", None),
    ("about 40 mln dlrs", "40 mln dlrs", 40000000, "USD", "about"),
    ("three hundred and fifty million dollars", "three hundred and fifty million dollars", 350000000, "USD", None),
    ("$2.5", "$2.5", 2.5, "USD", None),
])
def test_money(engine, text, span, amount, currency, qualifier):
    value = _values(engine, f"The firm paid {text} last year.", "money")[span]
    assert (value["amount"], value["currency"], value["qualifier"]) == (amount, currency, qualifier)


def test_money_needs_a_currency(engine):
    assert _values(engine, "It bought 30 MQ-9B drones and 5G kit for 3 billion.", "money") == {}


@pytest.mark.parametrize("text,span,expected", [
    # a minor unit alone is counted in the main unit; after a main amount it adds to it
    ("shares fell 35 cents", "35 cents", {"amount": 0.35, "currency": "USD"}),
    ("a bid of 250 pence", "250 pence", {"amount": 2.5, "currency": "GBP"}),
    ("it was 4 dollars 75 cents", "4 dollars 75 cents", {"amount": 4.75}),
    # "M" glued to a code is millions; a scale may follow the code
    ("revenue of 12 MUSD", "12 MUSD", {"amount": 12000000, "currency": "USD"}),
    ("they lost 8 EUR million", "8 EUR million", {"amount": 8000000, "currency": "EUR"}),
    # the letters before "$" say which dollar, spaced or not, in any case the list gives
    ("worth HK$ 3bn", "HK$ 3bn", {"amount": 3000000000, "currency": "HKD"}),
    ("worth nzd$ 40", "nzd$ 40", {"amount": 40, "currency": "NZD"}),
    # a range keeps both ends; a rate is reported, not spanned
    ("between €2m and €3m a year", "€2m and €3m", {"amount": 2000000, "max": 3000000, "per": "year"}),
    # a name several currencies share keeps the amount and leaves the currency unknown
    ("a 40 mln peso loan", "40 mln peso", {"amount": 40000000, "currency": None}),
    ("hundreds of millions of dollars", "hundreds of millions of dollars",
     {"amount": None, "currency": "USD", "vague": True}),
])
def test_money_forms(engine, text, span, expected):
    value = _values(engine, f"The firm said {text}.", "money")[span]
    assert {key: value.get(key) for key in expected} == expected


@pytest.mark.parametrize("text,value", [
    ("three quarters", "0.75"), ("a quarter", "0.25"), ("half a", "0.5"), ("two and a half", "2.5"), ("one and half", "1.5"),
    ("one hundred and five", "105"), ("forty-five", "45"),
])
def test_number_words(engine, text, value):
    from decimal import Decimal
    from extractor.normalising.numbers import parse_words
    assert parse_words(text, engine.rules.lexicons["number_words"], {}) == Decimal(value)


def test_share_price_fractions():
    from decimal import Decimal
    from extractor.normalising.numbers import parse_digits
    assert parse_digits("15-1/4") == Decimal("15.25")
    assert parse_digits("1,234.5") == Decimal("1234.5")


def test_the_quantulum_cache_holds_finished_values_only(monkeypatch):
    """A second thread must never read a placeholder while the first is still parsing."""
    from quantulum3 import parser

    from extractor.normalising import numbers
    cache: dict = {}
    seen = []

    def parse(text):
        seen.append(dict(cache))
        return []

    monkeypatch.setattr(parser, "parse", parse)
    assert numbers._quantulum("a few score", cache) is None
    assert seen == [{}] and cache == {("quantulum3", "a few score"): None}
