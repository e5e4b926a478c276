"""The reference date a caller or a feed gives: dates, datetimes (pandas' Timestamp too), ISO
8601 and RFC 3339 strings with or without a time, and RFC 2822 dates as RSS writes them."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
                     re.IGNORECASE)
SHOWN = 40          # characters of a bad value quoted in an error message


def parse_reference_date(value: Any) -> date | None:
    """The calendar date of `value` as written (a time and its zone are dropped, not
    converted); None for None and for pandas' NaT. Anything else is an error."""
    if value is None:
        return None
    if isinstance(value, datetime):           # pandas' Timestamp and NaT are datetimes too
        if value != value:                   # NaT equals nothing, itself included
            return None
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"reference date must be a date, a datetime or a string, not {type(value).__name__}")
    text = value.strip()
    shown = text if len(text) <= SHOWN else text[:SHOWN] + "..."
    match = ISO_DAY.fullmatch(text)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            raise ValueError(f"reference date {shown!r} is no day of the calendar") from None
    try:
        return parsedate_to_datetime(text).date()    # "Fri, 04 Jan 2019 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"reference date {shown!r} is not YYYY-MM-DD (or ISO 8601 with a time, or RFC 2822)")
