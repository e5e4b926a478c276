"""Document-level resolution: aliases, titles without names, pronouns, collective parties."""
from __future__ import annotations

import pytest

TEXT = """date 2024-03-04
Trade Minister Anna Berg met her counterpart Tomas Reyes on Monday.

"The talks were useful," Berg said. "We will meet again."

The ministry said the two sides agreed to cut tariffs.

"We welcome the outcome," it said. Reyes, however, was cautious. "Nothing is signed yet," he said.

The trade minister later flew home.
"""


def test_resolution(engine):
    result = engine.extract(TEXT)
    quotes = {q.value["quote"]: q.value for q in result.of_type("quote")}
    assert quotes["The talks were useful,"]["speaker"] == "Anna Berg"
    assert quotes["We will meet again."]["speaker"] == "Anna Berg"          # same paragraph
    assert quotes["We welcome the outcome,"]["speaker"] == "the ministry"   # "it" after "The ministry said"
    assert quotes["Nothing is signed yet,"]["speaker"] == "Tomas Reyes"     # "he" after "Reyes"
    titles = {t.text: t.value for t in result.of_type("title")}
    assert titles["Trade Minister Anna Berg"]["person"] == "Anna Berg"
    assert titles["trade minister"]["person"] == "Anna Berg"                # same head word


def test_collective_without_named_parties_stays_empty(engine):
    result = engine.extract("Both sides agreed to talk again.")
    assert [a.value["parties"] for a in result.of_type("agreement")] == [[]]


def test_a_title_only_mention_with_a_nationality_is_that_countrys(engine):
    text = ("US President George Bush met French President Jacques Chirac and President Lula. "
            "The French president said no. The US president agreed.")
    titles = {t.text: t.value["person"] for t in engine.extract(text).of_type("title")}
    assert titles["French president"] == "Jacques Chirac"      # not the last president named
    assert titles["US president"] == "George Bush"


def test_a_persons_possessive_is_no_organisation(engine):
    result = engine.extract("Governor Ricardo Rossello spoke. Ana Ruiz, Rossello's chief of staff, "
                            "said so. Ruhi Dogusoy, Turkcell's chief operating officer, agreed.")
    titles = {t.text: t.value for t in result.of_type("title")}
    assert titles["Ana Ruiz, Rossello's chief of staff"]["organisation"] is None
    assert titles["Ruhi Dogusoy, Turkcell's chief operating officer"]["organisation"] == "Turkcell"


def test_people_gathers_every_mention_of_a_person(engine):
    text = ("Trade Minister Anna Berg met Tomas Reyes on Monday. \"We agree,\" Berg said. "
            "Mr Reyes was cautious. \"Nothing is signed,\" he said. Later the trade minister left. "
            "Emerging Technology was discussed.")
    people = {p["name"]: p for p in engine.extract(text).people}
    assert list(people) == ["Anna Berg", "Tomas Reyes"]            # order of first mention
    berg = people["Anna Berg"]
    assert berg["titles"] == ["Trade Minister"]
    assert [m["text"] for m in berg["mentions"]] == ["Trade Minister Anna Berg", "Berg", "trade minister"]
    assert [m["text"] for m in people["Tomas Reyes"]["mentions"]] == ["Tomas Reyes", "Mr Reyes", "he"]
    for person in people.values():
        assert all(text[m["start"]:m["end"]] == m["text"] for m in person["mentions"])


def test_people_is_empty_without_the_title_type(engine):
    assert engine.extract("Trade Minister Anna Berg spoke.", types=["date"]).people == []


def test_a_title_of_two_offices_names_the_holder_of_each(engine):
    text = ("Alain Levy, chairman and president of EMI Music, spoke on Monday. "
            "The chairman said sales rose. Later the president left.")
    people = {t.text: t.value["person"] for t in engine.extract(text).of_type("title")}
    assert people["chairman"] == "Alain Levy"
    assert people["president"] == "Alain Levy"


