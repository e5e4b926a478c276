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
    ("[^]|]|x", ["[^]|]", "x"]),                   # a "]" first in a negated class is a member
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


@pytest.mark.parametrize("pattern, contexts", [
    # (left to right, case ignored, only its truth counts), matched right to left
    (r"\L<a>x", [(False, False, False)]),                      # the pattern's own direction
    (r"(?=\L<a>)(?<!\L<b>)", [(True, False, True), (False, False, True)]),   # a lookahead reads left to right
    (r"(?i:\L<a>)(?-i:\L<b>)\L<c>", [(False, True, False), (False, False, False), (False, False, False)]),
    (r"(?<=(?=\L<a>)x)[(]\L<b>[^]()]", [(True, False, True), (False, False, False)]),  # nested; brackets in classes
    (r"(?<=(?P<x>\L<a>))(?=(?:\L<b>)(y))(?!(?:z)\L<c>)", [(False, False, False), (True, False, False), (True, False, True)]),
    (r"\\L<a>", []),                                             # an escaped backslash: no reference
    (r"(?i)\L<a>", None),                                        # flags for the whole pattern: not read
    (r"(?if:\L<a>)", None),                                      # full case-folding: not read
])
def test_lexicon_contexts(pattern, contexts):
    from extractor.compiling import LEXICON_REF, lexicon_contexts
    found = lexicon_contexts(pattern, reverse=True, ignorecase=False)
    if contexts is None:
        assert found is None
    else:
        assert [found[m.start()] for m in LEXICON_REF.finditer(pattern) if m.start() in found] == contexts


def test_tries_try_the_longest_entry_first_in_either_direction():
    # In a pattern matched right to left, a trie of the entries' endings (and, in a lookahead,
    # of their beginnings) matches what a named list matches: the longest entry first, then
    # shorter ones as the rest of the pattern demands ("xPrime Minister": only "Minister").
    import regex
    from extractor.compiling import BASE_FLAGS, trie_pattern
    words = ["Minister", "Prime Minister", "Deputy Prime Minister", "Ministers", "Mini", "er"]
    flags = BASE_FLAGS | regex.REVERSE
    text = "the Deputy Prime Minister and xPrime Minister met Ministers, Mini and her"
    named = regex.compile(r"(?:^|\s)(?P<w>\L<words>)", flags, words=words)
    trie = regex.compile(rf"(?:^|\s)(?P<w>{trie_pattern(words, backwards=True)})", flags)
    found = [(end, m and m.group("w")) for end in range(len(text) + 1) for m in [trie.match(text, 0, end)]]
    assert found == [(end, m and m.group("w")) for end in range(len(text) + 1) for m in [named.match(text, 0, end)]]
    assert (25, "Deputy Prime Minister") in found and (45, "Minister") in found
    named = regex.compile(r"(?<![\w])(?=(?P<w>\L<words>)\b)", flags, words=words)
    trie = regex.compile(rf"(?<![\w])(?=(?P<w>{trie_pattern(words)})\b)", flags)
    found = [m.span("w") for m in trie.finditer(text)]
    assert found == [m.span("w") for m in named.finditer(text)] and (50, 59) in found


def test_a_caseless_trie_of_ascii_entries_in_lower_case_matches_as_a_named_list():
    import regex
    from extractor.compiling import BASE_FLAGS, trie_pattern
    words = ["Minister", "PRIME MINISTER", "prime minister's", "minister", "Mini", "ER"]
    flags = BASE_FLAGS | regex.REVERSE
    text = "the Deputy Prime Minister's and xPRIME minister met MINISTERs, Mini and her"
    lower = sorted({w.lower() for w in words})
    named = regex.compile(r"(?:^|\s)(?i:(?P<w>\L<words>))", flags, words=words)
    trie = regex.compile(rf"(?:^|\s)(?i:(?P<w>{trie_pattern(lower, backwards=True)}))", flags)
    found = [(end, m and m.span("w")) for end in range(len(text) + 1) for m in [trie.match(text, 0, end)]]
    assert found == [(end, m and m.span("w")) for end in range(len(text) + 1) for m in [named.match(text, 0, end)]]
    assert (27, (11, 27)) in found and (47, (39, 47)) in found


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
