"""Build the gold files of bench/gold/ from their hand-written sources in bench/gold/src/.

A source names each item by its surface string and occurrence number instead of offsets:

    {"id": "wn-0016", "corpus_id": "wn-0016", "reference_date": "2019-01-04",
     "items": [{"type": "date", "text": "Monday", "occurrence": 1, "required": true,
                "timex": "2019-01-01"}, ...]}

Occurrences are counted case-sensitively, at word boundaries where the surface starts or ends
with a letter or digit (annotation guide). The script asserts that each occurrence exists and
writes bench/gold/ID.json with `span: [start, end)` in place of text/occurrence.

    python bench/gold/build.py              # every source
    python bench/gold/build.py --check      # fail if a built file is stale
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "news.jsonl"


def corpus_texts(ids: set[str], corpus: Path = CORPUS) -> dict[str, str]:
    texts = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                texts[record["id"]] = record["text"]
    return texts


def occurrences(text: str, surface: str) -> list[int]:
    before = r"(?<![\p{L}\p{N}])" if surface[:1].isalnum() else ""
    after = r"(?![\p{L}\p{N}])" if surface[-1:].isalnum() else ""
    return [m.start() for m in regex.finditer(before + regex.escape(surface) + after, text, overlapped=True)]


def build(source: dict, text: str) -> dict:
    items = []
    for n, item in enumerate(source["items"], start=1):
        surface, occurrence = item["text"], item.get("occurrence", 1)
        starts = occurrences(text, surface)
        if occurrence > len(starts):
            raise ValueError(f"{source['id']} item {n}: {surface!r} occurs {len(starts)} time(s), "
                             f"not {occurrence}")
        start = starts[occurrence - 1]
        built = {k: v for k, v in item.items() if k not in ("text", "occurrence")}
        built = {"type": built.pop("type"), "span": [start, start + len(surface)], "text": surface, **built}
        built.setdefault("required", True)
        items.append(built)
    items.sort(key=lambda i: (i["span"][0], -i["span"][1], i["type"]))
    return {"id": source["id"], "corpus_id": source["corpus_id"], "reference_date": source.get("reference_date"),
            "items": items}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a built file differs from its source")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    sources = {p: json.loads(p.read_text("utf-8")) for p in sorted((HERE / "src").glob("*.json"))}
    texts = corpus_texts({s["corpus_id"] for s in sources.values()}, args.corpus)
    stale = 0
    for path, source in sources.items():
        built = json.dumps(build(source, texts[source["corpus_id"]]), ensure_ascii=False, indent=1) + "\n"
        target = HERE / path.name
        if args.check:
            stale += not target.is_file() or target.read_text("utf-8") != built
        else:
            target.write_text(built, "utf-8")
    print(f"{len(sources)} gold files {'checked' if args.check else 'built'}" + (f", {stale} stale" if stale else ""))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
