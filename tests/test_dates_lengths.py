"""Lengths of time, offsets and repetitions."""
from __future__ import annotations

import pytest


def _dates(engine, text, ref="2023-06-05"):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type("date")}


@pytest.mark.parametrize("text,span,value", [
    ("He has been held for more than a year.", "more than a year", {"timex": "P1Y", "mod": "MORE_THAN"}),
    ("He was held for more than two years.", "more than two years", {"timex": "P2Y", "mod": "MORE_THAN"}),
    ("The trial took about 18 months.", "about 18 months", {"timex": "P18M", "mod": "APPROX"}),
    ("It fell for almost a week.", "almost a week", {"timex": "P1W", "mod": "LESS_THAN"}),
    ("Output rose over two years.", "two years", {"timex": "P2Y", "mod": None}),     # "over" is not "more than"
    ("A year after the merger, profits fell.", "A year", {"timex": "P1Y", "kind": "duration"}),
    ("It lasted one and a half hours.", "one and a half hours", {"timex": "PT1.5H"}),
    ("The talks took several weeks.", "several weeks", {"timex": "PXW"}),
    ("Sales fell two weeks ago.", "two weeks ago", {"timex": "2023-05-22"}),
    ("It ends 3 days after 12 January 2024.", "3 days after 12 January 2024", {"timex": "2024-01-15"}),
    ("The board meets every Monday.", "every Monday", {"timex": "XXXX-WXX-1", "kind": "set"}),
    ("They meet every other week.", "every other week", {"timex": "P2W", "kind": "set"}),
])
def test_lengths(engine, text, span, value):
    found = _dates(engine, text)[span]
    assert {key: found.get(key) for key in value} == value
