"""Clock times: 'T10:30', 'T15', or a part of the day ('TMO')."""
from __future__ import annotations

from . import reading, timex
from .. import Context
from .reading import Fields


def time(f: Fields, ctx: Context) -> str | None:
    """The time the fields give; None for an impossible clock time ('25:70')."""
    if "hour" not in f:
        if "daypart" in f:
            return timex.time_code(str(ctx.lexicon("dayparts").value(f["daypart"])))
        return None
    named = ctx.lexicon("named_times").value(f["hour"]) if not f["hour"].isdigit() else None
    if named is not None:
        return timex.time_code(str(named))
    hour = reading.ordinal(f["hour"], ctx)
    minute = int(f["minute"]) if f.get("minute", "").isdigit() else 0
    if hour is None or hour > 24 or minute > 59:
        return None
    meridiem = reading.meridiem(f, ctx)
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if "sec" in f:
        return timex.clock(hour, minute, int(f["sec"]))
    return timex.clock(hour, minute if "minute" in f else None)
