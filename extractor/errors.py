"""Errors that users see: each names where the problem is, so no traceback is needed."""
from __future__ import annotations


class RuleError(Exception):
    """A rule file that cannot be loaded: names the file, the line and, where known, the rule."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 rule: str | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.rule = rule
        self.more: list[RuleError] = []      # further problems found in the same pass
        super().__init__(str(self))

    @classmethod
    def of(cls, errors: list["RuleError"]) -> "RuleError":
        """One error to raise for several: the first, carrying the others in `more`."""
        first = errors[0]
        first.more = errors[1:]
        return first

    def all(self) -> list["RuleError"]:
        return [self] + self.more

    def __str__(self) -> str:
        where = self.file or "<rules>"
        if self.line is not None:
            where += f":{self.line}"
        if self.rule:
            where += f": rule {self.rule}"
        return f"{where}: {self.message}"


class DocumentError(Exception):
    """One document that could not be read or extracted; the others in a batch go on."""

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        self.message = message
        self.doc_id = doc_id
        super().__init__(f"{doc_id}: {message}" if doc_id else message)
