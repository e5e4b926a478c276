"""Decomposed (NFD) text, or text with HTML character references, gives the extractions of its
NFC, read form, with offsets into the text as given."""
from __future__ import annotations

import unicodedata

import pytest

from extractor.normal_form import to_nfc

NFD = unicodedata.normalize("NFD", "President Erdoğan told Zürich’s Gülşen Çelik: “Ça va.”")


def test_nfc_text_is_left_alone():
    text = unicodedata.normalize("NFC", NFD)
    assert to_nfc(text) == (text, None)


def test_offsets_map_back_to_the_same_words():
    nfc, offsets = to_nfc(NFD)
    assert nfc == unicodedata.normalize("NFC", NFD) and offsets is not None
    for word in ["Erdoğan", "Zürich", "Gülşen Çelik", "“Ça va.”", "President"]:
        start = nfc.index(word)
        given = NFD[offsets.start(start):offsets.end(start + len(word))]
        assert unicodedata.normalize("NFC", given) == word
    assert offsets.end(len(nfc)) == len(NFD)


def test_a_position_between_a_letter_and_a_mark_that_did_not_combine():
    given = unicodedata.normalize("NFD", "xa\u0301\u0302 y")   # a + acute combine; the circumflex stays
    nfc, offsets = to_nfc(given)
    assert nfc == "x\u00e1\u0302 y"
    assert offsets.end(2) == 3 and offsets.start(2) == 3          # after "á": after a + acute
    nfc, offsets = to_nfc("xa\u0302\u0301")    # both marks combine: one character, ấ
    assert nfc == "x\u1ea5" and offsets.end(2) == 4


@pytest.mark.parametrize("text", ["\u1100\u1161\u11a8 ok", "\u0b47\u0b3e and \u0dd9\u0dcf"])
def test_characters_that_join_the_one_before_them(text):
    """Hangul jamo and some Indic vowel signs compose although neither is a combining mark."""
    nfc, _ = to_nfc(text)
    assert nfc == unicodedata.normalize("NFC", text)


def test_the_engine_gives_the_same_extractions_for_both_forms(engine):
    text = ("Turkish President Recep Tayyip Erdoğan said on Monday: “We will sign the accord.” "
            "“It costs €5 million,” said Gülşen Çelik, the minister.")
    nfc = engine.extract(text, reference_date="2023-06-05")
    nfd_text = unicodedata.normalize("NFD", text)
    nfd = engine.extract(nfd_text, reference_date="2023-06-05")
    assert nfc.extractions and len(nfc.extractions) == len(nfd.extractions)
    for a, b in zip(nfc.extractions, nfd.extractions):
        assert b.text == nfd_text[b.start:b.end]
        assert unicodedata.normalize("NFC", b.text) == a.text
        assert (a.type, a.rule) == (b.type, b.rule)
        plain = {k: v for k, v in b.value.items() if not k.endswith(("_start", "_end", "_text"))}
        assert plain == {k: v for k, v in a.value.items() if not k.endswith(("_start", "_end", "_text"))}
        if b.value.get("speaker_start") is not None:
            assert b.value["speaker_text"] == nfd_text[b.value["speaker_start"]:b.value["speaker_end"]]
    speakers = {e.value.get("speaker") for e in nfd.extractions if e.type == "quote"}
    assert "Gülşen Çelik" in speakers


def test_character_references_are_read_as_their_characters():
    given = "He signed a communiqu&#233; with AT&amp;T &lt;here&gt; &#x41;nd &bogus; R&D &#233;"
    read, offsets = to_nfc(given)
    assert read == "He signed a communiqué with AT&T <here> And &bogus; R&D é" and offsets is not None
    for word in ["communiqué", "AT&T", "<here>", "And", "&bogus;", "R&D"]:
        start = read.index(word)
        assert given[offsets.start(start):offsets.end(start + len(word))] == \
            {"communiqué": "communiqu&#233;", "AT&T": "AT&amp;T", "<here>": "&lt;here&gt;", "And": "&#x41;nd"}.get(word, word)
    assert offsets.end(len(read)) == len(given) and offsets.start(len(read) - 1) == len(given) - 6


def test_the_engine_reads_through_character_references(engine):
    given = "NAIROBI, May 5 - Kenya signed a communiqu&#233; with Uganda. &quot;It is done,&quot; said Ann Toro."
    result = engine.extract(given)
    by_type = {e.type: e for e in result.extractions}
    assert by_type["agreement"].value["object"] == "a communiqué"
    assert by_type["quote"].text == "&quot;It is done,&quot;" and by_type["quote"].value["speaker"] == "Ann Toro"
    assert all(e.text == given[e.start:e.end] for e in result.extractions)
