"""Golden fixtures: each `fixtures/NAME.txt` has its checked-by-hand output in `NAME.json`."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .engine import Engine
from .output import to_json


@dataclass(frozen=True)
class FixtureCheck:
    name: str
    expected: str | None      # None: no golden file yet
    actual: str

    @property
    def ok(self) -> bool:
        return self.expected == self.actual

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            (self.expected or "").splitlines(keepends=True), self.actual.splitlines(keepends=True),
            fromfile=f"{self.name}.json (golden)", tofile=f"{self.name}.json (now)"))


def render(engine: Engine, text_path: Path) -> str:
    """The golden form of one fixture: the contract's JSON, indented, ending in a newline."""
    text = text_path.read_text("utf-8")
    return to_json(engine.extract(text, id=text_path.stem).to_dict(), indent=2) + "\n"


def check_fixtures(engine: Engine, directory: Path) -> list[FixtureCheck]:
    checks = []
    for text_path in sorted(directory.glob("*.txt")):
        golden = text_path.with_suffix(".json")
        expected = golden.read_text("utf-8") if golden.exists() else None
        checks.append(FixtureCheck(text_path.stem, expected, render(engine, text_path)))
    return checks


def update_fixtures(engine: Engine, directory: Path) -> list[FixtureCheck]:
    """Rewrite the golden files that differ; return what changed (review the diffs!)."""
    changed = [c for c in check_fixtures(engine, directory) if not c.ok]
    for check in changed:
        (directory / f"{check.name}.json").write_text(check.actual, "utf-8")
    return changed
