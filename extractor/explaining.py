"""Why an extraction came out as it did, and why a span did not (`extractor explain`).

For each extraction: the rule (with its file and line), the text of each of its groups, the
earlier-stage mentions its constraints were checked against, the reference date the value was
worked out from and where that date came from, and for a quote or an agreement the mention
its speaker or parties were resolved from. For a span that was not found (`why_not`): every
rule whose pattern can match that text, and the first check that failed for it: the scope it
searches (pre-filter), the pattern at that place, a constraint, the overlap it lost (to which
rule), the normaliser, or emit: false.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .budget import Budget
from .matching import MatchOutcome, Mention, _allowed, _units, mention_for
from .normal_form import to_nfc
from .normalising import Context
from .normalising.dates.tense import is_future
from .segmenting import segment

if TYPE_CHECKING:
    from .engine import Engine

Span = tuple[int, int]


def explain(engine: "Engine", text: str, reference_date: Any = None, why_not: list[str] | tuple[str, ...] = (),
            date_order: str | None = None) -> dict[str, Any]:
    """Plain data: `extractions` (each with `rule`, `groups`, `constraints`, `steps`) and
    `why_not` (per span asked about, each candidate rule and its `verdict`). Offsets index the
    NFC form of `text` (the same text unless it was not NFC)."""
    nfc, _ = to_nfc(text)
    result, outcome = engine.run(nfc, reference_date, date_order=date_order)
    source = ("given" if reference_date is not None else
              "dateline of the document" if result.reference_date else "none: relative dates stay open")
    explained = []
    rules = {rule.id: rule.definition for rule in engine.rules.rules}
    segments = segment(nfc, engine.rules.segmentation)      # once, for every date and why-not
    ctx = Context(nfc, date.fromisoformat(result.reference_date) if result.reference_date else None,
                  engine.rules.lexicons, segments, {}, outcome)
    for extraction in result.extractions:
        mention = outcome.of_type(extraction.type).at((extraction.start, extraction.end))
        rule = rules[extraction.rule]
        entry: dict[str, Any] = {
            "type": extraction.type, "start": extraction.start, "end": extraction.end, "text": extraction.text,
            "rule": extraction.rule, "rule_at": f"{rule.file}:{rule.line}", "value": extraction.value,
            "groups": _groups(mention) if mention is not None and mention.rule.id == extraction.rule else {},
            "constraints": _constraints(mention, outcome) if mention is not None else [],
            "steps": _steps(extraction, rule, result.reference_date, source, outcome)
            + _date_steps(mention, ctx),
        }
        explained.append(entry)
    answers = [_why_not(engine, nfc, span, outcome, result, segments) for span in why_not]
    return {"text": nfc, "reference_date": result.reference_date, "reference_date_from": source,
            "extractions": explained, "why_not": answers, "errors": result.errors}


def _groups(mention: Mention) -> dict[str, Any]:
    match = mention.match
    return {name: {"text": match.group(name), "start": match.start(name), "end": match.end(name)}
            for name in sorted(match.re.groupindex) if match.start(name) >= 0}


def _constraints(mention: Mention, outcome: MatchOutcome) -> list[str]:
    """What the rule's `is`, `not_in` and `not_overlapping` were checked against."""
    definition, checks = mention.rule.definition, []
    for name, spec in definition.groups.items():
        for span in mention.match.spans(name) if name in mention.match.re.groupindex else []:
            for type_ in spec.is_:
                found = mention_for(outcome, span, (type_,), spec.tail_of)
                if found is not None:
                    checks.append(f"group {name} {_text(found)!r} is a {type_} mention ({found.rule.id})")
            for type_ in spec.not_in:
                checks.append(f"group {name} is inside no {type_} mention")
    for type_ in definition.not_overlapping:
        checks.append(f"overlaps no {type_} mention")
    return checks


def _text(mention: Mention) -> str:
    return mention.match.string[mention.start:mention.end]


