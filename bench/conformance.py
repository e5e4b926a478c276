"""Measure the built-in rules against the public suites in ../shared/conformance.

    python bench/conformance.py                # dates, money, quotes (test split), agreements
    python bench/conformance.py --quotes dev   # tune on the dev split; report on test

Scoring (span matches by overlap unless said otherwise):
- dates, money (Recognizers-Text specs): precision and recall of spans; exact-span share;
  for matched pairs, timex accuracy (ours among the spec's timex values) or amount+currency
  accuracy. Also on the cases the reference .NET implementation passes.
- quotes (PolNeAR): the scoring in the suite's README: overlap precision/recall, recall by
  kind, and speaker-mention accuracy on matched pairs (our speaker mention overlaps gold's).
- agreements (event-coder sentences): a sentence is predicted positive when an agreement that
  is not negated is extracted; precision, recall, F1 against is_agreement.
"""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

from extractor import Engine

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "conformance"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}% ({n}/{d})" if d else "  n/a"


def _spans(engine: Engine, records: list[dict], type_: str, value_ok) -> dict:
    tp_pred = pred = gold = tp_gold = exact = good_value = 0
    for record in records:
        ref = record["reference"][:10] if record.get("reference") else None
        found = engine.extract(record["text"], reference_date=ref, types=[type_]).extractions
        expected = record["expected"]
        pred += len(found)
        gold += len(expected)
        tp_pred += sum(any(_overlap((f.start, f.end), (g["start"], g["end"])) for g in expected) for f in found)
        for g in expected:
            matches = [f for f in found if _overlap((f.start, f.end), (g["start"], g["end"]))]
            if matches:
                tp_gold += 1
                exact += any((f.start, f.end) == (g["start"], g["end"]) for f in matches)
                good_value += any(value_ok(f.value, g) for f in matches)
    return {"precision": _pct(tp_pred, pred), "recall": _pct(tp_gold, gold),
            "exact span (of gold)": _pct(exact, gold), "value right (of matched)": _pct(good_value, tp_gold)}


def _timex_ok(value: dict, gold: dict) -> bool:
    return value.get("timex") in gold.get("timex", [])


def _money_ok(value: dict, gold: dict) -> bool:
    if gold.get("value") is None:
        return False
    same_amount = Decimal(str(value.get("amount"))) == Decimal(gold["value"])
    return same_amount and (gold.get("iso_currency") is None or gold["iso_currency"] == value.get("currency"))


def recognizers(engine: Engine, name: str, type_: str, value_ok) -> None:
    records = _records(SHARED / "recognizers" / f"{name}.jsonl")
    passing = [r for r in records if "dotnet" not in r["not_supported"] + r["not_supported_by_design"]]
    for label, subset in ((f"{name}, all {len(records)} cases", records),
                          (f"{name}, {len(passing)} cases .NET passes", passing)):
        print(f"{label}:")
        for key, figure in _spans(engine, subset, type_, value_ok).items():
            print(f"  {key:28} {figure}")


def quotes(engine: Engine, split: str) -> None:
    records = _records(SHARED / "quotes" / ("quotes.jsonl" if split == "test" else "quotes-dev.jsonl"))
    pred = tp_pred = 0
    gold = {"direct": [0, 0], "partial": [0, 0]}
    pairs = right_speaker = unattributed_claimed = unattributed = 0
    for record in records:
        found = engine.extract(record["text"], types=["quote"]).extractions
        inner = [(f.start + 1, f.end - 1, f) for f in found]
        pred += len(found)
        tp_pred += sum(any(_overlap((s, e), (q["start"], q["end"])) for q in record["quotes"]) for s, e, _ in inner)
        for q in record["quotes"]:
            hits = [f for s, e, f in inner if _overlap((s, e), (q["start"], q["end"]))]
            gold[q["kind"]][1] += 1
            if hits:
                gold[q["kind"]][0] += 1
                if q.get("speaker_start") is not None:
                    pairs += 1
                    v = hits[0].value
                    right_speaker += v.get("speaker_start") is not None and _overlap(
                        (v["speaker_start"], v["speaker_end"]), (q["speaker_start"], q["speaker_end"]))
        for u in record.get("unattributed_quoted", []):
            unattributed += 1
            unattributed_claimed += any(_overlap((s, e), (u["start"], u["end"])) for s, e, _ in inner)
    total_hit = gold["direct"][0] + gold["partial"][0]
    total = gold["direct"][1] + gold["partial"][1]
    print(f"quotes, PolNeAR {split} split ({len(records)} articles):")
    print(f"  {'precision':28} {_pct(tp_pred, pred)}")
    print(f"  {'recall':28} {_pct(total_hit, total)}")
    print(f"  {'recall, direct':28} {_pct(*gold['direct'])}")
    print(f"  {'recall, partial':28} {_pct(*gold['partial'])}")
    print(f"  {'speaker mention right':28} {_pct(right_speaker, pairs)}")
    print(f"  {'unattributed marks claimed':28} {_pct(unattributed_claimed, unattributed)}")


def agreements(engine: Engine) -> None:
    for name in ("agreements.jsonl", "agreements-plover-gsr.jsonl"):
        records = _records(SHARED / "agreements" / name)
        tp = fp = fn = 0
        for record in records:
            found = engine.extract(record["text"], types=["agreement"]).extractions
            predicted = any(not a.value["negated"] for a in found)   # "failed to agree" is no agreement
            tp += predicted and record["is_agreement"]
            fp += predicted and not record["is_agreement"]
            fn += (not predicted) and record["is_agreement"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"agreements, {name} ({len(records)} sentences): precision {_pct(tp, tp + fp)}, "
              f"recall {_pct(tp, tp + fn)}, F1 {100 * f1:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", choices=("test", "dev"), default="test")
    parser.add_argument("--only", choices=("dates", "money", "quotes", "agreements"))
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"no conformance data at {SHARED}", file=sys.stderr)
        return 2
    engine = Engine.from_directory()
    if args.only in (None, "dates"):
        recognizers(engine, "dates", "date", _timex_ok)
    if args.only in (None, "money"):
        recognizers(engine, "money", "money", _money_ok)
    if args.only in (None, "quotes"):
        quotes(engine, args.quotes)
    if args.only in (None, "agreements"):
        agreements(engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
