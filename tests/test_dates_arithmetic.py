"""Calendar arithmetic, table by table: no text, no lexicon, no reference but the one given."""
from __future__ import annotations

from datetime import date as d
from decimal import Decimal

import pytest

from extractor.normalising.dates import arithmetic


@pytest.mark.parametrize("day,amount,unit,expected", [
    (d(2023, 1, 31), 1, "M", d(2023, 2, 28)),      # the month's last day where the day is missing
    (d(2024, 1, 31), 1, "M", d(2024, 2, 29)),
    (d(2023, 11, 30), 3, "M", d(2024, 2, 29)),
    (d(2023, 6, 5), -1, "Q", d(2023, 3, 5)),
    (d(2024, 2, 29), 1, "Y", d(2025, 2, 28)),
    (d(2023, 6, 9), 1, "BD", d(2023, 6, 12)),      # Friday + 1 business day: Monday
    (d(2023, 6, 12), -1, "BD", d(2023, 6, 9)),
    (d(2023, 6, 5), 2, "W", d(2023, 6, 19)),
    (d(2023, 6, 5), -10, "D", d(2023, 5, 26)),
    (d(2023, 6, 5), 1, "H", d(2023, 6, 5)),         # a clock unit moves no day
])
def test_add(day, amount, unit, expected):
    assert arithmetic.add(day, amount, unit) == expected


@pytest.mark.parametrize("ref,amount,unit,timex,start", [
    (d(2023, 6, 5), -1, "W", "2023-W22", d(2023, 5, 29)),
    (d(2023, 1, 1), 0, "W", "2022-W52", d(2022, 12, 26)),   # ISO: 1 January 2023 is in 2022's last week
    (d(2023, 6, 5), 0, "WE", "2023-W23-WE", d(2023, 6, 10)),
    (d(2023, 6, 5), 1, "M", "2023-07", d(2023, 7, 1)),
    (d(2023, 1, 15), -1, "Q", "2022-Q4", d(2022, 10, 1)),
    (d(2023, 6, 5), -1, "Y", "2022", d(2022, 1, 1)),
    (d(2023, 6, 5), -1, "DE", "201", d(2010, 1, 1)),
])
def test_shift(ref, amount, unit, timex, start):
    point = arithmetic.shift(ref, amount, unit)
    assert (point.timex, point.start) == (timex, start)


@pytest.mark.parametrize("size,n,step,expected", [
    ((Decimal(1), "D"), 3, 1, (d(2023, 6, 6), d(2023, 6, 8))),         # the next three days: from tomorrow
    ((Decimal(1), "M"), 3, -1, (d(2023, 3, 5), d(2023, 6, 4))),        # the past 3 months: up to yesterday
    ((Decimal(3), "M"), 6, -1, (d(2022, 10, 1), d(2023, 3, 31))),      # the last two quarters: whole ones
    ((Decimal(3), "M"), 3, 1, (d(2023, 7, 1), d(2023, 9, 30))),        # the next quarter
    ((Decimal(10), "Y"), 10, -1, (d(2010, 1, 1), d(2019, 12, 31))),    # the last decade
    ((Decimal(1), "BD"), 2, 1, (d(2023, 6, 6), d(2023, 6, 7))),
])
def test_counted_span(size, n, step, expected):
    assert arithmetic.counted_span(d(2023, 6, 5), size, n, step) == expected


def test_units_within_count_weeks_by_their_thursday():
    weeks = arithmetic.units_within(d(2023, 6, 1), d(2023, 7, 1), "W")
    assert [w.timex for w in weeks] == ["2023-W22", "2023-W23", "2023-W24", "2023-W25", "2023-W26"]
    assert [m.timex for m in arithmetic.units_within(d(2023, 1, 1), d(2023, 4, 1), "M")] == ["2023-01", "2023-02", "2023-03"]
    assert len(arithmetic.units_within(d(2024, 2, 1), d(2024, 3, 1), "D")) == 29


