"""Resolve mentions within one document: who "Austin", "he", "it said" and "both sides" are.

The resolver works on mention types that the rule files produce; their names are the
contract between the rules and this module (docs/rules.md, "Types the resolver reads"):

- person, title: people; a title's value has `name`. "Austin" becomes the fullest name in
  the document that ends with it ("Lloyd Austin"); a title without a name ("the US defence
  secretary") becomes the person who bears a title with the same head word ("Secretary Austin").
- organisation: "the ministry" becomes the fullest organisation mention with the same head word.
- country: kept as written, a leading "The" lower-cased.
- pronoun: the lexicon `pronouns` maps each to what it stands for (person, organisation, group).
  A pronoun becomes the entity of the most recent earlier `reporting` mention (a mention
  followed by a cue verb, e.g. "Austin said") of that kind, else of the most recent mention.
- collective ("both sides", "the two sides"; and "they"): the parties of the most recent
  earlier agreement whose parties are countries or organisations, else of the first such one.
- quote_span: quotation marks that no quote rule attributed take the speaker of an attributed
  quote in the same sentence, else the nearest one in the same paragraph.
"""
from __future__ import annotations

from dataclasses import replace

from .compiling import Lexicon
from .matching import MatchOutcome, Mention
from .segmenting import Segments
from .normalising.structures import inside_marks, lower_article

PEOPLE = ("title", "person")
SPEAKER_TYPES = ("title", "person", "organisation", "pronoun", "country", "collective", "descriptor")
# The mention types the resolver reads to fill the values of each type it resolves: an
# extraction of the key needs the rules of these types to have run (`Engine` with `types`).
READS: dict[str, tuple[str, ...]] = {
    "title": PEOPLE,
    "quote": SPEAKER_TYPES + ("reporting", "quote_span"),
    "agreement": SPEAKER_TYPES + ("reporting", "quote_span"),
}


