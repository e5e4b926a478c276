"""Text in any Unicode normal form, or with HTML character references left in, gives the same
extractions: the engine works on the NFC form with each reference read as the character it
stands for (what the rules and lexicons are written in) and maps offsets back to the text as
given.

Decomposed text (NFD, common from macOS and some CMSs) writes "ğ" as "g" plus a combining
breve; without this, `\\p{L}+` stops at the mark and "Erdoğan" becomes "Erdog". Text scraped
from web pages keeps references such as "communiqu&#233;" or "AT&amp;T"; without this, a
word stops at the "&".
"""
from __future__ import annotations

import html
import unicodedata
from bisect import bisect_right
from functools import lru_cache

import regex

NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
CHARACTER_REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
PLAIN, NFC, WHOLE = "plain", "nfc", "whole"     # how a piece maps: one to one, by NFC prefix, as a unit


class OffsetMap:
    """From positions in the NFC text to positions in the original. The text is cut into
    pieces that normalise independently; where a piece is the same in both forms, positions
    map one to one. Inside a piece that changed ("a" + acute + circumflex became "á" +
    circumflex), a position maps to where the same prefix ends in the original, and where
    there is no such place, out to the piece's edge, so a span never cuts a character. A
    character reference ("&#233;" read as "é") is a piece mapped as a unit."""

    def __init__(self, original: str) -> None:
        self._text = original
        self._nfc: list[int] = []
        self._original: list[int] = []
        self._kind: list[str] = []

    def add(self, nfc_start: int, original_start: int, kind: str) -> None:
        self._nfc.append(nfc_start)
        self._original.append(original_start)
        self._kind.append(kind)

    def start(self, pos: int) -> int:
        return self._map(pos, widen=0)

    def end(self, pos: int) -> int:
        return self._map(pos, widen=1)

    def _map(self, pos: int, widen: int) -> int:
        i = bisect_right(self._nfc, pos) - 1
        if self._kind[i] == PLAIN or self._nfc[i] == pos:
            return self._original[i] + pos - self._nfc[i]
        if self._kind[i] == WHOLE:
            return self._original[i + widen]
        piece = self._text[self._original[i]:self._original[i + 1]]
        prefix = unicodedata.normalize("NFC", piece)[:pos - self._nfc[i]]
        for k in range(1, len(piece)):
            if unicodedata.normalize("NFC", piece[:k]) == prefix:
                return self._original[i] + k
        return self._original[i + widen]


def to_nfc(text: str) -> tuple[str, OffsetMap | None]:
    """The NFC form of `text` with its character references read, and the map back (None when
    the text is NFC already and has no reference)."""
    references = [m for m in CHARACTER_REFERENCE.finditer(text) if html.unescape(m.group()) != m.group()] \
        if "&" in text else []
    if not references and unicodedata.is_normalized("NFC", text):
        return text, None
    offsets = OffsetMap(text)
    out: list[str] = []
    length = 0

    def piece(start: int, end: int, kind: str, read: str | None = None) -> None:
        nonlocal length
        source = text[start:end]
        normal = read if read is not None else source if kind == PLAIN else unicodedata.normalize("NFC", source)
        offsets.add(length, start, PLAIN if kind == NFC and normal == source else kind)
        out.append(normal)
        length += len(normal)

    def nfc_pieces(done: int, stop: int) -> None:
        for run in NON_ASCII.finditer(text, done, stop):
            # An ASCII character never combines with the one before it, but a mark after it may
            # combine with it: each run of other characters goes with the character before it.
            start = max(run.start() - 1, done)
            if start > done:
                piece(done, start, PLAIN)
            for a, b in _stable_pieces(text, start, run.end()):
                piece(a, b, NFC)
            done = run.end()
        if done < stop:
            piece(done, stop, PLAIN)

    done = 0
    for reference in references:
        nfc_pieces(done, reference.start())
        piece(reference.start(), reference.end(), WHOLE,
              unicodedata.normalize("NFC", html.unescape(reference.group())))
        done = reference.end()
    nfc_pieces(done, len(text))
    offsets.add(length, len(text), PLAIN)       # the end of the text
    return "".join(out), offsets


def _stable_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut before every character that starts a new piece: one that does
    not combine with what comes before it in any normal form."""
    seconds = _composes_with_previous()
    cuts = [start]
    for i in range(start + 1, end):
        char = text[i]
        if not unicodedata.combining(char) and char not in seconds:
            cuts.append(i)
    return list(zip(cuts, cuts[1:] + [end]))


@lru_cache(maxsize=1)
def _composes_with_previous() -> frozenset[str]:
    """Characters of combining class 0 that NFC can still join to the character before them
    (Hangul vowels and final consonants, some Indic vowel signs)."""
    found = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [chr(int(part, 16)) for part in decomposition.split()]
        if len(parts) == 2 and not unicodedata.combining(parts[1]) \
                and unicodedata.normalize("NFC", "".join(parts)) == chr(code):
            found.add(parts[1])
    found.update(chr(c) for c in range(0x1161, 0x1176))      # Hangul vowels: L + V
    found.update(chr(c) for c in range(0x11A8, 0x11C3))      # Hangul finals: LV + T
    return frozenset(found)
