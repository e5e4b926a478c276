"""Agreement parties read around what the patterns captured (extractor/parties.py)."""
from __future__ import annotations

import pytest


def parties(engine, text: str) -> list[list[str]]:
    result = engine.extract(text, reference_date="2024-03-04", types=["agreement"])
    return [e.value["parties"] for e in result.extractions]


@pytest.mark.parametrize("text, expected", [
    # names coordinated before the subject the pattern found
    ("Zenco and Ohio-based software company Brightline Systems agreed to work together.", ["Zenco", "Brightline Systems"]),
    ("Nokia and Canada's Sierra Wireless agreed to work together.", ["Nokia", "Sierra Wireless"]),
    ("In Lima, Portugal, Chile, the U.S. And Peru agreed to cooperate.", ["Portugal", "Chile", "the U.S.", "Peru"]),
    ("The Bank of Ghana and the U.S. Federal Reserve Board have agreed new standards.",
     ["the Bank of Ghana", "U.S. Federal Reserve Board"]),
    # names joined to a counterparty
    ("Kenya signed a deal with Bolt Ltd and Cargo Inc on Monday.", ["Kenya", "Bolt Ltd", "Cargo Inc"]),
    # names the mention rules cut short, and two firms read as one
    ("Harlow & Harlow has agreed to buy Medix.", ["Harlow & Harlow"]),
    ("Banco de Venezuela also signed a supply agreement.", ["Banco de Venezuela"]),
    ("Ghanaian lenders Union Bank of Accra and Coast Trust Bank have agreed plans to merge.",
     ["Union Bank of Accra", "Coast Trust Bank"]),
    # a group with the body it belongs to, or the name a comma sets after it
    ("Delta signed a deal with catering firm, Skyfood, which will supply meals.", ["Delta", "Skyfood"]),
])
def test_parties_beyond_the_pattern(engine, text, expected):
    assert parties(engine, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a name after a preposition is no co-subject
    ("Under pressure from Britain, Germany and France agreed to talks.", ["Germany", "France"]),
    # a name that starts a new clause is no counterparty
    ("Kenya signed a deal with Bolt Ltd and Cargo Inc said it would bid.", ["Kenya", "Bolt Ltd"]),
    # a sentence's end, a title or a month is no part of a name
    ("Talks ended in June. Acme agreed to buy Bolt.", ["Acme"]),
    ("Prime Minister Tony Blair and President Bush agreed to meet.", ["Tony Blair", "Bush"]),
    ("On Monday Acme agreed to buy Bolt.", ["Acme"]),
    # two firms split only when both halves hold a company word
    ("MacAndrews and Forbes Group agreed to buy it.", ["MacAndrews", "Forbes Group"]),
])
def test_parties_stop_where_the_clause_does(engine, text, expected):
    assert parties(engine, text) == [expected]


def test_it_after_a_reporting_verb_is_the_reporter(engine):
    text = ("Zenco was founded in 1990. Fonterra, the largest dairy exporter in the country, "
            "said it agreed to sell the unit.")
    assert parties(engine, text) == [["Fonterra"]]


def test_they_looks_past_a_speaker_opening_its_sentence(engine):
    text = ("Jane Roe and Tom Poe have joined the cast of the show.\n\n"
            "He said they had agreed to appear in one episode.")
    assert parties(engine, text) == [["Jane Roe", "Tom Poe"]]


def test_both_sides_may_be_the_last_two_firms(engine):
    text = ("Zenco Holdings Ltd said talks with Brightline Systems Inc went on. "
            "A memorandum signed by the two sides in May set the price.")
    assert parties(engine, text) == [["Zenco Holdings Ltd", "Brightline Systems Inc"]]


def test_it_after_a_clause_is_that_clauses_subject(engine):
    text = "Shares in Zenco fell while Japan's Kimura Steel slid after it agreed to pay more for ore."
    assert parties(engine, text) == [["Kimura Steel"]]


def test_a_list_ends_where_a_pronoun_opens_the_clause(engine):
    text = "Zenco Ltd said if it won control of the Bolt board, it has agreed not to sue."
    assert parties(engine, text) == [["Zenco Ltd"]]


def test_a_group_of_nations_is_the_list_just_before_it(engine):
    text = ("Ministers of Peru, Chile, Bolivia and Ecuador met in Lima. "
            "The communique said they had agreed to share data.")
    assert parties(engine, text) == [["Peru", "Chile", "Bolivia", "Ecuador"]]
    far = ("Ministers of Peru, Chile, Bolivia and Ecuador met in Lima. Talks went on for a week. "
           "In Paris, leading industrial nations agreed to share data.")
    assert parties(engine, far) == [["leading industrial nations"]]


