"""Reference dates as callers and feeds give them."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from extractor.reference import parse_reference_date


@pytest.mark.parametrize("value,expected", [
    (None, None),
    (date(2019, 1, 4), date(2019, 1, 4)),
    (datetime(2019, 1, 4, 23, 30), date(2019, 1, 4)),                      # the time is dropped
    (datetime(2019, 1, 4, 23, 30, tzinfo=timezone(timedelta(hours=-5))), date(2019, 1, 4)),
    ("2019-01-04", date(2019, 1, 4)),
    (" 2019-01-04 ", date(2019, 1, 4)),
    ("2019-01-04T10:00:00Z", date(2019, 1, 4)),                            # RFC 3339
    ("2019-01-04T23:00:00+05:30", date(2019, 1, 4)),                       # its calendar date, not UTC's
    ("2019-01-04 10:00", date(2019, 1, 4)),
    ("Fri, 04 Jan 2019 10:00:00 GMT", date(2019, 1, 4)),                   # RFC 2822, as in RSS
])
def test_accepted(value, expected):
    assert parse_reference_date(value) == expected


def test_a_datetime_is_a_calendar_date_in_the_output(engine):
    result = engine.extract("It happened on Monday.", reference_date=datetime(2023, 6, 7, 12, 0))
    assert result.reference_date == "2023-06-07"
    assert [e.value["timex"] for e in result.extractions] == ["2023-06-05"]


def test_pandas_timestamp_and_nat():
    pandas = pytest.importorskip("pandas")
    assert parse_reference_date(pandas.Timestamp("2019-01-04 10:00")) == date(2019, 1, 4)
    assert parse_reference_date(pandas.NaT) is None


@pytest.mark.parametrize("value,message", [
    ("2023-02-30", "no day of the calendar"),
    ("04/01/2019", "is not YYYY-MM-DD"),
    ("9" * 500, "..."),                                                  # not echoed in full
])
def test_rejected_with_a_clear_message(value, message):
    with pytest.raises(ValueError, match=message.replace(".", r"\.")) as error:
        parse_reference_date(value)
    assert len(str(error.value)) < 120


def test_other_types_are_an_error():
    with pytest.raises(TypeError, match="not int"):
        parse_reference_date(20190104)
