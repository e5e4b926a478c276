"""The `extractor` command: extract, test, validate, fixtures."""
from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, TextIO

from .corpus_stats import corpus_stats, diff_outputs, diff_report
from .engine import Engine
from .explaining import explanation_text
from .errors import RuleError
from .examples import run_examples
from .fixtures import check_fixtures, update_fixtures
from .inputs import FORMATS, Document, read_documents
from .layers import write_starter
from .normalising.dates import DATE_ORDERS
from .lint import lint
from .loading import builtin_rules_dir, rule_files
from .output import Result, to_json, to_table
from .report import render
from .stress import UNITS, stress_check

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_RULES = 0, 1, 2
EXIT_PIPE_CLOSED, EXIT_INTERRUPTED = 141, 130     # as a shell reports SIGPIPE and SIGINT

EXTRACT_HELP = """\
Extract dates, money, titles, quotes and agreements from news text.

FILE is a text file, - for standard input, a JSON Lines file (.jsonl, .ndjson) of
{"id", "text", "date"} records, or a .json file holding an array of them (one result per
record, in input order). Standard input is read as JSON Lines when its first line is a JSON
object with "text", else as one text; stderr says which (--input-format chooses). A document
that cannot be read is reported on stderr, the others are still extracted, and the exit
code is 1.

example:
  extractor extract fixtures/india-us-defence-roadmap.txt --format text
  extractor extract articles.jsonl --format jsonl --types date,money > out.jsonl
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Rule-based information extraction for news text.",
        epilog="example: extractor extract article.txt --date 2023-06-05 --format text")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the engine does")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = _command(sub, "extract", "extract from files", EXTRACT_HELP)
    extract.add_argument("files", nargs="+", metavar="FILE")
    _rules_option(extract)
    extract.add_argument("--date", help="reference date YYYY-MM-DD for relative dates "
                                        "(default: a JSONL record's date, else the document's dateline)")
    extract.add_argument("--date-order", choices=DATE_ORDERS, default=None,
                         help="how to read 05/06/2023 when no number over 12 settles it (default DMY, day first)")
    extract.add_argument("--format", choices=("json", "jsonl", "text"), default="json",
                         help="json (default), jsonl (one document a line) or text (a table for people)")
    extract.add_argument("--types", help="comma-separated types to keep, e.g. date,money")
    extract.add_argument("--input-format", choices=FORMATS, default="auto",
                         help="how to read FILE: auto (default: by its name; standard input by its "
                              "first line), text, jsonl or json")
    extract.add_argument("--timeout", type=_seconds, default=None,
                         help="seconds one rule may spend on one document before its matches there "
                              "are given up (default 2, per million characters)")
    extract.add_argument("--budget", type=_seconds, default=None,
                         help="seconds one document may take before its remaining rules are skipped "
                              "and reported (default 10, per million characters)")
    extract.add_argument("--jobs", type=_positive, default=1, metavar="N",
                         help="worker processes (default 1); the output is the same, in input order")

    test = _command(sub, "test", "run the examples written in the rule files",
                    "Run every rule's examples and counter-examples; report failures by file, line "
                    "and rule id. Without --rules: the folder rules/ here if there is one (the rules "
                    "you are editing, however extractor was installed), else the built-in rules; the "
                    "first line says which.\n\nexample:\n  extractor test --rules my-rules/")
    _rules_option(test, AUTHOR_DEFAULT)

    validate = _command(sub, "validate", "check rule files without running anything",
                        "Load and compile a rule folder; print the first problem with file, line "
                        "and rule id. Then run the rules over stress texts (long runs of letters, "
                        "digits, signs, quotation marks...) and name any pattern that runs out of "
                        "time there (catastrophic backtracking).\n\nexample:\n  extractor validate rules/")
    validate.add_argument("directory", nargs="?", help=f"rule folder (default: {AUTHOR_DEFAULT})")

    lint_ = _command(sub, "lint", "what is legal in the rules but probably not meant",
                     "Rules with no counter-examples, surfaces two lexicons give different values, "
                     "rules that never fire on the fixtures, repeated groups that repeat inside "
                     "(catastrophic backtracking) and patterns that run away on stress texts, rules "
                     "without requires: or anchor: (tried at every position). Exit code 1 if it "
                     "finds anything.\n\nexample:\n  extractor lint --rules my-rules --fixtures fixtures")
    _rules_option(lint_, AUTHOR_DEFAULT)
    lint_.add_argument("--fixtures", default="fixtures", metavar="DIR",
                       help="texts the rules should fire on (default: fixtures, if there is one)")

    explain = _command(sub, "explain", "why each extraction came out as it did, and why a span did not",
                       "Extract TEXT (or the text of FILE) and show, for each extraction, the rule "
                       "and its file and line, its groups, the mentions its constraints used and the "
                       "steps of its value. --why-not SPAN lists the rules that could have produced "
                       "SPAN and the first check that failed for each.\n\nexample:\n"
                       "  extractor explain 'Chief Scientist Soumya Swaminathan said so.' "
                       "--why-not 'Soumya Swaminathan'")
    explain.add_argument("text", metavar="TEXT|FILE")
    _rules_option(explain)
    explain.add_argument("--date", help="reference date YYYY-MM-DD")
    explain.add_argument("--why-not", action="append", default=[], metavar="SPAN",
                         help="a span that was not extracted (may be given more than once)")
    explain.add_argument("--format", choices=("text", "json"), default="text")

    report = _command(sub, "report", "one self-contained HTML page of documents with their extractions",
                      "Extract FILE... (as extract reads them) and write one static page, no network "
                      "needed: each document with its extractions highlighted by type (hover: rule and "
                      "value; click: details), a table of them, and its people.\n\nexample:\n"
                      "  extractor report fixtures/*.txt -o report.html")
    _batch_arguments(report)
    report.add_argument("-o", "--output", required=True, metavar="PAGE", help="the HTML file to write")

    stats = _command(sub, "stats", "hits per rule and per type over a corpus; rules that never fire",
                     "Run the rules over FILE... (as extract reads them) and count each rule's "
                     "mentions (internal ones too) and each type's extractions; list the rules "
                     "that never fired.\n\nexample:\n  extractor stats corpus.jsonl --rules my-rules")
    _batch_arguments(stats)
    stats.add_argument("--format", choices=("text", "json"), default="text")

    diff = _command(sub, "diff", "what a rule change does to the output over a corpus",
                    "Extract FILE... with two rule folders and list the extractions added, lost and "
                    "changed (same type and span, another value or rule), grouped by rule, with a few "
                    "examples each.\n\nexample:\n"
                    "  extractor diff corpus.jsonl --rules rules-before --rules rules/")
    _batch_arguments(diff, rules=False)
    diff.add_argument("--rules", action="append", metavar="DIR", required=True,
                      help="give twice: the old rule folder, then the new one ('builtin' for the built-in rules)")
    diff.add_argument("--examples", type=_positive, default=3, metavar="N", help="examples per group (default 3)")

    init = _command(sub, "init", "write a starter folder of rules on top of the built-in ones",
                    "Write DIR/layer.yaml (the folder builds on the built-in rules and can switch some "
                    "off) and DIR/additions.yaml (a lexicon extended, a new rule with its examples). "
                    "Every command takes the folder with --rules DIR.\n\nexample:\n"
                    "  extractor init my-rules && extractor test --rules my-rules")
    init.add_argument("directory", metavar="DIR")

    fixtures = _command(sub, "fixtures", "compare golden fixtures, or --update them",
                        "Extract each DIR/NAME.txt and compare with DIR/NAME.json. --update rewrites "
                        "the ones that differ and prints the diff for review.\n\nexample:\n"
                        "  extractor fixtures --dir fixtures")
    fixtures.add_argument("--dir", default="fixtures", help="fixture folder (default: fixtures)")
    fixtures.add_argument("--update", action="store_true", help="rewrite golden files that differ")
    _rules_option(fixtures)
    return parser


def _batch_arguments(parser: argparse.ArgumentParser, rules: bool = True) -> None:
    """FILE... as `extract` reads them, a reference date for all, and (usually) --rules."""
    parser.add_argument("files", nargs="+", metavar="FILE")
    if rules:
        _rules_option(parser)
    parser.add_argument("--date", help="reference date for every document (default: each record's)")


def _seconds(value: str) -> float:
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _command(sub: Any, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=summary, description=description,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


AUTHOR_DEFAULT = "rules/ here if there is one, else the built-in rules"


def _rules_option(parser: argparse.ArgumentParser, default: str = "the built-in rules") -> None:
    parser.add_argument("--rules", metavar="DIR", help=f"rule folder, with the folders its layer.yaml "
                                                      f"builds on (default: {default})")


def _author_rules(given: str | None) -> str | None:
    """The folder a rule author means: the one given, else rules/ here, else the built-ins."""
    if given is None and Path("rules").is_dir() and rule_files(Path("rules")):
        given = "rules"
    print(f"rules: {given + '/' if given else 'built-in (' + str(builtin_rules_dir()) + ')'}")
    return given


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()              # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:             # `extractor extract big.jsonl | head`: end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # no second error at exit
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except RuleError as exc:
        for error in exc.all():
            print(f"extractor: rule error: {error}", file=sys.stderr)
        return EXIT_RULES
    except (ValueError, OSError) as exc:
        print(f"extractor: {exc}", file=sys.stderr)
        return EXIT_RULES


def _engine(rules: str | None, timeout: float | None = None, budget: float | None = None) -> Engine:
    limits = {"timeout": timeout, "budget": budget}
    return Engine.from_directory(rules, **{name: value for name, value in limits.items() if value is not None})


def _extract(args: argparse.Namespace) -> int:
    engine = _engine(args.rules, args.timeout, args.budget)
    types = [t.strip() for t in args.types.split(",")] if args.types else None
    engine.check_types(types)              # an unknown type stops the run before any document
    results, failed = [], 0
    progress = Progress(sys.stderr)
    options = (args.date, types, args.date_order)
    documents = read_documents(args.files, input_format=args.input_format,
                               notice=lambda message: print(f"extractor: {message}", file=sys.stderr))
    outcomes = (_in_processes(engine, documents, options, args.jobs) if args.jobs > 1
                else ((d, _result(engine, d, *options)) for d in documents))
    for document, result in outcomes:
        _report(document, result)
        failed += not result.ok
        if args.format == "json":
            results.append(result)
        else:
            _write(result, args.format, sys.stdout)
        progress.tick()
    progress.done()
    if args.format == "json":
        data = results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results]
        print(to_json(data, indent=2))
    return EXIT_DOCUMENT_FAILED if failed else EXIT_OK


def _result(engine: Engine, document: Document, date: str | None, types: list[str] | None,
            date_order: str | None = None) -> Result:
    if document.error is not None:
        return Result(document.id, None, errors=[{"message": document.error}])
    try:
        return engine.extract(document.text or "", reference_date=date or document.date,
                              id=document.id, types=types, date_order=date_order)
    except (ValueError, TypeError) as exc:     # a record's bad date or text: reported, not fatal
        return Result(document.id, None, errors=[{"message": str(exc)}])


def _report(document: Document, result: Result) -> None:
    if document.error is not None:
        print(f"extractor: {document.error}", file=sys.stderr)
        return
    for error in result.errors:
        print(f"extractor: {document.id}: {error['message']}", file=sys.stderr)


BATCH = 16          # documents sent to a worker at a time


def _in_processes(engine: Engine, documents: Iterable[Document], options: tuple, jobs: int,
                  ) -> Iterator[tuple[Document, Result]]:
    """Each document with its result, in input order, extracted by `jobs` worker processes.
    Workers get the engine with its compiled rules once, at start; a few batches per worker
    are in flight at a time, so a long input is never read into memory whole."""
    documents = iter(documents)
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(engine, options))
    try:
        pending: deque[tuple[list[Document], Future]] = deque()
        while True:
            while len(pending) < 4 * jobs:
                batch = list(islice(documents, BATCH))
                if not batch:
                    break
                pending.append((batch, pool.submit(_work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from zip(batch, future.result())
    finally:     # done, or stopped early (a closed pipe, Ctrl-C): queued batches are dropped
        pool.shutdown(wait=True, cancel_futures=True)


_worker: dict[str, Any] = {}      # in a worker process: its engine and options


def _start_worker(engine: Engine, options: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the main process's to handle
    _worker["engine"], _worker["options"] = engine, options


def _work(batch: list[Document]) -> list[Result]:
    return [_result(_worker["engine"], document, *_worker["options"]) for document in batch]


def _write(result: Result, fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        out.write(to_json(result.to_dict()) + "\n")
    else:
        out.write(to_table(result) + "\n\n")


class Progress:
    """A document count on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO, every: int = 50) -> None:
        self.stream, self.every, self.count = stream, every, 0
        self.enabled = stream.isatty()

    def tick(self) -> None:
        self.count += 1
        if self.enabled and self.count % self.every == 0:
            self.stream.write(f"\r{self.count} documents")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled and self.count >= self.every:
            self.stream.write(f"\r{self.count} documents\n")


