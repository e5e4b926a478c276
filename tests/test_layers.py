"""Layered rule folders: a folder that builds on another (the built-in rules or any folder),
adding, replacing and switching off rules, extending lexicons, replacing macros."""
from __future__ import annotations

import subprocess
import sys

import pytest

from extractor import Engine, RuleError
from extractor.layers import write_starter
from extractor.loading import load_directory

from .conftest import EUROS_RULE, MINIMAL_RULE, write_rules



def _base(tmp_path):
    return write_rules(tmp_path / "base", {"money.yaml": MINIMAL_RULE, "euros.yaml": EUROS_RULE,
                                           "macros.yaml": "macros:\n  AMOUNT: '\\d+(?:\\.\\d+)?'\n"})


def _layer(tmp_path, files: dict[str, str], extends: str = "../base", disable: str = "[]"):
    layer = f"layer:\n  extends: {extends}\n  disable: {disable}\n"
    return write_rules(tmp_path / "mine", {"layer.yaml": layer, **files})


def test_a_layer_adds_replaces_and_switches_off_rules(tmp_path):
    _base(tmp_path)
    replaced = MINIMAL_RULE.split("lexicons:")[0].replace("id: money.dollars", "id: money.dollars\n    replaces: true") \
        .replace("'\\$(?P<amount>\\d+)'", "'US\\$(?P<amount>\\d+)'").replace('{text: "It cost $5.", match: "$5"}',
                                                                         '{text: "It cost US$5.", match: "US$5"}')
    folder = _layer(tmp_path, {"mine.yaml": replaced}, disable="[money.euros]")
    engine = Engine.from_directory(folder)
    assert [r.id for r in engine.rules.rules] == ["money.dollars"]
    assert [e.text for e in engine.extract("It cost US$5 or €7.").extractions] == ["US$5"]


def test_a_layer_extends_a_lexicon_and_replaces_a_macro(tmp_path):
    _base(tmp_path)
    folder = _layer(tmp_path, {"mine.yaml": "lexicons:\n  money_qualifiers:\n    extend: true\n    entries: [under]\n"
                                            "macros:\n  AMOUNT:\n    pattern: '\\d+'\n    replace: true\n"})
    source = load_directory(folder)
    assert [s for s, _ in source.lexicons["money_qualifiers"].entries] == ["over", "under"]
    assert source.macros["AMOUNT"].pattern == "\\d+"


def test_a_macro_can_only_be_replaced_where_one_is_below(tmp_path):
    _base(tmp_path)
    folder = _layer(tmp_path, {"mine.yaml": "macros:\n  NUMBER:\n    pattern: 'x'\n    replace: true\n"})
    with pytest.raises(RuleError, match="macro NUMBER is marked to change a macro of a folder below"):
        load_directory(folder)
    folder = _layer(tmp_path, {"mine.yaml": "macros:\n  AMOUNT: 'x'\n"})
    with pytest.raises(RuleError, match="macro AMOUNT is already defined in .*macros.yaml:2; to change it here"):
        load_directory(folder)


@pytest.mark.parametrize("files, message, line", [
    ({"mine.yaml": "lexicons:\n  scales:\n    entries: {billion: 1000000000}\n"},
     "lexicon scales is already defined in .*money.yaml:.*add extend: true to add entries, or replace: true", 2),
    ({"mine.yaml": "lexicons:\n  nothing_below:\n    extend: true\n    entries: [x]\n"},
     "marked to change a lexicon of a folder below .* but none defines it", 2),
    ({"mine.yaml": MINIMAL_RULE.split("lexicons:")[0]}, "duplicate rule id", 2),
])
def test_a_layer_says_how_to_change_what_is_below(tmp_path, files, message, line):
    _base(tmp_path)
    with pytest.raises(RuleError, match=message) as caught:
        load_directory(_layer(tmp_path, files))
    assert caught.value.file.endswith("mine.yaml") and caught.value.line == line


def test_disable_must_name_a_rule_below(tmp_path):
    _base(tmp_path)
    with pytest.raises(RuleError, match="disable names money.pounds, which no folder below defines") as caught:
        load_directory(_layer(tmp_path, {}, disable="[money.pounds]"))
    assert caught.value.file.endswith("layer.yaml") and caught.value.line == 1


def test_layers_may_not_extend_each_other_in_a_circle(tmp_path):
    write_rules(tmp_path / "a", {"layer.yaml": "layer: {extends: ../b}\n", "r.yaml": MINIMAL_RULE})
    write_rules(tmp_path / "b", {"layer.yaml": "layer: {extends: ../a}\n"})
    with pytest.raises(RuleError, match="in a circle"):
        load_directory(tmp_path / "a")


def test_the_starter_folder_builds_on_the_built_in_rules(tmp_path):
    write_starter(tmp_path / "mine")
    engine = Engine.from_directory(tmp_path / "mine")
    assert "ticker" in engine.types and "quote" in engine.types
    result = engine.extract('"We will win," she fumed. Acme (NASDAQ: ACME) rose.')
    assert [(e.type, e.value.get("cue")) for e in result.extractions] == [("quote", "fumed"), ("ticker", None)]
    with pytest.raises(RuleError, match="will not overwrite"):
        write_starter(tmp_path / "mine")


def test_extractor_test_checks_the_rules_folder_here(tmp_path):
    """After `pip install .`, the rules being edited are rules/ of the clone, not the package's copy."""
    broken = MINIMAL_RULE.replace('match: "$5"', 'match: "$6"')
    write_rules(tmp_path / "rules", {"money.yaml": broken})
    done = subprocess.run([sys.executable, "-m", "extractor", "test"], cwd=tmp_path, capture_output=True, text=True)
    assert done.stdout.splitlines()[0] == "rules: rules/"
    assert "FAIL" in done.stdout and done.returncode == 1
