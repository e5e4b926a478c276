"""Throughput of the whole engine beside its peers, on the same news texts, in one run.

    python bench/throughput.py                    # a 300-document sample of ../shared/corpus/news.jsonl
    python bench/throughput.py --sample 0         # every document (quantulum3 then takes minutes)
    python bench/throughput.py --sample 0 --tools extractor --long 5
                                                  # also the corpus joined into 5 MB documents

Each tool runs in its own process so that its peak memory (max RSS) is its own. Prints a
table: setup (CPU s), CPU seconds and wall seconds of the run, docs/s and MB/s of CPU time,
peak memory, and how many items each found. CPU time is the figure to compare: on a shared
machine wall time also counts other people's work. `--long MB` joins the documents (with a
blank line between) into documents of about MB megabytes each: speed per MB should not fall.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from newscorpus import CORPUS, records
TOOLS = ("extractor", "extractor-dates-money", "dateparser.search_dates", "dateparser.search_dates[en]",
         "quantulum3.parse")


def load_sample(corpus: Path, sample: int) -> list[dict]:
    docs = records(corpus)
    if sample and sample < len(docs):
        step = len(docs) / sample
        docs = [docs[int(i * step)] for i in range(sample)]   # evenly spread, no randomness
    return docs


def run_tool(tool: str, docs: list[dict]) -> dict:
    setup_start = time.process_time()
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
    setup = time.process_time() - setup_start
    start, cpu_start = time.perf_counter(), time.process_time()
    found = failed = 0
    for doc in docs:
        try:
            found += work(doc)
        except Exception:   # a peer that raises on one document still runs on the others
            failed += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"tool": tool, "setup_s": setup, "seconds": seconds, "cpu_s": cpu, "found": found,
            "failed": failed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def join_documents(docs: list[dict], megabytes: float) -> list[dict]:
    """The documents joined, in order, into documents of about `megabytes` MB each (the
    documents repeated, when all of them together are shorter)."""
    total = sum(len(d["text"].encode("utf-8")) for d in docs)
    if 0 < total < megabytes * 1e6:
        docs = docs * -(-int(megabytes * 1e6) // total)
    joined, parts, size = [], [], 0
    for doc in docs:
        parts.append(doc)
        size += len(doc["text"].encode("utf-8"))
        if size >= megabytes * 1e6:
            joined.append(_joined(parts))
            parts, size = [], 0
    if parts and not joined:
        joined.append(_joined(parts))
    return joined


def _joined(parts: list[dict]) -> dict:
    return {"id": f"{parts[0].get('id')}+{len(parts) - 1}", "date": parts[0].get("date"),
            "text": "\n\n".join(d["text"] for d in parts)}


def _datetime(day: str):
    from datetime import datetime
    return datetime.fromisoformat(day)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=300, help="documents (0 = all)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, from {', '.join(TOOLS)}")
    parser.add_argument("--long", type=float, default=0, metavar="MB",
                        help="also run on the documents joined into documents of about MB megabytes")
    parser.add_argument("--one", help=argparse.SUPPRESS)      # internal: run one tool, print JSON
    parser.add_argument("--join", type=float, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus} (give --corpus PATH)", file=sys.stderr)
        return 2
    docs = load_sample(args.corpus, args.sample)
    if args.one:
        print(json.dumps(run_tool(args.one, join_documents(docs, args.join) if args.join else docs)))
        return 0
    for join in (0, args.long) if args.long else (0,):
        table(args, docs if not join else join_documents(docs, join), join)
    return 0


def table(args: argparse.Namespace, docs: list[dict], join: float) -> None:
    megabytes = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} documents, {megabytes:.2f} MB of text, from {args.corpus.name}"
          + (f", joined into documents of about {join:g} MB" if join else ""))
    print(f"{'tool':<28}{'setup s':>8}{'CPU s':>9}{'wall s':>9}{'docs/s':>9}{'MB/s':>8}{'peak MB':>9}{'found':>8}")
    rows = []
    for tool in args.tools.split(","):
        done = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--sample",
                               str(args.sample), "--one", tool, "--join", str(join)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{tool:<28} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{tool:<28}{row['setup_s']:>8.2f}{row['cpu_s']:>9.2f}{row['seconds']:>9.2f}"
              f"{len(docs) / row['cpu_s']:>9.1f}{megabytes / row['cpu_s']:>8.3f}{row['peak_mb']:>9.0f}"
              f"{row['found']:>8}" + (f"  (raised an error on {row['failed']} documents)" if row["failed"] else ""))
    by_tool = {r["tool"]: r for r in rows}
    for peer in ("dateparser.search_dates", "dateparser.search_dates[en]", "quantulum3.parse"):
        if "extractor" in by_tool and peer in by_tool:
            ratio = by_tool[peer]["cpu_s"] / by_tool["extractor"]["cpu_s"]
            print(f"extractor (all five types): {ratio:.1f}x the MB per CPU second of {peer}")


if __name__ == "__main__":
    sys.exit(main())
