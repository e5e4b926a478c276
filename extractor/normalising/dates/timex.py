"""TIMEX3 values, each format written once: the points (`Point`) and the value dicts.

A point is a calendar period with its TIMEX3 string, its granularity and its first day when
known. Parts that are not known (no reference date) are written with X, as TIMEX3 does.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

import regex

Value = dict[str, Any]

TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}          # unit code -> TIMEX3 letter after T
GRANULARITY = {"D": "day", "BD": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter",
               "Y": "year"}
UNKNOWN = {"D": ("XXXX-XX-XX", "day"), "W": ("XXXX-WXX", "week"), "WE": ("XXXX-WXX-WE", "weekend"),
           "M": ("XXXX-XX", "month"), "Q": ("XXXX-QX", "quarter"), "Y": ("XXXX", "year"),
           "DE": ("XXX", "decade")}


class Point(NamedTuple):
    timex: str
    granularity: str
    start: date | None = None   # the first day it covers, when known


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def day(d: date) -> Point:
    return Point(d.isoformat(), "day", d)


def month(year: int | None, number: int) -> Point:
    return Point(f"{_y(year)}-{number:02d}", "month", date(year, number, 1) if year else None)


def year(number: int | None) -> Point:
    return Point(_y(number), "year", date(number, 1, 1) if number else None)


def week_of(d: date) -> Point:
    """The ISO week holding a day."""
    iso_year, week, _ = d.isocalendar()
    return Point(f"{iso_year:04d}-W{week:02d}", "week", date.fromisocalendar(iso_year, week, 1))


def weekend_of(d: date) -> Point:
    """The weekend of the ISO week holding a day."""
    iso_year, week, _ = d.isocalendar()
    return Point(f"{iso_year:04d}-W{week:02d}-WE", "weekend", date.fromisocalendar(iso_year, week, 6))


def part_of_year(year_: int | None, letter: str, number: int, first_month: int) -> Point:
    """A quarter (letter Q) or half (H) of a year."""
    start = date(year_, first_month, 1) if year_ else None
    return Point(f"{_y(year_)}-{letter}{number}", "quarter" if letter == "Q" else "half", start)


def quarter_of(d: date) -> Point:
    number = (d.month - 1) // 3 + 1
    return part_of_year(d.year, "Q", number, number * 3 - 2)


def decade(first_year: int) -> Point:
    return Point(f"{first_year // 10:03d}", "decade", date(first_year, 1, 1))


def century(number: int) -> Point:
    """The nth century (the 21st is 20, TIMEX3's first two digits)."""
    return Point(f"{number - 1:02d}", "century", date(max(1, (number - 1) * 100), 1, 1))


def season(year_: int | None, code: str, first_month: int) -> Point:
    return Point(f"{_y(year_)}-{code}", "season", date(year_, first_month, 1) if year_ else None)


def year_of_kind(kind: str, year_: int | None) -> Point:
    """A fiscal (FY) or school (SY) year, or a calendar year said to be one (CY)."""
    if kind == "CY":
        return year(year_)
    return Point(f"{kind}{_y(year_)}", "year")


def unknown(code: str) -> Point | None:
    """A period of the unit code whose place is not known: 'last week' with no reference date."""
    return Point(*UNKNOWN[code]) if code in UNKNOWN else None


def unknown_day(month_: int | None = None, day_: int | None = None) -> Point:
    """XXXX-06-05, XXXX-XX-18, XXXX-XX-XX."""
    return Point(f"XXXX-{'XX' if month_ is None else f'{month_:02d}'}-{'XX' if day_ is None else f'{day_:02d}'}", "day")


def unknown_year(d: date) -> str:
    """A day whose year is not known, from a stand-in date: XXXX-06-05."""
    return f"XXXX-{d.month:02d}-{d.day:02d}"


UNKNOWN_YEAR = regex.compile(r"XXXX-(\d\d)(?:-(\d\d))?")


def month_and_day(point: Point) -> tuple[int, int | None] | None:
    """The month and day (None for a month) of a point whose year is not known."""
    found = UNKNOWN_YEAR.fullmatch(point.timex)
    return (int(found.group(1)), int(found.group(2)) if found.group(2) else None) if found else None


def unknown_weekday(weekday: int) -> Point:
    return Point(f"XXXX-WXX-{weekday}", "day")


def unknown_decade(tens: int) -> Point:
    return Point(f"XX{tens // 10}", "decade")


CLOCK_TIMEX = regex.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2})(?::(\d{2}))?(?::(\d{2}))?")
DATE_TIMEX = regex.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T\d{2}(?::\d{2}){0,2})?")


