"""Robustness on real news (../shared/corpus/news.jsonl): every output valid, nothing fails."""
from __future__ import annotations

import json

import jsonschema
import pytest

from extractor.output import output_schema

from .conftest import SHARED

CORPUS = SHARED / "corpus" / "news.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_corpus_sample_extracts_cleanly(engine):
    validator = jsonschema.Draft202012Validator(output_schema())
    lines = CORPUS.read_text("utf-8").splitlines()
    for line in lines[::10]:                       # every tenth article: about 330 of them
        record = json.loads(line)
        result = engine.extract(record["text"], reference_date=record.get("date"), id=record["id"])
        doc = result.to_dict()
        validator.validate(doc)
        assert result.ok, (record["id"], result.errors)
        for extraction in doc["extractions"]:
            assert record["text"][extraction["start"]:extraction["end"]] == extraction["text"]
