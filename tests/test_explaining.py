"""extractor explain: each extraction's rule, groups, constraints and steps; why a span was not found."""
from __future__ import annotations

import json

from extractor import Engine
from extractor.cli import main
from extractor.explaining import explanation_text

from .conftest import OVERLAP, SEED_PATH, write_rules



def test_every_extraction_names_its_rule_groups_and_steps(engine, seed_text):
    data = engine.explain(seed_text)
    assert len(data["extractions"]) == len(engine.extract(seed_text).extractions)
    assert data["reference_date_from"] == "dateline of the document"
    for e in data["extractions"]:
        file, line = e["rule_at"].rsplit(":", 1)
        assert file.endswith(".yaml") and int(line) > 0
        assert e["steps"] and e["steps"][0].startswith("normaliser ")
    money = next(e for e in data["extractions"] if e["text"] == "USD 3 billion")
    assert money["groups"]["amount"]["text"] == "3" and money["groups"]["scale"]["text"] == "billion"
    quote = next(e for e in data["extractions"] if e["type"] == "quote" and e["value"].get("speaker_text"))
    assert any(s.startswith(f"speaker {quote['value']['speaker_text']!r}") for s in quote["steps"])
    title = next(e for e in data["extractions"] if e["rule"] == "title.before_name")
    assert title["constraints"]


BLOCKED = """\
rules:
  - id: org.acme
    type: org
    pattern: 'Acme Chief'
    examples: [{text: "Acme Chief", match: "Acme Chief"}]
  - id: person.chief
    type: person
    stage: 2
    not_overlapping: [org]
    pattern: 'Chief \\p{Lu}\\p{Ll}+'
    examples: [{text: "Chief Ruiz", match: "Chief Ruiz"}]
"""


def test_why_not_names_the_constraint_and_the_mention_that_blocked_it(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": BLOCKED}))
    (answer,) = engine.explain("The Acme Chief Ruiz said so on Monday.", why_not=["Chief Ruiz"])["why_not"]
    verdicts = {r["rule"]: r["verdict"] for r in answer["rules"]}
    assert verdicts["person.chief"] == ("a constraint failed: not_overlapping org: overlaps 'Acme Chief' (org.acme)")
    assert answer["extracted_as"] == []


def test_why_not_on_the_built_in_rules_lists_only_rules_that_could_match(engine):
    (answer,) = engine.explain("Chief Scientist Soumya Swaminathan said so on Monday.",
                               why_not=["Soumya Swaminathan"])["why_not"]
    verdicts = {r["rule"]: r["verdict"] for r in answer["rules"]}
    assert "date.weekday" not in verdicts and "mention.person" in verdicts


def test_why_not_names_the_rule_that_won_the_overlap(tmp_path):
    engine = Engine.from_directory(write_rules(tmp_path, {"r.yaml": OVERLAP}))
    (answer,) = engine.explain("I love New York City.", why_not=["New York City"])["why_not"]
    verdicts = {r["rule"]: r["verdict"] for r in answer["rules"]}
    assert verdicts["thing.long_low"].startswith("lost the overlap to thing.short_high 'New' (priority 90 against 10")
    assert verdicts["thing.short_high"].startswith("the pattern does not match exactly this span")
    text = explanation_text(engine.explain("I love New York City.", why_not=["New", "Boston"]))
    assert "thing.short_high" in text and "matched and extracted" in text
    assert "why not 'Boston': the text does not contain this span" in text


def test_the_command_reads_text_or_a_file(capsys):
    assert main(["explain", str(SEED_PATH), "--format", "json", "--why-not", "Rajnath Singh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["extractions"] and data["why_not"][0]["span"] == "Rajnath Singh"
    assert main(["explain", "It cost $5 on Monday.", "--date", "2023-06-05"]) == 0
    out = capsys.readouterr().out
    assert "money 8-10 '$5'  <- money.before" in out and "reference date 2023-06-05 (given)" in out


def test_a_date_without_a_year_says_which_tense_anchored_it(engine):
    data = engine.explain("The talks will resume on Monday.", "2023-06-07")
    (monday,) = [e for e in data["extractions"] if e["text"] == "Monday"]
    assert monday["value"]["timex"] == "2023-06-12"
    assert any("tense read as future" in step for step in monday["steps"])


def test_a_title_says_which_person_mention_gave_its_person(engine):
    data = engine.explain("Defence Minister Rajnath Singh met them. Singh spoke.")
    (title,) = [e for e in data["extractions"] if e["type"] == "title"]
    assert any(s.startswith("person: the fullest name in the document") and "'Rajnath Singh'" in s
               for s in title["steps"])


def test_money_says_how_its_amount_was_made(engine):
    (money,) = engine.explain("It paid over USD 3 billion.")["extractions"]
    assert "amount '3' times the scale 'billion' = 3000000000; currency USD; qualifier over" in money["steps"]