@pytest.mark.parametrize("text, expected", [
    ("Ina signed a similar deal with Austria's Voest AG two years ago.", ["Ina", "Voest AG"]),
    ("The agreement, approved by the U.S. Department of Justice yesterday, stands.", ["the U.S. Department of Justice"]),
    ("Smolinski of Data Resources agreed to join the panel.", ["Smolinski"]),
    ("The agreement reached by ministers in May holds.", ["ministers"]),
    ("The roadmap was agreed between Anna Berg and Tomas Reyes, officials said.", ["Anna Berg", "Tomas Reyes"]),
])
def test_the_side_a_name_stands_for(engine, text, expected):
    assert parties(engine, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # Reuters brackets a name; a ticker may follow a name
    ("NEW YORK, April 2 - <Halden and Moss Group> and Corvin Media Inc <CRV> said that they have "
     "entered into a merger agreement.", ["Halden and Moss Group", "Corvin Media Inc"]),
    # a company word after a name is part of it, so the list goes on before it
    ("Zenco said Granite Bank, Dunmore Trust Co and Pell Bros had agreed to lend the money.",
     ["Granite Bank", "Dunmore Trust Co", "Pell Bros"]),
])
def test_names_written_as_wires_write_them(engine, text, expected):
    assert parties(engine, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a modifier the firm's name holds
    ("Orbis Broadcasting Co shares rose. It is unclear whether the broadcast company would agree "
     "to a takeover.", ["Orbis Broadcasting Co"]),
    # a nationality, opening the sentence after the firm's
    ("Zenco ended its alliance with Brightline Motors Corp last year. The US firm agreed to pay $2bn.",
     ["Brightline Motors Corp"]),
    # no nationality: a group of people, not the firm before it
    ("Zenco ended its alliance with Brightline Motors Corp last year. The cross-party group agreed "
     "to publish a bill.", ["the cross-party group"]),
    # the board of the firm the text is about
    ("PARIS, June 2 - <Varel et Cie> backed the bid, its chairman said. The board agreed to back the bid.",
     ["Varel et Cie's board"]),
])
def test_a_described_firm_is_the_one_it_describes(engine, text, expected):
    assert parties(engine, text) == [expected]


def test_a_plain_group_repeats_the_fuller_one_or_names_a_body(engine):
    repeated = ("Under the deal agreed by EC farm ministers, Chile gains. "
                "But ministers failed to agree on a deal with Peru.")
    assert parties(engine, repeated)[-1] == ["EC", "Peru"]
    body = "The Council of Ministers met in April. The agreement reached by ministers in May holds."
    assert parties(engine, body) == [["the Council of Ministers"]]


@pytest.mark.parametrize("text, expected", [
    # ", the company said" speaks for the firm the text is about, not the firms its sentence names
    ("Zenco Holdings Corp said it was approached by a group keen to buy its unit, Brightline Corp.\n\n"
     "The group includes managers of Brightline but no officers of Zenco, the company said.\n\n"
     "The company has agreed to let the group review the unit.", ["Zenco Holdings Corp"]),
    # a lede introduces with "a" whom its second sentence names
    ("A US software and services company has agreed to pay $8m to settle charges. "
     "The Orbis corporation was accused of fraud.", ["the Orbis corporation"]),
    # a group at a firm
    ("Ten former directors at Zenco have agreed to pay $4m.", ["Ten former directors at Zenco"]),
])
def test_whom_a_description_stands_for(engine, text, expected):
    assert parties(engine, text) == [expected]


def test_both_companies_are_the_pair_their_sentence_joins(engine):
    text = ("Regulators said they would block the Zenco Corp and Brightline Corp merger unless "
            "both companies agreed to sell a unit.")
    assert parties(engine, text) == [["Zenco Corp", "Brightline Corp"]]


def test_they_may_stand_for_the_organisation_opening_the_sentence_before(engine):
    text = "The Zenco Group says it expects 400 members to come. They have agreed to keep to the site."
    assert parties(engine, text) == [["the Zenco Group"]]


@pytest.mark.parametrize("text, expected", [
    # "with" after the object and a few words of place, time or size
    ("Zenco signed a pact in Lima on March 17 with Petroleos De Venezuela to sell oil.",
     ["Zenco", "Petroleos De Venezuela"]),
    # an acronym set off by commas after a name is that name again
    ("Zenco signed a pact in Lima on March 17 with Petroleos De Venezuela, PDVSA, to sell oil.",
     ["Zenco", "Petroleos De Venezuela"]),
    # a capitalised word before a name is no particle unless the lexicon says so
    ("The New York Times Co agreed to buy it.", ["the New York Times Co"]),
])
def test_the_other_side_after_the_object(engine, text, expected):
    assert parties(engine, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # whose offer is accepted (lexicon offer_nouns)
    ("Zenco had agreed to a buyout by eight Zenco executives and Bolt Capital Inc last year.",
     ["Zenco", "eight Zenco executives", "Bolt Capital Inc"]),
    ("Baker would not agree to a plan devised by Hughes Tool Co last week.", ["Baker", "Hughes Tool Co"]),
    # a place before a company noun describes the firm named after it
    ("Zeta Films signed a deal with Hollywood studio Warner Brothers.", ["Zeta Films", "Warner Brothers"]),
    # a lower-case particle inside a name, and a subject joined by "and the previous"
    ("Chrysler Corp and Regie Nationale des Usines Renault said they agreed to extend the period.",
     ["Chrysler Corp", "Regie Nationale des Usines Renault"]),
    ("The talks failed because President Trump and the previous Congress could not reach an agreement.",
     ["Trump", "Congress"]),
])
def test_sides_named_around_the_object_and_the_subject(engine, text, expected):
    assert parties(engine, text) == [expected]


def test_members_of_a_body_are_the_side_unless_they_stand_for_it(engine):
    assert parties(engine, "All the member states of the 55-member AU have signed the agreement.") == [
        ["the member states of the 55-member AU"]]
    assert parties(engine, "But ministers of the EU failed to agree on a budget.") == [["the EU"]]


def test_an_offer_noun_without_its_maker_adds_no_side(engine):
    assert parties(engine, "Zenco agreed to a buyout last year.") == [["Zenco"]]
