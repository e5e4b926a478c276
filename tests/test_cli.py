"""The command line: formats, batches with bad documents, rule errors, help."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from extractor.cli import main

from .conftest import FIXTURES, SEGMENTATION_RUNAWAY, SENTENCE_RUNAWAY, write_rules

SEED = str(FIXTURES / "india-us-defence-roadmap.txt")


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin, capture_output=True)


def test_extract_json_matches_golden(capsys):
    assert main(["extract", SEED]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == json.loads((FIXTURES / "india-us-defence-roadmap.json").read_text("utf-8"))


def test_extract_text_table_and_types(capsys):
    assert main(["extract", SEED, "--format", "text", "--types", "money,date"]) == 0
    out = capsys.readouterr().out
    assert "USD 3 billion" in out and "May last year" in out
    assert "quote" not in out


def test_unknown_type_is_a_usage_error(capsys):
    assert main(["extract", SEED, "--types", "weather"]) == 2
    assert "unknown type(s) weather" in capsys.readouterr().err


def test_date_option_overrides_dateline(capsys):
    assert main(["extract", SEED, "--format", "jsonl", "--date", "2023-06-07", "--types", "date"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["reference_date"] == "2023-06-07"
    assert {e["text"]: e["value"]["timex"] for e in doc["extractions"]}["Monday"] == "2023-06-05"


def test_stdin():
    done = run_cli("extract", "-", "--format", "jsonl", "--date", "2023-06-05",
                   stdin="They met on Friday and paid $5 million.".encode())
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["id"] == "stdin"
    assert [e["text"] for e in doc["extractions"]] == ["Friday", "$5 million"]


def test_batch_reports_bad_documents_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Rates rose on Friday, the bank said.", "utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners paid \xa35m.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    records = tmp_path / "batch.jsonl"
    records.write_text('{"id": "a", "text": "They paid $5m on Monday.", "date": "2023-06-05"}\n'
                       '{"id": "b", "date": "2023-06-05"}\n'
                       'not json\n'
                       '{"id": "c", "text": "Nothing here."}\n', "utf-8")
    done = run_cli("extract", str(good), str(tmp_path / "latin1.txt"), str(tmp_path / "empty.txt"),
                   str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt"), str(records),
                   "--format", "jsonl")
    assert done.returncode == 1
    docs = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [d["id"] for d in docs] == ["good", "latin1", "empty", "binary", "missing", "a", "b", "batch:3", "c"]
    ok = {d["id"]: d for d in docs if "errors" not in d}
    assert set(ok) == {"good", "a", "c"}
    assert [e["text"] for e in ok["a"]["extractions"]] == ["$5m", "Monday"]
    err = done.stderr.decode()
    assert "not valid UTF-8" in err and "empty document" in err and "binary file" in err
    assert "no such file" in err and "batch.jsonl:2: record has no \"text\"" in err
    assert "batch.jsonl:3: not valid JSON" in err
    assert "Traceback" not in err


def test_rule_error_exit_2_without_traceback(tmp_path):
    write_rules(tmp_path, {"bad.yaml": "rules:\n  - id: money.x\n    type: money\n    pattern: '(x'\n"
                                       "    examples: [{text: x, match: x}]\n"})
    for args in (("validate", str(tmp_path)), ("extract", SEED, "--rules", str(tmp_path)),
                 ("test", "--rules", str(tmp_path))):
        done = run_cli(*args)
        assert done.returncode == 2
        err = done.stderr.decode()
        assert err.count("\n") == 1 and "bad.yaml:2: rule money.x: bad pattern" in err
        assert "Traceback" not in err


def test_validate_and_test_builtin_rules():
    done = run_cli("validate")
    assert done.returncode == 0 and b"ok:" in done.stdout
    done = run_cli("test")
    assert done.returncode == 0, done.stdout.decode()
    assert b" 0 failed" in done.stdout


def test_test_command_reports_failing_example(tmp_path):
    rules = (FIXTURES.parent / "rules")
    for path in rules.rglob("*.yaml"):
        target = tmp_path / path.relative_to(rules)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text("utf-8"), "utf-8")
    money = tmp_path / "money.yaml"
    money.write_text(money.read_text("utf-8").replace('match: "€40m"', 'match: "€41m"'), "utf-8")
    done = run_cli("test", "--rules", str(tmp_path))
    assert done.returncode == 1
    out = done.stdout.decode()
    assert "money.yaml:" in out and "rule money.before" in out and "'€41m'" in out
    assert "1 failed" in out


@pytest.mark.parametrize("command", ["extract", "test", "validate", "fixtures"])
def test_help_has_an_example(command):
    done = run_cli(command, "--help")
    assert done.returncode == 0
    assert b"example" in done.stdout


def test_fixtures_command_shows_diff(tmp_path):
    (tmp_path / "doc.txt").write_text("They paid $5m.", "utf-8")
    (tmp_path / "doc.json").write_text("{}\n", "utf-8")
    done = run_cli("fixtures", "--dir", str(tmp_path))
    assert done.returncode == 1 and b"--- doc.json (golden)" in done.stdout
    assert run_cli("fixtures", "--dir", str(tmp_path), "--update").returncode == 0
    assert run_cli("fixtures", "--dir", str(tmp_path)).returncode == 0


def test_date_order_option(tmp_path, capsys):
    path = tmp_path / "d.txt"
    path.write_text("Filed on 05/06/2023.", encoding="utf-8")
    assert main(["extract", str(path), "--date-order", "MDY"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["value"]["timex"] for e in out["extractions"]] == ["2023-05-06"]


def test_jobs_give_the_same_output_in_input_order(tmp_path):
    records = [{"id": p.stem, "text": p.read_text("utf-8")} for p in sorted(FIXTURES.glob("*.txt"))]
    records.insert(2, {"id": "no-text"})                       # a bad record among good ones
    records *= 3                                               # more than one batch per worker
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    one = run_cli("extract", str(batch), "--format", "jsonl")
    two = run_cli("extract", str(batch), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 1               # the bad record is reported
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == len(records)
    assert one.stderr == two.stderr


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["extract", SEED, "--jobs", "0"])


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_a_lone_surrogate_or_a_huge_number_loses_nothing(tmp_path, fmt):
    records = [{"id": "a", "text": "It cost $5 on Monday."},
               {"id": "b", "text": 'He said: "We will win \udc00 today," Singh said.'},
               {"id": "c", "text": "A sum of $" + "9" * 5000 + " and $7 were paid."},
               {"id": "d", "text": "It cost $6 on Tuesday."}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    done = run_cli("extract", str(batch), "--format", fmt)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    if fmt == "jsonl":
        results = [json.loads(line) for line in out.splitlines()]
        assert [r["id"] for r in results] == ["a", "b", "c", "d"]
        assert "\udc00" in results[1]["extractions"][0]["text"]          # read back as written
        assert [e["text"] for e in results[2]["extractions"] if e["type"] == "money"] == ["$7"]
    elif fmt == "json":
        assert [r["id"] for r in json.loads(out)] == ["a", "b", "c", "d"]
    else:
        assert out.count("# ") == 4 and "\\udc00" in out


def test_feed_dates_are_read_and_bad_ones_reported(tmp_path):
    records = [{"id": "rfc3339", "text": "It happened on Monday.", "date": "2023-06-07T10:00:00Z"},
               {"id": "rss", "text": "It happened on Monday.", "date": "Wed, 07 Jun 2023 10:00:00 GMT"},
               {"id": "number", "text": "It happened on Monday.", "date": 20230607},
               {"id": "last", "text": "It cost $5."}]
    batch = tmp_path / "feed.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    done = run_cli("extract", str(batch), "--format", "jsonl")
    results = {r["id"]: r for r in map(json.loads, done.stdout.decode("utf-8").splitlines())}
    assert done.returncode == 1 and list(results) == ["rfc3339", "rss", "number", "last"]
    for name in ("rfc3339", "rss"):
        assert results[name]["reference_date"] == "2023-06-07"
        assert results[name]["extractions"][0]["value"]["timex"] == "2023-06-05"
    assert "not int" in results["number"]["errors"][0]["message"]
    assert b"number: reference date must be" in done.stderr
    assert results["last"]["extractions"][0]["text"] == "$5"


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
def test_timeout_must_be_positive_seconds(value):
    with pytest.raises(SystemExit):
        main(["extract", SEED, "--timeout", value])


def test_feed_records_with_a_bom_null_id_or_blank_text(tmp_path):
    lines = [json.dumps({"id": "first", "text": "It cost $5."}), json.dumps({"id": None, "text": "It cost $6."}),
             json.dumps({"id": "blank", "text": "\u00a0 \n"}), json.dumps({"id": "empty", "text": ""}),
             '{"id": "broken", "text": "x"']
    batch = tmp_path / "feed.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    nbsp = tmp_path / "nbsp.txt"
    nbsp.write_text("\u00a0\u00a0\n", "utf-8")
    done = run_cli("extract", str(batch), str(nbsp), "--format", "jsonl")
    results = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in results] == ["first", "feed:2", "blank", "empty", "feed:5", "nbsp"]
    assert results[0]["extractions"][0]["text"] == "$5"                 # the BOM lost nothing
    assert results[1]["extractions"][0]["text"] == "$6"
    err = done.stderr.decode("utf-8")
    assert err.count('empty "text"') == 2 and "nbsp.txt: empty document" in err
    assert "not valid JSON (" in err and "at column" in err


def _many_records(tmp_path, count: int = 400):
    path = tmp_path / "many.jsonl"
    seed = open(SEED, encoding="utf-8").read()
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": seed}) + "\n" for i in range(count)), "utf-8")
    return str(path)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_ends_quietly(tmp_path, jobs):
    """`extractor extract big.jsonl | head -1`: no "[Errno 32]", no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", _many_records(tmp_path),
                             "--format", "jsonl", "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert json.loads(proc.stdout.readline())["id"] == "d0"
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert stderr == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_with_one_line(tmp_path, jobs):
    import os
    import signal
    import time
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", _many_records(tmp_path),
                             "--format", "jsonl", "--jobs", jobs], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    proc.stdout.readline()                  # extracting has begun
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)      # as a terminal sends Ctrl-C: to the whole group
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert stderr.decode().splitlines() == ["extractor: interrupted"]


def test_validate_names_the_patterns_that_run_away_on_stress_texts(tmp_path):
    """Both compile and pass their examples; only the stress texts show them up."""
    write_rules(tmp_path, {"seg.yaml": SEGMENTATION_RUNAWAY, "r.yaml": SENTENCE_RUNAWAY})
    done = run_cli("validate", str(tmp_path))
    assert done.returncode == 2
    out = done.stdout.decode()
    assert "slow: segmentation.paragraph_break: took over 0.5 s on 20,000 characters of line breaks" in out
    assert "slow: thing.runaway: took over 0.5 s on 20,000 characters of letters" in out
