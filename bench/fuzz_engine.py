"""Fuzz the engine with atheris: any text, any reference date, must give output whose offsets
index the text, that encodes as UTF-8 and that the output schema accepts; nothing may raise.

    python bench/fuzz_engine.py -max_total_time=600            # ten minutes
    python bench/fuzz_engine.py -max_total_time=600 -timeout=30 CORPUS_DIR

With no corpus folder, it starts from the seed article and the fixtures (copied to a
temporary folder). libFuzzer's options (-timeout, -rss_limit_mb, -jobs) pass through.
"""
from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

import atheris
from fuzzing import fuzz

with atheris.instrument_imports():
    from extractor import Engine
    from extractor.output import output_schema

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine.from_directory()
VALIDATOR = jsonschema.Draft202012Validator(output_schema())


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    reference = None
    if fdp.ConsumeBool():
        reference = date(1900, 1, 1) + timedelta(days=fdp.ConsumeIntInRange(0, 80_000))
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    result = ENGINE.extract(text, reference_date=reference, id="fuzz")
    for e in result.extractions:
        if not (0 <= e.start < e.end <= len(text)) or text[e.start:e.end] != e.text:
            raise AssertionError(f"bad offsets {e.start}:{e.end} for {e.text!r}")
    encoded = result.to_json().encode("utf-8")
    VALIDATOR.validate(json.loads(encoded))


def seed_corpus() -> str:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-engine-"))
    for path in sorted((ROOT / "fixtures").glob("*.txt")):
        text = path.read_bytes()
        for i in range(0, len(text), 1500):          # short seeds: the fuzzer mutates faster
            (folder / f"{path.stem}-{i}").write_bytes(b"\x01\x10\x00" + text[i:i + 1500])
    return str(folder)


if __name__ == "__main__":
    fuzz(test_one_input, seed_corpus)
