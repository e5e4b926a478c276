"""Throughput of the whole engine beside its peers, on the same news texts, in one run.

    python bench/throughput.py                    # a 300-document sample of ../shared/corpus/news.jsonl
    python bench/throughput.py --sample 0         # every document (quantulum3 then takes minutes)

Each tool runs in its own process so that its peak memory (max RSS) is its own. Prints a
table: documents, MB, seconds, docs/s, MB/s, peak memory, and how many items each found.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
TOOLS = ("extractor", "extractor-dates-money", "dateparser.search_dates", "dateparser.search_dates[en]",
         "quantulum3.parse")


def load_sample(corpus: Path, sample: int) -> list[dict]:
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    if sample and sample < len(docs):
        step = len(docs) / sample
        docs = [docs[int(i * step)] for i in range(sample)]   # evenly spread, no randomness
    return docs


def run_tool(tool: str, docs: list[dict]) -> dict:
    setup_start = time.perf_counter()
    if tool.startswith("extractor"):
        from extractor import Engine
        engine = Engine.from_directory()
        types = ["date", "money"] if tool == "extractor-dates-money" else None

        def work(doc: dict) -> int:
            return len(engine.extract(doc["text"], reference_date=doc.get("date"), types=types).extractions)
    elif tool.startswith("dateparser.search_dates"):
        from dateparser.search import search_dates
        languages = ["en"] if tool.endswith("[en]") else None   # [en]: told the language, no detection

        def work(doc: dict) -> int:
            settings = {"RELATIVE_BASE": _datetime(doc["date"])} if doc.get("date") else {}
            return len(search_dates(doc["text"], languages=languages, settings=settings) or [])
    else:
        from quantulum3 import parser

        def work(doc: dict) -> int:
            return len(parser.parse(doc["text"]))
        parser.parse("warm up 1 dollar")   # its first call loads its data
    setup = time.perf_counter() - setup_start
    start = time.perf_counter()
    found = failed = 0
    for doc in docs:
        try:
            found += work(doc)
        except Exception:   # a peer that raises on one document still runs on the others
            failed += 1
    seconds = time.perf_counter() - start
    return {"tool": tool, "setup_s": setup, "seconds": seconds, "found": found, "failed": failed,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _datetime(day: str):
    from datetime import datetime
    return datetime.fromisoformat(day)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=300, help="documents (0 = all)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, from {', '.join(TOOLS)}")
    parser.add_argument("--one", help=argparse.SUPPRESS)      # internal: run one tool, print JSON
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = load_sample(args.corpus, args.sample)
    if args.one:
        print(json.dumps(run_tool(args.one, docs)))
        return 0
    megabytes = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} documents, {megabytes:.2f} MB of text, from {args.corpus.name}")
    print(f"{'tool':<26}{'setup s':>9}{'run s':>9}{'docs/s':>10}{'MB/s':>9}{'peak MB':>9}{'found':>8}")
    rows = []
    for tool in args.tools.split(","):
        done = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--sample",
                               str(args.sample), "--one", tool], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{tool:<26} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{tool:<26}{row['setup_s']:>9.2f}{row['seconds']:>9.2f}{len(docs) / row['seconds']:>10.1f}"
              f"{megabytes / row['seconds']:>9.3f}{row['peak_mb']:>9.0f}{row['found']:>8}"
              + (f"  (raised an error on {row['failed']} documents)" if row["failed"] else ""))
    by_tool = {r["tool"]: r for r in rows}
    for peer in ("dateparser.search_dates", "dateparser.search_dates[en]", "quantulum3.parse"):
        if "extractor" in by_tool and peer in by_tool:
            ratio = by_tool[peer]["seconds"] / by_tool["extractor"]["seconds"]
            print(f"extractor (all five types): {ratio:.1f}x the documents per second of {peer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
