"""What the atheris fuzz targets share: libFuzzer's command line, with a seed corpus folder
made on the spot when none is given."""
from __future__ import annotations

import sys
from typing import Callable

import atheris


def fuzz(test_one_input: Callable[[bytes], None], seed_corpus: Callable[[], str]) -> None:
    args = sys.argv
    if not any(not a.startswith("-") for a in args[1:]):
        args = args + [seed_corpus()]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()
