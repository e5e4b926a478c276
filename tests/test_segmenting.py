from __future__ import annotations

from extractor.segmenting import segment


def _sentences(engine, text):
    return [text[s:e] for s, e in segment(text, engine.rules.segmentation).sentences]


def test_abbreviations_do_not_end_sentences(engine):
    text = "Acme Inc. paid Mr. Smith in the U.S. on Monday. Then it left."
    assert _sentences(engine, text) == ["Acme Inc. paid Mr. Smith in the U.S. on Monday.", "Then it left."]


def test_a_dotted_initialism_does_not_end_a_sentence(engine):
    text = "It got a 240 mln H.K. Dlr loan from its parent. Then it left."
    assert _sentences(engine, text) == ["It got a 240 mln H.K. Dlr loan from its parent.", "Then it left."]


def test_quotes_are_not_split(engine):
    text = 'He said "we face a changing world. We see threats." Then he left.'
    assert _sentences(engine, text) == ['He said "we face a changing world. We see threats."', "Then he left."]


def test_paragraphs(engine):
    text = "One.\n\nTwo has two. Sentences here.\nThree."
    segments = segment(text, engine.rules.segmentation)
    assert [text[s:e] for s, e in segments.paragraphs] == ["One.", "Two has two. Sentences here.", "Three."]
    assert len(segments.sentences) == 4
    assert segments.sentence_at(text.index("Sentences")) == (text.index("Sentences"), text.index("\nThree"))


def test_question_in_quote_does_not_end_the_sentence(engine):
    text = '"Who would have believed it?" Trump said. "Nobody!" she replied. Then it rained.'
    assert _sentences(engine, text) == ['"Who would have believed it?" Trump said.',
                                        '"Nobody!" she replied.', "Then it rained."]
