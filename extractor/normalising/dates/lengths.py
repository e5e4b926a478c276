"""Lengths of time and repetitions: durations ('two weeks'), offsets ('two weeks ago'), sets
('every Monday')."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from . import arithmetic, clock, reading, timex
from .anchoring import Anchor
from .points import point
from .reading import Fields, Unit
from .timex import TIME_UNITS, Point

Value = dict[str, Any]


def duration(f: Fields, a: Anchor) -> Value | None:
    """'two weeks' P2W; 'an hour and a half' PT1.5H; 'several days' PXD (a number unknown);
    'more than a year' P1Y with mod MORE_THAN (lexicon duration_qualifiers)."""
    ctx = a.ctx
    total: dict[str, Decimal] = {}
    for suffix in ("", "_2", "_3"):
        size = reading.unit(f, ctx, "unit" + suffix)
        if size is None:
            continue
        if reading.is_vague_count(f, ctx, "number" + suffix):
            return timex.vague_duration(size[1])
        count = reading.count(f, ctx, "number" + suffix)
        if count is None:
            return None
        if "fraction" in f and suffix == "":
            count += reading.count(f, ctx, "fraction") or 0
        total[size[1]] = total.get(size[1], Decimal(0)) + count * size[0]
    if not total or "BD" in total:        # TIMEX3 has no business days: a span, never a length
        return None
    value = timex.duration(total)
    if "qualifier" in f:                  # "more than a year": TIMEX3's mod MORE_THAN
        value["mod"] = ctx.lexicon("duration_qualifiers").value(f["qualifier"].lower())
    return value


def offset(f: Fields, a: Anchor) -> Point | Value | None:
    """'two weeks ago', 'in three years' count from the reference date, to the day; '3 days
    after January 12th' from the date the rule also captured; with options.relative_to:
    previous, 'a year earlier' counts from the date the paragraph named last ("2023, up from
    ... a year earlier" is 2022, a year), else from the reference date; days and weeks, and a
    'later' not said of the future, look back to earlier paragraphs first."""
    ctx, options = a.ctx, a.options
    if options.get("past_reading") == "duration" and "hence" not in f and not a.future:
        return duration(f, a)
    direction = reading.step(f.get("direction"), ctx, -1)
    if reading.is_vague_count(f, ctx):                          # "a few years ago"
        return timex.vague_direction(direction)
    steps = reading.steps(f, ctx)
    if steps is None:
        return None
    unit = steps[0][0]
    anchor_fields = {k: v for k, v in f.items() if k not in reading.OFFSET_FIELDS}
    base: Point | None = None
    if reading.has_date(anchor_fields):
        base = point(anchor_fields, a)
        if base is None or base.start is None:
            return None
    elif options.get("relative_to") == "previous":
        base = a.offset_base(unit[1], direction)
    if base is None:
        base = a.today()
    if base is None or base.start is None:
        return timex.vague_direction(direction)
    if any(u[1] in TIME_UNITS for u, _ in steps):
        return _clock_offset(base, steps, direction) or duration(f, a)
    moved = base.start
    for (size, code), number in steps:            # "2 years 1 month 21 days later": biggest first
        moved = arithmetic.add(moved, int(number * size) * direction, code)
    if options.get("period_of_unit") and "number" not in f and unit[1] in ("W", "M", "Y"):
        return arithmetic.shift(moved, 0, unit[1])          # "the week after Christmas": that week
    if base.granularity == "day":
        if "in_week" in f:                      # "Monday two weeks from now": that week's Monday
            moved += timedelta(days=reading.weekday(f["in_week"], ctx) - moved.isoweekday())
        return timex.day(moved)
    return arithmetic.shift(moved, 0, {"week": "W", "month": "M", "quarter": "Q"}.get(base.granularity, "Y"))


def _clock_offset(base: Point, steps: list[tuple[Unit, Decimal]], direction: int) -> Point | None:
    """'two hours later' from a clock time ('at 9 am'): that time. From a day alone the clock
    it counts from is unknown, and the caller reads the offset as a length of time instead."""
    found = timex.clock_of(base)
    if found is None or len(steps) > 1:
        return None
    (size, code), count = steps[0]
    if code not in TIME_UNITS:
        return None
    return arithmetic.clock_offset(*found, Decimal(int(count * size) * direction), code)


def repetition(f: Fields, a: Anchor) -> Value | None:
    """'every Monday' XXXX-WXX-1, 'weekly' P1W, 'each day at 4pm' P1DT16."""
    ctx = a.ctx
    if "weekday" in f:
        value = timex.unknown_weekday(reading.weekday(f['weekday'].rstrip('s'), ctx)).timex
    else:
        size = reading.unit(f, ctx) or reading.unit_code(ctx.lexicon("set_adverbs").value(f.get("unit", "")))
        count = reading.count(f, ctx)                    # "every two days": 2
        if size is None or count is None or size[1] == "BD":
            return None
        if "other" in f:                          # "every other week": each second one
            count *= 2
        value = timex.every(size[0] * count, size[1])
    if "hour" in f or "daypart" in f:
        value += clock.time(f, ctx) or ""
    return timex.set_value(value)