@pytest.mark.parametrize("day,timex", [
    (d(2023, 9, 4), "2023-W35-WE"),      # Labor Day, a Monday: the weekend before it
    (d(2023, 9, 6), "2023-W36-WE"),
])
def test_weekend_near(day, timex):
    assert arithmetic.weekend_near(day).timex == timex


@pytest.mark.parametrize("first,digits,expected", [
    ("2019", "20", "2020"), ("1914", "18", "1918"), ("2005", "6", "2006"), ("1999", "00", "2000"),
    ("2015", "12", ""), ("2009", "0", "2010"), ("2009", "5", ""),
])
def test_year_after(first, digits, expected):
    assert arithmetic.year_after(first, digits) == expected


@pytest.mark.parametrize("function,args,expected", [
    (arithmetic.month_year, (7, d(2023, 6, 5), False), 2022),      # "in July", said in June: last July
    (arithmetic.month_year, (7, d(2023, 6, 5), True), 2023),       # "will open in July"
    (arithmetic.month_year, (6, d(2023, 6, 5), False), 2023),
    (arithmetic.month_year, (5, d(2023, 6, 5), True), 2024),
    (arithmetic.day_of_month, (18, d(2023, 6, 5), False), d(2023, 5, 18)),
    (arithmetic.day_of_month, (18, d(2023, 6, 5), True), d(2023, 6, 18)),
    (arithmetic.day_of_month, (3, d(2023, 6, 5), True), d(2023, 7, 3)),
    (arithmetic.day_of_month, (31, d(2023, 7, 5), False), None),      # June has no 31st
    (arithmetic.season_year, (12, d(2023, 1, 10), False), 2022),     # in January: the winter begun in December
    (arithmetic.season_year, (6, d(2023, 7, 10), False), 2023),      # the summer under way
    (arithmetic.season_year, (3, d(2023, 7, 10), True), 2024),       # next spring
    (arithmetic.season_year, (9, d(2023, 7, 10), False), 2022),      # last autumn
    (arithmetic.weekday_and_day, (1, 13, d(2023, 6, 5), False), d(2023, 3, 13)),   # the last Monday the 13th
    (arithmetic.weekday_and_day, (1, 13, d(2023, 6, 5), True), d(2023, 11, 13)),
    (arithmetic.weekday_near, (1, d(2023, 6, 5), False), d(2023, 6, 5)),   # Monday, said on a Monday
    (arithmetic.weekday_near, (2, d(2023, 6, 5), False), d(2023, 5, 30)),
    (arithmetic.weekday_near, (2, d(2023, 6, 5), True), d(2023, 6, 6)),
    (arithmetic.weekday_strictly, (1, d(2023, 6, 5), -1), d(2023, 5, 29)),  # "this past Monday", on a Monday
    (arithmetic.weekday_strictly, (1, d(2023, 6, 5), 1), d(2023, 6, 12)),
    (arithmetic.weekday_in_week, (5, d(2023, 6, 5), -1), d(2023, 6, 2)),    # "last Friday": last week's
    (arithmetic.weekday_in_week, (2, d(2023, 6, 5), 1), d(2023, 6, 13)),    # "next Tuesday": next week's
])
def test_nearest(function, args, expected):
    assert function(*args) == expected


def test_clock_offset():
    point = arithmetic.clock_offset("2023-06-05", 23, 30, 0, Decimal(2), "H")
    assert (point.timex, point.start) == ("2023-06-06T01:30:00", d(2023, 6, 6))


def test_valid_and_period_end():
    assert arithmetic.valid(2024, 2, 29) and not arithmetic.valid(2023, 2, 29)
    assert arithmetic.period_end(d(2023, 4, 1), "Q") == d(2023, 6, 30)
    assert arithmetic.period_end(d(2023, 6, 5), "W") == d(2023, 6, 11)
