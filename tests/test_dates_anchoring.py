"""Anchoring: the same reading placed by the reference date, or left underspecified without
one; anchoring.py is the only module of the date package that tests for a missing reference."""
from __future__ import annotations

from pathlib import Path

import pytest

import extractor.normalising.dates as dates_package


def _timex(engine, text, span, ref=None):
    return {e.text: e.value for e in engine.extract(text, reference_date=ref).of_type("date")}[span]["timex"]


@pytest.mark.parametrize("text,span,anchored,underspecified", [
    ("They met on Monday.", "Monday", "2023-06-05", "XXXX-WXX-1"),
    ("They met last Friday.", "last Friday", "2023-06-02", "XXXX-WXX-5"),
    ("They will meet on 5 June.", "5 June", "2023-06-05", "XXXX-06-05"),
    ("It opened in July.", "July", "2022-07", "XXXX-07"),
    ("It happened last week.", "last week", "2023-W22", "XXXX-WXX"),
    ("It happened last quarter.", "last quarter", "2023-Q1", "XXXX-QX"),
    ("They met yesterday.", "yesterday", "2023-06-04", "XXXX-XX-XX"),
    ("It boomed in the nineties.", "nineties", "199", "XX9"),
    ("Sales fell in the third quarter.", "the third quarter", "2022-Q3", "XXXX-Q3"),
    ("They came back in summer.", "summer", "2023-SU", "XXXX-SU"),      # the one under way
    ("It was signed on the 18th.", "the 18th", "2023-05-18", "XXXX-XX-18"),
    ("Shops shut at Christmas.", "Christmas", "2022-12-25", "XXXX-12-25"),
    ("They met next March.", "next March", "2024-03", "XXXX-03"),
    ("Sales fell two weeks ago.", "two weeks ago", "2023-05-22", "PAST_REF"),
    ("Rain over the next three days.", "next three days", "(2023-06-06,2023-06-08)", "P3D"),   # its length
    ("It runs for the rest of the year.", "the rest of the year", "(2023-06-05,2023-12-31)", "FUTURE_REF"),
])
def test_anchored_or_underspecified(engine, text, span, anchored, underspecified):
    assert _timex(engine, text, span, "2023-06-05") == anchored
    assert _timex(engine, text, span) == underspecified


@pytest.mark.parametrize("text,span,timex", [
    ("It was filed on 05/06/87.", "05/06/87", "1987-06-05"),
    ("It is due on 05/06/24.", "05/06/24", "2024-06-05"),
])
def test_two_digit_years_take_the_reference_century(engine, text, span, timex):
    assert _timex(engine, text, span, "2023-06-05") == timex


@pytest.mark.parametrize("digits,timex", [("87", "1987-06-05"), ("05", "2005-06-05"), ("24", "1924-06-05")])
def test_two_digit_years_are_the_latest_within_twenty_years_ahead(engine, digits, timex):
    assert _timex(engine, f"It was filed on 05/06/{digits}.", f"05/06/{digits}", "1998-06-10") == timex


def test_a_day_far_ahead_is_last_years(engine):
    text = "The outbreak was first confirmed on October 16."
    assert _timex(engine, text, "October 16", "2020-01-01") == "2019-10-16"
    assert _timex(engine, "The summit opens on June 5.", "June 5", "2020-03-01") == "2020-06-05"


def test_the_same_year_is_the_one_named_last(engine):
    text = "The plant opened in 2015. The same year, it was sold."
    assert _timex(engine, text, "same year", "2023-06-05") == "2015"


def test_an_offset_counts_from_the_date_named_before(engine):
    text = "Exports rose in 2021, up from 3 percent a year earlier."
    assert _timex(engine, text, "a year earlier", "2023-06-05") == "2020"


def test_only_anchoring_tests_for_a_missing_reference():
    package = Path(dates_package.__file__).parent
    for module in sorted(package.glob("*.py")):
        if module.name == "anchoring.py":
            continue
        source = module.read_text("utf-8")
        for needle in ("reference_date is", "ref is None", "ref is not None", ".ref is"):
            assert needle not in source, f"{module.name} tests for the reference date ({needle!r})"
        assert '"XXXX' not in source or module.name == "timex.py", f"{module.name} writes a TIMEX literal"



def test_the_shipped_fallbacks_are_the_lexicons_that_ship(engine):
    """A rule folder from before these lexicons reads dates as before; the fallback must say
    what rules/lexicons/calendar.yaml says."""
    from extractor.normalising.dates.reading import SHIPPED
    for name, entries in SHIPPED.items():
        lexicon = engine.rules.lexicons[name]
        assert {surface: lexicon.value(surface) for surface in lexicon.surfaces} == entries, name


def test_a_rule_folder_without_the_new_lexicons_still_reads_times_and_seasons(tmp_path):
    from extractor import Engine
    from tests.conftest import write_rules
    rules = write_rules(tmp_path, {"r.yaml": """\
lexicons:
  seasons: {entries: {summer: SU}}
  meridiems: {entries: {pm: pm}}
  future_markers: {entries: [will]}
  dayparts: {entries: {tonight: NI}}
  named_times: {entries: {noon: "12:00"}}
  deictic_days: {entries: {today: 0}}
  ordinal_words: {entries: {first: 1}}
rules:
  - id: date.season
    type: date
    normaliser: date
    pattern: '(?P<season>summer)'
    examples: [{text: "in summer", match: "summer"}]
  - id: date.clock
    type: date
    normaliser: date
    options: {kind: time}
    pattern: '(?P<hour>\\d+)(?P<ampm>p)\\b|(?P<hour>\\d+) (?P<daypart>tonight)'
    examples: [{text: "at 5p", match: "5p"}]
"""})
    found = {e.text: e.value["timex"] for e in Engine.from_directory(rules).extract(
        "It rained in summer; we meet at 5p and 9 tonight.", reference_date="2023-07-05").extractions}
    assert found == {"summer": "2023-SU", "5p": "T17", "9 tonight": "2023-07-05T21"}
