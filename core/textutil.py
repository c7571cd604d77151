"""Small text helpers shared by every layer.

* ``fold`` is the key for user-facing matching: no case, no diacritics, đ→d,
  dashes and spaces collapsed ("Phòng TC-HC" and "phong tc - hc" fold alike).
* ``RX_TIMEOUT`` is the time limit (seconds) every ``regex`` call in vanban
  passes as ``timeout=``; patterns are written not to backtrack, the limit is
  the second line of defence.
"""

from __future__ import annotations

import unicodedata

import regex

RX_TIMEOUT = 2.0

_DASHES = regex.compile(r"\s*[-‐‑‒–—―]\s*")
_SPACES = regex.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    base = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", base.replace("đ", "d").replace("Đ", "D"))


def fold(text: str) -> str:
    """Matching key: casefolded, diacritics removed, dashes as "-", single spaces."""
    t = strip_diacritics(text).casefold()
    t = _DASHES.sub("-", t, timeout=RX_TIMEOUT)
    return _SPACES.sub(" ", t, timeout=RX_TIMEOUT).strip()


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text, timeout=RX_TIMEOUT).strip()
