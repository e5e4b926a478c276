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


# Hostile rule files: each ends in a RuleError naming the file and line, quickly and in
# little memory, never in a traceback.

def _laughs(levels: int) -> str:
    lines = ["macros:", '  A: "x"', "notes:", "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text, message, line", [
    (_laughs(9), "aliases", 10),      # l6 is the first with over two million values
    ("rules: " + "[" * 300 + "]" * 300 + "\n", "nested more than 50 levels", 1),
    ("a: &x [1, *x]\n", "refers to a value that contains it", 1),
])
def test_hostile_yaml_is_refused_with_file_and_line(tmp_path, text, message, line):
    write_rules(tmp_path, {"a.yaml": text})
    with pytest.raises(RuleError, match=message) as caught:
        load_directory(tmp_path)
    assert caught.value.file.endswith("a.yaml") and caught.value.line == line


def test_aliases_that_expand_modestly_still_load(tmp_path):
    text = MINIMAL_RULE.replace('- {text: "It cost $5.", match: "$5"}',
                                '- &same {text: "It cost $5.", match: "$5"}\n      - *same')
    write_rules(tmp_path, {"a.yaml": text})
    assert load_directory(tmp_path).rules


def test_macros_that_double_each_other_are_refused(tmp_path):
    macros = "".join(f"  M{i}: '{{M{i + 1}}}{{M{i + 1}}}'\n" for i in range(30)) + "  M30: 'ab'\n"
    rule = MINIMAL_RULE.replace("pattern: '\\$(?P<amount>\\d+)'", "pattern: '{M0}\\$(?P<amount>\\d+)'")
    write_rules(tmp_path, {"a.yaml": "macros:\n" + macros + rule})
    with pytest.raises(RuleError, match="over 200,000 characters") as caught:
        Engine.from_directory(tmp_path, cache=False)
    assert caught.value.rule == "money.dollars"


def test_a_rule_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    import extractor.loading as loading
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 100)
    write_rules(tmp_path, {"a.yaml": MINIMAL_RULE})
    with pytest.raises(RuleError, match="at most 100"):
        load_directory(tmp_path)


def test_links_may_not_lead_outside_the_rule_folder(tmp_path):
    outside = write_rules(tmp_path / "elsewhere", {"money.yaml": MINIMAL_RULE})
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "money.yaml").symlink_to(outside / "money.yaml")
    with pytest.raises(RuleError, match="outside the rule folder"):
        load_directory(folder)
    (folder / "money.yaml").unlink()
    (folder / "more").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RuleError, match="outside the rule folder"):
        load_directory(folder)


def test_links_inside_the_rule_folder_are_followed(tmp_path):
    folder = write_rules(tmp_path / "rules", {"real.yml.txt": MINIMAL_RULE})
    (folder / "money.yaml").symlink_to(folder / "real.yml.txt")
    assert [r.id for r in load_directory(folder).rules] == ["money.dollars"]


@pytest.mark.parametrize("text, words, line", [
    ("rules:\n\t- id: a.b\n", "a tab or a stray character: YAML indents with spaces only", 2),
    ("rules:\n  - id: a.b\n    pattern: \"abc\n", "a quotation mark or bracket is never closed", 4),
    ("rules:\n  - id: a.b\n  type: a\n", "this line should be a list item", 3),
    ("rules:\n  - id: a.b\n    type: a\n    pattern: it: x\n", "a colon and a space inside a value", 4),
])
def test_yaml_mistakes_are_told_in_plain_words(tmp_path, text, words, line):
    write_rules(tmp_path, {"a.yaml": text})
    with pytest.raises(RuleError, match=words) as caught:
        load_directory(tmp_path)
    assert caught.value.line == line and "(YAML: " in caught.value.message


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    rules = ("rules:\n  - id: a.one\n    type: a\n    pattern: x\n    examples: []\n    colour: red\n"
             "  - id: a.two\n    type: a\n    pattern: y\n")
    write_rules(tmp_path, {"a.yaml": rules})
    with pytest.raises(RuleError) as caught:
        load_directory(tmp_path)
    found = [(e.rule, e.line) for e in caught.value.all()]
    assert found == [("a.one", 5), ("a.two", 7)]       # one per rule: its deepest problem


BROKEN_PATTERNS = """\
macros:
  GOOD: 'a+'
  BAD: '(b|c'
  USES: '{BAD}x'
rules:
  - id: t.one
    type: t
    pattern: '{GOOD}{USES}'
    examples: [{text: "ab", match: "ab"}]
  - id: t.two
    type: t
    pattern: '{GOOD}x)'
    examples: [{text: "ax", match: "ax"}]
"""


def test_a_bad_pattern_is_located_in_the_authors_own_text(tmp_path):
    """Not "missing ) at position 10318" of the expanded pattern: the macro, or the place in the rule."""
    write_rules(tmp_path, {"a.yaml": BROKEN_PATTERNS})
    with pytest.raises(RuleError) as caught:
        Engine.from_directory(tmp_path, cache=False)
    one, two = caught.value.all()
    assert one.rule == "t.one" and "in macro {BAD} (" in one.message and "a.yaml:3): missing )" in one.message
    assert two.rule == "t.two" and "in the rule's pattern: unbalanced parenthesis at position 7" in two.message


def test_an_unknown_attribution_step_is_refused_with_file_and_line(tmp_path):
    write_rules(tmp_path, {"a.yaml": MINIMAL_RULE + "attribution:\n  steps:\n    - id: attribution.guess\n      examples:\n"
                                    "        - {text: 'A said \"b\".', match: '\"b\"', value: {speaker: A}}\n"})
    with pytest.raises(RuleError) as caught:
        load_directory(tmp_path)
    assert caught.value.file.endswith("a.yaml") and caught.value.line is not None
    assert "attribution.guess" in str(caught.value)


def test_attribution_defined_twice_needs_replace(tmp_path):
    steps = ("attribution:\n  steps:\n    - id: attribution.sentence\n      examples:\n"
             "        - {text: 'Austin said it is \"good\".', match: '\"good\"', value: {speaker: Austin}}\n")
    write_rules(tmp_path, {"a.yaml": MINIMAL_RULE + steps, "b.yaml": steps})
    with pytest.raises(RuleError, match="replace: true"):
        load_directory(tmp_path)
