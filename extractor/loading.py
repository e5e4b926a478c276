"""Load rule files: YAML with line marks, checked against the rule-file JSON Schema.

Turns a folder of YAML files into plain definitions (`RuleSource`); compiling them is
`compiling.py`'s job. Every error names file, line and, where known, rule id.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import RuleError

RULE_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 16_000_000


class LineDict(dict):
    """A mapping that remembers the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


@dataclass(frozen=True)
class Example:
    text: str
    match: str | None            # None: a counter-example, the rule must find nothing
    value: dict[str, Any] | None
    reference_date: str | None
    line: int


@dataclass(frozen=True)
class GroupDef:
    means: str = ""
    is_: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    tail_of: tuple[str, ...] = ()     # of the `is` types, those a capture may name by its end


@dataclass(frozen=True)
class RuleDef:
    id: str
    type: str
    pattern: str
    stage: int
    priority: int
    flags: tuple[str, ...]
    scope: str
    requires: tuple[str, ...]   # pre-filters: a unit must contain a hit of one of them
    anchor: str | None
    anchor_mention: str | None
    span: str | None
    emit: bool
    sets: str | None
    normaliser: str
    options: dict[str, Any]
    groups: dict[str, GroupDef]
    not_overlapping: tuple[str, ...]
    examples: tuple[Example, ...]
    file: str
    line: int
    about: str = ""
    near: int | None = None   # with scope near: characters searched either side of a hit (default 48)


@dataclass(frozen=True)
class LexiconDef:
    name: str
    entries: tuple[tuple[str, Any], ...]   # (surface, normalised value)
    file: str
    line: int
    # Lexicons whose entries' capitalised words this one holds too ("title_words" from
    # "titles": a title added to the lexicon never starts a person's name).
    words_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class MacroDef:
    name: str
    pattern: str
    file: str
    line: int


@dataclass(frozen=True)
class SegmentationDef:
    paragraph_break: str
    sentence_end: str
    no_break_before: str | None
    no_break_after: str | None
    protect: str | None
    file: str
    line: int


@dataclass(frozen=True)
class AttributionStep:
    """One step of the cascade that finds the speaker of a quote no quote rule attributed
    (resolving.py holds what each step does; the rule files choose the steps and their order)."""
    id: str
    about: str
    examples: tuple[Example, ...]
    file: str
    line: int


@dataclass(frozen=True)
class NotAttributedDef:
    """The quotes the attribution steps leave without a speaker (names of works and shows)."""
    pattern: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    file: str
    line: int


@dataclass
class RuleSource:
    """Everything a rule folder defines, before compilation."""

    rules: list[RuleDef] = field(default_factory=list)
    lexicons: dict[str, LexiconDef] = field(default_factory=dict)
    macros: dict[str, MacroDef] = field(default_factory=dict)
    segmentation: SegmentationDef | None = None
    attribution: tuple[AttributionStep, ...] | None = None
    attribution_file: str | None = None
    not_attributed: NotAttributedDef | None = None
    files: list[str] = field(default_factory=list)


PACKAGE_DIR = Path(__file__).resolve().parent


