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
  earlier agreement whose parties are countries or organisations, else of the first such one;
  else "the two countries" are the last two named, and "they" the names that open an earlier
  sentence (docs/rules.md, "Types the resolver reads").
- quote_span: quotation marks that no quote rule attributed take the speaker of an attributed
  quote in the same sentence, else the nearest one in the same paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Any, Iterator

from .compiling import Lexicon
from .parties import BRACKETED_AFTER, PartyReader
from .linking import link_agreements
from .matching import MatchOutcome, Mention, mention_for
from .people import people_of
from .segmenting import Segments, Span
from .normalising.structures import inside_marks, lower_article

PEOPLE = ("title", "person")
# After a subject: (adverbs and) a lower-case word, the verb ("Clinton cited", "He then defended").
SUBJECT_FOLLOWER = re.compile(r"[ \t]+(?:[’']s[ \t]+)?[a-z]")
# The marks around a nickname inside a name ("Ahmed 'Mido' Hossam" is "Mido").
NICKNAME_MARKS = "'‘’\"“”"
# How many earlier sentences with mentions a pronoun looks back through for its antecedent.
ANTECEDENT_SENTENCES = 6
# How many earlier subjects "the company" looks back through for the firm (bounds a long text's cost).
SUBJECTS_BACK = 50
FIRM_PAIR_TYPES = ("organisation", "person", "country")
# A cue verb right after a sentence's opener, and "that": the reported clause starts after it.
REPORTED_BY = re.compile(r"[ \t]+([a-z]+)[ \t]+(?:that[ \t]+)?")
WORD_BEFORE_NAME = re.compile(r"(?<![\w-])([a-z]+)[ \t]+$")     # "club " of "football club Borussia Dortmund"
WHICH_BEFORE = re.compile(r"(?:under|in|by|with)[ \t]+which[ \t]+$")
BETWEEN = re.compile(r"(?<![\w])between[ \t]+")
THAT_CLAUSE = re.compile(r"[ \t]+(?:ha[sd][ \t]+|have[ \t]+)?[a-z]+(?:[ \t]+(?:him|her|them|us|me))?[ \t]+that[ \t]+")
REPORTED_VERB = re.compile(r"[ \t]+(?!(?:they|he|she|it|we|you)\b)(?:also[ \t]+)?[a-z]")    # its verb follows
THEY_TYPES = ("title", "person", "organisation", "country", "party_group", "descriptor", "pronoun")
INDEFINITE_OPENING = re.compile(r"\s*(?:A|An)\s+(?:[\w-]+\s+){0,5}")    # "A US defence and "
TRAILING_CUE = re.compile(r"[ \t]+(\w+)[ \t]*[.;]")       # ", the company said."
DESCRIBED_FIRM = re.compile(r"(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,3}([a-z]+)")   # "French industrial gas group"
DESCRIBED_OPENER = re.compile(r"\s*(?:[\w-]+\s+){1,2}")     # "Hollywood actors Samuel L Jackson and ..."
JOINER = re.compile(BRACKETED_AFTER + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)<?")    # between coordinated names
POSSESSIVE = re.compile(r"[’']s?(?![\w])")
DESCRIPTION = re.compile(r"the[ \t]+[a-z]|(?!the[ \t])[a-z]")                 # "the troubled mining firm", not "the US"
# "said it", "announced last week that it"
SAID_BEFORE = re.compile(r"(?<![\w])([a-z]+)(?:[ \t]+(?:last|this|on|earlier)[ \t]+\w+)?[ \t]+(?:that[ \t]+)?$")
# "slid after it": the verb of the clause before, then a word that opens the pronoun's clause
CLAUSE_BEFORE = re.compile(r"[ \t]+[a-z]+[ \t]+(?:after|because|when|as|while|since|before|until|once)[ \t]+")
REPORTER_GAP = re.compile(r"(?:[ \t]+[A-Z][\w.&]*)?(?:,[^,.;:\"“”]{1,120},)?(?:[ \t]+(?:also|then|later|earlier|on[ \t]+\w+|today|yesterday))?[ \t]+")
CLAUSE_END = re.compile(r"[ \t]*[,.;]")
POSSESSOR = re.compile(r"(\w[\w&. -]*?)[’']s[ \t]")
SPEAKER_FIELDS = ("speaker", "speaker_text", "speaker_start", "speaker_end", "cue")
# Who speaks where: (start, end, the speaker fields a quote takes from it).
Event = tuple[int, int, dict[str, Any]]
SPEAKER_TYPES = ("title", "person", "organisation", "pronoun", "country", "collective", "descriptor")
# The mention types the resolver reads to fill the values of each type it resolves: an
# extraction of the key needs the rules of these types to have run (`Engine` with `types`).
_SPEAKERS_AND_SUBJECTS = SPEAKER_TYPES + ("reporting", "quote_span")   # speakers, parties, pronouns
READS: dict[str, tuple[str, ...]] = {"title": PEOPLE, "quote": _SPEAKERS_AND_SUBJECTS,
                                     "agreement": _SPEAKERS_AND_SUBJECTS + ("party_group", "place", "date", "money")}


