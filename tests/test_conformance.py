"""Date and money scores on the Recognizers-Text suite must not fall below where they stand.

The figures come from the same scoring as `python bench/conformance.py dates` (and `money`);
the floors sit just under what the rules reach now. Skips when ../shared (the suite) is absent.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from .conftest import ROOT, SHARED

SUITE = SHARED / "conformance" / "recognizers" / "dates.jsonl"
pytestmark = pytest.mark.skipif(not SUITE.is_file(), reason="no ../shared/conformance beside the project")

# (types, span recall, span precision, value accuracy) floors, as fractions of expected spans
FLOORS = [
    (("date", "daterange", "duration"), 0.945, 0.99, 0.90),
    (("date", "daterange", "duration", "datetime", "datetimerange", "time", "timerange", "set"), 0.915, 0.99, 0.765),
]


# (spans, recall, precision, value accuracy, ISO accuracy) floors for money: every expected span,
# and those with an amount (the suite also expects bare currency words, "the dollar", which we
# do not report as money)
MONEY_FLOORS = [("all", 0.95, 0.99, 0.94, 0.96), ("amounts", 0.98, 0.99, 0.97, 0.97)]


def _conformance():
    spec = importlib.util.spec_from_file_location("conformance", ROOT / "bench" / "conformance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_date_scores_stay_above_their_floors(engine):
    conformance = _conformance()
    counts = conformance.score_dates(conformance.passing_cases("dates"), conformance._ours(engine), conformance._our_value_right)
    for types, recall, precision, value in FLOORS:
        total = {key: sum(counts[t][key] for t in types) for key in counts[types[0]]}
        assert total["found"] / total["gold"] >= recall, (types, total)
        assert total["tp"] / total["pred"] >= precision, (types, total)
        assert total["value"] / total["gold"] >= value, (types, total)


def test_value_rules_of_the_scorer():
    conformance = _conformance()
    gold = {"timex": ["(XXXX-03-01,XXXX-05-01,P2M)"],
            "values": [{"start": "2021-03-01", "end": "2021-05-01"}]}
    # "March to May": our inclusive end (May) matches the suite's end at the start of May.
    assert conformance._our_value_right({"kind": "range", "timex": "x", "from": "2021-03", "to": "2021-05"}, gold)
    assert not conformance._our_value_right({"kind": "range", "timex": "x", "from": "2021-02", "to": "2021-05"}, gold)
    # A season the suite leaves without its year ("SU") is matched by ours with one, not by another season.
    season = {"timex": ["SU"], "values": [{"timex": "SU", "value": "not resolved"}]}
    assert conformance._our_value_right({"kind": "date", "timex": "2020-SU"}, season)
    assert not conformance._our_value_right({"kind": "date", "timex": "2020-WI"}, season)
    assert conformance.timex_interval("199") == ("1990-01-01", "2000-01-01")
    assert conformance.duration_seconds("PT1H30M") == 5400


def test_money_scores_stay_above_their_floors(engine):
    conformance = _conformance()
    counts = conformance.score_money(conformance.passing_cases("money"), conformance._our_money(engine))
    for key, recall, precision, value, iso in MONEY_FLOORS:
        c = counts[key]
        assert c["found"] / c["gold"] >= recall, (key, c)
        assert c["tp"] / c["pred"] >= precision, (key, c)
        assert c["value"] / c["gold"] >= value, (key, c)
        assert c["iso"] / c["iso_gold"] >= iso, (key, c)


def test_money_scorer_counts_minor_units_in_the_suites_unit():
    conformance = _conformance()
    cents = {"value": "50", "unit": "Cent"}
    assert conformance._money_value_right((0.5, "USD"), cents)       # ours: 0.5 dollars
    assert not conformance._money_value_right((50, "USD"), cents)
    assert conformance._money_value_right((3000000000, "USD"), {"value": "3000000000", "unit": "Dollar"})
    assert not conformance._money_value_right((None, "USD"), {"value": None, "unit": "Dollar"})


def test_the_agreement_differences_name_suite_sentences_with_a_label():
    conformance = _conformance()
    differences = conformance.agreement_differences()
    suite = {}
    for name in ("agreements.jsonl", "agreements-plover-gsr.jsonl"):
        for line in (SHARED / "conformance" / "agreements" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            suite[record["id"]] = record["is_agreement"]
    assert len(differences) == 33 and set(differences) <= set(suite)
    for id_, ours in differences.items():
        assert ours == "optional" or (ours == "agreement") != suite[id_], id_     # a real difference


def test_the_regex_baseline_is_a_verb_with_its_noun():
    baseline = _conformance().BASELINE
    assert baseline.search("Kenya signed a new border accord on Monday.")
    assert baseline.search("The two firms agreed to merge.")
    assert not baseline.search("Kenya signed the striker.")
    assert not baseline.search("The accord was old news.")
