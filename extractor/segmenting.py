"""Split a text into paragraphs and sentences, as the segmentation rules say.

Sentences never break inside a protected span (a quotation), so a quote that runs over two
sentences or two paragraphs stays in the sentence that introduces it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

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


def segment(text: str, rules: Segmentation) -> Segments:
    protected = [m.span() for m in rules.protect.finditer(text)] if rules.protect else []
    paragraph_breaks = [m.span() for m in rules.paragraph_break.finditer(text)]
    paragraphs = _between(text, paragraph_breaks)
    cuts = [b for b in paragraph_breaks if not _inside(protected, b[0])]
    for match in rules.sentence_end.finditer(text):
        end = match.end()
        if _inside(protected, end):
            continue
        if rules.no_break_before and rules.no_break_before.search(text, max(0, end - 40), end):
            continue
        if rules.no_break_after and rules.no_break_after.match(text, end):
            continue
        cuts.append((end, end))
    return Segments(tuple(paragraphs), tuple(_between(text, sorted(cuts))))


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
