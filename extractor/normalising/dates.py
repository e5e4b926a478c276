"""Date values as TIMEX3, resolved against the reference date and never against the clock.

The `date` normaliser reads the groups a rule captured (listed in docs/rules.md): a point is
built from year, month, day, weekday, deictic, holiday, quarter, half, week, decade,
century, season, fiscal, relative + unit, year_offset; times from hour, minute, ampm,
daypart; offsets from number, unit, direction (and an anchor point); ranges from the same
names with the suffix `_to`. The rule's `options.kind` picks the recipe: `date` (a point,
the default), `offset` ("two weeks ago"), `duration` ("two weeks"), `range`, `span` ("the next
three days"), `time` ("10:30 GMT"), `set` ("every Monday") or `vague`.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import regex

from ..matching import Mention
from . import Context
from .numbers import parse_number

Fields = dict[str, str]
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
CLAUSE_MARKS = (",", ";", ":", "—", "–", "\"", "“", "”")   # a quotation is a clause of its own
GRANULARITY = {"D": "day", "BD": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year"}
YEAR_IN_TEXT = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Compiled once: the module-level regex functions look each pattern up in a cache on every call.
NOT_DIGIT = regex.compile(r"\D")
SPACES = regex.compile(r"[\s-]+")
YEAR_HALVES = regex.compile(r"(\w+)\s+(.+)")                          # "nineteen eighty"
FIXED_DAY = regex.compile(r"(\d\d)-(\d\d)")                           # holiday rule "12-25"
NTH_WEEKDAY = regex.compile(r"(\d\d)-W(\d)-(-?\d)([+-]\d+)?")          # holiday rule "11-W4-4+1"
UNIT_CODE = regex.compile(r"(\d+)([A-Z]+)")                            # lexicon value "2W"
LEADING_A = regex.compile(r"(?i)^an?\s+(?=\w+\s+and\b|one\b)")         # "a one and a half"
HALF_AN = regex.compile(r"(?i)^(half|quarter)\s+(?:of\s+)?an?$")         # "half an (hour)"
CLOCK_TIMEX = regex.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2})(?::(\d{2}))?(?::(\d{2}))?")
DATE_TIMEX = regex.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T\d{2}(?::\d{2}){0,2})?")
FINENESS = {"Y": 1, "year": 1, "Q": 2, "quarter": 2, "M": 3, "month": 3, "W": 4, "week": 4,
            "D": 5, "BD": 5, "day": 5, "H": 6, "MIN": 6, "S": 6, "time": 6}
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}   # the month each season starts
# A day and month ahead of the reference date by at most half a year is an upcoming one ("the
# summit opens on June 5", said in March); further ahead, with no future marker, it is last
# year's (an article of 1 January 2020 telling of an outbreak "first confirmed on October 16").
UPCOMING_DAYS = 183
SPANS = ("range", "period_from", "within")   # kinds whose dates are the ends of a stretch of time
UNKNOWN_PERIOD = {"D": ("XXXX-XX-XX", "day"), "W": ("XXXX-WXX", "week"), "WE": ("XXXX-WXX-WE", "weekend"),
                  "M": ("XXXX-XX", "month"), "Q": ("XXXX-QX", "quarter"), "Y": ("XXXX", "year"),
                  "DE": ("XXX", "decade")}


class Point(NamedTuple):
    timex: str
    granularity: str
    start: date | None = None   # the first day it covers, when known


def normalise_date(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    options = mention.rule.definition.options
    kind = options.get("kind", "date")
    fields = _fields(mention)
    if options.get("year_from_text") and "year" not in fields:     # a dateline without its year:
        if ctx.reference_date is not None:                         # the caller's, else the text's first
            fields["year"] = str(ctx.reference_date.year)
        elif year := YEAR_IN_TEXT.search(ctx.text):
            fields["year"] = year.group()
    if kind == "duration":
        return _duration(fields, ctx)
    if kind == "vague":          # options.timex: one value, or one per group ({past: PAST_REF, ...})
        timex = options["timex"]
        if isinstance(timex, dict):
            timex = next((t for group, t in sorted(timex.items()) if group in fields), None)
        return {"timex": timex, "kind": "vague", "granularity": None} if timex else None
    if kind == "set":
        return _set(fields, ctx)
    if kind == "range":
        return _range(mention, fields, ctx)
    if kind == "span":
        return _span(fields, ctx)
    if kind == "unit_of":
        return _unit_of(mention, fields, ctx)
    if kind == "rest_of":
        return _rest_of(fields, ctx)
    if kind in ("period_from", "within"):
        return _period_from(mention, fields, ctx)
    if kind == "time" and not _has_date(fields):
        time = _time(fields, ctx)
        return {"timex": time, "kind": "time", "granularity": "time"} if time else None
    point = _offset(mention, fields, ctx) if kind == "offset" else _point(mention, fields, ctx)
    if point is None or isinstance(point, dict):        # an offset read as a duration
        return point
    if options.get("period") and point.start is not None and point.granularity == "day":
        point = _shift(point.start, 0, options["period"])     # "the week of June 5"
    value: dict[str, Any] = {"timex": point.timex, "kind": "date", "granularity": point.granularity}
    if "hour" in fields or "daypart" in fields:
        time = _time(fields, ctx)
        if time is None:
            return None
        value.update(timex=point.timex + time, kind="time", granularity="time")
    if "part" in fields:
        value["mod"] = ctx.lexicon("date_parts").value(fields["part"])
    return value


def _fields(mention: Mention) -> Fields:
    """The groups the rule captured; a time rule's date written after the clock ("at 10 am
    on 5 June", groups with the suffix _on) counts as the date."""
    fields = {name: text for name, text in mention.match.groupdict().items() if text is not None}
    for name in [n for n in fields if n.endswith("_on")]:
        fields.setdefault(name[:-3], fields.pop(name))
    if fields.get("daypart", "").lower() in ("tonight", "tonite"):
        fields.setdefault("deictic", "today")
    elif "daypart" in fields and "relative" in fields and "unit" not in fields and "weekday" not in fields:
        fields["deictic"] = "yesterday" if fields.pop("relative").lower() == "last" else "today"
    return fields


DATE_FIELDS = ("year", "month", "day", "weekday", "deictic", "holiday", "relative", "year_offset")


def _has_date(f: Fields) -> bool:
    return any(name in f for name in DATE_FIELDS)


# --- points -----------------------------------------------------------------------------

