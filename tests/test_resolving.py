"""Document-level resolution: aliases, titles without names, pronouns, collective parties."""
from __future__ import annotations

TEXT = """date 2024-03-04
Trade Minister Anna Berg met her counterpart Tomas Reyes on Monday.

"The talks were useful," Berg said. "We will meet again."

The ministry said the two sides agreed to cut tariffs.

"We welcome the outcome," it said. Reyes, however, was cautious. "Nothing is signed yet," he said.

The trade minister later flew home.
"""


def test_resolution(engine):
    result = engine.extract(TEXT)
    quotes = {q.value["quote"]: q.value for q in result.of_type("quote")}
    assert quotes["The talks were useful,"]["speaker"] == "Anna Berg"
    assert quotes["We will meet again."]["speaker"] == "Anna Berg"          # same paragraph
    assert quotes["We welcome the outcome,"]["speaker"] == "the ministry"   # "it" after "The ministry said"
    assert quotes["Nothing is signed yet,"]["speaker"] == "Tomas Reyes"     # "he" after "Reyes"
    titles = {t.text: t.value for t in result.of_type("title")}
    assert titles["Trade Minister Anna Berg"]["person"] == "Anna Berg"
    assert titles["trade minister"]["person"] == "Anna Berg"                # same head word


def test_collective_without_named_parties_stays_empty(engine):
    result = engine.extract("Both sides agreed to talk again.")
    assert [a.value["parties"] for a in result.of_type("agreement")] == [[]]
