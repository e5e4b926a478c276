"""The engine: load -> compile once -> for each text: segment, match, normalise, resolve, output."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from . import caching
from .budget import Budget
from .compiling import CompiledRules, compile_rules
from .loading import RuleSource, builtin_rules_dir, load_layers, rule_layers
from .matching import MatchOutcome, Mention, MentionIndex, match_all
from .normal_form import OffsetMap, to_nfc
from .normalising import Context, Normaliser, check_date_order, default_dateline_readers, default_normalisers
from .output import Extraction, Result
from .people import mapped as people_mapped
from .reference import parse_reference_date
from .resolving import READS, resolve
from .segmenting import segment

log = logging.getLogger(__name__)
DEFAULT_TIMEOUT = 2.0   # seconds a rule may take in one document (per million characters)
DEFAULT_BUDGET = 10.0   # seconds one document may take (per million characters): twice a plain scan
CACHE_LIMIT = 200_000


class Engine:
    """Compiled rules, ready to extract. Holds no per-document state: share it across threads,
    pickle it to worker processes (its compiled rules go with it: no recompiling there)."""

    def __init__(self, source: RuleSource, normalisers: dict[str, Normaliser] | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT, compiled: CompiledRules | None = None,
                 budget: float | None = DEFAULT_BUDGET) -> None:
        """`timeout`: the seconds one rule may search one document before its matches there are
        given up (a runaway pattern); `budget`: the seconds one document may take before its
        remaining rules are skipped. Both are per million characters, None for no limit.
        `compiled`: the rules already compiled from `source` (as `from_directory` finds them
        in the cache); None compiles them."""
        for name, seconds in (("timeout", timeout), ("budget", budget)):
            if seconds is not None and not (isinstance(seconds, (int, float)) and 0 < seconds < float("inf")):
                raise ValueError(f"{name} must be a number of seconds above 0, or None, not {seconds!r}")
        self.budget = budget
        self.source = source
        self.normalisers = {**default_normalisers(), **(normalisers or {})}
        self.dateline_readers = default_dateline_readers()
        self.timeout = timeout
        self.rules: CompiledRules = compiled if compiled is not None else compile_rules(source, self.normalisers)
        self._cache: dict[Any, Any] = {}
        self._subsets: dict[frozenset[str], CompiledRules] = {}
        self._types = sorted({r.definition.type for r in self.rules.rules if r.definition.emit})

    @classmethod
    def from_directory(cls, path: str | Path | None = None, cache: bool = True, **kwargs: Any) -> "Engine":
        """Rules from a folder of YAML files; None means the rules that ship with the package. A
        folder whose layer.yaml says `layer: {extends: builtin}` (or another folder) adds to,
        overrides and switches off the rules of that folder (docs/rules.md, "Layers").
        With `cache`, compiled rules are kept on disk (`caching.py`) and reused while the
        files, the normalisers and the libraries stay the same."""
        directory = Path(path if path is not None else builtin_rules_dir())
        layers = rule_layers(directory)          # the folder, and those its layer.yaml builds on
        if not cache:
            return cls(load_layers(layers), **kwargs)
        names = {**default_normalisers(), **(kwargs.get("normalisers") or {})}
        key = caching.cache_key([f for layer in layers for f in layer.files], directory, names)
        stored = caching.load(key)
        if stored is not None:
            source, compiled = stored
            return cls(source, compiled=compiled, **kwargs)
        source = load_layers(layers)
        pieces = caching.load_pieces()     # what earlier compiles of similar rules built
        compiled = compile_rules(source, names, pieces)
        caching.store_pieces(pieces)
        engine = cls(source, compiled=compiled, **kwargs)
        caching.store(key, (engine.source, engine.rules))
        return engine

    def __getstate__(self) -> dict[str, Any]:
        return {"source": self.source, "normalisers": self.normalisers, "timeout": self.timeout,
                "budget": self.budget, "rules": self.rules}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["source"], state["normalisers"], state["timeout"],  # type: ignore[misc]
                      compiled=state.get("rules"), budget=state.get("budget", DEFAULT_BUDGET))

    @property
    def types(self) -> list[str]:
        """The types the rules emit."""
        return list(self._types)

    def extract(self, text: str, reference_date: str | date | None = None, id: str | None = None,
                types: Iterable[str] | None = None, date_order: str | None = None) -> Result:
        """Extract from one text. `reference_date` resolves relative dates; without it the
        document's own dateline is used, if the rules find one. `date_order` ("DMY" or "MDY")
        says how to read 05/06/2023 when no number over 12 settles it (default: the rules',
        day first)."""
        return self.run(text, reference_date, id, types, date_order)[0]

    def run(self, text: str, reference_date: str | date | None = None, id: str | None = None,
            types: Iterable[str] | None = None, date_order: str | None = None) -> tuple[Result, MatchOutcome]:
        """Like `extract`, also returning every mention (internal ones too) for examples and tests;
        mention offsets index the NFC form of `text` (the same text, unless it was not NFC)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        ref = parse_reference_date(reference_date)
        check_date_order(date_order)
        wanted = self.check_types(types)
        given, (text, offsets) = text, to_nfc(text)     # rules read NFC; offsets index `given`
        budget = Budget(self.budget, self.timeout, len(text))
        errors: list[dict[str, Any]] = []
        segments = segment(text, self.rules.segmentation, budget, errors)
        outcome = match_all(self._rules_for(wanted), text, segments, budget)
        outcome.errors[:0] = errors
        for error in outcome.errors:
            error.setdefault("document", id)
            log.warning("%s: %s", id or "<text>", error["message"])
        ctx = Context(text, ref, self.rules.lexicons, segments, self._cache, outcome, date_order)
        if ref is None:
            ctx.reference_date = self._dateline(outcome, ctx)
        self._normalise(outcome, ctx, id)
        extra, people = resolve(text, outcome, segments, self.rules.lexicons,
                                with_people=wanted is None or "title" in wanted,
                                attribution=tuple(step.id for step in self.rules.attribution),
                                not_attributed=self.rules.not_attributed.pattern if self.rules.not_attributed else None)
        extractions = [self._extraction(m, text) for index in outcome.mentions.values()
                       for m in index.mentions if m.emit and m.value is not None]
        extractions += [self._extraction(m, text) for m in extra]
        extractions = sorted((e for e in extractions if wanted is None or e.type in wanted),
                             key=Extraction.sort_key)
        if offsets is not None:
            extractions = [_into_given(e, given, offsets) for e in extractions]
            people = people_mapped(people, given, offsets.start, offsets.end)
        ref_text = ctx.reference_date.isoformat() if ctx.reference_date else None
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        return Result(id, ref_text, extractions, list(outcome.errors), people), outcome

    def explain(self, text: str, reference_date: str | date | None = None, why_not: Iterable[str] = (),
                date_order: str | None = None) -> dict[str, Any]:
        """Why each extraction came out as it did, and for each span in `why_not` why no rule
        gave it (docs/rules.md, "Explain"); plain data, `explaining.explanation_text` for people."""
        from .explaining import explain
        return explain(self, text, reference_date, tuple(why_not), date_order)

    def check_types(self, types: Iterable[str] | None) -> frozenset[str] | None:
        """The requested types as a set; an error for a string or a name no rule gives."""
        if types is None:
            return None
        if isinstance(types, str):
            raise TypeError(f"types must be a list of type names, e.g. [{types!r}], not a string")
        wanted = frozenset(types)
        unknown = sorted(wanted - set(self.types))
        if unknown:
            raise ValueError(f"unknown type(s) {', '.join(unknown)}; the rules give {', '.join(self.types)}")
        return wanted

    def _rules_for(self, wanted: frozenset[str] | None) -> CompiledRules:
        """The rules that feed the wanted types (all of them when None), worked out once."""
        if wanted is None:
            return self.rules
        if wanted not in self._subsets:
            self._subsets[wanted] = self.rules.feeding(set(wanted), READS)
        return self._subsets[wanted]

    def _dateline(self, outcome: MatchOutcome, ctx: Context) -> date | None:
        """The reference date the first match of a rule that `sets: reference_date` gives, as
        its normaliser's family reads it (a full date, else none)."""
        for index in outcome.mentions.values():
            for mention in index.mentions:
                if mention.rule.definition.sets == "reference_date":
                    # a normaliser of the caller's gives its dateline as the date family's do
                    reader = self.dateline_readers.get(mention.rule.definition.normaliser, self.dateline_readers["date"])
                    return reader(self._value(mention, ctx, None))
        return None

    def _normalise(self, outcome: MatchOutcome, ctx: Context, doc_id: str | None) -> None:
        for type_, index in list(outcome.mentions.items()):
            kept: list[Mention] = []
            rejected: list[Mention] = []
            for mention in index.mentions:
                mention.value = self._value(mention, ctx, outcome, doc_id)
                (kept if mention.value is not None else rejected).append(mention)
            if rejected:      # a normaliser rejected some: what they overlapped may take their place
                outcome.mentions[type_] = self._replace(kept, rejected, outcome, ctx, doc_id, type_)

    def _replace(self, kept: list[Mention], rejected: list[Mention], outcome: MatchOutcome,
                 ctx: Context, doc_id: str | None, type_: str) -> MentionIndex:
        """Fill the places of rejected mentions with the best candidates they had beaten."""
        taken, gaps = MentionIndex(kept), MentionIndex(rejected)
        for cand in outcome.passed_over.get(type_, []):
            span = (cand.start, cand.end)
            if gaps.overlapping(span) is None or taken.overlapping(span) is not None:
                continue
            cand.value = self._value(cand, ctx, outcome, doc_id)
            if cand.value is not None:
                taken.add(cand)
        return taken

    def _value(self, mention: Mention, ctx: Context, outcome: MatchOutcome | None,
               doc_id: str | None = None) -> dict[str, Any] | None:
        rule = mention.rule.definition
        if rule.normaliser == "none":
            return {}
        try:
            return self.normalisers[rule.normaliser](mention, ctx)
        except Exception as exc:  # a normaliser bug must not lose the document
            if outcome is not None:
                outcome.errors.append({"rule": rule.id, "document": doc_id,
                                       "message": f"normaliser {rule.normaliser!r} failed on "
                                                  f"{mention.match.group()!r}: {exc}"})
            log.warning("rule %s: normaliser failed: %s", rule.id, exc)
            return None

    @staticmethod
    def _extraction(mention: Mention, text: str) -> Extraction:
        return Extraction(mention.type, mention.start, mention.end, text[mention.start:mention.end],
                          mention.rule.id, mention.value or {})


def _into_given(extraction: Extraction, given: str, offsets: OffsetMap) -> Extraction:
    """An extraction from the NFC form of a text, with its offsets (and those of a mention in
    its value, such as the speaker's) into the text as given."""
    start, end = offsets.start(extraction.start), offsets.end(extraction.end)
    value = dict(extraction.value)
    for key in [k[:-6] for k in value if k.endswith("_start")]:
        if isinstance(value[f"{key}_start"], int) and isinstance(value.get(f"{key}_end"), int):
            value[f"{key}_start"] = offsets.start(value[f"{key}_start"])
            value[f"{key}_end"] = offsets.end(value[f"{key}_end"])
            if f"{key}_text" in value:
                value[f"{key}_text"] = given[value[f"{key}_start"]:value[f"{key}_end"]]
    return Extraction(extraction.type, start, end, given[start:end], extraction.rule, value)
