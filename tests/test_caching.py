"""The compiled-rules cache: reused when nothing changed, rebuilt when anything did, never
loaded from a place other users can write; a pickled Engine carries its compiled rules."""
from __future__ import annotations

import os
import pickle

import pytest

import extractor.engine as engine_module
from extractor import Engine, caching

from .conftest import MINIMAL_RULE, write_rules

TEXT = "It cost $5."


@pytest.fixture
def rules(tmp_path):
    return write_rules(tmp_path / "rules", {"r.yaml": MINIMAL_RULE})


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(caching.CACHE_ENV, str(directory))
    return directory


@pytest.fixture
def compiles(monkeypatch):
    """Counts the calls of compile_rules made by Engine."""
    calls = []
    real = engine_module.compile_rules

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_module, "compile_rules", counting)
    return calls


def test_second_engine_comes_from_the_cache(rules, cache, compiles):
    first = Engine.from_directory(rules)
    second = Engine.from_directory(rules)
    assert len(compiles) == 1
    assert len(list(cache.glob("rules-*.pickle"))) == 1
    assert second.extract(TEXT).to_json() == first.extract(TEXT).to_json()
    assert [e.text for e in second.extract(TEXT).extractions] == ["$5"]


def test_builtin_rules_from_the_cache_give_the_same_output(engine, cache, seed_text):
    Engine.from_directory()                           # fills this test's cache
    warm = Engine.from_directory()
    assert warm.extract(seed_text, id="seed").to_json() == engine.extract(seed_text, id="seed").to_json()


def test_an_edited_rule_file_is_compiled_again(rules, cache, compiles):
    Engine.from_directory(rules)
    (rules / "r.yaml").write_text(MINIMAL_RULE.replace("money.dollars", "money.bucks"), "utf-8")
    engine = Engine.from_directory(rules)
    assert len(compiles) == 2
    assert engine.extract(TEXT).extractions[0].rule == "money.bucks"


def test_a_corrupt_cache_is_rebuilt(rules, cache, compiles):
    Engine.from_directory(rules)
    (stored,) = cache.glob("rules-*.pickle")
    stored.write_bytes(b"not a pickle")
    engine = Engine.from_directory(rules)
    assert len(compiles) == 2
    assert [e.text for e in engine.extract(TEXT).extractions] == ["$5"]
    assert Engine.from_directory(rules) and len(compiles) == 2      # rewritten, then reused


def test_a_cache_others_can_write_is_never_loaded(rules, cache, compiles):
    Engine.from_directory(rules)
    os.chmod(cache, 0o777)
    Engine.from_directory(rules)
    assert len(compiles) == 2
    os.chmod(cache, 0o700)
    (stored,) = cache.glob("rules-*.pickle")
    os.chmod(stored, 0o666)
    Engine.from_directory(rules)
    assert len(compiles) == 3


def test_cache_can_be_switched_off(rules, cache, compiles):
    Engine.from_directory(rules, cache=False)
    Engine.from_directory(rules, cache=False)
    assert len(compiles) == 2 and not cache.exists()


def test_pickled_engine_does_not_recompile(rules, cache, compiles):
    engine = Engine.from_directory(rules)
    copy = pickle.loads(pickle.dumps(engine))
    assert len(compiles) == 1
    assert copy.extract(TEXT).to_json() == engine.extract(TEXT).to_json()


def test_a_copy_of_a_folder_names_its_own_files(rules, cache, compiles, tmp_path):
    """The compiled rules carry their file names into messages and explanations: a copy of
    the same files elsewhere must not answer with the first folder's names."""
    copy = write_rules(tmp_path / "copy", {"r.yaml": MINIMAL_RULE})
    Engine.from_directory(rules)
    other = Engine.from_directory(copy)
    assert len(compiles) == 2
    assert other.rules.rules[0].definition.file == str(copy / "r.yaml")


def test_a_changed_rule_set_compiles_only_its_new_patterns(rules, cache, monkeypatch):
    Engine.from_directory(rules)
    compiled = []
    real = caching.Pieces.put

    def counting(self, key, value):
        compiled.append(value)
        return real(self, key, value)

    monkeypatch.setattr(caching.Pieces, "put", counting)
    (rules / "r.yaml").write_text(MINIMAL_RULE.replace("It cost $5.", "It cost $6."), "utf-8")
    Engine.from_directory(rules)       # an example changed: every pattern is as before
    assert compiled == []
    (rules / "r.yaml").write_text(MINIMAL_RULE.replace("(?P<amount>\\d+)", "(?P<amount>\\d+)(?!%)"), "utf-8")
    engine = Engine.from_directory(rules)
    assert [getattr(p, "pattern", None) for p in compiled] == ["\\$(?P<amount>\\d+)(?!%)"]
    assert [e.text for e in engine.extract("It cost $5, not 5%.").extractions] == ["$5"]


def test_a_broken_pieces_file_is_rebuilt(rules, cache, caplog):
    Engine.from_directory(rules)
    (stored,) = cache.glob("pieces-*.pickle")
    stored.write_bytes(b"not a pickle")
    (rules / "r.yaml").write_text(MINIMAL_RULE.replace("It cost $5.", "It cost $6."), "utf-8")
    assert [e.text for e in Engine.from_directory(rules).extract(TEXT).extractions] == ["$5"]
    assert "does not load" in caplog.text
    assert caching.load_pieces(cache).stored     # written again


def test_the_pieces_kept_are_this_compiles_then_the_newest(monkeypatch, cache):
    monkeypatch.setattr(caching, "PIECES_KEPT", 3)
    pieces = caching.Pieces({"old": 1, "older_used": 2, "newer": 3})
    pieces.get("older_used")
    pieces.put("new", 4)
    caching.store_pieces(pieces)
    assert caching.load_pieces().stored == {"newer": 3, "older_used": 2, "new": 4}
