"""Anchoring: a date as read, placed on the calendar by the reference date, the tense of its
clause and the dates named before it.

This is the one place that knows the reference date may be missing: without it, what cannot
be placed stays underspecified (`XXXX-06-05`, `XXXX-WXX-1`, `PAST_REF`), as TIMEX3 writes it.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import regex

from ...matching import Mention
from .. import Context
from . import arithmetic, holidays, reading, tense, timex
from .reading import Fields, Unit
from .timex import Point

YEAR_IN_TEXT = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
FINENESS = {"Y": 1, "year": 1, "Q": 2, "quarter": 2, "M": 3, "month": 3, "W": 4, "week": 4,
            "D": 5, "BD": 5, "day": 5, "H": 6, "MIN": 6, "S": 6, "time": 6}
SPANS = ("range", "period_from", "within")   # kinds whose dates are the ends of a stretch of time


class Anchor:
    """The context one date mention is anchored in."""

    def __init__(self, mention: Mention, ctx: Context) -> None:
        self.mention, self.ctx = mention, ctx
        self.ref: date | None = ctx.reference_date
        self.options = mention.rule.definition.options
        self._future: bool | None = None

    @property
    def future(self) -> bool:
        """Whether the date's clause speaks of the future (read once per mention)."""
        if self._future is None:
            self._future = tense.is_future(self.mention, self.ctx)
        return self._future

    def setting(self, name: str) -> int:
        """A number of the lexicon date_settings (how far ahead a day is still upcoming, ...); an
        entry the rules' lexicon lacks is the shipped one."""
        value = reading.lexicon(self.ctx, "date_settings").value(name)
        return int(value if value is not None else reading.SHIPPED["date_settings"][name])

    # --- years ----------------------------------------------------------------------------

    def year(self, f: Fields) -> int | None:
        """The year written ('2023', 'nineteen eighty six'; '87 the latest such year at most
        two_digit_years_ahead after the reference year) or stepped from it ('next year')."""
        if "year" in f:
            short = reading.short_year(f["year"])
            if short is None:
                return reading.written_year(f["year"], self.ctx)
            if self.ref is None:
                return (2000 if short <= self.setting("two_digit_pivot") else 1900) + short
            latest = self.ref.year + self.setting("two_digit_years_ahead")     # the latest year it may be
            year = latest // 100 * 100 + short
            return year - 100 if year > latest else year
        if "year_offset" in f and self.ref is not None:
            return self.ref.year + reading.step(f["year_offset"], self.ctx)
        return None

    def dateline_year(self) -> str | None:
        """The year of a dateline written without one: the reference's, else the text's first."""
        if self.ref is not None:
            return str(self.ref.year)
        found = YEAR_IN_TEXT.search(self.ctx.text)
        return found.group() if found else None

    def year_of_kind_running(self, kind: str, offset: str, year: int | None) -> int | None:
        """'this fiscal year': the one running on the reference date, named by the year it ends
        in; it starts in the month of the rule's option that lexicon year_kind_starts names.
        With no reference date, `year` (as read)."""
        if self.ref is None:
            return year
        start_option = reading.lexicon(self.ctx, "year_kind_starts").value(kind)
        first_month = int(self.options.get(str(start_option), 1)) if start_option else 1
        current = self.ref.year + (1 if first_month > 1 and self.ref.month >= first_month else 0)
        return current + reading.step(offset, self.ctx)

    def this_year(self, year: int | None) -> int | None:
        return self.ref.year if year is None and self.ref is not None else year

    # --- days -----------------------------------------------------------------------------

    def today(self) -> Point | None:
        return timex.day(self.ref) if self.ref is not None else None

    def days_from_today(self, days: int) -> Point:
        """'today', 'yesterday', 'the day after tomorrow'."""
        if self.ref is None:
            return timex.unknown_day()
        return timex.day(arithmetic.add(self.ref, days, "D"))

    def month_day(self, month: int, day: int, year: int | None, year_written: bool) -> Point | None:
        """'5 June': this year's; the next one when said of the future and past, last year's
        when far ahead and not of the future; with no year known, XXXX-06-05."""
        if year is None and self.ref is not None:
            year = self.ref.year
            if arithmetic.valid(year, month, day):
                this_year = date(year, month, day)
                if this_year < self.ref and self.future:
                    year += 1
                elif self.options.get("kind") not in SPANS and self.far_ahead(this_year):
                    year -= 1
        if year is None or (not year_written and not arithmetic.valid(year, month, day)):   # "Feb 29" in 2017
            return timex.unknown_day(month, day) if arithmetic.valid(2000, month, day) else None
        return timex.day(date(year, month, day)) if arithmetic.valid(year, month, day) else None

    def nearest(self, day: date, closed: bool = False) -> date:
        """The same day of the year (the last of its month stays the last) nearest the
        reference date, a year before, the same year or a year after, but not a month or more
        past in a clause about the future (unless `closed`: "the nine months ended December" is
        over, whatever follows); the day itself without a reference date."""
        if self.ref is None:
            return day
        month_end = arithmetic.period_end(day.replace(day=1), "M") == day
        found = []
        for year in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            if month_end:
                found.append(arithmetic.period_end(date(year, day.month, 1), "M"))
            elif arithmetic.valid(year, day.month, day.day):
                found.append(date(year, day.month, day.day))
        nearest = min(found, key=lambda d: (abs((d - self.ref).days), d > self.ref))
        if self.future and not closed and (self.ref - nearest).days > 31:   # "will report the year ending December 31"
            nearest = min(d for d in found if d >= self.ref)
        return nearest

    def far_ahead(self, day: date) -> bool:
        """A day written without its year, more than date_settings upcoming_days after the
        reference date in a clause not about the future: last year's is meant (an article of
        1 January 2020 telling of an outbreak "first confirmed on October 16"); nearer, it is
        an upcoming one ("the summit opens on June 5", said in March)."""
        return self.ref is not None and (day - self.ref).days > self.setting("upcoming_days") and not self.future

    def day_of_month(self, day: int, weekday: int | None) -> Point | None:
        """'on the 18th' (the nearest 18th, by tense), 'Mon 13th'."""
        if self.ref is None:
            return timex.unknown_day(None, day)
        if weekday is not None:
            found = arithmetic.weekday_and_day(weekday, day, self.ref, self.future)
        else:
            found = arithmetic.day_of_month(day, self.ref, self.future)
        return timex.day(found) if found else None

    def weekday(self, weekday: int, relative: str | None) -> Point:
        """'Monday' by tense, 'last Friday' (last week's), 'this past Friday' (the nearest before)."""
        if self.ref is None:
            return timex.unknown_weekday(weekday)
        if relative:
            nearest = self.ctx.lexicon("nearest_words").value(relative)
            if nearest is not None:
                return timex.day(arithmetic.weekday_strictly(weekday, self.ref, int(nearest)))
            return timex.day(arithmetic.weekday_in_week(weekday, self.ref, reading.step(relative, self.ctx)))
        return timex.day(arithmetic.weekday_near(weekday, self.ref, self.future))

    def holiday(self, rule: str, year: int | None, relative: str | None) -> Point | None:
        """A holiday (a rule of lexicon holidays) in the year given, or the next or last one by
        the relative word or the tense."""
        if rule == "by country":                   # "Independence Day": a day, but which one?
            return timex.unknown_day()
        unknown = timex.unknown_day() if rule.startswith("dates ") else None   # a year not listed
        if year is None and self.ref is None:
            fixed = holidays.fixed_day(rule)
            return timex.unknown_day(*fixed) if fixed else unknown
        if year is not None:
            day = holidays.holiday_in(rule, year)
            return timex.day(day) if day else unknown
        ref = self.ref
        assert ref is not None
        step = reading.step(relative, self.ctx) if relative else None
        this_year = holidays.holiday_in(rule, ref.year)
        if this_year is None:
            return unknown
        if step is None:                       # by tense: the next one, or the most recent one
            step = 1 if self.future else -1
            if this_year == ref:
                return timex.day(ref)
        if step > 0:
            day = this_year if this_year > ref else holidays.holiday_in(rule, ref.year + 1)
        elif step < 0:
            day = this_year if this_year < ref else holidays.holiday_in(rule, ref.year - 1)
        else:
            day = this_year
        return timex.day(day) if day else unknown

    # --- months, seasons, parts of years, decades ----------------------------------------

    def month(self, month: int, year: int | None, f: Fields) -> Point:
        """A bare month: the most recent one said of the past, the next one said of the future."""
        if year is None and self.ref is not None and "year" not in f and "year_offset" not in f:
            year = arithmetic.month_year(month, self.ref, self.future)
        return timex.month(year, month)

    def relative_month(self, month: int, relative: str) -> Point:
        """'this September' is this year's; 'next March' the first after the reference date,
        'last May' the last before it."""
        if self.ref is None:
            return timex.month(None, month)
        step = reading.step(relative, self.ctx)
        year = self.ref.year
        if step > 0 and month <= self.ref.month:
            year += 1
        elif step < 0 and month >= self.ref.month:
            year -= 1
        return timex.month(year, month)

    def season_year(self, first_month: int, year: int | None, f: Fields) -> int | None:
        """A bare season: the one under way, else the last one (or, of the future, the next)."""
        if year is None and self.ref is not None:
            return self.ref.year if "year_offset" in f else arithmetic.season_year(first_month, self.ref, self.future)
        return year

    def part_year(self, first_month: int, months: int, year: int | None, f: Fields) -> int | None:
        """A quarter or half with no year: by tense, like a bare month; the one under way is
        this year's, even of the future."""
        if "year" in f or "year_offset" in f or self.ref is None:
            return year
        found = arithmetic.month_year(first_month, self.ref, self.future)
        if found > self.ref.year and first_month <= self.ref.month < first_month + months:
            found = self.ref.year
        return found

    def decade(self, tens: int) -> Point:
        """In 2018, "the '90s" or 'nineties' is the latest such decade begun by then (199)."""
        if self.ref is None:
            return timex.unknown_decade(tens)
        first = self.ref.year // 100 * 100 + tens
        first -= 100 if first > self.ref.year else 0
        return timex.decade(first)

    def relative_unit(self, f: Fields, with_context: bool = True) -> Point | None:
        """'last month', 'this week', 'next year', 'the following quarter'; 'the same year' is
        the one of the date named last. Without the mention's context (`with_context` False:
        the week of "next week Monday") neither tense nor earlier dates are read."""
        size = reading.unit(f, self.ctx)
        if size is None:
            return None
        relative = f["relative"]
        step = reading.step(relative, self.ctx)
        if relative.lower() == "same" and with_context:
            previous = self.previous(whole_text=FINENESS.get(size[1], 0) >= FINENESS["W"])
            if previous is not None and previous.start is not None and \
                    FINENESS.get(previous.granularity, 0) >= FINENESS.get(size[1], 9):
                return arithmetic.shift(previous.start, 0, size[1])
        code = reading.period_code(size)
        if self.ref is None:                # "last week" with no reference date: a week, which one unknown
            return timex.unknown(code)
        if code in ("DE", "Q"):
            return arithmetic.shift(self.ref, step, code)
        if size == (2, "W"):
            return None
        if code == "WE" and relative.lower() in ("the", "that") and self.ref.isoweekday() < 6 \
                and not (with_context and self.future):
            step = -1                                  # "over the weekend", said on a weekday: the last one
        return arithmetic.shift(self.ref, int(size[0]) * step, size[1])

    # --- stretches counted from the reference date ----------------------------------------

    def counted_span(self, size: Unit, n: int, step: int) -> dict[str, Any]:
        """'the next three days' (from tomorrow), 'the past 3 months' (up to today), 'the last
        two quarters' (whole quarters): the days, with their length (`duration`: P3D, P3M,
        P6M); with no reference date, the length alone."""
        total = {size[1]: Decimal(n)} if size[1] != "BD" else None    # TIMEX3 has no business days
        if self.ref is None:       # how long is known, not where: a length of time
            return timex.duration(total) if total else timex.vague_direction(1 if step > 0 else -1)
        low, high = arithmetic.counted_span(self.ref, size, n, step)
        return timex.day_range(low, high, timex.length(total) if total else None)

    def rest_of(self, size: Unit) -> dict[str, Any] | None:
        """'the rest of the year': from the reference date to the last day of its year."""
        if self.ref is None:
            return timex.vague("FUTURE_REF")
        period = arithmetic.shift(self.ref, 0, reading.period_code(size) if size == (3, "M") else size[1])
        if period is None or period.start is None or period.granularity not in ("week", "quarter", "month", "year"):
            return None
        code = {"week": "W", "quarter": "Q", "month": "M", "year": "Y"}[period.granularity]
        return timex.day_range(self.ref, arithmetic.period_end(period.start, code))

    # --- offsets --------------------------------------------------------------------------

    def offset_base(self, unit_code: str, direction: int) -> Point | None:
        """Where 'a year earlier' counts from (options.relative_to: previous): the date the
        paragraph named last, or for days and weeks, and a 'later' not said of the future, the
        last one in the text before; dates coarser than the unit are passed over ("On May 23
        ... the party's 1996 nominee ... The next day" counts from May 23; "last month ... 3
        weeks later" with no day or week before counts from the reference date)."""
        fineness = FINENESS.get(unit_code, 0)
        base = self.previous(fineness=fineness)
        if base is None and (fineness >= FINENESS["W"] or direction > 0 and not self.future):
            base = self.previous(whole_text=True, fineness=fineness)
        return base

    def previous(self, whole_text: bool = False, fineness: int = 0) -> Point | None:
        """The last date before the mention in its paragraph, or in the whole text before it,
        at least as fine as `fineness` (FINENESS): "the day before the blast" and "Now, 83
        years later" count from a date an earlier paragraph named, where the reference date
        would be wrong."""
        ctx, mention = self.ctx, self.mention
        if ctx.outcome is None:
            return None
        paragraph_start = 0 if whole_text else ctx.segments.paragraph_at(mention.start)[0]
        for earlier in ctx.outcome.of_type(mention.type).latest_first(mention.start):
            if earlier.start < paragraph_start:
                break
            value = earlier.value or {}
            start = timex.start_of(value)
            if start is not None and FINENESS.get(value.get("granularity", "day"), 0) >= fineness:
                return Point(value["timex"], value.get("granularity", "day"), start)
        return None

    def dateparser_base(self) -> dict[str, Any]:
        """dateparser's setting for what relative words count from: the reference date, if any."""
        if self.ref is None:
            return {}
        return {"RELATIVE_BASE": datetime.combine(self.ref, datetime.min.time())}
