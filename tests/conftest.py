from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from extractor import Engine

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_PATH = FIXTURES / "india-us-defence-roadmap.txt"
RULES = ROOT / "rules"
SHARED = ROOT.parent / "shared"

# Compiled rules are cached in a folder of this test run (subprocesses inherit it), never in
# the user's own cache; it is private, as the cache requires.
os.environ.setdefault("EXTRACTOR_CACHE_DIR", tempfile.mkdtemp(prefix="extractor-test-cache-"))


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_directory()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "india-us-defence-roadmap.txt").read_text("utf-8")


def write_rules(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, "utf-8")
    return directory


MINIMAL_RULE = """\
rules:
  - id: money.dollars
    type: money
    normaliser: money
    pattern: '\\$(?P<amount>\\d+)'
    options: {currency: USD}
    examples:
      - {text: "It cost $5.", match: "$5"}
lexicons:
  scales: {entries: {million: 1000000}}
  currency_signs: {entries: {$: USD}}
  currency_codes: {entries: [USD]}
  currency_names: {entries: {dollars: USD}}
  money_qualifiers: {entries: [over]}
"""

# Patterns that backtrack catastrophically: a sentence-scope rule, and a segmentation file.
SENTENCE_RUNAWAY = """\
rules:
  - id: thing.runaway
    type: thing
    scope: sentence
    pattern: '(a|aa)+$'
    examples: [{text: "aa", match: "aa"}]
  - id: thing.fine
    type: thing
    pattern: 'fine'
    examples: [{text: "fine", match: "fine"}]
"""

SEGMENTATION_RUNAWAY = """\
segmentation:
  paragraph_break: '(\\n|\\n\\n)+x'
  sentence_end: '[.!?]+(?=\\s)'
"""

EUROS_RULE = """\
rules:
  - id: money.euros
    type: money
    normaliser: money
    pattern: '€(?P<amount>\\d+)'
    options: {currency: EUR}
    examples:
      - {text: "It cost €5.", match: "€5"}
"""

# Overlapping rules: priority, then length, then leftmost.
OVERLAP = """\
rules:
  - id: thing.short_high
    type: thing
    priority: 90
    pattern: 'New'
    examples: [{text: "New York", match: "New"}]
  - id: thing.long_low
    type: thing
    priority: 10
    pattern: 'New York City'
    examples: [{text: "New York City", match: "New York City"}]
  - id: thing.long_a
    type: thing
    priority: 50
    pattern: 'big apple'
    examples: [{text: "big apple", match: "big apple"}]
  - id: thing.short_a
    type: thing
    priority: 50
    pattern: 'apple pie'
    examples: [{text: "apple pie", match: "apple pie"}]
  - id: other.any
    type: other
    pattern: 'York'
    examples: [{text: "York", match: "York"}]
"""