def _steps(extraction: Any, rule: Any, reference: str | None, source: str, outcome: MatchOutcome) -> list[str]:
    steps = [f"normaliser {rule.normaliser}"]
    if extraction.type == "date":
        steps.append(f"reference date {reference or 'none'} ({source})")
    value = extraction.value
    if "speaker_text" in value and value.get("speaker_start") is not None:
        span = (value["speaker_start"], value["speaker_end"])
        found = next((outcome.of_type(t).at(span) for t in ("title", "person", "organisation", "pronoun",
                                                             "country", "descriptor", "collective")
                      if outcome.of_type(t).at(span) is not None), None)
        how = f"a {found.type} mention ({found.rule.id})" if found else "a mention"
        steps.append(f"speaker {value['speaker_text']!r}: {how}, resolved to {value.get('speaker')!r}")
    elif "speaker" in value and value.get("speaker") is None:
        steps.append("no speaker: nothing in the sentence or the paragraph attributes the quotation")
    if extraction.type == "money" and "amount" in value:
        mention = outcome.of_type("money").at((extraction.start, extraction.end))
        groups = _groups(mention) if mention is not None else {}
        number = groups.get("amount", {}).get("text")
        scale = groups.get("scale", {}).get("text")
        steps.append(f"amount {number!r}" + (f" times the scale {scale!r}" if scale else "")
                     + f" = {value['amount']}; currency {value.get('currency')}; qualifier {value.get('qualifier')}")
    if extraction.type == "title" and value.get("person"):
        people = [m for m in outcome.of_type("person").mentions
                  if _text(m) == value["person"]]
        origin = (f"the person mention {value['person']!r} at {people[0].start}-{people[0].end} "
                  f"({people[0].rule.id})") if people else f"{value['person']!r}"
        steps.append(f"person: the fullest name in the document that ends with the title's name: {origin}")
    if "parties" in value:
        steps.append(f"parties {value['parties']} from the subject and with-phrases of the verb, "
                     "pronouns and collectives resolved to earlier mentions")
    return steps


def _date_steps(mention: Mention | None, ctx: Context) -> list[str]:
    """For a date the text leaves open (no year written): how the tense of its sentence chose
    between the past and the coming occurrence."""
    if mention is None or mention.type != "date" or mention.group("year") or ctx.reference_date is None:
        return []
    tense = "future" if is_future(mention, ctx) else "past"
    taken = "the coming occurrence after" if tense == "future" else "the latest occurrence up to"
    return [f"no year written: tense read as {tense} (lexicons future_markers and past_markers, around "
            f"the date), so {taken} the reference date"]


def _why_not(engine: "Engine", text: str, span_text: str, outcome: MatchOutcome, result: Any,
             segments: Any) -> dict[str, Any]:
    start = text.find(span_text)
    if start < 0:
        return {"span": span_text, "found": False, "message": "the text does not contain this span", "rules": []}
    end = start + len(span_text)
    produced = [e for e in result.extractions if (e.start, e.end) == (start, end)]
    candidates = []
    for rule in engine.rules.rules:
        if not _could_match(rule, text, span_text, (start, end)):
            continue
        candidates.append({"rule": rule.id, "type": rule.definition.type,
                           "rule_at": f"{rule.definition.file}:{rule.definition.line}",
                           "verdict": _verdict(rule, text, (start, end), outcome, segments)})
    return {"span": span_text, "start": start, "end": end, "found": True,
            "extracted_as": [{"type": e.type, "rule": e.rule} for e in produced], "rules": candidates}


def _could_match(rule: Any, text: str, span_text: str, span: Span) -> bool:
    """Whether the rule's pattern matches the span's text on its own, or something overlapping
    the span in the text around it: the rules that could have produced it."""
    if rule.pattern.search(span_text) is not None:
        return True
    window = (max(0, span[0] - 60), min(len(text), span[1] + 60))
    return any(m.start() < span[1] and m.end() > span[0]
               for m in rule.pattern.finditer(text, *window, overlapped=True))


