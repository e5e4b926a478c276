"""CPU time of each rule over corpus documents: which rules a change made slow.

    python bench/rule_costs.py                   # every 3rd document of ../shared/corpus/news.jsonl
    python bench/rule_costs.py --step 1 --top 15 --rules my_rules/

Times each rule's search (pre-filter, anchors and pattern) with `time.process_time` inside one
process and prints the rules by total CPU seconds, with their share of the matching time and
how it splits: units (the pre-filter's scan, paid by the first rule that names it), anchors,
and the pattern's own attempts (anchored_matches or rule_matches).
Resolution and normalisers are not in it: `bench/compare.py` measures the whole engine.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from newscorpus import CORPUS, ROOT, records

sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--step", type=int, default=3, help="take every STEP-th document")
    parser.add_argument("--rules", default=None, help="rule folder (default: the built-in rules)")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()

    from extractor import Engine, matching

    engine = Engine.from_directory(args.rules)
    costs: Counter[str] = Counter()
    parts: Counter[tuple[str, str]] = Counter()
    originals = {name: getattr(matching, name) for name in ("_units", "_anchors", "_anchored_matches", "_rule_matches")}

    def timed(name: str):
        original = originals[name]

        def run(rule, *rest, **kw):
            start = time.process_time()
            try:
                result = original(rule, *rest, **kw)
                if name in ("_anchored_matches", "_rule_matches"):
                    result = list(result)        # generators: the work is in the iteration
                return result
            finally:
                spent = time.process_time() - start
                costs[rule.id] += spent
                parts[rule.id, name] += spent
        return run

    for name in originals:
        setattr(matching, name, timed(name))
    documents = records(args.corpus, args.step)
    start = time.process_time()
    for record in documents:
        engine.extract(record["text"], reference_date=record.get("date"), id=record.get("id"))
    total = time.process_time() - start
    matched = sum(costs.values())
    print(f"{len(documents)} documents: {total:.2f} s CPU in all, {matched:.2f} s in rule searches")
    for rule_id, seconds in costs.most_common(args.top):
        split = " ".join(f"{name.strip('_')} {parts[rule_id, name]:.3f}" for name in originals
                         if parts[rule_id, name] >= 0.001)
        print(f"{seconds:8.3f} s  {100 * seconds / matched:5.1f}%  {rule_id:36s} {split}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
