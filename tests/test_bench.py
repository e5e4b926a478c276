"""The benchmark scripts run: bench/compare.py against a commit, on a few corpus documents."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

CORPUS = SHARED / "corpus" / "news.jsonl"


@pytest.mark.skipif(not CORPUS.is_file(), reason="no ../shared/corpus beside the project")
def test_compare_with_an_earlier_commit():
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "compare.py"), "HEAD", "--step", "800"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "5 documents: HEAD" in done.stdout and "ratio" in done.stdout
