"""extractor: rule-based extraction of dates, money, titles, quotes and agreements from news text.

    >>> from extractor import Engine
    >>> engine = Engine.from_directory()          # the rules that ship with the package
    >>> result = engine.extract(text, reference_date="2023-06-05", id="doc-1")
    >>> result.to_dict()                           # the output contract, version 1
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Iterable

from .engine import Engine
from .errors import DocumentError, RuleError
from .output import Extraction, Result

__all__ = ["Engine", "Extraction", "Result", "RuleError", "DocumentError", "extract"]
__version__ = "0.1.0"


def extract(text: str, reference_date: str | date | None = None, id: str | None = None,
            types: Iterable[str] | None = None) -> Result:
    """Extract with the built-in rules (compiled once, on first use, and then kept)."""
    return _builtin_engine().extract(text, reference_date=reference_date, id=id, types=types)


@lru_cache(maxsize=1)
def _builtin_engine() -> Engine:
    return Engine.from_directory()
