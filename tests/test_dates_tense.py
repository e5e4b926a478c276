"""Tense: the clause around a bare date decides the next or the most recent one."""
from __future__ import annotations

import pytest


def _timex(engine, text, span):
    return {e.text: e.value for e in engine.extract(text, reference_date="2023-06-07").of_type("date")}[span]["timex"]


@pytest.mark.parametrize("text,span,timex", [
    ("They met on Friday.", "Friday", "2023-06-02"),
    ("They will meet on Friday.", "Friday", "2023-06-09"),
    ("The surge since Friday is likely to last.", "Friday", "2023-06-02"),      # "since" looks back
    ("Prices rose in February and are expected to fall.", "February", "2023-02"),   # a later clause's future
    ("In May, ministers will meet.", "May", "2024-05"),                           # the date opens its clause
    ("The talks will be hard, the ministry said on Monday.", "Monday", "2023-06-05"),
    ("They will meet on Tuesday, Wednesday and Thursday.", "Wednesday", "2023-06-07"),
    ("It happened in May.", "May", "2023-05"),                                     # "May" is no modal verb
    ("May said on Friday it was done.", "Friday", "2023-06-02"),                  # Theresa May
    ("Theresa May also said on Friday it was done.", "Friday", "2023-06-02"),
    ("The U.S. May be able to act by the end of August.", "the end of August", "2023-08"),   # the modal, capitalised
])
def test_tense(engine, text, span, timex):
    assert _timex(engine, text, span) == timex