def start_of(value: Value) -> date | None:
    """The first day a value's timex names, when it is a calendar date (2023, 2023-06, 2023-06-05T10)."""
    parts = DATE_TIMEX.fullmatch(value.get("timex") or "")
    if parts is None:
        return None
    year_, month_, day_, _ = parts.groups()
    return date(int(year_), int(month_ or 1), int(day_ or 1))


def clock_of(point: Point) -> tuple[str, int, int, int] | None:
    """The day, hour, minute and second of a date-time point (2023-06-05T09:30)."""
    found = CLOCK_TIMEX.fullmatch(point.timex)
    if found is None:
        return None
    day_, hour, minute, second = found.groups()
    return day_, int(hour), int(minute or 0), int(second or 0)


def moment(when: datetime) -> Point:
    return Point(when.strftime("%Y-%m-%dT%H:%M:%S"), "time", when.date())


def time_code(code: str) -> str:
    """A part of the day or a named time as TIMEX3 writes it after the date: TMO, T12:00."""
    return "T" + code


def clock(hour: int, minute: int | None = None, second: int | None = None) -> str:
    """'T15', 'T10:30', 'T10:30:05'."""
    if second is not None:
        return f"T{hour:02d}:{minute or 0:02d}:{second:02d}"
    return f"T{hour:02d}:{minute:02d}" if minute is not None else f"T{hour:02d}"


def number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


# --- values -------------------------------------------------------------------------------

def point_value(point: Point) -> Value:
    return {"timex": point.timex, "kind": "date", "granularity": point.granularity}


def time_value(timex: str) -> Value:
    return {"timex": timex, "kind": "time", "granularity": "time"}


def vague(timex: str) -> Value:
    return {"timex": timex, "kind": "vague", "granularity": None}


def vague_direction(direction: int) -> Value:
    """Some time before (PAST_REF) or after (FUTURE_REF) the reference, how long not known."""
    return vague("PAST_REF" if direction < 0 else "FUTURE_REF")


def range_value(low: str, high: str, granularity: str) -> Value:
    """The value of a range: both ends inclusive, and the TIMEX-style pair."""
    return {"timex": f"({low},{high})", "kind": "range", "granularity": granularity, "from": low, "to": high}


def day_range(low: date, high: date, length_: str | None = None) -> Value:
    """From one day to another, both inclusive; `length_`, when the text gives one ("the past
    three years"), is its `duration`."""
    value = range_value(low.isoformat(), high.isoformat(), "day")
    if length_:
        value["duration"] = length_
    return value


def length(total: dict[str, Decimal]) -> str:
    """P2W, P1Y6M, PT1.5H: the TIMEX3 of a length given by unit code."""
    date_part = "".join(f"{number(total[c])}{c}" for c in ("Y", "M", "W", "WE", "D") if c in total)
    time_part = "".join(f"{number(total[c])}{TIME_UNITS[c]}" for c in ("H", "MIN", "S") if c in total)
    return "P" + date_part + ("T" + time_part if time_part else "")


def duration(total: dict[str, Decimal]) -> Value:
    first = next(c for c in ("Y", "M", "W", "WE", "D", "H", "MIN", "S") if c in total)
    return {"timex": length(total), "kind": "duration", "granularity": GRANULARITY.get(first, "time")}


def vague_duration(code: str) -> Value:
    """'several days' PXD: a length whose number is not known."""
    timex = f"PTX{TIME_UNITS[code]}" if code in TIME_UNITS else f"PX{code}"
    return {"timex": timex, "kind": "duration", "granularity": GRANULARITY.get(code, "time")}


def every(size: Decimal, code: str) -> str:
    """The TIMEX3 of a repetition every `size` units: P1W, PT4H."""
    return f"PT{number(size)}{TIME_UNITS[code]}" if code in TIME_UNITS else f"P{number(size)}{code}"


def set_value(timex: str) -> Value:
    return {"timex": timex, "kind": "set", "granularity": None}


def iso_week(year_: int, week: int) -> Point:
    return Point(f"{year_:04d}-W{week:02d}", "week", date.fromisocalendar(year_, week, 1))
