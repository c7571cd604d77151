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

from core import regex_cached as regex

RX_TIMEOUT = 2.0

# What the limit costs.  ``regex`` turns ``timeout`` into C ``clock()`` ticks
# and reads ``clock()`` (the process CPU clock: a system call) when each call
# starts; during the match it looks again only every 65,536 steps.  So the cost
# is per call, not per step: 1.8 µs a call here (0.4 µs for a whole search of a
# short sentence without it), about a fifth of extraction's CPU time.  On a
# short text the limit buys nothing: ``tests/test_rx_bound.py`` runs every
# module-level pattern of vanban on hostile texts of ``RX_SHORT`` characters and
# each call ends in milliseconds.  A call on such a text may pass
# ``timeout=rx_timeout(text)``; a longer text keeps ``RX_TIMEOUT``.  Only a
# module-level pattern may be called so (the test runs no other), which the
# same test file checks over the source of every call that does; the calls of
# the extractors on one sentence or cell do (3/4 of the calls of extraction).
RX_SHORT = 300


def rx_timeout(text: str) -> float | None:
    """The ``timeout=`` of a regex call on ``text``: none on a text of at most
    ``RX_SHORT`` characters (bounded by its length, see above), else ``RX_TIMEOUT``."""
    return RX_TIMEOUT if len(text) > RX_SHORT else None

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


class _DropMarks(dict):
    """``str.translate`` table that deletes the non-spacing marks (category Mn):
    filled lazily, one ``unicodedata.category`` call per distinct code point."""

    def __missing__(self, cp: int) -> int | None:
        v = None if unicodedata.category(chr(cp)) == "Mn" else cp
        self[cp] = v
        return v


_DROP_MARKS = _DropMarks()


def strip_diacritics(text: str) -> str:
    if text.isascii():  # nothing to decompose, strip or replace
        return text
    fast = _strip_vietnamese(text)
    return fast if fast is not None else _strip_diacritics(text)


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    base = decomposed.translate(_DROP_MARKS)
    return unicodedata.normalize("NFC", base.replace("đ", "d").replace("Đ", "D"))


# The marks a decomposed Vietnamese text holds (grave, acute, circumflex,
# tilde, breve, diaeresis, hook, horn, dot below, and a few of Latin-1/French).
_VI_MARKS = ("\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0308", "\u0309", "\u031b", "\u0323",
             "\u0304", "\u0307", "\u030a", "\u030c", "\u0327", "\u0328")
# what may remain once they are gone: Latin-1 and the Latin blocks below U+0300
# (no mark among them, none composes with a neighbour) and General Punctuation
_NOT_PLAIN = regex.compile(r"[^\x00-\u02FF\u2000-\u206F]")


def _strip_vietnamese(text: str) -> str | None:
    """``_strip_diacritics(text)`` by whole-string passes, or None when ``text`` holds a character
    this path does not vouch for.  The per-character ``translate`` of the general path costs
    ~0.2 µs a character, most of a long text's ``fold``.  Same result: đ/Đ are starters that
    nothing composes with, so replacing them first changes nothing; every ``_VI_MARKS`` is a
    non-spacing mark; when what is left holds only characters of ``_NOT_PLAIN``'s complement
    (no mark, no canonical decomposition left after NFD, none that NFC composes), dropping the
    non-spacing marks removed exactly those, and NFC leaves the rest as it is."""
    d = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    for m in _VI_MARKS:
        if m in d:
            d = d.replace(m, "")
    if d.isascii():
        return d
    if _NOT_PLAIN.search(d, timeout=rx_timeout(d)) is not None:
        return None
    return d


# White space of ``str.split``/``str.isspace`` is that of ``regex`` ``\s`` plus
# these four separators, which only ``str.strip`` treats as space: a text that
# holds one takes the regex path, so both paths give the same result.
_ISSPACE_NOT_RX = ("\x1c", "\x1d", "\x1e", "\x1f")
_DASH_CHARS = "‐‑‒–—―"  # and "-": the class of ``_DASHES``


def _plain_spaces(text: str) -> bool:
    # a printable text holds none of the four (each is a control character)
    return text.isprintable() or not any(c in text for c in _ISSPACE_NOT_RX)


