"""The dateparser fallback reads a rule's span only, against the reference date."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,span,timex", [
    ("the form dated 2021/mar/09", "2021/mar/09", "2021-03-09"),
    ("expires Sep-23-2020.", "Sep-23-2020", "2020-09-23"),
    ("the memo dated March-2021-14", "March-2021-14", "2021-03-14"),
])
def test_mixed_numeric_dates(engine, text, span, timex):
    found = {e.text: e.value for e in engine.extract(text, reference_date="2023-06-05").of_type("date")}
    assert found[span] == {"timex": timex, "kind": "date", "granularity": "day"}
    assert engine.extract(text).of_type("date")[0].value["timex"] == timex      # no reference needed
