"""Which pre-filters and anchors can match a document at all, found in one pass over it.

Every `requires` piece (and the anchor of a rule without one) is otherwise scanned over the
whole document on its own (`matching._hits`), and most of those scans find nothing: a corpus
document has about 60 to scan, and two thirds of them come back empty. Hyperscan, a
multi-pattern matcher, compiles all the pieces into one database in its prefilter mode, in
which a pattern may match more than it should (a lookaround or `\\b` it cannot honour is
dropped), never less. One scan of the document then says which pieces can match there; the
others get no hits without a scan of their own. Where a piece can match, its exact scan still
decides where.

Hyperscan reads `\\w`, `\\s`, `\\d`, `\\p{..}` and case by its own Unicode tables, which differ
from Python's for some characters (combining marks, superscript digits, dotless i, scripts
newer than its tables). So when the database is built, each character of the common scripts is
probed against both, and only a document written wholly in characters on which they agree is
prefiltered. Without the `hyperscan` package (or for a piece it cannot compile), every piece
is simply scanned, as before: the output is the same either way, only the time differs.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import cache
from typing import Any, Hashable, Mapping

import regex

from .caching import Pieces

log = logging.getLogger(__name__)

try:
    import hyperscan
except ImportError:      # an optional speed-up: matching is the same without it
    hyperscan = None

# The blocks probed for the alphabet a prefiltered document may use: Latin, Greek, Cyrillic,
# Hebrew and Arabic, general punctuation, currency and other symbols.
PROBED = ((0x0000, 0x06FF), (0x1E00, 0x1EFF), (0x2000, 0x2BFF), (0xFB00, 0xFB4F), (0xFE50, 0xFE6F),
          (0xFF00, 0xFF65))
# What the pieces are made of: each class, and case-insensitive letters, must mean the same.
PROBES = (r"\s", r"\S", r"\d", r"\D", r"\w", r"\W", r"\p{L}", r"\P{L}", r"\p{Lu}", r"\p{Ll}",
          r"\p{N}", r"\p{Sc}", r"\p{P}", r"x\b", r"\bx", r".", r"[^\n]")


class Prefilter:
    """A Hyperscan database of the given patterns (`re` or `regex`, each under a key);
    `absent(text)` gives the keys of those that cannot match `text`. Picklable: the database
    travels compiled."""

    def __init__(self, patterns: Mapping[Hashable, Any], pieces: Pieces | None = None) -> None:
        """`pieces`: databases compiled before, by their expressions (caching.Pieces)."""
        self.patterns: dict[Hashable, Any] = {}     # the ones in the database, by key
        self._database: bytes | None = None
        self._alphabet: Any = None       # re.Pattern of a character outside the trusted alphabet
        self._keys: list[Hashable] = []
        self._local = threading.local()
        if hyperscan is None or not patterns:
            return
        expressions = {}
        for key, pattern in patterns.items():
            expression = _expression(pattern)
            if expression is not None:
                expressions[key] = expression
        key = Pieces.key("hyperscan", _FLAGS, list(expressions.values()))
        stored = pieces.get(key) if pieces is not None else None
        if stored is None:
            compiled = _compile(list(expressions.values()))
            if compiled is None:
                return
            database, kept = compiled
            stored = (hyperscan.dumpb(database), kept)
            if pieces is not None:
                pieces.put(key, stored)
        self._database, kept = stored
        self.patterns = {key: patterns[key] for key, keep in zip(expressions, kept) if keep}
        self._keys = list(self.patterns)
        self._alphabet = _untrusted_characters()

    def absent(self, text: str) -> list[Hashable]:
        """The keys of the patterns that have no match in `text` (none where that is not known)."""
        if self._database is None or self._alphabet.search(text):
            return []
        database = self._loaded()
        if database is None:
            return []
        found: set[int] = set()
        database.scan(text.encode("utf-8"), match_event_handler=_collect, context=found,
                      scratch=self._scratch(database))
        return [key for i, key in enumerate(self._keys) if i not in found]

    def _loaded(self) -> Any:
        database = getattr(self, "_database_object", None)
        if database is None:
            try:
                database = hyperscan.loadb(self._database, hyperscan.HS_MODE_BLOCK)
            except Exception as exc:     # compiled for another CPU or library version
                log.warning("prefilter database does not load here (%s); scanning every pattern", exc)
                self._database = None
                return None
            self._database_object = database
        return database

    def _scratch(self, database: Any) -> Any:
        """Hyperscan's working memory, one per thread (a scan may not share it)."""
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(database)
        return scratch

    def __getstate__(self) -> dict[str, Any]:
        return {"patterns": self.patterns, "database": self._database, "alphabet": self._alphabet}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.patterns = state["patterns"]
        self._keys = list(self.patterns)
        self._database = state["database"]
        self._alphabet = state["alphabet"]
        self._local = threading.local()