def _fold(text: str) -> str:
    t = strip_diacritics(text).casefold()
    if not _plain_spaces(t):
        t = _DASHES.sub("-", t, timeout=RX_TIMEOUT)
        return _SPACES.sub(" ", t, timeout=RX_TIMEOUT).strip()
    # same result as the two ``sub`` above, without a regex call (each one
    # reads the process clock for its timeout, which dominated extraction)
    t = " ".join(t.split())
    for d in _DASH_CHARS:
        if d in t:
            t = t.replace(d, "-")
    if "-" in t:
        t = t.replace(" -", "-").replace("- ", "-")
    return t


_FOLD_CACHE: dict[str, str] = {}
_FOLD_CACHE_MAX = 50_000
_FOLD_CACHE_KEY_MAX = 300  # characters; longer texts go to the cache below
# Long texts (whole paragraphs and cells) are folded again and again too: the
# table readers fold each paragraph they are fed, one after the other (742 folds
# of 278 distinct long texts per pass over the samples, 250 µs each: the
# diacritics are stripped character by character).  Kept in a cache of their
# own, bounded by the characters it holds.
_FOLD_LONG: dict[str, str] = {}
_FOLD_LONG_CHARS_MAX = 2_000_000
_fold_long_chars = 0


def fold(text: str) -> str:
    """Matching key: casefolded, diacritics removed, dashes as "-", single spaces."""
    if len(text) > _FOLD_CACHE_KEY_MAX:
        return _fold_long(text)
    r = _FOLD_CACHE.get(text)
    return r if r is not None else _remember(_FOLD_CACHE, _FOLD_CACHE_MAX, text, _fold(text))


def _remember(cache: dict[str, str], max_entries: int, text: str, result: str) -> str:
    """Store ``result`` for ``text`` in ``cache``, emptied first when it holds ``max_entries``."""
    if len(cache) >= max_entries:
        cache.clear()
    cache[text] = result
    return result


def _fold_long(text: str) -> str:
    global _fold_long_chars
    r = _FOLD_LONG.get(text)
    if r is None:
        if _fold_long_chars + len(text) > _FOLD_LONG_CHARS_MAX:
            _FOLD_LONG.clear()
            _fold_long_chars = 0
        r = _FOLD_LONG[text] = _fold(text)
        _fold_long_chars += len(text)
    return r


_SQUASH_CACHE: dict[str, str] = {}
_SQUASH_CACHE_MAX = 50_000


def squash_spaces(text: str) -> str:
    if len(text) > _FOLD_CACHE_KEY_MAX:
        return _squash_spaces(text)
    # the same short texts (unit names, issuers, cells) are squashed again and again: 16,000 calls
    # on 3,400 distinct texts per pass over the samples
    r = _SQUASH_CACHE.get(text)
    return r if r is not None else _remember(_SQUASH_CACHE, _SQUASH_CACHE_MAX, text, _squash_spaces(text))


def _squash_spaces(text: str) -> str:
    if _plain_spaces(text):
        return " ".join(text.split())
    return _SPACES.sub(" ", text, timeout=RX_TIMEOUT).strip()


_REF_YEAR_DASH = regex.compile(r"^([0-9]+[a-z]?)-((?:19|20)[0-9]{2})/")


def reference_key(ref_id: str | None) -> str:
    """The identity of a cited document's number and symbol, the one key every
    comparison uses (scoring, the store, the citation graph): no case, no
    diacritics (đ → d), no spaces or dashes, and the year joined to the number
    by a hyphen read as by a slash, as the Government writes some ids:
    "19-2018/NQ-CP" ~ "19/2018/NQ-CP" ~ "19/2018/NQCP"; "33/CT-TTg" ~ "33/CT TTG".
    A party number keeps its own hyphen apart from a year: "324-QĐ/TU" ~ "324QĐ/TU"."""
    if not ref_id:
        return ""
    t = fold(unicodedata.normalize("NFC", ref_id)).replace(" ", "")
    t = _REF_YEAR_DASH.sub(r"\1/\2/", t, timeout=RX_TIMEOUT)
    return t.replace("-", "").upper()
