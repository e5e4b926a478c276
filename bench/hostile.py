"""Hostile input, case by case, through the installed command line: what real pipelines send
(feeds, odd text, huge documents, closed pipes) and what rule authors get wrong.

    python bench/hostile.py                # the sizes the issue reproduced (a few minutes)
    python bench/hostile.py --scale 0.01   # the same cases, small (the tests run this)
    python bench/hostile.py --only prices,nfd

Each case runs `python -m extractor ...` in its own process; the row gives the input size, the
CPU time and peak memory of that process, the outcome (its first line on stderr), the exit
code, and documents in and out. A case passes when it ends within its time budget (the
engine's per-document budget, plus start-up), loses no document, exits as expected and names
the document (or the rule file and line) it reports. Exit code 1 if any case fails.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "fixtures" / "india-us-defence-roadmap.txt").read_text("utf-8")
NORMAL = {"id": "normal-after", "text": SEED[:2000], "date": "2023-06-05"}
BUDGET = 5.0          # the engine's default seconds per document (per million characters)
START_UP = 15.0       # seconds of CPU a run may spend starting (cached rules, quantulum3, dateparser)


@dataclass
class Run:
    args: list[str]
    docs_in: int
    exits: tuple[int, ...]                    # acceptable exit codes
    names: list[str] = field(default_factory=list)   # what stderr must mention
    stdin: bytes | None = None
    quiet: bool = False                       # stderr must be empty
    then: str | None = None                   # "close" the pipe after one line, or "interrupt"
    cpu_limit: float = BUDGET + START_UP
    size: int = 0


def records(path: Path, *items: dict | str) -> str:
    """A JSONL file of the items (a str is written as a raw line) and the normal record after them."""
    lines = [item if isinstance(item, str) else json.dumps(item) for item in items] + [json.dumps(NORMAL)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return str(path)


def document_case(text: str, doc_id: str = "hostile", **record: object) -> Callable[[Path, float], Run]:
    def build(work: Path, scale: float) -> Run:
        path = records(work / "in.jsonl", {"id": doc_id, "text": text, **record})
        megabytes = len(text) / 1e6
        return Run(["extract", path, "--format", "jsonl"], 2, (0, 1), size=len(text),
                   cpu_limit=BUDGET * max(1.0, megabytes) + BUDGET + START_UP)
    return build


def sized(scale: float, n: int) -> int:
    return max(1, int(n * scale))


def dollar_signs(work: Path, scale: float) -> Run:
    return document_case("$" * sized(scale, 100_000))(work, scale)


def prices(work: Path, scale: float) -> Run:
    return document_case(",".join(f"${i}" for i in range(sized(scale, 4_000))))(work, scale)


def unclosed_quotes(work: Path, scale: float) -> Run:
    return document_case("“We will not stop here\n" * sized(scale, 20_000))(work, scale)


RUNAWAY_RULES = """\
segmentation:
  paragraph_break: '{paragraph_break}'
  sentence_end: '[.!?]+(?=\\s)'
rules:
  - id: thing.runaway
    type: thing
    scope: sentence
    pattern: '{pattern}'
    examples: [{{text: "aa", match: "aa"}}]
  - id: thing.word
    type: thing
    pattern: 'roadmap'
    examples: [{{text: "a roadmap", match: "roadmap"}}]
