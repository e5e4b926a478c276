"""What a change does to quotes: each quote whose span or speaker differs between a commit and
the working tree, with its sentence. For judging a rule change by hand.

    python bench/quote_diff.py HEAD --step 4
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from compare import old_engine
from newscorpus import CORPUS, records

from extractor import Engine


def quotes(result) -> dict[tuple[int, int], str | None]:
    return {(e.start, e.end): e.value.get("speaker") for e in result.extractions if e.type == "quote"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--step", type=int, default=1)
    args = parser.parse_args()
    docs = records(args.corpus, args.step)
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["EXTRACTOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        old, new = old_engine(args.revision, Path(tmp)), Engine.from_directory()
        for doc in docs:
            text = doc["text"]
            before = quotes(old.extract(text, reference_date=doc.get("date"), types=["quote"]))
            after = quotes(new.extract(text, reference_date=doc.get("date"), types=["quote"]))
            for span in sorted(set(before) | set(after)):
                if before.get(span, "<none>") != after.get(span, "<none>"):
                    changed += 1
                    context = text[max(0, span[0] - 150):span[1] + 150].replace("\n", " | ")
                    print(f"{doc.get('id')} {span}: {before.get(span, '<no quote>')!r} -> {after.get(span, '<no quote>')!r}\n    {context}\n")
    print(f"{len(docs)} documents: {changed} quotes differ from {args.revision}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
