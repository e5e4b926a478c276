"""Is the engine slower than at an earlier commit? CPU time of both, document by document.

    python bench/compare.py e922ad3              # the whole corpus, old and new alternating
    python bench/compare.py HEAD~3 --step 4      # every 4th document

Timing two runs one after the other on a shared machine mixes the engines' difference with the
machine's: here, runs of the same engine differ by 10% or more. This script loads both engines
in one process (the old package, taken from git, under another name, with its own rules) and
extracts each document with both, in alternating order, summing each engine's CPU time. Drifts
of the machine then fall on both alike. It prints both totals and their ratio (new / old).
"""
from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from newscorpus import CORPUS, ROOT, records

sys.path.insert(0, str(ROOT))

from extractor import Engine  # noqa: E402

OLD_NAME = "extractor_at_commit"


def old_engine(revision: str, into: Path) -> object:
    """The engine and rules of `revision`, imported as package OLD_NAME from a git archive."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision, "extractor", "rules"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):      # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:
            tar.extractall(into)
    (into / "extractor").rename(into / OLD_NAME)     # its modules import each other relatively
    sys.path.insert(0, str(into))
    package = importlib.import_module(OLD_NAME)
    return package.Engine.from_directory(into / "rules")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision", help="the earlier commit (anything git accepts)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--step", type=int, default=1, help="take every STEP-th document")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = records(args.corpus, args.step)
    with tempfile.TemporaryDirectory() as tmp:
        # both engines compile into a cache of their own: the old package's pickles name the
        # old modules, and nothing of the user's cache is read or written
        os.environ["EXTRACTOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        engines = {"old": old_engine(args.revision, Path(tmp)), "new": Engine.from_directory()}
        for doc in docs[:20]:                                  # warm both caches alike
            for engine in engines.values():
                engine.extract(doc["text"], reference_date=doc.get("date"))
        spent = {"old": 0.0, "new": 0.0}
        for i, doc in enumerate(docs):
            for name in ("old", "new") if i % 2 == 0 else ("new", "old"):
                start = time.process_time()
                engines[name].extract(doc["text"], reference_date=doc.get("date"))
                spent[name] += time.process_time() - start
    print(f"{len(docs)} documents: {args.revision} {spent['old']:.2f} s CPU, working tree {spent['new']:.2f} s, "
          f"ratio {spent['new'] / spent['old']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
