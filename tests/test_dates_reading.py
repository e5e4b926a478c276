"""Reading fields into numbers and unit codes: the same in any article (no reference date)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.normalising import Context
from extractor.normalising.dates import reading


@pytest.fixture(scope="module")
def ctx(engine):
    return Context("", None, engine.rules.lexicons, None)     # type: ignore[arg-type]


@pytest.mark.parametrize("text,expected", [("5", 5), ("5th", 5), ("fifth", 5), ("twenty-first", 21),
                                           ("twenty five", 25), ("thirty-first", 31)])
def test_ordinal(ctx, text, expected):
    assert reading.ordinal(text, ctx) == expected


@pytest.mark.parametrize("text,expected", [("June", 6), ("Sept.", 9), ("sep", 9), ("12", 12), ("13", None), ("0", None)])
def test_month(ctx, text, expected):
    assert reading.month(text, ctx) == expected


@pytest.mark.parametrize("text,written,short", [
    ("2023", 2023, None), ("'87", None, 87), ("24", None, 24), ("nineteen eighty six", 1986, None),
    ("two thousand and five", 2005, None), ("123", None, None), ("five", None, None),
])
def test_years(ctx, text, written, short):
    assert (reading.written_year(text, ctx), reading.short_year(text)) == (written, short)


@pytest.mark.parametrize("number,expected", [("three", Decimal(3)), ("1.5", Decimal("1.5")), ("couple of", Decimal(2)),
                                             ("couple", Decimal(2)), ("half an", Decimal("0.5")), ("twenty-one", Decimal(21))])
def test_count(ctx, number, expected):
    assert reading.count({"number": number}, ctx) == expected


def test_count_defaults_to_one_and_vague_counts(ctx):
    assert reading.count({}, ctx) == 1
    assert reading.is_vague_count({"number": "several"}, ctx) and not reading.is_vague_count({"number": "two"}, ctx)


@pytest.mark.parametrize("unit,size,period", [("weeks", (1, "W"), "W"), ("quarter", (3, "M"), "Q"),
                                              ("decade", (10, "Y"), "DE"), ("fortnight", (2, "W"), "W"),
                                              ("hrs", (1, "H"), "H")])
def test_units(ctx, unit, size, period):
    found = reading.unit({"unit": unit}, ctx)
    assert found == (Decimal(size[0]), size[1]) and reading.period_code(found) == period


def test_steps_need_whole_counts(ctx):
    assert reading.steps({"number": "2", "unit": "weeks", "number_2": "3", "unit_2": "days"}, ctx) == [
        ((Decimal(1), "W"), Decimal(2)), ((Decimal(1), "D"), Decimal(3))]
    assert reading.steps({"number": "1.5", "unit": "weeks"}, ctx) is None


@pytest.mark.parametrize("first,second,order,day,month", [
    ("05", "06", "DMY", "5", "6"), ("05", "06", "MDY", "6", "5"),
    ("25", "06", "MDY", "25", "6"),          # a number over 12 settles it
    ("06", "25", "DMY", "25", "6"),
])
def test_day_and_month(ctx, first, second, order, day, month):
    found = reading.day_and_month({"first": first, "second": second}, ctx, order)
    assert (found["day"], found["month"]) == (day, month)


@pytest.mark.parametrize("f,expected", [({"ampm": "p"}, "pm"), ({"ampm": "a.m."}, "am"), ({"daypart": "evening"}, "pm"),
                                        ({"daypart": "morning"}, ""), ({}, "")])
def test_meridiem(ctx, f, expected):
    assert reading.meridiem(f, ctx) == expected


def test_step(ctx):
    assert (reading.step("last", ctx), reading.step("next", ctx), reading.step(None, ctx, -1)) == (-1, 1, -1)
