"""Every TIMEX3 format, written once in timex.py."""
from __future__ import annotations

from datetime import date as d
from decimal import Decimal

import pytest

from extractor.normalising.dates import timex


@pytest.mark.parametrize("point,expected", [
    (timex.day(d(2023, 6, 5)), ("2023-06-05", "day", d(2023, 6, 5))),
    (timex.month(2023, 6), ("2023-06", "month", d(2023, 6, 1))),
    (timex.month(None, 6), ("XXXX-06", "month", None)),
    (timex.year(2023), ("2023", "year", d(2023, 1, 1))),
    (timex.year(None), ("XXXX", "year", None)),
    (timex.week_of(d(2023, 6, 7)), ("2023-W23", "week", d(2023, 6, 5))),
    (timex.weekend_of(d(2023, 6, 7)), ("2023-W23-WE", "weekend", d(2023, 6, 10))),
    (timex.iso_week(2020, 53), ("2020-W53", "week", d(2020, 12, 28))),
    (timex.part_of_year(2023, "Q", 3, 7), ("2023-Q3", "quarter", d(2023, 7, 1))),
    (timex.part_of_year(None, "H", 2, 7), ("XXXX-H2", "half", None)),
    (timex.quarter_of(d(2023, 11, 2)), ("2023-Q4", "quarter", d(2023, 10, 1))),
    (timex.decade(1990), ("199", "decade", d(1990, 1, 1))),
    (timex.unknown_decade(90), ("XX9", "decade", None)),
    (timex.century(21), ("20", "century", d(2000, 1, 1))),
    (timex.season(2023, "SU", 6), ("2023-SU", "season", d(2023, 6, 1))),
    (timex.season(None, "WI", 12), ("XXXX-WI", "season", None)),
    (timex.year_of_kind("FY", 2024), ("FY2024", "year", None)),
    (timex.year_of_kind("CY", 2024), ("2024", "year", d(2024, 1, 1))),
    (timex.unknown("W"), ("XXXX-WXX", "week", None)),
    (timex.unknown("DE"), ("XXX", "decade", None)),
    (timex.unknown_day(), ("XXXX-XX-XX", "day", None)),
    (timex.unknown_day(6, 5), ("XXXX-06-05", "day", None)),
    (timex.unknown_day(None, 18), ("XXXX-XX-18", "day", None)),
    (timex.unknown_weekday(1), ("XXXX-WXX-1", "day", None)),
])
def test_points(point, expected):
    assert tuple(point) == expected


def test_values():
    assert timex.clock(9) == "T09" and timex.clock(9, 5) == "T09:05" and timex.clock(9, 5, 7) == "T09:05:07"
    assert timex.range_value("2023-06-01", "2023-06-05", "day") == {
        "timex": "(2023-06-01,2023-06-05)", "kind": "range", "granularity": "day", "from": "2023-06-01", "to": "2023-06-05"}
    assert timex.duration({"Y": Decimal(1), "M": Decimal(6)})["timex"] == "P1Y6M"
    assert timex.duration({"H": Decimal("1.5")}) == {"timex": "PT1.5H", "kind": "duration", "granularity": "time"}
    assert timex.duration({"D": Decimal(2), "H": Decimal(3)})["timex"] == "P2DT3H"
    assert timex.vague_duration("W")["timex"] == "PXW" and timex.vague_duration("MIN")["timex"] == "PTXM"
    assert timex.every(Decimal(2), "W") == "P2W" and timex.every(Decimal(4), "H") == "PT4H"
    assert timex.vague_direction(-1)["timex"] == "PAST_REF" and timex.vague_direction(1)["timex"] == "FUTURE_REF"
    assert timex.point_value(timex.month(2023, 6)) == {"timex": "2023-06", "kind": "date", "granularity": "month"}