def _test(args: argparse.Namespace) -> int:
    engine = _engine(_author_rules(args.rules))
    count, failures = run_examples(engine)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len(engine.rules.rules)} rules, {count} examples: {count - len(failures)} passed, "
          f"{len(failures)} failed")
    return EXIT_DOCUMENT_FAILED if failures else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    engine = _engine(_author_rules(args.directory))
    problems = stress_check(engine)
    for problem in problems:
        print(f"slow: {problem}")
    if problems:
        return EXIT_RULES
    print(f"ok: {len(engine.rules.rules)} rules, {len(engine.rules.lexicons)} lexicons, "
          f"{len(engine.source.macros)} macros in {len(engine.source.files)} files; "
          f"no pattern slow on {len(UNITS)} stress texts")
    return EXIT_OK


def _fixtures(args: argparse.Namespace) -> int:
    engine, directory = _engine(args.rules), Path(args.dir)
    if not directory.is_dir():
        raise ValueError(f"{directory}: no such fixture folder")
    if args.update:
        changed = update_fixtures(engine, directory)
        for check in changed:
            print(check.diff() or f"{check.name}.json: written")
        print(f"{len(changed)} golden file(s) rewritten; review the diff before committing")
        return EXIT_OK
    checks = check_fixtures(engine, directory)
    for check in checks:
        if not check.ok:
            print(check.diff() if check.expected is not None else f"{check.name}.json: no golden file")
    bad = sum(not c.ok for c in checks)
    print(f"{len(checks)} fixtures: {len(checks) - bad} match, {bad} differ")
    return EXIT_DOCUMENT_FAILED if bad else EXIT_OK


