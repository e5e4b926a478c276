"""Date values as TIMEX3, resolved against the reference date and never against the clock.

The `date` normaliser reads the groups a rule captured (documented in docs/rules.md):
year, month, day, weekday, relative, year_offset, deictic, number, unit, direction, and for a
range the same names with `_to`. The rule's `options.kind` picks the recipe: `date` (a point,
the default), `offset` ("two weeks ago"), `duration` ("two weeks"), `range`, `vague`.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import regex

from ..matching import Mention
from . import Context
from .numbers import parse_number

Fields = dict[str, str]
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
CLAUSE_MARKS = (",", ";", ":", "—", "–")


def normalise_date(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    options = mention.rule.definition.options
    kind = options.get("kind", "date")
    fields = {name: text for name, text in mention.match.groupdict().items() if text is not None}
    if kind == "duration":
        return _duration(fields, ctx)
    if kind == "vague":
        return {"timex": options["timex"], "kind": "vague", "granularity": None}
    if kind == "range":
        return _range(mention, fields, ctx)
    point = _offset(mention, fields, ctx) if kind == "offset" else _point(mention, fields, ctx)
    if point is None:
        return None
    timex, granularity = point
    return {"timex": timex, "kind": "date", "granularity": granularity}


# --- points -----------------------------------------------------------------------------

def _point(mention: Mention, f: Fields, ctx: Context) -> tuple[str, str] | None:
    ref = ctx.reference_date
    if "deictic" in f:
        offset = int(ctx.lexicon("deictic_days").value(f["deictic"], 0))
        return (_iso(ref + timedelta(days=offset)) if ref else "XXXX-XX-XX"), "day"
    if "weekday" in f:
        return _weekday(mention, f, ctx), "day"
    if "relative" in f and "unit" in f:
        return _relative_unit(f, ctx)
    year = _year(f, ctx)
    if "month" in f:
        month = _month(f["month"], ctx)
        if month is None:
            return None
        if "day" in f:
            day = _day(f["day"])
            if year is None and ref is not None:
                year = ref.year
            if year is not None and not _valid(year, month, day):
                return None
            return f"{_y(year)}-{month:02d}-{day:02d}", "day"
        if year is None and ref is not None and "year" not in f and "year_offset" not in f:
            year = _by_tense_month(month, ref, _is_future(mention, ctx))
        return f"{_y(year)}-{month:02d}", "month"
    if year is not None:
        return f"{year:04d}", "year"
    if "year_offset" in f:
        return "XXXX", "year"
    return None


def _year(f: Fields, ctx: Context) -> int | None:
    if "year" in f:
        digits = f["year"].lstrip("'’")
        return int(digits) if len(digits) == 4 else 2000 + int(digits) if len(digits) == 2 else None
    if "year_offset" in f and ctx.reference_date is not None:
        return ctx.reference_date.year + int(ctx.lexicon("relative_words").value(f["year_offset"], 0))
    return None


def _month(text: str, ctx: Context) -> int | None:
    if text.isdigit():
        month = int(text)
    else:
        name = text.rstrip(".")
        month = ctx.lexicon("months").value(name) or ctx.lexicon("month_abbreviations").value(name)
    return int(month) if month and 1 <= int(month) <= 12 else None


def _day(text: str) -> int:
    return int(regex.sub(r"\D", "", text))


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _iso(d: date) -> str:
    return d.isoformat()


def _by_tense_month(month: int, ref: date, future: bool) -> int:
    """A bare month: the most recent one said of the past, the next one said of the future."""
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _weekday(mention: Mention, f: Fields, ctx: Context) -> str:
    weekday = int(ctx.lexicon("weekdays").value(f["weekday"]))
    ref = ctx.reference_date
    if ref is None:
        return f"XXXX-WXX-{weekday}"
    relative = f.get("relative")
    step = int(ctx.lexicon("relative_words").value(relative, 0)) if relative else None
    delta = weekday - ref.isoweekday()          # same week, -6..6
    if step is not None:                        # "last Friday": in last week; "next Tuesday": next week
        return _iso(ref + timedelta(days=delta + 7 * step))
    if _is_future(mention, ctx):
        return _iso(ref + timedelta(days=delta % 7))          # on or after the reference date
    return _iso(ref - timedelta(days=(-delta) % 7))           # on or before it


def _is_future(mention: Mention, ctx: Context) -> bool:
    """Whether the sentence around the mention speaks of the future (lexicon future_markers)."""
    key = ("future_markers_pattern",)
    pattern = ctx.cache.get(key)
    if pattern is None:
        markers = ctx.lexicon("future_markers").surfaces
        pattern = ctx.cache[key] = regex.compile(r"(?i)\b\L<markers>\b", markers=markers)
    return pattern.search(_clause(mention, ctx)) is not None


def _clause(mention: Mention, ctx: Context) -> str:
    """The stretch of the sentence between the punctuation around the mention: in
    "..., the ministry said on Wednesday." the future of an earlier clause does not count."""
    start, end = ctx.segments.sentence_at(mention.start)
    before = max(ctx.text.rfind(mark, start, mention.start) for mark in CLAUSE_MARKS)
    after = [i for i in (ctx.text.find(mark, mention.end, end) for mark in CLAUSE_MARKS) if i >= 0]
    return ctx.text[max(before + 1, start):min(after, default=end)]


# --- offsets, relative units, durations ----------------------------------------------------

def _unit(f: Fields, ctx: Context) -> tuple[Decimal, str] | None:
    code = ctx.lexicon("time_units").value(f.get("unit", ""))
    if code is None:
        return None
    match = regex.fullmatch(r"(\d+)([A-Z]+)", str(code))
    return (Decimal(match.group(1)), match.group(2)) if match else None


def _count(f: Fields, ctx: Context) -> Decimal | None:
    if "number" not in f:
        return Decimal(1)
    return parse_number(f["number"], ctx.lexicons.get("number_words"), ctx.cache)


def _shift(ref: date, amount: int, unit: str) -> tuple[str, str] | None:
    if unit == "D":
        return _iso(ref + timedelta(days=amount)), "day"
    if unit == "W":
        year, week, _ = (ref + timedelta(weeks=amount)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    if unit == "M":
        months = ref.year * 12 + ref.month - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    if unit == "Y":
        return f"{ref.year + amount:04d}", "year"
    return None


def _offset(mention: Mention, f: Fields, ctx: Context) -> tuple[str, str] | None:
    """'two weeks ago' counts from the reference date; with options.relative_to: previous,
    'a year earlier' counts from the date the paragraph named last ("2023, up from ... a year
    earlier" is 2022), else from the reference date."""
    unit, count = _unit(f, ctx), _count(f, ctx)
    if unit is None or count is None:
        return None
    direction = int(ctx.lexicon("relative_words").value(f.get("direction", ""), -1))
    base = ctx.reference_date
    if mention.rule.definition.options.get("relative_to") == "previous":
        base = _previous_date(mention, ctx) or base
    if base is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "vague"
    return _shift(base, int(count * unit[0]) * direction, unit[1])


def _previous_date(mention: Mention, ctx: Context) -> date | None:
    """The start of the last date before the mention in its paragraph (2023 -> 2023-01-01)."""
    if ctx.outcome is None:
        return None
    paragraph_start = ctx.segments.paragraph_at(mention.start)[0]
    for earlier in reversed(ctx.outcome.of_type(mention.type).before(mention.start)):
        if earlier.start < paragraph_start:
            break
        timex = (earlier.value or {}).get("timex", "")
        parts = regex.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", timex)
        if parts:
            year, month, day = parts.groups()
            return date(int(year), int(month or 1), int(day or 1))
    return None


def _relative_unit(f: Fields, ctx: Context) -> tuple[str, str] | None:
    """'last month', 'this week', 'next year'."""
    unit = _unit(f, ctx)
    if unit is None:
        return None
    step = int(ctx.lexicon("relative_words").value(f["relative"], 0))
    if ctx.reference_date is None:
        return "XXXX", "year"
    return _shift(ctx.reference_date, int(unit[0]) * step, unit[1])


def _duration(f: Fields, ctx: Context) -> dict[str, Any] | None:
    unit, count = _unit(f, ctx), _count(f, ctx)
    if unit is None or count is None:
        return None
    amount = count * unit[0]
    number = int(amount) if amount == amount.to_integral_value() else float(amount)
    code = unit[1]
    timex = f"PT{number}{TIME_UNITS[code]}" if code in TIME_UNITS else f"P{number}{code}"
    granularity = {"D": "day", "W": "week", "M": "month", "Y": "year"}.get(code, "time")
    return {"timex": timex, "kind": "duration", "granularity": granularity}


# --- ranges -------------------------------------------------------------------------------

def _range(mention: Mention, f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'3-5 March 2024', 'between March and May 2021', '2019-2021': missing parts are shared."""
    low = {k: v for k, v in f.items() if not k.endswith("_to")}
    high = {k[:-3]: v for k, v in f.items() if k.endswith("_to")}
    for key in ("year", "month", "year_offset"):
        if key in high and key not in low:
            low[key] = high[key]
        if key in low and key not in high:
            high[key] = low[key]
    start, end = _point(mention, low, ctx), _point(mention, high, ctx)
    if start is None or end is None or start[1] != end[1] or start[0] > end[0]:
        return None
    return {"timex": f"({start[0]},{end[0]})", "kind": "range", "granularity": start[1],
            "from": start[0], "to": end[0]}


# --- dateparser, on a span only ----------------------------------------------------------------

def normalise_with_dateparser(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """dateparser reads the span (cached); options.date_order settles 05/06 (default DMY)."""
    options = mention.rule.definition.options
    order = options.get("date_order", "DMY")
    key = ("dateparser", mention.match.group(), order, ctx.reference_date)
    if key not in ctx.cache:
        import dateparser  # slow to import: only when a rule needs it
        settings: dict[str, Any] = {"DATE_ORDER": order, "PREFER_DATES_FROM": "past",
                                    "REQUIRE_PARTS": ["day", "month", "year"]}
        if ctx.reference_date is not None:
            settings["RELATIVE_BASE"] = datetime.combine(ctx.reference_date, datetime.min.time())
        parsed = dateparser.parse(mention.match.group(), languages=["en"], settings=settings)
        ctx.cache[key] = parsed.date().isoformat() if parsed else None
    timex = ctx.cache[key]
    return {"timex": timex, "kind": "date", "granularity": "day"} if timex else None
