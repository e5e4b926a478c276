"""Every output follows the contract (docs/output.md) and its JSON Schema."""
from __future__ import annotations

import json

import jsonschema
import pytest

from extractor.output import Extraction, Result, output_schema, to_table

from .conftest import FIXTURES

VALIDATOR = jsonschema.Draft202012Validator(output_schema())


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_fixture_output_follows_contract(engine, name):
    text = (FIXTURES / f"{name}.txt").read_text("utf-8")
    doc = engine.extract(text, id=name).to_dict()
    VALIDATOR.validate(doc)
    golden = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    VALIDATOR.validate(golden)
    for extraction in doc["extractions"]:
        assert text[extraction["start"]:extraction["end"]] == extraction["text"]
    keys = [(e["start"], -(e["end"] - e["start"]), e["type"], e["rule"]) for e in doc["extractions"]]
    assert keys == sorted(keys)


def test_schema_rejects_a_broken_document():
    bad = {"schema": "extractor/1", "id": "x", "reference_date": "2023-06-05",
           "extractions": [{"type": "money", "start": 0, "end": 3, "text": "$5", "rule": "r",
                            "value": {"amount": "five", "currency": "USD", "qualifier": None}}]}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)


def test_errors_are_reported_in_the_document():
    result = Result("d", None, [], [{"message": "boom", "rule": "x.y"}])
    assert result.to_dict()["errors"] == [{"message": "boom", "rule": "x.y"}]
    VALIDATOR.validate(result.to_dict())
    assert "! error: boom" in to_table(result)


def test_table_shows_each_extraction():
    result = Result("d", "2023-06-05", [Extraction("money", 0, 13, "USD 3 billion", "money.x",
                                                   {"amount": 3000000000, "currency": "USD", "qualifier": None})])
    table = to_table(result)
    assert "USD 3 billion" in table and "amount=3000000000" in table and "[money.x]" in table


def test_table_and_json_show_the_people(engine):
    result = engine.extract("Defence Minister Rajnath Singh met Lloyd Austin. Singh said so.")
    VALIDATOR.validate(result.to_dict())
    assert result.to_dict()["people"][0]["name"] == "Rajnath Singh"
    assert "person  Rajnath Singh (Defence Minister): 2 mention(s) from 0" in to_table(result)
