"""Measure the built-in rules against the public suites in ../shared/conformance.

    python bench/conformance.py                # dates, money, quotes (test split), agreements
    python bench/conformance.py dates          # one suite (dates, money, quotes, agreements)
    python bench/conformance.py --quotes dev   # tune on the dev split; report on test

Scoring (span matches by overlap unless said otherwise):
- dates, money (Recognizers-Text specs), on the cases the reference .NET implementation
  passes: recall, precision and exact share of spans; timex accuracy (ours among the spec's
  timex values; by the suite's types, beside dateparser's search_dates), or amount accuracy
  and ISO-code accuracy (for every expected span and for those with an amount, beside
  quantulum3). Value accuracy is a share of the expected spans.
- quotes (PolNeAR): the scoring in the suite's README: overlap precision/recall, recall by
  kind, and speaker-mention accuracy on matched pairs (our speaker mention overlaps gold's);
  "quote and speaker right" is the share of the suite's quotes found with that speaker (or
  with none where the suite has none). Every span in quotation marks is a quote (the
  annotation guide): one the suite leaves unattributed counts right with a null speaker.
- agreements (event-coder sentences): a sentence is predicted positive when an agreement that
  is not negated is extracted; precision, recall, F1 against is_agreement, and against our
  definition (the deliberate differences tabled in docs/conformance-agreements.md), each
  beside a verb-plus-object regex baseline.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from extractor import Engine

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "conformance"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}% ({n}/{d})" if d else "  n/a"


def _cell(n: int, d: int) -> str:
    """A share for a table column, 7 characters wide."""
    return f"{100 * n / d:6.1f}%" if d else "    n/a"


def passing_cases(name: str) -> list[dict]:
    """The cases of a Recognizers-Text suite that its .NET reference implementation passes."""
    return [r for r in _records(SHARED / "recognizers" / f"{name}.jsonl")
            if "dotnet" not in r["not_supported"] + r["not_supported_by_design"]]


# --- dates: by the suite's types, with dateparser's search_dates side by side ---------------

DATE_TYPES = ("date", "daterange", "duration", "datetime", "datetimerange", "time", "timerange", "set")
CORE_TYPES = ("date", "daterange", "duration")
# Which suite type an extraction that overlaps no expected span is counted against.
KIND_TO_TYPE = {"date": "date", "range": "daterange", "vague": "date", "duration": "duration",
                "time": "time", "set": "set"}
SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 604800, "MO": 2592000, "Y": 31536000}


def timex_interval(timex: str) -> tuple[str, str] | None:
    """The days a TIMEX3 date covers, as ISO start and exclusive end ('2021-03' ->
    ('2021-03-01', '2021-04-01')); None for what is not a calendar date."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d)|H(\d)))?", timex or "")
    if not m:
        short = re.fullmatch(r"\d{2,3}", timex or "")        # a century (19) or a decade (199)
        if not short:
            return None
        first, size = int(timex) * 10 ** (4 - len(timex)), 10 ** (4 - len(timex))
        return date(first, 1, 1).isoformat(), date(first + size, 1, 1).isoformat()
    year, month, day, week, quarter, half = m.groups()
    y = int(year)
    if day:
        d = date(y, int(month), int(day))
        return d.isoformat(), (d + timedelta(days=1)).isoformat()
    if week:
        d = date.fromisocalendar(y, int(week), 1)
        return d.isoformat(), (d + timedelta(days=7)).isoformat()
    first, months = ((int(month), 1) if month else (3 * int(quarter) - 2, 3) if quarter
                     else (6 * int(half) - 5, 6) if half else (1, 12))
    last = first - 1 + months
    return date(y, first, 1).isoformat(), date(y + last // 12, last % 12 + 1, 1).isoformat()


def duration_seconds(timex: str) -> float | None:
    """'P1Y2M', 'PT1H30M' -> seconds (a month as 30 days, a year as 365)."""
    m = re.fullmatch(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?", timex or "")
    if not m or not (m.group(1) or m.group(2)):
        return None
    seconds = 0.0
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", m.group(1)):
        seconds += float(number) * SECONDS["MO" if unit == "M" else unit]
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m.group(2) or ""):
        seconds += float(number) * SECONDS[unit]
    return seconds


def _reading(timex: str) -> str | None:
    """'2016-11-07T15:30' -> '2016-11-07 15:30:00', 'T07' -> '07:00:00' (the suite's form)."""
    clock = re.fullmatch(r"(\d{4}-\d{2}-\d{2})?T(\d{2})(?::(\d{2}))?(?::(\d{2}))?", timex)
    if not clock:
        return None
    day, hour, minute, second = clock.groups()
    reading = f"{hour}:{minute or '00'}:{second or '00'}"
    return f"{day} {reading}" if day else reading


def _our_value_right(value: dict, gold: dict) -> bool:
    """Right when our timex is one the suite gives, or when it names the same days: a resolved
    date among the suite's readings of 'XXXX-WXX-1', a range with the same start and the end
    either exclusive (the suite's) or at the start of the last unit ('March to May' stops at
    May 1 in the suite's convention)."""
    timex = value.get("timex") or ""
    if timex in gold["timex"]:
        return True
    # The suite leaves unknown parts as X ("XXXX-11" for "mid-November"), or leaves the year
    # out of a season ("SU"); ours fills them in.
    if any("X" in g and re.fullmatch(re.escape(g).replace("X", r"\d"), timex) for g in gold["timex"]):
        return True
    if any(re.fullmatch(r"SP|SU|FA|WI", g) and re.fullmatch(r"\d{4}-" + g, timex) for g in gold["timex"]):
        return True
    if value.get("kind") == "duration":
        seconds = duration_seconds(timex)
        return seconds is not None and any(
            re.fullmatch(r"\d+(?:\.\d+)?", v.get("value") or "") and abs(float(v["value"]) - seconds) < 1
            for v in gold["values"])
    if _reading(timex):                         # a time, or a date and time: compare the readings
        return any(v.get("value") == _reading(timex) for v in gold["values"])
    if value.get("kind") == "range" and "T" in value.get("from", "") + value.get("to", ""):
        ends = [_reading(value.get("from", "")), _reading(value.get("to", ""))]
        return any([v.get("start"), v.get("end")] == ends for v in gold["values"])
    if value.get("kind") == "range":
        low, high = timex_interval(value.get("from", "")), timex_interval(value.get("to", ""))
        span = (low[0], {high[1], high[0]}) if low and high else None
    else:
        interval = timex_interval(timex)
        span = (interval[0], {interval[1]}) if interval else None
    if span is None:
        return False
    for v in gold["values"]:
        if "value" in v and value.get("granularity") == "day" and v["value"] == span[0]:
            return True
        if v.get("start", "")[:10] == span[0] and v.get("end", "")[:10] in span[1]:
            return True
    return False


def _search_dates_value_right(found: datetime, gold: dict) -> bool:
    as_text = {found.strftime("%Y-%m-%d"), found.strftime("%Y-%m-%d %H:%M:%S"), found.strftime("%H:%M:%S")}
    return any(v.get("value") in as_text for v in gold["values"])


def _ours(engine: Engine) -> Callable[[dict], list[tuple[int, int, Any]]]:
    def find(record: dict) -> list[tuple[int, int, Any]]:
        ref = record["reference"][:10] if record.get("reference") else None
        # The suite is US English: 5/12 is May 12 (date_order MDY, as a US desk would set it).
        found = engine.extract(record["text"], reference_date=ref, types=["date"], date_order="MDY").extractions
        return [(f.start, f.end, f.value) for f in found]
    return find


def _search_dates() -> Callable[[dict], list[tuple[int, int, Any]]]:
    from dateparser.search import search_dates
    def find(record: dict) -> list[tuple[int, int, Any]]:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(record["reference"])} if record.get("reference") else {}
        found, cursor = [], 0
        for text, when in search_dates(record["text"], languages=["en"], settings=settings) or []:
            start = record["text"].find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            found.append((start, cursor, when))
        return found
    return find


