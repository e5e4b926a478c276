"""Compile loaded rules once: expand macros, turn lexicons into tries (or `regex` named lists),
check that every reference resolves."""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

import regex
from re import _parser as re_parser  # the parser `re` itself uses: to check a pattern's repeats

from .caching import Pieces
from .errors import RuleError
from .loading import AttributionStep, LexiconDef, NotAttributedDef, RuleDef, RuleSource, SegmentationDef
from .prefilter import Prefilter

MACRO_REF = regex.compile(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)(?:/([a-z0-9]+))?\}")  # not \p{L}
GROUP_NAME = regex.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
LEXICON_REF = regex.compile(r"\\L<([A-Za-z_][A-Za-z0-9_]*(?:,[A-Za-z_][A-Za-z0-9_]*)*)>")
FLAG_BITS = {"ignorecase": regex.IGNORECASE, "multiline": regex.MULTILINE, "dotall": regex.DOTALL,
             "reverse": regex.REVERSE}
BASE_FLAGS = regex.VERSION0 | regex.UNICODE


class Lexicon:
    """A word list: surfaces for matching, and each surface's normalised value."""

    def __init__(self, definition: LexiconDef) -> None:
        self.name = definition.name
        self.surfaces = [surface for surface, _ in definition.entries]
        self._values = dict(definition.entries)
        self.longest_words = max((len(surface.split()) for surface in self.surfaces), default=0)
        self._folded: dict[str, Any] = {}
        for surface, value in definition.entries:
            self._folded.setdefault(surface.casefold(), value)

    def value(self, surface: str, default: Any = None) -> Any:
        """The value of `surface`: exact first, then ignoring case and inner spacing."""
        if surface in self._values:
            return self._values[surface]
        return self._folded.get(" ".join(surface.split()).casefold(), default)

    def __contains__(self, surface: str) -> bool:
        return self.value(surface, _MISSING) is not _MISSING


_MISSING = object()


@dataclass(frozen=True)
class CompiledRule:
    definition: RuleDef
    pattern: Any            # regex.Pattern
    requires: tuple[Any, ...]   # regex.Patterns: cheap pre-filters; a unit must contain a hit of one
    # regex.Patterns, the anchor's top-level alternatives: where a match must start (reverse: end)
    anchors: tuple[Any, ...] = ()
    # Per pre-filter or anchor piece, text that each of its hits starts with (or None): where
    # the document lacks it, a plain substring test saves the scan.
    requires_literals: tuple[str | None, ...] = ()
    anchor_literals: tuple[str | None, ...] = ()
    # Per pre-filter or anchor piece, a number naming it (the same piece, the same number):
    # a document's hits are kept under these, since hashing a compiled pattern hashes its code.
    requires_keys: tuple[int, ...] = ()
    anchor_keys: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def units_key(self) -> tuple[Any, ...]:
        """Rules with the same pre-filters and scope share their scope units in a document."""
        return (self.definition.scope, self.definition.near) + self.requires_keys


@dataclass(frozen=True)
class Segmentation:
    paragraph_break: Any
    sentence_end: Any
    no_break_before: Any | None
    no_break_after: Any | None
    protect: Any | None


@dataclass(frozen=True)
class NotAttributed:
    pattern: Any                 # matched against a quote's words, whole
    definition: NotAttributedDef


