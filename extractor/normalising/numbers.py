"""Read numbers written in digits ("1,200.5") or words ("two hundred and fifty")."""
from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from ..compiling import Lexicon

log = logging.getLogger(__name__)
WORD_SPLIT = regex.compile(r"[\s-]+")


def parse_digits(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_words(text: str, words: Lexicon, cache: dict[Any, Any]) -> Decimal | None:
    """Sum-and-multiply over the `number_words` lexicon; quantulum3 reads what it does not know."""
    total, current = Decimal(0), Decimal(0)
    for token in WORD_SPLIT.split(text.strip()):
        if not token or token.casefold() == "and":
            continue
        value = words.value(token)
        if value is None:
            return _quantulum(text, cache)
        value = Decimal(str(value))
        if value == 100:
            current = (current or 1) * value
        elif value >= 1000:
            total += (current or 1) * value
            current = Decimal(0)
        else:
            current += value
    return total + current


def parse_number(text: str, words: Lexicon | None, cache: dict[Any, Any]) -> Decimal | None:
    value = parse_digits(text)
    if value is None and words is not None:
        value = parse_words(text, words, cache)
    return value


def _quantulum(text: str, cache: dict[Any, Any]) -> Decimal | None:
    """quantulum3 on the words of one span only (it is slow to load and reads units oddly)."""
    key = ("quantulum3", text)
    if key not in cache:
        cache[key] = None
        try:
            from quantulum3 import parser
            quantities = parser.parse(text)
            if len(quantities) == 1:
                cache[key] = Decimal(str(quantities[0].value))
        except Exception as exc:  # quantulum3 raises a variety of errors on odd input
            log.debug("quantulum3 could not read %r: %s", text, exc)
    return cache[key]


def as_json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