def _point(mention: Mention, f: Fields, ctx: Context) -> Point | None:
    """The calendar point the fields name, most specific reading first."""
    ref = ctx.reference_date
    if "deictic" in f:
        offset = int(ctx.lexicon("deictic_days").value(f["deictic"], 0))
        return _day_point(ref + timedelta(days=offset)) if ref else Point("XXXX-XX-XX", "day")
    if "holiday" in f:
        day = _holiday(mention, f, ctx)
        return _weekend_near(day) if "weekend" in f and day is not None else day
    year = _year(f, ctx)
    if "quarter" in f or "half" in f:
        return _part_of_year(mention, f, year, ctx)
    if "week" in f:
        return _iso_week(f, year, ctx)
    if "decade" in f:
        return _decade(f["decade"], ctx)
    if "century" in f:
        number = _ordinal(f["century"], ctx)
        return Point(f"{number - 1:02d}", "century", date(max(1, (number - 1) * 100), 1, 1)) if number else None
    if "season" in f:
        season = str(ctx.lexicon("seasons").value(f["season"]))
        if year is None and ref is not None:
            year = ref.year if "year_offset" in f else _by_tense_season(SEASONS[season], ref, _is_future(mention, ctx))
        start = date(year, SEASONS[season], 1) if year else None
        return Point(f"{_y(year)}-{season}", "season", start)
    if "fiscal" in f:
        return _year_of_kind(mention, f, year, ctx)
    if "first" in f:
        f = _day_and_month(f, ctx, mention.rule.definition.options.get("date_order", "DMY"))
    if "weekday" in f and "unit" in f and "relative" in f:     # "next week Monday"
        week = _relative_unit(f, ctx)
        if week is None or week.start is None:
            return week
        return _day_point(week.start + timedelta(days=_weekday_number(f["weekday"], ctx) - 1))
    if "day" in f and "relative" in f and f.get("unit", "").lower() == "month":   # "the 21st of next month"
        month, day = _relative_unit(f, ctx), _ordinal(f["day"], ctx)
        if month is None or month.start is None or day is None:
            return None
        return _day_point(month.start.replace(day=day)) if _valid(month.start.year, month.start.month, day) else None
    if "relative" in f and "unit" in f:
        return _relative_unit(f, ctx, mention)
    if "relative" in f and "month" in f and "day" not in f:
        return _relative_month(f, ctx)
    if "month" in f:
        return _month_point(mention, f, year, ctx)
    if "day" in f:                               # "on the 18th": the nearest 18th, by tense
        day = _ordinal(f["day"], ctx)
        if day is None or ref is None:
            return Point(f"XXXX-XX-{day or 0:02d}", "day") if day else None
        if "weekday" in f:
            return _weekday_and_day(mention, _weekday_number(f["weekday"], ctx), day, ctx)
        return _day_by_tense(day, ref, _is_future(mention, ctx))
    if "weekday" in f:
        return _weekday(mention, f, ctx)
    if year is not None:
        return Point(f"{year:04d}", "year", date(year, 1, 1))
    if "year_offset" in f:
        return Point("XXXX", "year")
    return None