def _collect(id_: int, start: int, end: int, flags: int, found: set[int]) -> None:
    found.add(id_)


_FLAGS = (0 if hyperscan is None else
          hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_PREFILTER
          | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY)
# Flags of a compiled pattern that change nothing here (the rules compile in `regex`'s version 0).
_PLAIN_FLAGS = re.UNICODE | regex.UNICODE | regex.VERSION0


def _expression(pattern: Any) -> bytes | None:
    """The pattern as Hyperscan reads it, or None where its flags say more than the text does.
    `\\K` (not supported) only moves where a match starts, so the pattern without it is kept."""
    if pattern.flags & ~_PLAIN_FLAGS:
        return None
    expression = _KEEP_OUT.sub(r"\1", pattern.pattern)
    return _GROUP_REPEAT.sub(lambda m: m.group(1) + ("*" if m.group(2) == "0" else "+"), expression).encode("utf-8")


_KEEP_OUT = re.compile(r"(?<!\\)((?:\\\\)*)\\K")     # a \K that is not an escaped backslash and K
# A group repeated a bounded number of times ("(?:\S+\s+){0,6}", a gap of up to six words) is
# read as repeated without bound: that matches more, never less, and a bounded repeat of a
# group costs Hyperscan more to compile than all else together (49 s against 7 s for the
# built-in rules). Repeats of one character class stay bounded: those it compiles cheaply.
_GROUP_REPEAT = re.compile(r"(?<!\\)(\))\{([01]),\d*\}\??")


def _compile(expressions: list[bytes]) -> tuple[Any, list[bool]] | None:
    """The database of every expression Hyperscan accepts, and which ones those are."""
    try:
        return _database(expressions), [True] * len(expressions)
    except hyperscan.error:
        pass
    kept = []
    for expression in expressions:    # find the ones it refuses, one by one
        try:
            _database([expression])
            kept.append(True)
        except hyperscan.error as exc:
            log.debug("prefilter leaves out %r: %s", expression[:60], exc)
            kept.append(False)
    try:
        return _database([e for e, keep in zip(expressions, kept) if keep]), kept
    except hyperscan.error as exc:
        log.info("no prefilter for these rules: %s", exc)
        return None


def _database(expressions: list[bytes]) -> Any:
    """The expressions compiled into one database, each reported under its position."""
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=[_FLAGS] * len(expressions))
    return database


@cache      # the same for every set of rules: it depends only on the libraries
def _untrusted_characters() -> Any:
    """A pattern for any character that Hyperscan and Python may read differently: outside
    the probed blocks, or a character some probe (a class, or the letter in another case,
    case-insensitively) matches in Python's `re` or `regex` but not in Hyperscan."""
    chars = [chr(code) for low, high in PROBED for code in range(low, high + 1)]
    # What Python finds: (character, text scanned, probe), a probe being a class or a letter.
    expected: list[tuple[str, str, str]] = []
    for probe in PROBES:
        in_re = re.compile(probe) if "\\p" not in probe and "\\P" not in probe else None
        in_regex = regex.compile(probe, regex.VERSION0)
        for char in chars:
            text = "x" + char if probe.startswith("x") else char + "x" if probe.startswith("\\bx") else char
            if (in_re is not None and in_re.search(text)) or in_regex.search(text):
                expected.append((char, text, probe))
    for char in chars:
        for other in {char.lower(), char.upper(), char.casefold(), char.swapcase()} - {char}:
            caseless = "(?i:" + regex.escape(other) + ")"
            if len(other) == 1 and (regex.match(caseless, char, regex.VERSION0) or re.match(caseless, char)):
                expected.append((char, char, caseless))
    # What Hyperscan finds: a database per class (together they take seconds to compile), and
    # one for all the letters.
    letters = sorted({probe for _, _, probe in expected} - set(PROBES))
    databases = {probe: (_database([probe.encode()]), 0) for probe in PROBES}
    letter_database = _database([letter.encode() for letter in letters])
    databases.update((letter, (letter_database, i)) for i, letter in enumerate(letters))
    found_in: dict[tuple[str, int], set[int]] = {}
    untrusted: set[str] = set()
    for char, text, probe in expected:
        database, wanted = databases[probe]
        found = found_in.get((text, id(database)))
        if found is None:
            found = found_in[text, id(database)] = set()
            database.scan(text.encode("utf-8"), match_event_handler=_collect, context=found)
        if wanted not in found:
            untrusted.add(char)
    trusted = [ord(c) for c in chars if c not in untrusted]
    return re.compile("[^" + "".join(_ranges(trusted)) + "]")


def _ranges(codes: list[int]) -> list[str]:
    """Character-class ranges for sorted code points."""
    out: list[str] = []
    start = prev = codes[0]
    for code in codes[1:] + [-1]:
        if code != prev + 1:
            out.append(f"\\U{start:08x}" + (f"-\\U{prev:08x}" if prev > start else ""))
            start = code
        prev = code
    return out
