"""Properties that hold for any text, checked with hypothesis on random Unicode and on random
news-like text built from pieces the rules react to.

    HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py   # 10,000 examples each
"""
from __future__ import annotations

import json
import os
import unicodedata
from datetime import date

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Engine
from extractor.loading import builtin_rules_dir, directory_files, load_files
from extractor.output import output_schema

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

VALIDATOR = jsonschema.Draft202012Validator(output_schema())

# Pieces that make the rules fire, and pieces that have broken engines before.
PIECES = [
    "$5", "USD 3 billion", "over £600m", "Rs 500 crore", "€1.5bn", "$", "1,000", "5-7", " million",
    "on Monday", "March 2021", "May last year", "two weeks", "2023-06-05", "05/06/2023", "last",
    "“", "”", '"', "'", "‘", "’", " said", " told reporters", ", he said.", "according to ",
    "Defence Minister Rajnath Singh", "Secretary Austin", "President Erdoğan", "the ministry",
    " agreed to ", " signed a deal with ", " did not conclude ", " may sign ", "India", " and ",
    " ", "  ", "\n", "\n\n", ".", ". ", "?", ",", "-", "—", "(", ")", "\u00a0", "\u0301", "\u200b",
    "\udc00", "\ufeff", "a", "A", "9" * 40, "Mr.", "U.S.", "\t", "x" * 30,
]
news_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), news_text,
                     st.lists(st.one_of(st.text(max_size=8), st.sampled_from(PIECES)), max_size=40).map("".join))
reference = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@pytest.fixture(scope="module")
def reversed_engine() -> Engine:
    """The built-in rules loaded from their files in reverse order."""
    return Engine(load_files(list(reversed(directory_files(builtin_rules_dir())))))


def _check(result, text: str) -> None:
    for e in result.extractions:
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
    data = json.loads(result.to_json().encode("utf-8"))     # encodable, and reads back
    VALIDATOR.validate(data)


@given(text=any_text, ref=reference)
def test_any_text_gives_valid_encodable_output(engine, text, ref):
    _check(engine.extract(text, reference_date=ref, id="doc"), text)


@given(text=any_text, ref=reference)
def test_output_does_not_depend_on_the_engine_or_the_order_of_rule_files(engine, reversed_engine, text, ref):
    assert engine.extract(text, ref).to_json() == reversed_engine.extract(text, ref).to_json()


def _plain(result):
    return [(e.type, e.rule, unicodedata.normalize("NFC", e.text),
             {k: v for k, v in e.value.items() if not k.endswith(("_start", "_end", "_text"))})
            for e in result.extractions]


@given(text=any_text, ref=reference)
def test_nfc_and_nfd_give_the_same_extractions(engine, text, ref):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    from_nfd = engine.extract(nfd, ref)
    _check(from_nfd, nfd)
    assert _plain(engine.extract(nfc, ref)) == _plain(from_nfd)
