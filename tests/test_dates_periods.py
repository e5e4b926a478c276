"""Periods: ranges, spans counted from the reference date, reporting periods, units in a period."""
from __future__ import annotations

import pytest


def _dates(engine, text, ref="2023-06-05"):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type("date")}


@pytest.mark.parametrize("text,span,ref,value", [
    ("Sales rose over the past three years.", "past three years", "1998-06-10",
     {"kind": "range", "from": "1995-06-10", "to": "1998-06-09", "duration": "P3Y"}),
    ("Output will double in the next five years.", "next five years", "1998-06-10",
     {"from": "1998-06-11", "to": "2003-06-10", "duration": "P5Y"}),
    ("sales for the last 2 quarters", "last 2 quarters", "2019-07-04",
     {"from": "2019-01-01", "to": "2019-06-30", "duration": "P6M"}),
    ("Net profit for the six months ended June 30 rose.", "six months ended June 30", "1998-08-10",
     {"kind": "range", "from": "1998-01-01", "to": "1998-06-30", "duration": "P6M"}),
    ("Sales fell in the year ended March 31.", "year ended March 31", "1998-06-10",
     {"from": "1997-04-01", "to": "1998-03-31", "duration": "P1Y"}),
    ("profit in the nine months to September 1987", "nine months to September 1987", None,
     {"from": "1987-01-01", "to": "1987-09-30", "duration": "P9M"}),
    ("Prices climbed from the middle of 2010 to the end of 2011.", "the middle of 2010 to the end of 2011", None,
     {"from": "2010-07-02", "to": "2011"}),
    ("The season ran Oct-Mar 3rd, 2019.", "Oct-Mar 3rd, 2019", None, {"from": "2018-10", "to": "2019-03-03"}),
    ("The office shuts from 4-20 of next month.", "4-20 of next month", "2023-06-05",
     {"from": "2023-07-04", "to": "2023-07-20"}),
    ("It opens in the 2nd week of May 2021 on Tuesday.", "the 2nd week of May 2021 on Tuesday", None, {"timex": "2021-05-11"}),
    ("He is away for a week starting tomorrow.", "a week starting tomorrow", "2019-10-07",
     {"from": "2019-10-08", "to": "2019-10-14", "duration": "P1W"}),
    ("It runs 12-14 March 2024.", "12-14 March 2024", None, {"from": "2024-03-12", "to": "2024-03-14"}),
    ("profit for the three months ended May 30, 2023", "three months ended May 30, 2023", None,
     {"from": "2023-03-01", "to": "2023-05-30"}),                                  # not 28 February
    ("sales in the year ended Feb. 28, 2024", "year ended Feb. 28, 2024", None, {"from": "2023-03-01", "to": "2024-02-28"}),
    ("It will report results for the year ending December 31.", "year ending December 31", "2024-03-10",
     {"from": "2024-01-01", "to": "2024-12-31"}),                                  # of the future: not last year's
    ("profit for the six months ended June 30", "six months ended June 30", None,
     {"from": "XXXX-01-01", "to": "XXXX-06-30", "duration": "P6M"}),                # no year known
    ("trade is likely to fall in the nine months ended December", "nine months ended December", "1987-03-27",
     {"from": "1986-04-01", "to": "1986-12-31"}),                                  # ended: over, though "likely"
])
def test_periods(engine, text, span, ref, value):
    found = _dates(engine, text, ref)[span]
    assert {key: found.get(key) for key in value} == value


def test_a_span_without_a_reference_is_its_length(engine):
    assert _dates(engine, "Sales rose over the past three years.", None)["past three years"] == {
        "timex": "P3Y", "kind": "duration", "granularity": "year"}


def test_from_two_years_joined_by_and_is_no_range(engine):
    found = _dates(engine, "Figures from 2012 and 2013 differ.")
    assert found["2012"]["timex"] == "2012" and found["2013"]["timex"] == "2013"
