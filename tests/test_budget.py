"""The time limits: one per rule in a document, one budget per document, segmentation under both."""
from __future__ import annotations

import time

import pytest

from extractor import Engine
from extractor.budget import Budget

from .conftest import SEGMENTATION_RUNAWAY, SENTENCE_RUNAWAY, write_rules

def test_limits_grow_with_the_text():
    assert Budget(5.0, 2.0, 5_000).document_seconds == 5.0           # short texts: as given
    long = Budget(5.0, 2.0, 50_000_000)
    assert (long.document_seconds, long.rule_seconds) == (250.0, 100.0)  # per million characters
    assert Budget(None, None, 10**9).timeout() is None                  # no limits


def test_a_spent_budget_raises_before_the_search():
    budget = Budget(0.01, None, 10)
    time.sleep(0.02)
    assert budget.spent()
    with pytest.raises(TimeoutError):
        budget.timeout()


def test_a_rule_limit_covers_all_its_searches_in_a_document(tmp_path):
    """100 sentences, each search of which would stay under a per-search limit: the rule as a
    whole stops at its limit (it used to take 100 times the limit)."""
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": SENTENCE_RUNAWAY}), timeout=0.3, budget=30)
    text = " ".join(["a" * 28 + "b."] * 100) + " fine"
    started = time.monotonic()
    result = engine.extract(text, id="doc-1")
    assert time.monotonic() - started < 3
    assert [e.text for e in result.extractions] == ["fine"]
    assert [e["rule"] for e in result.errors] == ["thing.runaway"]
    assert "0.3 s" in result.errors[0]["message"]


def test_a_spent_budget_skips_the_later_rules_by_name(tmp_path):
    rules = SENTENCE_RUNAWAY.replace("thing.fine", "thing.then")    # runs after thing.runaway
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": rules}), timeout=5, budget=0.3)
    text = "a" * 40 + "b. fine"
    started = time.monotonic()
    result = engine.extract(text, id="doc-2")
    assert time.monotonic() - started < 3
    assert result.extractions == []
    (error,) = result.errors
    assert error["rule"] == "thing.runaway" and error["skipped"] == ["thing.then"]
    assert error["document"] == "doc-2" and "budget of 0.3 s" in error["message"]


def test_a_runaway_segmentation_pattern_falls_back_and_is_reported(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"seg.yaml": SEGMENTATION_RUNAWAY,
                                                                "r.yaml": SENTENCE_RUNAWAY}), timeout=0.3)
    text = "fine.\n" + "\n" * 40 + "y"
    started = time.monotonic()
    result, outcome = engine.run(text)
    assert time.monotonic() - started < 3
    assert [e.text for e in result.extractions] == ["fine"]
    assert [e["rule"] for e in result.errors] == ["segmentation.paragraph_break"]
    assert "paragraphs end at every line break" in result.errors[0]["message"]


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), "5"])
def test_budget_must_be_positive_seconds(value):
    with pytest.raises(ValueError, match="budget"):
        Engine.from_directory(budget=value)


def test_an_unclosed_quotation_on_every_line_stays_linear(engine):
    """A quotation is one paragraph's piece: a text of lines that open a quote and never close
    it costs each line its own length, not all the rest (each line is a piece of a quote)."""
    text = "“We will not close this one\n" * 3000 + "Officials said “this one is closed.”"
    result = engine.extract(text)
    assert result.errors == []
    quotes = [e for e in result.extractions if e.type == "quote"]
    assert [e.text for e in quotes[-2:]] == ["“We will not close this one", "“this one is closed.”"]
    assert len(quotes) == 3001 and quotes[-1].value["speaker"] == "Officials"


def test_runaway_sentence_exceptions_are_given_up_once_and_reported(tmp_path):
    segmentation = ("segmentation:\n  paragraph_break: '\\n\\s*'\n  sentence_end: '[.!?]+(?=\\s)'\n"
                    "  no_break_after: '(\\s|\\s\\s)+$'\n")
    engine = Engine.from_directory(write_rules(tmp_path, {"seg.yaml": segmentation, "r.yaml": SENTENCE_RUNAWAY}),
                                   timeout=0.3)
    text = ("One. " + " " * 40 + "Two. ") * 3 + "fine"
    started = time.monotonic()
    result, outcome = engine.run(text)
    assert time.monotonic() - started < 3
    assert [e["rule"] for e in result.errors] == ["segmentation.no_break_before/no_break_after"]
    assert [e.text for e in result.extractions] == ["fine"]