def _as_tuple(value: Any) -> tuple[str, ...]:
    """`requires` may be one pattern or a list of them."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def builtin_rules_dir() -> Path:
    """The rules installed with the package (`extractor/rules`), or `rules/` of a source tree."""
    installed = PACKAGE_DIR / "rules"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "rules"


def read_schema(name: str) -> dict[str, Any]:
    return json.loads((PACKAGE_DIR / "schemas" / name).read_text("utf-8"))


def _schema() -> dict[str, Any]:
    return read_schema("rules.schema.json")


def rule_files(directory: Path) -> list[Path]:
    """All rule files below `directory`, in an order that does not depend on the file system.
    A link may point to another place inside the folder; one that leads outside it is an
    error, so that what a folder's rules are can be seen in the folder (and a link to a
    moved or edited file elsewhere does not change them unseen)."""
    root = directory.resolve()
    found = list(directory.rglob("*"))      # links to folders are listed, not entered
    files = [p for p in found if p.suffix in RULE_SUFFIXES and p.is_file()]
    for path in files + [p for p in found if p.is_symlink() and p.is_dir()]:
        target = path.resolve()
        if root not in target.parents:
            raise RuleError(f"is a link to {target}, outside the rule folder; copy it in instead",
                            file=str(path))
    return sorted(files, key=lambda p: p.relative_to(directory).as_posix())


def load_directory(directory: str | Path) -> RuleSource:
    """The rules of a folder, with the folders its layer.yaml builds on."""
    return load_layers(rule_layers(Path(directory)))


LAYER_FILE = "layer.yaml"
MAX_LAYERS = 10


@dataclass(frozen=True)
class Layer:
    """One rule folder of a stack: its files, and the rules of the folders below it that it
    switches off (`layer: {extends: ..., disable: [...]}` in its layer.yaml)."""

    directory: Path
    files: tuple[Path, ...]
    disable: tuple[str, ...] = ()
    declared: tuple[str, int] | None = None      # layer.yaml and the line of its `layer` key


def rule_layers(directory: Path) -> list[Layer]:
    """The folder and every folder below it that it extends, the lowest first."""
    chain: list[Layer] = []
    seen: set[Path] = set()
    current: Path | None = directory
    while current is not None:
        if current.resolve() in seen:
            raise RuleError("the folders' layer.yaml files extend each other in a circle", file=str(current))
        seen.add(current.resolve())
        if len(chain) == MAX_LAYERS:
            raise RuleError(f"more than {MAX_LAYERS} layers of rule folders", file=str(directory))
        files = tuple(directory_files(current))
        spec, where = _layer_spec(current)
        if spec is None:
            chain.append(Layer(current, files))
            current = None
        else:
            chain.append(Layer(current, files, tuple(spec.get("disable", ())), where))
            extends = spec["extends"]
            current = builtin_rules_dir() if extends == "builtin" else (current / extends)
            if not current.is_dir():
                raise RuleError(f"layer extends {extends!r}, which is no folder ({current})", file=where[0],
                                line=where[1])
    return list(reversed(chain))


def _layer_spec(directory: Path) -> tuple[dict[str, Any] | None, tuple[str, int]]:
    path = directory / LAYER_FILE
    if not path.is_file():
        return None, (str(path), 0)
    data = _read_yaml(path)
    spec = data.get("layer")
    line = getattr(data, "key_lines", {}).get("layer", 1)
    if spec is None:
        return None, (str(path), line)
    if not isinstance(spec, dict) or not isinstance(spec.get("extends"), str):
        raise RuleError("layer must be a mapping with extends: builtin or a folder", file=str(path), line=line)
    return spec, (str(path), line)


def load_layers(layers: list[Layer]) -> RuleSource:
    """Each layer's files on top of the layers below: rules added, replaced (`replaces: true`)
    or switched off (`disable`), lexicons extended or replaced, macros replaced."""
    import jsonschema       # here, not at the top: a start from the compiled-rules cache needs none of it
    validator = jsonschema.Draft202012Validator(_schema())
    source = RuleSource()
    for layer in layers:
        if layer.disable:
            known = {rule.id for rule in source.rules}
            unknown = sorted(set(layer.disable) - known)
            if unknown:
                file, line = layer.declared or (str(layer.directory), None)
                raise RuleError(f"disable names {', '.join(unknown)}, which no folder below defines",
                                file=file, line=line)
            source.rules = [rule for rule in source.rules if rule.id not in layer.disable]
        for path in layer.files:
            data = _read_yaml(path)
            _validate(validator, data, str(path))
            _collect(source, data, str(path))
    _check_unique_rule_ids(source)
    return source


def directory_files(directory: Path) -> list[Path]:
    """The rule files of a folder; an error if it is no folder or holds none."""
    if not directory.is_dir():
        raise RuleError("not a folder of rule files", file=str(directory))
    files = rule_files(directory)
    if not files:
        raise RuleError("no .yaml rule files found", file=str(directory))
    return files


def load_files(files: list[Path]) -> RuleSource:
    """The rules of these files, in this order, as one layer."""
    return load_layers([Layer(files[0].parent if files else Path("."), tuple(files))])


def _read_yaml(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RuleError(f"{size:,} bytes; a rule file may have at most {MAX_FILE_BYTES:,}", file=str(path))
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read: {exc}", file=str(path)) from None
    import yaml                           # not needed for a start from the compiled-rules cache

    from . import yamlfile
    try:
        data = yamlfile.load(text, str(path))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        parser = exc.problem or exc.context or ""
        if exc.context and exc.context_mark and exc.problem_mark:
            parser += f", {exc.context} that starts at line {exc.context_mark.line + 1}"
        plain = next((words for clue, words in YAML_IN_PLAIN_WORDS if clue in parser), None)
        message = f"{plain} (YAML: {parser})" if plain else f"YAML error: {parser}"
        raise RuleError(message, file=str(path), line=line) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"YAML error: {exc}", file=str(path)) from None
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping at the top", file=str(path), line=1)
    return data


# The YAML parser's words, and what they mean to someone editing a rule file.
YAML_IN_PLAIN_WORDS = [
    ("found character that cannot start any token", "a tab or a stray character: YAML indents with spaces only"),
    ("mapping values are not allowed", "a colon and a space inside a value, or a line indented further than the "
                                       "one above it: put the value in quotes, or line the keys up"),
    ("did not find expected '-' indicator", "this line should be a list item (\"- ...\") or be indented like the "
                                            "items above it"),
    ("did not find expected key", "this line is indented differently from the keys above it"),
    ("expected <block end>", "this line is indented differently from the keys above it"),
    ("found unexpected end of stream", "a quotation mark or bracket is never closed"),
    ("while scanning a quoted scalar", "a quoted value is not closed, or holds a character that must be escaped"),
    ("did not find expected ',' or ']'", "a [list, like this] is not closed, or lacks a comma"),
    ("did not find expected ',' or '}'", "a {map: like this} is not closed, or lacks a comma"),
    ("could not find expected ':'", "a key without a colon after it (key: value)"),
    ("duplicate key", "the same key twice in one mapping"),
]


def _line_at(data: Any, path: list[Any]) -> tuple[int | None, str | None]:
    """The line of the deepest node on `path`, and the id of the rule on it, if any."""
    line, rule_id, node = getattr(data, "line", None), None, data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str) and "pattern" in node:
            rule_id = node["id"]
    return line, rule_id


def _node_at(data: Any, path: list[Any]) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _validate(validator: Any, data: Any, file: str) -> None:
    """Every schema problem of the file, one per rule or top-level entry (the deepest of each)."""
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if not errors:
        return
    by_entry: dict[tuple[str, ...], Any] = {}
    for error in errors:
        entry = tuple(map(str, list(error.absolute_path)[:2]))
        if entry not in by_entry or len(error.absolute_path) > len(by_entry[entry].absolute_path):
            by_entry[entry] = error
    found = [_schema_error(error, data, file) for error in by_entry.values()]
    raise RuleError.of(sorted(found, key=lambda e: (e.line or 0, e.message)))


def _schema_error(error: Any, data: Any, file: str) -> RuleError:
    path = list(error.absolute_path)
    line, rule_id = _line_at(data, path)
    message = error.message
    if error.validator == "additionalProperties":
        keys = re.findall(r"'([^']+)'", message.split("(")[-1])
        message = "unknown key " + ", ".join(repr(k) for k in keys) if keys else message
        node = _node_at(data, path)
        if keys and isinstance(node, LineDict) and keys[0] in node.key_lines:
            line = node.key_lines[keys[0]]
    where = "/".join(str(p) for p in path)
    return RuleError(f"{message}" + (f" (at {where})" if where else ""), file=file, line=line, rule=rule_id)


def _collect(source: RuleSource, data: dict[str, Any], file: str) -> None:
    source.files.append(file)
    default_stage = data.get("stage", 1)
    for name, spec in data.get("macros", {}).items():
        line = data["macros"].key_lines[name]
        replace = isinstance(spec, dict)
        _check_redefinition("macro", name, source.macros.get(name), replace, "replace: true (and pattern:)",
                            file, line)
        source.macros[name] = MacroDef(name, spec["pattern"] if replace else spec, file, line)
    for name, spec in data.get("lexicons", {}).items():
        line = data["lexicons"].key_lines[name]
        below = source.lexicons.get(name)
        extend = bool(spec.get("extend"))
        _check_redefinition("lexicon", name, below, extend or bool(spec.get("replace")),
                            "extend: true to add entries, or replace: true", file, line)
        entries = _lexicon_entries(spec.get("entries", ()))
        counts = Counter(surface for surface, _ in entries)
        repeated = sorted(s for s, n in counts.items() if n > 1)
        if repeated:
            raise RuleError(f"lexicon {name} lists {', '.join(map(repr, repeated))} more than once",
                            file=file, line=line)
        if extend and below is not None:
            added = dict(entries)
            entries = tuple((s, added.pop(s, v)) for s, v in below.entries) + tuple(added.items())
        words_of = tuple(spec.get("words_of", ())) or (below.words_of if extend and below else ())
        for other in words_of:
            if other == name:
                raise RuleError(f"lexicon {name} takes words_of itself", file=file, line=line)
        if not entries and not words_of:
            raise RuleError(f"lexicon {name} has no entries and no words_of", file=file, line=line)
        source.lexicons[name] = LexiconDef(name, entries, file, line, words_of)
    if "segmentation" in data:
        seg = data["segmentation"]
        if source.segmentation is not None and not seg.get("replace"):
            raise RuleError(f"segmentation is already defined in {source.segmentation.file}; "
                            "to redefine it, add replace: true", file=file, line=seg.line)
        source.segmentation = SegmentationDef(seg["paragraph_break"], seg["sentence_end"],
                                              seg.get("no_break_before"), seg.get("no_break_after"),
                                              seg.get("protect"), file, seg.line)
    if "attribution" in data:
        spec = data["attribution"]
        if source.attribution is not None and not spec.get("replace"):
            raise RuleError(f"attribution is already defined in {source.attribution_file}; "
                            "to redefine it, add replace: true", file=file, line=spec.line)
        source.attribution = tuple(AttributionStep(step["id"], step.get("about", ""), _examples(step), file,
                                                   getattr(step, "line", spec.line))
                                   for step in spec["steps"])
        source.attribution_file = file
        skip = spec.get("not_attributed")
        source.not_attributed = None if skip is None else NotAttributedDef(
            skip["pattern"], tuple(skip["examples"]), tuple(skip.get("counter_examples", ())), file,
            getattr(skip, "line", spec.line))
    for raw in data.get("rules", []):
        rule = _rule(raw, default_stage, file)
        if raw.get("replaces"):
            at = next((i for i, r in enumerate(source.rules) if r.id == rule.id), None)
            if at is None:
                raise RuleError("replaces: true, but no folder below (or earlier file) has a rule with this id",
                                file=file, line=rule.line, rule=rule.id)
            source.rules[at] = rule
        else:
            source.rules.append(rule)


def _check_redefinition(kind: str, name: str, below: Any, marked: bool, how: str, file: str, line: int) -> None:
    if below is not None and not marked:
        raise RuleError(f"{kind} {name} is already defined in {below.file}:{below.line}; to change it here, "
                        f"add {how}", file=file, line=line)
    if below is None and marked:
        raise RuleError(f"{kind} {name} is marked to change a {kind} of a folder below (or an earlier file), "
                        "but none defines it", file=file, line=line)


def _lexicon_entries(entries: Any) -> tuple[tuple[str, Any], ...]:
    if isinstance(entries, dict):
        return tuple((str(k), v) for k, v in entries.items())
    pairs = []
    for item in entries:
        if isinstance(item, dict):
            (surface, value), = item.items()
            pairs.append((str(surface), value))
        else:
            pairs.append((item, item))
    return tuple(pairs)


def _examples(raw: dict[str, Any]) -> tuple[Example, ...]:
    examples = [Example(e["text"], e["match"], e.get("value"), e.get("reference_date"), e.line)
                for e in raw["examples"]]
    counters = raw.get("counter_examples", LineList())
    for i, c in enumerate(counters):
        text, ref = (c, None) if isinstance(c, str) else (c["text"], c.get("reference_date"))
        examples.append(Example(text, None, None, ref, counters.item_lines[i]))
    return tuple(examples)


def _rule(raw: dict[str, Any], default_stage: int, file: str) -> RuleDef:
    examples = _examples(raw)
    groups = {name: GroupDef(g.get("means", ""), tuple(g.get("is", ())), tuple(g.get("not_in", ())),
                             tuple(g.get("tail_of", ())))
              for name, g in raw.get("groups", {}).items()}
    return RuleDef(
        id=raw["id"], type=raw["type"], pattern=raw["pattern"],
        stage=raw.get("stage", default_stage), priority=raw.get("priority", 50),
        flags=tuple(raw.get("flags", ())), scope=raw.get("scope", "document"), near=raw.get("near"),
        requires=_as_tuple(raw.get("requires")), anchor=raw.get("anchor"), anchor_mention=raw.get("anchor_mention"),
        span=raw.get("span"), emit=raw.get("emit", True), sets=raw.get("sets"),
        normaliser=raw.get("normaliser", "none"), options=dict(raw.get("options", {})),
        groups=groups, not_overlapping=tuple(raw.get("not_overlapping", ())),
        examples=examples, file=file, line=getattr(raw, "line", 0), about=raw.get("about", ""),
    )


def _check_unique_rule_ids(source: RuleSource) -> None:
    seen: dict[str, RuleDef] = {}
    for rule in source.rules:
        if rule.id in seen:
            first = seen[rule.id]
            raise RuleError(f"duplicate rule id (first defined at {first.file}:{first.line})",
                            file=rule.file, line=rule.line, rule=rule.id)
        seen[rule.id] = rule