def score_dates(records: list[dict], find, value_right) -> dict[str, dict[str, list[int]]]:
    """Counts by suite type: gold, found (overlap), exact, value right; predictions, true ones."""
    counts = {t: {"gold": 0, "found": 0, "exact": 0, "value": 0, "pred": 0, "tp": 0} for t in DATE_TYPES}
    for record in records:
        found = find(record)
        expected = record["expected"]
        for start, end, value in found:
            hits = [g for g in expected if _overlap((start, end), (g["start"], g["end"]))]
            type_ = hits[0]["type"].split(".")[-1] if hits else (
                KIND_TO_TYPE.get(value.get("kind"), "date") if isinstance(value, dict) else "date")
            if type_ in counts:
                counts[type_]["pred"] += 1
                counts[type_]["tp"] += bool(hits)
        for g in expected:
            type_ = g["type"].split(".")[-1]
            if type_ not in counts:
                continue
            c = counts[type_]
            c["gold"] += 1
            matches = [f for f in found if _overlap((f[0], f[1]), (g["start"], g["end"]))]
            c["found"] += bool(matches)
            c["exact"] += any((f[0], f[1]) == (g["start"], g["end"]) for f in matches)
            c["value"] += any(value_right(f[2], g) for f in matches)
    return counts


def _row(label: str, counts: dict[str, dict[str, int]], types: tuple[str, ...]) -> str:
    total = {k: sum(counts[t][k] for t in types) for k in counts[types[0]]}
    return (f"  {label:22} {total['gold']:5} {_cell(total['found'], total['gold'])} "
            f"{_cell(total['tp'], total['pred'])} {_cell(total['exact'], total['gold'])} "
            f"{_cell(total['value'], total['gold'])}")


