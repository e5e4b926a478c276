"""The date and the amount of an agreement: the date and money extractions its clause states
("signed a $3bn deal on Monday"), linked by their offsets.

A clause is the stretch of the agreement's sentence around its words that no comma, semicolon
or dash set off by spaces cuts (so not the dateline's "NEW YORK, March 4 - ", nor "..., he
said on Monday"). The date is the one of that clause nearest to the agreement's words; a vague
one ("recently"), a length of time, a repeating one, or one that dates what was agreed to do
("agreed to review it in 2024") is no date of the event. The amount is money inside the
agreement's words or right after them ("a deal worth $3bn", "to buy a stake in X for $5m": at
most five words between).
"""
from __future__ import annotations

import re
from typing import Any

from .matching import MatchOutcome, Mention
from .segmenting import Segments

Span = tuple[int, int]

CLAUSE_CUT = re.compile(r"[;,]|[ \t]+(?:-|--|–|—)[ \t]+")
AMOUNT_GAP = re.compile(r"[ \t]*(?:[ \t]+[^\s;,.]+){0,5}?[ \t]+")
EVENT_DATE_KINDS = ("date", "range", "time")
ACT = re.compile(r"to\s")     # an object that is what was agreed to do


def link_agreements(text: str, outcome: MatchOutcome, segments: Segments) -> None:
    """Fill `date*` and `amount*` of each agreement's value in place."""
    for agreement in outcome.of_type("agreement").mentions:
        if agreement.value is None:
            continue
        words = agreement.match.span()
        clause = _clause(text, segments, words)
        dates = [m for m in _emitted(outcome, "date", clause, EVENT_DATE_KINDS) if not _in_agreed_act(agreement, m)]
        date = _nearest(dates, words)
        if date is not None:
            _link(agreement.value, "date", date, date.value["timex"], text)
        amount = next((m for m in _emitted(outcome, "money", clause) if _amount_of(text, m, words)), None)
        if amount is not None:
            _link(agreement.value, "amount", amount, amount.value["amount"], text)


def _in_agreed_act(agreement: Mention, date: Mention) -> bool:
    """Whether a date dates what was agreed to do: it comes after the object's "to" ("agreed to
    review the pact in 2024")."""
    span, agreed = agreement.group_span("object"), agreement.group("object")
    return bool(span and agreed and ACT.match(agreed) and date.start >= span[0])


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
