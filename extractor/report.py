"""`extractor report`: one static, self-contained HTML page (no network) of documents with
their extractions highlighted by type. Hovering a highlight shows its type, rule and value;
clicking it shows them in the side panel. Each document also gets a table of its extractions
and, where there is one, its list of people (from titles and quote speakers)."""
from __future__ import annotations

import html
import json
from typing import Any, Iterable

from .output import Result

COLOURS = {"date": "#cfe8ff", "money": "#d7f5d0", "title": "#ffe3b8", "quote": "#f3d9ff",
           "agreement": "#ffd2d2"}
OTHER_COLOUR = "#e8e8e8"

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; display: flex; }
main { flex: 1; padding: 1em 2em; max-width: 60em; }
aside { width: 22em; padding: 1em; border-left: 1px solid #ccc; position: sticky; top: 0; height: 100vh;
        overflow: auto; background: #fafafa; font-size: 13px; }
article { border-bottom: 1px solid #ddd; padding-bottom: 1em; margin-bottom: 1em; }
.text { white-space: pre-wrap; }
mark { cursor: pointer; border-radius: 2px; padding: 0 1px; }
mark.selected { outline: 2px solid #333; }
table { border-collapse: collapse; font-size: 13px; margin-top: .5em; }
td, th { border: 1px solid #ddd; padding: 2px 6px; vertical-align: top; text-align: left; }
.legend span { padding: 0 6px; margin-right: 4px; border-radius: 2px; }
.error { color: #a00; }
pre { white-space: pre-wrap; word-break: break-word; }
"""

SCRIPT = """
window.addEventListener('error', function (event) {
  document.body.dataset.scriptErrors = (document.body.dataset.scriptErrors || '') + event.message + ';';
});
(function () {
  var panel = document.getElementById('details');
  var data = JSON.parse(document.getElementById('extractions').textContent);
  var marks = document.querySelectorAll('mark[data-x]');
  marks.forEach(function (mark) {
    mark.addEventListener('click', function () {
      document.querySelectorAll('mark.selected').forEach(function (m) { m.classList.remove('selected'); });
      mark.classList.add('selected');
      var shown = mark.dataset.x.split(' ').map(function (key) { return data[key]; });
      panel.textContent = JSON.stringify(shown, null, 2);
    });
  });
  var shownIds = {};
  marks.forEach(function (mark) { mark.dataset.x.split(' ').forEach(function (k) { shownIds[k] = 1; }); });
  document.body.dataset.extractions = Object.keys(data).length;
  document.body.dataset.highlighted = Object.keys(shownIds).length;
})();
"""


def render(results: Iterable[tuple[str, Result]], title: str = "extractor report") -> str:
    """The page for (text, result) pairs, in order."""
    blocks, data = [], {}
    for n, (text, result) in enumerate(results):
        keys = [f"{n}.{i}" for i in range(len(result.extractions))]
        for key, extraction in zip(keys, result.extractions):
            data[key] = extraction.to_dict()
        blocks.append(_document(n, text, result, keys))
    legend = "".join(f'<span style="background:{colour}">{name}</span>' for name, colour in COLOURS.items())
    # No "<" at all inside the data's script element: the HTML parser ends or re-reads a script
    # at "</script" and "<!--"; JSON reads "\u003c" as "<".
    payload = json.dumps(data, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e")
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><main><h1>{html.escape(title)}</h1>"
            f"<p class=\"legend\">{legend} Hover a highlight for its rule and value; click it for details.</p>"
            + "".join(blocks) +
            "</main><aside><h2>Details</h2><pre id=\"details\">Click a highlight.</pre></aside>"
            f"<script type=\"application/json\" id=\"extractions\">{payload}</script>"
            f"<script>{SCRIPT}</script></body></html>\n")


def _document(n: int, text: str, result: Result, keys: list[str]) -> str:
    head = f"<h2>{html.escape(result.id or f'document {n + 1}')}</h2>"
    meta = f"<p>reference date: {html.escape(result.reference_date or '-')}; {len(result.extractions)} extractions</p>"
    errors = "".join(f'<p class="error">{html.escape(e["message"])}</p>' for e in result.errors)
    return (f"<article>{head}{meta}{errors}<div class=\"text\">{_highlighted(text, result, keys)}</div>"
            f"{_table(result, keys)}{_people(result)}</article>")


def _highlighted(text: str, result: Result, keys: list[str]) -> str:
    """The text cut at every extraction boundary; each piece inside extractions is a <mark>
    naming them all (the innermost gives the colour), with a tooltip."""
    cuts = sorted({0, len(text)} | {e.start for e in result.extractions} | {e.end for e in result.extractions})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(key, e) for key, e in zip(keys, result.extractions) if e.start <= a and b <= e.end]
        piece = html.escape(text[a:b])
        if not covering:
            pieces.append(piece)
            continue
        inner = min(covering, key=lambda ke: ke[1].end - ke[1].start)[1]
        tip = "\n".join(f"{e.type} [{e.rule}] {_short(e.value)}" for _, e in covering)
        pieces.append(f'<mark data-x="{" ".join(k for k, _ in covering)}" title="{html.escape(tip)}" '
                      f'style="background:{COLOURS.get(inner.type, OTHER_COLOUR)}">{piece}</mark>')
    return "".join(pieces)


def _short(value: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None and not k.endswith(("_start", "_end")))


def _table(result: Result, keys: list[str]) -> str:
    if not result.extractions:
        return ""
    rows = "".join(f'<tr data-x="{key}"><td>{html.escape(e.type)}</td><td>{html.escape(e.text)}</td>'
                   f"<td>{html.escape(_short(e.value))}</td><td>{html.escape(e.rule)}</td></tr>"
                   for key, e in zip(keys, result.extractions))
    return f"<table><tr><th>type</th><th>text</th><th>value</th><th>rule</th></tr>{rows}</table>"


def _people(result: Result) -> str:
    people = sorted({str(e.value["person"]) for e in result.extractions if e.type == "title" and e.value.get("person")}
                    | {str(e.value["speaker"]) for e in result.extractions if e.type == "quote" and e.value.get("speaker")})
    if not people:
        return ""
    return "<p>people and speakers: " + ", ".join(html.escape(p) for p in people) + "</p>"