def date_table(records: list[dict], find, value_right) -> tuple[str, dict]:
    counts = score_dates(records, find, value_right)
    lines = [f"  {'type':22} {'spans':>5} {'recall':>7} {'precis.':>7} {'exact':>7} {'value':>7}"]
    lines += [_row(t, counts, (t,)) for t in DATE_TYPES]
    lines.append(_row("date+daterange+durat.", counts, CORE_TYPES))
    lines.append(_row("all types", counts, DATE_TYPES))
    return "\n".join(lines), counts


def dates(engine: Engine, peers: bool) -> None:
    records = passing_cases("dates")
    print(f"dates, Recognizers-Text suite, {len(records)} cases the .NET reference passes "
          "(recall, exact span and value are shares of the expected spans; precision counts "
          "what is found in every case, the negative ones too):")
    print("extractor:")
    print(date_table(records, _ours(engine), _our_value_right)[0])
    if peers:
        print("dateparser.search.search_dates (languages=['en'], RELATIVE_BASE = the case's reference):")
        print(date_table(records, _search_dates(), _search_dates_value_right)[0])


# --- money --------------------------------------------------------------------------------

# The suite gives amounts in the unit as written ("50 cents" is 50 Cent); we give them in the
# main unit (0.5). Scoring multiplies ours back.
SUBUNITS = {"Cent": 100, "Pence": 100, "Penny": 100, "Satoshi": 100_000_000}


def _our_money(engine: Engine) -> Callable[[dict], list[tuple[int, int, Any]]]:
    def find(record: dict) -> list[tuple[int, int, Any]]:
        found = engine.extract(record["text"], types=["money"]).extractions
        return [(f.start, f.end, (f.value.get("amount"), f.value.get("currency"))) for f in found]
    return find


def _quantulum_money() -> Callable[[dict], list[tuple[int, int, Any]]]:
    from quantulum3 import parser
    def find(record: dict) -> list[tuple[int, int, Any]]:
        found = []
        for q in parser.parse(record["text"]):
            if q.unit.entity.name == "currency":     # a bare number is no money
                amount = Decimal(str(q.value)) / SUBUNITS.get(q.unit.name.title(), 1)
                found.append((q.span[0], q.span[1], (amount, getattr(q.unit, "currency_code", None))))
        return found
    return find


def _money_value_right(found: tuple[Any, Any], gold: dict) -> bool:
    amount = found[0]
    if gold.get("value") is None or amount is None:
        return False
    return Decimal(str(amount)) * SUBUNITS.get(gold["unit"], 1) == Decimal(gold["value"])


def score_money(records: list[dict], find) -> dict[str, dict[str, int]]:
    """Counts for every expected span and for those with an amount (the suite also expects a
    bare currency word, "the dollar", which has no amount and which we do not report)."""
    counts = {key: {"gold": 0, "found": 0, "exact": 0, "value": 0, "iso_gold": 0, "iso": 0, "pred": 0, "tp": 0}
              for key in ("all", "amounts")}
    for record in records:
        found = find(record)
        expected = record["expected"]
        tp = sum(any(_overlap((s, e), (g["start"], g["end"])) for g in expected) for s, e, _ in found)
        for key in counts:
            counts[key]["pred"] += len(found)
            counts[key]["tp"] += tp
        for g in expected:
            matches = [f for f in found if _overlap((f[0], f[1]), (g["start"], g["end"]))]
            for key in ("all", "amounts") if g["value"] is not None else ("all",):
                c = counts[key]
                c["gold"] += 1
                c["found"] += bool(matches)
                c["exact"] += any((f[0], f[1]) == (g["start"], g["end"]) for f in matches)
                c["value"] += any(_money_value_right(f[2], g) for f in matches)
                if g["iso_currency"]:
                    c["iso_gold"] += 1
                    c["iso"] += any(f[2][1] == g["iso_currency"] for f in matches)
    return counts


