"""Points: the calendar period a date's fields name, most specific reading first."""
from __future__ import annotations

import pytest


def _dates(engine, text, ref="2023-06-08"):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type("date")}


@pytest.mark.parametrize("text,span,timex", [
    ("Tuesday's vote was close.", "Tuesday", "2023-06-06"),              # a possessive weekday
    ("Sunday’s talks will decide it.", "Sunday", "2023-06-11"),
    ("LONDON (Reuters) - Tuesday, the ministers met.", "Tuesday", "2023-06-06"),   # opening after a dateline
    ("The ministry cut its 1998 budget.", "1998", "1998"),                # a year as a modifier
    ("since the company's 1994 founding", "1994", "1994"),
    ("at the 1999 summit", "1999", "1999"),
    ("The talks began on April 3 last year.", "April 3 last year", "2022-04-03"),   # the day takes last year
    ("It opens on 3 April next year.", "3 April next year", "2024-04-03"),
    ("They met next week Monday.", "next week Monday", "2023-06-12"),
    ("It is due the 21st of next month.", "the 21st of next month", "2023-07-21"),
    ("It opened in the 1990s.", "1990s", "199"),
    ("It was built in the 19th century.", "the 19th century", "18"),
])
def test_points(engine, text, span, timex):
    assert _dates(engine, text)[span]["timex"] == timex


@pytest.mark.parametrize("text,not_a_date", [
    ("Theresa May said the deal was done.", "May"),
    ("Mrs May's deal was rejected.", "May"),
    ("May & Baker said profits rose.", "May"),
    ("He told BBC Radio 4's Today programme.", "Today"),
    ("USA Today reported the deal.", "Today"),
    ("on the Today show", "Today"),
    ("the People's Daily said", "Daily"),
    ("a daily newspaper in Madrid", "daily"),
    ("the daily said on Monday", "daily"),
    ("The company cut its 2000 employees.", "2000"),
])
def test_false_dates(engine, text, not_a_date):
    assert not_a_date not in _dates(engine, text)


def test_a_capitalised_may_is_no_modal(engine):
    """'May said on Tuesday' is about the past: Theresa May, not 'may' of the future."""
    assert _dates(engine, "May said on Tuesday it was done.")["Tuesday"]["timex"] == "2023-06-06"
    assert _dates(engine, "Ministers may meet on Tuesday.")["Tuesday"]["timex"] == "2023-06-13"
