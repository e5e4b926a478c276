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
                          capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr
    assert "5 documents: HEAD" in done.stdout and "ratio" in done.stdout


@pytest.mark.skipif(not CORPUS.is_file(), reason="no ../shared/corpus beside the project")
def test_throughput_reports_cpu_time_and_long_documents():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "throughput.py"), "--sample", "4",
                           "--tools", "extractor", "--long", "0.005"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "CPU s" in done.stdout and "joined into documents of about 0.005 MB" in done.stdout
    assert done.stdout.count("\nextractor ") == 2
