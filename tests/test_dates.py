"""The date normaliser as the engine calls it: kinds, date order, the dateline hook."""
from __future__ import annotations

import pytest


def _values(engine, text, type_, ref=None):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type(type_)}


@pytest.mark.parametrize("text,span,timex", [
    ("They met on Monday.", "Monday", "2023-06-05"),          # reference day itself, past tense
    ("They will meet on Monday.", "Monday", "2023-06-05"),
    ("They met on Tuesday.", "Tuesday", "2023-05-30"),
    ("They will meet on Tuesday.", "Tuesday", "2023-06-06"),
    ("It opened in July.", "July", "2022-07"),
    ("It will open in July.", "July", "2023-07"),
    ("Sales fell two weeks ago.", "two weeks ago", "2023-05-22"),
    ("They met yesterday.", "yesterday", "2023-06-04"),
    ("It happened last month.", "last month", "2023-05"),
    ("It happened in May last year.", "May last year", "2022-05"),
    ("It happened in May next year.", "May next year", "2024-05"),
])
def test_relative_dates(engine, text, span, timex):
    assert _values(engine, text, "date", "2023-06-05")[span]["timex"] == timex


def test_without_reference_date_relative_parts_stay_unknown(engine):
    values = _values(engine, "They met on Monday and will meet again on 5 June.", "date")
    assert values["Monday"]["timex"] == "XXXX-WXX-1"
    assert values["5 June"]["timex"] == "XXXX-06-05"


def test_reference_date_is_not_today(engine):
    assert _values(engine, "They met yesterday.", "date", "1987-03-02")["yesterday"]["timex"] == "1987-03-01"


def test_impossible_date_is_dropped(engine):
    assert "31 February 2023" not in _values(engine, "It was due on 31 February 2023.", "date")


def test_bad_reference_date(engine):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        engine.extract("x", reference_date="5 June")


@pytest.mark.parametrize("text,span,value", [
    ("Shops shut on Easter Monday 2024.", "Easter Monday 2024", {"timex": "2024-04-01"}),
    ("Sales rose in Q3 2023.", "Q3 2023", {"timex": "2023-Q3"}),
    ("Profit fell in the fourth quarter.", "the fourth quarter", {"timex": "2022-Q4"}),   # said in 2023: the past one
    ("It boomed in the 1990s.", "1990s", {"timex": "199"}),
    ("Prices peak in mid-2024.", "mid-2024", {"timex": "2024", "mod": "MID"}),
    ("the 2023-24 financial year", "the 2023-24 financial year", {"timex": "FY2024"}),
    ("It runs 12-14 March 2024.", "12-14 March 2024", {"from": "2024-03-12", "to": "2024-03-14"}),
    ("Rain over the next three days.", "next three days", {"from": "2023-06-06", "to": "2023-06-08"}),
    ("It ends 3 days after 12 January 2024.", "3 days after 12 January 2024", {"timex": "2024-01-15"}),
    ("Polls close at 10 pm tonight.", "10 pm tonight", {"timex": "2023-06-05T22", "kind": "time"}),
    ("It lasted one and a half hours.", "one and a half hours", {"timex": "PT1.5H"}),
    ("The board meets every Monday.", "every Monday", {"timex": "XXXX-WXX-1", "kind": "set"}),
    ("Costs have risen recently.", "recently", {"timex": "PAST_REF", "kind": "vague"}),
])
def test_date_kinds(engine, text, span, value):
    found = _values(engine, text, "date", "2023-06-05")[span]
    assert {key: found.get(key) for key in value} == value


def test_date_order_is_a_per_call_setting(engine):
    text = "It was filed on 05/06/2023, not on 25/06/2023."
    day_first = {e.text: e.value["timex"] for e in engine.extract(text).of_type("date")}
    month_first = {e.text: e.value["timex"] for e in engine.extract(text, date_order="MDY").of_type("date")}
    assert day_first == {"05/06/2023": "2023-06-05", "25/06/2023": "2023-06-25"}
    assert month_first == {"05/06/2023": "2023-05-06", "25/06/2023": "2023-06-25"}   # 25 settles it
    with pytest.raises(ValueError, match="date_order"):
        engine.extract(text, date_order="YMD")


def test_dateline_without_year_takes_the_year_the_text_names(engine):
    result = engine.extract("WASHINGTON, March 3 (Reuters) - The 2021 budget passed on Monday.")
    assert result.reference_date == "2021-03-03"
    assert _values(engine, "WASHINGTON, March 3 (Reuters) - Talks went on.", "date").get("March 3", {}).get("timex") == "XXXX-03-03"


@pytest.mark.parametrize("text", ["He scored 2019 points.", "the Sun newspaper said", "we may march on",
                                  "call 555-12-1234", "version 2.3.1 shipped", "The 30 MQ-9B drones",
                                  "They won 3-2 in May's final"])
def test_not_dates(engine, text):
    found = [e.text for e in engine.extract(text, reference_date="2023-06-05").of_type("date")]
    assert not any(word in found for word in ("2019", "Sun", "may", "march", "555-12-1234", "2.3.1", "30", "3-2"))




def test_the_dateline_hook_reads_only_full_dates():
    from datetime import date

    from extractor.normalising.dates import reference_date_of
    assert reference_date_of({"timex": "2023-06-05", "kind": "date"}) == date(2023, 6, 5)
    assert reference_date_of({"timex": "XXXX-06-05"}) is None
    assert reference_date_of({"timex": "2023-06"}) is None
    assert reference_date_of({"timex": "2023-W23"}) is None and reference_date_of({"timex": "2023-06-31"}) is None
    assert reference_date_of(None) is None and reference_date_of({}) is None


def test_the_engine_asks_the_normaliser_family_for_the_dateline(engine):
    assert engine.extract("LONDON, June 5, 2023 (Reuters) - Talks went on.").reference_date == "2023-06-05"


def test_a_dateline_from_a_normaliser_of_the_callers(tmp_path):
    from extractor import Engine
    from tests.conftest import write_rules
    rules = write_rules(tmp_path, {"r.yaml": """\
rules:
  - id: date.stamp
    type: date
    normaliser: stamp
    sets: reference_date
    pattern: 'STAMP'
    examples: [{text: "STAMP", match: "STAMP"}]
"""})
    engine = Engine.from_directory(rules, normalisers={"stamp": lambda mention, ctx: {"timex": "2020-02-02", "kind": "date", "granularity": "day"}})
    assert engine.extract("STAMP Talks went on.").reference_date == "2020-02-02"
