"""Draw title extractions from the corpus at random (fixed seed), for checking by hand.

    python bench/title_sample.py                  # 100 titles, seed 14, as a Markdown table to fill in
    python bench/title_sample.py --n 60 --seed 3 --context 200

Runs the engine over every article of ../shared/corpus/news.jsonl, then draws with
`random.Random(seed).sample` from all title extractions in corpus order, and prints for each the
article id, the extraction, its value and the text around it. docs/title-precision.md records a
sample judged this way.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from newscorpus import CORPUS, ROOT, records

sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--context", type=int, default=150, help="characters shown either side")
    parser.add_argument("--rules", default=None)
    args = parser.parse_args()
    from extractor import Engine
    engine = Engine.from_directory(args.rules)
    titles = []
    for record in records(args.corpus):
        text = record["text"]
        for e in engine.extract(text, reference_date=record.get("date"), types=["title"]).extractions:
            left = text[max(0, e.start - args.context):e.start].replace("\n", " ")
            right = text[e.end:e.end + args.context].replace("\n", " ")
            titles.append((record["id"], e, f"...{left}[[{e.text}]]{right}..."))
    sample = random.Random(args.seed).sample(titles, min(args.n, len(titles)))
    print(f"{len(titles)} title extractions in {args.corpus.name}; {len(sample)} drawn with seed {args.seed}\n")
    for i, (doc_id, e, context) in enumerate(sample, 1):
        value = {k: v for k, v in e.value.items() if v is not None}
        print(f"{i}. {doc_id} {e.start}-{e.end} {e.text!r} {json.dumps(value, ensure_ascii=False)}\n   {context}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
