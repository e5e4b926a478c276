"""Apply compiled rules to one text, stage by stage, and settle overlaps.

Each stage's rules run over their scope (document, paragraph or sentence); a candidate whose
groups break their constraints (`is`, `not_in`, `not_overlapping`) is dropped and the search
resumes one character later, so a shorter or later reading can still match. Then, per type,
overlapping candidates are settled by one total order: higher priority, then longer, then
leftmost, then rule id. What survives a stage is visible to the constraints of later stages.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from .budget import Budget
from .compiling import CompiledRule, CompiledRules
from .segmenting import Segments, Span


@dataclass
class Mention:
    """A match of one rule: an extraction if its rule emits, else a mention for later stages."""

    type: str
    start: int
    end: int
    rule: CompiledRule
    match: Any  # regex.Match
    value: dict[str, Any] | None = None

    @property
    def emit(self) -> bool:
        return self.rule.definition.emit

    def group(self, name: str) -> str | None:
        """The text of group `name`, or None where it did not take part."""
        if name not in self.match.re.groupindex:
            return None
        return self.match.group(name)

    def group_span(self, name: str) -> Span | None:
        if name not in self.match.re.groupindex or self.match.start(name) < 0:
            return None
        return self.match.span(name)

    def captures(self, name: str) -> list[tuple[str, Span]]:
        """Every capture of a repeated group (e.g. each of several parties)."""
        if name not in self.match.re.groupindex:
            return []
        return list(zip(self.match.captures(name), self.match.spans(name)))


class MentionIndex:
    """The settled mentions of one type, sorted and non-overlapping, for fast span queries."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.by_span = {(m.start, m.end): m for m in self.mentions}

    def add(self, mention: Mention) -> None:
        i = bisect_right(self.starts, mention.start)
        self.starts.insert(i, mention.start)
        self.mentions.insert(i, mention)
        self.by_span[(mention.start, mention.end)] = mention

    def at(self, span: Span) -> Mention | None:
        return self.by_span.get(span)

    def containing(self, span: Span) -> Mention | None:
        i = bisect_right(self.starts, span[0]) - 1
        if i >= 0 and self.mentions[i].end >= span[1]:
            return self.mentions[i]
        return None

    def ending(self, span: Span) -> Mention | None:
        """The mention that holds `span` and ends where it ends ("leader Michael Howard" in
        "Tory leader Michael Howard")."""
        found = self.containing(span)
        return found if found is not None and found.end == span[1] else None

    def overlapping(self, span: Span) -> Mention | None:
        i = bisect_left(self.starts, span[1]) - 1
        if i >= 0 and self.mentions[i].end > span[0]:
            return self.mentions[i]
        return None

    def within(self, span: Span) -> Iterator[Mention]:
        """The mentions that lie inside `span`, in text order."""
        for i in range(bisect_left(self.starts, span[0]), len(self.mentions)):
            if self.mentions[i].start >= span[1]:
                break
            if self.mentions[i].end <= span[1]:
                yield self.mentions[i]

    def latest_first(self, pos: int) -> Iterator[Mention]:
        """The mentions that start before `pos`, the nearest first (no copy of the list)."""
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            yield self.mentions[i]


@dataclass
class MatchOutcome:
    mentions: dict[str, MentionIndex] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Candidates that lost to an overlapping one, best first: if the winner's normaliser
    # rejects it ("3-2 March" is no range), the engine tries these in its place.
    passed_over: dict[str, list[Mention]] = field(default_factory=dict)

    def of_type(self, type_: str) -> MentionIndex:
        return self.mentions.get(type_) or _NO_MENTIONS


_NO_MENTIONS = MentionIndex([])


