"""Date values as TIMEX3, resolved against the reference date and never against the clock.

Two phases, as the temporal taggers HeidelTime, SUTime and Duckling work: `reading` turns the
groups a rule captured into numbers and unit codes, and `anchoring` places them on the
calendar by the reference date, the tense of the clause (`tense`) and the dates named before;
without a reference date the value stays underspecified (`XXXX-06-05`). `timex` writes every
TIMEX3 format, `arithmetic` does the calendar sums, `holidays` knows named days, `fallback`
hands a span to dateparser.

The `date` normaliser reads the groups listed in docs/rules.md: a point from year, month, day,
weekday, deictic, holiday, quarter, half, week, decade, century, season, fiscal, relative +
unit, year_offset; times from hour, minute, ampm, daypart; offsets from number, unit,
direction (and an anchor point); ranges from the same names with the suffix `_to`. The rule's
`options.kind` picks the recipe (KINDS): `date` (a point, the default), `offset` ("two weeks
ago"), `duration` ("two weeks"), `range`, `span` ("the next three days"), `time` ("10:30
GMT"), `set` ("every Monday"), `vague`, `unit_of`, `rest_of`, `period_from`, `within`,
`period_ending` ("the six months ended June 30").
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

import regex

from ...matching import Mention
from .. import Context
from . import arithmetic, clock, lengths, periods, reading, timex
from .anchoring import Anchor
from .fallback import normalise_with_dateparser
from .points import point
from .reading import Fields

Value = dict[str, Any]
FULL_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
DATE_ORDERS = ("DMY", "MDY")

__all__ = ["normalise_date", "normalise_with_dateparser", "reference_date_of", "check_date_order", "DATE_ORDERS"]


def normalise_date(mention: Mention, ctx: Context) -> Value | None:
    anchor = Anchor(mention, ctx)
    options = anchor.options
    f = reading.fields(mention, ctx)
    if options.get("year_from_text") and "year" not in f:     # a dateline without its year
        year = anchor.dateline_year()
        if year is not None:
            f["year"] = year
    return KINDS.get(options.get("kind", "date"), _date)(f, anchor)


def reference_date_of(value: Value | None) -> date | None:
    """The engine's hook for a dateline (a rule that `sets: reference_date`): the day its value
    names, if it is one full date."""
    found = (value or {}).get("timex")
    if not isinstance(found, str) or not FULL_DATE.fullmatch(found):    # not 2023-W23 (Python 3.11 reads it)
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def check_date_order(order: str | None) -> None:
    """How the caller says which number of 05/06 is the day: DMY, MDY or None (the rule's)."""
    if order not in (None, *DATE_ORDERS):
        raise ValueError(f"date_order must be 'DMY' or 'MDY', not {order!r}")


def _date(f: Fields, a: Anchor) -> Value | None:
    """A point ('5 June'), an offset ('two weeks ago', kind offset), with a time if given."""
    kind = a.options.get("kind", "date")
    if kind == "time" and not reading.has_date(f):
        time = clock.time(f, a.ctx)
        return timex.time_value(time) if time else None
    found = lengths.offset(f, a) if kind == "offset" else point(f, a)
    if found is None or isinstance(found, dict):        # an offset read as a duration
        return found
    if a.options.get("period") and found.start is not None and found.granularity == "day":
        found = arithmetic.shift(found.start, 0, a.options["period"])     # "the week of June 5"
        if found is None:
            return None
    value = timex.point_value(found)
    if "hour" in f or "daypart" in f:
        time = clock.time(f, a.ctx)
        if time is None:
            return None
        value.update(timex=found.timex + time, kind="time", granularity="time")
    if "part" in f:
        value["mod"] = a.ctx.lexicon("date_parts").value(f["part"])
    return value


def _vague(f: Fields, a: Anchor) -> Value | None:
    """options.timex: one value, or one per group ({past: PAST_REF, ...})."""
    value = a.options["timex"]
    if isinstance(value, dict):
        value = next((t for group, t in sorted(value.items()) if group in f), None)
    return timex.vague(value) if value else None


KINDS: dict[str, Callable[[Fields, Anchor], "Value | None"]] = {
    "date": _date,
    "offset": _date,
    "time": _date,
    "duration": lengths.duration,
    "vague": _vague,
    "set": lengths.repetition,
    "range": periods.date_range,
    "span": periods.span,
    "unit_of": periods.unit_of,
    "rest_of": periods.rest_of,
    "period_from": periods.period_from,
    "within": periods.period_from,
    "period_ending": periods.period_ending,
}