def _year_of_kind(mention: Mention, f: Fields, year: int | None, ctx: Context) -> Point:
    """A fiscal, school or calendar year (lexicon year_kinds: FY, SY, CY), named by the year it
    ends in: the 2023-24 financial year is FY2024. Which one runs now depends on the month it
    starts in, the rule's options.fiscal_start_month or school_start_month."""
    kind = str(ctx.lexicon("year_kinds").value(f["fiscal"], "FY"))
    ref = ctx.reference_date
    if "year_to" in f:
        year = _year({"year": f["year_to"]}, ctx) if len(f["year_to"]) == 4 else (
            (year // 100) * 100 + int(f["year_to"]) if year else None)
    elif "year_offset" in f and ref is not None:      # "this fiscal year": the one running now
        options = mention.rule.definition.options
        start_option = {"FY": "fiscal_start_month", "SY": "school_start_month"}.get(kind)
        first_month = int(options.get(start_option, 1)) if start_option else 1
        current = ref.year + (1 if first_month > 1 and ref.month >= first_month else 0)
        year = current + int(ctx.lexicon("relative_words").value(f["year_offset"], 0))
    if kind == "CY":
        return Point(_y(year), "year", date(year, 1, 1) if year else None)
    return Point(f"{kind}{_y(year)}", "year")


def _weekday_and_day(mention: Mention, weekday: int, day: int, ctx: Context) -> Point | None:
    """'Mon 13th': the 13th of the reference month if it is a Monday, else the nearest
    Monday the 13th, the next one said of the future and the last one otherwise."""
    ref = ctx.reference_date
    assert ref is not None
    step = 1 if _is_future(mention, ctx) else -1
    month_index = ref.year * 12 + ref.month - 1
    for months in range(0, 15 * step, step):      # every weekday falls on every day within 14 months
        year, month = divmod(month_index + months, 12)
        if _valid(year, month + 1, day) and date(year, month + 1, day).isoweekday() == weekday:
            return _day_point(date(year, month + 1, day))
    return None


def _day_and_month(f: Fields, ctx: Context, rule_order: str) -> Fields:
    """05/06: which number is the day. One over 12 settles it; else the caller's date_order,
    else the rule's options.date_order (default DMY, day first)."""
    first, second = int(f["first"]), int(f["second"])
    order = ctx.date_order or rule_order
    if first > 12 >= second:
        order = "DMY"
    elif second > 12 >= first:
        order = "MDY"
    day, month = (first, second) if order == "DMY" else (second, first)
    return {**f, "day": str(day), "month": str(month)}


def _relative_month(f: Fields, ctx: Context) -> Point | None:
    """'this September' is this year's; 'next March' the first after the reference date,
    'last May' the last before it."""
    month, ref = _month(f["month"], ctx), ctx.reference_date
    if month is None:
        return None
    if ref is None:
        return Point(f"XXXX-{month:02d}", "month")
    step = int(ctx.lexicon("relative_words").value(f["relative"], 0))
    year = ref.year
    if step > 0 and month <= ref.month:
        year += 1
    elif step < 0 and month >= ref.month:
        year -= 1
    return Point(f"{year:04d}-{month:02d}", "month", date(year, month, 1))


def _weekday_number(text: str, ctx: Context) -> int:
    name = text.rstrip(".")
    return int(ctx.lexicon("weekdays").value(name) or ctx.lexicon("weekday_abbreviations").value(name))


def _day_point(day: date) -> Point:
    return Point(day.isoformat(), "day", day)


def _month_point(mention: Mention, f: Fields, year: int | None, ctx: Context) -> Point | None:
    ref = ctx.reference_date
    month = _month(f["month"], ctx)
    if month is None:
        return None
    if "day" in f:
        day = _ordinal(f["day"], ctx)
        if day is None:
            return None
        if year is None and ref is not None:     # this year's; the next one when said of the future and
            year = ref.year                      # past, last year's when far ahead and not of the future
            if _valid(year, month, day):
                this_year = date(year, month, day)
                if this_year < ref and _is_future(mention, ctx):
                    year += 1
                elif mention.rule.definition.options.get("kind") not in SPANS and _far_ahead(this_year, mention, ctx):
                    year -= 1
        if year is None or ("year" not in f and not _valid(year, month, day)):   # "Feb 29" in 2017
            return Point(f"XXXX-{month:02d}-{day:02d}", "day") if _valid(2000, month, day) else None
        return _day_point(date(year, month, day)) if _valid(year, month, day) else None
    if year is None and ref is not None and "year" not in f and "year_offset" not in f:
        year = _by_tense_month(month, ref, _is_future(mention, ctx))
    return Point(f"{_y(year)}-{month:02d}", "month", date(year, month, 1) if year else None)


def _year(f: Fields, ctx: Context) -> int | None:
    if "year" in f:
        digits = f["year"].lstrip("'’")
        if digits.isdigit():
            if len(digits) == 4:
                return int(digits)
            if len(digits) == 2:                   # '87 is 1987, '24 is 2024
                pivot = (ctx.reference_date.year % 100 + 20) if ctx.reference_date else 50
                return (2000 if int(digits) <= pivot else 1900) + int(digits)
            return None
        return _year_in_words(digits, ctx)
    if "year_offset" in f and ctx.reference_date is not None:
        return ctx.reference_date.year + int(ctx.lexicon("relative_words").value(f["year_offset"], 0))
    return None


def _year_in_words(text: str, ctx: Context) -> int | None:
    """'nineteen eighty six' -> 1986, 'two thousand and five' -> 2005."""
    words = ctx.lexicons.get("number_words")
    if words is None:
        return None
    if "thousand" in text or "hundred" in text:
        value = parse_number(text, words, ctx.cache)
        return int(value) if value and 1000 <= value <= 2999 else None
    halves = YEAR_HALVES.match(text)
    if not halves:
        return None
    century, rest = (parse_number(part, words, ctx.cache) for part in halves.groups())
    return int(century * 100 + rest) if century and rest is not None and 10 <= century <= 29 else None


def _month(text: str, ctx: Context) -> int | None:
    if text.isdigit():
        month = int(text)
    else:
        name = text.rstrip(".")
        month = ctx.lexicon("months").value(name) or ctx.lexicon("month_abbreviations").value(name)
    return int(month) if month and 1 <= int(month) <= 12 else None


def _ordinal(text: str, ctx: Context) -> int | None:
    """'5', '5th', 'fifth', 'twenty-first', 'twenty five' -> the number."""
    digits = NOT_DIGIT.sub("", text)
    if digits:
        return int(digits)
    value = ctx.lexicon("ordinal_words").value(SPACES.sub(" ", text.strip()))
    if value is None:
        value = parse_number(text, ctx.lexicons.get("number_words"), ctx.cache)
    return int(value) if value is not None and value == int(value) else None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _by_tense_month(month: int, ref: date, future: bool) -> int:
    """A bare month: the most recent one said of the past, the next one said of the future."""
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _far_ahead(day: date, mention: Mention, ctx: Context) -> bool:
    """A day written without its year, more than UPCOMING_DAYS after the reference date in a
    clause not about the future: last year's is meant."""
    ref = ctx.reference_date
    return ref is not None and (day - ref).days > UPCOMING_DAYS and not _is_future(mention, ctx)


def _day_by_tense(day: int, ref: date, future: bool) -> Point | None:
    """A day of the month alone: this month's if it fits the tense, else last (or next) month's."""
    step = 0
    if future and day < ref.day:
        step = 1
    elif not future and day > ref.day:
        step = -1
    month = _add(ref.replace(day=1), step, "M")
    return _day_point(month.replace(day=day)) if _valid(month.year, month.month, day) else None


def _by_tense_season(first_month: int, ref: date, future: bool) -> int:
    """A bare season: the one under way, else the last one (or, of the future, the next)."""
    start = date(ref.year, first_month, 1)
    if start > ref and _add(start, -12, "M") <= ref < _add(start, -9, "M"):
        return ref.year - 1                       # in January: the winter that began in December
    if start <= ref < _add(start, 3, "M"):
        return ref.year
    if future:
        return ref.year if start > ref else ref.year + 1
    return ref.year if start <= ref else ref.year - 1


def _weekday(mention: Mention, f: Fields, ctx: Context) -> Point:
    weekday = _weekday_number(f["weekday"], ctx)
    ref = ctx.reference_date
    if ref is None:
        return Point(f"XXXX-WXX-{weekday}", "day")
    relative = f.get("relative")
    step = int(ctx.lexicon("relative_words").value(relative, 0)) if relative else None
    if relative is not None and ctx.lexicon("nearest_words").value(relative) is not None:
        step = None                             # "this past Friday", "coming Friday": the nearest
        direction = int(ctx.lexicon("nearest_words").value(relative))
        delta = weekday - ref.isoweekday()
        days = -((-delta) % 7 or 7) if direction < 0 else (delta % 7 or 7)
        return _day_point(ref + timedelta(days=days))
    delta = weekday - ref.isoweekday()          # same week, -6..6
    if step is not None:                        # "last Friday": in last week; "next Tuesday": next week
        return _day_point(ref + timedelta(days=delta + 7 * step))
    if _is_future(mention, ctx):
        return _day_point(ref + timedelta(days=delta % 7))          # on or after the reference date
    return _day_point(ref - timedelta(days=(-delta) % 7))           # on or before it


def _is_future(mention: Mention, ctx: Context) -> bool:
    """Whether the sentence around the mention speaks of the future (lexicon future_markers),
    unless the word before the date always looks back (lexicon past_markers: "since Friday")."""
    key = ("future_markers_pattern",)
    patterns = ctx.cache.get(key)
    if patterns is None:
        future = ctx.lexicon("future_markers").surfaces
        past = ctx.lexicons["past_markers"].surfaces if "past_markers" in ctx.lexicons else []
        patterns = ctx.cache[key] = (regex.compile(r"(?i)\b\L<markers>\b", markers=future),
                                     regex.compile(r"(?i)\b\L<markers>\s+$", markers=past) if past else None)
    future_marker, past_marker = patterns
    if past_marker is not None and past_marker.search(ctx.text, max(0, mention.start - 24), mention.start):
        return False
    return future_marker.search(_clause(mention, ctx)) is not None


def _clause(mention: Mention, ctx: Context) -> str:
    """Where the tense of a date is read: its clause (the sentence between the punctuation
    around it; in "..., the ministry said on Wednesday." an earlier clause's future does not
    count) up to the date, where the verb that governs it stands ("will meet on Friday"); a
    future after the date is mostly another verb's ("rose in February and is expected to
    ..."). A date that opens its clause takes the rest of it, or the next clause if a comma
    follows ("In May, ministers will meet"). The month itself is blanked out: "May" is no
    modal verb."""
    text = ctx.text
    start, end = ctx.segments.sentence_at(mention.start)
    first = _first_listed(mention, ctx, start)    # "on Tuesday, Wednesday and ...": the list's tense
    before = _clause_start(text, start, first.start)
    after = first.end
    if len(text[before:first.start].split()) <= 2:
        after = _clause_end(text, first.end, end)
        if after < end and not text[first.end:after].strip():
            after = _clause_end(text, after + 1, end)
    clause = text[before:after]
    month = first.group_span("month") if "month" in first.match.re.groupindex else None
    if month is not None and before <= month[0] and month[1] <= after:
        clause = clause[:month[0] - before] + " " * (month[1] - month[0]) + clause[month[1] - before:]
    return clause


def _first_listed(mention: Mention, ctx: Context, sentence_start: int) -> Mention:
    """The first of dates listed with commas by the same rule ("Tuesday, Wednesday and Thursday")."""
    first = mention
    while ctx.outcome is not None:
        comma = _clause_start(ctx.text, sentence_start, first.start) - 1
        if comma < sentence_start or ctx.text[comma] != "," or ctx.text[comma + 1:first.start].strip():
            break
        listed = ctx.outcome.of_type(mention.type).overlapping((comma - 1, comma))
        if listed is None or listed.end != comma or listed.rule.id != mention.rule.id:
            break
        first = listed
    return first


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    return max(max(text.rfind(mark, sentence_start, pos) for mark in CLAUSE_MARKS) + 1, sentence_start)


def _clause_end(text: str, pos: int, sentence_end: int) -> int:
    return min((i for i in (text.find(mark, pos, sentence_end) for mark in CLAUSE_MARKS) if i >= 0),
               default=sentence_end)


def _part_of_year(mention: Mention, f: Fields, year: int | None, ctx: Context) -> Point | None:
    """'Q3 2023', 'the third quarter', 'H2 2019', 'the first half of 2023'."""
    ref = ctx.reference_date
    if "quarter" in f:
        number, letter, months = _ordinal(f["quarter"], ctx), "Q", 3
    else:
        number, letter, months = _ordinal(f["half"], ctx), "H", 6
    if number is None or not 1 <= number <= 12 // months:
        return None
    first_month = (number - 1) * months + 1
    if "year" not in f and "year_offset" not in f and ref is not None:   # by tense, like a bare month
        year = _by_tense_month(first_month, ref, _is_future(mention, ctx))
        if year > ref.year and first_month <= ref.month < first_month + months:
            year = ref.year                        # the quarter under way is this year's, even of the future
    start = date(year, first_month, 1) if year else None
    return Point(f"{_y(year)}-{letter}{number}", "quarter" if letter == "Q" else "half", start)


def _iso_week(f: Fields, year: int | None, ctx: Context) -> Point | None:
    ref = ctx.reference_date
    if year is None and ref is not None:
        year = ref.year
    week = _ordinal(f["week"], ctx)
    if week is None or not 1 <= week <= 53 or year is None:
        return None
    return Point(f"{year:04d}-W{week:02d}", "week", date.fromisocalendar(year, week, 1))


def _decade(text: str, ctx: Context) -> Point | None:
    """'1990s', and in 2018 "the '90s" or 'nineties' -> 199 (TIMEX3 for a decade)."""
    digits = NOT_DIGIT.sub("", text)
    if len(digits) == 4:
        return Point(digits[:3], "decade", date(int(digits), 1, 1))
    tens = int(digits) if len(digits) == 2 else ctx.lexicon("decade_words").value(text.lower())
    if tens is None:
        return None
    ref = ctx.reference_date
    if ref is None:
        return Point(f"XX{int(tens) // 10}", "decade")
    first = ref.year // 100 * 100 + int(tens)          # the latest such decade begun by the reference date
    first -= 100 if first > ref.year else 0
    return Point(f"{first // 10:03d}", "decade", date(first, 1, 1))


def _holiday(mention: Mention, f: Fields, ctx: Context) -> Point | None:
    """A named day from the lexicon holidays: 'MM-DD', 'easter+N', 'MM-WD-N' (the Nth
    weekday WD of month MM; N = -1 for the last), or 'dates ...' (one per year listed), in
    the year given or by tense; 'by country' is a day not known without the country."""
    rule = str(ctx.lexicon("holidays").value(f["holiday"]) or "")
    year = _year(f, ctx)
    ref = ctx.reference_date
    if rule == "by country":                   # "Independence Day": a day, but which one?
        return Point("XXXX-XX-XX", "day")
    unknown = Point("XXXX-XX-XX", "day") if rule.startswith("dates ") else None   # a year not listed
    if year is None and ref is None:
        fixed = FIXED_DAY.fullmatch(rule)
        return Point(f"XXXX-{fixed.group(1)}-{fixed.group(2)}", "day") if fixed else unknown
    if year is not None:
        day = _holiday_in(rule, year)
        return _day_point(day) if day else unknown
    assert ref is not None
    relative = f.get("relative")
    step = int(ctx.lexicon("relative_words").value(relative, 0)) if relative else None
    this_year = _holiday_in(rule, ref.year)
    if this_year is None:
        return unknown
    if step is None:                       # by tense: the next one, or the most recent one
        step = 1 if _is_future(mention, ctx) else -1
        if this_year == ref:
            return _day_point(ref)
    if step > 0:
        day = this_year if this_year > ref else _holiday_in(rule, ref.year + 1)
    elif step < 0:
        day = this_year if this_year < ref else _holiday_in(rule, ref.year - 1)
    else:
        day = this_year
    return _day_point(day) if day else unknown


def _weekend_near(day: Point) -> Point | None:
    """The weekend of a day's ISO week; for a Monday, the one just before it (Labor Day weekend)."""
    if day.start is None:
        return None
    year, week, _ = (day.start - timedelta(days=1 if day.start.isoweekday() == 1 else 0)).isocalendar()
    return Point(f"{year:04d}-W{week:02d}-WE", "weekend", date.fromisocalendar(year, week, 6))


def _holiday_in(rule: str, year: int) -> date | None:
    if rule.startswith("dates "):                 # a lunar-calendar day: that year's, if listed
        listed = [date.fromisoformat(day) for day in rule.split()[1:]]
        return next((day for day in listed if day.year == year), None)
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:] or 0))
    fixed = FIXED_DAY.fullmatch(rule)
    if fixed:
        month, day = int(fixed.group(1)), int(fixed.group(2))
        return date(year, month, day) if _valid(year, month, day) else None
    nth = NTH_WEEKDAY.fullmatch(rule)
    if not nth:
        return None
    month, weekday, n = (int(p) for p in nth.groups()[:3])
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.isoweekday() == weekday]
    return (days[n - 1] if n > 0 else days[n]) + timedelta(days=int(nth.group(4) or 0))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


