"""bench/score.py and bench/gold/build.py: offsets from surface strings, and the scoring rules."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

import pytest

from .conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "gold"))

from build import build, occurrences  # noqa: E402
from score import prf, same_value, score_document  # noqa: E402


def test_occurrences_count_at_word_boundaries_and_case_sensitively():
    text = "May said in May that Mayfair may close. may"
    assert occurrences(text, "May") == [0, 12]
    assert occurrences(text, '"x"') == []


def test_build_turns_surface_and_occurrence_into_a_span():
    source = {"id": "d", "corpus_id": "d", "items": [{"type": "date", "text": "May", "occurrence": 2, "timex": "2023-05"}]}
    built = build(source, "May said in May.")
    assert built["items"] == [{"type": "date", "span": [12, 15], "text": "May", "timex": "2023-05", "required": True}]
    with pytest.raises(ValueError, match="occurs 2 time"):
        build({**source, "items": [{**source["items"][0], "occurrence": 3}]}, "May said in May.")


def test_scoring_rules():
    gold = {"id": "d", "items": [
        {"type": "money", "span": [0, 3], "text": "$5m", "required": True, "amount": 5000000, "currency": "USD"},
        {"type": "money", "span": [10, 13], "text": "$6m", "required": True, "amount": 6000000, "currency": "USD"},
        {"type": "money", "span": [20, 23], "text": "$7m", "required": False, "amount": 7000000, "currency": "USD"},
    ]}
    outputs = [
        {"type": "money", "start": 0, "end": 3, "text": "$5m", "value": {"amount": 5000000, "currency": "USD"}},
        {"type": "money", "start": 10, "end": 13, "text": "$6m", "value": {"amount": 6000000, "currency": "CAD"}},
        {"type": "money", "start": 21, "end": 23, "text": "7m", "value": {"amount": 7000000, "currency": None}},
        {"type": "money", "start": 30, "end": 33, "text": "$8m", "value": {"amount": 8000000, "currency": "USD"}},
    ]
    counts: dict = defaultdict(lambda: defaultdict(int))
    misses: list = []
    score_document(gold, outputs, counts, misses)
    c = counts["money"]
    assert (c["span_tp"], c["span_fp"], c["span_fn"]) == (2, 1, 0)       # the optional near-miss counts neither way
    assert (c["strict_tp"], c["strict_fp"], c["strict_fn"]) == (1, 2, 1)   # CAD is a wrong value
    assert [m[2] for m in misses] == ["wrong value", "false positive"]
    assert prf(2, 1, 0)[0] == pytest.approx(2 / 3)


def test_parties_compare_as_a_set_without_a_leading_article():
    gold = {"lemma": "agree", "parties": ["U.S.", "Japan"]}
    assert same_value("agreement", gold, {"lemma": "agree", "parties": ["japan", "the U.S."]})
    assert not same_value("agreement", gold, {"lemma": "agree", "parties": ["the U.S."]})
    assert not same_value("agreement", gold, {"lemma": "sign", "parties": ["U.S.", "Japan"]})


@pytest.mark.skipif(not (SHARED / "corpus" / "news.jsonl").is_file(), reason="no ../shared/corpus")
def test_the_gold_files_are_built_from_their_sources():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "gold" / "build.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    names = {p.name for p in (ROOT / "bench" / "gold").glob("*.json")}
    assert len(names) >= 24 and names == {p.name for p in (ROOT / "bench" / "gold" / "src").glob("*.json")}
    ids = {json.loads((ROOT / "bench" / "gold" / n).read_text())["corpus_id"] for n in names}
    allowed = {line.strip() for line in (SHARED / "corpus" / "dev-ids.txt").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert ids <= allowed                          # only the articles we may annotate