def _speakers(engine, text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {q.value["quote"]: (q.value["speaker"], q.value["speaker_found_by"])
            for q in engine.extract(text).of_type("quote")}


def test_every_quotation_is_a_quote_and_unattributed_ones_have_no_speaker(engine):
    found = _speakers(engine, 'The show "Face the Nation" ran late. Prices were "sticky".')
    assert found == {"Face the Nation": (None, []), "sticky": (None, [])}


def test_the_cascade_says_which_step_found_the_speaker(engine):
    text = ('Anna Berg spoke at length.\n\n"We are close," she said. "The rest is detail."\n\n'
            '"Nothing is signed."')
    found = _speakers(engine, text)
    assert found["We are close,"] == ("Anna Berg", ["quote.speaker_after"])
    assert found["The rest is detail."] == ("Anna Berg", ["attribution.paragraph", "quote.reporting"])
    assert found["Nothing is signed."][1][0] == "attribution.previous_paragraph"


def test_pronouns_skip_names_inside_quotation_marks(engine):
    text = 'Anna Berg met reporters. "Tomas Reyes is wrong," she said.'
    found = _speakers(engine, text)
    assert found["Tomas Reyes is wrong,"][0] == "Anna Berg"


def test_a_description_beside_a_name_stands_for_it(engine):
    found = _speakers(engine, 'Katrina Bull, a local candidate said: "It is wrong." '
                              'A spokesman, Dean Boyd, said: "It is done."')
    assert found["It is wrong."][0] == "Katrina Bull"
    assert found["It is done."][0] == "Dean Boyd"


def test_a_document_speaks_for_its_owner(engine):
    found = _speakers(engine, 'RIAA\'s notice alleged the tool was made to "circumvent the measures". '
                              'Marion Jones sued. Her lawsuit says he made "false" claims.')
    assert found["circumvent the measures"][0] == "RIAA"
    assert found["false"][0] == "Marion Jones"


def test_a_person_of_a_firm_speaks_for_himself(engine):
    found = _speakers(engine, '"Prices will fall," analyst Jan Berg of Halden Moss Co said.')
    assert found["Prices will fall,"][0] == "Jan Berg"


def test_a_mixed_case_dateline_is_no_part_of_the_first_sentence(engine):
    text = "Toronto, March 17 - Orbis Broadcasting Co stock rose. It is unclear whether the company would agree to a takeover."
    assert _parties(engine, text) == [["Orbis Broadcasting Co"]]


def test_he_never_stands_for_a_group(engine):
    found = _speakers(engine, 'According to police, Anna Berg was driving. He was driving "erratically".')
    assert found["erratically"][0] != "police"


def test_it_may_stand_for_a_lone_capitalised_word(engine):
    found = _speakers(engine, 'Turkcell said the ruling hurt it. "The project is risky," it warned.')
    assert found["The project is risky,"][0] == "Turkcell"


STEPS = """attribution:
  steps:
    - id: attribution.sentence
      examples:
        - text: "Austin said the plan is a \\"cornerstone\\"."
          match: "\\"cornerstone\\""
          value: {speaker: Austin}
"""


def test_switching_a_step_off_in_a_layer(tmp_path, engine):
    from extractor import Engine
    from .conftest import write_rules
    text = '"We are close," Ms. Ruiz said. "The rest is detail."'
    assert _speakers(engine, text)["The rest is detail."][0] == "Ms. Ruiz"
    folder = write_rules(tmp_path / "mine", {
        "layer.yaml": "layer:\n  extends: builtin\n",
        "steps.yaml": STEPS.replace("attribution:\n", "attribution:\n  replace: true\n")})
    assert _speakers(Engine.from_directory(folder, cache=False), text)["The rest is detail."][0] is None


def test_a_datelines_place_is_no_antecedent(engine):
    text = "DUBLIN, Calif., March 6 - Acme Stores Inc said it and investor John Smith agreed on a settlement."
    (agreement,) = engine.extract(text, types=["agreement"]).extractions
    assert agreement.value["parties"] == ["Acme Stores Inc", "John Smith"]


def _parties(engine, text):
    return [a.value["parties"] for a in engine.extract(text, reference_date="1987-03-06", types=["agreement"]).extractions]


def test_the_company_is_the_firm_the_text_is_about(engine):
    text = ("HONG KONG, March 16 - Acme Holdings Ltd said it would defer its rights issue. "
            "The rights issue would finance Zeta Ltd's purchase. The company then reached an agreement with Beta Corp to buy it.")
    assert _parties(engine, text) == [["Acme Holdings Ltd", "Beta Corp"]]


def test_the_company_is_a_firm_named_before_it_in_its_sentence(engine):
    text = "Shares of Omega Corp fell. In a statement from Acme Ltd, the company agreed to sell its unit."
    assert _parties(engine, text) == [["Acme Ltd"]]


def test_a_suffix_is_no_head_word(engine):
    text = ("Acme Network Inc said it hired Drexel Burnham Lambert Inc. "
            "Acme Network Inc said it has entered into a definitive agreement to merge.")
    assert _parties(engine, text)[-1] == ["Acme Network Inc"]


def test_the_two_countries_are_the_last_two_named(engine):
    text = "The United States accused Japan of dumping. The two countries signed a pact last September."
    assert _parties(engine, text) == [["the United States", "Japan"]]


def test_a_subject_after_but_opens_its_sentence(engine):
    text = "But Reagan was expected to assure Chirac that he will not agree to a deal at the talks."
    assert _parties(engine, text) == [["Reagan"]]


def test_it_may_stand_for_a_country(engine):
    text = "Japan is now the second largest shareholder in the bank. It has also agreed to expand its contribution."
    assert _parties(engine, text) == [["Japan"]]


def test_a_name_opening_with_a_shorter_one_is_its_fullest(engine):
    text = "Bond Corp International Ltd rose. Bond Corp said it agreed to buy a tower."
    assert _parties(engine, text) == [["Bond Corp International Ltd"]]


def test_they_are_the_names_that_open_an_earlier_sentence(engine):
    text = "Samuel L Jackson and Ben Stiller star in the film. They agreed to appear in it."
    assert _parties(engine, text) == [["Samuel L Jackson", "Ben Stiller"]]


def test_they_follow_an_opening_they_back_to_a_group(engine):
    text = ("The lawmakers agreed that the bill should pass. They transferred the powers to the trade office. "
            "They agreed to make relief easier.")
    assert _parties(engine, text)[-1] == ["The lawmakers"]


def test_they_after_one_person_stay_unresolved(engine):
    assert _parties(engine, "Smith met reporters. They agreed to go.") == [[]]


def test_both_sides_are_a_pair_named_together_else_the_last_two_countries(engine):
    text = "The US and EU stepped back from a dispute. The two sides had agreed to reopen talks."
    assert _parties(engine, text) == [["the US", "EU"]]
    text = "Turkey accused Greece of breaching the 1976 accord under which both sides agreed to keep the peace."
    assert _parties(engine, text) == [["Turkey", "Greece"]]


def test_they_may_be_the_group_opening_its_own_sentence(engine):
    text = "Government sources told the BBC they had reached a final settlement."
    assert _parties(engine, text) == [["Government sources"]]


def test_a_description_before_a_name_is_the_name(engine):
    text = "Mr Brown said he had agreed with the Italian finance minister Domenico Siniscalco to push on."
    assert _parties(engine, text) == [["Mr Brown", "Domenico Siniscalco"]]


def test_that_coalition_is_the_coalition_named_before(engine):
    text = ("The protests were led by the Stop Murder Music coalition, an umbrella group. "
            "That coalition has reached a verbal agreement with the labels.")
    assert _parties(engine, text) == [["the Stop Murder Music coalition", "the labels"]]


@pytest.mark.parametrize("text, expected", [
    # the dateline holds no subject
    ("AKRON, Ohio, June 29 - Gencorp Inc and Continental AG of Hanover jointly announced they signed an agreement.",
     [["Gencorp Inc", "Continental AG"]]),
    # "he" inside quotation marks is not their speaker
    ('Mark Smith left in 2018. Ann Lee of The Times said, "Smith had been released on the condition that he signed a contract."',
     [["Mark Smith"]]),
    # the subject a speaker reports, and the group whose "that" clause "they" opens
    ("Tayer said the ministers agreed to cut tariffs. They also agreed on a common rate.",
     [["the ministers"], ["the ministers"]]),
    ("Government sources told the BBC they had reached a final settlement.", [["Government sources"]]),
    ("Smith told Jones that the lawmakers had told him that they would not agree to serve.", [["the lawmakers"]]),
    ("It was the accord between Kenya and Uganda, under which they agreed to open the border.", [["Kenya", "Uganda"]]),
    # groups named by their members' titles, by their body, by an earlier description
    ("Kenya's energy minister Ann Lee and Uganda's energy minister Tom Odu met. The energy ministers signed the agreement.",
     [["Ann Lee", "Tom Odu"]]),
    ("The House Ways and Means Trade Subcommittee met. The lawmakers agreed to toughen the bill.",
     [["the House Ways and Means Trade Subcommittee"]]),
    ("Zenco has won a takeover battle for US phone firm MCI. The two firms are expected to seal the deal on Monday.",
     [["Zenco", "MCI"]]),
    ("Shares in German football club Borussia Dortmund slipped despite the club agreeing a rescue plan with creditors.",
     [["Borussia Dortmund", "creditors"]]),
])
def test_who_pronouns_and_groups_stand_for(engine, text, expected):
    assert _parties(engine, text) == expected