class DocumentResolver:
    def __init__(self, text: str, outcome: MatchOutcome, segments: Segments,
                 lexicons: dict[str, Lexicon], attribution: tuple[str, ...] = (),
                 not_attributed: Any = None) -> None:
        self.text = text
        self.lexicons = lexicons
        self.attribution = attribution
        self.not_attributed = not_attributed
        self.outcome = outcome
        self.segments = segments
        self.pronouns = lexicons.get("pronouns")
        self.honorifics = lexicons.get("honorifics")
        self.titles = lexicons.get("titles")
        self.document_nouns = lexicons.get("document_nouns")
        self.group_nouns = lexicons.get("group_nouns")
        self.spokes_nouns = lexicons.get("spokes_nouns")
        self.possessives = lexicons.get("possessive_pronouns")
        self.party_nouns = lexicons.get("party_nouns")
        self.nationalities = lexicons.get("nationalities")
        self.company_nouns = lexicons.get("company_nouns")
        self.firm_bodies = lexicons.get("firm_bodies")
        self.org_heads = lexicons.get("org_heads")
        self.collectives = lexicons.get("collective")
        self.clause_openers = lexicons.get("clause_openers")
        self.cue_verbs = lexicons.get("cue_verbs")
        self.sentence_openers = lexicons.get("sentence_openers")
        links = lexicons.get("title_links")
        self.title_links = {word.casefold() for word in links.surfaces} if links else set()
        self._name_words: dict[str, list[str]] = {}
        self._dateline: int | None = None
        self._by_first: dict[str, set[str]] | None = None
        # Indexes built once, so that each lookup costs what it finds, not the document's length.
        self.people_by_last: dict[str, list[list[str]]] = {}
        for tokens in (self.name_words(name) for name in self._person_names()):
            self.people_by_last.setdefault(tokens[-1], []).append(tokens)
            for nickname in (t.strip(NICKNAME_MARKS) for t in tokens[:-1] if t[:1] in NICKNAME_MARKS):
                self.people_by_last.setdefault(nickname, []).append(tokens)   # Ahmed 'Mido' Hossam
        self.named_titles: dict[str, tuple[list[int], list[Mention]]] = {}
        for m in self.outcome.of_type("title").mentions:
            if m.value and m.value.get("name"):
                for office in self._offices(m.value["title"]):
                    starts, mentions = self.named_titles.setdefault(office.split()[-1], ([], []))
                    starts.append(m.start)
                    mentions.append(m)
        # the fullest organisation by its head word ("the ministry"), and a company by its
        # first word ("Viacom" after "Viacom International Inc")
        suffixes = lexicons.get("company_suffixes")
        self.longest_organisation: dict[str, str] = {}
        self.company_by_first_word: dict[str, str] = {}
        self.organisation_by_opening: dict[str, str] = {}
        for m in self.outcome.of_type("organisation").mentions:
            text = m.match.group()
            words = text.split()
            if words[0][:1].isupper() and self._full_name_end(words[-1], suffixes):
                for i in range(1, len(words)):
                    self.organisation_by_opening.setdefault(" ".join(words[:i]), text)
            head, first = words[-1].casefold(), words[0].rstrip(",")
            if len(text) > len(self.longest_organisation.get(head, "")) and not (suffixes and words[-1] in suffixes):
                self.longest_organisation[head] = text     # "the ministry"; but no "Inc" is every "... Inc"
            if len(words) > 1 and suffixes is not None and words[-1] in suffixes and first[:1].isupper() \
                    and len(text) > len(self.company_by_first_word.get(first, "")):
                self.company_by_first_word[first] = text
        self._memo: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._opening: dict[tuple[int, int], bool] = {}
        self._fullest: dict[str, str] = {}
        self._subject_list: list[Mention] | None = None
        self._subject_starts: list[int] = []
        self._by_kind: dict[str, tuple[list[int], list[Mention]]] = {}
        self._corporate_memo: dict[tuple[int, int], bool] = {}
        self._subjects_outside_quotes: tuple[list[Mention], list[int]] | None = None
        self._subject_span_set: set[tuple[int, int]] | None = None
        self._speaker_spans: set[tuple[int, int]] = set()      # filled by _all_subjects
        self.party_reader = PartyReader(self)

    # --- entities ------------------------------------------------------------------------

    def _person_names(self) -> list[str]:
        names = [m.match.group() for m in self.outcome.of_type("person").mentions]
        names += [m.value["name"] for m in self.outcome.of_type("title").mentions
                  if m.value and m.value.get("name")]
        return names

    def name_words(self, name: str) -> list[str]:
        """The words of a name without courtesy titles ("Mr. Obama" -> ["Obama"]) or an opening
        word of lexicon sentence_openers ("Neither Computerland")."""
        words = self._name_words.get(name)
        if words is None:
            tokens = name.split()
            if len(tokens) > 1 and self.sentence_openers is not None and tokens[0] in self.sentence_openers:
                tokens = tokens[1:]                 # "Neither Computerland, which ..." names Computerland
            words = self._name_words[name] = [t for t in tokens if not (self.honorifics and t in self.honorifics)] or tokens
        return words

    def fullest_person(self, name: str) -> str:
        if name in self._fullest:
            return self._fullest[name]
        tokens = self.name_words(name)
        best, best_tokens = name, tokens
        for candidate in self.people_by_last.get(tokens[-1], ()):
            if len(candidate) > len(best_tokens) and set(tokens) <= {t.strip(NICKNAME_MARKS) for t in candidate} | set(candidate):
                best, best_tokens = " ".join(candidate), candidate
        words = self.name_words(best)
        if len(words) > 1 and len(words) < len(best.split()):
            best = " ".join(words)                  # "Dr Geoffrey Guy" is Geoffrey Guy
        self._fullest[name] = best
        return best

    def _descriptor_kind(self, mention: Mention) -> str | None:
        """A described person ("the announcer") can be "he" or "she"; described people
        ("officials") are a group; a document ("the statement") is neither."""
        head = mention.match.group().split()[-1]
        if self.document_nouns is not None and head in self.document_nouns:
            return None
        if self.group_nouns is not None and head.casefold() in self.group_nouns:
            return "group"
        return "group" if head.endswith("s") and not head.endswith("ss") else "person"

    @staticmethod
    def _head(mention: Mention) -> str:
        return mention.match.group().split()[-1].casefold()

    def title_person(self, title: Mention) -> str | None:
        value = title.value or {}
        if value.get("name"):
            return self.fullest_person(value["name"])
        head = (value.get("title") or title.match.group()).split()[-1].casefold()
        if head not in self.named_titles:
            return None
        starts, named = self.named_titles[head]
        # "the French president" is whoever the document names with "French" before that title
        # ("French President Jacques Chirac"), or by that title alone ("President Chirac"), but
        # not one named with other words before it ("US President George Bush").
        fitting = list(range(len(named)))
        qualifiers = self._title_qualifiers(title)
        if qualifiers:
            fitting = [i for i in fitting if qualifiers <= self._title_qualifiers(named[i])]
            fitting = fitting or [i for i, m in enumerate(named) if not self._title_qualifiers(m)]
            if not fitting:
                return None
        # "the chancellor" is the one named Chancellor, not the Shadow Chancellor.
        office = str(value.get("title") or "").casefold()
        same_office = [i for i in fitting if office in self._offices(str((named[i].value or {}).get("title", "")))]
        fitting = same_office or fitting
        before = [i for i in fitting if starts[i] < title.start]
        chosen = named[before[-1] if before else fitting[0]]
        return self.fullest_person(chosen.value["name"]) if chosen.value else None

    def _capitalised_elsewhere(self, span: tuple[int, int]) -> bool:
        """Whether an organisation's words are a name: more than one word, one that does not
        open its sentence ("Team leader Tim Taylor" says nothing about "Team"), an acronym or a
        known organisation, or a word the document writes capitalised again where no sentence
        starts ("Yukos")."""
        word = self.text[span[0]:span[1]]
        if " " in word or self.segments.sentence_at(span[0])[0] != span[0]:
            return True
        if sum(c.isupper() for c in word) > 1 or self.outcome.of_type("organisation").at(span):
            return True                                   # "BPI", "GenCorp", a known name
        at = self.text.find(word)
        while at >= 0:                                    # the same word, not inside a longer one
            whole = not (at and self.text[at - 1].isalnum()) and not self.text[at + len(word):at + len(word) + 1].isalnum()
            if whole and at != span[0] and self.segments.sentence_at(at)[0] != at:
                return True
            at = self.text.find(word, at + 1)
        return False

    def _a_place(self, span: tuple[int, int]) -> bool:
        """Whether words after "of" are a place or country ("mayor of New York City")."""
        return any(self.outcome.of_type(t).containing(span) for t in ("place", "country"))

    def _a_person(self, name: str | None) -> bool:
        """Whether a one-word name is the surname of someone the document names in full."""
        if not name or " " in name:
            return False
        return any(len(tokens) > 1 for tokens in self.people_by_last.get(name, ()))

    def _offices(self, title: str) -> list[str]:
        """The offices a title holds, in lower case: "chairman and chief executive" holds two
        (its first part is a title of the lexicon); "mines and energy minister" holds one."""
        first, joined, rest = title.partition(" and ")
        if joined and self.titles is not None and first in self.titles and rest:
            return [first.casefold(), rest.casefold()]
        return [title.casefold()]

    def _title_qualifiers(self, title: Mention) -> set[str]:
        """The words of a title's span beside its office and name: {"french"} for "French
        President Jacques Chirac"."""
        value = title.value or {}
        words = set(self.text[title.start:title.end].casefold().split())
        return words - set(f"{value.get('title') or ''} {value.get('name') or ''}".casefold().split()) - self.title_links

    def fullest_organisation(self, mention: Mention) -> str:
        """The fullest name the document gives the organisation: the longest with the same head
        word ("the ministry"), else the first that the name opens ("Bond Corp" after "Bond Corp
        International Ltd")."""
        text = mention.match.group()
        longest = self.longest_organisation.get(text.split()[-1].casefold(), text)
        if longest.casefold() == "the " + text.casefold():
            longest = text          # "the American Express" is no fuller than American Express (Co)
        best = longest if len(longest) > len(text) else self.organisation_by_opening.get(text, text)
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
            named = self.title_person(mention)
            if named is None and "the " in (self.text[mention.start:mention.start + 4].casefold(),
                                             self.text[max(0, mention.start - 4):mention.start].casefold()):
                named = self._antecedent(mention.start, "person")    # "the prime minister said"
            return named, "person"
        if mention.type == "person":
            name = self.fullest_person(mention.match.group())
            if name in self.company_by_first_word:
                return self.company_by_first_word[name], "organisation"
            return name, "person"
        if mention.type == "organisation":
            name = self.fullest_organisation(mention)
            if name == mention.match.group():
                name = self.party_reader.completed_name(mention) or name
            if self._generic_firm(mention.match.group()):   # "the company": a firm named before it in its sentence, else the latest subject
                if self._trailing_speaker(mention):        # "... no officers of Allegheny, the company said."
                    return (self._latest_subject(mention.start, "organisation") or self._first_firm_before(mention.start)
                            or name), "organisation"
                return self._firm_about(mention.start) or name, "organisation"
            if self._described_firm(mention.match.group()):
                return self._described_referent(mention) or name, "organisation"
            return name, "organisation"
        if mention.type == "country":
            return lower_article(mention.match.group()), "organisation"
        if mention.type == "descriptor":
            named = self._named_beside(mention)
            if named is not None:
                return named
            # "the prime minister" is the person the document names with that title
            article, _, office = mention.match.group().partition(" ")
            named = None
            if article.casefold() == "the" and self._head(mention) in self.named_titles:
                named = self.title_person(replace(mention, value={"title": office.split()[-1], "name": None}))
            elif article.casefold() == "the" and self.titles is not None and office.split()[-1] in self.titles:
                # "the prime minister said", with no one named so: whom the text was about
                named = self._antecedent(mention.start, "person")
            return (named, "person") if named else (lower_article(mention.match.group()), self._descriptor_kind(mention))
        if mention.type == "pronoun":
            kind = str(self.pronouns.value(mention.match.group(), "person")) if self.pronouns else "person"
            return self._antecedent(mention.start, kind), kind
        return mention.match.group(), None

    def _full_name_end(self, word: str, suffixes: Lexicon | None) -> bool:
        """Whether a name ending so is an organisation's full name ("... Ltd", "Labour Party"),
        not a phrase that opens with one ("Labour MPs")."""
        return (suffixes is not None and word in suffixes) or (
            word[:1].isupper() and self.org_heads is not None and word.casefold() in self.org_heads)

    def _generic_firm(self, name: str) -> bool:
        """ "the company", "the firm": a company noun (lexicon company_nouns) and nothing else."""
        words = name.split()
        return (len(words) == 2 and words[0].casefold() == "the" and self.company_nouns is not None
                and words[1].casefold() in self.company_nouns)

    def _trailing_speaker(self, mention: Mention) -> bool:
        """Whether a mention is the speaker a sentence ends with (", the company said."): the
        firms its sentence names are what it speaks about, not who it is."""
        after = TRAILING_CUE.match(self.text, mention.end)
        return (after is not None and self.cue_verbs is not None and after.group(1) in self.cue_verbs
                and self.text[max(0, mention.start - 2):mention.start].strip() == ",")

    def _described_firm(self, name: str) -> bool:
        """ "the broadcast company", "The US firm": a company noun after one to three modifiers."""
        words = name.split()
        return (2 < len(words) < 6 and words[0].casefold() == "the" and self.company_nouns is not None
                and words[-1].islower() and words[-1] in self.company_nouns)

    def _described_referent(self, described: Mention) -> str | None:
        """The firm a described one stands for: the one whose name holds a modifier ("the
        broadcast company": Taft Broadcasting Co), else, where a nationality describes it and
        it opens its sentence, the firm named last in the sentence before ("... its alliance
        with General Motors. The US firm agreed")."""
        words = described.match.group().split()[1:-1]
        modifiers = [w.casefold() for w in words if len(w) > 4]
        organisations = self.outcome.of_type("organisation")
        before = organisations.mentions[:bisect_left(organisations.starts, described.start)]
        for mention in reversed(before):
            words = mention.match.group().casefold().split()
            if any(word.startswith(m) for m in modifiers for word in words):
                return self.entity(mention)[0]
        national = next(self.outcome.of_type("country").within((described.start, described.end)), None) is not None or (
            self.nationalities is not None and any(word in self.nationalities for word in words))
        if not national or not self._opens_sentence(described):
            return None
        for _, inside in list(self._sentences_back(described.start, 1, ("organisation",)))[1:]:    # the sentence before
            for mention in reversed(inside):
                name = self.entity(mention)[0] if mention.start >= self._dateline_end() else None
                if name and not self._generic_firm(name) and not self._described_firm(name):
                    return name
        return None

    def _firm_about(self, pos: int) -> str | None:
        """The firm "the company" at `pos` stands for: the first its sentence names before it,
        else the latest subject that is a firm."""
        return self._first_firm_before(pos) or self._latest_subject(pos, "organisation")

    def _first_firm_before(self, pos: int) -> str | None:
        """The first organisation named in the sentence before `pos` ("In a statement from Lycos
        Europe ..., the company denied")."""
        organisations = self.outcome.of_type("organisation")
        start = self.segments.sentence_at(pos)[0]
        for i in range(bisect_left(organisations.starts, start), bisect_left(organisations.starts, pos)):
            name = self.entity(organisations.mentions[i])[0]
            if name and not self._generic_firm(name):
                return name
        return None

    def _latest_subject(self, pos: int, kind: str) -> str | None:
        """The latest subject before `pos` (a speaker, a name opening its sentence) that stands
        for a named entity of this kind."""
        subjects = self._all_subjects()
        last = bisect_left(self._subject_starts, pos) - 1
        for i in range(last, max(-1, last - SUBJECTS_BACK), -1):
            name, target_kind = self.entity(subjects[i])
            if name and (target_kind == kind or self._name_or_firm(subjects[i], name, kind)) \
                    and not self._generic_firm(name):
                return name
        return None

    def _named_beside(self, described: Mention) -> tuple[str | None, str | None] | None:
        """Whom a description beside a name stands for: the person a comma joins it to
        ("Katrina Bull, a parliamentary candidate said"; "a spokesman, Dean Boyd, said"), the
        body one of `spokes_nouns` follows ("General Partners officials"), or the owner of a
        document ("RIAA's notice alleged": the RIAA; "Her lawsuit says")."""
        kind, words = self._descriptor_kind(described), described.match.group().split()
        if kind is None:
            if self.possessives is not None and words[0].casefold() in self.possessives:
                owner_kind = str(self.possessives.value(words[0].casefold()))
                return self._antecedent(described.start, owner_kind), owner_kind
            possessor = POSSESSOR.match(described.match.group())
            if possessor is None:
                return None
            span = (described.start, described.start + possessor.end(1))
            author = mention_for(self.outcome, span, ("organisation", "person", "country"), ())
            return self.entity(author) if author is not None else (possessor.group(1), "organisation")
        if self.spokes_nouns is not None and self._head(described) in self.spokes_nouns:
            body = self.outcome.of_type("organisation").ending((described.start - 2, described.start - 1))
            if body is not None and self.text[body.end:described.start] == " ":
                return self.entity(body)
        if kind != "person" or not (words[0][:1].isupper() or words[0] in ("a", "an", "the")):
            return None                           # a bare "official" is no apposition
        named = None
        if self.text[described.end:described.end + 1] == " ":    # "Mr Brown's former advisor Ed Balls"
            named = self._starting_at(described.end + 1)
        if named is None and self.text[described.start - 2:described.start] == ", ":
            named = mention_for(self.outcome, (described.start - 3, described.start - 2), PEOPLE, PEOPLE)
        if named is None and self.text[described.end:described.end + 2] == ", ":
            after = self._starting_at(described.end + 2)
            if after is not None and CLAUSE_END.match(self.text, after.end):
                named = after
        return self.entity(named) if named is not None else None

    def _starting_at(self, pos: int, types: tuple[str, ...] = PEOPLE) -> Mention | None:
        """The mention of these types (person or title) that starts at `pos`."""
        for type_ in types:
            found = self.outcome.of_type(type_).containing((pos, pos + 1))
            if found is not None and found.start == pos:
                return found
        return None

    def mention_at(self, holder: Mention, group: str, span: tuple[int, int]) -> Mention | None:
        """The speaker or party mention that `holder`'s group names at `span`, read as its
        rule's constraint read it (a title by its tail where the group says `tail_of`)."""
        spec = holder.rule.definition.groups.get(group)
        types = spec.is_ if spec and spec.is_ else SPEAKER_TYPES
        return mention_for(self.outcome, span, types, spec.tail_of if spec else ())

    def _all_subjects(self) -> list[Mention]:
        """Mentions that are likely subjects, in text order: speakers of a cue verb ("Austin
        said") and people, organisations or described people outside quotes that open a
        sentence or follow its opening phrase ("Reyes, ...", "Refusing to quit, Mugabe agreed")."""
        if self._subject_list is None:
            subjects = []
            for reporting in self.outcome.of_type("reporting").mentions:
                span = reporting.group_span("speaker")
                target = self.mention_at(reporting, "speaker", span) if span else None
                if target is not None:
                    subjects.append(target)
                    self._speaker_spans.add((target.start, target.end))
            for mention in self._subject_candidates()[0]:
                if mention.type != "pronoun" and self._opens_sentence(mention):
                    subjects.append(mention)
            self._subject_list = sorted(subjects, key=lambda m: m.start)
            self._subject_starts = [m.start for m in self._subject_list]
        return self._subject_list

    def _subject_spans(self) -> set[tuple[int, int]]:
        if self._subject_span_set is None:
            self._subject_span_set = {(m.start, m.end) for m in self._all_subjects()}
        return self._subject_span_set

    def _opens_sentence(self, mention: Mention) -> bool:
        """Whether a mention opens its sentence, or follows the comma of its opening phrase; a
        dateline ("DUBLIN, Calif., March 6 - ") is not part of the sentence, nor its place a subject."""
        key = (mention.start, mention.end)
        if key not in self._opening:
            self._opening[key] = self._opens_its_sentence(mention)
        return self._opening[key]

    def _opens_sentence_at(self, pos: int) -> bool:
        return not self.text[self.segments.sentence_at(pos)[0]:pos].strip()

    def _opens_its_sentence(self, mention: Mention) -> bool:
        start = self.segments.sentence_at(mention.start)[0]
        dateline_end = self._dateline_end()
        if start < dateline_end:
            if mention.start < dateline_end:
                return False
            start = dateline_end
        before = self.text[start:mention.start].rstrip(" \t<")     # "<Enim Oil Co Ltd>" (Reuters)
        if not before:
            return True
        short = before.count(" ") < 8       # an opener or a description of a few words (cheap test first)
        if short and self.clause_openers is not None and before in self.clause_openers:
            return True                                 # "But Reagan was expected to ..."
        described = DESCRIBED_FIRM.fullmatch(before.lstrip()) if short else None
        if described is not None and self.company_nouns is not None and described.group(1) in self.company_nouns:
            return True                                 # "French industrial gas group <Duffour et Igon> has"
        return before.endswith(",") and "," not in before[:-1] and not (     # "On Monday, X"
            self.cue_verbs is not None and any(word in self.cue_verbs for word in before.split()))

    def _dateline_end(self) -> int:
        """Where the document's dateline ends: the whole match of a rule that sets the reference
        date (rules/dates.yaml), or 0 without one."""
        if self._dateline is None:
            self._dateline = 0
            for index in self.outcome.mentions.values():
                for m in index.mentions:
                    if m.rule.definition.sets == "reference_date":
                        self._dateline = max(self._dateline, m.match.end())
        return self._dateline

    def _antecedent(self, pos: int, kind: str) -> str | None:
        """Whom "he" or "it" at `pos` stands for: a subject of this kind earlier in its own
        sentence ("Smith said he ..."), else the first mention of this kind in the latest
        earlier sentence that has one ("Smith criticised Jones. He said ..."), never a mention
        inside quotation marks; else the most recent mention of the kind."""
        if kind == "group":
            return None
        if kind == "person":
            quoted = self._quoted_antecedent(pos)
            if quoted is not None:
                return quoted
        candidates, starts = self._subject_candidates()
        own = self.segments.sentence_at(pos)
        i = bisect_left(starts, pos) - 1
        reporter = self._reporter(pos, kind, candidates[bisect_left(starts, own[0]):i + 1])
        if reporter is not None:
            return reporter
        for _ in range(ANTECEDENT_SENTENCES):
            if i < 0:
                break
            sentence = self.segments.sentence_at(candidates[i].start)
            first = bisect_left(starts, sentence[0])
            fitting = []
            for mention in candidates[first:i + 1]:
                if sentence == own and not self._opens_sentence(mention):
                    continue
                name, target_kind = self.entity(mention)
                if name and (target_kind == kind or self._name_or_firm(mention, name, kind)):
                    fitting.append((mention, name))
            if fitting:      # a speaker ("he said"), an opening name, then a non-possessive
                subjects = self._subject_spans()
                ranked = ([n for m, n in fitting if (m.start, m.end) in self._speaker_spans]
                          + [n for m, n in fitting if (m.start, m.end) in subjects]
                          + [n for m, n in fitting if not POSSESSIVE.match(self.text, m.end)] + [fitting[0][1]])
                return ranked[0]
            i = first - 1
        starts_back, mentions = self._latest_first(PEOPLE if kind == "person" else ("organisation",))
        for i in range(bisect_left(starts_back, -pos + 1), len(mentions)):
            name, _ = self.entity(mentions[i])
            if name:
                return name
        return None

    def _quoted_antecedent(self, pos: int) -> str | None:
        """Whom "he" inside quotation marks stands for: never the one who speaks them, but the
        latest other person named before it in its paragraph, quoted or not ('Lucy Fischer told
        NPR, "[Khan] had been released on the provision that he had agreed"'; 'Tony Blair
        said: "Paul has been a valued colleague. He has made ..."'). A lone first name is the
        one person of the document with that first name (Paul Boateng)."""
        if self.outcome.of_type("quote_span").containing((pos, pos + 1)) is None:
            return None
        paragraph = self.segments.paragraph_at(pos)
        speakers = set()
        for reporting in self.outcome.of_type("reporting").within(paragraph):
            span = reporting.group_span("speaker")
            target = self.mention_at(reporting, "speaker", span) if span else None
            if target is not None:
                speakers.add(self.entity(target)[0])
        starts_back, mentions = self._latest_first(PEOPLE)
        for i in range(bisect_left(starts_back, -pos + 1), len(mentions)):
            mention = mentions[i]
            if mention.start < paragraph[0]:
                break
            name, kind = self.entity(mention)
            if not name or kind != "person" or name in speakers:
                continue
            if " " not in name:     # a lone word is a person only if the document names him in full
                fuller = self._people_by_first().get(name, set())
                if len(fuller) != 1:
                    continue
                name = next(iter(fuller))
            return name
        return None

    def _people_by_first(self) -> dict[str, set[str]]:
        """The full names of the document's people, by first name (built when first asked)."""
        if self._by_first is None:
            self._by_first = {}
            for found in self.people_by_last.values():
                for tokens in found:
                    if len(tokens) > 1:
                        self._by_first.setdefault(tokens[0], set()).add(" ".join(tokens))
        return self._by_first

    def _reporter(self, pos: int, kind: str, before: list[Mention]) -> str | None:
        """The subject of the clause that "it" or "he" at `pos` hangs on, in its own sentence:
        who reports about itself ("Computerland, the largest PC retailer, said it agreed"; a
        cue verb of lexicon cue_verbs right before the pronoun) or the subject of a clause it
        follows ("Japan's Nippon Steel slid after it agreed"). A name that "it" stands for so
        is a firm, whatever the name looks like."""
        said = SAID_BEFORE.search(self.text, max(0, pos - 60), pos)
        cue_at = said.start() if said and self.cue_verbs is not None and said.group(1) in self.cue_verbs else -1
        for mention in reversed(before):
            if (cue_at >= 0 and REPORTER_GAP.fullmatch(self.text, mention.end, cue_at)) or (
                    CLAUSE_BEFORE.fullmatch(self.text, mention.end, pos) and not POSSESSIVE.match(self.text, mention.end)):
                name, target_kind = self.entity(mention)
                if name and target_kind != kind and kind == "organisation" and mention.type == "person":
                    return self.organisation_by_opening.get(name, name)     # "Lucky Stores" of "Lucky Stores Inc"
                return name if target_kind == kind else None
        return None

    @staticmethod
    def _name_or_firm(mention: Mention, name: str, kind: str) -> bool:
        """A lone capitalised word the document never names more fully ("Turkcell said") may
        be a firm as well as a person: "it" may stand for it."""
        return kind == "organisation" and mention.type == "person" and " " not in name

    def _latest_first(self, types: tuple[str, ...]) -> tuple[list[int], list[Mention]]:
        """The mentions of these types, latest first (ties in the order of `types`), with their
        negated starts for bisecting."""
        key = ",".join(types)
        if key not in self._by_kind:
            mentions = sorted((m for t in types for m in self.outcome.of_type(t).mentions),
                              key=lambda m: m.start, reverse=True)
            self._by_kind[key] = ([-m.start for m in mentions], mentions)
        return self._by_kind[key]

    # --- extractions ---------------------------------------------------------------------

    def resolve_titles(self) -> None:
        for title in self.outcome.of_type("title").mentions:
            if title.value is not None:
                title.value["person"] = self.title_person(title)
                organisation = title.group_span("organisation")
                if self._a_person(title.value.get("organisation")) or (
                        organisation and (not self._capitalised_elsewhere(organisation) or self._a_place(organisation))):
                    title.value["organisation"] = None     # his, not a firm's; a sentence's capital; a place

    def resolve_quotes(self) -> list[Mention]:
        """Fill each quote's speaker; return the quotes of the other quotation marks, each with
        the speaker the attribution steps find for it (or none)."""
        quotes = self.outcome.of_type("quote").mentions
        for quote in quotes:
            span = quote.group_span("speaker")
            target = self._speaker_at(quote, span) if span else None
            if quote.value is not None:
                quote.value["speaker"] = self.entity(target)[0] if target else self._named(quote.value.get("speaker_text"))
                quote.value["speaker_found_by"] = [quote.rule.id]
                if target is not None and (target.start, target.end) != span:    # the whole title
                    quote.value.update(speaker_start=target.start, speaker_end=target.end,
                                       speaker_text=self.text[target.start:target.end])
        return self._attributed_quotes(quotes)

    def _speaker_at(self, event: Mention, span: Span) -> Mention | None:
        """The mention a speaker capture holds; the person where it reads "Elliot Levine of
        Ladenburg Thalmann Co said"."""
        target = self.mention_at(event, "speaker", span)
        member = self.party_reader.member(target) if target is not None else None
        return member[1] if member is not None else target

    def _named(self, label: str | None) -> str | None:
        """A speaker written outside the mentions, as a transcript's "PENCE": the fullest name
        of the person the document names with that surname, else the label as written."""
        if label and label.isupper() and label.title() in self.people_by_last:
            return self.fullest_person(label.title())
        return label

    def _speech_events(self, quotes: list[Mention]) -> list[Event]:
        """Who speaks where: each attributed quote, and each speaker with a cue verb outside
        quotation marks ("Austin said"), as (start, end, the value a quote takes from it)."""
        events = [(q.start, q.end, q.value) for q in quotes if q.value and q.value.get("speaker")]
        for reporting in self.outcome.of_type("reporting").mentions:
            span = reporting.group_span("speaker")
            target = self._speaker_at(reporting, span) if span else None
            if target is None:
                continue
            name = self.entity(target)[0]
            if name:
                events.append((reporting.start, reporting.end, {
                    "speaker": name, "speaker_text": self.text[target.start:target.end],
                    "speaker_start": target.start, "speaker_end": target.end,
                    "cue": reporting.group("cue"), "speaker_found_by": [reporting.rule.id]}))
        return sorted(events, key=lambda e: (e[0], e[1]))

    def _attributed_quotes(self, quotes: list[Mention]) -> list[Mention]:
        events = self._speech_events(quotes)
        starts = [e[0] for e in events]
        claimed = {(q.start, q.end) for q in quotes}
        found = []
        for marks in self.outcome.of_type("quote_span").mentions:
            if (marks.start, marks.end) in claimed:
                continue
            words = inside_marks(marks.match.group())
            step, donor = "", None
            if self.not_attributed is None or self.not_attributed.fullmatch(words) is None:
                step, donor = self._speaker_for(marks, events, starts)
            value: dict[str, Any] = {"quote": words, "speaker": None,
                                     "speaker_text": None, "speaker_start": None, "speaker_end": None,
                                     "cue": None, "speaker_found_by": []}
            if donor is not None:
                value.update({k: donor[k] for k in SPEAKER_FIELDS})
                value["speaker_found_by"] = [step] + list(donor.get("speaker_found_by", ()))
                at = bisect_left(starts, marks.start)      # a later quote may take this speaker on
                events.insert(at, (marks.start, marks.end, value))
                starts.insert(at, marks.start)
            found.append(replace(marks, type="quote", value=value))
        return found

    def _speaker_for(self, marks: Mention, events: list[Event], starts: list[int]) -> tuple[str, dict[str, Any] | None]:
        """The first attribution step that finds a speaker for these marks, and what it found."""
        for step in self.attribution:
            found = ATTRIBUTION_STEP_FUNCTIONS[step](self, marks, events, starts)
            if found is not None:
                return step, found
        return "", None

    @staticmethod
    def _in_scope(marks: Mention, events: list[Event], starts: list[int], scope: tuple[int, int]) -> dict[str, Any] | None:
        """The speaker of the latest event in `scope` before the marks, else of the first after
        them (never one inside them)."""
        first, last = bisect_left(starts, scope[0]), bisect_left(starts, scope[1])
        before = bisect_left(starts, marks.start, first, last)
        if before > first:
            return events[before - 1][2]
        after = bisect_left(starts, marks.end, first, last)
        return events[after][2] if after < last else None

    def _sentence_step(self, marks: Mention, events: list[Event], starts: list[int]) -> dict[str, Any] | None:
        """attribution.sentence: who speaks in the quote's sentence ('Austin said the talks were
        "productive"')."""
        return self._in_scope(marks, events, starts, self.segments.sentence_at(marks.start))

    def _sentence_subject_step(self, marks: Mention, events: list[Event], starts: list[int]) -> dict[str, Any] | None:
        """attribution.sentence_subject: the subject of the quote's sentence, where no cue verb
        names a speaker ("Clinton cited ... as "Miss Piggy""): the first person, title,
        organisation, descriptor or pronoun outside quotation marks that opens the sentence or
        follows its opening phrase's comma, before the quote, with a lower-case word after it."""
        sentence = self.segments.sentence_at(marks.start)
        candidates, candidate_starts = self._subject_candidates()
        for i in range(bisect_left(candidate_starts, sentence[0]), len(candidates)):
            mention = candidates[i]
            if mention.start >= marks.start:
                break
            if not self._opens_sentence(mention) or not SUBJECT_FOLLOWER.match(self.text, mention.end):
                continue
            name = self.entity(mention)[0]
            if name:
                return {"speaker": name, "speaker_text": self.text[mention.start:mention.end],
                        "speaker_start": mention.start, "speaker_end": mention.end, "cue": None,
                        "speaker_found_by": [mention.rule.id]}
            return None
        return None

    def _subject_candidates(self) -> tuple[list[Mention], list[int]]:
        if self._subjects_outside_quotes is None:
            quotes = self.outcome.of_type("quote_span")
            mentions = sorted((m for t in ("title", "person", "organisation", "country", "descriptor", "pronoun")
                               for m in self.outcome.of_type(t).mentions
                               if quotes.containing((m.start, m.end)) is None), key=lambda m: (m.start, -m.end))
            self._subjects_outside_quotes = (mentions, [m.start for m in mentions])
        return self._subjects_outside_quotes

    def _paragraph_step(self, marks: Mention, events: list[Event], starts: list[int]) -> dict[str, Any] | None:
        """attribution.paragraph: who speaks in the quote's paragraph."""
        return self._in_scope(marks, events, starts, self.segments.paragraph_at(marks.start))

    def _previous_paragraph_step(self, marks: Mention, events: list[Event], starts: list[int]) -> dict[str, Any] | None:
        """attribution.previous_paragraph: a quote that opens its paragraph (news continues the
        last speaker so) takes the last speaker of the paragraph before."""
        paragraph = self.segments.paragraph_at(marks.start)
        index = bisect_left(self.segments.paragraphs, paragraph)
        if marks.start != paragraph[0] or index == 0:
            return None
        previous = self.segments.paragraphs[index - 1]
        first, last = bisect_left(starts, previous[0]), bisect_left(starts, previous[1])
        return events[last - 1][2] if first < last else None

    def resolve_agreements(self) -> None:
        resolved: list[Mention] = []
        for agreement in self.outcome.of_type("agreement").mentions:
            if agreement.value is None:
                continue
            parties: list[str] = []
            for span, target in self.party_reader.parties(agreement):
                for name in self._party_names(span, target, agreement, resolved):
                    if name and name not in parties:
                        parties.append(name)
            agreement.value["parties"] = parties
            resolved.append(agreement)

    def _party_names(self, span: tuple[int, int], target: Mention | None, agreement: Mention,
                     resolved: list[Mention]) -> list[str]:
        if target is None:
            return [self.text[span[0]:span[1]]]
        whole = self.party_reader.names(target)
        if whole is not None:            # "UK Athletics" where the mention rules read "Athletics"
            return whole
        named = self._name_after(target) if target.type in ("party_group", "descriptor") else None
        if named is None and target.type == "party_group":
            named = self._named_body(target)
        if named is None and target.type in ("party_group", "organisation"):
            named = self._named_with_head(target)
        if named is not None:       # "with the Italian finance minister Domenico Siniscalco"
            return [named]
        introduced = self._introduced(target) if target.type in ("party_group", "organisation") else None
        if introduced is not None:  # "A US defence company has agreed to pay ... The Titan corporation was"
            return [introduced]
        body = self._member_body(target) if target.type == "party_group" else None
        if body is not None:        # "The lawmakers" after "the House Ways and Means Trade Subcommittee"
            return [body]
        holders = self._title_holders(target) if target.type == "party_group" else []
        if holders:                 # "the energy ministers" after "energy minister Yuval Steinitz, ..."
            return holders
        fuller = self._fuller_group(target) if target.type == "party_group" else None
        if fuller is not None:      # "ministers" after "EC foreign ministers"
            return self._party_names((fuller.start, fuller.end), fuller, agreement, resolved)
        if target.type == "party_group" and self._plain_group(target):
            body = self.longest_organisation.get(self._head(target))
            if body and body.split()[-1] == self._head(target).capitalize():
                return [lower_article(body) or body]    # "ministers": the Council of Ministers
        states = self._states_of(target)
        if states:
            return states
        if target.type == "party_group" and self.party_nouns is not None \
                and self.party_nouns.value(target.match.group().split()[-1]) == "listed":
            listed = self.party_reader.listed_countries(target.start)
            if listed:                      # "the nations" after "the U.S., Japan, ... and Canada"
                return listed
        name, kind = self.entity(target)
        owner = self._owner_of(target) if target.type in ("party_group", "organisation") else None
        if owner is not None:                       # "its banks": Jarvis's banks
            return [owner]
        if target.type == "collective" or kind == "group":
            found = ((self._named_pair(target.start, 1, FIRM_PAIR_TYPES) if target.type == "collective" else [])
                     or self._collective(agreement, resolved) or self._last_two(target)
                     or (self._they_or_listed(target.start) if target.type == "pronoun" else []))
            if found or target.type != "party_group":
                return found
        return [name] if name else []       # a described group as written ("reached by ministers")

    def _member_body(self, group: Mention) -> str | None:
        """A plain group of a body's members (lexicon member_bodies: "the lawmakers") as the
        latest body of that kind that is a subject before it."""
        bodies = self.lexicons.get("member_bodies")
        if bodies is None or not self._plain_group(group):
            return None
        heads = str(bodies.value(group.match.group().split()[-1]) or "").split()
        if not heads:
            return None
        starts_back, mentions = self._latest_first(("organisation",))
        first = bisect_left(starts_back, -group.start + 1)
        for mention in mentions[first:first + SUBJECTS_BACK]:      # a bounded look back: linear in a long text
            if self._head(mention) in heads and self._opens_sentence(mention):     # a subject
                name = self.entity(mention)[0]
                if name:
                    return name
        return None

    def _title_holders(self, group: Mention) -> list[str]:
        """ "The energy ministers" as the people its sentence or the one before names with that
        title in the singular ("... and energy minister Yuval Steinitz, ... and energy minister
        Konstantinos Hatzidakis"), where it names two at least."""
        words = group.match.group().split()
        if words[0].casefold() == "the":
            words = words[1:]
        if len(words) < 2 or not words[-1].endswith("s"):
            return []
        office = " ".join(words[:-1] + [words[-1][:-1]]).casefold()
        holders: list[str] = []
        for _, inside in self._sentences_back(group.start, 1, ("title",)):
            for title in inside:
                if title.value and (title.value.get("title") or "").casefold() == office and title.value.get("person"):
                    if title.value["person"] not in holders:
                        holders.append(title.value["person"])
        return holders if len(holders) > 1 else []

    def _owner_of(self, group: Mention) -> str | None:
        """ "its pilots" as the pilots of the firm "its" stands for ("Delta's pilots"); "the
        board" (lexicon firm_bodies) as the board of the firm the text is about, as "the
        company" would be resolved ("Duffour et Igon's board")."""
        first, _, rest = group.match.group().partition(" ")
        if not rest:
            return None
        if first.casefold() == "its":
            owner = self._antecedent(group.start, "organisation")
        elif first.casefold() == "the" and self.firm_bodies is not None and rest in self.firm_bodies:
            owner = self._firm_about(group.start)
        else:
            return None
        return f"{owner}'s {rest}" if owner and not DESCRIPTION.match(owner) else None

    def _they_or_listed(self, pos: int) -> list[str]:
        """ "They" as names, else the countries listed just before ("Ministers of Peru, Chile and
        Bolivia met. They agreed"), else a group."""
        they = self._they(pos)
        return they if len(they) > 1 else self.party_reader.listed_countries(pos) or they

    def _introduced(self, described: Mention) -> str | None:
        """The name a lede gives in its second sentence to the one its first introduces with
        "a" ("A US defence and telecommunications company has agreed to pay $28.5m ... The Titan
        corporation was accused"): the organisation that opens the next sentence."""
        sentences = self.segments.sentences
        k = bisect_left(sentences, self.segments.sentence_at(described.start))
        first = max(sentences[0][0], self._dateline_end()) if sentences else 0
        if k + 1 >= len(sentences) or self.segments.sentence_at(first) != sentences[k] \
                or not INDEFINITE_OPENING.fullmatch(self.text, first, described.start):
            return None
        following = self.outcome.of_type("organisation").within(sentences[k + 1])
        opener = next(following, None)
        if opener is None or not self._opens_sentence(opener):
            return None
        name = self.entity(opener)[0]
        return (lower_article(name) or name) if name and not self._generic_firm(name) else None

    @staticmethod
    def _plain_group(group: Mention) -> bool:
        """ "ministers", "the ministers": a party noun and nothing that says whose."""
        words = group.match.group().split()
        return len(words) == 1 or (len(words) == 2 and words[0].casefold() == "the")

    def _fuller_group(self, group: Mention) -> Mention | None:
        """The group a plain one repeats: the latest in its sentence or the two before with the
        same head word and a name or nationality in it ("EC foreign ministers ... But ministers
        failed to agree")."""
        if not self._plain_group(group):
            return None
        head = self._head(group)
        for _, inside in self._sentences_back(group.start, 2, ("party_group",)):
            for mention in reversed(inside):
                words = mention.match.group().split()
                modifiers = words[1:-1] if words[0].casefold() == "the" else words[:-1]
                if mention.end <= group.start and words[-1].casefold() == head \
                        and any(word[:1].isupper() for word in modifiers):
                    return mention
        return None

    def _named_with_head(self, described: Mention) -> str | None:
        """ "The club" as the name an earlier description with that head word gave ("German
        football club Borussia Dortmund ... the club agreeing a rescue plan")."""
        words = described.match.group().split()
        if len(words) < 2 or words[0].casefold() not in ("the", "that", "this") or not words[-1].islower():
            return None
        starts_back, mentions = self._latest_first(("organisation", "person"))
        first = bisect_left(starts_back, -described.start + 1)
        for mention in mentions[first:first + SUBJECTS_BACK]:     # a bounded look back
            before = WORD_BEFORE_NAME.search(self.text, max(0, mention.start - 40), mention.start)
            if before is not None and before.group(1) == words[-1] and mention.end <= described.start:
                name = self.entity(mention)[0]
                if name:
                    return name
        return None

    def _named_body(self, described: Mention) -> str | None:
        """ "That coalition" is the organisation named with the same head word ("the Stop Murder
        Music coalition"), if the document names one."""
        words = described.match.group().split()
        if len(words) != 2 or words[0].casefold() not in ("the", "that", "this"):
            return None
        fuller = self.longest_organisation.get(words[1].casefold())
        return (lower_article(fuller) or fuller) if fuller and len(fuller.split()) > 2 else None

    def _name_after(self, described: Mention) -> str | None:
        """The person or organisation named right after a description ("personal video recorder
        company TiVo")."""
        if self.text[described.end:described.end + 1] != " ":
            return None
        found = self._starting_at(described.end + 1, ("person", "title", "organisation"))
        return self.entity(found)[0] if found is not None else None

    def _states_of(self, described: Mention) -> list[str]:
        """The countries or organisations a described party of a state stands for: "Hungarian
        and Romanian officials" are Hungary and Romania, "EU energy ministers" the EU, "the
        Sudanese government" Sudan (lexicons party_nouns, value `state`, and nationalities)."""
        if described.type not in ("party_group", "organisation") or self.party_nouns is None:
            return []
        words = described.match.group().split()
        if self.party_nouns.value(words[-1]) != "state":
            return []
        span = (described.start, described.end)
        inside = [m for type_ in ("country", "organisation") for m in self.outcome.of_type(type_).within(span)
                  if (m.start, m.end) != span]
        if inside:
            return [self.entity(m)[0] or m.match.group() for m in sorted(inside, key=lambda m: m.start)]
        states: list[str] = []
        i = 0
        while i < len(words) - 1 and self.nationalities is not None:
            pair = " ".join(words[i:i + 2]) if i + 2 < len(words) else None    # "South Korean"
            width = 2 if pair and pair in self.nationalities else 1
            country = self.nationalities.value(" ".join(words[i:i + width]))
            if country and str(country) not in states:
                states.append(str(country))
            i += width
        return states

    def _collective(self, agreement: Mention, resolved: list[Mention]) -> list[str]:
        for earlier in reversed(resolved):      # resolved: the agreements before this one
            if earlier.start < agreement.start and earlier.value and self._corporate(earlier):
                return list(earlier.value["parties"])
        agreements = self.outcome.of_type("agreement")
        for i in range(bisect_left(agreements.starts, agreement.start + 1), len(agreements.mentions)):
            later = agreements.mentions[i]
            if self._corporate(later):
                targets = [self.mention_at(later, "party", span) for _, span in later.captures("party")]
                return [name for t in targets if t is not None for name in [self.entity(t)[0]] if name]
        return []

    def _sentences_back(self, pos: int, depth: int, types: tuple[str, ...]) -> Iterator[tuple[Span, list[Mention]]]:
        """The sentence of `pos` and the `depth` before it, latest first, each with its mentions
        of these types that end by `pos`, in text order (longer first at one start), none of
        them in the dateline ("AKRON, Ohio, June 29 - Gencorp Inc and Continental AG ...")."""
        sentences = self.segments.sentences
        k = bisect_left(sentences, self.segments.sentence_at(pos))
        dateline_end = self._dateline_end()
        for sentence in sentences[max(0, k - depth):k + 1][::-1]:
            yield sentence, sorted((m for t in types for m in self.outcome.of_type(t).within(sentence)
                                    if m.end <= pos and m.start >= dateline_end), key=lambda m: (m.start, -m.end))

    def _they(self, pos: int, depth: int = 3) -> list[str]:
        """ "They" at `pos`: the subjects that open its own sentence before it ("Government
        sources told the BBC they had reached") or one of the `depth` sentences before ("Jackson
        and Stiller star in it. They agreed to appear"): names joined by "and" or commas, a
        group ("The lawmakers"), or what an opening "they" there stands for."""
        reporting_group = self._reporting_group(pos)
        if reporting_group is not None:
            return [reporting_group]
        between = self._between_before(pos)
        if between:
            return between
        for sentence, inside in self._sentences_back(pos, depth, THEY_TYPES):
            openers = [m for m in inside[:1] if self._opens_sentence(m) or DESCRIBED_OPENER.fullmatch(
                self.text[sentence[0]:m.start])]
            if not openers:
                continue
            opener = self._reported_subject(openers[0], inside)
            opening = sentence[0] if opener is openers[0] else opener.start
            if opener.type == "pronoun":    # "He said they had both seen": look further back
                if self._head(opener) != "they":
                    continue
                return self._they(opener.start, 1) if depth > 1 else []
            names, end, kind = [], opener.end, None
            for m in [opener] + [m for m in inside if m.start >= opener.end]:
                if m is not opener and not JOINER.fullmatch(self.text[end:m.start]):
                    break
                name, kind = self.entity(m)
                kind = "group" if m.type == "party_group" else kind
                if name and name not in names:
                    names.append(name)
                end = m.end
            if len(names) == 1 and kind == "group":
                body = self._member_body(opener) if opener.type == "party_group" else None
                return [body or self.text[opening:opener.end].strip()]     # "Government sources"
            if len(names) == 1 and opener.type == "organisation" and kind == "organisation" \
                    and not self._generic_firm(names[0]) and self._opens_sentence_at(pos):
                return names        # "The Countryside Alliance says ... They have agreed"
            return names if len(names) > 1 else []
        return []

    def _between_before(self, pos: int) -> list[str]:
        """ "They" of "the accord between A and B, under which they agreed": the sides the
        agreement noun was said to be between, earlier in the sentence."""
        sentence = self.segments.sentence_at(pos)
        if not WHICH_BEFORE.search(self.text, max(sentence[0], pos - 20), pos):
            return []
        between = None
        for between in BETWEEN.finditer(self.text, sentence[0], pos):
            pass
        if between is None:
            return []
        first = self._starting_at(between.end(), ("party_group", "country", "organisation", "person", "title"))
        if first is None or first.end > pos:
            return []
        names = [self.entity(first)[0] or self.text[first.start:first.end]]
        if first.type != "party_group":
            names += [n for _, m in self.party_reader.joined_after(first) if m.end <= pos
                      for n in [self.entity(m)[0]] if n and n not in names]
        return names

    def _reporting_group(self, pos: int) -> str | None:
        """The group whose "that" clause "they" at `pos` opens ("his colleagues had told him
        that they would not agree"): "they" are the group, whose owner "his" names."""
        for _, inside in self._sentences_back(pos, 0, ("party_group",)):
            for group in reversed(inside):
                if THAT_CLAUSE.fullmatch(self.text, group.end, pos):
                    return self._owner_of(group) or self.entity(group)[0]
        return None

    def _reported_subject(self, opener: Mention, inside: list[Mention]) -> Mention:
        """The subject of the clause a speaker reports, where the sentence opens with one
        ("Tayer said the ministers agreed ... They also agreed"), else the opener itself."""
        said = REPORTED_BY.match(self.text, opener.end)
        if said is None or self.cue_verbs is None or said.group(1) not in self.cue_verbs:
            return opener
        if self.cue_verbs.value(said.group(1)) != "say" and not said.group().rstrip().endswith("that"):
            return opener       # "Sir Edward called the Liberal leader back": no clause reported
        subject = next((m for m in inside if m.start == said.end() and m.type != "pronoun"), None)
        if subject is None or not REPORTED_VERB.match(self.text, subject.end):
            return opener       # "Government sources told the BBC they had": the BBC only listens
        return subject

    def _named_pair(self, pos: int, depth: int = 5, types: tuple[str, ...] = ("country", "organisation")) -> list[str]:
        """The first two countries or organisations joined by "and" ("the US and EU stepped
        back"; "block the Hughes and Baker merger unless both companies agreed", where a
        person-typed name may stand for a firm) in the latest of `depth` sentences up to `pos`
        that has such a pair."""
        for _, inside in self._sentences_back(pos, depth - 1, types):
            for a, b in zip(inside, inside[1:]):
                if self.text[a.end:b.start] == " and ":
                    (name_a, kind_a), (name_b, kind_b) = self.entity(a), self.entity(b)
                    if name_a and name_b and name_a != name_b and kind_a == kind_b == "organisation":
                        return [name_a, name_b]
        return []

    def _last_two(self, collective: Mention) -> list[str]:
        """ "The two countries": the last two countries (or organisations) named before the
        phrase, in text order (lexicon `collective`, the phrase's value)."""
        kind = self.collectives.value(collective.match.group()) if self.collectives is not None else None
        if kind == "any":       # "both sides": a pair named together, else two countries, else two organisations
            return self._named_pair(collective.start) or self._last_two_of(collective, "country") \
                or self._last_two_of(collective, "organisation")
        return self._last_two_of(collective, str(kind)) if kind in ("country", "organisation") else []

    def _last_two_of(self, collective: Mention, kind: str) -> list[str]:
        """The last two names of this kind before the phrase; for firms, a lone word the mention
        rules read as a person and the document never names more fully may be one ("Verizon has
        won a takeover battle for US phone firm MCI. The two firms are expected to seal")."""
        starts_back, mentions = self._latest_first((kind, "person") if kind == "organisation" else (kind,))
        names: list[str] = []
        for m in mentions[bisect_left(starts_back, -collective.start + 1):]:
            name, found = self.entity(m)
            if m.type == "person" and not (found == "person" and self._name_or_firm(m, name or " ", kind)
                                           and self._opens_sentence(m)):
                continue
            if name and name not in names and not self._generic_firm(name) and not DESCRIPTION.match(name):
                names.append(name)     # a name, not a description ("the troubled mining firm")
                if len(names) == 2:
                    return names[::-1]
        return []

    def _corporate(self, agreement: Mention) -> bool:
        """Whether the agreement's parties are two or more countries or organisations."""
        key = (agreement.start, agreement.end)
        if key not in self._corporate_memo:
            targets = [self.mention_at(agreement, "party", span) for _, span in agreement.captures("party")]
            self._corporate_memo[key] = len(targets) >= 2 and all(
                t is not None and t.type in ("country", "organisation") for t in targets)
        return self._corporate_memo[key]


