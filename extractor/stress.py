"""Stress texts: long runs of the characters rule patterns are made of, where a pattern that
backtracks catastrophically (`(a|aa)+$`, `(\\n|\\n\\n)+x`) or quadratically (a quotation that
opens on every line and never closes) shows itself. `extractor validate` runs the rules over
them under a tight time limit; the hostile-input tests and `bench/hostile.py` use them too.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Engine

# What each text repeats: the characters news patterns work on, alone and in the pairs that
# make words, numbers, sentences, paragraphs and quotations.
UNITS = {
    "letters": "a",
    "capitalised words": "Ab ",
    "digits": "1",
    "numbers with separators": "1,0",
    "spaces": " ",
    "no-break spaces": "\u00a0",
    "line breaks": "\n",
    "blank lines": "\n \n",
    "full stops": "a. ",
    "abbreviations": "Mr. ",
    "currency signs": "$",
    "prices": "$1,",
    "straight quotes": '"a ',
    "quotes opened on every line": "\u201ca b\n",
    "single quotes": "'a ",
    "hyphens": "a-",
    "apostrophes": "a\u2019",
    "combining marks": "a\u0301",
}
STRESS_LIMIT = 0.5        # seconds a rule may take on one stress text in `extractor validate`


def stress_text(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters, ended by a character no pattern expects there."""
    return (unit * (size // len(unit) + 1))[:size] + "#"


def stress_check(engine: "Engine", size: int = 20_000) -> list[str]:
    """A message for every rule or segmentation pattern that ran out of time on a stress text."""
    from .engine import Engine
    tight = Engine(engine.source, engine.normalisers, timeout=STRESS_LIMIT, compiled=engine.rules,
                   budget=None)
    problems = []
    for name, unit in UNITS.items():
        result = tight.extract(stress_text(unit, size))
        for error in result.errors:
            problems.append(f"{error.get('rule', '?')}: took over {STRESS_LIMIT} s on {size:,} characters "
                            f"of {name} ({unit!r} repeated): catastrophic backtracking?")
    return problems