@dataclass(frozen=True)
class CompiledRules:
    stages: tuple[tuple[int, tuple[CompiledRule, ...]], ...]
    lexicons: dict[str, Lexicon]
    segmentation: Segmentation
    prefilter: Prefilter | None = None      # which pre-filters cannot match a document
    attribution: tuple[AttributionStep, ...] = ()   # the speaker cascade of unattributed quotes
    not_attributed: NotAttributed | None = None      # the quotes it leaves without a speaker

    @property
    def rules(self) -> list[CompiledRule]:
        return [rule for _, rules in self.stages for rule in rules]

    def feeding(self, types: set[str], reads: dict[str, tuple[str, ...]]) -> "CompiledRules":
        """Only the rules whose mentions the given types are made from: their own rules, the
        types those refer to (`is`, `not_in`, `not_overlapping`, `anchor_mention`) and the
        types `reads` says the resolver needs for them, and so on; and always the rules that find
        the dateline (`sets`), which give the reference date and where the first sentence opens."""
        needed, todo = set(), list(types)
        while todo:
            type_ = todo.pop()
            if type_ in needed:
                continue
            needed.add(type_)
            todo.extend(reads.get(type_, ()))
            for rule in self.rules:
                if rule.definition.type == type_:
                    todo.extend(_referred_types(rule.definition))
        stages = tuple((stage, kept) for stage, rules in self.stages
                       for kept in [tuple(r for r in rules if r.definition.type in needed or r.definition.sets)]
                       if kept)
        return CompiledRules(stages, self.lexicons, self.segmentation, self.prefilter, self.attribution,
                             self.not_attributed)


def _referred_types(rule: RuleDef) -> list[str]:
    referred = [t for spec in rule.groups.values() for t in spec.is_ + spec.not_in]
    referred += list(rule.not_overlapping)
    if rule.anchor_mention:
        referred.append(rule.anchor_mention)
    return referred


MAX_EXPANDED = 200_000   # characters a pattern may have once its macros are expanded


def expand_macros(pattern: str, macros: dict[str, Any], where: dict[str, Any]) -> str:
    """Replace each {NAME} by its macro, recursively; an unknown or cyclic macro is an error,
    and so is an expansion over MAX_EXPANDED characters (macros that repeat each other grow
    exponentially: twenty that each use the next twice make a pattern of millions).
    {NAME/to} renames the macro's groups with the suffix _to, so one macro can name both
    ends of a range."""
    expanded: dict[str, str] = {}      # each macro is expanded once per pattern

    def expand(text: str, chain: tuple[str, ...]) -> str:
        def substitute(match: regex.Match) -> str:
            name = match.group(1)
            if name not in macros:
                raise RuleError(f"unknown macro {{{name}}}", **where)
            if name in chain:
                raise RuleError(f"macro {{{name}}} refers to itself via {' -> '.join(chain)}", **where)
            if name not in expanded:
                expanded[name] = expand(macros[name].pattern, chain + (name,))
            body = expanded[name]
            if match.group(2):
                body = GROUP_NAME.sub(lambda g: f"(?P<{g.group(1)}_{match.group(2)}>", body)
            return "(?:" + body + ")"

        result = MACRO_REF.sub(substitute, text)
        if len(result) > MAX_EXPANDED:
            via = f" (expanding {' -> '.join(chain)})" if chain else ""
            raise RuleError(f"the pattern is over {MAX_EXPANDED:,} characters long once its macros are "
                            f"expanded{via}: do macros repeat each other?", **where)
        return result

    return expand(pattern, ())


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pre-filter, each scanned on its own: the `regex` module
    finds a literal like 'weekend' twenty times faster than it tries 'week|weekend|month' at
    every position, and the union of the hits is the same."""
    while pattern.startswith("(?:") and pattern.endswith(")") and \
            all(depth > 0 for i, _, depth in _structure(pattern) if 0 < i < len(pattern) - 1):
        pattern = pattern[3:-1]                # one group around everything: look inside it
    bars = [i for i, char, depth in _structure(pattern) if char == "|" and depth == 0]
    if not bars:
        return [pattern]
    parts = [pattern[a + 1:b] for a, b in zip([-1] + bars, bars + [len(pattern)])]
    return [piece for part in parts for piece in split_alternatives(part)]


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opening at pattern[i] ("[") ends, past its "]" (a "]" first in
    it, after an optional "^", is a member); len(pattern) if it never closes."""
    i += 2 if pattern.startswith("[^", i) else 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _structure(pattern: str) -> Iterable[tuple[int, str, int]]:
    """Each character outside escapes and classes, with the group depth after it is read."""
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        depth += (char == "(") - (char == ")")
        yield i, char, depth
        i += 1


