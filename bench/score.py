"""Score the engine against hand-made gold (bench/gold/*.json, see bench/gold/build.py):
precision, recall and F1 per type, by span and strict (span and value), and every miss.

    python bench/score.py                          # every file in bench/gold/
    python bench/score.py bench/gold/wn-0016.json --types title --misses
    python bench/score.py --rules my-rules/ --corpus path/to/news.jsonl

Matching follows ../shared/docs/annotation-guide.md. An output matches a gold item of its type
with the same span (span scores); strict scores also need the value to agree on the fields
that carry it:

    date: timex         money: amount and currency        title: title and person
    quote: speaker      agreement: lemma and the set of parties

(strings compared without case and surrounding space; a party's leading "the" is not part of
its name, so "the U.S." and "U.S." are one party, see bench/gold/README.md). Recall counts required gold items; an
output that matches an optional item counts for precision, one that only overlaps an optional
item counts neither way, and any other output is a false positive.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "gold"))

from build import CORPUS, corpus_texts  # noqa: E402

TYPES = ("date", "money", "title", "quote", "agreement")
VALUE_FIELDS = {"date": ("timex",), "money": ("amount", "currency"), "title": ("title", "person"),
                "quote": ("speaker",), "agreement": ("lemma", "parties")}


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, list):
        return sorted(_norm(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _norm_field(field: str, value: Any) -> Any:
    if field == "parties" and isinstance(value, list):
        return sorted(p[4:] if p.startswith("the ") else p for p in _norm(value))
    return _norm(value)


def same_value(type_: str, gold: dict[str, Any], value: dict[str, Any]) -> bool:
    return all(_norm_field(field, gold.get(field)) == _norm_field(field, value.get(field))
               for field in VALUE_FIELDS[type_])


def score_document(gold: dict[str, Any], extractions: list[dict[str, Any]], counts: dict, misses: list) -> None:
    for type_ in TYPES:
        items = [i for i in gold["items"] if i["type"] == type_]
        outputs = [e for e in extractions if e["type"] == type_]
        by_span = {tuple(i["span"]): i for i in items}
        matched_spans: set[tuple[int, int]] = set()
        for out in outputs:
            span = (out["start"], out["end"])
            item = by_span.get(span)
            c = counts[type_]
            if item is not None:
                matched_spans.add(span)
                c["span_tp"] += 1
                if same_value(type_, item, out["value"]):
                    c["strict_tp"] += 1
                else:
                    c["strict_fp"] += 1
                    if item["required"]:
                        c["strict_fn"] += 1
                        misses.append((gold["id"], type_, "wrong value", out["text"],
                                       {f: item.get(f) for f in VALUE_FIELDS[type_]},
                                       {f: out["value"].get(f) for f in VALUE_FIELDS[type_]}))
                continue
            overlapping = [i for i in items if i["span"][0] < span[1] and span[0] < i["span"][1]]
            if overlapping and all(not i["required"] for i in overlapping):
                continue                               # only near an optional item: neither way
            c["span_fp"] += 1
            c["strict_fp"] += 1
            misses.append((gold["id"], type_, "false positive" if not overlapping else "wrong span",
                           out["text"], [i["text"] for i in overlapping] or None,
                           {f: out["value"].get(f) for f in VALUE_FIELDS[type_]}))
        for item in items:
            if item["required"] and tuple(item["span"]) not in matched_spans:
                counts[type_]["span_fn"] += 1
                counts[type_]["strict_fn"] += 1
                misses.append((gold["id"], type_, "missed", item["text"],
                               {f: item.get(f) for f in VALUE_FIELDS[type_]}, None))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: bench/gold/*.json)")
    parser.add_argument("--rules", help="rule folder (default: the built-in rules)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--types", help="comma-separated types to score (default: all five)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    from extractor import Engine
    files = args.gold or sorted((ROOT / "bench" / "gold").glob("*.json"))
    golds = [json.loads(p.read_text("utf-8")) for p in files]
    texts = corpus_texts({g["corpus_id"] for g in golds}, args.corpus)
    engine = Engine.from_directory(args.rules)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list = []
    for gold in golds:
        result = engine.extract(texts[gold["corpus_id"]], reference_date=gold.get("reference_date"), id=gold["id"])
        score_document(gold, [e.to_dict() for e in result.extractions], counts, misses)
    types = [t.strip() for t in args.types.split(",")] if args.types else list(TYPES)
    print(f"{len(golds)} gold documents")
    print(f"{'type':10} {'span P':>7} {'span R':>7} {'span F1':>7}   {'strict P':>8} {'strict R':>8} {'strict F1':>9}")
    for type_ in types:
        c = counts[type_]
        sp = prf(c["span_tp"], c["span_fp"], c["span_fn"])
        st = prf(c["strict_tp"], c["strict_fp"], c["strict_fn"])
        print(f"{type_:10} {sp[0]:7.3f} {sp[1]:7.3f} {sp[2]:7.3f}   {st[0]:8.3f} {st[1]:8.3f} {st[2]:9.3f}")
    if args.misses:
        for doc, type_, kind, text, gold_value, value in misses:
            if type_ in types:
                print(f"{doc} {type_} {kind}: {text!r} gold={gold_value} engine={value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
