"""Draw extractions of one type from the corpus at random (fixed seed), for checking by hand.

    python bench/sample.py --type quote --seed 1          # 100 quotes with their speakers
    python bench/sample.py --type title --n 60 --seed 3 --context 200

Runs the engine over every article of ../shared/corpus/news.jsonl, then draws with
`random.Random(seed).sample` from all extractions of the type in corpus order, and prints for
each the article id, the extraction, its value and the text around it (for a quote, from two
paragraphs before it, where its speaker may be named). docs/title-precision.md and
docs/quote-speakers.md record samples judged this way.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from newscorpus import CORPUS, ROOT, records

sys.path.insert(0, str(ROOT))


def context_of(text: str, start: int, end: int, type_: str, chars: int) -> str:
    """The text around an extraction, the extraction in [[ ]]; for a quote, from the start of
    the paragraph two before its own."""
    left_start = max(0, start - chars)
    if type_ == "quote":
        left_start = start
        for _ in range(3):
            left_start = text.rfind("\n", 0, max(0, left_start - 1)) + 1
            if left_start == 0:
                break
        left_start = max(left_start, start - 6 * chars)
    left = text[left_start:start].replace("\n", " | ")
    right = text[end:end + chars].replace("\n", " | ")
    shown = text[start:end] if end - start <= 300 else text[start:start + 150] + " ... " + text[end - 100:end]
    return f"...{left}[[{shown}]]{right}..."


def main(default_type: str = "quote") -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--type", default=default_type, help="the extraction type (default: %(default)s)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--context", type=int, default=150, help="characters shown either side")
    parser.add_argument("--rules", default=None)
    args = parser.parse_args()
    from extractor import Engine
    engine = Engine.from_directory(args.rules)
    found = []
    for record in records(args.corpus):
        text = record["text"]
        for e in engine.extract(text, reference_date=record.get("date"), types=[args.type]).extractions:
            found.append((record["id"], e, context_of(text, e.start, e.end, args.type, args.context)))
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    print(f"{len(found)} {args.type} extractions in {args.corpus.name}; {len(sample)} drawn with seed {args.seed}\n")
    for i, (doc_id, e, context) in enumerate(sample, 1):
        value = {k: v for k, v in e.value.items() if v is not None and k != "quote"}
        text = e.text if len(e.text) <= 120 else e.text[:80] + " ... " + e.text[-30:]
        print(f"{i}. {doc_id} {e.start}-{e.end} {text!r} {json.dumps(value, ensure_ascii=False)}\n   {context}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
