"""Reading: the groups a rule captured, turned into numbers and unit codes with the lexicons.

Nothing here knows the reference date: a field reads the same in any article. What depends on
the reference (which year 'May' or '87 is) is anchoring's.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import regex

from ...compiling import Lexicon
from ...loading import LexiconDef
from ...matching import Mention
from .. import Context
from ..numbers import parse_number

Fields = dict[str, str]
Unit = tuple[Decimal, str]        # a count of a unit code: (3, "M") for a quarter

DATE_FIELDS = ("year", "month", "day", "weekday", "deictic", "holiday", "relative", "year_offset")
OFFSET_FIELDS = ("number", "unit", "number_2", "unit_2", "number_3", "unit_3", "direction", "in_week", "hence")
# Compiled once: the module-level regex functions look each pattern up in a cache on every call.
NOT_DIGIT = regex.compile(r"\D")
SPACES = regex.compile(r"[\s-]+")
YEAR_HALVES = regex.compile(r"(\w+)\s+(.+)")                          # "nineteen eighty"
UNIT_CODE = regex.compile(r"(\d+)([A-Z]+)")                            # lexicon value "2W"
LEADING_A = regex.compile(r"(?i)^an?\s+(?=\w+\s+and\b|one\b)")         # "a one and a half"
HALF_AN = regex.compile(r"(?i)^(half|quarter)\s+(?:of\s+)?an?$")         # "half an (hour)"


# Lexicons this package reads that rule folders written before them lack: the entries they ship
# with in rules/lexicons/calendar.yaml (a test keeps the two equal), so such a folder reads
# dates as it did. A folder that defines one uses its own.
SHIPPED: dict[str, dict[str, Any]] = {
    "date_settings": {"upcoming_days": 183, "two_digit_years_ahead": 20, "two_digit_pivot": 50},
    "season_starts": {"SP": 3, "SU": 6, "FA": 9, "WI": 12},
    "night_days": {"tonight": "today", "tonite": "today"},
    "meridiem_letters": {"a": "am", "p": "pm"},
    "daypart_meridiems": {"AF": "pm", "EV": "pm", "NI": "pm"},
    "year_kind_starts": {"FY": "fiscal_start_month", "SY": "school_start_month"},
}
_SHIPPED_LEXICONS = {name: Lexicon(LexiconDef(name, tuple(entries.items()), "<shipped>", 0))
                     for name, entries in SHIPPED.items()}


def lexicon(ctx: Context, name: str) -> Lexicon:
    """The rules' lexicon `name`, else the one it ships as (SHIPPED), else a clear error."""
    if name in ctx.lexicons:
        return ctx.lexicons[name]
    return _SHIPPED_LEXICONS[name] if name in _SHIPPED_LEXICONS else ctx.lexicon(name)


def fields(mention: Mention, ctx: Context) -> Fields:
    """The groups the rule captured; a time rule's date written after the clock ("at 10 am
    on 5 June", groups with the suffix _on) counts as the date; "tonight" is today's night and
    "last night" yesterday's (lexicon night_days)."""
    found = {name: text for name, text in mention.match.groupdict().items() if text is not None}
    for name in [n for n in found if n.endswith("_on")]:
        found.setdefault(name[:-3], found.pop(name))
    daypart = found.get("daypart", "").lower()
    if daypart and lexicon(ctx, "night_days").value(daypart) is not None:
        found.setdefault("deictic", str(lexicon(ctx, "night_days").value(daypart)))
    elif daypart and "relative" in found and "unit" not in found and "weekday" not in found:
        found["deictic"] = "yesterday" if found.pop("relative").lower() == "last" else "today"
    return found


def has_date(f: Fields) -> bool:
    return any(name in f for name in DATE_FIELDS)


def names_day(f: Fields) -> bool:
    """Whether the fields name a day or a period (a date, or a numeric 05/06)."""
    return has_date(f) or "first" in f


def step(word: str | None, ctx: Context, default: int = 0) -> int:
    """'last' -1, 'next' 1, 'this' 0 (lexicon relative_words)."""
    return int(ctx.lexicon("relative_words").value(word or "", default))


def short_year(text: str) -> int | None:
    """'87 or 24: a year written with two digits, whose century anchoring decides."""
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 2 and digits.isdigit() else None


