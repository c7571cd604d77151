"""Small text helpers shared by every layer.

* ``fold`` is the key for user-facing matching: no case, no diacritics, đ→d,
  dashes and spaces collapsed ("Phòng TC-HC" and "phong tc - hc" fold alike).
* ``RX_TIMEOUT`` is the time limit (seconds) every ``regex`` call in vanban
  passes as ``timeout=``; patterns are written not to backtrack, the limit is
  the second line of defence.

The timeout policy.  The ``regex`` module measures ``timeout`` in CPU time of
the whole *process* (C ``clock()``), not of the calling thread: with many
threads busy, a cheap match can "time out" because its neighbours used the
CPU.  So (1) ``vanban ingest`` runs at most one document per core
(``flows.ingest.worker_count``), Dask workers are processes; (2) a timeout
never silently drops text: wherever one is caught the part it hit is reported
with the warning code ``TIMEOUT_CODE`` (``is_transient``), the output is
marked ``generator.degraded`` and is not cached as complete; (3) the ingest
redoes such a document at once, alone (then process time is the document's
own work), and again on the next run if it is still degraded.
"""

from __future__ import annotations

import unicodedata

import regex

RX_TIMEOUT = 2.0

# warning code of a part lost to a time limit (regex, OCR) or to memory: the
# output is incomplete for a reason that may not recur, so it is redone
TIMEOUT_CODE = "timeout"
DEGRADED_CODES = frozenset({TIMEOUT_CODE})


def is_transient(exc: BaseException) -> bool:
    """An error that says the machine was busy, not that the input is bad:
    a time limit (``regex`` raises the built-in ``TimeoutError``) or memory."""
    return isinstance(exc, (TimeoutError, MemoryError))

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
