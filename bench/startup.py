"""What a new process costs before its first extraction: import, load the rules, extract one
sentence. CPU time of the whole child process (interpreter start included), cold (an empty
compiled-rules cache) and warm (the cache filled by the cold run); the median of several runs.

    python bench/startup.py            # 1 cold run, 5 warm runs
    python bench/startup.py --runs 9
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = ("from extractor import Engine; "
           "Engine.from_directory().extract('On Monday, Defence Minister Rajnath Singh said.', "
           "reference_date='2023-06-05')")


def child_cpu(env: dict[str, str], code: str = SNIPPET) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="warm runs (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "EXTRACTOR_CACHE_DIR": cache}
        cold = child_cpu(env)
        warm = [child_cpu(env) for _ in range(args.runs)]
        interpreter = statistics.median(child_cpu(env, "pass") for _ in range(args.runs))
    print(f"new process, cold cache: {cold:.2f} s CPU")
    print(f"new process, warm cache: {statistics.median(warm):.2f} s CPU (median of {len(warm)}: "
          + ", ".join(f"{w:.2f}" for w in warm) + ")")
    print(f"of which the bare interpreter (python -c pass): {interpreter:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