def money_table(records: list[dict], find) -> tuple[str, dict]:
    counts = score_money(records, find)
    lines = [f"  {'spans':28} {'count':>5} {'recall':>7} {'precis.':>7} {'exact':>7} {'value':>7} {'ISO':>7}"]
    for key, label in (("all", "every expected span"), ("amounts", "spans with an amount")):
        c = counts[key]
        lines.append(f"  {label:28} {c['gold']:5} {_cell(c['found'], c['gold'])} {_cell(c['tp'], c['pred'])} "
                     f"{_cell(c['exact'], c['gold'])} {_cell(c['value'], c['gold'])} {_cell(c['iso'], c['iso_gold'])}")
    return "\n".join(lines), counts


def money(engine: Engine, peers: bool) -> None:
    records = passing_cases("money")
    print(f"money, Recognizers-Text suite, {len(records)} cases the .NET reference passes (recall, "
          "exact span and value are shares of the expected spans, ISO of those the suite gives a "
          "code for; precision counts what is found in every case, the negative ones too):")
    print("extractor:")
    print(money_table(records, _our_money(engine))[0])
    if peers:
        print("quantulum3 (quantities whose unit is a currency):")
        print(money_table(records, _quantulum_money())[0])


def quotes(engine: Engine, split: str) -> None:
    """Every span in quotation marks is a quote (the annotation guide): one the suite leaves
    unattributed (a title, a scare quote) is right when its speaker is null, wrong with one."""
    records = _records(SHARED / "quotes" / ("quotes.jsonl" if split == "test" else "quotes-dev.jsonl"))
    pred = right_pred = 0
    gold = {"direct": [0, 0], "partial": [0, 0]}
    pairs = right_speaker = both_right = unattributed_claimed = unattributed = 0
    misses: Counter[str] = Counter()
    for record in records:
        found = engine.extract(record["text"], types=["quote"]).extractions
        inner = [(f.start + 1, f.end - 1, f) for f in found]
        pred += len(found)
        for s, e, f in inner:
            right_pred += any(_overlap((s, e), (q["start"], q["end"])) for q in record["quotes"]) or (
                f.value.get("speaker") is None
                and any(_overlap((s, e), (u["start"], u["end"])) for u in record.get("unattributed_quoted", [])))
        for q in record["quotes"]:
            hits = [f for s, e, f in inner if _overlap((s, e), (q["start"], q["end"]))]
            gold[q["kind"]][1] += 1
            if not hits:
                continue
            gold[q["kind"]][0] += 1
            v = hits[0].value
            if q.get("speaker_start") is None:
                both_right += v.get("speaker") is None
                continue
            pairs += 1
            right = v.get("speaker_start") is not None and _overlap(
                (v["speaker_start"], v["speaker_end"]), (q["speaker_start"], q["speaker_end"]))
            right_speaker += right
            both_right += right
            if not right:       # how the wrong speaker was found: the first step or rule
                misses[(v.get("speaker_found_by") or ["no speaker"])[0]] += 1
        for u in record.get("unattributed_quoted", []):
            unattributed += 1
            unattributed_claimed += any(_overlap((s, e), (u["start"], u["end"])) and f.value.get("speaker") is not None
                                        for s, e, f in inner)
    total_hit = gold["direct"][0] + gold["partial"][0]
    total = gold["direct"][1] + gold["partial"][1]
    print(f"quotes, PolNeAR {split} split ({len(records)} articles):")
    print(f"  {'precision':28} {_pct(right_pred, pred)}")
    print(f"  {'recall':28} {_pct(total_hit, total)}")
    print(f"  {'recall, direct':28} {_pct(*gold['direct'])}")
    print(f"  {'recall, partial':28} {_pct(*gold['partial'])}")
    print(f"  {'quote and speaker right':28} {_pct(both_right, total)}")
    print(f"  {'speaker mention right':28} {_pct(right_speaker, pairs)}   (of the quotes found that have one)")
    print(f"  {'unattributed given a speaker':28} {_pct(unattributed_claimed, unattributed)}")
    if split == "test":
        print("  textacy direct_quotations (spaCy), same sentences (issue 15): recall 71.1%, quote and speaker right 65.4%")
    print("  speaker wrong, by how it was found: " + ", ".join(f"{k} {n}" for k, n in misses.most_common()))


