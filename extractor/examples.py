"""Run the examples written next to each rule: `extractor test` and the pytest suite both use this."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .compiling import CompiledRule
from .engine import Engine
from .loading import AttributionStep, Example


@dataclass(frozen=True)
class ExampleFailure:
    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: rule {self.rule}: {self.message}"


def check_example(engine: Engine, rule: CompiledRule, example: Example) -> str | None:
    """None when the example holds, else what went wrong."""
    _, outcome = engine.run(example.text, reference_date=example.reference_date)
    found = [m for m in outcome.of_type(rule.definition.type).mentions if m.rule.id == rule.id]
    texts = [example.text[m.start:m.end] for m in found]
    if example.match is None:
        return f"should find nothing in {example.text!r}, found {texts}" if found else None
    matching = [m for m in found if example.text[m.start:m.end] == example.match]
    if not matching:
        return f"should find {example.match!r} in {example.text!r}, found {texts or 'nothing'}"
    if example.value:
        problems = [_value_problem(example.value, m.value or {}) for m in matching]
        if all(problems):
            return f"{example.match!r}: {problems[0]}"
    return None


def _value_problem(expected: dict[str, Any], actual: dict[str, Any]) -> str | None:
    wrong = {k: actual.get(k, "<missing>") for k, v in expected.items() if actual.get(k, "<missing>") != v}
    if wrong:
        return "value " + ", ".join(f"{k}={v!r} (expected {expected[k]!r})" for k, v in wrong.items())
    return None


def check_attribution_example(engine: Engine, step: AttributionStep, example: Example) -> str | None:
    """None when the example holds: the quote `match` got its speaker from this step (or, for
    a counter-example, no quote did), with the value's fields."""
    result = engine.extract(example.text, reference_date=example.reference_date, types=["quote"])
    found = [e for e in result.extractions if e.value.get("speaker_found_by", [None])[:1] == [step.id]]
    texts = [e.text for e in found]
    if example.match is None:
        return f"should attribute nothing in {example.text!r}, attributed {texts}" if found else None
    matching = [e for e in found if e.text == example.match]
    if not matching:
        return f"should attribute {example.match!r} in {example.text!r}, attributed {texts or 'nothing'}"
    if example.value:
        problems = [_value_problem(example.value, e.value) for e in matching]
        if all(problems):
            return f"{example.match!r}: {problems[0]}"
    return None


def run_examples(engine: Engine) -> tuple[int, list[ExampleFailure]]:
    count, failures = 0, []
    skip = engine.rules.not_attributed
    if skip is not None:
        d = skip.definition
        for words, expected in [(w, True) for w in d.examples] + [(w, False) for w in d.counter_examples]:
            count += 1
            if (skip.pattern.fullmatch(words) is not None) != expected:
                failures.append(ExampleFailure(d.file, d.line, "attribution.not_attributed",
                                               f"should {'' if expected else 'not '}match {words!r} whole"))
    for step in engine.rules.attribution:
        for example in step.examples:
            count += 1
            problem = check_attribution_example(engine, step, example)
            if problem:
                failures.append(ExampleFailure(step.file, example.line, step.id, problem))
    for rule in sorted(engine.rules.rules, key=lambda r: (r.definition.file, r.definition.line)):
        for example in rule.definition.examples:
            count += 1
            problem = check_example(engine, rule, example)
            if problem:
                failures.append(ExampleFailure(rule.definition.file, example.line, rule.id, problem))
    return count, failures
