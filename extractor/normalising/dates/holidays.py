"""Named days: the date a holiday rule of the lexicon `holidays` gives in a year.

A rule is 'MM-DD' (a fixed day), 'easter+N' (N days after Western Easter), 'MM-WD-N' (the Nth
weekday WD of month MM, N = -1 for the last, with an optional +N days: '11-W4-4+1'), 'dates
...' (one day per year listed, for lunar holidays) or 'by country' (a day not known without
the country).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

FIXED_DAY = regex.compile(r"(\d\d)-(\d\d)")                           # "12-25"
NTH_WEEKDAY = regex.compile(r"(\d\d)-W(\d)-(-?\d)([+-]\d+)?")          # "11-W4-4+1"


def fixed_day(rule: str) -> tuple[int, int] | None:
    """The month and day of a holiday that falls on the same day every year."""
    fixed = FIXED_DAY.fullmatch(rule)
    return (int(fixed.group(1)), int(fixed.group(2))) if fixed else None


def holiday_in(rule: str, year: int) -> date | None:
    if rule.startswith("dates "):                 # a lunar-calendar day: that year's, if listed
        listed = [date.fromisoformat(day) for day in rule.split()[1:]]
        return next((day for day in listed if day.year == year), None)
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    fixed = fixed_day(rule)
    if fixed:
        month, day = fixed
        return date(year, month, day) if 1 <= day <= calendar.monthrange(year, month)[1] else None
    nth = NTH_WEEKDAY.fullmatch(rule)
    if not nth:
        return None
    month, weekday, n = (int(p) for p in nth.groups()[:3])
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.isoweekday() == weekday]
    return (days[n - 1] if n > 0 else days[n]) + timedelta(days=int(nth.group(4) or 0))


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letter)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)
