"""Does the working tree give the same output as an earlier commit? Every corpus document.

    python bench/same_output.py 0e50f17              # the whole corpus
    python bench/same_output.py HEAD --step 10       # every 10th document

Loads the engine of the commit as bench/compare.py does (its package and rules from git, in a
cache of its own) and the working tree's, extracts each document with both and compares their
whole output records (extractions, people, errors) as JSON. Prints how many documents differ
and the first ids; exits with 1 if any does. A speed change must leave this at 0.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from compare import old_engine
from newscorpus import CORPUS, records

from extractor import Engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the earlier commit (anything git accepts)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--step", type=int, default=1, help="take every STEP-th document")
    args = parser.parse_args()
    docs = records(args.corpus, args.step)
    differ = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["EXTRACTOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        old, new = old_engine(args.revision, Path(tmp)), Engine.from_directory()
        for i, doc in enumerate(docs):
            outputs = [json.dumps(engine.extract(doc["text"], reference_date=doc.get("date"), id=doc.get("id")).to_dict(),
                                  sort_keys=True, ensure_ascii=False) for engine in (old, new)]
            if outputs[0] != outputs[1]:
                differ.append(doc.get("id", i))
    print(f"{len(docs)} documents: {len(differ)} differ from {args.revision}"
          + (f" ({', '.join(map(str, differ[:10]))}{', ...' if len(differ) > 10 else ''})" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
