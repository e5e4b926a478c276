"""The dateparser fallback: a rule with `normaliser: dateparser` has dateparser read its span
(never the whole text), preferring past or future dates by the clause's tense."""
from __future__ import annotations

from typing import Any

from ...matching import Mention
from .. import Context
from . import timex
from .anchoring import Anchor

_UNREAD = object()


def normalise_with_dateparser(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """dateparser reads the span (cached); the caller's or the rule's date_order settles 05/06
    (default DMY)."""
    anchor = Anchor(mention, ctx)
    order = ctx.date_order or anchor.options.get("date_order", "DMY")
    prefer = "future" if anchor.future else "past"
    key = ("dateparser", mention.match.group(), order, anchor.ref, prefer)
    found = ctx.cache.get(key, _UNREAD)      # one lookup: another thread may clear the cache
    if found is _UNREAD:
        import dateparser  # slow to import: only when a rule needs it
        settings: dict[str, Any] = {"DATE_ORDER": order, "PREFER_DATES_FROM": prefer,
                                    "REQUIRE_PARTS": ["day", "month", "year"], **anchor.dateparser_base()}
        parsed = dateparser.parse(mention.match.group(), languages=["en"], settings=settings)
        found = ctx.cache[key] = parsed.date() if parsed else None
    return timex.point_value(timex.day(found)) if found else None
