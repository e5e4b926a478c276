"""Normalisers: dates against the reference date (never the clock) and money arithmetic."""
from __future__ import annotations

import pytest


def _values(engine, text, type_, ref=None):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type(type_)}


@pytest.mark.parametrize("text,span,timex", [
    ("They met on Monday.", "Monday", "2023-06-05"),          # reference day itself, past tense
    ("They will meet on Monday.", "Monday", "2023-06-05"),
    ("They met on Tuesday.", "Tuesday", "2023-05-30"),
    ("They will meet on Tuesday.", "Tuesday", "2023-06-06"),
    ("It opened in July.", "July", "2022-07"),
    ("It will open in July.", "July", "2023-07"),
    ("Sales fell two weeks ago.", "two weeks ago", "2023-W21"),
    ("They met yesterday.", "yesterday", "2023-06-04"),
    ("It happened last month.", "last month", "2023-05"),
    ("It happened in May last year.", "May last year", "2022-05"),
    ("It happened in May next year.", "May next year", "2024-05"),
])
def test_relative_dates(engine, text, span, timex):
    assert _values(engine, text, "date", "2023-06-05")[span]["timex"] == timex


def test_without_reference_date_relative_parts_stay_unknown(engine):
    values = _values(engine, "They met on Monday and will meet again on 5 June.", "date")
    assert values["Monday"]["timex"] == "XXXX-WXX-1"
    assert values["5 June"]["timex"] == "XXXX-06-05"


def test_reference_date_is_not_today(engine):
    assert _values(engine, "They met yesterday.", "date", "1987-03-02")["yesterday"]["timex"] == "1987-03-01"


def test_impossible_date_is_dropped(engine):
    assert "31 February 2023" not in _values(engine, "It was due on 31 February 2023.", "date")


def test_bad_reference_date(engine):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        engine.extract("x", reference_date="5 June")


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
