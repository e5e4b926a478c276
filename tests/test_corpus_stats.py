"""extractor stats and diff: counts per rule and type, never-firing rules, and the changes a
rule edit makes over a corpus."""
from __future__ import annotations

import json

from extractor import Engine
from extractor.cli import main
from extractor.corpus_stats import corpus_stats, diff_outputs, diff_report
from extractor.inputs import Document

from .conftest import EUROS_RULE, MINIMAL_RULE, write_rules

DOCS = [Document("a", "It cost $5 and $6."), Document("b", "Nothing here."), Document("c", None, error="bad")]


def test_stats_count_rules_and_types_and_name_the_silent_rules(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"money.yaml": MINIMAL_RULE, "euros.yaml": EUROS_RULE}))
    stats = corpus_stats(engine, DOCS)
    assert (stats.documents, stats.failed) == (3, 1)
    assert stats.by_rule == {"money.dollars": 2} and stats.by_type == {"money": 2}
    assert stats.never_fired == ["money.euros"]
    assert "never fired (1): money.euros" in stats.table()


def test_diff_groups_added_lost_and_changed_by_rule(tmp_path):
    old = Engine.from_directory(write_rules(tmp_path / "old", {"money.yaml": MINIMAL_RULE}))
    changed = MINIMAL_RULE.replace("{currency: USD}", "{currency: CAD}")
    new = Engine.from_directory(write_rules(tmp_path / "new", {"money.yaml": changed, "euros.yaml": EUROS_RULE}))
    docs = [Document("a", "It cost $5 or €7.")]
    changes = diff_outputs(old, new, docs)
    assert [(c.kind, c.rule) for c in changes] == [("changed", "money.dollars"), ("added", "money.euros")]
    report = diff_report(changes, len(docs))
    assert report.startswith("1 documents: 1 extractions added, 0 lost, 1 changed")
    assert '"currency": "USD"' in report and '"currency": "CAD"' in report


def test_the_commands(tmp_path, capsys):
    folder = write_rules(tmp_path / "rules", {"money.yaml": MINIMAL_RULE, "euros.yaml": EUROS_RULE})
    layer = write_rules(tmp_path / "mine", {"layer.yaml": "layer: {extends: ../rules, disable: [money.euros]}\n"})
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "It cost $5 or €7."}) + "\n", "utf-8")
    assert main(["stats", str(corpus), "--rules", str(folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["rules"] == {"money.dollars": 1, "money.euros": 1}
    assert main(["diff", str(corpus), "--rules", str(folder), "--rules", str(layer)]) == 0
    out = capsys.readouterr().out
    assert "0 extractions added, 1 lost, 0 changed" in out and "lost 1  money.euros" in out
