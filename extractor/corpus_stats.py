"""What a rule set does over a corpus: hits per rule and per type, the rules that never fire
(`extractor stats`), and what changes between two rule sets (`extractor diff`)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from .engine import Engine
from .inputs import Document
from .output import Extraction


@dataclass
class Stats:
    documents: int = 0
    failed: int = 0
    by_rule: Counter = field(default_factory=Counter)     # every mention, internal ones too
    by_type: Counter = field(default_factory=Counter)     # extractions only
    rules: list[str] = field(default_factory=list)        # every rule of the rule set

    @property
    def never_fired(self) -> list[str]:
        return [rule for rule in self.rules if not self.by_rule[rule]]

    def table(self) -> str:
        lines = [f"{self.documents} documents ({self.failed} not read), "
                 f"{sum(self.by_type.values())} extractions", "", "type          extractions"]
        lines += [f"{t:13} {n:>11}" for t, n in sorted(self.by_type.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines += ["", "rule                                   hits"]
        lines += [f"{r:38} {n:>5}" for r, n in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
        never = self.never_fired
        lines += ["", f"never fired ({len(never)}): " + (", ".join(never) if never else "none")]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "failed": self.failed, "types": dict(sorted(self.by_type.items())),
                "rules": {r: self.by_rule[r] for r in self.rules}, "never_fired": self.never_fired}


def corpus_stats(engine: Engine, documents: Iterable[Document], date: str | None = None) -> Stats:
    stats = Stats(rules=sorted(rule.id for rule in engine.rules.rules))
    for document in documents:
        stats.documents += 1
        if document.error is not None:
            stats.failed += 1
            continue
        try:
            result, outcome = engine.run(document.text or "", date or document.date, document.id)
        except (ValueError, TypeError):
            stats.failed += 1
            continue
        for index in outcome.mentions.values():
            stats.by_rule.update(m.rule.id for m in index.mentions)
        stats.by_type.update(e.type for e in result.extractions)
    return stats


@dataclass
class Change:
    kind: str              # added, lost, changed
    document: str
    old: Extraction | None
    new: Extraction | None

    @property
    def rule(self) -> str:
        return (self.new or self.old).rule      # type: ignore[union-attr]

    def describe(self) -> str:
        e = self.new or self.old
        assert e is not None
        where = f"{self.document} {e.start}-{e.end} {e.text!r}"
        if self.kind == "changed":
            assert self.old is not None and self.new is not None
            was = _value(self.old.value)
            if self.old.rule != self.new.rule:
                was = f"{self.old.rule} {was}"
            return f"{where}: {was} -> {_value(self.new.value)}"
        return f"{where}: {_value(e.value)}"


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def diff_outputs(old: Engine, new: Engine, documents: Iterable[Document], date: str | None = None) -> list[Change]:
    """Extractions added, lost and changed (same type and span, another value or rule)."""
    changes = []
    for document in documents:
        if document.error is not None:
            continue
        ref = date or document.date
        try:
            before = {(e.type, e.start, e.end): e for e in old.extract(document.text or "", ref).extractions}
            after = {(e.type, e.start, e.end): e for e in new.extract(document.text or "", ref).extractions}
        except (ValueError, TypeError):
            continue
        for key in sorted(before.keys() | after.keys(), key=lambda k: (k[1], k[2], k[0])):
            a, b = before.get(key), after.get(key)
            if a is None:
                changes.append(Change("added", document.id, None, b))
            elif b is None:
                changes.append(Change("lost", document.id, a, None))
            elif (a.rule, a.value) != (b.rule, b.value):
                changes.append(Change("changed", document.id, a, b))
    return changes


def diff_report(changes: list[Change], documents: int, examples: int = 3) -> str:
    counts = Counter(c.kind for c in changes)
    lines = [f"{documents} documents: {counts['added']} extractions added, {counts['lost']} lost, "
             f"{counts['changed']} changed"]
    groups: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for change in changes:
        groups[(change.kind, change.rule)].append(change)
    for (kind, rule), group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"\n{kind} {len(group)}  {rule}")
        lines += [f"  {c.describe()}" for c in group[:examples]]
        if len(group) > examples:
            lines.append(f"  ... and {len(group) - examples} more")
    return "\n".join(lines)
