"""Money values: amount with its scale applied, ISO 4217 currency, qualifier, range."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..matching import Mention
from . import Context
from .numbers import as_json_number, parse_number

CURRENCY_LEXICONS = ("currency_signs", "currency_codes", "currency_names")


def normalise_money(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """Groups: amount, scale, currency, qualifier; amount_max and scale_max for a range.

    Lexicons: currency_signs, currency_codes, currency_names (surface -> ISO code), scales (surface -> multiplier),
    number_words (word -> number), money_qualifiers (surface -> qualifier).
    """
    words = ctx.lexicons.get("number_words")
    amount = _amount(mention.group("amount"), words, ctx)
    if amount is None:
        return None
    low_scale = _scale(mention.group("scale"), ctx)
    high_scale = _scale(mention.group("scale_max"), ctx)
    high = _amount(mention.group("amount_max"), words, ctx)
    if low_scale is None or high_scale is None:
        return None
    if mention.group("scale") is None and mention.group("scale_max") is not None:
        low_scale = high_scale          # "$5-7 million": the scale serves both ends
    if mention.group("scale_max") is None:
        high_scale = low_scale
    value: dict[str, Any] = {
        "amount": as_json_number(amount * low_scale),
        "currency": _currency(mention, ctx),
        "qualifier": _qualifier(mention.group("qualifier"), ctx),
    }
    if high is not None:
        value["max"] = as_json_number(high * high_scale)
    if value["currency"] is None and mention.rule.definition.options.get("currency"):
        value["currency"] = mention.rule.definition.options["currency"]
    return value


def _amount(text: str | None, words: Any, ctx: Context) -> Decimal | None:
    if text is None:
        return None
    return parse_number(text, words, ctx.cache)


def _scale(text: str | None, ctx: Context) -> Decimal | None:
    """The product of the scale words ("lakh crore" is 10^12); 1 when there is none."""
    if text is None:
        return Decimal(1)
    scales = ctx.lexicon("scales")
    factor = Decimal(1)
    for word in text.split():
        value = scales.value(word)
        if value is None:
            return None
        factor *= Decimal(str(value))
    return factor


def _currency(mention: Mention, ctx: Context) -> str | None:
    for group in ("currency", "currency_after"):
        text = mention.group(group)
        if not text:
            continue
        for lexicon in CURRENCY_LEXICONS:
            code = ctx.lexicon(lexicon).value(text)
            if code is not None:
                return str(code)
    return None


def _qualifier(text: str | None, ctx: Context) -> str | None:
    if not text:
        return None
    return str(ctx.lexicon("money_qualifiers").value(text, " ".join(text.lower().split())))