class DocumentResolver:
    def __init__(self, text: str, outcome: MatchOutcome, segments: Segments,
                 lexicons: dict[str, Lexicon]) -> None:
        self.text = text
        self.outcome = outcome
        self.segments = segments
        self.pronouns = lexicons.get("pronouns")
        self.honorifics = lexicons.get("honorifics")
        self.people = [self._name_tokens(name) for name in self._person_names()]
        self._memo: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._subject_list: list[Mention] | None = None

    # --- entities ------------------------------------------------------------------------

    def _person_names(self) -> list[str]:
        names = [m.match.group() for m in self.outcome.of_type("person").mentions]
        names += [m.value["name"] for m in self.outcome.of_type("title").mentions
                  if m.value and m.value.get("name")]
        return names

    def _name_tokens(self, name: str) -> list[str]:
        """The words of a name without courtesy titles ("Mr. Obama" -> ["Obama"])."""
        tokens = name.split()
        return [t for t in tokens if not (self.honorifics and t in self.honorifics)] or tokens

    def fullest_person(self, name: str) -> str:
        tokens = self._name_tokens(name)
        best, best_tokens = name, tokens
        for candidate in self.people:
            if (candidate[-1] == tokens[-1] and len(candidate) > len(best_tokens)
                    and set(tokens) <= set(candidate)):
                best, best_tokens = " ".join(candidate), candidate
        return best

    def title_person(self, title: Mention) -> str | None:
        value = title.value or {}
        if value.get("name"):
            return self.fullest_person(value["name"])
        head = (value.get("title") or title.match.group()).split()[-1].casefold()
        named = [m for m in self.outcome.of_type("title").mentions
                 if m.value and m.value.get("name") and m.value["title"].split()[-1].casefold() == head]
        earlier = [m for m in named if m.start < title.start]
        chosen = earlier[-1] if earlier else (named[0] if named else None)
        return self.fullest_person(chosen.value["name"]) if chosen and chosen.value else None

    def fullest_organisation(self, mention: Mention) -> str:
        text = mention.match.group()
        head = text.split()[-1].casefold()
        best = text
        for other in self.outcome.of_type("organisation").mentions:
            other_text = other.match.group()
            if other_text.split()[-1].casefold() == head and len(other_text) > len(best):
                best = other_text
        return lower_article(best) or best

    def entity(self, mention: Mention) -> tuple[str | None, str | None]:
        """(name, kind) of what a mention stands for; kind is person, organisation or group."""
        key = (mention.start, mention.end)
        if key not in self._memo:
            self._memo[key] = (None, None)          # guards against cycles
            self._memo[key] = self._entity(mention)
        return self._memo[key]

    def _entity(self, mention: Mention) -> tuple[str | None, str | None]:
        if mention.type == "title":
            return self.title_person(mention), "person"
        if mention.type == "person":
            return self.fullest_person(mention.match.group()), "person"
        if mention.type == "organisation":
            return self.fullest_organisation(mention), "organisation"
        if mention.type == "country":
            return lower_article(mention.match.group()), "organisation"
        if mention.type == "descriptor":
            return lower_article(mention.match.group()), None
        if mention.type == "pronoun":
            kind = str(self.pronouns.value(mention.match.group(), "person")) if self.pronouns else "person"
            return self._antecedent(mention.start, kind), kind
        return mention.match.group(), None

    def mention_at(self, span: tuple[int, int], types: tuple[str, ...] = SPEAKER_TYPES) -> Mention | None:
        for type_ in types:
            found = self.outcome.of_type(type_).at(span)
            if found is not None:
                return found
        return None

    def _all_subjects(self) -> list[Mention]:
        """Mentions that are likely subjects, in text order: speakers of a cue verb ("Austin
        said") and people or organisations that open a sentence outside quotes ("Reyes, ...")."""
        if self._subject_list is None:
            subjects = []
            for reporting in self.outcome.of_type("reporting").mentions:
                span = reporting.group_span("speaker")
                target = self.mention_at(span) if span else None
                if target is not None:
                    subjects.append(target)
            quotes = self.outcome.of_type("quote_span")
            for type_ in ("title", "person", "organisation"):
                for mention in self.outcome.of_type(type_).mentions:
                    if (self.segments.sentence_at(mention.start)[0] == mention.start
                            and quotes.containing((mention.start, mention.end)) is None):
                        subjects.append(mention)
            self._subject_list = sorted(subjects, key=lambda m: m.start)
        return self._subject_list

    def _antecedent(self, pos: int, kind: str) -> str | None:
        """The most recent subject of this kind, else the most recent mention of it."""
        if kind == "group":
            return None
        earlier = [m for m in self._all_subjects() if m.start < pos]
        for target in reversed(earlier):
            name, target_kind = self.entity(target)
            if name and target_kind == kind:
                return name
        types = PEOPLE if kind == "person" else ("organisation",)
        earlier = [m for t in types for m in self.outcome.of_type(t).before(pos)]
        for mention in sorted(earlier, key=lambda m: m.start, reverse=True):
            name, _ = self.entity(mention)
            if name:
                return name
        return None

    # --- extractions ---------------------------------------------------------------------

    def resolve_titles(self) -> None:
        for title in self.outcome.of_type("title").mentions:
            if title.value is not None:
                title.value["person"] = self.title_person(title)

    def resolve_quotes(self) -> list[Mention]:
        """Fill each quote's speaker; return quotes that inherit a speaker from a neighbour."""
        quotes = self.outcome.of_type("quote").mentions
        for quote in quotes:
            span = quote.group_span("speaker")
            target = self.mention_at(span) if span else None
            if quote.value is not None:
                quote.value["speaker"] = self.entity(target)[0] if target else quote.value.get("speaker_text")
        return self._inherited_quotes(quotes)

    def _inherited_quotes(self, quotes: list[Mention]) -> list[Mention]:
        attributed = [q for q in quotes if q.value and q.value.get("speaker")]
        claimed = {(q.start, q.end) for q in quotes}
        inherited = []
        for span_mention in self.outcome.of_type("quote_span").mentions:
            if (span_mention.start, span_mention.end) in claimed:
                continue
            donor = self._neighbour(span_mention, attributed)
            if donor is None or donor.value is None:
                continue
            value = dict(donor.value)
            value["quote"] = inside_marks(span_mention.match.group())
            inherited.append(replace(span_mention, type="quote", value=value))
        return inherited

    def _neighbour(self, mention: Mention, attributed: list[Mention]) -> Mention | None:
        for scope in (self.segments.sentence_at(mention.start), self.segments.paragraph_at(mention.start)):
            inside = [q for q in attributed if scope[0] <= q.start < scope[1]]
            if inside:
                before = [q for q in inside if q.start < mention.start]
                return before[-1] if before else inside[0]
        return None

    def resolve_agreements(self) -> None:
        resolved: list[Mention] = []
        for agreement in self.outcome.of_type("agreement").mentions:
            if agreement.value is None:
                continue
            parties: list[str] = []
            for _, span in agreement.captures("party"):
                for name in self._party_names(span, agreement, resolved):
                    if name and name not in parties:
                        parties.append(name)
            agreement.value["parties"] = parties
            resolved.append(agreement)

    def _party_names(self, span: tuple[int, int], agreement: Mention, resolved: list[Mention]) -> list[str]:
        target = self.mention_at(span)
        if target is None:
            return [self.text[span[0]:span[1]]]
        name, kind = self.entity(target)
        if target.type == "collective" or kind == "group":
            return self._collective(agreement, resolved)
        return [name] if name else []

    def _collective(self, agreement: Mention, resolved: list[Mention]) -> list[str]:
        def corporate(m: Mention) -> bool:
            spans = [span for _, span in m.captures("party")]
            targets = [self.mention_at(s) for s in spans]
            return len(targets) >= 2 and all(t is not None and t.type in ("country", "organisation")
                                             for t in targets)

        earlier = [m for m in resolved if m.start < agreement.start and corporate(m) and m.value]
        if earlier:
            return list(earlier[-1].value["parties"])  # type: ignore[index]
        later = [m for m in self.outcome.of_type("agreement").mentions
                 if m.start > agreement.start and corporate(m)]
        if later:
            targets = [self.mention_at(span) for _, span in later[0].captures("party")]
            return [name for t in targets if t is not None for name in [self.entity(t)[0]] if name]
        return []


def resolve(text: str, outcome: MatchOutcome, segments: Segments,
            lexicons: dict[str, Lexicon]) -> list[Mention]:
    """Fill person, speaker and party values in place; return extra quote extractions."""
    resolver = DocumentResolver(text, outcome, segments, lexicons)
    resolver.resolve_titles()
    extra = resolver.resolve_quotes()
    resolver.resolve_agreements()
    return extra
