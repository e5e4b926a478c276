"""The date and the amount of an agreement: the date and money extractions its clause states
("signed a $3bn deal on Monday"), linked by their offsets.

A clause is the agreement's sentence, cut at semicolons and at a dash set off by spaces (the
dateline's "NEW YORK, March 4 - "). The date is the one of that clause nearest to the
agreement's words; a vague one ("recently"), a length of time or a repeating one is no date of
an event. The amount is money inside the agreement's words or right after them ("a deal worth
$3bn", "to buy a stake in X for $5m": at most five words between, no comma).
"""
from __future__ import annotations

import re
from typing import Any

from .matching import MatchOutcome, Mention
from .segmenting import Segments

Span = tuple[int, int]

CLAUSE_CUT = re.compile(r";|[ \t]+(?:-|--|–|—)[ \t]+")
AMOUNT_GAP = re.compile(r"[ \t]*(?:[ \t]+[^\s;,.]+){0,5}?[ \t]+")
EVENT_DATE_KINDS = ("date", "range", "time")


def link_agreements(text: str, outcome: MatchOutcome, segments: Segments) -> None:
    """Fill `date*` and `amount*` of each agreement's value in place."""
    for agreement in outcome.of_type("agreement").mentions:
        if agreement.value is None:
            continue
        words = agreement.match.span()
        clause = _clause(text, segments, words)
        date = _nearest(_emitted(outcome, "date", clause, EVENT_DATE_KINDS), words)
        if date is not None:
            _link(agreement.value, "date", date, date.value["timex"], text)
        amount = next((m for m in _emitted(outcome, "money", clause) if _amount_of(text, m, words)), None)
        if amount is not None:
            _link(agreement.value, "amount", amount, amount.value["amount"], text)


def _clause(text: str, segments: Segments, words: Span) -> Span:
    start, end = segments.sentence_at(words[0])
    for cut in CLAUSE_CUT.finditer(text, start, words[0]):
        start = cut.end()
    after = CLAUSE_CUT.search(text, words[1], end)
    return start, after.start() if after else end


def _emitted(outcome: MatchOutcome, type_: str, clause: Span, kinds: tuple[str, ...] = ()) -> list[Mention]:
    return [m for m in outcome.of_type(type_).within(clause)
            if m.emit and m.value is not None and (not kinds or m.value.get("kind") in kinds)]


def _nearest(mentions: list[Mention], words: Span) -> Mention | None:
    def distance(m: Mention) -> int:
        return max(words[0] - m.end, m.start - words[1], 0)
    return min(mentions, key=lambda m: (distance(m), m.start), default=None)


def _amount_of(text: str, money: Mention, words: Span) -> bool:
    return words[0] <= money.start < words[1] or (
        money.start >= words[1] and AMOUNT_GAP.fullmatch(text, words[1], money.start) is not None)


def _link(value: dict[str, Any], field: str, mention: Mention, normalised: Any, text: str) -> None:
    value[field] = normalised
    value[f"{field}_start"], value[f"{field}_end"] = mention.start, mention.end
    value[f"{field}_text"] = text[mention.start:mention.end]
