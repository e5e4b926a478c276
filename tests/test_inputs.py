"""Reading documents: text, JSON Lines and JSON files, standard input sniffed or as told."""
from __future__ import annotations

import io

import pytest

from extractor.inputs import read_documents

RECORDS = b'{"id": "a", "text": "It cost $5.", "date": "2023-06-05"}\n{"id": "b", "text": "USD 3 billion"}\n'


def _read(paths, **kwargs):
    notes: list[str] = []
    docs = list(read_documents(paths, notice=notes.append, **kwargs))
    return docs, notes


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.ndjson", "feed.JSONL", "feed.jsonlines"])
def test_json_lines_files_by_their_name(tmp_path, name):
    (tmp_path / name).write_bytes(RECORDS)
    docs, notes = _read([str(tmp_path / name)])
    assert [(d.id, d.text, d.date) for d in docs] == [("a", "It cost $5.", "2023-06-05"),
                                                      ("b", "USD 3 billion", None)]
    assert notes == []


def test_a_json_file_holds_an_array_or_one_record(tmp_path):
    (tmp_path / "many.json").write_text('[{"id": "x", "text": "one"}, 5, {"text": "three"}]')
    (tmp_path / "one.json").write_text('{"id": "y", "text": "alone"}')
    docs, _ = _read([str(tmp_path / "many.json"), str(tmp_path / "one.json")])
    assert [(d.id, d.text) for d in docs] == [("x", "one"), ("many:2", None), ("many:3", "three"), ("y", "alone")]
    assert docs[1].error.endswith("many.json: record 2: a record must be a JSON object")


def test_json_lines_named_json_are_read_as_lines_and_said_so(tmp_path):
    (tmp_path / "feed.json").write_bytes(RECORDS)
    docs, notes = _read([str(tmp_path / "feed.json")])
    assert [d.id for d in docs] == ["a", "b"]
    assert notes == [f"{tmp_path / 'feed.json'}: read as JSON Lines (it holds one JSON value per line)"]


def test_broken_json_file_is_one_reported_document(tmp_path):
    (tmp_path / "bad.json").write_text('[{"text": "a"},\n {"text": }]')
    (docs, _) = _read([str(tmp_path / "bad.json")])
    assert len(docs) == 1 and "not valid JSON" in docs[0].error and "line 2" in docs[0].error


def test_standard_input_of_records_is_read_as_json_lines_and_said_so():
    docs, notes = _read(["-"], stdin=io.BytesIO(b"\xef\xbb\xbf" + RECORDS))
    assert [d.id for d in docs] == ["a", "b"]
    assert notes and notes[0].startswith("standard input read as JSON Lines")


@pytest.mark.parametrize("data", [b"He paid $5.\nThen left.\n", b'{"not": "a record"}\nmore\n', b"{ broken\n"])
def test_standard_input_of_text_stays_one_text(data):
    docs, notes = _read(["-"], stdin=io.BytesIO(data), input_format="text")
    assert [d.text for d in docs] == [data.decode()] and notes == []
    if not data.startswith(b"{ "):
        docs, notes = _read(["-"], stdin=io.BytesIO(data))
        assert [d.text for d in docs] == [data.decode()] and "one text" in notes[0]


def test_standard_input_as_told():
    docs, notes = _read(["-"], stdin=io.BytesIO(RECORDS), input_format="text")
    assert len(docs) == 1 and docs[0].text == RECORDS.decode() and notes == []
    docs, _ = _read(["-"], stdin=io.BytesIO(b'[{"text": "a"}]'), input_format="auto")
    assert [d.text for d in docs] == ["a"]


def test_a_text_file_named_anything_else_is_one_text(tmp_path):
    (tmp_path / "story.md").write_bytes(RECORDS)
    docs, _ = _read([str(tmp_path / "story.md")])
    assert [d.text for d in docs] == [RECORDS.decode()]
    docs, _ = _read([str(tmp_path / "story.md")], input_format="jsonl")
    assert [d.id for d in docs] == ["a", "b"]


def test_unknown_input_format():
    with pytest.raises(ValueError, match="input format"):
        list(read_documents(["x"], input_format="xml"))
