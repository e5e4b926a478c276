"""Time limits while one document is worked on: a budget for the whole document and a limit
for each rule in it, both in wall-clock seconds (the clock `regex` counts its timeouts by).

The per-rule limit stops one catastrophic pattern (the rule's matches in that document are
lost, the other rules run); the document budget bounds the sum, so no input can hold a batch
up for longer than the budget, however many searches each stay under their own limit. Both
grow with the document: as much again for every million characters after the first, so a
long document's plain scan is not mistaken for a runaway pattern.
"""
from __future__ import annotations

import math
import time

SCAN_ALLOWANCE = 1_000_000   # characters one allowance of time covers
_INF = math.inf
_clock = time.monotonic     # looked up once: `timeout()` runs before every search


class Budget:
    def __init__(self, document: float | None, rule: float | None, length: int) -> None:
        scale = max(1.0, length / SCAN_ALLOWANCE)
        self.document_seconds = None if document is None else document * scale
        self.rule_seconds = None if rule is None else rule * scale
        self._document_deadline = math.inf if document is None else time.monotonic() + document * scale
        self._deadline = self._document_deadline      # the nearer of the two

    def start_rule(self) -> None:
        """A rule begins: its own limit starts counting (within what the document has left)."""
        if self.rule_seconds is not None:
            self._deadline = min(self._document_deadline, time.monotonic() + self.rule_seconds)

    def end_rule(self) -> None:
        self._deadline = self._document_deadline

    def timeout(self) -> float | None:
        """The `timeout=` for the next search: the time left to the nearer deadline (None: no
        limit). Raises TimeoutError, as `regex` does, if that time is already up."""
        deadline = self._deadline
        if deadline == _INF:
            return None
        left = deadline - _clock()
        if left <= 0:
            raise TimeoutError
        return left

    def spent(self) -> bool:
        """Whether the document's budget is used up (else a timeout was the rule's limit)."""
        return time.monotonic() >= self._document_deadline
