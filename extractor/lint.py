"""`extractor lint`: what is legal in a rule folder but probably not meant.

- a rule with no counter-examples (nothing says what it must not match);
- a surface that two lexicons give different values;
- a rule that never fires on the fixtures;
- a pattern with a repeated group that itself repeats (`(a+)+`, `(\\s|\\s\\s)*`): open to
  catastrophic backtracking; and any pattern that runs away on the stress texts;
- a rule that the fast path cannot take: no `requires` and no `anchor`, so its pattern is
  tried at every position of every sentence (or of the whole document).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .compiling import _structure, expand_macros

if TYPE_CHECKING:
    from .engine import Engine


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    rule: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: " + (f"rule {self.rule}: " if self.rule else "") + self.message


def lint(engine: "Engine", fixtures: Path | None = None) -> list[Finding]:
    findings: list[Finding] = []
    source = engine.source
    for rule in source.rules:
        where = (rule.file, rule.line, rule.id)
        if all(example.match is not None for example in rule.examples):
            findings.append(Finding(*where, "no counter-examples: nothing says what it must not match"))
        expanded = expand_macros(rule.pattern, source.macros, {})
        nested = nested_quantifier(expanded)
        if nested:
            findings.append(Finding(*where, f"a repeated group that repeats inside ({nested!r}): open to "
                                            "catastrophic backtracking; make the inner or the outer repeat "
                                            "bounded or possessive"))
        if not rule.requires and not rule.anchor and not rule.anchor_mention:
            findings.append(Finding(*where, f"no requires: or anchor:, so its pattern is tried at every position "
                                            f"of every {rule.scope}; a pre-filter makes it cheap where it cannot match"))
    findings += _lexicon_conflicts(engine)
    if fixtures is not None and fixtures.is_dir():
        findings += _silent_on(engine, fixtures)
    from .stress import stress_check
    findings += [Finding("<stress texts>", 0, None, problem) for problem in stress_check(engine)]
    return sorted(findings, key=lambda f: (f.file, f.line, f.rule or "", f.message))


def nested_quantifier(pattern: str) -> str | None:
    """The first group repeated without bound with an alternative made only of repeated or
    optional atoms, one of them without bound (`(a+)+`, `(\\w+\\s?)*`, `(a+|b)*`): a text can
    then be split between the inner and the outer repeat in exponentially many ways. A
    required atom in the alternative (`(\\s+[A-Z]\\w*)*`) fixes where each round starts."""
    stack: list[int] = []
    for i, char, _ in _structure(pattern):
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            start = stack.pop()
            quantifier = QUANTIFIER.match(pattern, i + 1)
            if quantifier and _unbounded(quantifier.group()) and not _possessive(quantifier.group()) \
                    and any(_all_repeated(alt) for alt in _alternatives(_content(pattern[start + 1:i]))):
                return pattern[start:quantifier.end()]
    return None


QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")
ATOM = re.compile(r"""\(\?<?[=!](?:\\.|[^()\\]|\((?:\\.|[^()\\])*\))*\)   # a look-around: no width
                   |\\[pPN]\{[^}]*\}|\\L<[^>]*>|\\.|\[(?:\\.|[^\]\\])*\]
                   |\((?:\\.|[^()\\]|\((?:\\.|[^()\\]|\((?:\\.|[^()\\])*\))*\))*\)|[^|]""", re.X)


def _content(group: str) -> str:
    prefix = re.match(r"\?(?::|P<\w+>|<\w+>|>|[a-zA-Z-]+:)?", group)
    return group[prefix.end():] if group.startswith("?") and prefix else group


def _alternatives(content: str) -> list[str]:
    bars = [i for i, char, depth in _structure(content) if char == "|" and depth == 0]
    return [content[a + 1:b] for a, b in zip([-1] + bars, bars + [len(content)])]


def _possessive(quantifier: str) -> bool:
    return len(quantifier) > 1 and quantifier.endswith("+")


def _unbounded(quantifier: str) -> bool:
    return quantifier[0] in "*+" or bool(re.match(r"\{\d*,\}", quantifier))


def _all_repeated(alternative: str) -> bool:
    """Every atom repeated or optional (look-arounds aside), one without bound, none possessive."""
    pos, unbounded, atoms = 0, False, 0
    while pos < len(alternative):
        atom = ATOM.match(alternative, pos)
        if atom is None:
            return False
        pos = atom.end()
        if atom.group().startswith(("(?=", "(?!", "(?<=", "(?<!")):
            continue
        atoms += 1
        quantifier = QUANTIFIER.match(alternative, pos)
        if quantifier is None or _possessive(quantifier.group()):
            return False
        pos = quantifier.end()
        unbounded = unbounded or _unbounded(quantifier.group())
    return atoms > 0 and unbounded


def _lexicon_conflicts(engine: "Engine") -> list[Finding]:
    findings = []
    valued = {name: lexicon for name, lexicon in engine.source.lexicons.items()
              if any(surface != value for surface, value in lexicon.entries)}
    names = sorted(valued)
    for a_index, a in enumerate(names):
        a_values = dict(valued[a].entries)
        for b in names[a_index + 1:]:
            clashes = sorted(surface for surface, value in valued[b].entries
                             if surface in a_values and a_values[surface] != value)
            if clashes:
                shown = ", ".join(f"{s!r} ({a_values[s]!r} / {dict(valued[b].entries)[s]!r})" for s in clashes[:5])
                more = f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
                lexicon = valued[b]
                findings.append(Finding(lexicon.file, lexicon.line, None,
                                        f"lexicons {a} and {b} give different values to {shown}{more}"))
    return findings


def _silent_on(engine: "Engine", fixtures: Path) -> list[Finding]:
    fired: set[str] = set()
    texts = sorted(fixtures.glob("*.txt"))
    for path in texts:
        _, outcome = engine.run(path.read_text("utf-8"))
        fired.update(m.rule.id for index in outcome.mentions.values() for m in index.mentions)
    return [Finding(rule.file, rule.line, rule.id, f"never fires on the {len(texts)} fixtures in {fixtures}")
            for rule in engine.source.rules if rule.id not in fired]
