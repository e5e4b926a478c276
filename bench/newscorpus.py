"""The shared news corpus as the bench scripts read it: where it lies by default (`../shared`
beside the clone; each script takes `--corpus`), and its records in file order."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def records(path: Path = CORPUS, step: int = 1) -> list[dict[str, Any]]:
    """Every `step`-th record (`id`, `text`, `date`) of a JSONL corpus; blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()][::step]