DIFFERENCES = Path(__file__).resolve().parent.parent / "docs" / "conformance-agreements.md"
DIFFERENCE_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*(agreement|no agreement)\s*\|\s*(agreement|no agreement|optional)\s*\|", re.M)
AGREEMENT_VERB = (r"(?:agree[ds]?|agreeing|sign(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|reach(?:es|ed|ing)?|strikes?|struck|"
                  r"seal(?:s|ed|ing)?|ink(?:s|ed|ing)?|ratif(?:y|ies|ied|ying)|finali[sz](?:e|es|ed|ing)|"
                  r"enter(?:s|ed|ing)? into)")
AGREEMENT_NOUN = (r"(?:agreements?|deals?|pacts?|accords?|treat(?:y|ies)|memorand(?:um|a)|mou|truces?|ceasefires?|"
                  r"contracts?|protocols?|roadmaps?|frameworks?|partnerships?)")
BASELINE = re.compile(rf"\b{AGREEMENT_VERB}\b(?:\W+\w+){{0,5}}?\W+{AGREEMENT_NOUN}\b|\bagree[ds]?\s+(?:to|on|with|that)\b", re.I)


def agreement_differences(path: Path = DIFFERENCES) -> dict[str, str]:
    """Suite id -> our label (`agreement`, `no agreement` or `optional`), from the table of
    deliberate differences in docs/conformance-agreements.md."""
    return {m.group(1): m.group(3) for m in DIFFERENCE_ROW.finditer(path.read_text(encoding="utf-8"))}


def _prf_line(label: str, pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{label}: precision {_pct(tp, tp + fp)}, recall {_pct(tp, tp + fn)}, F1 {100 * f1:.1f}"


def agreements(engine: Engine) -> None:
    differences = agreement_differences()
    for name in ("agreements.jsonl", "agreements-plover-gsr.jsonl"):
        records = _records(SHARED / "agreements" / name)
        ours, baseline, ids = [], [], []
        for record in records:
            found = engine.extract(record["text"], types=["agreement"]).extractions
            ours.append(any(not a.value["negated"] for a in found))   # "failed to agree" is no agreement
            baseline.append(BASELINE.search(record["text"]) is not None)
            ids.append(record["id"])
        by_suite = [r["is_agreement"] for r in records]
        ours_label = [differences.get(i, "agreement" if g else "no agreement") for i, g in zip(ids, by_suite)]
        kept = [k for k, label in enumerate(ours_label) if label != "optional"]
        by_ours = [ours_label[k] == "agreement" for k in kept]
        changed = sum(1 for i in ids if i in differences)
        print(f"agreements, {name} ({len(records)} sentences)")
        print("  " + _prf_line("by the suite's labels, extractor", list(zip(ours, by_suite))))
        print("  " + _prf_line("by the suite's labels, regex baseline", list(zip(baseline, by_suite))))
        print("  " + _prf_line(f"by our definition ({changed} relabelled or optional, {len(kept)} scored), extractor",
                                list(zip([ours[k] for k in kept], by_ours))))
        print("  " + _prf_line("by our definition, regex baseline", list(zip([baseline[k] for k in kept], by_ours))))
        missed = [ids[k] for k, g in zip(kept, by_ours) if g and not ours[k]]
        wrong = [ids[k] for k, g in zip(kept, by_ours) if ours[k] and not g]
        if missed or wrong:
            print(f"  by our definition, missed: {', '.join(missed) or '-'}; false: {', '.join(wrong) or '-'}")


SUITES = ("dates", "money", "quotes", "agreements")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suites", nargs="*", choices=SUITES + ((),), default=(),
                        help="which suites to score (default: all)")
    parser.add_argument("--quotes", choices=("test", "dev"), default="test")
    parser.add_argument("--no-peers", action="store_true", help="skip the peers (dateparser's search_dates, quantulum3)")
    args = parser.parse_args()
    chosen = set(args.suites or SUITES)
    if not SHARED.is_dir():
        print(f"no conformance data at {SHARED}", file=sys.stderr)
        return 2
    engine = Engine.from_directory()
    if "dates" in chosen:
        dates(engine, peers=not args.no_peers)
    if "money" in chosen:
        money(engine, peers=not args.no_peers)
    if "quotes" in chosen:
        quotes(engine, args.quotes)
    if "agreements" in chosen:
        agreements(engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
