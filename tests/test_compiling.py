"""Compiling: pre-filters are split into the alternatives the `regex` module scans fastest."""
from __future__ import annotations

import pytest

from extractor.compiling import split_alternatives


@pytest.mark.parametrize("pattern,pieces", [
    ("(?:week|month)", ["week", "month"]),
    ("(?:a|b(?:c|d))|e", ["a", "b(?:c|d)", "e"]),
    (r"\d(?:[/.-]\d|x)|y\b", [r"\d(?:[/.-]\d|x)", r"y\b"]),
    ("(?:a)(?:b|c)", ["(?:a)(?:b|c)"]),           # not one group: left whole
    ("[|(]|x", ["[|(]", "x"]),                     # | and ( inside a class do not count
    (r"\||x", [r"\|", "x"]),
])
def test_split_alternatives(pattern, pieces):
    assert split_alternatives(pattern) == pieces
