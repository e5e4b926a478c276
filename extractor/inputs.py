"""Read documents for the command line: text files, standard input, or JSONL records.

A document that cannot be read comes back with `error` set, so a batch reports it and goes on.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator


@dataclass(frozen=True)
class Document:
    id: str
    text: str | None
    date: Any = None       # as the record gives it: the engine reads it or says why not
    error: str | None = None


def read_documents(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Document]:
    for path in paths:
        if path == "-":
            yield _text_document("stdin", (stdin or sys.stdin.buffer).read())
        elif path.endswith(".jsonl"):
            yield from _jsonl_documents(Path(path))
        else:
            yield _file_document(Path(path))


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


def _jsonl_documents(path: Path) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Document(path.stem, None, error=f"{path}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")          # a byte-order mark
            if raw.strip():
                yield _jsonl_record(path, number, raw)


def _jsonl_record(path: Path, number: int, raw: bytes) -> Document:
    where, fallback_id = f"{path}:{number}", f"{path.stem}:{number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Document(fallback_id, None, error=f"{where}: not valid UTF-8 (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return Document(fallback_id, None, error=f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Document(fallback_id, None, error=f"{where}: a record must be a JSON object")
    doc_id = fallback_id if record.get("id") is None else str(record["id"])
    text = record.get("text")
    if not isinstance(text, str):
        return Document(doc_id, None, error=f"{where}: record has no \"text\" string")
    if not text.strip():
        return Document(doc_id, None, error=f"{where}: empty \"text\"")
    return Document(doc_id, text, record.get("date"))
