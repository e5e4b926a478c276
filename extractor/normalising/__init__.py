"""Normalisers: Python functions that turn a rule's match into a value, chosen by name in YAML.

A normaliser receives the mention and a `Context` and returns the value (a dict), or None
to reject the match (for example "30 February").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from ..compiling import Lexicon
from ..matching import MatchOutcome, Mention
from ..segmenting import Segments

Normaliser = Callable[[Mention, "Context"], "dict[str, Any] | None"]


@dataclass
class Context:
    """What a normaliser may read about the document being extracted."""

    text: str
    reference_date: date | None
    lexicons: dict[str, Lexicon]
    segments: Segments
    cache: dict[Any, Any] = field(default_factory=dict)   # per-engine, shared by documents
    outcome: MatchOutcome | None = None   # the document's mentions, normalised in text order
    date_order: str | None = None   # "DMY" or "MDY" for 05/06/2023, when the caller says

    def lexicon(self, name: str) -> Lexicon:
        try:
            return self.lexicons[name]
        except KeyError:
            raise LookupError(f"the rules define no lexicon {name!r}, which this normaliser needs") from None

    def sentence(self, mention: Mention) -> str:
        start, end = self.segments.sentence_at(mention.start)
        return self.text[start:end]


def _none(mention: Mention, ctx: Context) -> dict[str, Any]:
    return {}


DatelineReader = Callable[["dict[str, Any] | None"], "date | None"]


def default_dateline_readers() -> dict[str, DatelineReader]:
    """By normaliser: how the value of a dateline (a rule that `sets: reference_date`) gives
    the document's reference date; the engine asks this instead of reading values itself."""
    from . import dates
    return {"date": dates.reference_date_of, "dateparser": dates.reference_date_of}


def check_date_order(order: str | None) -> None:
    from .dates import check_date_order as check
    check(order)


def default_normalisers() -> dict[str, Normaliser]:
    from . import dates, money, structures
    return {
        "none": _none,
        "date": dates.normalise_date,
        "dateparser": dates.normalise_with_dateparser,
        "money": money.normalise_money,
        "title": structures.normalise_title,
        "quote": structures.normalise_quote,
        "agreement": structures.normalise_agreement,
    }
