"""The public API: no global state, shareable across threads, picklable for worker processes."""
from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import extractor
from extractor import Engine

from .conftest import FIXTURES


def test_module_level_extract(seed_text):
    result = extractor.extract(seed_text, id="seed")
    assert result.id == "seed" and len(result.of_type("quote")) == 16


def test_pickle_round_trip(engine, seed_text):
    clone = pickle.loads(pickle.dumps(engine))
    assert clone.extract(seed_text).to_json() == engine.extract(seed_text).to_json()


def test_threads_share_one_engine(engine):
    texts = [p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt"))] * 3
    expected = [engine.extract(t).to_json() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda t: engine.extract(t).to_json(), texts)) == expected


def test_reference_argument_beats_dateline(engine, seed_text):
    result = engine.extract(seed_text, reference_date="2023-06-10")
    assert result.reference_date == "2023-06-10"
    assert {e.text: e.value["timex"] for e in result.of_type("date")}["Monday"] == "2023-06-05"


def test_types_filter_and_list(engine, seed_text):
    assert engine.types == ["agreement", "date", "money", "quote", "title"]
    result = engine.extract(seed_text, types=["money"])
    assert {e.type for e in result.extractions} == {"money"}


def test_empty_text(engine):
    result = engine.extract("")
    assert result.extractions == [] and result.ok


def test_text_must_be_str(engine):
    import pytest
    with pytest.raises(TypeError):
        engine.extract(b"bytes")  # type: ignore[arg-type]


def test_builtin_rules_found_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Engine.from_directory().types


def test_timeout_none_gives_the_same_output(engine, seed_text):
    # timeout=None drops the runaway guard (for trusted rules, a sixth faster), never the output.
    unguarded = Engine(engine.source, timeout=None)
    assert unguarded.extract(seed_text).to_json() == engine.extract(seed_text).to_json()


def test_types_run_only_their_rules_and_give_the_same_extractions(engine, seed_text):
    from .conftest import FIXTURES
    texts = [p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    for type_ in engine.types + ["date,money"]:
        wanted = type_.split(",")
        subset = engine._rules_for(frozenset(wanted))
        assert len(subset.rules) < len(engine.rules.rules)
        for text in texts:
            full = [e for e in engine.extract(text).extractions if e.type in wanted]
            assert engine.extract(text, types=wanted).extractions == full, type_


def test_types_reject_unknown_names(engine):
    import pytest
    with pytest.raises(ValueError, match="unknown type"):
        engine.extract("On Monday.", types=["dates"])
    with pytest.raises(TypeError, match="not a string"):
        engine.extract("On Monday.", types="date")


def test_a_long_document_loses_no_rule_to_the_time_limit(engine, seed_text):
    # Over a million characters, one scan of the whole text may take longer than the
    # timeout without any backtracking; the limit grows with the text, so no rule is stopped.
    copies = 1_200_000 // len(seed_text) + 1
    text = "\n\n".join([seed_text] * copies)
    result = engine.extract(text, reference_date="2023-06-05")
    assert result.errors == []
    assert sum(e.type == "money" for e in result.extractions) == copies * sum(
        e.type == "money" for e in engine.extract(seed_text, reference_date="2023-06-05").extractions)


def test_engine_timeout_must_be_positive_seconds(engine):
    import math
    import pytest
    for bad in (-1, 0, math.nan, math.inf, "2"):
        with pytest.raises(ValueError, match="timeout must be"):
            Engine(engine.source, timeout=bad, compiled=engine.rules)
