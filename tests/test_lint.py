"""extractor lint: what is legal in a rule folder but probably not meant."""
from __future__ import annotations

import pytest

from extractor import Engine
from extractor.cli import main
from extractor.lint import lint, nested_quantifier

from .conftest import MINIMAL_RULE, write_rules


@pytest.mark.parametrize("pattern, flagged", [
    ("(a+)+", "(a+)+"), ("(a+|b)+", "(a+|b)+"), (r"(?:\w+\s?)*", r"(?:\w+\s?)*"), ("(a*?)+", "(a*?)+"),
    ("(?:(?:ab)*)+", "(?:(?:ab)*)+"), ("x(?P<n>a*)*y", "(?P<n>a*)*"),
    (r"(?:\w+\s)*", None),                         # the required \s fixes where each round ends
    (r"(?:\s+(?!\L<x>)\p{Lu}[\p{L}&-]*)*", None),  # so does the required capital
    ("(a++)+", None), ("(a+)++", None),           # possessive: nothing given back
    (r"\(a+\)+", None), ("[(a+)]+", None), ("(?:ab)+", None), ("(a+){0,3}", None),
])
def test_nested_quantifiers(pattern, flagged):
    assert nested_quantifier(pattern) == flagged


LINTY = """\
rules:
  - id: money.nested
    type: money
    requires: '\\$'
    pattern: '\\$(?:\\d+,?)*'
    examples: [{text: "$5", match: "$5"}]
    counter_examples: ["5"]
lexicons:
  other_signs: {entries: {$: AUD}}
"""


def test_lint_finds_each_kind(tmp_path):
    folder = write_rules(tmp_path / "rules", {"money.yaml": MINIMAL_RULE, "linty.yaml": LINTY})
    fixtures = write_rules(tmp_path / "fixtures", {"a.txt": "Nothing costs anything here."})
    findings = [str(f) for f in lint(Engine.from_directory(folder), fixtures)]
    text = "\n".join(findings)
    assert "rule money.dollars: no counter-examples" in text
    assert "rule money.dollars: no requires: or anchor:" in text
    assert "rule money.nested: a repeated group that repeats inside ('(?:\\\\d+,?)*')" in text
    assert "lexicons currency_signs and other_signs give different values to '$' ('USD' / 'AUD')" in text
    assert "rule money.dollars: never fires on the 1 fixtures" in text
    assert "money.nested: took over 0.5 s" in text or "money.nested: never fires" in text


def test_the_command_exits_1_on_findings(tmp_path, capsys):
    folder = write_rules(tmp_path / "rules", {"money.yaml": MINIMAL_RULE})
    assert main(["lint", "--rules", str(folder), "--fixtures", str(tmp_path / "none")]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"rules: {folder}/" and "finding(s) in 1 rules" in out
