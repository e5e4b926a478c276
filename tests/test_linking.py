"""extractor/linking.py: the date and amount of an agreement come from its own clause."""
from __future__ import annotations


def _agreement(engine, text, **kwargs):
    found = [e for e in engine.extract(text, **kwargs).extractions if e.type == "agreement"]
    assert len(found) == 1, found
    return found[0]


def test_the_date_and_amount_of_the_clause_linked_by_offsets(engine):
    text = "Kenya signed a $3bn trade deal with Uganda on Monday."
    agreement = _agreement(engine, text, reference_date="2023-06-07")
    value = agreement.value
    assert (value["date"], value["date_text"], value["amount"], value["amount_text"]) == \
        ("2023-06-05", "Monday", 3000000000, "$3bn")
    assert text[value["date_start"]:value["date_end"]] == "Monday"
    assert text[value["amount_start"]:value["amount_end"]] == "$3bn"
    assert (value["status"], value["kind"]) == ("signed", "trade deal")


def test_no_date_across_a_dateline_dash_or_a_semicolon_and_none_vague(engine):
    value = _agreement(engine, "NAIROBI, June 5 - Kenya signed a border accord with Uganda.").value
    assert value["date"] is None and value["date_start"] is None
    value = _agreement(engine, "Shares fell 5 dlrs on Monday; Kenya signed a border accord with Uganda.").value
    assert value["date"] is None and value["amount"] is None
    value = _agreement(engine, "Kenya recently signed a border accord with Uganda.").value
    assert value["date"] is None


def test_money_far_from_the_agreement_is_not_its_amount(engine):
    value = _agreement(engine, "Kenya signed a border accord with Uganda, and the shilling rose, costing importers $5m.").value
    assert value["amount"] is None


def test_a_date_of_what_was_agreed_to_do_is_not_the_agreement_date(engine):
    value = _agreement(engine, "Kenya and Uganda agreed to review the border accord in 2024.").value
    assert value["date"] is None