def _lint(args: argparse.Namespace) -> int:
    engine = _engine(_author_rules(args.rules))
    findings = lint(engine, Path(args.fixtures))
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s) in {len(engine.rules.rules)} rules")
    return EXIT_DOCUMENT_FAILED if findings else EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    engine = _engine(args.rules)
    path = Path(args.text)
    text = path.read_text("utf-8") if "\n" not in args.text and len(args.text) < 4096 and path.is_file() else args.text
    data = engine.explain(text, args.date, args.why_not)
    print(to_json(data, indent=2) if args.format == "json" else explanation_text(data))
    return EXIT_OK


def _report_page(args: argparse.Namespace) -> int:
    engine = _engine(args.rules)
    pairs, failed = [], 0
    for document in read_documents(args.files):
        result = _result(engine, document, args.date, None)
        _report(document, result)
        failed += not result.ok
        pairs.append((document.text or "", result))
    Path(args.output).write_text(render(pairs, title=f"extractor report: {len(pairs)} documents"), "utf-8")
    print(f"wrote {args.output}: {len(pairs)} documents, {sum(len(r.extractions) for _, r in pairs)} extractions")
    return EXIT_DOCUMENT_FAILED if failed else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    engine = _engine(args.rules)
    stats = corpus_stats(engine, read_documents(args.files), args.date)
    print(to_json(stats.to_dict(), indent=2) if args.format == "json" else stats.table())
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    if len(args.rules) != 2:
        raise ValueError("diff takes --rules twice: the old rule folder, then the new one")
    old, new = (_engine(None if r == "builtin" else r) for r in args.rules)
    documents = list(read_documents(args.files))
    print(diff_report(diff_outputs(old, new, documents, args.date), len(documents), args.examples))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    folder = Path(args.directory)
    written = write_starter(folder)
    for path in written:
        print(f"wrote {path}")
    print(f"next: edit them, then run  extractor test --rules {folder}")
    return EXIT_OK


COMMANDS = {"extract": _extract, "test": _test, "validate": _validate, "fixtures": _fixtures, "init": _init,
            "stats": _stats, "diff": _diff, "explain": _explain, "lint": _lint,
            "report": _report_page}

if __name__ == "__main__":
    sys.exit(main())
