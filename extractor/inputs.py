"""Read documents for the command line: text files, standard input, JSON Lines or JSON records.

A document that cannot be read comes back with `error` set, so a batch reports it and goes on.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator


@dataclass(frozen=True)
class Document:
    id: str
    text: str | None
    date: Any = None       # as the record gives it: the engine reads it or says why not
    error: str | None = None


FORMATS = ("auto", "text", "jsonl", "json")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


def read_documents(paths: list[str], stdin: BinaryIO | None = None, input_format: str = "auto",
                   notice: Callable[[str], None] | None = None) -> Iterator[Document]:
    """The documents of each path ("-" is standard input). `input_format` "auto" goes by the
    file name (.jsonl, .ndjson and .jsonlines are JSON Lines, .json a JSON array of records or
    one record, anything else text) and, for standard input, by its first line; `notice` is
    told what was chosen where it was not plain from the name."""
    if input_format not in FORMATS:
        raise ValueError(f"input format must be one of {', '.join(FORMATS)}, not {input_format!r}")
    notice = notice or (lambda message: None)
    for path in paths:
        if path == "-":
            yield from _stdin_documents(stdin or sys.stdin.buffer, input_format, notice)
            continue
        fmt = input_format if input_format != "auto" else _format_of(path)
        if fmt == "jsonl":
            yield from _jsonl_file(Path(path))
        elif fmt == "json":
            yield from _json_file(Path(path), notice)
        else:
            yield _file_document(Path(path))


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return "jsonl" if suffix in JSONL_SUFFIXES else "json" if suffix == ".json" else "text"


def _stdin_documents(stream: BinaryIO, input_format: str, notice: Callable[[str], None]) -> Iterator[Document]:
    first = stream.readline()
    fmt = input_format
    if fmt == "auto":
        fmt = _sniff(first)
        notice(f"standard input read as {NAMES[fmt]} ({SNIFF_REASONS[fmt]}); "
               f"--input-format {'text' if fmt != 'text' else 'jsonl'} reads it otherwise")
    if fmt == "jsonl":
        yield from _jsonl_lines(_chain(first, stream), "stdin", "stdin")
    elif fmt == "json":
        yield from _json_records(first + stream.read(), "stdin", "stdin", notice)
    else:
        yield _text_document("stdin", first + stream.read())


NAMES = {"text": "one text", "jsonl": "JSON Lines", "json": "JSON"}
SNIFF_REASONS = {"text": "its first line is not a JSON object with \"text\"",
                 "jsonl": "its first line is a JSON object with \"text\"",
                 "json": "it starts with [ or {"}


def _sniff(first_line: bytes) -> str:
    stripped = first_line.removeprefix(b"\xef\xbb\xbf").strip()
    if stripped.startswith(b"{"):
        try:
            record = json.loads(stripped)
        except ValueError:          # an object over several lines: one JSON value
            return "json"
        return "jsonl" if isinstance(record, dict) and "text" in record else "text"
    return "json" if stripped.startswith(b"[") else "text"


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _file_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Document(path.stem, None, error=f"{path}: no such file")
    except OSError as exc:
        return Document(path.stem, None, error=f"{path}: cannot read: {exc.strerror or exc}")
    return _text_document(path.stem, data, str(path))


def _text_document(doc_id: str, data: bytes, where: str | None = None) -> Document:
    where = where or doc_id
    if b"\x00" in data:
        return Document(doc_id, None, error=f"{where}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")   # offsets count after a byte-order mark
    except UnicodeDecodeError as exc:
        return Document(doc_id, None, error=f"{where}: not valid UTF-8 (byte {exc.start}: {exc.reason})")
    if not text.strip():                                    # no-break spaces too
        return Document(doc_id, None, error=f"{where}: empty document")
    return Document(doc_id, text)


def _jsonl_file(path: Path) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Document(path.stem, None, error=f"{path}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _jsonl_lines(handle, str(path), path.stem)


def _jsonl_lines(lines: Iterable[bytes], where: str, stem: str) -> Iterator[Document]:
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")          # a byte-order mark
        if raw.strip():
            yield _jsonl_record(where, stem, number, raw)


def _json_file(path: Path, notice: Callable[[str], None]) -> Iterator[Document]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Document(path.stem, None, error=f"{path}: cannot read: {exc.strerror or exc}")
        return
    yield from _json_records(data, str(path), path.stem, notice)


def _json_records(data: bytes, where: str, stem: str, notice: Callable[[str], None]) -> Iterator[Document]:
    """A JSON array of records, or one record; JSON Lines under a .json name are read as such."""
    try:
        value = json.loads(data.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError as exc:
        yield Document(stem, None, error=f"{where}: not valid UTF-8 (byte {exc.start})")
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":             # one value per line: JSON Lines
            notice(f"{where}: read as JSON Lines (it holds one JSON value per line)")
            yield from _jsonl_lines(data.splitlines(keepends=True), where, stem)
            return
        yield Document(stem, None, error=f"{where}: not valid JSON ({exc.msg} at line {exc.lineno}, "
                                             f"column {exc.colno})")
        return
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        yield Document(stem, None, error=f"{where}: JSON input must be an array of records or one record")
        return
    for number, record in enumerate(value, start=1):
        yield _record(record, f"{where}: record {number}", f"{stem}:{number}")


def _jsonl_record(where: str, stem: str, number: int, raw: bytes) -> Document:
    place, fallback_id = f"{where}:{number}", f"{stem}:{number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Document(fallback_id, None, error=f"{place}: not valid UTF-8 (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return Document(fallback_id, None, error=f"{place}: not valid JSON ({exc.msg} at column {exc.colno})")
    return _record(record, place, fallback_id)


def _record(record: Any, where: str, fallback_id: str) -> Document:
    if not isinstance(record, dict):
        return Document(fallback_id, None, error=f"{where}: a record must be a JSON object")
    doc_id = fallback_id if record.get("id") is None else str(record["id"])
    text = record.get("text")
    if not isinstance(text, str):
        return Document(doc_id, None, error=f"{where}: record has no \"text\" string")
    if not text.strip():
        return Document(doc_id, None, error=f"{where}: empty \"text\"")
    return Document(doc_id, text, record.get("date"))