"""


def _rules(work: Path, pattern: str = "(a|aa)+$", paragraph_break: str = "\\n\\s*") -> str:
    folder = work / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(RUNAWAY_RULES.format(pattern=pattern, paragraph_break=paragraph_break), "utf-8")
    return str(folder)


def runaway_sentence_rule(work: Path, scale: float) -> Run:
    text = " ".join(["a" * 28 + "b."] * sized(scale, 2_400))         # 70 KB: 2,400 sentences
    run = document_case(text)(work, scale)
    run.args += ["--rules", _rules(work)]
    run.names = ["hostile", "thing.runaway"]
    return run


def runaway_paragraph_break(work: Path, scale: float) -> Run:
    run = document_case("word\n" + "\n" * sized(scale, 20_000) + "y")(work, scale)
    run.args += ["--rules", _rules(work, pattern="a", paragraph_break="(\\n|\\n\\n)+x")]
    run.names = ["hostile", "segmentation.paragraph_break"]
    return run


def huge_document(work: Path, scale: float) -> Run:
    size = sized(scale, 50_000_000)
    return document_case((SEED + "\n\n") * (size // (len(SEED) + 2) + 1))(work, scale)


def lone_surrogate(work: Path, scale: float) -> Run:
    path = work / "in.jsonl"
    records(path, '{"id": "hostile", "text": "It cost $5 \\udc00 \\"odd \\udc00 quote,\\" he said."}')
    return Run(["extract", str(path), "--format", "jsonl"], 2, (0,))


def long_amount(work: Path, scale: float) -> Run:
    return document_case("It cost $" + "9" * 5_000 + " in all.")(work, scale)


def nfd_text(work: Path, scale: float) -> Run:
    return document_case(unicodedata.normalize("NFD", "“Biz hazırız,” dedi Cumhurbaşkanı Erdoğan. " * 50))(work, scale)


def feed_case(record: dict | str, exits: tuple[int, ...] = (0,), names: tuple[str, ...] = ()) -> Callable:
    def build(work: Path, scale: float) -> Run:
        path = records(work / "in.jsonl", record)
        return Run(["extract", path, "--format", "jsonl"], 2, exits, list(names))
    return build


def bom_first_line(work: Path, scale: float) -> Run:
    path = work / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": "It cost $5."}).encode() + b"\n"
                     + json.dumps(NORMAL).encode() + b"\n")
    return Run(["extract", str(path), "--format", "jsonl"], 2, (0,))


def jsonl_on_stdin(work: Path, scale: float) -> Run:
    data = (json.dumps({"id": "a", "text": "It cost $5."}) + "\n" + json.dumps(NORMAL) + "\n").encode()
    return Run(["extract", "-", "--format", "jsonl"], 2, (0,), ["JSON Lines"], stdin=data)


def ndjson_file(work: Path, scale: float) -> Run:
    path = records(work / "in.ndjson", {"id": "a", "text": "It cost $5."})
    return Run(["extract", path, "--format", "jsonl"], 2, (0,))


def json_array(work: Path, scale: float) -> Run:
    path = work / "in.json"
    path.write_text(json.dumps([{"id": "a", "text": "It cost $5."}, NORMAL]), "utf-8")
    return Run(["extract", str(path), "--format", "jsonl"], 2, (0,))


def bad_timeout(value: str) -> Callable:
    def build(work: Path, scale: float) -> Run:
        return Run(["extract", str(ROOT / "fixtures" / "india-us-defence-roadmap.txt"), "--timeout", value],
                   0, (2,), ["must be a number of seconds above 0"])
    return build


def many_records(work: Path, scale: float) -> str:
    return records(work / "many.jsonl", *[{"id": f"d{i}", "text": SEED} for i in range(sized(scale, 3_000))])


def closed_pipe(work: Path, scale: float) -> Run:
    return Run(["extract", many_records(work, max(scale, 0.1)), "--format", "jsonl", "--jobs", "2"], 0, (141,),
               quiet=True, then="close")


def interrupted(work: Path, scale: float) -> Run:
    return Run(["extract", many_records(work, max(scale, 0.1)), "--format", "jsonl", "--jobs", "2"], 0, (130,),
               ["interrupted"], then="interrupt")


def rule_file_case(files: Callable[[float], dict[str, str]], names: tuple[str, ...]) -> Callable:
    def build(work: Path, scale: float) -> Run:
        folder = work / "rules"
        folder.mkdir(exist_ok=True)
        for name, text in files(scale).items():
            if text.startswith("->"):
                (folder / name).symlink_to(text[2:])
            else:
                (folder / name).write_text(text, "utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir())
        return Run(["validate", str(folder)], 0, (2,), list(names), size=size)
    return build


def billion_laughs(scale: float) -> dict[str, str]:
    lines = ["notes:", "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 12)]
    return {"laughs.yaml": "\n".join(lines) + "\n"}


def deep_nesting(scale: float) -> dict[str, str]:
    return {"deep.yaml": "rules: " + "[" * 300 + "]" * 300 + "\n"}


def doubling_macros(scale: float) -> dict[str, str]:
    macros = "".join(f"  M{i}: '{{M{i + 1}}}{{M{i + 1}}}'\n" for i in range(20)) + "  M20: 'ab'\n"
    rule = ("rules:\n  - id: thing.big\n    type: thing\n    pattern: '{M0}'\n"
            "    examples: [{text: \"ab\", match: \"ab\"}]\n")
    return {"macros.yaml": "macros:\n" + macros + rule}


def outside_link(scale: float) -> dict[str, str]:
    outside = Path(tempfile.mkdtemp(prefix="hostile-outside-")) / "money.yaml"
    outside.write_text("rules: []\n", "utf-8")
    return {"money.yaml": f"->{outside}"}


def slow_segmentation(scale: float) -> dict[str, str]:
    return {"r.yaml": RUNAWAY_RULES.format(pattern="a", paragraph_break="(\\n|\\n\\n)+x")}


CASES: dict[str, Callable[[Path, float], Run]] = {
    "dollar signs": dollar_signs,
    "prices": prices,
    "unclosed quotes": unclosed_quotes,
    "runaway sentence rule": runaway_sentence_rule,
    "runaway paragraph_break": runaway_paragraph_break,
    "50 MB document": huge_document,
    "lone surrogate": lone_surrogate,
    "5,000-digit amount": long_amount,
    "nfd": nfd_text,
    "RFC 3339 date": feed_case({"id": "h", "text": "It cost $5 on Monday.", "date": "2019-01-04T10:00:00Z"}),
    "RFC 2822 date": feed_case({"id": "h", "text": "It cost $5 on Monday.", "date": "Fri, 04 Jan 2019 10:00:00 GMT"}),
    "BOM on first line": bom_first_line,
    "empty text": feed_case({"id": "h", "text": ""}, (1,), ("h", "empty")),
    "no-break spaces only": feed_case({"id": "h", "text": "\u00a0 \u00a0"}, (1,), ("h", "empty")),
    "numeric date": feed_case({"id": "h", "text": "It cost $5.", "date": 20190104}, (1,), ("h", "date")),
    "id null": feed_case({"id": None, "text": "It cost $5."}),
    "huge date": feed_case({"id": "h", "text": "It cost $5.", "date": "2019-01-04" + "x" * 100_000}, (1,), ("h",)),
    "2023-02-30": feed_case({"id": "h", "text": "It cost $5.", "date": "2023-02-30"}, (1,), ("h", "no day")),
    "broken JSON line": feed_case('{"id": "h", "text": "It cost', (1,), ("in.jsonl:1", "column")),
    "JSONL on stdin": jsonl_on_stdin,
    ".ndjson file": ndjson_file,
    ".json array": json_array,
    "--timeout -1": bad_timeout("-1"),
    "--timeout nan": bad_timeout("nan"),
    "closed pipe": closed_pipe,
    "Ctrl-C": interrupted,
    "billion laughs": rule_file_case(billion_laughs, ("laughs.yaml:", "aliases")),
    "nesting 300 deep": rule_file_case(deep_nesting, ("deep.yaml:1", "nested")),
    "self-doubling macros": rule_file_case(doubling_macros, ("macros.yaml:", "thing.big", "200,000")),
    "link outside the folder": rule_file_case(outside_link, ("money.yaml", "outside the rule folder")),
    "slow paragraph_break (validate)": rule_file_case(slow_segmentation, ("segmentation.paragraph_break",)),
}


def execute(run: Run, timeout: float) -> dict:
    """Run the command; its own CPU time and peak memory come from wait4 on its process."""
    proc = subprocess.Popen([sys.executable, "-m", "extractor", *run.args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    hung = threading.Event()

    def kill() -> None:
        hung.set()
        os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    stderr: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(proc.stderr.read()))
    reader.start()
    lines: list[bytes] = []
    stdout_text = ""
    if run.stdin:
        proc.stdin.write(run.stdin)
    proc.stdin.close()
    if run.then is None:
        lines = proc.stdout.readlines()
        stdout_text = b"".join(line for line in lines if not line.startswith(b"{")).decode("utf-8", "replace")
    else:
        lines.append(proc.stdout.readline())
        if run.then == "close":
            proc.stdout.close()
        else:
            time.sleep(0.5)
            os.killpg(proc.pid, signal.SIGINT)
            lines += proc.stdout.readlines()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"hung": hung.is_set(), "exit": proc.returncode,
            "out": sum(1 for line in lines if line.strip().startswith(b"{")),
            "stderr": b"".join(stderr).decode("utf-8", "replace"), "stdout": stdout_text, "cpu": usage.ru_utime + usage.ru_stime,
            "peak": usage.ru_maxrss / 1024}


def verdict(run: Run, got: dict) -> str:
    if got["hung"]:
        return "FAIL: did not finish"
    if got["exit"] not in run.exits:
        return f"FAIL: exit {got['exit']}, expected {' or '.join(map(str, run.exits))}"
    if run.then is None and got["out"] != run.docs_in:
        return f"FAIL: {run.docs_in} documents in, {got['out']} out"
    missing = [name for name in run.names if name not in got["stderr"] + got["stdout"]]
    if missing:
        return f"FAIL: the messages do not name {', '.join(missing)}"
    if run.quiet and got["stderr"]:
        return "FAIL: not quiet"
    if "Traceback" in got["stderr"]:
        return "FAIL: traceback"
    if got["cpu"] > run.cpu_limit:
        return f"FAIL: {got['cpu']:.1f} s CPU, over {run.cpu_limit:.0f} s"
    return "ok"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes relative to the issue's (default 1)")
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args()
    chosen = [c.strip() for c in args.only.split(",")] if args.only else list(CASES)
    subprocess.run([sys.executable, "-m", "extractor", "validate"], capture_output=True)   # fill the rule cache
    print(f"{'case':32} {'input':>11} {'CPU s':>7} {'peak MB':>8} {'exit':>4} {'docs':>5}  {'verdict':7} outcome")
    failed = 0
    for name in chosen:
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            run = CASES[name](Path(tmp), args.scale)
            got = execute(run, timeout=max(60.0, 2 * run.cpu_limit))
        result = verdict(run, got)
        failed += result != "ok"
        said = [line for line in (got["stderr"] + got.get("stdout", "")).splitlines() if line.strip()]
        first = next((line for line in said if not line.startswith(("usage:", " "))), "(nothing said)")
        first = first.removeprefix("extractor: ")
        first = first if len(first) <= 80 else first[:77] + "..."
        size = f"{run.size:,}" if run.size else "-"
        docs = f"{run.docs_in}/{got['out']}" if run.docs_in else "-"
        print(f"{name:32} {size:>11} {got['cpu']:7.2f} {got['peak']:8.0f} {str(got['exit']):>4} {docs:>5}  "
              f"{result:7} {first}")
    print(f"{len(chosen)} cases: {len(chosen) - failed} ok, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
