"""Money values: amount with its scale applied, ISO 4217 currency, qualifier, range, rate."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..matching import Mention
from . import Context
from .numbers import as_json_number, parse_number

# Where a currency's text is looked up, in order; each maps a surface to an ISO code.
CURRENCY_LEXICONS = ("currency_signs", "currency_codes", "currency_names", "ambiguous_currency_names")
MINOR_FRACTION = Decimal("0.01")    # "15 dollars and 50": a bare minor amount is hundredths
# No amount in news comes near this; a longer run of digits is no amount of money (and past
# 4,300 digits Python will not even write the integer as JSON).
LARGEST_AMOUNT = Decimal(10) ** 30


def normalise_money(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """Groups: amount, scale (scale_prefix "M" of "MUSD", scale_after of "75 USD million"),
    currency (before the amount) or currency_after, qualifier; amount_max and scale_max for a
    range; minor_amount and minor_unit ("3 dollars 50 cents"); per (a rate); vague.

    Lexicons: currency_signs, currency_codes, currency_names, ambiguous_currency_names and
    dollar_prefixes (surface -> ISO code), minor_units (surface -> currency and fraction),
    scales (surface -> multiplier), number_words, money_qualifiers (surface -> qualifier).
    """
    currency, fraction = _currency(mention, ctx)
    value: dict[str, Any] = {"amount": None, "currency": currency,
                             "qualifier": _qualifier(mention.group("qualifier"), ctx)}
    if mention.group("vague"):
        value["vague"] = True
    else:
        amounts = _amounts(mention, ctx)
        minor = _minor(mention, ctx)
        if amounts is None or minor is None:
            return None
        low, high = amounts
        if max(low, high or 0) * fraction > LARGEST_AMOUNT:
            return None
        value["amount"] = as_json_number(low * fraction + minor)
        if high is not None:
            value["max"] = as_json_number(high * fraction)
    value["per"] = mention.group("per").lower() if mention.group("per") else None
    return value


def _amounts(mention: Mention, ctx: Context) -> tuple[Decimal, Decimal | None] | None:
    """The amount, and the high end of a range, each with its scale. One end's scale serves
    both when the other has none ("$5-7 million"); "3-billion-dollar" puts its scale where a
    range's high end would have it."""
    shared = ("scale_prefix", "scale_after")
    if mention.group("amount_max") is None:
        low = _amount(mention, "amount", ("scale", "scale_max") + shared, ctx)
        return None if low is None else (low, None)
    low_scale = "scale" if mention.group("scale") else "scale_max"
    high_scale = "scale_max" if mention.group("scale_max") else "scale"
    low = _amount(mention, "amount", (low_scale,) + shared, ctx)
    high = _amount(mention, "amount_max", (high_scale,) + shared, ctx)
    return None if low is None or high is None else (low, high)


def _amount(mention: Mention, group: str, scale_groups: tuple[str, ...], ctx: Context) -> Decimal | None:
    number = parse_number(mention.group(group) or "", ctx.lexicons.get("number_words"), ctx.cache)
    if number is None:
        return None
    for scale_group in scale_groups:
        factor = _scale(mention.group(scale_group), ctx)
        if factor is None:
            return None
        number *= factor
    return number


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


def _minor(mention: Mention, ctx: Context) -> Decimal | None:
    """What "and 50 cents" adds; None when it cannot be a minor amount ("and 150")."""
    text = mention.group("minor_amount")
    if text is None:
        return Decimal(0)
    number = parse_number(text, ctx.lexicons.get("number_words"), ctx.cache)
    unit = ctx.lexicon("minor_units").value(mention.group("minor_unit") or "")
    fraction = Decimal(str(unit["fraction"])) if unit else MINOR_FRACTION
    if number is None or number * fraction >= 1:
        return None
    return number * fraction


def _currency(mention: Mention, ctx: Context) -> tuple[str | None, Decimal]:
    """The ISO code the text names (None if it names none or an ambiguous one), and the
    fraction of it that one unit is worth (0.01 for "cents")."""
    text = mention.group("currency") or mention.group("currency_after")
    if not text:
        return mention.rule.definition.options.get("currency"), Decimal(1)
    text = text[len(mention.group("scale_prefix") or ""):]                          # "MUSD": the code
    for name in CURRENCY_LEXICONS:
        lexicon = ctx.lexicon(name)
        if text in lexicon:
            code = lexicon.value(text)
            return (str(code) if code else None), Decimal(1)
    unit = ctx.lexicon("minor_units").value(text)
    if unit:
        return unit["currency"], Decimal(str(unit["fraction"]))
    prefix = text.rstrip("$").strip()                                                 # "HK$", "c $", "usd$"
    for name in ("dollar_prefixes", "currency_codes"):
        code = ctx.lexicon(name).value(prefix)
        if code:
            return str(code), Decimal(1)
    return None, Decimal(1)


def _qualifier(text: str | None, ctx: Context) -> str | None:
    if not text:
        return None
    return str(ctx.lexicon("money_qualifiers").value(text, " ".join(text.lower().split())))