def leading_literal(pattern: str) -> str | None:
    """The plain text every match of `pattern` starts with, if two characters or more."""
    literal = []
    for char in pattern:
        if char in "\\.^$|()[]{}":
            if char == "{" and literal:
                literal.pop()
            break
        if char in "?*":
            if literal:
                literal.pop()
            break
        literal.append(char)
    return "".join(literal) if len(literal) >= 2 else None


def trie_pattern(surfaces: Iterable[str], backwards: bool = False) -> str:
    """A word list as one regex whose alternatives share their prefixes ("Prime Minister",
    "Prime Minister's"): the `regex` module tries such a trie about twice as fast as a named
    list, and longer entries still come first. `backwards`: for a part of a pattern matched
    right to left, the alternatives share their endings instead ("Defence Minister", "Prime
    Minister"), read last character first, so that there too the longest entry comes first."""
    root: dict[str, Any] = {}
    for surface in surfaces:
        node = root
        for char in (reversed(surface) if backwards else surface):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [build(child) + regex.escape(char) if backwards else regex.escape(char) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(root) + ")"


_SCOPED_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]+))?:")
_GLOBAL_FLAGS = re.compile(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?\)")


def lexicon_contexts(pattern: str, reverse: bool, ignorecase: bool) -> dict[int, tuple[bool, bool, bool]] | None:
    """For each `\\L<...>` of a pattern, by its position: whether it is matched left to right
    (in a lookahead, even in a pattern matched right to left; in a lookbehind, right to left),
    whether case is ignored there (`(?i:...)`), and whether only its truth counts: it stands in
    a lookaround with no capturing group, so which of its entries matches first changes nothing.
    None for a pattern that sets flags for all of itself inline, or that this reading does not
    follow: then nothing is assumed."""
    found: dict[int, tuple[bool, bool, int | None]] = {}
    captures: list[bool] = []         # per lookaround, by number: whether it holds a capturing group
    stack: list[tuple[bool, bool, int | None]] = [(not reverse, ignorecase, None)]
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if pattern.startswith("\\L<", i):
                found[i] = stack[-1]
                end = pattern.find(">", i)
                if end < 0:
                    return None
                i = end + 1
                continue
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            if i > len(pattern):
                return None
            continue
        if char == "(":
            forward, caseless, around = stack[-1]
            if pattern.startswith("(?#", i):
                end = pattern.find(")", i)
                if end < 0:
                    return None
                i = end + 1
                continue
            if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                captures.append(False)
                stack.append((pattern[i + 2] != "<", caseless, len(captures) - 1))
            elif _GLOBAL_FLAGS.match(pattern, i):
                return None
            else:
                if not pattern.startswith("(?", i) or pattern.startswith(("(?P<", "(?<", "(?'"), i):
                    for _, _, open_around in stack:      # a capturing group
                        if open_around is not None:
                            captures[open_around] = True
                flags = _SCOPED_FLAGS.match(pattern, i)
                if flags and "f" in flags.group(1):     # full case-folding: not assumed
                    return None
                if flags and "i" in flags.group(1):
                    caseless = True
                elif flags and "i" in (flags.group(2) or ""):
                    caseless = False
                stack.append((forward, caseless, around))
        elif char == ")":
            stack.pop()
            if not stack:
                return None
        i += 1
    if len(stack) != 1:
        return None
    return {at: (forward, caseless, around is not None and not captures[around])
            for at, (forward, caseless, around) in found.items()}


def _union(names: str, lexicons: dict[str, Lexicon]) -> list[str]:
    """The surfaces of `\\L<a>`, or of the union `\\L<a,b,c>`."""
    return sorted({surface for name in names.split(",") for surface in lexicons[name].surfaces})


