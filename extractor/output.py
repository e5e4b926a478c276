"""Results in the output contract (docs/output.md, version 1), as dicts, JSON or a table."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA_ID = "extractor/1"
# A surrogate code point on its own (legal in a JSON string, "\udc00", and so in a Python str)
# cannot be written as UTF-8: the output carries it escaped.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Extraction:
    type: str
    start: int
    end: int
    text: str
    rule: str
    value: dict[str, Any]

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, -(self.end - self.start), self.type, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "start": self.start, "end": self.end, "text": self.text,
                "rule": self.rule, "value": self.value}


@dataclass
class Result:
    """What one document gave: its extractions, and the errors met on the way (if any)."""

    id: str | None
    reference_date: str | None
    extractions: list[Extraction] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Each person of the document under their fullest name: titles, organisations, mentions
    # (extractor.people); empty when the title type was not asked for.
    people: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def of_type(self, type_: str) -> list[Extraction]:
        return [e for e in self.extractions if e.type == type_]

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"schema": SCHEMA_ID, "id": self.id, "reference_date": self.reference_date,
                               "extractions": [e.to_dict() for e in self.extractions],
                               "people": self.people}
        if self.errors:
            doc["errors"] = self.errors
        return doc

    def to_json(self, indent: int | None = None) -> str:
        return to_json(self.to_dict(), indent)


def to_json(data: Any, indent: int | None = None) -> str:
    """JSON that can always be written as UTF-8: a lone surrogate, which can occur only inside
    a string, is written as its escape (which reads back as the same string)."""
    separators = (",", ": ") if indent else (",", ":")
    return _escaped(json.dumps(data, ensure_ascii=False, indent=indent, separators=separators))


def _escaped(text: str) -> str:
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def output_schema() -> dict[str, Any]:
    from .loading import read_schema
    return read_schema("output.schema.json")


def _summary(value: dict[str, Any]) -> str:
    parts = []
    for key, item in value.items():
        if item is None or item == [] or key in ("speaker_start", "speaker_end"):
            continue
        if key == "quote" and isinstance(item, str) and len(item) > 40:
            item = item[:37] + "..."
        parts.append(f"{key}={item if not isinstance(item, list) else '; '.join(map(str, item))}")
    return ", ".join(parts)


def to_table(result: Result) -> str:
    """A readable table for people: one extraction a line."""
    lines = [f"# {result.id or '-'}  reference date: {result.reference_date or '-'}"]
    rows = [(e.type, f"{e.start}-{e.end}", e.text.replace("\n", " "), _summary(e.value), e.rule)
            for e in result.extractions]
    if rows:
        cut = [min(max(len(r[i]) for r in rows), limit) for i, limit in enumerate((9, 11, 48, 0, 0))]
        for row in rows:
            text = row[2] if len(row[2]) <= cut[2] else row[2][: cut[2] - 3] + "..."
            lines.append(f"{row[0]:<{cut[0]}}  {row[1]:<{cut[1]}}  {text:<{cut[2]}}  {row[3]}  [{row[4]}]")
    for person in result.people:
        held = ", ".join(person["titles"] + person["organisations"])
        lines.append(f"person  {person['name']}{f' ({held})' if held else ''}: "
                     f"{len(person['mentions'])} mention(s) from {person['mentions'][0]['start']}")
    for error in result.errors:
        lines.append(f"! error: {error.get('message')}")
    return _escaped("\n".join(lines))
