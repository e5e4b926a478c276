"""Every example and counter-example written next to a rule holds."""
from __future__ import annotations

import pytest

from extractor import Engine
from extractor.examples import check_example

ENGINE = Engine.from_directory()
CASES = [(rule, example) for rule in ENGINE.rules.rules for example in rule.definition.examples]


def test_every_rule_has_an_example():
    assert all(rule.definition.examples for rule in ENGINE.rules.rules)
    assert len(CASES) > len(ENGINE.rules.rules)


@pytest.mark.parametrize("rule,example", CASES,
                         ids=[f"{r.id}:{e.line}{'' if e.match else ':counter'}" for r, e in CASES])
def test_rule_example(rule, example):
    problem = check_example(ENGINE, rule, example)
    assert problem is None, f"{rule.definition.file}:{example.line}: {problem}"
