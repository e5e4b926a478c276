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


def test_the_attribution_steps_examples_hold():
    from extractor.examples import check_attribution_example
    problems = [(step.id, example.line, check_attribution_example(ENGINE, step, example))
                for step in ENGINE.rules.attribution for example in step.examples]
    assert problems and all(problem is None for _, _, problem in problems), problems


def test_a_wrong_attribution_example_is_reported_with_its_step():
    from extractor.examples import check_attribution_example
    step = next(s for s in ENGINE.rules.attribution if s.id == "attribution.paragraph")
    wrong = step.examples[0].__class__(**{**step.examples[0].__dict__, "value": {"speaker": "Nobody"}})
    problem = check_attribution_example(ENGINE, step, wrong)
    assert problem is not None and "Nobody" in problem


def test_not_attributed_examples_hold():
    skip = ENGINE.rules.not_attributed
    assert all(skip.pattern.fullmatch(w) for w in skip.definition.examples)
    assert not any(skip.pattern.fullmatch(w) for w in skip.definition.counter_examples)