def compile_pattern(pattern: str, flags: Iterable[str], source: RuleSource,
                    lexicons: dict[str, Lexicon], where: dict[str, Any], pieces: Pieces | None = None) -> Any:
    expanded = expand_macros(pattern, source.macros, where)
    names = {name for union in LEXICON_REF.findall(expanded) for name in union.split(",")}
    for name in sorted(names):
        if name not in lexicons:
            raise RuleError(f"unknown lexicon \\L<{name}>", **where)
    bits = BASE_FLAGS
    for flag in flags:
        bits |= FLAG_BITS[flag]
    named_lists: dict[str, list[str]] = {}
    # In a pattern matched right to left, each reference is matched in the direction of where
    # it stands: a lookahead reads left to right. There, where case counts, a trie of the
    # direction it is read in tries the entries longest first as a named list does, two to
    # three times as fast (the quote rules' speakers: their names' lookaheads on the lexicons).
    # In `re` and `regex` case-insensitive matching is one character at a time. A reference
    # in a lookbehind of a pattern matched left to right is read right to left too: where only
    # its truth counts, a trie of the entries' endings is as good there, and faster (the
    # currency codes before a digit, which every money pre-filter scan tries at each digit).
    contexts = lexicon_contexts(expanded, bool(bits & regex.REVERSE), bool(bits & regex.IGNORECASE))

    if pieces is None:
        pieces = Pieces()

    def trie(surfaces: list[str], backwards: bool = False) -> str:     # the same lists recur
        key = (tuple(surfaces), backwards)
        found = pieces.tries.get(key)
        if found is None:
            found = pieces.tries[key] = trie_pattern(surfaces, backwards)
        return found

    def lexicon(match: regex.Match) -> str:
        # Tries scan about twice as fast as named lists. Where case is ignored, entries that
        # differ only in case would take separate branches, and a shorter entry could come
        # before a longer one; written in lower case they share one, which holds where every
        # entry is ASCII (two lower-case ASCII characters never match the same character).
        # Elsewhere a case-insensitive right-to-left reference stays a named list.
        union = match.group(1)
        surfaces = _union(union, lexicons)
        forward, caseless, truth_only = (contexts or {}).get(match.start(), (None, True, False))
        ascii_ = all(surface.isascii() for surface in surfaces)
        if not bits & regex.REVERSE:
            if forward is False and truth_only and (not caseless or ascii_):
                return trie(sorted({s.lower() for s in surfaces}) if caseless else surfaces, backwards=True)
            # Where case is ignored, "Editor" and "editor in chief" would be two branches and
            # the first to match would win: in lower case they are one, the longest form first.
            if contexts is not None and caseless and ascii_:
                return trie(sorted({s.lower() for s in surfaces}))
            return trie(surfaces)
        if forward is not None and (not caseless or ascii_):
            return trie(sorted({s.lower() for s in surfaces}) if caseless else surfaces, backwards=not forward)
        key = union.replace(",", "__")
        named_lists[key] = surfaces
        return f"\\L<{key}>"

    expanded = LEXICON_REF.sub(lexicon, expanded)
    key = Pieces.key("regex", expanded, bits, sorted(named_lists.items()))
    compiled = pieces.get(key)
    if compiled is not None:
        return compiled
    try:
        return pieces.put(key, regex.compile(expanded, bits, **named_lists))
    except regex.error as exc:
        raise RuleError(f"bad pattern: {locate_error(pattern, source.macros, bits) or exc}", **where) from None


