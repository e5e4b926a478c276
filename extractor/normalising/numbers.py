"""Read numbers written in digits ("1,200.5") or words ("two hundred and fifty")."""
from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from ..compiling import Lexicon

log = logging.getLogger(__name__)
WORD_SPLIT = regex.compile(r"[\s-]+")


FRACTION = regex.compile(r"(\d+)-(\d+)/(\d+)")   # "15-1/4", a share price in old wire copy


def parse_digits(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("\u00a0", "").replace(" ", "")
    fraction = FRACTION.fullmatch(cleaned)
    if fraction:
        whole, numerator, denominator = (Decimal(g) for g in fraction.groups())
        return whole + numerator / denominator if denominator else None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_words(text: str, words: Lexicon, cache: dict[Any, Any]) -> Decimal | None:
    """Sum-and-multiply over the `number_words` lexicon; quantulum3 reads what it does not know.

    "a"/"an" count as one only where nothing precedes them ("a million", not "half a million");
    a fraction multiplies the number right before it ("three quarters"), adds after "and (a)"
    ("two and a half") and otherwise stands for itself ("a quarter", "half")."""
    total, current = Decimal(0), Decimal(0)
    previous = ""   # what the last token was: "", "article", "and", "and article", "number"
    for token in WORD_SPLIT.split(text.strip()):
        if not token:
            continue
        folded = token.casefold()
        if folded == "and":
            previous = "and"
            continue
        value = words.value(token)
        if value is None:
            return _quantulum(text, cache)
        value = Decimal(str(value))
        if folded in ("a", "an"):
            if not current and not total:
                current = Decimal(1)
            previous = "and article" if previous == "and" else "article"
            continue
        if value < 1:
            if previous == "number":
                current *= value
            elif previous in ("and", "and article"):      # "one and a half", "one and half"
                current += value
            else:
                current = value
        elif value == 100:
            current = (current or 1) * value
        elif value >= 1000:
            total += (current or 1) * value
            current = Decimal(0)
        else:
            current += value
        previous = "number"
    return total + current


def parse_number(text: str, words: Lexicon | None, cache: dict[Any, Any]) -> Decimal | None:
    value = parse_digits(text)
    if value is None and words is not None:
        value = parse_words(text, words, cache)
    return value


_UNREAD = object()


def _quantulum(text: str, cache: dict[Any, Any]) -> Decimal | None:
    """quantulum3 on the words of one span only (it is slow to load and reads units oddly).
    The cache (shared by threads using one engine) gets the finished value only."""
    key = ("quantulum3", text)
    value = cache.get(key, _UNREAD)        # one lookup: another thread may clear the cache
    if value is not _UNREAD:
        return value
    value = None
    try:
        from quantulum3 import parser
        quantities = parser.parse(text)
        if len(quantities) == 1:
            value = Decimal(str(quantities[0].value))
    except Exception as exc:  # quantulum3 raises a variety of errors on odd input
        log.debug("quantulum3 could not read %r: %s", text, exc)
    cache[key] = value
    return value


def as_json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