def match_all(rules: CompiledRules, text: str, segments: Segments, budget: Budget) -> MatchOutcome:
    """Every stage's rules over the text. A rule whose searches run past its time limit loses
    its matches in this document; once the document's budget is spent, the rules still to
    run are skipped, and both are reported in `errors` by rule id."""
    outcome = MatchOutcome()
    # Rules with the same `requires` test it once; a piece the prefilter rules out has no hits.
    units: dict[Any, list[Span]] = {}
    if rules.prefilter is not None:
        units.update((key, []) for key in rules.prefilter.absent(text))
    order = rules.rules
    done = 0        # rules run so far: the ones after them are what a spent budget skips
    for _, stage_rules in rules.stages:
        candidates: list[Mention] = []
        for rule in stage_rules:
            budget.start_rule()     # the rule's own limit, until the next rule starts
            try:
                scopes = _units(rule, text, segments, units, budget)
                if rule.anchors or rule.definition.anchor_mention:
                    anchors = _anchors(rule, text, units, outcome, budget, scopes)
                    found = list(_anchored_matches(rule, text, scopes, anchors, outcome, budget, segments))
                else:
                    found = list(_rule_matches(rule, text, scopes, outcome, budget, segments))
                candidates.extend(found)   # all of a rule's matches, or none if it timed out
            except TimeoutError:    # regex's own, or the budget's before a search
                if budget.spent():
                    outcome.errors.append(_budget_error(rule, order[done + 1:], budget))
                    _settle_into(outcome, candidates)
                    return outcome
                outcome.errors.append({
                    "rule": rule.id,
                    "message": f"rule {rule.id} stopped: its pattern ran longer than {budget.rule_seconds:g} s "
                               f"(catastrophic backtracking?); its matches in this document are lost",
                })
            done += 1
        _settle_into(outcome, candidates)
    return outcome


def _budget_error(rule: CompiledRule, later: list[CompiledRule], budget: Budget) -> dict[str, Any]:
    skipped = [r.id for r in later]
    named = ", ".join(skipped[:5]) + (", ..." if len(skipped) > 5 else "")
    return {"rule": rule.id, "skipped": skipped,
            "message": f"the document's time budget of {budget.document_seconds:g} s was spent: rule "
                       f"{rule.id} stopped and {len(skipped)} later rule(s) skipped"
                       + (f" ({named})" if skipped else "") + "; their matches in this document are lost"}


def _settle_into(outcome: MatchOutcome, candidates: list[Mention]) -> None:
    for type_, (settled, passed_over) in settle(candidates).items():
        outcome.mentions[type_] = MentionIndex(settled)
        outcome.passed_over[type_] = passed_over


def _scopes(scope: str, text: str, segments: Segments) -> tuple[Span, ...]:
    if scope == "sentence":
        return segments.sentences
    if scope == "paragraph":
        return segments.paragraphs
    return ((0, len(text)),)


def _hits(pattern: Any, key: int, text: str, cache: dict[Any, list[Span]], budget: Budget,
          literal: str | None = None) -> list[Span]:
    """Where a pre-filter or anchor pattern (numbered `key`) matches: one pass per document,
    shared by every rule that names the same pattern, whether as `requires` or as `anchor`."""
    hits = cache.get(key)
    if hits is None:
        if literal is not None and literal not in text:
            hits = cache[key] = []
        else:
            hits = cache[key] = [m.span() for m in _scan(pattern, text, budget)]
    return hits


def _scan(pattern: Any, text: str, budget: Budget, start: int = 0, end: int | None = None) -> Iterator[Any]:
    """The matches of a pre-filter or anchor in text[start:end]: `re` patterns have no timeout,
    and need none (compiling.scanner gives `re` only patterns of bounded work)."""
    end = len(text) if end is None else end
    if isinstance(pattern, re.Pattern):
        budget.timeout()       # raises if the time is already up
        return pattern.finditer(text, start, end)
    return pattern.finditer(text, start, end, timeout=budget.timeout())


def _units(rule: CompiledRule, text: str, segments: Segments, cache: dict[Any, list[Span]],
           budget: Budget) -> list[Span]:
    """The scope units (sentences, paragraphs, the document) in which the rule may match:
    with `requires`, those a hit overlaps (a pre-filter may let through too much, never too little)."""
    scope = rule.definition.scope
    if not rule.requires:
        return list(_scopes(scope, text, segments))
    key = rule.units_key
    if key not in cache:
        if len(rule.requires) == 1:
            hits = _hits(rule.requires[0], rule.requires_keys[0], text, cache, budget, rule.requires_literals[0])
        else:
            hits = sorted(hit for r, piece, literal in zip(rule.requires, rule.requires_keys, rule.requires_literals)
                          for hit in _hits(r, piece, text, cache, budget, literal))
        if scope == "near":
            if "spaces" not in cache:
                cache["spaces"] = whitespace_positions(text)     # type: ignore[assignment]
            cache[key] = _windows(hits, text, segments, rule.definition.near or NEAR, cache["spaces"])
        else:
            units = _scopes(scope, text, segments)
            starts = [start for start, _ in units]
            chosen: list[int] = []
            for hit_start, hit_end in hits:
                i = max(bisect_right(starts, hit_start) - 1, 0)
                while i < len(units) and units[i][0] < max(hit_end, hit_start + 1):
                    if units[i][1] > hit_start and (not chosen or chosen[-1] < i):
                        chosen.append(i)
                    i += 1
            cache[key] = [units[i] for i in chosen]
    return cache[key]