ATTRIBUTION_STEP_FUNCTIONS = {
    "attribution.sentence": DocumentResolver._sentence_step,
    "attribution.sentence_subject": DocumentResolver._sentence_subject_step,
    "attribution.paragraph": DocumentResolver._paragraph_step,
    "attribution.previous_paragraph": DocumentResolver._previous_paragraph_step,
}
ATTRIBUTION_STEPS = tuple(ATTRIBUTION_STEP_FUNCTIONS)


def resolve(text: str, outcome: MatchOutcome, segments: Segments, lexicons: dict[str, Lexicon],
            with_people: bool = True, attribution: tuple[str, ...] = ATTRIBUTION_STEPS,
            not_attributed: Any = None) -> tuple[list[Mention], list[dict[str, Any]]]:
    """Fill person, speaker and party values, and the dates and amounts of agreements, in
    place; return the quotes of the quotation marks no quote rule took (their speakers found by the `attribution` steps, in order) and,
    `with_people`, the document's people (extractor.people). Quotes whose words `not_attributed`
    matches whole (a compiled pattern: names of works) get no speaker from the steps."""
    resolver = DocumentResolver(text, outcome, segments, lexicons, attribution, not_attributed)
    resolver.resolve_titles()
    extra = resolver.resolve_quotes()
    resolver.resolve_agreements()
    link_agreements(text, outcome, segments)
    if not with_people:
        return extra, []
    quotes = list(outcome.of_type("quote").mentions) + extra
    return extra, people_of(text, outcome, quotes, resolver.fullest_person, resolver.name_words)
