"""Compiling: pre-filters are split into the alternatives the `regex` module scans fastest."""
from __future__ import annotations

import pytest

from extractor.compiling import split_alternatives


@pytest.mark.parametrize("pattern,pieces", [
    ("(?:week|month)", ["week", "month"]),
    ("(?:a|b(?:c|d))|e", ["a", "b(?:c|d)", "e"]),
    (r"\d(?:[/.-]\d|x)|y\b", [r"\d(?:[/.-]\d|x)", r"y\b"]),
    ("(?:a)(?:b|c)", ["(?:a)(?:b|c)"]),           # not one group: left whole
    ("[|(]|x", ["[|(]", "x"]),                     # | and ( inside a class do not count
    (r"\||x", [r"\|", "x"]),
])
def test_split_alternatives(pattern, pieces):
    assert split_alternatives(pattern) == pieces


def test_pieces_scanned_by_re_find_what_regex_finds(engine):
    # Pre-filters and anchors that `re` can read are scanned by it (compiling.scanner): every
    # such piece of the built-in rules gives the same hits as the `regex` pattern it replaces,
    # on the fixtures and on the stress texts.
    import re
    import regex
    from extractor.compiling import BASE_FLAGS
    from extractor.stress import UNITS, stress_text
    from tests.conftest import FIXTURES
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [stress_text(unit, 3000) for unit in UNITS.values()]
    pieces = {p.pattern: p for _, rules in engine.rules.stages for r in rules
              for p in r.anchors + r.requires if isinstance(p, re.Pattern)}
    assert len(pieces) > 50
    for source, fast in sorted(pieces.items()):
        slow = regex.compile(source, BASE_FLAGS)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], source[:80]


@pytest.mark.parametrize("pattern, on_re", [
    (r"\bsaid\b", True),
    (r"(?:Prime(?: Minister)?|President),", True),
    (r"said\s+to", True),            # a one-character repeat after the first place
    (r"\s+said", False),             # in first place: a run of spaces is tried from each of its characters
    (r"(?:ab)+c", False),            # a repeated group
    (r"x(?:ab){0,3}c", True),        # a group a few times: nested optional groups
    (r"x(?:ab){0,5}c", False),
    (r"(?:ab){0,3}c", False),        # in first place
    (r"\p{Lu}\w+", False),           # re cannot read it
    (r"[[:alpha:]]", False),         # means something else to re
])
def test_scanner_takes_re_only_where_it_is_safe(pattern, on_re):
    import re
    import regex
    from extractor.compiling import BASE_FLAGS, scanner
    assert isinstance(scanner(regex.compile(pattern, BASE_FLAGS)), re.Pattern) is on_re


@pytest.mark.parametrize("pattern, spans", [
    (r"a(?i:b)c", [(1, 7)]),
    (r"(?i:x(?:y)z)(?i:\(q)", [(0, 12), (12, 20)]),
    (r"[(?i:]x", []),                      # inside a class it is no group
    (r"(?:a)b", []),
])
def test_case_insensitive_spans(pattern, spans):
    from extractor.compiling import case_insensitive_spans
    assert case_insensitive_spans(pattern) == spans


def test_longest_lexicon_form_wins_where_case_is_ignored():
    """"Editor" and "editor in chief" are two branches of a case-sensitive trie; where case
    is ignored the first branch to match would win, so there the trie is built lower-cased."""
    from extractor.compiling import Lexicon, RuleSource, compile_pattern
    from extractor.loading import LexiconDef
    lexicons = {"titles": Lexicon(LexiconDef("titles", (("Editor", None), ("editor in chief", None)), "t.yaml", 1))}
    insensitive = compile_pattern(r"(?i:\L<titles>)", (), RuleSource(), lexicons, {})
    assert insensitive.match("Editor in Chief of X").group() == "Editor in Chief"
    sensitive = compile_pattern(r"\L<titles>", (), RuleSource(), lexicons, {})
    assert sensitive.match("editor in chief").group() == "editor in chief"
    assert sensitive.match("Editor in chief").group() == "Editor"
