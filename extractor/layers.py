"""`extractor init`: a starter folder that builds on the built-in rules (loading.py reads the
layers; this module only writes the first one)."""
from __future__ import annotations

from pathlib import Path

from .errors import RuleError

LAYER = """\
about: >
  This folder builds on the rules that ship with extractor: its files add rules, replace
  built-in ones (a rule with the same id and `replaces: true`), extend or replace lexicons
  (`extend: true`, `replace: true`) and macros (`{pattern: ..., replace: true}`).
layer:
  extends: builtin
  # Ids of built-in rules to switch off, e.g. [quote.according_to]; `extractor explain` and
  # the rule files of the installed package show the ids.
  disable: []
"""

ADDITIONS = """\
about: >
  Additions to the built-in rules. Check them with:  extractor test --rules THIS_FOLDER
lexicons:
  # A built-in word list with a few more entries: verbs that introduce a quotation.
  cue_verbs:
    extend: true
    entries: [fumed, lamented]
rules:
  # A new type, with the examples that `extractor test` runs.
  - id: ticker.exchange
    type: ticker
    about: 'A stock ticker after its exchange, as in "(NASDAQ: ACME)".'
    pattern: '(?<![\\p{L}])(?:NYSE|NASDAQ|LSE):\\s?[A-Z]{1,5}(?![\\p{L}])'
    examples:
      - {text: "Shares of Acme (NASDAQ: ACME) rose 5%.", match: "NASDAQ: ACME"}
    counter_examples:
      - "The NASDAQ rose 5% on Monday."
"""


def write_starter(folder: Path) -> list[Path]:
    """layer.yaml and additions.yaml in `folder` (made if need be); never overwrites a file."""
    files = {folder / "layer.yaml": LAYER, folder / "additions.yaml": ADDITIONS}
    existing = [str(path) for path in files if path.exists()]
    if existing:
        raise RuleError(f"will not overwrite {', '.join(existing)}", file=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, "utf-8")
    return list(files)