def locate_error(pattern: str, macros: dict[str, Any], bits: int) -> str | None:
    """Where in the author's own text a pattern is broken: in which macro (the innermost that
    fails on its own), or where in the rule's pattern; None if only the whole fails."""
    stand_in_text = "(?:x)"

    def broken(text: str) -> tuple[int, str] | None:
        """Compile `text` with each macro and lexicon reference replaced by a stand-in; on an
        error, its position in `text` and the message."""
        out, marks, last = [], [], 0      # marks: (start in the result, start in text, length in text)
        for ref in regex.finditer(f"{MACRO_REF.pattern}|{LEXICON_REF.pattern}", text):
            out.append(text[last:ref.start()])
            marks.append((sum(map(len, out)), ref.start(), ref.end() - ref.start()))
            out.append(stand_in_text)
            last = ref.end()
        out.append(text[last:])
        try:
            regex.compile("".join(out), bits)
            return None
        except regex.error as exc:
            pos = exc.pos or 0
            for out_start, start, length in reversed(marks):
                if out_start <= pos:
                    inside = pos < out_start + len(stand_in_text)
                    return (start if inside else start + length + pos - out_start - len(stand_in_text)), exc.msg
            return pos, exc.msg

    def describe(text: str, pos: int, msg: str) -> str:
        return f"{msg} at position {pos} of {text[max(0, pos - 20):pos]!r} >>> {text[pos:pos + 20]!r}"

    seen: set[str] = set()

    def in_macros(text: str) -> str | None:
        for ref in MACRO_REF.finditer(text):
            name = ref.group(1)
            if name in seen or name not in macros:
                continue
            seen.add(name)
            inner = in_macros(macros[name].pattern)
            if inner:
                return inner
            found = broken(macros[name].pattern)
            if found:
                return f"in macro {{{name}}} ({macros[name].file}:{macros[name].line}): " + describe(
                    macros[name].pattern, *found)
        return None

    located = in_macros(pattern)
    if located:
        return located
    found = broken(pattern)
    return f"in the rule's pattern: {describe(pattern, *found)}" if found else None


def _with_derived_words(source: RuleSource) -> dict[str, LexiconDef]:
    """The lexicons, each with the capitalised words of the lexicons it names in `words_of`
    added to its own entries (after every layer is loaded, so the words follow the layers)."""
    definitions = dict(source.lexicons)
    for name, d in sorted(source.lexicons.items()):
        if not d.words_of:
            continue
        own = dict(d.entries)
        for other in d.words_of:
            if other not in source.lexicons:
                raise RuleError(f"lexicon {name}: words_of names lexicon {other!r}, which no file defines",
                                file=d.file, line=d.line)
            for surface, _ in source.lexicons[other].entries:
                for word in surface.split():
                    if word[:1].isupper():
                        own.setdefault(word, word)
        definitions[name] = replace(d, entries=tuple(own.items()))
    return definitions


def compile_rules(source: RuleSource, normalisers: dict[str, Callable], pieces: Pieces | None = None) -> CompiledRules:
    """`pieces`: patterns compiled before (caching.load_pieces), reused where the same; what
    this compile used is in its `used` afterwards."""
    pieces = pieces if pieces is not None else Pieces()
    lexicons = {name: Lexicon(d) for name, d in sorted(_with_derived_words(source).items())}
    types_by_stage = _types_by_stage(source.rules)
    compiled: dict[int, list[CompiledRule]] = {}
    problems: list[RuleError] = []          # every rule's, not only the first
    keys: dict[Any, int] = {}               # each distinct piece's number
    for rule in source.rules:
        where = {"file": rule.file, "line": rule.line, "rule": rule.id}
        try:
            pattern = compile_pattern(rule.pattern, rule.flags, source, lexicons, where, pieces)
            requires, requires_literals = _pieces(rule.requires, source, lexicons, where, pieces)
            anchors, anchor_literals = _pieces((rule.anchor,) if rule.anchor else (), source, lexicons, where, pieces)
            _check_rule(rule, pattern, normalisers, types_by_stage, where)
        except RuleError as exc:
            problems.append(exc)
            continue
        compiled.setdefault(rule.stage, []).append(CompiledRule(
            rule, pattern, requires, anchors, requires_literals, anchor_literals,
            tuple(keys.setdefault(p, len(keys)) for p in requires), tuple(keys.setdefault(p, len(keys)) for p in anchors)))
    if problems:
        raise RuleError.of(problems)
    stages = tuple((stage, tuple(sorted(rules, key=lambda r: (-r.definition.priority, r.id))))
                   for stage, rules in sorted(compiled.items()))
    return CompiledRules(stages, lexicons, _segmentation(source, lexicons, pieces), Prefilter(_scanned_whole(stages), pieces),
                         source.attribution or (), _not_attributed(source, lexicons, pieces))


