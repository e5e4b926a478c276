"""The golden fixtures, checked by hand, hold: whole outputs compared, differences shown as a diff."""
from __future__ import annotations

import pytest

from extractor.fixtures import check_fixtures

from .conftest import FIXTURES


def test_fixture_count():
    assert len(list(FIXTURES.glob("*.txt"))) >= 7


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_golden(engine, name):
    check = next(c for c in check_fixtures(engine, FIXTURES) if c.name == name)
    assert check.expected is not None, f"{name}.json missing: run `extractor fixtures --update` and review it"
    assert check.ok, "output differs from the golden file:\n" + check.diff()


def _by_text(result, type_):
    return {e.text: e.value for e in result.of_type(type_)}


def test_seed_promises(engine, seed_text):
    """What the foundation issue promises about the seed article, stated once more by hand."""
    result = engine.extract(seed_text, id="seed")
    assert result.reference_date == "2023-06-05"
    dates = _by_text(result, "date")
    assert {t: dates[t]["timex"] for t in ("2023-06-05", "Monday", "two weeks", "Sunday", "March 2021",
                                           "May last year", "Friday")} == {
        "2023-06-05": "2023-06-05", "Monday": "2023-06-05", "two weeks": "P2W", "Sunday": "2023-06-04",
        "March 2021": "2021-03", "May last year": "2022-05", "Friday": "2023-06-02"}
    money = result.of_type("money")
    assert [(m.text, m.value) for m in money] == [
        ("USD 3 billion", {"amount": 3000000000, "currency": "USD", "qualifier": "over", "per": None})]
    assert not any(e.text in ("30", "5G", "6G") or "MQ" in e.text for e in result.extractions)
    titles = [(t.text, t.value["person"]) for t in result.of_type("title") if t.value["name"]]
    assert titles == [("Defence Minister Rajnath Singh", "Rajnath Singh"),
                      ("Prime Minister Narendra Modi", "Narendra Modi"), ("NSA Ajit Doval", "Ajit Doval"),
                      ("Secretary Austin", "Lloyd Austin"), ("Secretary Austin", "Lloyd Austin"),
                      ("President Joe Biden", "Joe Biden"), ("Prime Minister Modi", "Narendra Modi")]
    assert not any("General" in t.text for t in result.of_type("title"))
    quotes = result.of_type("quote")
    assert len(quotes) == 16
    speakers = {q.value["quote"].split()[0]: q.value["speaker"] for q in quotes}
    assert speakers["cornerstone"] == speakers["great"] == speakers["productive"] == "Lloyd Austin"
    assert speakers["warm"] == speakers["substantial"] == speakers["Towards"] == "the defence ministry"
    assert speakers["They"] == "the defence ministry"
    assert speakers["India-US"] == "Rajnath Singh"
    assert all(q.value["speaker"] == "Lloyd Austin" for q in quotes if q.value["speaker_text"] == "he")
    agreements = {a.text: a.value for a in result.of_type("agreement")}
    assert agreements["firmed up"]["parties"] == ["India", "the US"]
    assert agreements["firmed up"]["object"] == "an ambitious roadmap for defence industrial cooperation"
    assert agreements["finalised"]["parties"] == ["Rajnath Singh", "Lloyd Austin"]
    assert agreements["finalised"]["object"] == "the roadmap"
    assert agreements["concluded"]["parties"] == agreements["agreed"]["parties"] == ["India", "the US"]
    assert agreements["agreed"]["object"] == "to maintain the momentum of engagement"
