"""Calendar arithmetic: pure functions of dates and numbers, no text, no lexicon, no context.

Unit codes are TIMEX3's: D day, BD business day, W week, WE weekend, M month, Q quarter,
Y year, DE decade, H hour, MIN minute, S second.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from decimal import Decimal

from . import timex
from .timex import Point

SECONDS = {"H": 3600, "MIN": 60, "S": 1}


def valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def add(day: date, amount: int, unit: str) -> date:
    """The day `amount` units after `day` (before, if negative); months keep the day of the month
    where they can (31 January + 1 month is 28 or 29 February)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "BD":                              # business days: Monday to Friday
        step = 1 if amount > 0 else -1
        for _ in range(abs(amount)):
            day += timedelta(days=step)
            while day.isoweekday() > 5:
                day += timedelta(days=step)
        return day
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12}.get(unit)
    if months is None:
        return day
    total = day.year * 12 + day.month - 1 + amount * months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(ref: date, amount: int, unit: str) -> Point | None:
    """The period `amount` units from `ref`: 'last month' is the month, 'next week' the week."""
    if unit == "D":
        return timex.day(ref + timedelta(days=amount))
    if unit == "W":
        return timex.week_of(ref + timedelta(weeks=amount))
    if unit == "WE":
        return timex.weekend_of(ref + timedelta(weeks=amount))
    if unit == "M":
        moved = add(ref, amount, "M")
        return timex.month(moved.year, moved.month)
    if unit == "Q":
        return timex.quarter_of(add(ref, amount * 3, "M"))
    if unit == "Y":
        return timex.year(ref.year + amount)
    if unit == "DE":
        return timex.decade((ref.year // 10 + amount) * 10)
    return None


def period_end(start: date, unit: str) -> date:
    """The last day of the period of `unit` (W, M, Q, Y) that begins on `start`."""
    return add(start, 1, unit) - timedelta(days=1)


def units_within(first: date, end: date, code: str) -> list[Point]:
    """The days, ISO weeks (by their Thursday) or months from `first` up to `end` (exclusive)."""
    if code == "D":
        return [timex.day(first + timedelta(days=i)) for i in range((end - first).days)]
    if code == "W":
        thursday = first + timedelta(days=(3 - first.weekday()) % 7)
        weeks = []
        while thursday < end:
            weeks.append(timex.week_of(thursday))
            thursday += timedelta(weeks=1)
        return weeks
    if code == "M":
        months, day = [], first
        while day < end:
            months.append(timex.month(day.year, day.month))
            day = add(day, 1, "M")
        return months
    return []


def weekend_near(day: date) -> Point:
    """The weekend of a day's ISO week; for a Monday, the one just before it (Labor Day weekend)."""
    return timex.weekend_of(day - timedelta(days=1 if day.isoweekday() == 1 else 0))


def year_after(first: str, digits: str) -> str:
    """The end year written short after a full one: '2019-20' 2020, '1914-18' 1918, '2005-6'
    2006; '' when it does not read as a later year ('2015-12' may be December 2015)."""
    start, size = int(first), 10 ** len(digits)
    end = start - start % size + int(digits)
    if end <= start:
        end += size
    return str(end) if end - start <= (1 if len(digits) == 1 else 20) else ""


def counted_span(ref: date, size: tuple[Decimal, str], n: int, step: int) -> tuple[date, date]:
    """The first and last day of `n` units (of `size`, in all) after the reference day (step
    > 0, from the next day on) or up to the day before it; quarters and decades are whole ones
    (the last two quarters end with the last quarter)."""
    code = size[1]
    if code == "M" and size[0] % 3 == 0 or code == "Y" and size[0] % 10 == 0:
        months = n if code == "M" else n * 12
        if code == "M":
            first = date(ref.year, ((ref.month - 1) // 3) * 3 + 1, 1)
            low = add(first, 1 if step > 0 else -months // 3, "Q")
        else:
            first = date(ref.year // 10 * 10, 1, 1)
            low = add(first, 10 if step > 0 else -months // 12, "Y")
        return low, add(low, months, "M") - timedelta(days=1)
    if step > 0:
        return add(ref, 1, "BD" if code == "BD" else "D"), add(ref, n, code)
    return add(ref, -n, code), ref - timedelta(days=1)


PERIOD_SIZE = {"year": (1, "Y"), "half": (6, "M"), "quarter": (3, "M"), "season": (3, "M"), "month": (1, "M"),
               "week": (1, "W"), "decade": (10, "Y")}   # by granularity: how long a period is


def part_as_end(start: date, granularity: str, mod: str, first: bool) -> date | None:
    """One end of a range given as a part of a period ("from the middle of 2007 to the end of
    2008"). The part is an instant, the period's start, middle or end: a range from it starts
    on the day that begins there (the day after the period, for its end), one to it stops on
    the day that ends there (the period's first day, for its start). None where the period
    itself is the end (the start of one as the first end, the end of one as the last)."""
    size = PERIOD_SIZE.get(granularity)
    if size is None or mod not in ("START", "MID", "END"):
        return None
    stop = add(start, size[0], size[1])
    if mod == "START":
        return None if first else start
    if mod == "END":
        return stop if first else None
    middle = start + timedelta(days=(stop - start).days // 2)
    return middle if first else middle - timedelta(days=1)


# --- the nearest one, looking forward or back ---------------------------------------------------

def month_year(month: int, ref: date, future: bool) -> int:
    """A bare month: the year of the most recent one (or, of the future, the next one)."""
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def day_of_month(day: int, ref: date, future: bool) -> date | None:
    """A day of the month alone: this month's if it fits the tense, else last (or next) month's."""
    step = 0
    if future and day < ref.day:
        step = 1
    elif not future and day > ref.day:
        step = -1
    month = add(ref.replace(day=1), step, "M")
    return month.replace(day=day) if valid(month.year, month.month, day) else None


def season_year(first_month: int, ref: date, future: bool) -> int:
    """A bare season: the one under way, else the last one (or, of the future, the next)."""
    start = date(ref.year, first_month, 1)
    if start > ref and add(start, -12, "M") <= ref < add(start, -9, "M"):
        return ref.year - 1                       # in January: the winter that began in December
    if start <= ref < add(start, 3, "M"):
        return ref.year
    if future:
        return ref.year if start > ref else ref.year + 1
    return ref.year if start <= ref else ref.year - 1


def weekday_and_day(weekday: int, day: int, ref: date, future: bool) -> date | None:
    """'Mon 13th': the 13th of the reference month if it is a Monday, else the nearest
    Monday the 13th, the next one said of the future and the last one otherwise."""
    step = 1 if future else -1
    month_index = ref.year * 12 + ref.month - 1
    for months in range(0, 15 * step, step):      # every weekday falls on every day within 14 months
        year, month = divmod(month_index + months, 12)
        if valid(year, month + 1, day) and date(year, month + 1, day).isoweekday() == weekday:
            return date(year, month + 1, day)
    return None


def weekday_near(weekday: int, ref: date, future: bool) -> date:
    """The weekday on or before the reference day, or (of the future) on or after it."""
    delta = weekday - ref.isoweekday()
    return ref + timedelta(days=delta % 7) if future else ref - timedelta(days=(-delta) % 7)


def weekday_strictly(weekday: int, ref: date, direction: int) -> date:
    """'this past Friday', 'coming Friday': the nearest one before (or after) the reference day."""
    delta = weekday - ref.isoweekday()
    return ref + timedelta(days=-((-delta) % 7 or 7) if direction < 0 else (delta % 7 or 7))


def weekday_in_week(weekday: int, ref: date, weeks: int) -> date:
    """'last Friday': the Friday of last week; 'next Tuesday': of next week (weeks Monday to Sunday)."""
    return ref + timedelta(days=weekday - ref.isoweekday() + 7 * weeks)


def clock_offset(day: str, hour: int, minute: int, second: int, amount: Decimal, code: str) -> Point:
    """A clock time on a day moved by `amount` hours, minutes or seconds."""
    start = datetime.fromisoformat(day).replace(hour=hour, minute=minute, second=second)
    return timex.moment(start + timedelta(seconds=int(amount * SECONDS[code])))