NEAR = 48   # characters around a `requires` hit searched by a rule with scope: near, by default


# Exactly the characters for which str.isspace() is true (a test checks it).
WHITESPACE = re.compile("[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _windows(hits: list[Span], text: str, segments: Segments, near: int,
             spaces: Sequence[int] | None = None) -> list[Span]:
    """Stretches of `near` characters either side of each hit, inside its sentence, widened to
    whitespace and merged: a rule with scope `near` searches only these. `spaces`: where the
    text's whitespace is (found here if not given), so that widening a window costs a lookup,
    not a walk over a run of text without spaces ("$$$$..." made that quadratic)."""
    if spaces is None:
        spaces = whitespace_positions(text)
    windows: list[Span] = []
    for hit_start, hit_end in hits:
        sentence_start, sentence_end = segments.sentence_at(hit_start)
        start = max(sentence_start, hit_start - near)
        before = bisect_left(spaces, start) - 1          # the last space before `start`
        start = max(sentence_start, spaces[before] + 1) if before >= 0 else sentence_start
        end = min(sentence_end, max(hit_end, hit_start + 1) + near)
        after = bisect_left(spaces, end)                 # the first space at or after `end`
        end = min(sentence_end, spaces[after] if after < len(spaces) else sentence_end)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def whitespace_positions(text: str) -> Sequence[int]:
    """Where the text's whitespace is, as 8-byte integers (a list of ints takes 36 bytes for
    each: 300 MB for a 50 MB document)."""
    return array("q", [m.start() for m in WHITESPACE.finditer(text)])


def _anchors(rule: CompiledRule, text: str, cache: dict[Any, list[Span]],
             outcome: MatchOutcome, budget: Budget, scopes: list[Span] | None = None) -> list[Span]:
    """Where the rule's matches may start (reverse: end). With `requires`, the anchor is looked
    for only inside the units the pre-filter let through: a match is tried only there anyway,
    and a pre-filter of the rule's rare words spares a scan of the whole document."""
    if rule.definition.anchor_mention:
        return [(m.start, m.end) for m in outcome.of_type(rule.definition.anchor_mention).mentions]
    if rule.requires and scopes is not None:
        key = ("anchor in units", rule.units_key) + rule.anchor_keys
        if key not in cache:
            found: set[Span] = set()
            for start, end in scopes:
                for anchor, anchor_key, literal in zip(rule.anchors, rule.anchor_keys, rule.anchor_literals):
                    if cache.get(anchor_key) == []:      # not in the document at all
                        continue
                    if literal is None or text.find(literal, start, end) >= 0:
                        found.update(m.span() for m in _scan(anchor, text, budget, start, end))
            cache[key] = sorted(found)
        return cache[key]
    if len(rule.anchors) == 1:
        return _hits(rule.anchors[0], rule.anchor_keys[0], text, cache, budget, rule.anchor_literals[0])
    key = ("anchor",) + rule.anchor_keys
    if key not in cache:
        cache[key] = sorted({hit for anchor, anchor_key, literal in zip(rule.anchors, rule.anchor_keys, rule.anchor_literals)
                             for hit in _hits(anchor, anchor_key, text, cache, budget, literal)})
    return cache[key]


def _anchored_matches(rule: CompiledRule, text: str, scopes: list[Span], anchors: list[Span],
                      outcome: MatchOutcome, budget: Budget, segments: Segments) -> Iterator[Mention]:
    """One anchored attempt per anchor: starting at it, or (reverse) ending at its end. With
    scope `near`, the window only says where anchors are looked for: the match may run on to
    the ends of the anchor's sentence."""
    definition = rule.definition
    reverse = "reverse" in definition.flags
    near = definition.scope == "near"
    starts = [start for start, _ in anchors]
    for scope_start, scope_end in scopes:
        for i in range(bisect_left(starts, scope_start), len(anchors)):    # no copy of the rest
            anchor_start, anchor_end = anchors[i]
            if anchor_end > scope_end:
                break
            low, high = segments.sentence_at(anchor_start) if near else (scope_start, scope_end)
            if reverse:
                match = rule.pattern.match(text, low, anchor_end, timeout=budget.timeout())
            else:
                match = rule.pattern.match(text, anchor_start, high, timeout=budget.timeout())
            if match is None:
                continue
            span = match.span(definition.span) if definition.span else match.span()
            if span[0] < span[1] and _allowed(rule, match, span, outcome):
                yield Mention(definition.type, span[0], span[1], rule, match)


