"""Points: the calendar period a date's fields name ('5 June 2023', 'last month', 'Q3',
'the nineties'), read with `reading` and placed with `anchoring`."""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

from . import arithmetic, reading, timex
from .anchoring import Anchor
from .reading import Fields
from .timex import Point

Reader = Callable[[Fields, Anchor], "Point | None"]


def point(f: Fields, anchor: Anchor) -> Point | None:
    """The point the fields name: the first reader in POINTS whose fields are all captured.
    The order is the meaning: the most specific reading first ('next week Monday' before
    'next week', 'the 21st of next month' before 'next month', 'June 5' before 'June')."""
    if "first" in f:                                  # 05/06: which is the day
        f = reading.day_and_month(f, anchor.ctx, anchor.options.get("date_order", "DMY"))
    for names, unit, reader in POINTS:
        if all(name in f for name in names) and (unit is None or f["unit"].lower() == unit):
            return reader(f, anchor)
    return None


def _deictic(f: Fields, a: Anchor) -> Point:
    return a.days_from_today(int(a.ctx.lexicon("deictic_days").value(f["deictic"], 0)))


def _holiday(f: Fields, a: Anchor) -> Point | None:
    rule = str(a.ctx.lexicon("holidays").value(f["holiday"]) or "")
    day = a.holiday(rule, a.year(f), f.get("relative"))
    if "weekend" in f and day is not None:
        return arithmetic.weekend_near(day.start) if day.start is not None else None
    return day


def _part_of_year(f: Fields, a: Anchor) -> Point | None:
    """'Q3 2023', 'the third quarter', 'H2 2019', 'the first half of 2023'."""
    if "quarter" in f:
        number, letter, months = reading.ordinal(f["quarter"], a.ctx), "Q", 3
    else:
        number, letter, months = reading.ordinal(f["half"], a.ctx), "H", 6
    if number is None or not 1 <= number <= 12 // months:
        return None
    first_month = (number - 1) * months + 1
    return timex.part_of_year(a.part_year(first_month, months, a.year(f), f), letter, number, first_month)


def _iso_week(f: Fields, a: Anchor) -> Point | None:
    year = a.this_year(a.year(f))
    week = reading.ordinal(f["week"], a.ctx)
    if week is None or not 1 <= week <= 53 or year is None:
        return None
    return timex.iso_week(year, week)


def _decade(f: Fields, a: Anchor) -> Point | None:
    """'1990s', and by the reference date "the '90s" or 'nineties' (lexicon decade_words)."""
    text = f["decade"]
    digits = reading.NOT_DIGIT.sub("", text)
    if len(digits) == 4:
        return timex.decade(int(digits))
    tens = int(digits) if len(digits) == 2 else a.ctx.lexicon("decade_words").value(text.lower())
    return a.decade(int(tens)) if tens is not None else None


def _century(f: Fields, a: Anchor) -> Point | None:
    number = reading.ordinal(f["century"], a.ctx)
    return timex.century(number) if number else None


def _season(f: Fields, a: Anchor) -> Point:
    code = str(a.ctx.lexicon("seasons").value(f["season"]))
    first_month = int(reading.lexicon(a.ctx, "season_starts").value(code))
    return timex.season(a.season_year(first_month, a.year(f), f), code, first_month)


def _year_of_kind(f: Fields, a: Anchor) -> Point:
    """A fiscal, school or calendar year (lexicon year_kinds: FY, SY, CY), named by the year it
    ends in: the 2023-24 financial year is FY2024."""
    kind = str(a.ctx.lexicon("year_kinds").value(f["fiscal"], "FY"))
    year = a.year(f)
    if "year_to" in f:
        year = a.year({"year": f["year_to"]}) if len(f["year_to"]) == 4 else (
            (year // 100) * 100 + int(f["year_to"]) if year else None)
    elif "year_offset" in f:
        year = a.year_of_kind_running(kind, f["year_offset"], year)
    return timex.year_of_kind(kind, year)


def _weekday_of_relative_week(f: Fields, a: Anchor) -> Point | None:
    """'next week Monday'."""
    week = a.relative_unit(f, with_context=False)
    if week is None or week.start is None:
        return week
    return timex.day(week.start + timedelta(days=reading.weekday(f["weekday"], a.ctx) - 1))


def _day_of_relative_month(f: Fields, a: Anchor) -> Point | None:
    """'the 21st of next month'."""
    month, day = a.relative_unit(f, with_context=False), reading.ordinal(f["day"], a.ctx)
    if month is None or month.start is None or day is None:
        return None
    if not arithmetic.valid(month.start.year, month.start.month, day):
        return None
    return timex.day(month.start.replace(day=day))


def _relative_unit(f: Fields, a: Anchor) -> Point | None:
    return a.relative_unit(f)


def _relative_month(f: Fields, a: Anchor) -> Point | None:
    """'next March'; 'next March 5' is a month and day."""
    if "day" in f:
        return _month(f, a)
    month = reading.month(f["month"], a.ctx)
    return a.relative_month(month, f["relative"]) if month is not None else None


def _month(f: Fields, a: Anchor) -> Point | None:
    """'June 5', 'June 5, 2023', 'June', 'June 2023'."""
    month = reading.month(f["month"], a.ctx)
    if month is None:
        return None
    if "day" not in f:
        return a.month(month, a.year(f), f)
    day = reading.ordinal(f["day"], a.ctx)
    return a.month_day(month, day, a.year(f), "year" in f) if day is not None else None


def _day(f: Fields, a: Anchor) -> Point | None:
    """'on the 18th': the nearest 18th, by tense; 'Mon 13th'."""
    day = reading.ordinal(f["day"], a.ctx)
    if not day:
        return None
    return a.day_of_month(day, reading.weekday(f["weekday"], a.ctx) if "weekday" in f else None)


def _weekday(f: Fields, a: Anchor) -> Point:
    return a.weekday(reading.weekday(f["weekday"], a.ctx), f.get("relative"))


def _year(f: Fields, a: Anchor) -> Point | None:
    year = a.year(f)
    return timex.year(year) if year is not None or "year_offset" in f else None


POINTS: tuple[tuple[tuple[str, ...], str | None, Reader], ...] = (
    (("deictic",), None, _deictic),
    (("holiday",), None, _holiday),
    (("quarter",), None, _part_of_year),
    (("half",), None, _part_of_year),
    (("week",), None, _iso_week),
    (("decade",), None, _decade),
    (("century",), None, _century),
    (("season",), None, _season),
    (("fiscal",), None, _year_of_kind),
    (("weekday", "unit", "relative"), None, _weekday_of_relative_week),
    (("day", "relative", "unit"), "month", _day_of_relative_month),
    (("relative", "unit"), None, _relative_unit),
    (("relative", "month"), None, _relative_month),
    (("month",), None, _month),
    (("day",), None, _day),
    (("weekday",), None, _weekday),
    (("year",), None, _year),
    (("year_offset",), None, _year),
)