def _scanned_whole(stages: tuple[tuple[int, tuple[CompiledRule, ...]], ...]) -> dict[int, Any]:
    """The pieces scanned over the whole document, by number: every pre-filter, and the
    anchors of rules without one (the others are looked for only in the units a pre-filter
    let through)."""
    pieces: dict[int, Any] = {}
    for _, rules in stages:
        for rule in rules:
            if rule.requires:
                pieces.update(zip(rule.requires_keys, rule.requires))
            else:
                pieces.update(zip(rule.anchor_keys, rule.anchors))
    return pieces


def _pieces(patterns: Iterable[str], source: RuleSource, lexicons: dict[str, Lexicon],
            where: dict[str, Any], pieces: Pieces) -> tuple[tuple[Any, ...], tuple[str | None, ...]]:
    """Pre-filters or an anchor, split into their top-level alternatives and compiled, with
    the literal each alternative starts with."""
    alternatives = [a for p in patterns for a in split_alternatives(expand_macros(p, source.macros, where))]
    compiled = tuple(scanner(compile_pattern(a, (), source, lexicons, where, pieces)) for a in alternatives)
    literals = tuple(leading_literal(a) for a in alternatives)
    return compiled, literals


def scanner(pattern: Any) -> Any:
    """The pattern compiled by the standard library's `re` where that means the same and is
    safe, else `pattern` itself. A pre-filter or anchor is scanned over the whole document, and
    `re` scans a word list (a trie of literals) about five times as fast as `regex`. The rules
    compile in `regex`'s version 0, whose syntax and meaning are `re`'s; a pattern `re` cannot
    read (`\\p{L}`, a named list) stays with `regex`, and so does one that could take more than
    a bounded time at a position: `re` has no timeout, so it gets only patterns whose repeats
    are of one character, or of a group at most four times, and not in first place (no
    `(ab)+`, no leading `\\s+`)."""
    if pattern.flags & ~BASE_FLAGS & ~regex.UNICODE & ~regex.VERSION0:
        return pattern
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            parsed = re_parser.parse(pattern.pattern)
            fast = re.compile(pattern.pattern)
        except (re.error, FutureWarning, DeprecationWarning, ValueError, RecursionError):
            return pattern
    return fast if _bounded(list(parsed), leading=True) else pattern


_ONE_CHAR = {"LITERAL", "NOT_LITERAL", "IN", "ANY", "CATEGORY"}
MAX_GROUP_REPEAT = 4


def _bounded(items: list[Any], leading: bool) -> bool:
    """Whether a parsed `re` pattern repeats only single characters, and none in first place."""
    for position, (op, arg) in enumerate(items):
        first = leading and position == 0
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = arg
            body = list(body)
            one_char = len(body) == 1 and str(body[0][0]) in _ONE_CHAR
            # A group repeated a few times is what nested optional groups spell out: as bounded.
            if high > 1 and (first or not (one_char or high <= MAX_GROUP_REPEAT)):
                return False
            if not _bounded(body, first):
                return False
        elif name == "SUBPATTERN":
            if not _bounded(list(arg[-1]), first):
                return False
        elif name == "BRANCH":
            if not all(_bounded(list(branch), first) for branch in arg[1]):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _bounded(list(arg[1]), False):
                return False
        elif name in ("GROUPREF", "GROUPREF_EXISTS", "ATOMIC_GROUP"):
            return False
    return True


