"""What the atheris fuzz targets share: libFuzzer's command line, with a seed corpus folder
made on the spot when none is given, and failing inputs written to a temporary folder."""
from __future__ import annotations

import sys
import tempfile
from typing import Callable

import atheris


def fuzz(test_one_input: Callable[[bytes], None], seed_corpus: Callable[[], str]) -> None:
    args = sys.argv
    if not any(not a.startswith("-") for a in args[1:]):
        args = args + [seed_corpus()]
    if not any(a.startswith("-artifact_prefix=") for a in args):     # not into the working tree
        folder = tempfile.mkdtemp(prefix="extractor-fuzz-artifacts-")
        print(f"failing inputs go to {folder}/", file=sys.stderr)
        args = args + [f"-artifact_prefix={folder}/"]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()
