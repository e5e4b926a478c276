"""The YAML reader for rule files: safe, with the line of every key and item, no surprise types."""
from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import RuleError
from .loading import LineDict, LineList

MAX_DEPTH = 50            # levels of nesting (rule files use about six)
MAX_NODES = 2_000_000     # values in a file once its aliases are expanded


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml where present
    """Safe YAML with line marks, duplicate-key errors, and no surprise types.

    YAML 1.1 reads `no`, `on`, `off` as booleans and `2023-06-05` as a date: in word
    lists (`NO` is Norway) that silently corrupts data, so only true/false are booleans
    and dates stay strings.
    """


LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    LineLoader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(text: str, file: str) -> Any:
    """The document in `text`, checked for nesting depth and for its size with aliases
    expanded before anything is built from it: a "billion laughs" file of a kilobyte, whose
    aliases refer to aliases, is a few nodes to parse and billions to validate."""
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check(node, file)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check(root: yaml.Node, file: str) -> None:
    """Depth and expanded size, without recursion and counting each shared node once."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        line = node.start_mark.line + 1
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[id(node)] > MAX_NODES:
                raise RuleError(f"over {MAX_NODES:,} values once its aliases (*name) are expanded: "
                                "do aliases refer to aliases?", file=file, line=line)
            continue
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise RuleError(f"nested more than {MAX_DEPTH} levels deep", file=file, line=line)
        open_nodes.add(id(node))
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise RuleError("an alias (*name) refers to a value that contains it", file=file,
                                line=child.start_mark.line + 1)
            if id(child) not in sizes:
                stack.append((child, depth + 1, False))
