"""Tense: whether the clause around a date speaks of the future, which decides the nearest
reading of 'Monday', 'July' or 'the 18th' (the next one, or the most recent one)."""
from __future__ import annotations

import regex

from ...matching import Mention
from .. import Context

CLAUSE_MARKS = (",", ";", ":", "—", "–", "\"", "“", "”")   # a quotation is a clause of its own


def is_future(mention: Mention, ctx: Context) -> bool:
    """Whether the sentence around the mention speaks of the future (lexicon future_markers, in
    any case but those of markers_as_written, which count capitalised only before a word of
    modal_followers: "May said" is Theresa May, "the U.S. May be able to" the modal), unless the
    word before the date always looks back (lexicon past_markers: "since Friday")."""
    key = ("future_markers_pattern",)
    patterns = ctx.cache.get(key)
    if patterns is None:
        written, followers, past = (ctx.lexicons[name].surfaces if name in ctx.lexicons else []
                                    for name in ("markers_as_written", "modal_followers", "past_markers"))
        lists = {"markers": [m for m in ctx.lexicon("future_markers").surfaces if m not in written]}
        future = r"(?i)\b\L<markers>\b"
        if written:                         # (an empty named list would match the empty string)
            lists["written"] = written
            future += r"|\b(?-i:\L<written>)\b"
            if followers:
                lists["followers"] = followers
                future += r"|(?i:\b\L<written>\s+\L<followers>\b)"
        patterns = ctx.cache[key] = (regex.compile(future, **lists),
                                     regex.compile(r"(?i)\b\L<markers>\s+$", markers=past) if past else None)
    future_marker, past_marker = patterns
    if past_marker is not None and past_marker.search(ctx.text, max(0, mention.start - 24), mention.start):
        return False
    return future_marker.search(clause(mention, ctx)) is not None


def clause(mention: Mention, ctx: Context) -> str:
    """Where the tense of a date is read: its clause (the sentence between the punctuation
    around it; in "..., the ministry said on Wednesday." an earlier clause's future does not
    count) up to the date, where the verb that governs it stands ("will meet on Friday"); a
    future after the date is mostly another verb's ("rose in February and is expected to
    ..."). A date that opens its clause takes the rest of it, or the next clause if a comma
    follows ("In May, ministers will meet"). The month itself is blanked out: "May" is no
    modal verb."""
    text = ctx.text
    start, end = ctx.segments.sentence_at(mention.start)
    first = _first_listed(mention, ctx, start)    # "on Tuesday, Wednesday and ...": the list's tense
    before = _clause_start(text, start, first.start)
    after = first.end
    if len(text[before:first.start].split()) <= 2:
        after = _clause_end(text, first.end, end)
        if after < end and not text[first.end:after].strip():
            after = _clause_end(text, after + 1, end)
    words = text[before:after]
    month = first.group_span("month") if "month" in first.match.re.groupindex else None
    if month is not None and before <= month[0] and month[1] <= after:
        words = words[:month[0] - before] + " " * (month[1] - month[0]) + words[month[1] - before:]
    return words


def _first_listed(mention: Mention, ctx: Context, sentence_start: int) -> Mention:
    """The first of dates listed with commas by the same rule ("Tuesday, Wednesday and Thursday")."""
    first = mention
    while ctx.outcome is not None:
        comma = _clause_start(ctx.text, sentence_start, first.start) - 1
        if comma < sentence_start or ctx.text[comma] != "," or ctx.text[comma + 1:first.start].strip():
            break
        listed = ctx.outcome.of_type(mention.type).overlapping((comma - 1, comma))
        if listed is None or listed.end != comma or listed.rule.id != mention.rule.id:
            break
        first = listed
    return first


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    return max(max(text.rfind(mark, sentence_start, pos) for mark in CLAUSE_MARKS) + 1, sentence_start)


def _clause_end(text: str, pos: int, sentence_end: int) -> int:
    return min((i for i in (text.find(mark, pos, sentence_end) for mark in CLAUSE_MARKS) if i >= 0),
               default=sentence_end)
