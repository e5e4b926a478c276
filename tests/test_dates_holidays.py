"""Holiday rules of the lexicon `holidays`, in a given year."""
from __future__ import annotations

from datetime import date as d

import pytest

from extractor.normalising.dates.holidays import easter, fixed_day, holiday_in


@pytest.mark.parametrize("year,expected", [(2019, d(2019, 4, 21)), (2023, d(2023, 4, 9)), (2024, d(2024, 3, 31)),
                                           (2038, d(2038, 4, 25)), (1818, d(1818, 3, 22))])
def test_easter(year, expected):
    assert easter(year) == expected


@pytest.mark.parametrize("rule,year,expected", [
    ("12-25", 2023, d(2023, 12, 25)),
    ("02-29", 2023, None),                       # no 29 February that year
    ("easter+1", 2024, d(2024, 4, 1)),           # Easter Monday
    ("easter-2", 2023, d(2023, 4, 7)),           # Good Friday
    ("11-W4-4", 2023, d(2023, 11, 23)),          # Thanksgiving: the fourth Thursday
    ("11-W4-4+1", 2023, d(2023, 11, 24)),        # the day after it
    ("05-W1--1", 2023, d(2023, 5, 29)),          # Memorial Day: the last Monday of May
    ("dates 2023-04-21 2024-04-10", 2024, d(2024, 4, 10)),
    ("dates 2023-04-21 2024-04-10", 2025, None),   # a year not listed
    ("by country", 2023, None),
])
def test_holiday_in(rule, year, expected):
    assert holiday_in(rule, year) == expected


def test_fixed_day():
    assert fixed_day("07-04") == (7, 4) and fixed_day("easter") is None
