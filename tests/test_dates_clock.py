"""Clock times: digits, words, a.m./p.m., parts of the day."""
from __future__ import annotations

import pytest

from extractor.normalising import Context
from extractor.normalising.dates import clock


@pytest.fixture(scope="module")
def ctx(engine):
    return Context("", None, engine.rules.lexicons, None)     # type: ignore[arg-type]


@pytest.mark.parametrize("f,expected", [
    ({"hour": "10", "minute": "30"}, "T10:30"),
    ({"hour": "3", "ampm": "pm"}, "T15"),
    ({"hour": "12", "ampm": "a.m."}, "T00"),
    ({"hour": "5", "ampm": "p"}, "T17"),
    ({"hour": "7", "daypart": "evening"}, "T19"),      # an evening makes a bare hour pm
    ({"hour": "7", "daypart": "morning"}, "T07"),
    ({"hour": "noon"}, "T12:00"),
    ({"daypart": "morning"}, "TMO"),
    ({"hour": "9", "minute": "05", "sec": "07"}, "T09:05:07"),
    ({"hour": "25"}, None),
    ({"hour": "10", "minute": "75"}, None),
])
def test_time(ctx, f, expected):
    assert clock.time(f, ctx) == expected
