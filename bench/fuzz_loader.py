"""Fuzz the rule loader and compiler with atheris: any bytes as a rule file must give rules
or a RuleError naming the file; no other exception, no hang, no runaway memory.

    python bench/fuzz_loader.py -max_total_time=600 -timeout=20 -rss_limit_mb=2048

With no corpus folder, it starts from the built-in rule files (copied to a temporary folder).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import atheris
from fuzzing import fuzz

with atheris.instrument_imports():
    from extractor.compiling import compile_rules
    from extractor.errors import RuleError
    from extractor.loading import builtin_rules_dir, load_files
    from extractor.normalising import default_normalisers

WORK = Path(tempfile.mkdtemp(prefix="fuzz-loader-"))
NORMALISERS = default_normalisers()


def test_one_input(data: bytes) -> None:
    path = WORK / "rules.yaml"
    path.write_bytes(data)
    try:
        compile_rules(load_files([path]), NORMALISERS)
    except RuleError as exc:
        if exc.file != str(path):
            raise AssertionError(f"the error names {exc.file!r}, not the rule file") from exc


def seed_corpus() -> str:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-loader-seeds-"))
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    return str(folder)


if __name__ == "__main__":
    fuzz(test_one_input, seed_corpus)
