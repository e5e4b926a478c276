"""Stretches of time with two ends: ranges ('3-5 March 2024', '9am-5pm'), spans counted from the
reference date ('the next three days'), 'the rest of the year', 'for three days from today',
and units counted inside a period ('the last week of July')."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import arithmetic, clock, lengths, reading, timex
from .anchoring import Anchor
from .points import point
from .reading import Fields
from .timex import TIME_UNITS, Point

Value = dict[str, Any]
CLOCK_FIELDS = ("hour", "minute", "ampm")


def time_range(f: Fields, a: Anchor) -> Value | None:
    """'9am-5pm', '1-3 pm' (the first takes the second's pm when it is earlier), with a day
    written on either side: both times are on that day."""
    low = {k: v for k, v in f.items() if k in CLOCK_FIELDS}
    high = {k[:-3]: v for k, v in f.items() if k.removesuffix("_to") in CLOCK_FIELDS and k.endswith("_to")}
    if "ampm" not in low and "minute" not in low and "ampm" not in high and "minute" not in high:
        return None                                     # "3-1": a score, not a time
    if "ampm" in high and "ampm" not in low and int(low["hour"]) <= int(high["hour"]):
        low["ampm"] = high["ampm"]
    day_fields = {k.removesuffix("_to"): v for k, v in f.items() if k.removesuffix("_to") not in CLOCK_FIELDS}
    day = point(day_fields, a) if reading.names_day(day_fields) else None
    if reading.names_day(day_fields) and day is None:
        return None
    start, end = clock.time(low, a.ctx), clock.time(high, a.ctx)
    if start is None or end is None:
        return None
    prefix = day.timex if day is not None else ""
    return timex.range_value(prefix + start, prefix + end, "time")


def date_range(f: Fields, a: Anchor) -> Value | None:
    """'3-5 March 2024', 'between March and May 2021', 'from 2014 to May 2018': parts one side
    leaves out come from the other ('3-5 March'); 'now' and 'today' may be either end."""
    if "hour" in f and "hour_to" in f:
        return time_range(f, a)
    low = {k: v for k, v in f.items() if not k.endswith("_to")}
    high = {k[:-3]: v for k, v in f.items() if k.endswith("_to")}
    borrowed_year = False
    for key in ("year", "month", "year_offset"):
        if key in high and key not in low and _needs(low, key):
            low[key] = high[key]
            borrowed_year = borrowed_year or key == "year"
        if key in low and key not in high and _needs(high, key):
            high[key] = low[key]
    if set(low) <= {"day", "part"} and "day" in low and "relative" in high and "unit" in high:
        low.update(relative=high["relative"], unit=high["unit"])      # "from 4-23 of next month"
    if len(high.get("year", "")) in (1, 2) and high["year"].isdigit() and len(low.get("year", "")) == 4:
        high["year"] = arithmetic.year_after(low["year"], high["year"])
        if not high["year"]:
            return None
    order = a.options.get("date_order", "DMY")
    low, high = (reading.day_and_month(side, a.ctx, order) if "first" in side else side for side in (low, high))
    start, end = point(low, a), point(high, a)
    if start is None or end is None:
        return None
    if set(high) == {"weekday"} and start.start is not None:     # "from next Monday to Friday"
        days = (reading.weekday(high["weekday"], a.ctx) - start.start.isoweekday()) % 7
        end = timex.day(start.start + timedelta(days=days))
    start, end = _part_end(start, low, a, first=True), _part_end(end, high, a, first=False)
    if start.start is None and end.start is None and start.granularity == end.granularity \
            and start.timex > end.timex and low.get("month") == high.get("month"):
        return None                                    # "3-2 March": a score, not a range
    if start.start and end.start and start.start > end.start:
        same_month = low.get("month") == high.get("month") or start.granularity == "year"
        if same_month or ("year" in f and not borrowed_year):
            return None
        start = _year_before(start)                     # "Nov-Feb 2017": the November before
    if start.granularity == end.granularity == "day" and start.start and end.start \
            and not any(k in f for k in ("year", "year_to", "year_offset", "year_offset_to")) \
            and a.far_ahead(start.start):
        start, end = (timex.day(arithmetic.add(side.start, -1, "Y")) for side in (start, end))   # as a lone day would
    granularity = start.granularity if start.granularity == end.granularity else "day"
    return timex.range_value(start.timex, end.timex, granularity)


def _part_end(side: Point, f: Fields, a: Anchor, first: bool) -> Point:
    """A range's end written as a part of a period ("the middle of 2007"): that day."""
    if "part" not in f or side.start is None:
        return side
    day = arithmetic.part_as_end(side.start, side.granularity, str(a.ctx.lexicon("date_parts").value(f["part"])), first)
    return timex.day(day) if day is not None else side


def _year_before(side: Point) -> Point:
    """The same day or month a year earlier; a coarser point stays."""
    assert side.start is not None
    earlier = arithmetic.add(side.start, -1, "Y")
    if side.granularity == "day":
        return timex.day(earlier)
    if side.granularity == "month":
        return timex.month(earlier.year, earlier.month)
    return Point(side.timex, side.granularity, earlier)


def _needs(side: Fields, key: str) -> bool:
    """Whether one end of a range lacks a part the other gives ('3' of '3-5 March' lacks the month)."""
    if key == "month":
        return "day" in side and "month" not in side
    return "year" not in side and "year_offset" not in side and ("month" in side or "day" in side or "first" in side)


def span(f: Fields, a: Anchor) -> Value | None:
    """'the next three days' (from tomorrow), 'the past 3 months' (up to today), 'the last
    two quarters' (whole quarters): a range counted from the reference date."""
    size, count = reading.unit(f, a.ctx), reading.count(f, a.ctx)
    if size is None or count is None or count != count.to_integral_value():
        return None
    if size[1] in TIME_UNITS:          # "the last twenty minutes": the clock is unknown, a length of time
        return lengths.duration(f, a)
    return a.counted_span(size, int(count * size[0]), reading.step(f.get("relative"), a.ctx, 1))


def rest_of(f: Fields, a: Anchor) -> Value | None:
    """'the rest of the year': from the reference date to the last day of its year."""
    size = reading.unit(f, a.ctx)
    return a.rest_of(size) if size is not None else None


def period_from(f: Fields, a: Anchor) -> Value | None:
    """'for three days from today', 'a week starting tomorrow': the days from a point on;
    'within 9 months' (kind within) from the reference date, when the sentence is about the
    future, else a length of time."""
    within = a.options.get("kind") == "within"
    if within and not a.future:
        return lengths.duration(f, a)
    size, count = reading.unit(f, a.ctx), reading.count(f, a.ctx)
    if size is None or count is None or count != count.to_integral_value() or size[1] in TIME_UNITS:
        return None
    point_fields = {k: v for k, v in f.items() if k not in ("number", "unit")}
    start = a.today() if within else (point(point_fields, a) if reading.names_day(point_fields) else None)
    if start is None or start.start is None or start.granularity != "day":
        return None
    n = int(count * size[0])
    last = arithmetic.add(start.start, n, size[1]) - timedelta(days=1)
    return timex.day_range(start.start, last, timex.length({size[1]: Decimal(n)}) if size[1] != "BD" else None)


def unit_of(f: Fields, a: Anchor) -> Value | None:
    """'the 15th day of next month', 'the last week of July', 'the first two weeks of 2021':
    units counted inside a month or year. A week belongs to the month or year holding its
    Thursday (as ISO weeks belong to years)."""
    period_fields = {k: v for k, v in f.items() if k in ("month", "year", "relative", "period")}
    if "period" in period_fields:
        period_fields["unit"] = period_fields.pop("period")
    period = point(period_fields, a)
    size, count = reading.unit(f, a.ctx), reading.count(f, a.ctx)
    if f["unit"].endswith("s") and "number" not in f:      # "the final days of October": how many?
        return None
    if period is None or period.start is None or size is None or count is None or \
            period.granularity not in ("month", "year") or count != count.to_integral_value():
        return None
    first = period.start
    end = arithmetic.add(first, 1, "M" if period.granularity == "month" else "Y")
    units = arithmetic.units_within(first, end, size[1])
    n = int(count)
    index = reading.ordinal(f["which"], a.ctx) if "which" in f else None
    if "last" in f:
        chosen = units[-n:] if n <= len(units) else []
    elif index is not None and n == 1:
        chosen = units[index - 1:index] if 1 <= index <= len(units) else []
    elif index == 1:
        chosen = units[:n] if n <= len(units) else []
    else:
        return None
    if not chosen:
        return None
    if len(chosen) == 1 and "in_week" in f and chosen[0].granularity == "week" and chosen[0].start:
        day = chosen[0].start + timedelta(days=reading.weekday(f["in_week"], a.ctx) - 1)   # "... on Friday"
        return timex.point_value(timex.day(day))
    if len(chosen) == 1:
        return timex.point_value(chosen[0])
    return timex.range_value(chosen[0].timex, chosen[-1].timex, chosen[0].granularity)


def period_ending(f: Fields, a: Anchor) -> Value | None:
    """'the six months ended June 30', 'the year to March 31', 'the quarter ending September':
    the days of that many units up to the end date (a month alone: its last day), with their
    length as `duration`. An end without its year is the nearest such day to the reference
    date (anchoring's `nearest`): reports name the period just closed or about to close.
    With no year known, the ends without it (XXXX-10-01 to XXXX-12-31)."""
    size, count = reading.unit(f, a.ctx), reading.count(f, a.ctx)
    if size is None or count is None or count != count.to_integral_value() or size[1] not in ("W", "M", "Y"):
        return None
    end_fields = {k: v for k, v in f.items() if k not in ("number", "unit")}
    end = point(end_fields, a)
    n = int(count * size[0])
    length = {size[1]: Decimal(n)}
    if end is None or end.granularity not in ("day", "month"):
        return None
    known_year = end.start is not None
    if not known_year:                    # no year known: the ends without it, in a stand-in year
        parts = timex.month_and_day(end)
        if parts is None:
            return timex.duration(length)
        month, day = parts
        stand_in = 2000 if (month, day) == (2, 29) else 2001
        end = timex.day(date(stand_in, month, day)) if day else timex.month(stand_in, month)
    assert end.start is not None
    last = end.start if end.granularity == "day" else arithmetic.period_end(end.start, "M")
    if known_year and "year" not in f and "year_offset" not in f:   # "the week ended March 20": the nearest one
        last = a.nearest(last, closed="closed" in f)
    if arithmetic.period_end(last.replace(day=1), "M") == last:     # to a month's end: whole months
        first = arithmetic.add(last + timedelta(days=1), -n, size[1])
    else:                                 # to May 30: from the day after 30 February, i.e. 1 March
        first = arithmetic.add(last, -n, size[1]) + timedelta(days=1)
    if not known_year:
        return timex.range_value(timex.unknown_year(first), timex.unknown_year(last), "day") | {
            "duration": timex.length(length)}
    return timex.day_range(first, last, timex.length(length))