# --- times --------------------------------------------------------------------------------

def _time(f: Fields, ctx: Context) -> str | None:
    """'T10:30', 'T15', or a part of the day ('TMO'); None for an impossible clock time."""
    if "hour" not in f:
        if "daypart" in f:
            return "T" + str(ctx.lexicon("dayparts").value(f["daypart"]))
        return None
    named = ctx.lexicon("named_times").value(f["hour"]) if not f["hour"].isdigit() else None
    if named is not None:
        return "T" + str(named)
    hour = _ordinal(f["hour"], ctx)
    minute = int(f["minute"]) if f.get("minute", "").isdigit() else 0
    if hour is None or hour > 24 or minute > 59:
        return None
    meridiem = {"a": "am", "p": "pm"}.get(f.get("ampm", ""), "")
    if "ampm" in f and not meridiem:
        meridiem = str(ctx.lexicon("meridiems").value(f["ampm"], ""))
    if not meridiem and "daypart" in f:
        meridiem = {"AF": "pm", "EV": "pm", "NI": "pm"}.get(str(ctx.lexicon("dayparts").value(f["daypart"])), "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if "sec" in f:
        return f"T{hour:02d}:{minute:02d}:{int(f['sec']):02d}"
    return f"T{hour:02d}:{minute:02d}" if "minute" in f else f"T{hour:02d}"


# --- offsets, relative units, durations ----------------------------------------------------

def _unit(f: Fields, ctx: Context, name: str = "unit") -> tuple[Decimal, str] | None:
    return _unit_code(ctx.lexicon("time_units").value(f.get(name, "").rstrip(".")))


def _unit_code(code: Any) -> tuple[Decimal, str] | None:
    """'2W' (a lexicon value) -> (2, 'W')."""
    match = UNIT_CODE.fullmatch(str(code)) if code is not None else None
    return (Decimal(match.group(1)), match.group(2)) if match else None


def _count(f: Fields, ctx: Context) -> Decimal | None:
    if "number" not in f:
        return Decimal(1)
    counted = ctx.lexicon("count_words").value(f["number"].lower())
    if counted is not None:
        return Decimal(str(counted))
    text = LEADING_A.sub("", f["number"])
    text = HALF_AN.sub(r"\1", text)
    return parse_number(text.replace("½", ".5"), ctx.lexicons.get("number_words"), ctx.cache)


def _add(day: date, amount: int, unit: str) -> date:
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


def _shift(ref: date, amount: int, unit: str) -> Point | None:
    """The period `amount` units from `ref`: 'last month' is the month, 'next week' the week."""
    if unit == "D":
        return _day_point(ref + timedelta(days=amount))
    if unit == "W":
        year, week, _ = (ref + timedelta(weeks=amount)).isocalendar()
        return Point(f"{year:04d}-W{week:02d}", "week", date.fromisocalendar(year, week, 1))
    if unit == "WE":
        year, week, _ = (ref + timedelta(weeks=amount)).isocalendar()
        return Point(f"{year:04d}-W{week:02d}-WE", "weekend", date.fromisocalendar(year, week, 6))
    if unit == "M":
        moved = _add(ref, amount, "M")
        return Point(f"{moved.year:04d}-{moved.month:02d}", "month", moved.replace(day=1))
    if unit == "Q":
        moved = _add(ref, amount * 3, "M")
        quarter = (moved.month - 1) // 3 + 1
        return Point(f"{moved.year:04d}-Q{quarter}", "quarter", date(moved.year, quarter * 3 - 2, 1))
    if unit == "Y":
        return Point(f"{ref.year + amount:04d}", "year", date(ref.year + amount, 1, 1))
    if unit == "DE":
        decade = ref.year // 10 + amount
        return Point(f"{decade:03d}", "decade", date(decade * 10, 1, 1))
    return None


def _offset(mention: Mention, f: Fields, ctx: Context) -> Point | dict[str, Any] | None:
    """'two weeks ago', 'in three years' count from the reference date, to the day; '3 days
    after January 12th' from the date the rule also captured; with options.relative_to:
    previous, 'a year earlier' counts from the date the paragraph named last ("2023, up from
    ... a year earlier" is 2022, a year), else from the reference date; days and weeks, and a
    'later' not said of the future, look back to earlier paragraphs first."""
    options = mention.rule.definition.options
    if options.get("past_reading") == "duration" and "hence" not in f and not _is_future(mention, ctx):
        return _duration(f, ctx)
    direction = int(ctx.lexicon("relative_words").value(f.get("direction", ""), -1))
    if f.get("number", "").lower() in ctx.lexicon("vague_counts").surfaces:     # "a few years ago"
        return _vague_offset(direction)
    steps = _steps(f, ctx)
    if steps is None:
        return None
    unit = steps[0][0]
    anchor_fields = {k: v for k, v in f.items() if k not in OFFSET_FIELDS}
    base: Point | None = None
    if _has_date(anchor_fields):
        base = _point(mention, anchor_fields, ctx)
        if base is None or base.start is None:
            return None
    elif mention.rule.definition.options.get("relative_to") == "previous":
        base = _previous_date(mention, ctx)
        if base is None and (FINENESS.get(unit[1], 0) >= FINENESS["W"] or
                             direction > 0 and not _is_future(mention, ctx)):
            base = _previous_date(mention, ctx, whole_text=True)
        if base is not None and FINENESS.get(unit[1], 0) > FINENESS.get(base.granularity, 0):
            base = None          # "last month ... 3 weeks later": count the weeks from the reference date
    if base is None and ctx.reference_date is not None:
        base = _day_point(ctx.reference_date)
    if base is None or base.start is None:
        return _vague_offset(direction)
    if any(u[1] in TIME_UNITS for u, _ in steps):
        return _clock_offset(base, steps, direction) or _duration(f, ctx)
    moved = base.start
    for (size, code), number in steps:            # "2 years 1 month 21 days later": biggest first
        moved = _add(moved, int(number * size) * direction, code)
    if options.get("period_of_unit") and "number" not in f and unit[1] in ("W", "M", "Y"):
        return _shift(moved, 0, unit[1])          # "the week after Christmas": that week
    if base.granularity == "day":
        if "in_week" in f:                      # "Monday two weeks from now": that week's Monday
            moved += timedelta(days=_weekday_number(f["in_week"], ctx) - moved.isoweekday())
        return _day_point(moved)
    return _shift(moved, 0, {"week": "W", "month": "M", "quarter": "Q"}.get(base.granularity, "Y"))


def _vague_offset(direction: int) -> dict[str, Any]:
    return {"timex": "PAST_REF" if direction < 0 else "FUTURE_REF", "kind": "vague", "granularity": None}


def _clock_offset(base: Point, steps: list[tuple[tuple[Decimal, str], Decimal]], direction: int) -> Point | None:
    """'two hours later' from a clock time ('at 9 am'): that time. From a day alone the clock
    it counts from is unknown, and the caller reads the offset as a length of time instead."""
    clock = CLOCK_TIMEX.fullmatch(base.timex)
    if clock is None or len(steps) > 1:
        return None
    day, hour, minute, second = clock.groups()
    (size, code), count = steps[0]
    if code not in TIME_UNITS:
        return None
    start = datetime.fromisoformat(day).replace(hour=int(hour), minute=int(minute or 0), second=int(second or 0))
    moment = start + timedelta(seconds=int(count * size) * {"H": 3600, "MIN": 60, "S": 1}[code] * direction)
    return Point(moment.strftime("%Y-%m-%dT%H:%M:%S"), "time", moment.date())


OFFSET_FIELDS = ("number", "unit", "number_2", "unit_2", "number_3", "unit_3", "direction", "in_week", "hence")


def _steps(f: Fields, ctx: Context) -> list[tuple[tuple[Decimal, str], Decimal]] | None:
    """The units and whole counts of an offset: one, or up to three ("2 weeks and 2 days")."""
    steps = []
    for suffix in ("", "_2", "_3"):
        if "unit" + suffix not in f:
            continue
        unit = _unit(f, ctx, "unit" + suffix)
        count = _count({"number": f["number" + suffix]} if "number" + suffix in f else {}, ctx)
        if unit is None or count is None or count != count.to_integral_value():
            return None
        steps.append((unit, count))
    return steps or None


def _previous_date(mention: Mention, ctx: Context, whole_text: bool = False) -> Point | None:
    """The last date before the mention in its paragraph, or in the whole text before it:
    "the day before the blast" and "Now, 83 years later" count from a date an earlier
    paragraph named, where the reference date would be wrong."""
    if ctx.outcome is None:
        return None
    paragraph_start = 0 if whole_text else ctx.segments.paragraph_at(mention.start)[0]
    for earlier in ctx.outcome.of_type(mention.type).latest_first(mention.start):
        if earlier.start < paragraph_start:
            break
        value = earlier.value or {}
        parts = DATE_TIMEX.fullmatch(value.get("timex", ""))
        if parts:
            year, month, day, _ = parts.groups()
            return Point(value["timex"], value.get("granularity", "day"),
                         date(int(year), int(month or 1), int(day or 1)))
    return None


def _relative_unit(f: Fields, ctx: Context, mention: Mention | None = None) -> Point | None:
    """'last month', 'this week', 'next year', 'the following quarter'."""
    unit = _unit(f, ctx)
    if unit is None:
        return None
    step = int(ctx.lexicon("relative_words").value(f["relative"], 0))
    if f["relative"].lower() == "same" and mention is not None:    # "the same year": the one named last
        previous = _previous_date(mention, ctx, whole_text=FINENESS.get(unit[1], 0) >= FINENESS["W"])
        if previous is not None and previous.start is not None and \
                FINENESS.get(previous.granularity, 0) >= FINENESS.get(unit[1], 9):
            return _shift(previous.start, 0, unit[1])
    if ctx.reference_date is None:                # "last week" with no reference date: a week, which one unknown
        code = "DE" if unit == (10, "Y") else "Q" if unit == (3, "M") else unit[1]
        return Point(*UNKNOWN_PERIOD[code]) if code in UNKNOWN_PERIOD else None
    if unit[1] == "Y" and unit[0] == 10:
        return _shift(ctx.reference_date, step, "DE")
    if unit[1] == "M" and unit[0] == 3:
        return _shift(ctx.reference_date, step, "Q")
    if unit[1] == "W" and unit[0] == 2:
        return None
    if unit[1] == "WE" and f["relative"].lower() in ("the", "that") and ctx.reference_date.isoweekday() < 6 \
            and not (mention is not None and _is_future(mention, ctx)):
        step = -1                                  # "over the weekend", said on a weekday: the last one
    return _shift(ctx.reference_date, int(unit[0]) * step, unit[1])


def _duration(f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'two weeks' P2W; 'an hour and a half' PT1.5H; 'several days' PXD (a number unknown)."""
    total: dict[str, Decimal] = {}
    for suffix in ("", "_2", "_3"):
        unit = _unit(f, ctx, "unit" + suffix)
        if unit is None:
            continue
        if f.get("number" + suffix, "").lower() in ctx.lexicon("vague_counts").surfaces:
            return _vague_duration(unit[1])
        count = _count({"number": f["number" + suffix]} if "number" + suffix in f else {}, ctx)
        if count is None:
            return None
        if "fraction" in f and suffix == "":
            count += _count({"number": f["fraction"]}, ctx) or 0
        total[unit[1]] = total.get(unit[1], Decimal(0)) + count * unit[0]
    if not total or "BD" in total:        # TIMEX3 has no business days: a span, never a length
        return None
    date_part = "".join(f"{_number(total[c])}{c}" for c in ("Y", "M", "W", "WE", "D") if c in total)
    time_part = "".join(f"{_number(total[c])}{TIME_UNITS[c]}" for c in ("H", "MIN", "S") if c in total)
    timex = "P" + date_part + ("T" + time_part if time_part else "")
    first = next(c for c in ("Y", "M", "W", "WE", "D", "H", "MIN", "S") if c in total)
    return {"timex": timex, "kind": "duration", "granularity": GRANULARITY.get(first, "time")}


def _vague_duration(code: str) -> dict[str, Any]:
    timex = f"PTX{TIME_UNITS[code]}" if code in TIME_UNITS else f"PX{code}"
    return {"timex": timex, "kind": "duration", "granularity": GRANULARITY.get(code, "time")}


def _number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


# --- ranges and spans ---------------------------------------------------------------------

def _time_range(mention: Mention, f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'9am-5pm', '1-3 pm' (the first takes the second's pm when it is earlier), with a day
    written on either side: both times are on that day."""
    low = {k: v for k, v in f.items() if k in ("hour", "minute", "ampm")}
    high = {k[:-3]: v for k, v in f.items() if k in ("hour_to", "minute_to", "ampm_to")}
    if "ampm" not in low and "minute" not in low and "ampm" not in high and "minute" not in high:
        return None                                     # "3-1": a score, not a time
    if "ampm" in high and "ampm" not in low and int(low["hour"]) <= int(high["hour"]):
        low["ampm"] = high["ampm"]
    day_fields = {k: v for k, v in f.items() if k not in ("hour", "minute", "ampm", "hour_to", "minute_to", "ampm_to")}
    day_fields = {k.removesuffix("_to"): v for k, v in day_fields.items()}
    day = _point(mention, day_fields, ctx) if _has_date(day_fields) or "first" in day_fields else None
    if (_has_date(day_fields) or "first" in day_fields) and day is None:
        return None
    start, end = _time(low, ctx), _time(high, ctx)
    if start is None or end is None:
        return None
    prefix = day.timex if day is not None else ""
    return _range_value(prefix + start, prefix + end, "time")


def _range(mention: Mention, f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'3-5 March 2024', 'between March and May 2021', 'from 2014 to May 2018': parts one side
    leaves out come from the other ('3-5 March'); 'now' and 'today' may be either end."""
    if "hour" in f and "hour_to" in f:
        return _time_range(mention, f, ctx)
    low = {k: v for k, v in f.items() if not k.endswith("_to")}
    high = {k[:-3]: v for k, v in f.items() if k.endswith("_to")}
    borrowed_year = False
    for key in ("year", "month", "year_offset"):
        if key in high and key not in low and _needs(low, key):
            low[key] = high[key]
            borrowed_year = borrowed_year or key == "year"
        if key in low and key not in high and _needs(high, key):
            high[key] = low[key]
    if len(high.get("year", "")) in (1, 2) and high["year"].isdigit() and len(low.get("year", "")) == 4:
        high["year"] = _year_after(low["year"], high["year"])
        if not high["year"]:
            return None
    order = mention.rule.definition.options.get("date_order", "DMY")
    low, high = (_day_and_month(side, ctx, order) if "first" in side else side for side in (low, high))
    start, end = _point(mention, low, ctx), _point(mention, high, ctx)
    if start is None or end is None:
        return None
    if set(high) == {"weekday"} and start.start is not None:     # "from next Monday to Friday"
        days = (_weekday_number(high["weekday"], ctx) - start.start.isoweekday()) % 7
        end = _day_point(start.start + timedelta(days=days))
    if start.start is None and end.start is None and start.granularity == end.granularity \
            and start.timex > end.timex and low.get("month") == high.get("month"):
        return None                                    # "3-2 March": a score, not a range
    if start.start and end.start and start.start > end.start:
        same_month = low.get("month") == high.get("month") or start.granularity == "year"
        if same_month or ("year" in f and not borrowed_year):
            return None
        earlier = _add(start.start, -1, "Y")            # "Nov-Feb 2017": the November before
        start = Point(earlier.isoformat() if start.granularity == "day" else
                      earlier.isoformat()[:7] if start.granularity == "month" else start.timex,
                      start.granularity, earlier)
    if start.granularity == end.granularity == "day" and start.start and end.start \
            and not any(k in f for k in ("year", "year_to", "year_offset", "year_offset_to")) \
            and _far_ahead(start.start, mention, ctx):
        start, end = (_day_point(_add(side.start, -1, "Y")) for side in (start, end))   # as a lone day would
    granularity = start.granularity if start.granularity == end.granularity else "day"
    return _range_value(start.timex, end.timex, granularity)


def _year_after(first: str, digits: str) -> str:
    """The end year written short after a full one: '2019-20' 2020, '1914-18' 1918, '2005-6'
    2006; '' when it does not read as a later year ('2015-12' may be December 2015)."""
    start, size = int(first), 10 ** len(digits)
    end = start - start % size + int(digits)
    if end <= start:
        end += size
    return str(end) if end - start <= (1 if len(digits) == 1 else 20) else ""


def _range_value(low: str, high: str, granularity: str) -> dict[str, Any]:
    """The value of a range: both ends inclusive, and the TIMEX-style pair."""
    return {"timex": f"({low},{high})", "kind": "range", "granularity": granularity, "from": low, "to": high}


def _needs(side: Fields, key: str) -> bool:
    """Whether one end of a range lacks a part the other gives ('3' of '3-5 March' lacks the month)."""
    if key == "month":
        return "day" in side and "month" not in side
    return "year" not in side and "year_offset" not in side and ("month" in side or "day" in side or "first" in side)


def _span(f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'the next three days' (from tomorrow), 'the past 3 months' (up to today), 'the last
    two quarters' (whole quarters): a range counted from the reference date."""
    unit, count = _unit(f, ctx), _count(f, ctx)
    ref = ctx.reference_date
    if unit is None or count is None or count != count.to_integral_value():
        return None
    step = int(ctx.lexicon("relative_words").value(f.get("relative", ""), 1))
    n = int(count * unit[0])
    if unit[1] in TIME_UNITS:          # "the last twenty minutes": the clock is unknown, a length of time
        return _duration(f, ctx)
    if ref is None:
        return {"timex": "FUTURE_REF" if step > 0 else "PAST_REF", "kind": "vague", "granularity": None}
    code = unit[1]
    if code == "M" and unit[0] % 3 == 0 or code == "Y" and unit[0] % 10 == 0:    # whole quarters, decades
        size = 3 if code == "M" else 120
        first = date(ref.year, ((ref.month - 1) // 3) * 3 + 1, 1) if code == "M" else date(ref.year // 10 * 10, 1, 1)
        months = n if code == "M" else n * 12
        low = _add(first, size // 3 if step > 0 else -months // 3, "Q") if code == "M" else (
            _add(first, size // 12 if step > 0 else -months // 12, "Y"))
        high = _add(low, months, "M") - timedelta(days=1)
    elif step > 0:
        low, high = _add(ref, 1, "BD" if code == "BD" else "D"), _add(ref, n, code)
    else:
        low, high = _add(ref, -n, code), ref - timedelta(days=1)
    return _range_value(low.isoformat(), high.isoformat(), "day")


def _rest_of(f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'the rest of the year': from the reference date to the last day of its year."""
    unit, ref = _unit(f, ctx), ctx.reference_date
    if unit is None or ref is None:
        return {"timex": "FUTURE_REF", "kind": "vague", "granularity": None} if unit else None
    period = _shift(ref, 0, "Q" if unit == (3, "M") else unit[1])
    if period is None or period.start is None:
        return None
    size = {"week": (1, "W"), "quarter": (3, "M"), "month": (1, "M"), "year": (1, "Y")}.get(period.granularity)
    if size is None:
        return None
    last = _add(period.start, size[0], size[1]) - timedelta(days=1)
    return _range_value(ref.isoformat(), last.isoformat(), "day")


def _period_from(mention: Mention, f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'for three days from today', 'a week starting tomorrow': the days from a point on;
    'within 9 months' (kind within) from the reference date, when the sentence is about the
    future, else a length of time."""
    within = mention.rule.definition.options.get("kind") == "within"
    if within and not _is_future(mention, ctx):
        return _duration(f, ctx)
    unit, count = _unit(f, ctx), _count(f, ctx)
    if unit is None or count is None or count != count.to_integral_value() or unit[1] in TIME_UNITS:
        return None
    point_fields = {k: v for k, v in f.items() if k not in ("number", "unit")}
    start = _day_point(ctx.reference_date) if within and ctx.reference_date else (
        _point(mention, point_fields, ctx) if _has_date(point_fields) or "first" in point_fields else None)
    if start is None or start.start is None or start.granularity != "day":
        return None
    last = _add(start.start, int(count * unit[0]), unit[1]) - timedelta(days=1)
    return _range_value(start.timex, last.isoformat(), "day")


def _unit_of(mention: Mention, f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'the 15th day of next month', 'the last week of July', 'the first two weeks of 2021':
    units counted inside a month or year. A week belongs to the month or year holding its
    Thursday (as ISO weeks belong to years)."""
    period_fields = {k: v for k, v in f.items() if k in ("month", "year", "relative", "period")}
    if "period" in period_fields:
        period_fields["unit"] = period_fields.pop("period")
    period = _point(mention, period_fields, ctx)
    unit = _unit(f, ctx)
    count = _count(f, ctx)
    if f["unit"].endswith("s") and "number" not in f:      # "the final days of October": how many?
        return None
    if period is None or period.start is None or unit is None or count is None or \
            period.granularity not in ("month", "year") or count != count.to_integral_value():
        return None
    first = period.start
    end = _add(first, 1, "M" if period.granularity == "month" else "Y")
    units = _units_within(first, end, unit[1])
    n = int(count)
    index = _ordinal(f["which"], ctx) if "which" in f else None
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
    if len(chosen) == 1:
        return {"timex": chosen[0].timex, "kind": "date", "granularity": chosen[0].granularity}
    low, high = chosen[0], chosen[-1]
    return _range_value(low.timex, high.timex, low.granularity)


def _units_within(first: date, end: date, code: str) -> list[Point]:
    """The days, ISO weeks (by their Thursday) or months from `first` up to `end` (exclusive)."""
    if code == "D":
        return [_day_point(first + timedelta(days=i)) for i in range((end - first).days)]
    if code == "W":
        thursday = first + timedelta(days=(3 - first.weekday()) % 7)
        weeks = []
        while thursday < end:
            year, week, _ = thursday.isocalendar()
            weeks.append(Point(f"{year:04d}-W{week:02d}", "week", thursday - timedelta(days=3)))
            thursday += timedelta(weeks=1)
        return weeks
    if code == "M":
        months, day = [], first
        while day < end:
            months.append(Point(f"{day.year:04d}-{day.month:02d}", "month", day))
            day = _add(day, 1, "M")
        return months
    return []


def _set(f: Fields, ctx: Context) -> dict[str, Any] | None:
    """'every Monday' XXXX-WXX-1, 'weekly' P1W, 'each day at 4pm' P1DT16."""
    if "weekday" in f:
        timex = f"XXXX-WXX-{_weekday_number(f['weekday'].rstrip('s'), ctx)}"
    else:
        unit = _unit(f, ctx) or _unit_code(ctx.lexicon("set_adverbs").value(f.get("unit", "")))
        count = _count(f, ctx)                    # "every two days": 2
        if unit is None or count is None or unit[1] == "BD":
            return None
        if "other" in f:                          # "every other week": each second one
            count *= 2
        size = _number(unit[0] * count)
        timex = f"PT{size}{TIME_UNITS[unit[1]]}" if unit[1] in TIME_UNITS else f"P{size}{unit[1]}"
    if "hour" in f or "daypart" in f:
        time = _time(f, ctx)
        timex += time or ""
    return {"timex": timex, "kind": "set", "granularity": None}


# --- dateparser, on a span only ----------------------------------------------------------------

_UNREAD = object()


def normalise_with_dateparser(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """dateparser reads the span (cached), preferring past or future dates by the clause's
    tense; the caller's or the rule's date_order settles 05/06 (default DMY)."""
    options = mention.rule.definition.options
    order = ctx.date_order or options.get("date_order", "DMY")
    prefer = "future" if _is_future(mention, ctx) else "past"
    key = ("dateparser", mention.match.group(), order, ctx.reference_date, prefer)
    timex = ctx.cache.get(key, _UNREAD)      # one lookup: another thread may clear the cache
    if timex is _UNREAD:
        import dateparser  # slow to import: only when a rule needs it
        settings: dict[str, Any] = {"DATE_ORDER": order, "PREFER_DATES_FROM": prefer,
                                    "REQUIRE_PARTS": ["day", "month", "year"]}
        if ctx.reference_date is not None:
            settings["RELATIVE_BASE"] = datetime.combine(ctx.reference_date, datetime.min.time())
        parsed = dateparser.parse(mention.match.group(), languages=["en"], settings=settings)
        timex = ctx.cache[key] = parsed.date().isoformat() if parsed else None
    return {"timex": timex, "kind": "date", "granularity": "day"} if timex else None