def _rule_matches(rule: CompiledRule, text: str, scopes: list[Span], outcome: MatchOutcome,
                  budget: Budget, segments: Segments | None = None) -> Iterator[Mention]:
    definition = rule.definition
    reverse = "reverse" in definition.flags
    near = definition.scope == "near" and segments is not None
    # A match whose span starts inside a mention it may not overlap cannot be taken: after a
    # rejection the search may go on from that mention's end ("Reserve Bank of India" is an
    # organisation, so no person starts at "Bank" or "India").
    skip_blocked = bool(definition.not_overlapping) and not definition.span
    for scope_start, scope_end in scopes:
        pos, end = scope_start, scope_end
        while pos < end:
            match = rule.pattern.search(text, pos, end, timeout=budget.timeout())
            if match is None:
                break
            if near and not reverse and match.end() == end:     # cut short by the window?
                sentence_end = segments.sentence_at(match.start())[1]   # type: ignore[union-attr]
                if sentence_end > end:
                    match = rule.pattern.match(text, match.start(), sentence_end, timeout=budget.timeout()) or match
            span = match.span(definition.span) if definition.span else match.span()
            accepted = span[0] < span[1] and _allowed(rule, match, span, outcome)
            if accepted:
                yield Mention(definition.type, span[0], span[1], rule, match)
            if reverse:     # right to left: the next search ends before this match (or 1 char in)
                end = match.start() if accepted and match.start() < match.end() else match.end() - 1
            else:
                pos = match.end() if accepted and match.end() > match.start() else match.start() + 1
                if not accepted and skip_blocked:
                    pos = _past_blocker(definition.not_overlapping, outcome, pos)


def mention_for(outcome: MatchOutcome, span: Span, types: Sequence[str],
                tails: Sequence[str] = ()) -> Mention | None:
    """The mention a group's span names (an `is:` constraint): of the first of `types` with a
    mention at that span, or, for a type in `tails` (the group's `tail_of`), one that ends
    there and holds it ("leader Michael Howard" of "Tory leader Michael Howard")."""
    for type_ in types:
        index = outcome.of_type(type_)
        found = index.at(span)
        if found is None and type_ in tails:
            found = index.ending(span)
        if found is not None:
            return found
    return None


def _past_blocker(types: Sequence[str], outcome: MatchOutcome, pos: int) -> int:
    """Where the next search may start: past every mention of `types` that holds `pos`."""
    moved = True
    while moved:
        moved = False
        for type_ in types:
            blocker = outcome.of_type(type_).containing((pos, pos + 1))
            if blocker is not None and blocker.end > pos:
                pos, moved = blocker.end, True
    return pos


def _allowed(rule: CompiledRule, match: Any, span: Span, outcome: MatchOutcome) -> bool:
    definition = rule.definition
    for type_ in definition.not_overlapping:
        if outcome.of_type(type_).overlapping(span):
            return False
    for name, spec in definition.groups.items():
        if not (spec.is_ or spec.not_in):
            continue
        for group_span in match.spans(name):
            if spec.is_ and mention_for(outcome, group_span, spec.is_, spec.tail_of) is None:
                return False
            if any(outcome.of_type(t).containing(group_span) for t in spec.not_in):
                return False
    return True


def settle(candidates: list[Mention]) -> dict[str, tuple[list[Mention], list[Mention]]]:
    """Per type, keep the best of overlapping candidates (priority, length, leftmost, rule id);
    also return the ones passed over, in that order."""
    by_type: dict[str, list[Mention]] = {}
    for cand in candidates:
        by_type.setdefault(cand.type, []).append(cand)
    settled = {}
    for type_, cands in sorted(by_type.items()):
        cands.sort(key=lambda m: (-m.rule.definition.priority, -(m.end - m.start), m.start, m.rule.id))
        # Characters already taken, marked one byte each: the overlap test and the marking
        # cost the mention's length, so settling stays linear in the text however many there are.
        end = max(c.end for c in cands)
        used = bytearray(end + 1)
        taken, passed_over = [], []
        for cand in cands:              # candidates are never empty (see _rule_matches)
            if 1 not in used[cand.start:cand.end]:
                taken.append(cand)
                used[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            else:
                passed_over.append(cand)
        settled[type_] = (sorted(taken, key=lambda m: (m.start, m.end)), passed_over)
    return settled
