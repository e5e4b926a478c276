"""Rule files that cannot be loaded stop with one line naming file, line and rule id."""
from __future__ import annotations

import pytest

from extractor import Engine, RuleError
from extractor.loading import load_directory

from .conftest import MINIMAL_RULE, write_rules

BAD_RULE_FILES = [
    # (what is wrong, file text, expected line, expected rule id, words in the message)
    ("YAML syntax", "rules:\n  - id: a.b\n    type: x\n    pattern: [unclosed\n", 5, None,
     "flow sequence that starts at line 4"),
    ("unknown key", "rules:\n  - id: money.x\n    type: money\n    patern: 'x'\n    pattern: 'x'\n"
     "    examples: [{text: x, match: x}]\n", 4, "money.x", "unknown key 'patern'"),
    ("bad regex", "rules:\n  - id: money.x\n    type: money\n    pattern: '(unclosed'\n"
     "    examples: [{text: x, match: x}]\n", 2, "money.x", "bad pattern"),
    ("unknown lexicon", "rules:\n  - id: money.x\n    type: money\n    pattern: '\\L<nowhere>'\n"
     "    examples: [{text: x, match: x}]\n", 2, "money.x", "unknown lexicon"),
    ("unknown macro", "rules:\n  - id: money.x\n    type: money\n    pattern: '{NOWHERE}'\n"
     "    examples: [{text: x, match: x}]\n", 2, "money.x", "unknown macro"),
    ("missing examples", "rules:\n  - id: money.x\n    type: money\n    pattern: 'x'\n", 2, "money.x",
     "'examples' is a required property"),
    ("duplicate key", "rules:\n  - id: money.x\n    id: money.y\n", 3, None, "duplicate key"),
    ("later stage", "rules:\n  - id: money.x\n    type: money\n    pattern: '(?P<a>x)'\n"
     "    groups: {a: {is: [money]}}\n    examples: [{text: x, match: x}]\n", 2, "money.x",
     "can only refer to earlier stages"),
    ("unknown normaliser", "rules:\n  - id: money.x\n    type: money\n    pattern: 'x'\n"
     "    normaliser: magic\n    examples: [{text: x, match: x}]\n", 2, "money.x", "unknown normaliser"),
    ("near without requires", "rules:\n  - id: money.x\n    type: money\n    pattern: 'x'\n"
     "    scope: near\n    examples: [{text: x, match: x}]\n", 2, "money.x", "scope near searches around"),
    ("near without scope near", "rules:\n  - id: money.x\n    type: money\n    pattern: 'x'\n"
     "    near: 10\n    examples: [{text: x, match: x}]\n", 2, "money.x", "near sets the window"),
    ("empty requires list", "rules:\n  - id: money.x\n    type: money\n    pattern: 'x'\n"
     "    requires: []\n    examples: [{text: x, match: x}]\n", 5, "money.x", "requires"),
]


@pytest.mark.parametrize("case", BAD_RULE_FILES, ids=[c[0] for c in BAD_RULE_FILES])
def test_bad_rule_file_names_file_line_and_rule(tmp_path, case):
    _, text, line, rule, words = case
    write_rules(tmp_path, {"bad.yaml": text})
    with pytest.raises(RuleError) as caught:
        Engine.from_directory(tmp_path)
    error = caught.value
    assert error.file.endswith("bad.yaml")
    assert error.line == line
    assert error.rule == rule
    assert words in str(error)
    assert str(error).startswith(f"{error.file}:{line}")


def test_duplicate_rule_id_across_files(tmp_path):
    write_rules(tmp_path, {"a.yaml": MINIMAL_RULE, "b.yaml": MINIMAL_RULE.split("lexicons:")[0]})
    with pytest.raises(RuleError) as caught:
        load_directory(tmp_path)
    assert caught.value.rule == "money.dollars"
    assert caught.value.file.endswith("b.yaml")
    assert "duplicate rule id" in str(caught.value)


def test_yaml_words_stay_strings(tmp_path):
    """YAML 1.1 reads no/on/off as booleans and dates as dates: word lists must not."""
    write_rules(tmp_path, {"r.yaml": MINIMAL_RULE + "  words: {entries: [no, on, NO, 2023-06-05]}\n"})
    source = load_directory(tmp_path)
    assert [s for s, _ in source.lexicons["words"].entries] == ["no", "on", "NO", "2023-06-05"]


def test_not_a_folder(tmp_path):
    with pytest.raises(RuleError, match="not a folder"):
        load_directory(tmp_path / "missing")