def written_year(text: str, ctx: Context) -> int | None:
    """'2023', 'nineteen eighty six' -> 1986, 'two thousand and five' -> 2005."""
    digits = text.lstrip("'’")
    if digits.isdigit():
        return int(digits) if len(digits) == 4 else None
    words = ctx.lexicons.get("number_words")
    if words is None:
        return None
    if "thousand" in digits or "hundred" in digits:
        value = parse_number(digits, words, ctx.cache)
        return int(value) if value and 1000 <= value <= 2999 else None
    halves = YEAR_HALVES.match(digits)
    if not halves:
        return None
    century, rest = (parse_number(part, words, ctx.cache) for part in halves.groups())
    return int(century * 100 + rest) if century and rest is not None and 10 <= century <= 29 else None


def month(text: str, ctx: Context) -> int | None:
    if text.isdigit():
        number = int(text)
    else:
        name = text.rstrip(".")
        number = ctx.lexicon("months").value(name) or ctx.lexicon("month_abbreviations").value(name)
    return int(number) if number and 1 <= int(number) <= 12 else None


def ordinal(text: str, ctx: Context) -> int | None:
    """'5', '5th', 'fifth', 'twenty-first', 'twenty five' -> the number."""
    digits = NOT_DIGIT.sub("", text)
    if digits:
        return int(digits)
    value = ctx.lexicon("ordinal_words").value(SPACES.sub(" ", text.strip()))
    if value is None:
        value = parse_number(text, ctx.lexicons.get("number_words"), ctx.cache)
    return int(value) if value is not None and value == int(value) else None


def weekday(text: str, ctx: Context) -> int:
    name = text.rstrip(".")
    return int(ctx.lexicon("weekdays").value(name) or ctx.lexicon("weekday_abbreviations").value(name))


def day_and_month(f: Fields, ctx: Context, rule_order: str) -> Fields:
    """05/06: which number is the day. One over 12 settles it; else the caller's date_order,
    else the rule's options.date_order (default DMY, day first)."""
    first, second = int(f["first"]), int(f["second"])
    order = ctx.date_order or rule_order
    if first > 12 >= second:
        order = "DMY"
    elif second > 12 >= first:
        order = "MDY"
    day, month_ = (first, second) if order == "DMY" else (second, first)
    return {**f, "day": str(day), "month": str(month_)}


def unit(f: Fields, ctx: Context, name: str = "unit") -> Unit | None:
    return unit_code(ctx.lexicon("time_units").value(f.get(name, "").rstrip(".")))


def unit_code(code: Any) -> Unit | None:
    """'2W' (a lexicon value) -> (2, 'W')."""
    match = UNIT_CODE.fullmatch(str(code)) if code is not None else None
    return (Decimal(match.group(1)), match.group(2)) if match else None


def period_code(size: Unit) -> str:
    """The code of the period a unit names: a quarter (3 months) Q, a decade (10 years) DE."""
    if size == (3, "M"):
        return "Q"
    if size == (10, "Y"):
        return "DE"
    return size[1]


def count(f: Fields, ctx: Context, name: str = "number") -> Decimal | None:
    """How many units: 'three', '1.5', 'a couple of', 'an hour and a half' (1 when not said)."""
    if name not in f:
        return Decimal(1)
    counted = ctx.lexicon("count_words").value(f[name].lower())
    if counted is not None:
        return Decimal(str(counted))
    text = LEADING_A.sub("", f[name])
    text = HALF_AN.sub(r"\1", text)
    return parse_number(text.replace("½", ".5"), ctx.lexicons.get("number_words"), ctx.cache)


def is_vague_count(f: Fields, ctx: Context, name: str = "number") -> bool:
    """'a few', 'several': a number not known (lexicon vague_counts)."""
    return f.get(name, "").lower() in ctx.lexicon("vague_counts").surfaces


def steps(f: Fields, ctx: Context) -> list[tuple[Unit, Decimal]] | None:
    """The units and whole counts of an offset: one, or up to three ("2 weeks and 2 days")."""
    found = []
    for suffix in ("", "_2", "_3"):
        if "unit" + suffix not in f:
            continue
        size = unit(f, ctx, "unit" + suffix)
        number = count(f, ctx, "number" + suffix)
        if size is None or number is None or number != number.to_integral_value():
            return None
        found.append((size, number))
    return found or None


def meridiem(f: Fields, ctx: Context) -> str:
    """'am', 'pm' or '' : from the ampm group (lexicon meridiems, or a bare a/p of meridiem_letters),
    else from the part of the day ('in the evening at 7', lexicon daypart_meridiems)."""
    found = ""
    if "ampm" in f:
        found = str(lexicon(ctx, "meridiem_letters").value(f["ampm"], "") or ctx.lexicon("meridiems").value(f["ampm"], ""))
    if not found and "daypart" in f:
        found = str(lexicon(ctx, "daypart_meridiems").value(str(ctx.lexicon("dayparts").value(f["daypart"])), ""))
    return found