def _types_by_stage(rules: list[RuleDef]) -> dict[str, int]:
    stage_of: dict[str, RuleDef] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        first = stage_of.setdefault(rule.type, rule)
        if first.stage != rule.stage:
            raise RuleError(f"type {rule.type!r} is produced in stage {first.stage} by {first.id} "
                            f"and in stage {rule.stage} here; one type, one stage",
                            file=rule.file, line=rule.line, rule=rule.id)
    return {t: r.stage for t, r in stage_of.items()}


def _check_rule(rule: RuleDef, pattern: Any, normalisers: dict[str, Callable],
                types_by_stage: dict[str, int], where: dict[str, Any]) -> None:
    names = set(pattern.groupindex)
    if rule.span and rule.span not in names:
        raise RuleError(f"span names group {rule.span!r}, which the pattern lacks", **where)
    for group, spec in rule.groups.items():
        if group not in names:
            raise RuleError(f"groups describes {group!r}, which the pattern lacks", **where)
        for wanted in spec.is_ + spec.not_in:
            _check_earlier(wanted, rule, types_by_stage, where)
        if set(spec.tail_of) - set(spec.is_):
            raise RuleError(f"group {group!r}: tail_of may name only types of its `is`, not "
                            f"{', '.join(sorted(set(spec.tail_of) - set(spec.is_)))}", **where)
    for wanted in rule.not_overlapping + ((rule.anchor_mention,) if rule.anchor_mention else ()):
        _check_earlier(wanted, rule, types_by_stage, where)
    if rule.scope == "near" and not rule.requires:
        raise RuleError("scope near searches around the hits of `requires`, which the rule lacks", **where)
    if rule.near is not None and rule.scope != "near":
        raise RuleError(f"near sets the window of scope near; this rule's scope is {rule.scope}", **where)
    if rule.anchor and rule.anchor_mention:
        raise RuleError("a rule has either anchor or anchor_mention, not both", **where)
    if rule.normaliser not in normalisers:
        raise RuleError(f"unknown normaliser {rule.normaliser!r} (known: {', '.join(sorted(normalisers))})",
                        **where)


def _check_earlier(wanted: str, rule: RuleDef, types_by_stage: dict[str, int], where: dict[str, Any]) -> None:
    stage = types_by_stage.get(wanted)
    if stage is None:
        raise RuleError(f"no rule produces type {wanted!r}", **where)
    if stage >= rule.stage:
        raise RuleError(f"type {wanted!r} comes from stage {stage}; a stage {rule.stage} rule can only "
                        "refer to earlier stages", **where)


def _segmentation(source: RuleSource, lexicons: dict[str, Lexicon], pieces: Pieces) -> Segmentation:
    seg: SegmentationDef | None = source.segmentation
    if seg is None:
        return Segmentation(regex.compile(r"\n\s*"), regex.compile(r"[.!?]+(?=\s)"), None, None, None)
    where = {"file": seg.file, "line": seg.line}

    def build(p: str | None, suffix: str = "") -> Any:
        return compile_pattern(f"(?:{p}){suffix}", (), source, lexicons, where, pieces) if p else None

    # no_break_before is tried on the text that ends where a sentence would end
    return Segmentation(build(seg.paragraph_break), build(seg.sentence_end),
                        build(seg.no_break_before, r"\Z"), build(seg.no_break_after), build(seg.protect))


def _not_attributed(source: RuleSource, lexicons: dict[str, Lexicon], pieces: Pieces) -> NotAttributed | None:
    d = source.not_attributed
    if d is None:
        return None
    where = {"file": d.file, "line": d.line, "rule": "attribution.not_attributed"}
    return NotAttributed(compile_pattern(f"(?:{d.pattern})", (), source, lexicons, where, pieces), d)
