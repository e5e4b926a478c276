"""Split a text into paragraphs and sentences, as the segmentation rules say.

Sentences never break inside a protected span (a quotation), so a quote that runs over two
sentences or two paragraphs stays in the sentence that introduces it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Callable

from .budget import Budget
from .compiling import Segmentation

Span = tuple[int, int]


@dataclass(frozen=True)
class Segments:
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]

    def sentence_at(self, pos: int) -> Span:
        return _containing(self.sentences, pos)

    def paragraph_at(self, pos: int) -> Span:
        return _containing(self.paragraphs, pos)


def _containing(spans: tuple[Span, ...], pos: int) -> Span:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return (pos, pos)


def segment(text: str, rules: Segmentation, budget: Budget | None = None,
            errors: list[dict[str, Any]] | None = None) -> Segments:
    """Paragraphs and sentences of `text`. Each segmentation pattern runs within the budget's
    limits; one that runs out is replaced by a plain fallback (paragraphs at line breaks, no
    sentence breaks inside paragraphs, no protected quotations), which `errors` reports."""
    budget = budget or Budget(None, None, len(text))
    errors = errors if errors is not None else []

    def stopped(name: str, consequence: str) -> None:
        errors.append({"rule": f"segmentation.{name}",
                       "message": f"segmentation.{name} stopped (its pattern ran longer than its time "
                                  f"limit; catastrophic backtracking?): {consequence}"})

    def spans(name: str, pattern: Any, fallback: Callable[[], list[Span]], consequence: str) -> list[Span]:
        budget.start_rule()
        try:
            return [m.span() for m in pattern.finditer(text, timeout=budget.timeout())]
        except TimeoutError:
            stopped(name, consequence)
            return fallback()
        finally:
            budget.end_rule()

    protected = spans("protect", rules.protect, list, "sentences may break inside quotations") \
        if rules.protect else []
    paragraph_breaks = spans("paragraph_break", rules.paragraph_break, lambda: _line_breaks(text),
                             "paragraphs end at every line break")
    paragraphs = _between(text, paragraph_breaks)
    cuts = [b for b in paragraph_breaks if not _inside(protected, b[0])]
    ends = spans("sentence_end", rules.sentence_end, list, "sentences end only where paragraphs do")
    exceptions = rules.no_break_before or rules.no_break_after
    budget.start_rule()           # the exceptions share one limit, over all sentence ends
    try:
        for _, end in ends:
            if _inside(protected, end):
                continue
            if exceptions:
                try:
                    if _no_break(text, end, rules, budget):
                        continue
                except TimeoutError:
                    stopped("no_break_before/no_break_after", "sentences end at every sentence end after this")
                    exceptions = None
            cuts.append((end, end))
    finally:
        budget.end_rule()
    return Segments(tuple(paragraphs), tuple(_between(text, sorted(cuts))))


def _no_break(text: str, end: int, rules: Segmentation, budget: Budget) -> bool:
    """Whether the exceptions keep the text together at a sentence end."""
    if rules.no_break_before and rules.no_break_before.search(text, max(0, end - 40), end,
                                                              timeout=budget.timeout()):
        return True
    return bool(rules.no_break_after and rules.no_break_after.match(text, end, timeout=budget.timeout()))


def _line_breaks(text: str) -> list[Span]:
    breaks, pos = [], text.find("\n")
    while pos >= 0:
        breaks.append((pos, pos + 1))
        pos = text.find("\n", pos + 1)
    return breaks


def _inside(spans: list[Span], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _between(text: str, cuts: list[Span]) -> list[Span]:
    """The non-blank stretches of `text` between the cuts, trimmed of white space."""
    spans, start = [], 0
    for cut_start, cut_end in cuts + [(len(text), len(text))]:
        if cut_start < start:
            continue
        s, e = start, cut_start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = cut_end
    return spans
