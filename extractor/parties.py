"""An agreement's parties, read from the mention layer around what its pattern captured.

A pattern captures the parties it can spell; the clause often holds more. This module reads
the coordination the pattern could not: names joined to the subject ("Nokia and Canada's
Sierra Wireless agreed", "Britain, Canada, the U.S. And West Germany agreed"), names joined to a
counterparty ("with Bolt Ltd and Cargo Inc"), and names the mention rules cut short ("UK
Athletics", "Johnson & Johnson", "Petroles de Venezuela", two banks read as one name).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING, Any, Iterator

import regex

from .matching import Mention

if TYPE_CHECKING:
    from .resolving import DocumentResolver

Span = tuple[int, int]

NAMED = ("organisation", "country", "person", "title")
# Between two coordinated names: a comma, "and" (Reuters capitalises it after "U.S."), or both.
# What Reuters sets after a name before the joiner: the bracket closing it, a ticker ("<A> and B <REV>").
BRACKETED_AFTER = r">?(?:\s*<[^<>\s]{1,12}>)?"
JOIN = BRACKETED_AFTER + r"(?:\s*,\s*(?:[Aa]nd\s+)?|\s+(?:and|And|AND)\s+)<?"
# A described name after the joiner: "and Canada-based wireless products company Sierra Wireless".
DESCRIBED = regex.compile(r"(?:[\p{L}\p{N}]+-\p{Ll}[\p{Ll}-]*\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,5}")
POSSESSED = regex.compile(r"[’']s\s+")
JOINED = regex.compile(JOIN)
LIST_JOIN = regex.compile(JOIN + r"|\s*(?:--|–|—)[^-–—.;]{1,40}(?:--|–|—)\s*(?:plus|and)\s+")
ARTICLE = regex.compile(r"^(?:the|an?)\s+")
PREPOSITION_END = regex.compile(
    r"(?:^|[^\p{L}])(?:in|at|from|into|of|with|by|for|to|on|between|among|over|against|after|before|"
    r"under|than|like|including|about|behind|beside|near)\s*$", regex.IGNORECASE)
# What may follow a counterparty joined on: the clause goes on, no new verb starts.
COUNTERPARTY_END = regex.compile(
    r"\s*(?:[,.;:)\]]|$)|\s+(?:to|on|in|for|over|of|at|by|under|which|that|who|last|next|this|after|"
    r"before|until|from|with|since|during|as|and|amid)(?![\p{L}])")
# A capitalised word joined to a name before it ("UK Athletics"), or by a particle ("Petroles de",
# "Petroleos De": group 3, which must be in lexicon name_particles).
WORD_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}.,'’&-])(\p{Lu}[\p{L}\p{N}.&-]*)((?:[ \t]+(\p{Ll}+|\p{Lu}\p{Ll}{1,3}))?[ \t]|[ \t]+&[ \t]+)$")
WORD_AFTER = regex.compile(r"[ \t]+(\p{Lu}[\p{L}.]*)")
PARTICLE_AFTER = regex.compile(r"[ \t]+(\p{Ll}+)[ \t]+\p{Lu}[\p{L}.-]*(?:[ \t]+\p{Lu}[\p{L}.-]*)*")
AMPERSAND_AFTER = regex.compile(r"[ \t]+&[ \t]+(?:\p{Lu}[\p{L}\p{N}-]*|Co\.?)(?:[ \t]+\p{Lu}[\p{L}\p{N}-]*)*")
APPOSITION_END = regex.compile(r"[ \t]*(?:[,.;:]|$)")
OWNED = regex.compile(r"[’']s[ \t]+|[ \t](?=\p{Lu})")
DESCRIBED_BY = regex.compile(r"[ \t]+(?:\p{Ll}+[ \t]+){0,2}?(\p{Ll}+)[ \t]+(?=\p{Lu})")    # "Hollywood studio"
# After an offer noun: who made it, perhaps after a number or word ("by eight Purolator executives").
# Then who made it (lexicon offer_verbs may stand between), perhaps after a number or word.
OFFERED_BY = r"[ \t]+(?:(?:\L<verbs>)[ \t]+)?(?:from|by)[ \t]+(?:the[ \t]+)?((?:\p{N}+|\p{Ll}+)[ \t]+(?=\p{Lu}))?"
OF_BEFORE = regex.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[\p{L}\p{N}]+-\p{Ll}+[ \t]+)?$")     # " of the 55-member "
MEMBER_OF = regex.compile(r"[ \t]+of[ \t]+$")
CUE_AFTER = regex.compile(r"[ \t]+(\p{Ll}+)")
OF_BODY = regex.compile(r"[ \t]+(?:from|of|at)[ \t]+")
TWO_FIRMS = regex.compile(r"(.+?)\s+and\s+(\p{Lu}.*)")
# After an agreement's object: words of place, time or size, then "with" (no new clause between).
WITH_AFTER = regex.compile(
    r"(?:[ \t]+(?!(?:to|that|which|who|and|but|as|after|before|if|while|said|says|would|will)(?![\p{L}]))"
    r"[\p{L}\p{N}$£€.,-]+){1,6}?[ \t]+with[ \t]+(?:the[ \t]+)?(?=\p{Lu})")
LOOK_BACK = 200     # characters before a subject searched for names coordinated with it


class PartyReader:
    """Reads the parties of each agreement of one document (see the module's doc)."""

    def __init__(self, resolver: DocumentResolver) -> None:
        self.r = resolver
        lexicons = resolver.lexicons
        self.stop_words = [lexicons.get(name) for name in (
            "sentence_openers", "clause_openers", "weekdays", "months", "titles", "title_words",
            "honorifics", "collective", "not_organisation_words")]
        self.cue_verbs = lexicons.get("cue_verbs")
        self.particles = lexicons.get("name_particles")
        self.heads = [lexicons.get(name) for name in ("company_suffixes", "org_heads", "of_org_heads")]
        self.describers = [lexicons.get(name) for name in ("company_nouns", "party_nouns", "person_nouns", "org_heads")]
        self.company_nouns, self.party_nouns = self.describers[:2]
        self.offer_nouns = lexicons.get("offer_nouns")
        self.offer_verbs = lexicons.get("offer_verbs")
        self.offered_by = _offered_by_pattern(tuple(self.offer_verbs.surfaces) if self.offer_verbs else ())
        self.title_modifiers = lexicons.get("title_modifiers")

    def parties(self, agreement: Mention) -> Iterator[tuple[Span, Mention | None]]:
        """Each party of the agreement in text order: its span and its mention (None where the
        pattern's capture is no mention)."""
        captured = [(span, self.r.mention_at(agreement, "party", span)) for _, span in agreement.captures("party")]
        for k in range(len(captured) - 1, 0, -1):    # "control of the Purolator board, it has agreed"
            (span, target), end = captured[k], captured[k - 1][0][1]
            if target is not None and target.type == "pronoun" and self.r.text[end:span[0]].strip() == ",":
                captured = captured[k:]
                break
        for k in range(1, len(captured)):             # "... and Lloyd Austin, officials said"
            start, after = captured[k][0][0], CUE_AFTER.match(self.r.text, captured[k][0][1])
            if after and self.cue_verbs is not None and after.group(1) in self.cue_verbs \
                    and self.r.text[captured[k - 1][0][1]:start].strip() == ",":
                captured = captured[:k]
                break
        if not captured:
            return
        first_span, first = captured[0]
        if first is not None and first.type in NAMED and first_span[1] <= agreement.start:
            yield from self._joined_before(first)
        for span, target in captured:
            members = self._members_of(target) if target is not None and span[1] <= agreement.start else None
            if members is not None:      # "the member states of the 55-member AU have signed"
                yield members, None
                continue
            if target is not None and target.type in NAMED:
                span, target = self._owned(target) or self.member(target) or self._described_by(target) or (span, target)
            elif target is not None and target.type == "place":
                span, target = self._described_by(target) or (span, target)
            yield span, target
            if target is not None and target.type in NAMED and span[0] >= agreement.end:
                yield from self.joined_after(target)
        offerer = self._offered_by(agreement)
        if offerer is not None:          # "agreed to a buyout by eight Purolator executives and EF Hutton LBO Inc"
            yield (offerer.start, offerer.end), offerer
            yield from self.joined_after(offerer)
        if all(span[1] <= agreement.end for span, _ in captured):
            later = self._with_after(agreement.match.end())
            if later is not None:        # "sign a pact in Caracas on March 17 with Petroleos De Venezuela"
                yield (later.start, later.end), later
                yield from self.joined_after(later)

    def completed_name(self, mention: Mention) -> str | None:
        """The whole name where the mention rules cut it short ("Tender Loving" of "Tender Loving
        Care Health Care Services Inc"), else None."""
        start, end = self._completed(mention)
        return self.r.text[start:end] if (start, end) != (mention.start, mention.end) else None

    def names(self, target: Mention) -> list[str] | None:
        """The names a party mention stands for where the mention rules cut the name short or
        joined two names into one; None where its own mention says it all."""
        if target.type == "party_group":
            named = self._named_after_comma(target)
            if named is not None:            # "with energy drink company, Red Bull, who ..."
                return [named]
            whose = self._whose(target)
            return [self.r.text[target.start:whose.end]] if whose is not None else None
        if target.type not in ("organisation", "person", "country"):
            return None
        start, end = self._completed(target)
        owner = self.r.outcome.of_type("country").containing((target.start, target.start + 1))
        possessed = POSSESSED.match(self.r.text, owner.end) if owner is not None and target.type == "organisation" else None
        if possessed is not None and possessed.end() < end:
            start = possessed.end()                 # "Austria's Voest AG" read as one name: Voest AG
        text = self.r.text[start:end]
        parts = self._split_firms(text) if target.type == "organisation" else None
        if parts:
            return parts
        return [text] if (start, end) != (target.start, target.end) else None

    def listed_countries(self, pos: int, depth: int = 1) -> list[str]:
        """The countries a group at `pos` stands for ("the nations", "seven major industrial
        nations", an unresolved "they"): the latest list of three or more countries in its
        sentence before it or in the `depth` sentences before ("the U.S., Japan, West Germany,
        France and the U.K. -- the Group of Five -- plus Canada")."""
        for _, countries in self.r._sentences_back(pos, depth, ("country",)):
            runs: list[list[Mention]] = []
            for mention in countries:
                if runs and LIST_JOIN.fullmatch(self.r.text, runs[-1][-1].end, mention.start):
                    runs[-1].append(mention)
                else:
                    runs.append([mention])
            lists = [run for run in runs if len(run) >= 3]
            if lists:
                names: list[str] = []
                for mention in lists[-1]:
                    name = self.r.entity(mention)[0]
                    if name and name not in names:
                        names.append(name)
                return names
        return []

    # --- coordination -----------------------------------------------------------------------

    def _joined_before(self, subject: Mention) -> Iterator[tuple[Span, Mention]]:
        """Names coordinated before the subject the pattern found, nearest last."""
        found: list[Mention] = []
        sentence_start = self.r.segments.sentence_at(subject.start)[0]
        current, current_start = subject, self._completed(subject)[0]
        while True:
            before = self._named_ending_before(current_start, max(sentence_start, current_start - LOOK_BACK))
            if before is None:
                break
            gap = self.r.text[self._completed(before)[1]:current_start]
            if POSSESSED.fullmatch(gap) and current is subject:     # "Canada's Sierra Wireless"
                current, current_start = before, before.start
                continue
            if not self._coordinated(gap) or PREPOSITION_END.search(self.r.text, sentence_start, before.start):
                break
            found.append(before)
            current, current_start = before, self._completed(before)[0]
        for mention in reversed(found):
            yield (mention.start, mention.end), mention

    def joined_after(self, counterparty: Mention) -> Iterator[tuple[Span, Mention]]:
        """Names coordinated after a counterparty ("with Bolt Ltd and Cargo Inc")."""
        sentence_end = self.r.segments.sentence_at(counterparty.start)[1]
        current = counterparty
        while True:
            after = self._named_starting_after(current.end, min(sentence_end, current.end + LOOK_BACK))
            if after is None or not self._coordinated(self.r.text[current.end:after.start]) \
                    or not COUNTERPARTY_END.match(self.r.text, after.end):
                return
            if not (after.match.group().isupper() and self.r.text[current.end:after.start] == ", "
                    and self.r.text[after.end:after.end + 1] == ","):     # "Petroleos De Venezuela, PDVSA, to"
                yield (after.start, after.end), after
            current = after

    def _offered_by(self, agreement: Mention) -> Mention | None:
        """Whose offer the agreement accepts, named after the object's noun of lexicon
        offer_nouns ("agreed to a buyout from Morgan Stanley", "a plan devised by Hughes")."""
        span = agreement.group_span("object")
        words = self.r.text[span[0]:span[1]].split() if span is not None else []
        if words and self.offer_verbs is not None and words[-1] in self.offer_verbs:
            words = words[:-1]          # "a plan devised", the object cut before "by Hughes"
        if not words or self.offer_nouns is None or words[-1] not in self.offer_nouns:
            return None
        by = self.offered_by.match(self.r.text, span[1])
        if by is None:
            return None
        at = by.start(1) if by.group(1) else by.end()
        return self.r._starting_at(at, ("party_group",) + NAMED) or (
            self.r._starting_at(by.end(), NAMED) if by.group(1) else None)

    def _with_after(self, end: int) -> Mention | None:
        """A counterparty after the object and a few words of place, time or size ("a deal
        totalling $375m with Banc of America ..."): a named mention right after "with"."""
        link = WITH_AFTER.match(self.r.text, end)
        return self._named_starting_after(link.end(), link.end() + LOOK_BACK) if link is not None else None

    def _coordinated(self, gap: str) -> bool:
        """Whether the text between two names joins them: a joiner, then at most a description
        that ends in a word for a party ("and wireless products company")."""
        joiner = JOINED.match(gap)
        if joiner is None:
            return False
        rest = ARTICLE.sub("", gap[joiner.end():], count=1)
        if not rest:
            return True
        described = DESCRIBED.fullmatch(rest)
        if described is None:
            return False
        words = rest.split()
        if self.title_modifiers is not None and all(word in self.title_modifiers for word in words):
            return True                         # "President Trump and the previous Congress"
        return "-" in words[0] and len(words) == 1 or any(
            lexicon is not None and words[-1] in lexicon for lexicon in self.describers)

    def _named_ending_before(self, pos: int, floor: int) -> Mention | None:
        """The named mention ending latest before `pos` (the longest of those), not before `floor`."""
        best: Mention | None = None
        for type_ in NAMED:
            index = self.r.outcome.of_type(type_)
            for mention in index.mentions[max(0, bisect_left(index.starts, floor) - 1):bisect_left(index.starts, pos)]:
                if floor <= mention.start and mention.end <= pos and self.r.text[mention.end:mention.end + 1] != "-" and (
                        best is None or (mention.end, -mention.start) > (best.end, -best.start)):
                    best = mention
        return best

    def _named_starting_after(self, pos: int, ceiling: int) -> Mention | None:
        """The named mention starting first after `pos` (the longest of those), ending by `ceiling`."""
        best: Mention | None = None
        for type_ in NAMED:
            index = self.r.outcome.of_type(type_)
            i = bisect_left(index.starts, pos)
            if i < len(index.mentions):
                mention = index.mentions[i]
                if mention.end <= ceiling and (best is None or (mention.start, -mention.end) < (best.start, -best.end)):
                    best = mention
        return best

    def _owned(self, owner: Mention) -> tuple[Span, Mention | None] | None:
        """The firm or body a country's or firm's name holds: "West Germany's Hoechst AG", or,
        as written, "the U.S. Department of Justice"."""
        if owner.type not in ("country", "organisation"):
            return None
        link = OWNED.match(self.r.text, owner.end)
        if link is None:
            return None
        possessive = bool(link.group().strip())
        for type_ in ("organisation", "person") if possessive else ("organisation",):
            owned = self.r.outcome.of_type(type_).containing((link.end(), link.end() + 1))
            if owned is None or owned.end <= link.end() or self.r.text[link.end()].islower():
                continue
            if owned.start == link.end():
                return ((owned.start, owned.end), owned) if possessive else ((owner.start, owned.end), None)
            return (link.end(), owned.end), None        # "Germany's Hoechst AG" read as one name
        return None

    def _members_of(self, body: Mention) -> Span | None:
        """The span of "the member states of the 55-member AU" where the pattern took the body
        as the subject: the members are the side (a group whose party_nouns value is not
        `state`; "ministers of the EU" are the EU)."""
        if body.type not in ("organisation", "country"):
            return None
        of = OF_BEFORE.search(self.r.text, max(0, body.start - 40), body.start)
        group = self.r.outcome.of_type("party_group").containing((of.start() - 1, of.start())) if of else None
        if group is None or group.end != of.start() or self.party_nouns is None \
                or self.party_nouns.value(group.match.group().split()[-1]) in (None, "state"):
            return None
        return group.start, body.end

    def _described_by(self, word: Mention) -> tuple[Span, Mention] | None:
        """The firm a place or country describes, named after a company noun of lexicon
        company_nouns ("with Hollywood studio Warner Brothers", "US oil giant Exxon")."""
        if word.type not in ("country", "person", "place"):
            return None
        described = DESCRIBED_BY.match(self.r.text, word.end)
        if described is None or self.company_nouns is None or described.group(1) not in self.company_nouns:
            return None
        firm = self.r._starting_at(described.end(), ("organisation", "person"))
        return ((firm.start, firm.end), firm) if firm is not None else None

    def member(self, body: Mention) -> tuple[Span, Mention] | None:
        """The person named as of a body ("Smolinski of Data Resources agreed"): the person is the side."""
        if body.type not in ("organisation", "person"):
            return None
        of = MEMBER_OF.search(self.r.text, max(0, body.start - 40), body.start)
        if of is None or of.start() == 0:
            return None
        person = self.r.outcome.of_type("person").containing((of.start() - 1, of.start()))
        return ((person.start, person.end), person) if person is not None and person.end == of.start() else None

    def _named_after_comma(self, group: Mention) -> str | None:
        """The organisation or person a comma sets after a group ("energy drink company, Red Bull,")."""
        if self.r.text[group.end:group.end + 2] != ", ":
            return None
        found = self.r._starting_at(group.end + 2, ("organisation", "person"))
        if found is None or not APPOSITION_END.match(self.r.text, found.end):
            return None
        return self.r.entity(found)[0]

    def _whose(self, group: Mention) -> Mention | None:
        """The body a group is of ("executives from the major tobacco firms", "directors at
        WorldCom": a lone capitalised word may be a firm)."""
        link = OF_BODY.match(self.r.text, group.end)
        if link is None:
            return None
        bodies = [found for type_ in ("organisation", "country", "party_group", "person")
                  for found in [self.r.outcome.of_type(type_).containing((link.end(), link.end() + 1))]
                  if found is not None and found.start == link.end()
                  and (type_ != "person" or " " not in found.match.group())]     # "at WorldCom"
        return max(bodies, key=lambda m: m.end, default=None)

    # --- names cut short --------------------------------------------------------------------

    def _completed(self, target: Mention) -> Span:
        """The span of the whole name: capitalised words joined before it ("UK" of "UK
        Athletics", "Petroles de" of "Petroles de Venezuela"; never a sentence opener, a month or
        a title) and "& Johnson" after it."""
        start, end, text = target.start, target.end, self.r.text
        sentence_start = self.r.segments.sentence_at(start)[0]
        for _ in range(4):
            word = WORD_BEFORE.search(text, max(sentence_start, start - 40), start)
            if word is not None and word.group(3) and word.group(3)[0].isupper() \
                    and not (self.particles is not None and word.group(3) in self.particles):
                word = WORD_BEFORE.search(text, word.start(3), start)     # "New York": "York", not a particle
            if word is None or self._stop_word(word.group(1)) or _ends_sentence(word.group(1)) \
                    or (word.group(3) and not (self.particles is not None and word.group(3) in self.particles)) \
                    or (target.type == "country" and not word.group(2).strip()) \
                    or self.r.outcome.of_type("title").containing((word.start(), word.start() + 1)) is not None:
                break
            start = word.start()
        ampersand = AMPERSAND_AFTER.match(text, end)
        end = ampersand.end() if ampersand else end
        particle = PARTICLE_AFTER.match(text, end)
        if particle is not None and target.type in ("organisation", "person") and self.particles is not None \
                and particle.group(1) in self.particles:
            end = particle.end()                # "Regie Nationale" + "des Usines Renault"
        suffix = WORD_AFTER.match(text, end)
        if suffix is not None and target.type in ("organisation", "person") and self._head_word(suffix.group(1)):
            end = suffix.end()                  # "Morgan Guaranty Trust" + "Co", "Chemical" + "Bank"
        return start, end

    def _stop_word(self, word: str) -> bool:
        return any(lexicon is not None and word in lexicon for lexicon in self.stop_words)

    def _split_firms(self, text: str) -> list[str] | None:
        """Two firms read as one name ("United Bank of Africa and Standard Trust Bank"): both
        halves hold a company word, so "MacAndrews and Forbes Group" stays one."""
        pair = TWO_FIRMS.fullmatch(text)
        if pair is None:
            return None
        halves = [pair.group(1), pair.group(2)]
        if all(any(self._head_word(word) for word in half.split()) for half in halves):
            return halves
        return None

    def _head_word(self, word: str) -> bool:
        return word[:1].isupper() and any(lexicon is not None and word in lexicon for lexicon in self.heads)


@cache      # one pattern per word list, not per document
def _offered_by_pattern(verbs: tuple[str, ...]) -> Any:
    return regex.compile(OFFERED_BY, verbs=list(verbs) or [""])


def _ends_sentence(word: str) -> bool:
    """ "Inc." may end a sentence before the name ("... Lambert Inc. Acme agreed"); "U.S." is an initialism."""
    return word.endswith(".") and "." not in word[:-1]
