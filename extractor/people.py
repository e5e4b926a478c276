"""The people of a document: every mention of one person gathered under their fullest name.

Built after resolution from what the engine already knows: titles with a name ("Defence
Minister Rajnath Singh"), title-only mentions resolved to a person ("the minister"), person
name mentions (full names, and a surname or "Mr Singh" that resolves to a full name), and
quote speakers ("he", when the quote was attributed to that person). A name counts as a
person with evidence only: a title or a quote of theirs, a courtesy title ("Mr Singh"), or a
second mention (the surname again); a capitalised phrase seen once and nothing else
("Emerging Technology", "Meanwhile") is left out.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from .matching import MatchOutcome, Mention


def people_of(text: str, outcome: MatchOutcome, quotes: Iterable[Mention], fullest: Callable[[str], str],
              name_words: Callable[[str], list[str]]) -> list[dict[str, Any]]:
    """One entry per person, in order of first mention: `name` (fullest), `titles`,
    `organisations` (as written, first seen first) and `mentions` (start, end, text)."""
    found: dict[str, dict[str, Any]] = {}

    def add(name: str, start: int, end: int) -> dict[str, Any]:
        person = found.setdefault(name, {"name": name, "titles": [], "organisations": [], "spans": set()})
        person["spans"].add((start, end))
        return person

    for m in outcome.of_type("title").mentions:
        value = m.value or {}
        if not (m.emit and value.get("person")):
            continue
        person = add(value["person"], m.start, m.end)
        _append_new(person["titles"], value.get("title"))
        _append_new(person["organisations"], value.get("organisation"))
    speakers = [(m.value["speaker"], m.value["speaker_start"], m.value["speaker_end"])
                for m in quotes
                if m.value and m.value.get("speaker") and isinstance(m.value.get("speaker_start"), int)]
    spoken = {name for name, _, _ in speakers}
    named: dict[str, list[tuple[int, int, bool]]] = {}
    for m in outcome.of_type("person").mentions:
        written = text[m.start:m.end]
        name = fullest(written)
        named.setdefault(name, []).append((m.start, m.end, name_words(written) != written.split()))
    for name, spans in named.items():
        courtesy = any(honorific for _, _, honorific in spans)
        if name in found or name in spoken or courtesy or (len(spans) > 1 and len(name_words(name)) > 1):
            for start, end, _ in spans:
                add(name, start, end)
    for name, start, end in speakers:
        if name in found:
            add(name, start, end)
    return [_entry(text, person) for person in sorted(found.values(), key=lambda p: (min(p["spans"]), p["name"]))]


def _append_new(items: list[str], item: Any) -> None:
    """Add `item` unless the list holds it already, in any case ("defence secretary")."""
    if item and all(item.casefold() != known.casefold() for known in items):
        items.append(item)


def _entry(text: str, person: dict[str, Any]) -> dict[str, Any]:
    spans = sorted(person["spans"], key=lambda span: (span[0], -span[1]))
    outer: list[tuple[int, int]] = []
    for start, end in spans:             # a name inside its title's span is the same mention
        if not (outer and start < outer[-1][1] and end <= outer[-1][1]):
            outer.append((start, end))
    return {"name": person["name"], "titles": person["titles"], "organisations": person["organisations"],
            "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in outer]}


def mapped(people: Iterable[dict[str, Any]], given: str, start: Callable[[int], int],
           end: Callable[[int], int]) -> list[dict[str, Any]]:
    """The same people with their mention offsets into the text as given (not its NFC form)."""
    out = []
    for person in people:
        mentions = [{"start": start(m["start"]), "end": end(m["end"])} for m in person["mentions"]]
        out.append({**person, "mentions": [{**m, "text": given[m["start"]:m["end"]]} for m in mentions]})
    return out
