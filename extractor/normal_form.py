"""Text in any Unicode normal form gives the same extractions: the engine works on the NFC form
(what the rules and lexicons are written in) and maps offsets back to the text as given.

Decomposed text (NFD, common from macOS and some CMSs) writes "ğ" as "g" plus a combining
breve; without this, `\\p{L}+` stops at the mark and "Erdoğan" becomes "Erdog".
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

import regex

NON_ASCII = regex.compile(r"[^\x00-\x7f]+")


class OffsetMap:
    """From positions in the NFC text to positions in the original. The text is cut into
    pieces that normalise independently; where a piece is the same in both forms, positions
    map one to one. Inside a piece that changed ("a" + acute + circumflex became "á" +
    circumflex), a position maps to where the same prefix ends in the original, and where
    there is no such place, out to the piece's edge, so a span never cuts a character."""

    def __init__(self, original: str) -> None:
        self._text = original
        self._nfc: list[int] = []
        self._original: list[int] = []
        self._plain: list[bool] = []

    def add(self, nfc_start: int, original_start: int, plain: bool) -> None:
        self._nfc.append(nfc_start)
        self._original.append(original_start)
        self._plain.append(plain)

    def start(self, pos: int) -> int:
        return self._map(pos, widen=0)

    def end(self, pos: int) -> int:
        return self._map(pos, widen=1)

    def _map(self, pos: int, widen: int) -> int:
        i = bisect_right(self._nfc, pos) - 1
        if self._plain[i] or self._nfc[i] == pos:
            return self._original[i] + pos - self._nfc[i]
        piece = self._text[self._original[i]:self._original[i + 1]]
        prefix = unicodedata.normalize("NFC", piece)[:pos - self._nfc[i]]
        for k in range(1, len(piece)):
            if unicodedata.normalize("NFC", piece[:k]) == prefix:
                return self._original[i] + k
        return self._original[i + widen]


def to_nfc(text: str) -> tuple[str, OffsetMap | None]:
    """The NFC form of `text`, and the map back (None when the text is NFC already)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    offsets = OffsetMap(text)
    out: list[str] = []
    length = 0

    def piece(start: int, end: int, plain: bool = False) -> None:
        nonlocal length
        normal = text[start:end] if plain else unicodedata.normalize("NFC", text[start:end])
        offsets.add(length, start, plain or normal == text[start:end])
        out.append(normal)
        length += len(normal)

    done = 0
    for run in NON_ASCII.finditer(text):
        # An ASCII character never combines with the one before it, but a mark after it may
        # combine with it: each run of other characters goes with the character before it.
        start = max(run.start() - 1, done)
        if start > done:
            piece(done, start, plain=True)
        for a, b in _stable_pieces(text, start, run.end()):
            piece(a, b)
        done = run.end()
    if done < len(text):
        piece(done, len(text), plain=True)
    offsets.add(length, len(text), True)       # the end of the text
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
