"""The grammar of a Vietnamese syllable, and how Vietnamese a text looks.

* ``is_valid_syllable``: onset + vowel nucleus + coda + at most one tone mark
  ("nghiêng", "Quyết" yes; "nhd", "TÈNH", "LAMDONG" no).
* ``text_quality``: the share of a text's word tokens that are syllables.  A
  PDF text layer that is mostly non-syllables ("TÈNH LÂM ÒNG", "uY BAN NgAN")
  is a broken glyph map and is OCR'd again (``parsers.pdf_parser``); legacy
  TCVN3/VNI detection (``core.legacy_encoding``) asks which decoding gives
  real syllables.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core import regex_cached as regex

from core.textutil import rx_timeout


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_KEEP_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter

_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
_NUCLEUS = (
    r"(?:uyê|uya|uyu|iêu|yêu|ươu|ươi|uôi|oai|oay|oao|oeo|uây|uay|uêu"
    r"|iê|yê|ươ|uô|ưa|ua|ia|oa|oă|oe|uâ|uê|uy|uơ|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|oo"
    r"|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
)
_CODA = r"(?:ch|nh|ng|[cmnpt])?"
_SYLLABLE = regex.compile(rf"^{_ONSET}{_NUCLEUS}{_CODA}$")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# numbering and codes that mix digits and letters legitimately: 5a, 30c, A03, QĐ932
_CODE = regex.compile(r"^(?:\d{1,4}[a-zđA-ZĐ]?|\p{Lu}{1,4}\d{1,4}[a-z]?)$")
_VIET_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")
_ASCII_LETTERS = set("abcdefghijklmnopqrstuvwxyz")


def _strip_tones(word: str) -> tuple[str, int]:
    d = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in d if ch in _TONES)
    base = "".join(ch for ch in d if ch not in _TONES)
    return unicodedata.normalize("NFC", base), tones


@lru_cache(maxsize=1 << 16)  # pure, and a text repeats its syllables
def is_valid_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("nghiêng", "Quyết", "gì"),
    whatever the case; False for anything else ("nhd", "TÈNH", "LAMDONG")."""
    if not word or len(word) > 8:
        return False
    base, tones = _strip_tones(word)
    if tones > 1:
        return False
    return _SYLLABLE.match(base, timeout=rx_timeout(base)) is not None


@dataclass(frozen=True, slots=True)
class TextQuality:
    words: int  # tokens judged
    valid: int  # of which valid syllables
    with_marks: int  # of which carry a Vietnamese diacritic

    @property
    def score(self) -> float:
        return self.valid / self.words if self.words else 0.0

    @property
    def usable(self) -> bool:
        """Enough Vietnamese-looking text to trust the layer."""
        if self.words < 8:
            return False
        if self.score < 0.70:
            return False
        # real Vietnamese running text carries diacritics on many syllables;
        # a layer without any is OCR that lost them ("LdmDing, ngdy")
        if self.words >= 30 and self.with_marks / self.words < 0.10:
            return False
        return True


def text_quality(text: str) -> TextQuality:
    """Judge a text: how many of its word tokens are Vietnamese syllables.

    Numbers and upper-case abbreviations made of Vietnamese letters ("UBND",
    "TTr") are not judged; tokens mixing lower-case letters and digits
    ("nu6c") or carrying letters Vietnamese does not use ("BØC") count as
    invalid."""
    n = valid = marked = 0
    for m in _TOKEN.finditer(text, timeout=rx_timeout(text)):
        dn, dv, dm = _judge_token(m.group())
        n += dn
        valid += dv
        marked += dm
    return TextQuality(n, valid, marked)


@lru_cache(maxsize=1 << 16)  # pure; a page repeats its words
def _judge_token(tok: str) -> tuple[int, int, int]:
    """What one token adds to (words, valid, with_marks) in ``text_quality``."""
    if tok.isdigit():
        return 0, 0, 0
    has_digit = any(ch.isdigit() for ch in tok)
    letters = [ch for ch in tok if not ch.isdigit()]
    base, _ = _strip_tones("".join(letters))
    foreign = any(ch.isalpha() and ch not in _VIET_LETTERS for ch in base)
    upper = sum(1 for ch in tok if ch.isupper())
    if has_digit:
        if not _CODE.match(tok, timeout=rx_timeout(tok)):
            return 1, 0, 0  # garbage like "nu6c", "f60tCNa"
        return 0, 0, 0
    ok = is_valid_syllable(tok)
    if not ok and not foreign and upper >= 2 and len(tok) <= 8:
        return 0, 0, 0  # an abbreviation (UBND, CCHC, TTr)
    if not ok:
        return 1, 0, 0
    return 1, 1, int(any(ch not in _ASCII_LETTERS for ch in tok.lower()))
