"""The hostile-input suite of bench/hostile.py, every case at a size small enough for CI:
each finishes within its budget, loses no document, exits as documented and names what it
reports. `python bench/hostile.py` runs the same cases at the sizes that used to hang."""
from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_every_hostile_case_holds_at_small_scale():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "hostile.py"), "--scale", "0.01"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "31 cases: 31 ok, 0 failed" in done.stdout
