"""Stages, constraints, the overlap policy and the per-rule time limit."""
from __future__ import annotations

import pytest

from extractor import Engine

from .conftest import MINIMAL_RULE, OVERLAP, write_rules

RUNAWAY = """\
rules:
  - id: money.runaway
    type: money
    pattern: '(x|xx)+y'
    examples: [{text: "xy", match: "xy"}]
  - id: money.fine
    type: money
    pattern: '\\$\\d+'
    examples: [{text: "$5", match: "$5"}]
"""


def test_runaway_regex_is_stopped_and_named(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": RUNAWAY}), timeout=0.2)
    result = engine.extract("x" * 40 + " costs $5", id="doc-7")
    assert [e.text for e in result.extractions] == ["$5"]          # the other rule still ran
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error["rule"] == "money.runaway" and error["document"] == "doc-7"
    assert "0.2 s" in error["message"]




def test_overlap_policy_priority_then_length_then_leftmost(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": OVERLAP}))
    result = engine.extract("New York City has big apple pie.")
    assert [(e.text, e.rule) for e in result.extractions] == [
        ("New", "thing.short_high"), ("York", "other.any"), ("big apple", "thing.long_a")]


STAGED = """\
rules:
  - id: who.name
    type: who
    emit: false
    pattern: 'Alice|Bob'
    examples: [{text: "Alice", match: "Alice"}]
  - id: said.claim
    type: said
    stage: 2
    pattern: '(?P<speaker>\\p{Lu}\\p{Ll}+) said'
    groups:
      speaker: {is: [who]}
    examples:
      - {text: "Alice said", match: "Alice said"}
    counter_examples: ["Carol said"]
"""


def test_stage_constraint_and_retry(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": STAGED}))
    result = engine.extract("Carol said. Bob said.")
    assert [e.text for e in result.extractions] == ["Bob said"]     # who.name is not emitted


def test_same_engine_many_texts(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": MINIMAL_RULE}))
    assert [engine.extract(f"${i}").extractions[0].value["amount"] for i in range(3)] == [0, 1, 2]


FALLBACK = """\
lexicons:
  months: {entries: {March: 3}}
  future_markers: {entries: [will]}
rules:
  - id: date.bad_range
    type: date
    priority: 90
    normaliser: date
    options: {kind: range}
    pattern: '(?P<day>\\d+)-(?P<day_to>\\d+) (?P<month_to>March)'
    examples: [{text: "1-3 March 2023", match: "1-3 March"}]
  - id: date.day
    type: date
    priority: 10
    normaliser: date
    pattern: '(?P<day>\\d+) (?P<month>March)'
    examples: [{text: "3 March 2023", match: "3 March"}]
"""


def test_a_rejected_winner_gives_way_to_what_it_beat(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": FALLBACK}))
    # "5-3 March" is no range (the end comes first): the day rule's "3 March" takes its place.
    found = engine.extract("They won 5-3 March last.", reference_date="2023-06-05").extractions
    assert [(e.text, e.rule, e.value["timex"]) for e in found] == [("3 March", "date.day", "2023-03-03")]
    found = engine.extract("Held 1-3 March.", reference_date="2023-06-05").extractions
    assert [e.rule for e in found] == ["date.bad_range"]


NEAR = """\
macros:
  PAIR: '(?P<word>[a-z]+)'
rules:
  - id: thing.near
    type: thing
    scope: near
    requires: 'TRIGGER'
    pattern: 'x+y'
    examples: [{text: "TRIGGER xxy", match: "xxy"}]
  - id: thing.pairs
    type: thing
    pattern: '{PAIR}-{PAIR/to}'
    examples: [{text: "ab-cd", match: "ab-cd"}]
"""


def test_scope_near_searches_only_around_the_trigger_and_never_cuts_a_match(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": NEAR}))
    far = "xy " + "filler " * 20 + "TRIGGER " + "x" * 60 + "y" + " filler" * 20 + " xy"
    found = [e for e in engine.extract(far).extractions if e.rule == "thing.near"]
    # Only the run next to the trigger, whole although it is longer than the window.
    assert [e.text for e in found] == ["x" * 60 + "y"]


def test_near_sets_how_far_from_the_trigger_a_rule_searches(tmp_path):
    text = "xy " + "filler " * 3 + "TRIGGER xy"
    for near, expected in ((None, [0, text.rindex("xy")]), (8, [text.rindex("xy")])):
        rules = NEAR if near is None else NEAR.replace("    scope: near\n", f"    scope: near\n    near: {near}\n")
        engine = Engine.from_directory(write_rules(tmp_path / str(near), {"r.yaml": rules}))
        found = [e.start for e in engine.extract(text).extractions if e.rule == "thing.near"]
        assert found == expected, near      # 48 characters by default reach the first xy; 8 do not


def test_a_macro_suffix_renames_its_groups(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": NEAR}))
    _, outcome = engine.run("ab-cd")
    match = outcome.of_type("thing").mentions[0].match
    assert (match.group("word"), match.group("word_to")) == ("ab", "cd")


def test_whitespace_class_is_what_isspace_says():
    from extractor.matching import WHITESPACE
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert {m.group() for m in WHITESPACE.finditer(text)} == {c for c in text if c.isspace()}


def _walked_windows(hits, text, segments, near):
    """The windows as the engine used to find them: walking to the nearest whitespace."""
    windows = []
    for hit_start, hit_end in hits:
        sentence_start, sentence_end = segments.sentence_at(hit_start)
        start = max(sentence_start, hit_start - near)
        while start > sentence_start and not text[start - 1].isspace():
            start -= 1
        end = min(sentence_end, max(hit_end, hit_start + 1) + near)
        while end < sentence_end and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def test_near_windows_widen_to_whitespace_as_a_walk_would(engine):
    import regex
    from extractor.matching import _windows
    from extractor.segmenting import segment
    texts = ["It cost $5, then $7.\n\nAnother $12bn deal.", "$" * 300, "a $b" * 50,
             "x" * 60 + " $3 " + "y" * 70 + "\u3000$4\u00a0z. $5"]
    for text in texts:
        segments = segment(text, engine.rules.segmentation)
        hits = [m.span() for m in regex.finditer(r"\$", text)]
        for near in (0, 1, 5, 24, 48):
            assert _windows(hits, text, segments, near) == _walked_windows(hits, text, segments, near)


def test_a_title_mention_is_named_by_its_tail(engine):
    # A speaker matched from the office on ("leader Michael Howard") names the title mention
    # that holds the words before it ("Tory leader Michael Howard"), where the group's
    # `tail_of` says so; otherwise, and for other types, the group must be the mention's span.
    from extractor.matching import mention_for
    text = 'Tory leader Michael Howard said: "We will win."'
    _, outcome = engine.run(text)
    title = mention_for(outcome, (5, 26), ["title"], tails=["title"])
    assert title is not None and text[title.start:title.end] == "Tory leader Michael Howard"
    assert mention_for(outcome, (5, 26), ["title"]) is None                   # no tail_of: no tail
    assert mention_for(outcome, (5, 20), ["title"], tails=["title"]) is None  # not where it ends
    assert mention_for(outcome, (12, 26), ["title", "person"]) is not None    # the person mention itself
    assert mention_for(outcome, (17, 26), ["person"], tails=["title"]) is None  # no tail for persons


def test_tail_of_names_only_types_of_is(tmp_path):
    from extractor.errors import RuleError
    rules = write_rules(tmp_path, {"r.yaml": """\
rules:
  - id: thing.tail
    type: thing
    pattern: '(?P<who>a)'
    groups: {who: {tail_of: [title]}}
    examples: [{text: "a", match: "a"}]
"""})
    with pytest.raises(RuleError, match=r"thing.tail.*tail_of may name only types of its `is`, not title"):
        Engine.from_directory(rules)
