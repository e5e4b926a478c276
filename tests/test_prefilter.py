"""Prefilter: a piece it calls absent has no match, whatever the text; without Hyperscan, or
for a text it cannot vouch for, it calls nothing absent."""
from __future__ import annotations

import json
import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import prefilter
from extractor.prefilter import Prefilter

from .conftest import FIXTURES, SHARED

needs_hyperscan = pytest.mark.skipif(prefilter.hyperscan is None, reason="hyperscan is not installed")


def _pieces(engine):
    return engine.rules.prefilter.patterns if engine.rules.prefilter else {}


def _check(pieces, filter_, text):
    for key in filter_.absent(text):
        assert pieces[key].search(text) is None, (pieces[key].pattern[:80], text[:200])


@needs_hyperscan
def test_most_pieces_of_the_built_in_rules_are_prefiltered(engine):
    wanted = {p for _, rules in engine.rules.stages for r in rules for p in (r.requires or r.anchors)}
    assert len(_pieces(engine)) >= len(wanted) - 3


@needs_hyperscan
def test_absent_pieces_have_no_match_in_the_fixtures(engine):
    filter_ = engine.rules.prefilter
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    ruled_out = 0
    for text in texts:
        _check(_pieces(engine), filter_, text)
        ruled_out += len(filter_.absent(text))
    assert ruled_out > 0      # it does rule some out


@needs_hyperscan
@pytest.mark.skipif(not (SHARED / "corpus" / "news.jsonl").is_file(), reason="no ../shared corpus")
def test_absent_pieces_have_no_match_in_corpus_articles(engine):
    with (SHARED / "corpus" / "news.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for i, line in enumerate(handle) if i % 25 == 0]
    for text in texts:
        _check(_pieces(engine), engine.rules.prefilter, text)


# Text made of the words the rules look for, in any case, and characters that tell Python's
# and Hyperscan's readings apart (a combining mark, dotless i, superscripts, odd spaces).
_WORDS = ["said", "told", "minister", "Minister", "former", "$", "£", "USD", "million", "bn", "March",
          "Monday", "2023", "1990s", "week", "ago", "later", "between", "from", "to", "agreed", "signed",
          "deal", "the", "“", "”", '"', "''", "’", "chairman", "President", "ſ", "K", "ı", "İ", "é",
          "e\u0301", "²", "½", "\u200d", "\x1c", "\u00a0", "\u2009", "\n\n", ", ", "."]


@needs_hyperscan
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), max_size=40),
       st.lists(st.sampled_from([" ", "", "  ", "\t", "-"]), min_size=40, max_size=40))
def test_absent_pieces_have_no_match_in_any_text(engine, words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    _check(_pieces(engine), engine.rules.prefilter, text)


@needs_hyperscan
@pytest.mark.parametrize("char", ["\u0131", "\u0301", "\u00b2", "\x1c", "\u4e2d", "\U0001f600"])
def test_a_text_with_a_character_it_cannot_vouch_for_is_not_prefiltered(char):
    filter_ = Prefilter({"minister": re.compile(r"\bminister\b"), "z": re.compile("zzz")})
    assert filter_.absent("the minister") == ["z"]
    assert filter_.absent("the minister " + char) == []


@needs_hyperscan
def test_it_survives_pickling():
    filter_ = Prefilter({1: re.compile("minister"), 2: re.compile("zzz")})
    again = pickle.loads(pickle.dumps(filter_))
    assert again.absent("the minister") == [2]


@needs_hyperscan
def test_a_piece_hyperscan_refuses_is_left_out():
    database, kept = prefilter._compile([b"ab", b"a\\Kb", b"c"])
    assert kept == [True, False, True]
    import regex
    assert prefilter._expression(regex.compile(r"\d\Kx")) == rb"\dx"     # \K only moves the start


def test_without_hyperscan_nothing_is_absent(monkeypatch):
    monkeypatch.setattr(prefilter, "hyperscan", None)
    assert Prefilter({0: re.compile("zzz")}).absent("the minister") == []


def test_a_bounded_repeat_of_a_group_is_read_without_bound():
    import regex
    expression = prefilter._expression(regex.compile(r"signed\s+(?:\S+\s+){0,6}?deal(?:s|\)){1,2}x{0,3}\){0,2}"))
    assert expression == rb"signed\s+(?:\S+\s+)*deal(?:s|\))+x{0,3}\){0,2}"     # classes and \) stay


@needs_hyperscan
def test_a_word_gap_still_rules_out_what_it_cannot_match():
    gap = re.compile(r"signed\s+(?:\S+\s+){0,2}deal")
    filter_ = Prefilter({0: gap})
    assert filter_.absent("a deal was signed") == [0]
    assert filter_.absent("signed a new deal") == []
    assert filter_.absent("signed one two three four deal") == []      # more than it should: allowed