def _verdict(rule: Any, text: str, span: Span, outcome: MatchOutcome, segments: Any) -> str:
    definition = rule.definition
    settled = outcome.of_type(definition.type)
    mine = settled.at(span)
    if mine is not None and mine.rule.id == rule.id:
        if mine.value is None:
            return f"matched, but normaliser {definition.normaliser} rejected the value"
        if not definition.emit:
            return "matched: an internal mention (emit: false) that later stages read"
        return "matched and extracted"
    units = _units(rule, text, segments, {}, Budget(None, None, len(text)))
    unit = next(((a, b) for a, b in units if a <= span[0] and span[1] <= b), None)
    if unit is None:
        why = "its pre-filter (requires) has no hit near it" if rule.requires else f"it is not inside one {definition.scope}"
        return f"not searched there: {why}"
    match = rule.pattern.match(text, span[0], unit[1]) if "reverse" not in definition.flags else \
        rule.pattern.match(text, unit[0], span[1])
    found = match.span(definition.span) if match is not None and definition.span else (match.span() if match else None)
    if match is None or found != span:
        near = rule.pattern.search(text, max(unit[0], span[0] - 60), min(unit[1], span[1] + 60))
        seen = f"; near it, it matches {near.group()!r}" if near is not None else ""
        return f"the pattern does not match exactly this span{seen}"
    if not _allowed(rule, match, found, outcome):
        return "a constraint failed: " + _failed_constraint(rule, match, found, outcome)
    winner = settled.overlapping(span)
    if winner is not None:
        return (f"lost the overlap to {winner.rule.id} {_text(winner)!r} "
                f"(priority {winner.rule.definition.priority} against {definition.priority}, then longer, "
                "then leftmost)")
    return "matched, then dropped (its normaliser rejected it and nothing took its place)"


def _failed_constraint(rule: Any, match: Any, span: Span, outcome: MatchOutcome) -> str:
    definition = rule.definition
    for type_ in definition.not_overlapping:
        hit = outcome.of_type(type_).overlapping(span)
        if hit:
            return f"not_overlapping {type_}: overlaps {_text(hit)!r} ({hit.rule.id})"
    for name, spec in definition.groups.items():
        for group_span in match.spans(name):
            group_text = match.string[group_span[0]:group_span[1]]
            if spec.is_ and mention_for(outcome, group_span, spec.is_, spec.tail_of) is None:
                return f"group {name} {group_text!r} is no {' or '.join(spec.is_)} mention"
            for type_ in spec.not_in:
                inside = outcome.of_type(type_).containing(group_span)
                if inside:
                    return f"group {name} {group_text!r} is inside the {type_} mention " \
                           f"{_text(inside)!r} ({inside.rule.id})"
    return "unknown"


def explanation_text(data: dict[str, Any]) -> str:
    """The explanation for people, one block per extraction and per span asked about."""
    lines = [f"reference date: {data['reference_date'] or '-'} ({data['reference_date_from']})"]
    for e in data["extractions"]:
        lines.append(f"\n{e['type']} {e['start']}-{e['end']} {e['text']!r}  <- {e['rule']} ({e['rule_at']})")
        lines.append(f"  value: {e['value']}")
        for name, group in e["groups"].items():
            lines.append(f"  group {name}: {group['text']!r}")
        lines += [f"  checked: {c}" for c in e["constraints"]]
        lines += [f"  step: {s}" for s in e["steps"]]
    for answer in data["why_not"]:
        if not answer["found"]:
            lines.append(f"\nwhy not {answer['span']!r}: {answer['message']}")
            continue
        made = ", ".join(f"{x['type']} by {x['rule']}" for x in answer["extracted_as"]) or "nothing"
        lines.append(f"\nwhy not {answer['span']!r} ({answer['start']}-{answer['end']}): extracted as {made}")
        if not answer["rules"]:
            lines.append("  no rule's pattern matches this text or around it")
        lines += [f"  {r['rule']} ({r['rule_at']}): {r['verdict']}" for r in answer["rules"]]
    for error in data["errors"]:
        lines.append(f"\nerror: {error['message']}")
    return "\n".join(lines)
